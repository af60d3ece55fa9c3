"""The field-type engine: declared fields (`Spec`s) that clean values and report problems.

`check_fields` turns a mapping into clean values and problems, never stopping at the first;
the declarations themselves are in schema.py.
"""

import datetime
import difflib
import re

from ..problems import Problem
from . import placeholders
from .languages import is_latin, word_count, words_allowed
from .urls import url_problem
from .yamlread import FULLWIDTH_HINT, Sequence

DECIMAL = re.compile(r"^[-+]?[0-9]+$")
FULLWIDTH_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*[ \t]*：")
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_HINT = "只能用小写英文字母、数字和连字符 -（例如 shua-dan），因为它会成为网页的文件名。"


def kind_of(value):
    """How a user would name what they wrote."""
    if value is None:
        return "空的"
    if isinstance(value, bool):
        return "是/否（true/false）"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"日期 {value}"
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, dict):
        return "一组字段"
    return f"文字「{value}」"


def did_you_mean(word, options):
    """Click-style suggestion for a typo, or the full list when nothing is close."""
    if not options:
        return ""
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.5)
    if close:
        return f"你是不是想写「{close[0]}」？"
    shown = "、".join(str(o) for o in list(options)[:12])
    more = " 等" if len(options) > 12 else ""
    return f"可以写的有：{shown}{more}。"


class Spec:
    """One field's declaration."""

    def __init__(self, label, required=False, default=None):
        self.label, self.required, self.default = label, required, default

    def clean(self, value, where, problems):
        """Return the cleaned value, appending problems when it is wrong."""
        return value


class Text(Spec):
    def __init__(self, label, required=False, default="", max_len=None, pattern=None, pattern_hint=""):
        super().__init__(label, required, default)
        self.max_len, self.pattern, self.pattern_hint = max_len, pattern, pattern_hint

    def clean(self, value, where, problems):
        if where.typed is not None:  # the words as typed: YAML 1.1 reads 01065123456, 9:30 or 1.10 as numbers
            value = where.typed
        if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
            where.report(problems, f"应当是一段文字（{self.label}），现在是{kind_of(value)}。")
            return self.default
        text = str(value).strip()
        if self.pattern and not self.pattern.match(text):
            where.report(problems, f"「{text}」不合适：{self.pattern_hint}")
        if self.max_len and is_latin(text):
            words, allowed = word_count(text), words_allowed(self.max_len)
            if words > allowed:
                where.report(problems, f"太长了：{words} 个词（英文按词计：最多 {allowed} 个词）。请删减 {words - allowed} 个词。")
        elif self.max_len and len(text) > self.max_len:
            where.report(problems, f"太长了：{len(text)} 个字，最多 {self.max_len} 个字。请删减 {len(text) - self.max_len} 个字。")
        placeholders.scan(text, self.label, where)
        return text


EDITOR_NOTE = "editor_note"  # the kind of note EditorNote leaves in Where.refs


class EditorNote(Text):
    """A remark for editors only (provenance, what the source leaves out): never printed, shown by `check`."""

    def __init__(self, label="编辑备注（只给编辑看，不会出现在网页、印刷品、课件和大屏上）"):
        super().__init__(label)

    def clean(self, value, where, problems):
        if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
            where.report(problems, f"应当是一段文字（{self.label}），现在是{kind_of(value)}。")
            return ""
        text = str(value).strip()
        where.refs.append((EDITOR_NOTE, text, where.path, where.line, where.field))
        return text


class Url(Text):
    """A web address that is published as a link: only what urls.url_problem allows is kept."""

    def __init__(self, label, required=False, absolute=False):
        super().__init__(label, required)
        self.absolute = absolute

    def clean(self, value, where, problems):
        text = super().clean(value, where, problems)
        problem = url_problem(text, absolute=self.absolute) if text else None
        if problem:
            where.report(problems, problem)
            return ""
        return text


HOURS = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$")
HOURS_HINT = "请写成 08:00-18:00 这样（开始-结束，24 小时制，用半角冒号和减号）；跨过半夜就写成 22:00-06:00。"
# Two times joined by something else than "-": ~ ～ — – 至 到, or with full-width colons.
LOOSE_HOURS = re.compile(r"^(\d{1,2})[:：](\d\d)\s*([^\d\s:：]{1,3})\s*(\d{1,2})[:：](\d\d)$")


