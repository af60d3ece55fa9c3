"""Every example in docs/guide.md is run against a copy of the shipped project, so the guide cannot drift.

Each fenced block in the guide follows an HTML comment (invisible on the rendered page) that says how
to exercise it; a block without one fails the test. Each `##` section starts from a fresh copy.

    <!-- test: run -->                   sh block: run each line (python → this Python), expect exit 0
    <!-- test: run fails -->             … expect exit 1
    <!-- test: output -->                text block: exactly what the last command printed ("…" = anything)
    <!-- test: write PATH -->            block: the whole new content of PATH
    <!-- test: merge config.yaml -->     yaml block: these top-level keys replace config.yaml's
    <!-- test: replace PATH | OLD -->    block: replaces the text OLD (\\n = new line) in PATH, until the
                                         next check or output
    <!-- test: gbk PATH -->              (no block) PATH saved as GBK, until the next check or output
    <!-- test: check -->                 text block: `python build.py check` fails printing exactly this
    <!-- test: busy-port -->             text block: what serve prints when its port is taken
    <!-- test: files PATH … -->          (no block) these files exist in the project
"""

import re
import signal
import socket
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, copy_project

GUIDE = ROOT / "docs/guide.md"
DIRECTIVE = re.compile(r"^<!-- test: (.+?) -->$")
FENCE = re.compile(r"^```(\w*)$")
NO_BLOCK = ("files", "gbk")


def sections():
    """[(title, [(directive, language, block text or None)])] for every ## section."""
    found, steps, pending = [], None, None
    lines = GUIDE.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = DIRECTIVE.match(line)
        if line.startswith("## "):
            steps = []
            found.append((line[3:].strip(), steps))
        elif directive and directive.group(1).split()[0] in NO_BLOCK:
            steps.append((directive.group(1), "", None))
        elif directive:
            assert pending is None, f"docs/guide.md:{index + 1}: 上一条测试说明后面没有示例"
            pending = directive.group(1)
        elif FENCE.match(line):
            language, end = FENCE.match(line).group(1), lines.index("```", index + 1)
            assert pending, f"docs/guide.md:{index + 1}: 示例没有对应的测试说明（<!-- test: … -->）"
            steps.append((pending, language, "\n".join(lines[index + 1:end]) + "\n"))
            pending, index = None, end
        index += 1
    assert pending is None, "docs/guide.md: 最后一条测试说明后面没有示例"
    return found


def matches(expected, actual):
    """Expected lines against printed lines; "…" inside a line, or as a whole line (any lines), matches anything."""
    parts = ["(?:[^\n]*\n)*?" if line == "…" else "[^\n]*?".join(map(re.escape, line.split("…"))) + "\n"
             for line in expected.rstrip("\n").split("\n")]
    return re.fullmatch("".join(parts), actual.rstrip("\n") + "\n") is not None


class Project:
    """A throwaway copy of the shipped project that the guide's steps act on."""

    def __init__(self, path):
        self.path = copy_project(ROOT, path)
        self.saved = {}  # files broken on purpose, restored after the next check
        self.output, self.code = "", None

    def command(self, line):
        words = line.split()
        assert words[0] in ("python", "python3") and words[1] == "build.py", f"只能运行 python build.py …：{line}"
        return [sys.executable, str(ROOT / "build.py"), "--root", str(self.path), *words[2:]]

    def run(self, line):
        if " serve" in f" {line} ":
            return self.serve(line)
        result = subprocess.run(self.command(line), capture_output=True, text=True, encoding="utf-8")
        self.output, self.code = result.stdout + result.stderr, result.returncode

    def serve(self, line):
        """Start the preview as written (on a free port if it names none), then press Ctrl-C."""
        port = re.search(r"--port (\d+)", line)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            free = sock.getsockname()[1]
        command = self.command(re.sub(r"--port \d+", f"--port {free}", line) if port else f"{line} --port {free}")
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        lines = []
        for printed in process.stdout:
            lines.append(printed)
            if printed.startswith("（预览生成在临时文件夹"):
                break
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=30)
        shown_port = port.group(1) if port else "8000"
        self.output = "".join(lines + [rest]).replace(f":{free}/", f":{shown_port}/")
        self.code = process.returncode

    def edit(self, relative, change):
        path = self.path / relative
        self.saved.setdefault(path, path.read_bytes())
        change(path)

    def restore(self):
        for path, data in self.saved.items():
            path.write_bytes(data)
        self.saved = {}


