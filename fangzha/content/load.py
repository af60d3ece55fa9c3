"""Read config and content files into plain data that remembers file and line.

No judgement here beyond what only the raw text can tell (encoding, tabs,
full-width colons, YAML syntax, keys written twice); the schema judges the rest.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..parallel import ordered_map
from ..problems import Notice, Problem

BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# `title：值` typed with a Chinese input method: an ASCII key, then a full-width colon.
FULLWIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*：", re.MULTILINE)
TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
FULLWIDTH_HINT = "用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。"
TAB_HINT = "行首用了 Tab 键缩进。YAML 只认空格：请把 Tab 换成两个空格。"


class Mapping(dict):
    """A YAML mapping that knows its own line and the line of each key."""

    line = 0
    key_lines: dict


class Sequence(list):
    """A YAML list that knows its own line and the line of each item."""

    line = 0
    item_lines: list


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


_scalars = yaml.constructor.SafeConstructor()  # for the few scalars that are not plain text
TEXT_TAG = "tag:yaml.org,2002:str"


def _to_python(node, where):
    """Turn a composed YAML node into Mapping/Sequence/scalars that remember their lines.

    Walking the nodes ourselves is faster than PyYAML's constructor and lets us catch a key
    written twice (PyYAML silently keeps the last one).
    """
    path, offset, problems = where
    if isinstance(node, yaml.ScalarNode):
        if node.tag == TEXT_TAG:
            return node.value
        try:
            return _scalars.yaml_constructors[node.tag](_scalars, node)
        except (ValueError, KeyError, yaml.YAMLError):  # e.g. 2026-02-30: keep the text, the schema explains
            return node.value
    if isinstance(node, yaml.SequenceNode):
        seq = Sequence(_to_python(child, where) for child in node.value)
        seq.line = node.start_mark.line + offset
        seq.item_lines = [child.start_mark.line + offset for child in node.value]
        return seq
    mapping = Mapping()
    mapping.line = node.start_mark.line + offset
    mapping.key_lines = key_lines = {}
    for key_node, value_node in node.value:
        key = _to_python(key_node, where)
        key = key if isinstance(key, str) else str(key)
        line = key_node.start_mark.line + offset
        if key in key_lines:
            problems.append(Problem(path, line, key, f"这个字段写了两遍（第一次在第 {key_lines[key]} 行）。请删掉其中一处，只保留一个。"))
        key_lines[key] = line
        mapping[key] = _to_python(value_node, where)
    return mapping


def _raw_text_problems(path, text, line_offset):
    """Tabs and full-width colons: the two mistakes a Chinese input method makes most."""
    found = []
    for pattern, group, hint in ((TAB_INDENT, None, TAB_HINT), (FULLWIDTH_KEY, 1, FULLWIDTH_HINT)):
        for match in pattern.finditer(text):  # one pass over the text; lines counted only on a hit
            number = text.count("\n", 0, match.start()) + 1 + line_offset
            found.append(Problem(path, number, match.group(group) if group else "", hint))
    return sorted(found)


def parse_yaml(path, text, line_offset=0):
    """Parse YAML text; return (data, problems). Lines are counted in the file."""
    problems = _raw_text_problems(path, text, line_offset)
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        return None, [Problem(path, line, "", yaml_error_message(error))]
    data = _to_python(node, (path, 1 + line_offset, problems)) if node is not None else None
    return data, problems


def yaml_error_message(error):
    """Name the YAML mistake in words a Notepad user can act on."""
    text = f"{error.problem or ''} {error.context or ''}"
    if "could not find expected ':'" in text or "mapping values are not allowed" in text:
        return "YAML 格式有误：这一行或上一行的“字段: 值”写法不对。检查冒号是不是半角「:」、冒号后有没有空格、缩进是否对齐；值里含有「: 」时请用引号括起来。"
    if "found character" in text and "cannot start any token" in text:
        return "YAML 格式有误：值以特殊符号开头（如 @ ` % 或 Tab）。请用引号把整个值括起来。"
    if "expected <block end>" in text or "did not find expected" in text:
        return "YAML 格式有误：缩进没有对齐，或列表项前少了「- 」。请让同一层的行左边对齐（只用空格）。"
    if "found unexpected end of stream" in text or "found unexpected" in text:
        return "YAML 格式有误：引号或括号没有成对。请检查这一行的引号 \" ' 和括号 [ ] 是否都闭合了。"
    return f"YAML 格式有误（{(error.problem or '').strip()}）。请检查这一行的冒号、缩进和引号。"


def read_text(path, label, warnings):
    """Decode a user's file: UTF-8 (BOM or not), else GBK as Notepad saves it."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gbk")
        except UnicodeDecodeError:
            return None, Problem(label, 0, "", "文件编码无法识别：既不是 UTF-8 也不是 GBK。请用记事本“另存为”，编码选 UTF-8。")
        warnings.append(Notice(label, 0, "", "这个文件是 GBK（ANSI）编码，已按 GBK 正确读取。建议另存为 UTF-8，以免其他工具显示乱码。"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


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
    """(path, label) → (Record, problems, warnings) for one YAML or Markdown file.

    Touches no shared state, so many files can be read in worker processes.
    """
    path, label = job
    problems, warnings = [], []
    text, problem = read_text(path, label, warnings)
    if problem:
        return Record(label, None, stem=path.stem, broken=True), [problem], warnings
    body, body_line, offset = "", 0, 0
    if path.suffix == ".md":
        parts, problem = split_front_matter(label, text)
        if problem:
            return Record(label, None, stem=path.stem, broken=True), [problem], warnings
        text, body, body_line = parts
        offset = 1
    data, problems = parse_yaml(label, text, offset)
    return Record(label, data, body, body_line, path.stem, broken=bool(problems) and data is None), problems, warnings


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


def _read_and_check(per_file, job):
    """Read one file and, when a per-file check applies to its kind, run it in the same worker."""
    kind, path_and_label = job
    record, problems, warnings = read_file(path_and_label)
    check, kinds, config = per_file
    if check and kind in kinds:
        record.checked = check(kind, record, config)
        record.data, record.body = None, ""  # its checked form is all that travels back
    return record, problems, warnings


def load_project(root, config_name="config.yaml", check=None, kinds=()):
    """Read config.yaml and everything under content/, in a stable order.

    `check(kind, record, config_data)`, for files of `kinds`, runs right after each file is read, in
    the worker that read it: one pass over the cores instead of two, and the parsed data never has
    to travel back.
    """
    root = Path(root)
    loaded = Loaded()
    config_path = root / config_name
    if config_path.exists():
        loaded.config, problems, warnings = read_file((config_path, config_name))
        loaded.problems += problems
        loaded.warnings += warnings
    else:
        loaded.problems.append(Problem(config_name, 0, "", "找不到配置文件 config.yaml。请把它放在 build.py 旁边。"))
    jobs = []  # (kind, (path, label))
    content = root / "content"
    for kind, place in CONTENT_LAYOUT.items():
        loaded.records[kind] = []
        if place.endswith("/"):
            folder = content / place
            paths = sorted(p for p in folder.glob("*") if p.suffix in (".md", ".yaml", ".yml")) if folder.is_dir() else []
        else:
            paths = [content / place] if (content / place).exists() else []
        jobs += [(kind, (path, path.relative_to(root).as_posix())) for path in paths]
    per_file = (check, frozenset(kinds), loaded.config.data if loaded.config else None)
    results = ordered_map(_read_and_check, jobs, per_file)
    for (kind, _), (record, problems, warnings) in zip(jobs, results):
        loaded.problems += problems
        loaded.warnings += warnings
        loaded.records[kind].append(record)
    return loaded
