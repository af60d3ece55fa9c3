"""The units file (`build.py units FILE`): the units an office equips, one co-branded print kit each.

A CSV as Excel saves it (UTF-8 with or without BOM, or GBK/GB18030 from 另存为 CSV), its first row the
column names in Chinese; or YAML, a list of the same fields. Each row is checked with the field engine;
a problem names the row as Excel numbers it (the column names are row 1).
"""

import csv
import io
import re
from pathlib import Path

from ..problems import Notice, Problem
from . import fields, placeholders
from .fields import Text, Where
from .yamlread import parse_yaml

SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
ID_HINT = "只能用英文字母、数字、连字符 - 和下划线 _（例如 jd-001），因为它会成为文件夹的名字。不写这一列就按顺序编成 u001、u002……"
PHONE = re.compile(r"^[0-9][0-9 ()（）+\-转]*$")
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")  # 1.38001E+10: Excel turned a long number into a float


class Phone(Text):
    """A phone number as people write it (0571-12345678, 13800138000, 010-1234 转 8), checked like
    config.yaml's contact numbers: an example number (all zeros) is warned about and not printed."""

    def clean(self, value, where, problems):
        text = super().clean(value, Where(where.path, where.line, where.field, [], where.typed), problems)
        for message in placeholders.messages(text, self.label, "number"):  # as config.yaml's: not printed
            where.refs.append((placeholders.FOUND, message, where.path, where.line, where.field))
        if not text:
            return text
        if SCIENTIFIC.match(text):
            where.report(problems, f"「{text}」是 Excel 改写过的号码（科学计数法）：请在 Excel 里把这一列设成“文本”格式，重新输入号码，再另存为 CSV。")
            return ""
        if not PHONE.match(text):
            where.report(problems, f"「{text}」不像电话号码：只写数字，可以带区号和连字符，例如 0571-12345678 或 13800138000。")
            return ""
        if placeholders.ZEROS.search(text):
            return ""  # warned by the placeholder scan; never printed
        return text


# Column → (key in the unit, declaration). The Chinese column name is what the user sees in every message.
COLUMNS = {
    "编号": ("id", Text("编号（做文件夹名）", pattern=SAFE_ID, pattern_hint=ID_HINT)),
    "单位名称": ("name", Text("单位名称（印在这个单位的每一份印刷品上）", max_len=40)),  # required: checked_units says so
    "联系电话": ("phone", Phone("联系电话")),
    "地址": ("address", Text("地址", max_len=60)),
    "派出所": ("police_station", Text("辖区派出所", max_len=30)),
    "派出所电话": ("police_phone", Phone("派出所电话")),
}
DECLARED = {column: spec for column, (_, spec) in COLUMNS.items()}
LOCAL_COLUMN = re.compile(r"^local-[a-z0-9-]+$")  # a local channel of config.yaml, by its id: this unit's number for it


def read_units(path, shown):
    """(units, problems) of the units file at `path`; `shown` is how messages name it.

    A unit is a dict: id, name, phone, address, police_station, police_phone, `channels` ({local channel id:
    this unit's number}, from columns named like config.yaml's local channels, local-…) and `line` (its row).
    Warnings (placeholders, a name written twice) are problems.Notice.
    """
    path = Path(path)
    if not path.is_file():
        return [], [Problem(shown, 0, "", "找不到这个单位名单文件。请检查文件名和路径（可以把文件放在项目文件夹里，写 units.csv）。")]
    raw = path.read_bytes()
    text = decode(raw)
    if text is None:
        return [], [Problem(shown, 0, "", "文件编码无法识别：既不是 UTF-8 也不是 GBK。请在 Excel 里“另存为”，类型选“CSV UTF-8（逗号分隔）”。")]
    problems = []
    if path.suffix.lower() in (".yaml", ".yml"):
        rows = yaml_rows(text, shown, problems)
    else:
        rows = csv_rows(text, shown, problems)
    if problems:
        return [], problems
    if not rows:
        return [], [Problem(shown, 0, "", "里面一个单位也没有。请在第 1 行写列名（单位名称、联系电话、地址、派出所、派出所电话），从第 2 行起每行写一个单位。")]
    return checked_units(rows, shown)