class Hours(Text):
    """A daily window such as 08:00-18:00 (the kiosk's night, a playlist item's hours).

    A wrong one is reported and never passed on: the kiosk splits it at the "-".
    """

    def clean(self, value, where, problems):
        text = super().clean(value, where, problems)
        if not text or HOURS.match(text):
            return text
        loose = LOOSE_HOURS.match(text)
        fixed = "{}:{}-{}:{}".format(*loose.group(1, 2, 4, 5)) if loose else ""
        if fixed and HOURS.match(fixed):
            where.report(problems, f"「{text}」不合适：开始和结束之间只能用半角减号「-」，冒号也要用半角「:」。请写成 {fixed}。")
        else:
            where.report(problems, f"「{text}」不合适：{HOURS_HINT}")
        return ""


class Int(Spec):
    def __init__(self, label, required=False, default=None, minimum=None, maximum=None):
        super().__init__(label, required, default)
        self.minimum, self.maximum = minimum, maximum

    def clean(self, value, where, problems):
        if isinstance(value, int) and not isinstance(value, bool) and where.typed is not None:
            if not DECIMAL.match(where.typed):  # 010 is 8 to YAML 1.1, 1:30 is 90, 0x10 is 16
                where.report(problems, f"应当是一个整数（{self.label}），只写 0 到 9 的数字，现在是「{where.typed}」。")
                return self.default
            value = int(where.typed)
        if isinstance(value, bool) or not isinstance(value, int):
            where.report(problems, f"应当是一个整数（{self.label}），现在是{kind_of(value)}。")
            return self.default
        if self.minimum is not None and value < self.minimum:
            where.report(problems, f"应当不小于 {self.minimum}，现在是 {value}。")
        if self.maximum is not None and value > self.maximum:
            where.report(problems, f"最多 {self.maximum}（{self.label}），现在是 {value}。")
        return value


class Answer(Spec):
    """A quiz's right option: its number (from 1), or its text copied exactly (checked against the options later)."""

    def clean(self, value, where, problems):
        if isinstance(value, int) and not isinstance(value, bool) and (where.typed is None or DECIMAL.match(where.typed)):
            if value < 1:
                where.report(problems, f"应当不小于 1（{self.label}），现在是 {value}。")
                return None
            return value
        if isinstance(value, str) and value.strip() and not value.strip().isdigit():
            return value.strip()
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        where.report(problems, f"应当是正确选项的序号（从 1 数起），或者把正确选项原样抄一遍（{self.label}），现在是{kind_of(value)}。")
        return None


class Bool(Spec):
    def __init__(self, label, default=False):
        super().__init__(label, False, default)

    def clean(self, value, where, problems):
        if not isinstance(value, bool):
            where.report(problems, f"只能写 true（是）或 false（否），现在是{kind_of(value)}。")
            return self.default
        return value


class Date(Spec):
    def clean(self, value, where, problems):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            where.report(problems, f"应当是日期，写成 2026-11-27 这样（年-月-日），现在是{kind_of(value)}。")
            return self.default


class Choice(Spec):
    def __init__(self, label, choices, required=False, default=None):
        super().__init__(label, required, default)
        self.choices = choices

    def clean(self, value, where, problems):
        if value not in self.choices:
            where.report(problems, f"只能是 {'、'.join(map(str, self.choices))} 之一，现在是{kind_of(value)}。{did_you_mean(value, self.choices) if isinstance(value, str) else ''}".rstrip())
            return self.default
        return value


class Ref(Spec):
    """A reference to another item by id; checked once everything is loaded."""

    def __init__(self, label, kind, required=False):
        super().__init__(label, required, None)
        self.kind = kind

    def clean(self, value, where, problems):
        if value is None or isinstance(value, (bool, list, dict)):
            where.report(problems, f"应当是一个编号（{self.label}），现在是{kind_of(value)}。")
            return None
        ref = str(value if where.typed is None else where.typed).strip()
        where.refs.append((self.kind, ref, where.path, where.line, where.field))
        return ref


class List(Spec):
    def __init__(self, label, item, required=False, min_items=0):
        super().__init__(label, required, None)
        self.item, self.min_items = item, min_items

    def clean(self, value, where, problems):
        if (isinstance(value, str) or where.typed is not None) and isinstance(self.item, (Text, Ref)):
            value = Sequence([value])  # one item written without "- " is still clear
            value.line, value.item_lines, value.typed_items = where.line, [where.line], [where.typed]
        if not isinstance(value, list):
            where.report(problems, f"应当是一个列表（{self.label}）：每项单独一行，以「- 」开头；或写成 [甲, 乙]。现在是{kind_of(value)}。")
            return []
        if len(value) < self.min_items:
            where.report(problems, f"至少要有 {self.min_items} 项（{self.label}），现在只有 {len(value)} 项。")
        lines = getattr(value, "item_lines", [where.line] * len(value))
        typed = getattr(value, "typed_items", [None] * len(value))
        return [self.item.clean(item, where.at(line, f"{where.field}[{index + 1}]", text), problems)
                for index, (item, line, text) in enumerate(zip(value, lines, typed))]


