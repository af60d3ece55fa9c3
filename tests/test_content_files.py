"""What is on the disk: entries that are not files, names as Notepad makes them, damaged text,
missing content. Each gets one Chinese line (a notice for what is skipped); the good site stays."""

import datetime
import os
import re

from conftest import refused_build, run_build
from PIL import Image
from test_build import tree

from fangzha.content.load import load_project
from fangzha.content.validate import validate


def notices(result):
    """The notices about files (the build may have others, about slides)."""
    return [line for line in result.stdout.splitlines() if "跳过：" in line or "多了 .txt" in line]


def test_entries_that_are_not_files_are_skipped_with_a_notice(built_project):
    scams = built_project / "content/scams"
    os.symlink("nowhere.md", scams / "dangling.md")
    os.symlink("self.md", scams / "self.md")
    os.symlink("..", scams / "loop.md")  # a folder loop: content/scams/loop.md/scams/loop.md/…
    (scams / "备份.md").mkdir()
    (scams / "备份.md" / "shuadan.md").write_bytes((scams / "shuadan.md").read_bytes())
    os.mkfifo(scams / "x.md")  # opening it would wait for a writer for ever
    result = run_build(cwd=built_project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert notices(result) == [
        "提示：content/scams/dangling.md: 跳过：这是一个快捷方式（符号链接），它指向的文件不存在。",
        "提示：content/scams/loop.md: 跳过：这是一个文件夹，不是文件。里面的文件不会被读取；如果是备份，请把它移出 content/。",
        "提示：content/scams/self.md: 跳过：这是一个快捷方式（符号链接），它指向自己，绕成了一个圈。",
        "提示：content/scams/x.md: 跳过：这不是普通文件（可能是管道或设备文件）。",
        "提示：content/scams/备份.md: 跳过：这是一个文件夹，不是文件。里面的文件不会被读取；如果是备份，请把它移出 content/。",
    ]
    assert sorted(p.name for p in (built_project / "site/scams").glob("*.html")) == ["fake-police.html", "index.html", "shuadan.html"]


def test_a_single_content_file_or_config_that_is_not_a_file(built_project):
    (built_project / "content/channels.yaml").unlink()
    (built_project / "content/channels.yaml").mkdir()
    (built_project / "config.yaml").unlink()
    os.mkfifo(built_project / "config.yaml")
    lines = refused_build(built_project)
    assert "config.yaml: 读不了配置文件：这不是普通文件（可能是管道或设备文件）。请把 config.yaml 换成一个普通的文本文件。" in lines


def test_notepad_file_names_are_read_and_named(built_project):
    scams = built_project / "content/scams"
    text = (scams / "shuadan.md").read_text(encoding="utf-8")
    (scams / "new-scam.md.txt").write_text(text.replace("title: 刷单返利诈骗", "title: 新的诈骗类型"), encoding="utf-8")
    (built_project / "content/rules/笔记.txt").write_text("随手记的", encoding="utf-8")
    result = run_build(cwd=built_project)
    assert result.returncode == 0, result.stderr
    assert notices(result) == [
        "提示：content/scams/new-scam.md.txt: 文件名末尾多了 .txt（记事本另存时自动加上的），已按 new-scam.md 读取。建议把它改名为 new-scam.md（在资源管理器的“查看”里勾选“文件扩展名”就能看到）。",
        "提示：content/rules/笔记.txt: 跳过：这是 .txt 文件，不是内容文件（内容文件以 .md 或 .yaml 结尾）。如果它是内容，请把文件改名，例如 new-scam.md。",
    ]
    assert "新的诈骗类型" in (built_project / "site/scams/new-scam.html").read_text(encoding="utf-8")


def test_an_upper_case_name_is_read_and_its_unusable_name_reported(built_project):
    scams = built_project / "content/scams"
    (scams / "NEW.MD").write_bytes((scams / "shuadan.md").read_bytes().replace("刷单返利诈骗".encode(), "新的诈骗类型".encode()))
    assert refused_build(built_project) == [
        "content/scams/NEW.MD:1: slug: 文件名「NEW」不能用作网页文件名：只能用小写英文字母、数字和连字符 -（例如 shua-dan），因为它会成为网页的文件名。 请改文件名，或加一行「slug: 英文名」。",
    ]
    (scams / "NEW.MD").rename(scams / "new.MD")
    assert run_build(cwd=built_project).returncode == 0
    assert (built_project / "site/scams/new.html").is_file()


def test_utf8_cut_in_a_character_is_not_read_as_gbk(built_project):
    cut = built_project / "content/scams/fake-police.md"
    cut.write_bytes(cut.read_bytes().rstrip(b"\n")[:-1])  # the last character loses its last byte
    broken = built_project / "content/scams/shuadan.md"
    data = broken.read_bytes()
    middle = data.index("立即停止转账".encode())
    broken.write_bytes(data[:middle + 1] + data[middle + 2:])  # one byte gone inside a character
    assert refused_build(built_project) == [
        "content/scams/fake-police.md:17: 文件的最后一个字只保存了一半（文件可能没有保存完整，或复制时被截断了）。请用记事本打开，重新输入最后一个字，再另存为 UTF-8。",
        "content/scams/shuadan.md:11: 这一行有一个损坏的字（文件是 UTF-8 编码，但这里的字节不完整）。请用记事本打开，重新输入这一行，再另存为 UTF-8。",
    ]


def test_a_gbk_file_is_still_read_as_gbk(built_project):
    path = built_project / "content/scams/fake-police.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    result = run_build(cwd=built_project)
    assert result.returncode == 0, result.stderr
    assert "冒充公检法诈骗" in (built_project / "site/scams/fake-police.html").read_text(encoding="utf-8")


def test_nul_bytes_in_content_and_config_are_one_line_each(built_project):
    scam = built_project / "content/scams/shuadan.md"
    scam.write_bytes(scam.read_bytes().replace("立即停止转账".encode(), "立即\x00停止\x00转账".encode()))
    body = built_project / "content/scams/fake-police.md"
    body.write_bytes(body.read_bytes() + b"\n\x07\n")
    config = built_project / "config.yaml"
    config.write_bytes(config.read_bytes().replace(b"organisation:", b"organisation:\x00"))
    assert refused_build(built_project) == [
        "config.yaml:2: 这一行有看不见的控制字符（U+0000，空字符 NUL），文件可能损坏了，或者粘贴时带进了特殊字符。请用记事本打开，重新输入这一行（或另存为 UTF-8），再试一次。",
        "content/scams/fake-police.md:19: 这一行有看不见的控制字符（U+0007），文件可能损坏了，或者粘贴时带进了特殊字符。请用记事本打开，重新输入这一行（或另存为 UTF-8），再试一次。",
        "content/scams/shuadan.md:11: 这一行有看不见的控制字符（U+0000，空字符 NUL），文件可能损坏了，或者粘贴时带进了特殊字符。文件里一共有 2 个这样的字符，请用记事本打开，重新输入这一行（或另存为 UTF-8），再试一次。",
    ]


def test_a_missing_content_folder_does_not_replace_the_site(built_project):
    (built_project / "content").rename(built_project / "content-moved")
    assert refused_build(built_project) == [
        "content/: 找不到 content/ 文件夹。生成的网站会是空的，并替换掉原来的网站，所以本次没有生成。请检查是不是在项目文件夹里运行（或用 --root 指定项目文件夹）；确实要这样生成，请运行 python3 build.py build --allow-empty。",
    ]
    assert run_build("build", "--allow-empty", cwd=built_project).returncode == 0
    assert not (built_project / "site/scams/shuadan.html").exists()


def test_an_empty_scams_folder_does_not_replace_the_site(built_project):
    for scam in (built_project / "content/scams").iterdir():
        scam.rename(built_project / scam.name)
    (built_project / "content/campaigns/class-meeting.md").unlink()
    (built_project / "content/cases/case-one.md").unlink()
    empty = "content/scams/: 这里一种诈骗类型也没有（没有 .md 文件）。生成的网站会是空的，并替换掉原来的网站，所以本次没有生成。如果文件被移走了，请放回 content/scams/；确实要这样生成，请运行 python3 build.py build --allow-empty。"
    assert refused_build(built_project) == [empty]
    assert refused_build(built_project, "check") == [empty]
    before = tree(built_project / "site")
    result = run_build("check", "--allow-empty", cwd=built_project)
    assert result.returncode == 0, result.stderr
    assert tree(built_project / "site") == before


def test_a_review_date_in_the_future_is_a_warning(built_project):
    scam = built_project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("reviewed: 2026-11-01", "reviewed: 2206-11-01"), encoding="utf-8")
    result = run_build("check", cwd=built_project)
    assert result.returncode == 0, result.stderr
    today = datetime.date.today()
    assert f"提示：content/scams/shuadan.md:24: reviewed: 审核日期 2206-11-01 比今天（{today}）还晚。请检查年份是不是写错了：这里写的是已经审核过的那一天。" in result.stdout.splitlines()