def decode(raw):
    """The file's text: UTF-8 (with or without BOM), else GB18030 (Excel's 另存为 CSV in Chinese Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    return None


def csv_rows(text, shown, problems):
    """[(row number, {column: value})] of a CSV, checking its first row of column names once."""
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [name.strip() for name in next(reader, [])]
    if not header_ok(header, shown, problems):
        return []
    rows, start = [], reader.line_num + 1
    for values in reader:
        row, start = start, reader.line_num + 1  # the row as Excel numbers it (a cell may hold a line break)
        if not any(v.strip() for v in values):
            continue  # Excel often leaves empty rows at the end
        if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
            problems.append(Problem(shown, row, "", f"这一行有 {len(values)} 格，比第 1 行的列名多：多出来的格没有列名。请删掉多余的格，或在第 1 行补上列名。"))
        rows.append((row, {name: value for name, value in zip(header, values) if name}))
    return rows


def header_ok(header, shown, problems):
    """The first row names the columns: 单位名称 is required, others must be known, none twice."""
    before = len(problems)
    for index, name in enumerate(header):
        if name and name not in DECLARED and not LOCAL_COLUMN.match(name):
            problems.append(Problem(shown, 1, name, f"不认识这一列（第 {index + 1} 列）。{fields.did_you_mean(name, list(DECLARED))}"))
        elif name and header.index(name) != index:
            problems.append(Problem(shown, 1, name, f"这一列写了两次（第 {header.index(name) + 1} 列和第 {index + 1} 列）。请删掉一列。"))
    if "单位名称" not in header:
        problems.append(Problem(shown, 1, "单位名称", "第 1 行没有“单位名称”这一列。第 1 行应当是列名：单位名称、联系电话、地址、派出所、派出所电话。"))
    return len(problems) == before


def yaml_rows(text, shown, problems):
    """[(line, mapping)] of a YAML list of units (each with the CSV's column names as keys)."""
    data, found = parse_yaml(shown, text)
    problems += found
    if found:
        return []
    if isinstance(data, dict) and list(data) == ["单位"]:
        data = data["单位"]
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(shown, 1, "", f"应当是一个单位列表：每个单位以「- 单位名称: …」开头。现在是{fields.kind_of(data)}。"))
        return []
    lines = getattr(data, "item_lines", [1] * len(data))
    rows = []
    for line, item in zip(lines, data):
        if not isinstance(item, dict):
            problems.append(Problem(shown, line, "", f"应当是一个单位（单位名称、联系电话等字段），现在是{fields.kind_of(item)}。"))
            continue
        rows.append((getattr(item, "line", line), item))
    return rows


def checked_units(rows, shown):
    """The units of the rows, each checked; every problem at once."""
    problems, units = [], []
    width = max(3, len(str(len(rows))))
    for index, (row, values) in enumerate(rows, start=1):
        refs = []
        local = [name for name in values if LOCAL_COLUMN.match(str(name))]
        clean = fields.check_fields(values, dict(DECLARED, **{name: Phone(f"{name} 的号码") for name in local}),
                                    Where(shown, row, "", refs), problems)
        if not clean["单位名称"]:
            problems.append(Problem(shown, row, "单位名称", "这一行没有写单位名称：每个单位都要写。如果这是多余的行，请整行删掉。"))
        unit = {key: clean[column] for column, (key, _) in COLUMNS.items()}
        unit["id"] = unit["id"] or f"u{index:0{width}d}"
        unit["line"] = row
        unit["channels"] = {name: clean[name] for name in local if clean[name]}
        unit["warnings"] = [placeholders.Placeholder(path, line, field, message)
                            for kind, message, path, line, field in refs if kind == placeholders.FOUND]
        units.append(unit)
    problems += duplicates(units, shown)
    problems += [warning for unit in units for warning in unit.pop("warnings")]
    return units, problems


def duplicates(units, shown):
    """Two units with one id would write one folder (an error); one name twice is probably a row copied (a warning).
    Ids are compared ignoring case: Windows folders do."""
    found, ids, names = [], {}, {}
    for unit in units:
        first = ids.setdefault(unit["id"].lower(), unit)
        if first is not unit:
            found.append(Problem(shown, unit["line"], "编号", f"编号「{unit['id']}」和第 {first['line']} 行重复了：每个单位的编号要不同。请改一个。"))
        same = names.setdefault(unit["name"], unit)
        if same is not unit and unit["name"]:
            found.append(Notice(shown, unit["line"], "单位名称", f"「{unit['name']}」和第 {same['line']} 行的单位名称一样，会生成两份一样的印刷品。如果是重复的行，请删掉一行。"))
    return found
