"""Read config and content files into plain data that remembers file and line.

No judgement here beyond what only the raw text and the disk can tell (encoding, control
characters, which entries are readable files; YAML syntax is yamlread's); the schema judges the rest.
"""

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..memory import file_key, remember_file, remembered_file
from ..parallel import ordered_map
from ..problems import Notice, Problem
from .languages import LANGUAGES
from .yamlread import Mapping, Sequence, parse_yaml  # noqa: F401 (Mapping, Sequence: the loaded data's types)

# Characters no editor shows and YAML refuses (NUL and other controls), found before anything parses them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


@dataclass
class Record:
    """One file's data: `data` is the YAML (front matter for Markdown files)."""

    path: str
    data: object
    body: str = ""
    body_line: int = 0
    stem: str = ""
    broken: bool = False  # unreadable: its problems are reported; others may still refer to it
    checked: tuple = None  # what a per-file check (see load_project) found, done in the same worker


@dataclass
class Loaded:
    """Everything read from disk, plus what could not be read."""

    config: Record = None
    records: dict = field(default_factory=dict)  # kind -> [Record]
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    content_found: bool = True  # False when there is no content/ folder at all
    root: Path = None           # the project folder (pictures are found relative to it)


def read_text(path, label, warnings):
    """Decode a user's file: UTF-8 (BOM or not), else GBK as Notepad saves it."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        damaged = _damaged_utf8(raw, error, label)
        if damaged:
            return None, damaged
        try:
            text = raw.decode("gbk")
        except UnicodeDecodeError:
            return None, Problem(label, 0, "", "文件编码无法识别：既不是 UTF-8 也不是 GBK。请用记事本“另存为”，编码选 UTF-8。")
        warnings.append(Notice(label, 0, "", "这个文件是 GBK（ANSI）编码，已按 GBK 正确读取。建议另存为 UTF-8，以免其他工具显示乱码。"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL.search(text)
    if control:
        return None, _control_problem(label, text, control)
    return text, None


def _damaged_utf8(raw, error, label):
    """A UTF-8 file with a character cut off or broken is not GBK: reading it so would publish mojibake."""
    line = raw.count(b"\n", 0, error.start) + 1
    if error.end == len(raw) and error.reason == "unexpected end of data":
        return Problem(label, line, "", "文件的最后一个字只保存了一半（文件可能没有保存完整，或复制时被截断了）。请用记事本打开，重新输入最后一个字，再另存为 UTF-8。")
    before = raw[:error.start].decode("utf-8-sig")
    if sum(char >= "\u0800" for char in before) >= 2:  # Chinese already read as UTF-8: a GBK file almost never gets this far
        return Problem(label, line, "", "这一行有一个损坏的字（文件是 UTF-8 编码，但这里的字节不完整）。请用记事本打开，重新输入这一行，再另存为 UTF-8。")
    return None


def _control_problem(label, text, first):
    """NUL and other invisible control characters: one line for the file, on the first of them."""
    count = len(CONTROL.findall(text))
    code = f"U+{ord(first.group()):04X}" + ("，空字符 NUL" if first.group() == "\x00" else "")
    more = f"文件里一共有 {count} 个这样的字符，" if count > 1 else ""
    return Problem(label, text.count("\n", 0, first.start()) + 1, "",
                   f"这一行有看不见的控制字符（{code}），文件可能损坏了，或者粘贴时带进了特殊字符。{more}请用记事本打开，重新输入这一行（或另存为 UTF-8），再试一次。")


def split_front_matter(label, text):
    """Split `---` YAML front matter from a Markdown body; return (yaml, body, body_line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, Problem(label, 1, "", "文件开头缺少 YAML 头部：第一行应当只有三个减号 ---，接着写字段，再用一行 --- 结束。")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return ("\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2), None
    return None, Problem(label, 1, "", "YAML 头部没有结束：请在字段之后加一行只有三个减号的 ---。")


def read_file(job):
    """(path, label, stem, is_markdown) → (Record, problems, warnings) for one YAML or Markdown file.

    Touches no shared state, so many files can be read in worker processes.
    """
    path, label, stem, is_markdown = job
    problems, warnings = [], []
    try:
        text, problem = read_text(path, label, warnings)
    except OSError as error:  # it was a regular file a moment ago; now it cannot be read
        text, problem = None, Problem(label, 0, "", f"读不了这个文件（{error.strerror}）。请检查它是否还在、是否有读取权限。")
    if problem:
        return Record(label, None, stem=stem, broken=True), [problem], warnings
    body, body_line, offset = "", 0, 0
    if is_markdown:
        parts, problem = split_front_matter(label, text)
        if problem:
            return Record(label, None, stem=stem, broken=True), [problem], warnings
        text, body, body_line = parts
        offset = 1
    data, problems = parse_yaml(label, text, offset)
    return Record(label, data, body, body_line, stem, broken=bool(problems) and data is None), problems, warnings


CONTENT_SUFFIXES = (".md", ".yaml", ".yml")
NOTEPAD_SUFFIX = ".txt"  # Notepad's "Save as" adds it unless the type is set to "All files"


def content_file_name(name):
    """(stem, suffix) of a content file's name, in lower case and without Notepad's extra .txt; else None."""
    lower = name.lower()
    if lower.endswith(NOTEPAD_SUFFIX):
        lower = lower[:-len(NOTEPAD_SUFFIX)]
    for suffix in CONTENT_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return name[:len(lower) - len(suffix)], suffix
    return None


def skip_reason(path):
    """Why an entry cannot be read as a content file (it is never opened), or None for a regular file."""
    try:
        mode = os.stat(path).st_mode  # follows a symlink to what it points at
    except FileNotFoundError:
        return "这是一个快捷方式（符号链接），它指向的文件不存在"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "这是一个快捷方式（符号链接），它指向自己，绕成了一个圈"
        return f"读不了它（{error.strerror}）"
    if stat.S_ISDIR(mode):
        return "这是一个文件夹，不是文件。里面的文件不会被读取；如果是备份，请把它移出 content/"
    if not stat.S_ISREG(mode):
        return "这不是普通文件（可能是管道或设备文件）"
    return None


def folder_files(folder, root, notices):
    """The content files of one folder, in a stable order: (path, label, stem, is_markdown).

    What cannot be read is skipped with a notice; a name as Notepad saves it (`x.md.txt`, `X.MD`)
    is read, and a stray `.txt` is named, so no file the user wrote is silently left out.
    """
    files = []
    for path in sorted(folder.iterdir()):
        label = path.relative_to(root).as_posix()
        parts = content_file_name(path.name)
        if parts is None:
            if path.name.lower().endswith(NOTEPAD_SUFFIX):
                notices.append(Notice(label, 0, "", "跳过：这是 .txt 文件，不是内容文件（内容文件以 .md 或 .yaml 结尾）。如果它是内容，请把文件改名，例如 new-scam.md。"))
            continue
        reason = skip_reason(path)
        if reason:
            notices.append(Notice(label, 0, "", f"跳过：{reason}。"))
            continue
        stem, suffix = parts
        if path.name.lower().endswith(NOTEPAD_SUFFIX):
            notices.append(Notice(label, 0, "", f"文件名末尾多了 .txt（记事本另存时自动加上的），已按 {stem}{suffix} 读取。建议把它改名为 {stem}{suffix}（在资源管理器的“查看”里勾选“文件扩展名”就能看到）。"))
        files.append((path, label, stem, suffix == ".md"))
    return files


# Where each kind of content lives: a folder of files, or one file.
CONTENT_LAYOUT = {
    "audiences": "audiences.yaml",
    "channels": "channels.yaml",
    "prevention": "prevention.yaml",
    "top_types": "top-types.yaml",
    "scams": "scams/",
    "rules": "rules/",
    "cases": "cases/",
    "campaigns": "campaigns/",
    "playlists": "playlists/",
}


def _place_files(path, place, root, notices):
    """The files of one place of CONTENT_LAYOUT (a folder, or one file) in one content folder."""
    label = path.relative_to(root).as_posix()
    if not os.path.lexists(path):
        return []
    if place.endswith("/"):
        if path.is_dir():
            return folder_files(path, root, notices)
        notices.append(Notice(label, 0, "", f"跳过：{skip_reason(path) or '这是一个文件，不是文件夹'}。"))
    elif skip_reason(path):
        notices.append(Notice(label, 0, "", f"跳过：{skip_reason(path)}。"))
    else:
        return [(path, label, path.stem, False)]
    return []


def site_language(config):
    """config.yaml's `language` as written (checked later), so its content folder is read with the rest; a
    simplified-Chinese site reads none (its content is content/ itself)."""
    data = config.data if config is not None else None
    value = data.get("language") if isinstance(data, dict) else None
    return value if value in LANGUAGES and value != "zh-Hans" else None


def _remembered(jobs, per_file, memory, root, config_path):
    """_read_and_check of every job, taking from `memory` the files that did not change since the last build."""
    try:
        config_bytes = config_path.read_bytes()
    except OSError:  # reported with the config's other problems
        config_bytes = b""
    keys = [file_key(kind, job[1], job[0], config_bytes) for kind, job in jobs]
    results = [remembered_file(memory, key, root) for key in keys]
    missing = [i for i, result in enumerate(results) if result is None]
    earlier, memory.files = memory.files, {}
    for index, key in enumerate(keys):
        if results[index] is not None:
            memory.files[key] = earlier[key]
    for index, result in zip(missing, ordered_map(_read_and_check, [jobs[i] for i in missing], per_file)):
        results[index] = remember_file(memory, keys[index], result, root)
    return results


def _read_and_check(per_file, job):
    """Read one file and, when a per-file check applies to its kind, run it in the same worker."""
    kind, file_job = job
    record, problems, warnings = read_file(file_job)
    check, kinds, config, root = per_file
    if check and kind in kinds:
        record.checked = check(kind, record, config, root)
        record.data, record.body = None, ""  # its checked form is all that travels back
    return record, problems, warnings


def load_project(root, config_name="config.yaml", check=None, kinds=(), memory=None):
    """Read config.yaml and everything under content/, in a stable order.

    `check(kind, record, config_data)`, for files of `kinds`, runs right after each file is read, in
    the worker that read it: one pass over the cores instead of two, and the parsed data never has
    to travel back. With a `memory` of the last build (serve), a file that did not change is taken
    from it, not read and checked again.
    """
    root = Path(root)
    loaded = Loaded(root=root)
    config_path = root / config_name
    if not os.path.lexists(config_path):
        loaded.problems.append(Problem(config_name, 0, "", "找不到配置文件 config.yaml。请把它放在 build.py 旁边。"))
    elif skip_reason(config_path):
        loaded.problems.append(Problem(config_name, 0, "", f"读不了配置文件：{skip_reason(config_path)}。请把 config.yaml 换成一个普通的文本文件。"))
    else:
        loaded.config, problems, warnings = read_file((config_path, config_name, config_path.stem, False))
        loaded.problems += problems
        loaded.warnings += warnings
    jobs = []  # (kind, (path, label, stem, is_markdown))
    content = root / "content"
    loaded.content_found = content.is_dir()
    language = site_language(loaded.config)
    translated = content / language if language else None  # content/en/…: translations that replace their originals
    folders = (content, translated) if translated and translated.is_dir() else (content,)
    for kind, place in CONTENT_LAYOUT.items():
        loaded.records[kind] = []
        if not loaded.content_found:
            continue
        found = {}
        for folder in folders:
            found.update((job[2], job) for job in _place_files(folder / place.rstrip("/"), place, root, loaded.warnings))
        jobs += [(kind, job) for job in found.values()]
    per_file = (check, frozenset(kinds), loaded.config.data if loaded.config else None, root)
    results = _remembered(jobs, per_file, memory, root, config_path) if memory is not None else ordered_map(_read_and_check, jobs, per_file)
    for (kind, _), (record, problems, warnings) in zip(jobs, results):
        loaded.problems += problems
        loaded.warnings += warnings
        loaded.records[kind].append(record)
    return loaded