def run_section(steps, project):
    for directive, language, block in steps:
        verb, _, rest = directive.partition(" ")
        if verb == "run":
            assert language == "sh"
            for line in block.strip().split("\n"):
                if line.strip() and not line.startswith("#"):
                    project.run(line.strip())
            expected = 1 if rest == "fails" else 0
            assert project.code == expected, project.output
        elif verb == "output":
            assert matches(block, project.output), f"指南里写的输出：\n{block}\n实际输出：\n{project.output}"
            project.restore()
        elif verb == "write":
            target = project.path / rest
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block, encoding="utf-8")
        elif verb == "merge":
            target = project.path / rest
            data = yaml.safe_load(target.read_text(encoding="utf-8"))
            data.update(yaml.safe_load(block))
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        elif verb == "replace":
            relative, old = rest.split(" | ", 1)
            old = old.replace("\\n", "\n")

            def change(path, old=old, relative=relative, block=block):
                text = path.read_text(encoding="utf-8")
                assert old in text, f"{relative} 里没有「{old}」"
                path.write_text(text.replace(old, block.rstrip("\n"), 1), encoding="utf-8")
            project.edit(relative, change)
        elif verb == "gbk":
            project.edit(rest, lambda path: path.write_bytes(path.read_text(encoding="utf-8").encode("gbk")))
        elif verb == "check":
            project.run("python build.py check")
            assert project.code == 1, project.output
            assert matches(block, project.output), f"指南里写的输出：\n{block}\n实际输出：\n{project.output}"
            project.restore()
        elif verb == "busy-port":
            with socket.socket() as taken:
                taken.bind(("127.0.0.1", 0))
                taken.listen()
                port = taken.getsockname()[1]
                result = subprocess.run(project.command(f"python build.py serve --port {port}"),
                                        capture_output=True, text=True, encoding="utf-8", timeout=60)
            project.output, project.code = result.stdout + result.stderr, result.returncode
            shown = project.output.replace(f"--port {port + 1}", "--port 8001").replace(f"端口 {port} ", "端口 8000 ")
            assert project.code == 1 and matches(block, shown), shown
        elif verb == "files":
            for relative in rest.split():
                assert (project.path / relative).is_file(), relative
        else:
            raise AssertionError(f"不认识的测试说明：{directive}")


SECTIONS = sections()


@pytest.mark.parametrize("title,steps", SECTIONS, ids=[f"section{n}" for n in range(1, len(SECTIONS) + 1)])
def test_guide_section(title, steps, tmp_path):
    run_section(steps, Project(tmp_path / "project"))


def test_guide_covers_every_task():
    titles = " ".join(title for title, _ in SECTIONS)
    for task in ["边改边看", "添加一种诈骗类型", "本地电话和单位", "班级", "大屏", "海报和折页", "课件", "U 盘", "错误信息"]:
        assert task in titles, task
    assert sum(len(steps) for _, steps in SECTIONS) >= 40


def test_every_error_message_kind_is_explained():
    """Each kind of message the checker can print has an example in the guide's error section."""
    text = GUIDE.read_text(encoding="utf-8")
    errors = text[text.index("## 错误信息"):]
    for phrase in ["全角冒号", "Tab 键缩进", "写了两遍", "YAML 格式有误", "GBK", "缺少 YAML 头部", "不认识这个字段",
                   "缺少必填字段", "还没有填写", "应当是日期", "太长了", "只能是", "找不到举报渠道", "条目序号不对",
                   "重复了", "不能用作网页文件名", "不安全", "已经有别的文件", "模板出错", "端口", "已经存在"]:
        assert phrase in errors, phrase


def test_links_in_the_guide_point_to_files():
    text = GUIDE.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+\.md)\)", text)
    assert targets
    for target in targets:
        assert (GUIDE.parent / target).is_file(), target