def test_the_review_date_check_takes_the_build_date(built_project):
    """The build's date comes in as a parameter: 2026-11-01 is in the future on 2026-10-31 (fake-police says 2026-10-01)."""
    loaded = load_project(built_project)
    assert [str(w) for w in validate(loaded, today=datetime.date(2026, 11, 1)).warnings] == []
    warned = [str(w) for w in validate(load_project(built_project), today=datetime.date(2026, 10, 31)).warnings]
    assert sorted(warned) == sorted(f"{path}: reviewed: 审核日期 2026-11-01 比今天（2026-10-31）还晚。请检查年份是不是写错了：这里写的是已经审核过的那一天。"
                      for path in ("content/scams/shuadan.md:24", "content/rules/ten.yaml:9", "content/cases/case-one.md:8",
                                   "content/campaigns/class-meeting.md:20", "content/channels.yaml:28", "content/prevention.yaml:3"))


def test_ten_kilobytes_of_brackets_in_a_body_build_as_text(built_project):
    """Python-Markdown reads to the end of the paragraph for every `[` (half a minute here); now one pass."""
    scam = built_project / "content/scams/shuadan.md"
    Image.new("RGB", (40, 30)).save(built_project / "content/scams/x.png")
    scam.write_text(scam.read_text(encoding="utf-8") + "\n" + "[" * 10240 + "\n\n[链接](rules.html) [[一]] ![图](x.png)\n", encoding="utf-8")
    result = run_build(cwd=built_project)
    assert result.returncode == 0, result.stderr
    page = (built_project / "site/scams/shuadan.html").read_text(encoding="utf-8")
    assert "<p>" + "[" * 10240 + "</p>" in page
    assert re.search(r'<p><a href="rules.html">链接</a> \[\[一\]\] <img alt="图" src="\.\./images/[0-9a-f]{16}\.png"></p>', page)


def test_brackets_are_matched_exactly_as_python_markdown_matches_them():
    import random

    import markdown

    from fangzha.content.markup import Converter
    ours, theirs = Converter(allow_html=True), markdown.Markdown(output_format="html")
    chooser = random.Random(10)
    texts = ["[a [b](c) d]", "[[x]](y)", "![i][r]\n\n[r]: p.png", "[a]][b](c)", "][", "[a](b) [c] [d][]"]
    texts += ["".join(chooser.choice("[]()!ab \n*`\\") for _ in range(chooser.randint(1, 30))) for _ in range(2000)]
    for text in texts:
        assert ours.convert(text)[0] == theirs.reset().convert(text), text