class Group(Spec):
    """A mapping with its own declared fields; `defaults`: when left out, it holds its fields' defaults."""

    def __init__(self, label, fields, required=False, defaults=False):
        super().__init__(label, required, None)
        self.fields, self.defaults = fields, defaults

    def clean(self, value, where, problems):
        if isinstance(value, str) and FULLWIDTH_KEY.match(value):  # `- title：…` read as one piece of text
            where.report(problems, f"应当是一组字段（{self.label}），这里{FULLWIDTH_HINT}")
            return check_fields({}, self.fields, where, [])
        if not isinstance(value, dict):
            where.report(problems, f"应当是一组字段（{self.label}），每个字段一行写成「字段: 值」。现在是{kind_of(value)}。")
            return check_fields({}, self.fields, where, [])
        return check_fields(value, self.fields, where, problems, prefix=where.field + ".")


class Where:
    """The place a value came from: file, line, field, what was seen there (`refs`: references to
    other items, and the editor notes and placeholders found, each tagged with its kind), and the
    value's text as typed when YAML read it as something else (a number, a date, yes/no)."""

    def __init__(self, path, line, field, refs, typed=None):
        self.path, self.line, self.field, self.refs, self.typed = path, line, field, refs, typed

    def at(self, line, field, typed=None):
        return Where(self.path, line, field, self.refs, typed)

    def report(self, problems, message):
        problems.append(Problem(self.path, self.line, self.field, message))


def is_blank(value):
    """Nothing written yet: empty, or a list or group whose every entry is empty (as `new` writes them)."""
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    if isinstance(value, list):
        return all(is_blank(v) for v in value)
    return value is None or value == ""


def fill_in_message(name, spec):
    """A required field that is there but still empty: say it must be filled in, and how."""
    if isinstance(spec, List) and isinstance(spec.item, Group):
        how = "请至少填写一项，把其中标着“必填”的各项填上"
    elif isinstance(spec, List):
        how = "请至少写一项：每项单独一行，以「- 」开头；或写成 [甲, 乙]"
    elif isinstance(spec, Group):
        how = "请把其中标着“必填”的各项填上"
    else:
        how = f"请在「{name}:」后面写上内容"
    choices = f"可以写：{'、'.join(map(str, spec.choices))}。" if isinstance(spec, Choice) else ""
    return f"还没有填写（{spec.label}）。这是必填项，{how}。{choices}"


def blank_value(spec):
    """What a field not written holds: its default; an empty list; for a config group, its own fields'
    defaults (so code never has to guard against a missing section); None for a content group (a
    campaign without a pledge has none)."""
    if isinstance(spec, List):
        return []
    if isinstance(spec, Group) and spec.defaults:
        return {name: blank_value(inner) for name, inner in spec.fields.items()}
    return spec.default


class Checked(dict):
    """A file's checked fields; `key_lines` keeps the line of each, for problems found later (the print budget)."""

    key_lines = {}


def check_fields(mapping, fields, where, problems, prefix=""):
    """Clean every declared field of a mapping; report unknown, missing and unfilled keys."""
    key_lines = getattr(mapping, "key_lines", {})
    own_line = getattr(mapping, "line", where.line)
    clean = {}
    if not prefix and key_lines:  # a whole file's fields (nested groups need no lines of their own)
        clean = Checked()
        clean.key_lines = key_lines
    for key in mapping:
        if key not in fields:
            line = key_lines.get(key, own_line)
            problems.append(Problem(where.path, line, prefix + str(key), f"不认识这个字段。{did_you_mean(key, list(fields))}"))
    for name, spec in fields.items():
        if name not in mapping or is_blank(mapping[name]):
            if spec.required and name in mapping:
                problems.append(Problem(where.path, key_lines.get(name, own_line), prefix + name, fill_in_message(name, spec)))
            elif spec.required:
                problems.append(Problem(where.path, own_line, prefix + name, f"缺少必填字段（{spec.label}）。请加上一行「{name}: …」。"))
            clean[name] = blank_value(spec)
            continue
        typed = getattr(mapping, "typed", {}).get(name)
        clean[name] = spec.clean(mapping[name], where.at(key_lines.get(name, own_line), prefix + name, typed), problems)
    return clean
