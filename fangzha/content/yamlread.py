"""YAML text → plain data that remembers each value's line and what the user typed.

Built from PyYAML's event stream (libyaml's parser, no recursion), so this is the one place that
bounds what a file may cost: nesting depth and the number of values once aliases are expanded.
YAML 1.1 reads some plain words as numbers, dates or yes/no (`01065123456` as an octal number,
`9:30` as 570); each such value keeps the text as typed beside it, so a text field can publish
exactly that. Where YAML would silently drop or change text (a ` #` inside a value line, a
`!!binary` tag) this says so, and a syntax error is reported on the line that holds the mistake.
"""

import re

import yaml

from ..problems import Problem

BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # levels of nesting; real content uses four or five
MAX_VALUES = 100_000  # values in one file after aliases (*name) are expanded; a big file has a few thousand

TEXT_TAG = "tag:yaml.org,2002:str"
PLAIN_TAGS = {None, "!", TEXT_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_resolver = yaml.resolver.Resolver()
IMPLICIT_FIRST = frozenset(c for c in _resolver.yaml_implicit_resolvers if c)  # what a non-text plain value can start with
_scalars = yaml.constructor.SafeConstructor()  # for the few scalars that are not plain text

FULLWIDTH_HINT = "用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。"
TAB_HINT = "行首用了 Tab 键缩进。YAML 只认空格：请把 Tab 换成两个空格。"
TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
# The full-width space of a Chinese input method; the no-break space of a web page (it looks like a space).
SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "从网页复制来的不换行空格（看起来和空格一样）"}
# Mistakes of a Chinese input method or a web paste, one line each: (pattern, field group, hint, repair).
LINE_MISTAKES = [
    (re.compile(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*：[ \t\u3000\u00a0]*"), 2, FULLWIDTH_HINT, r"\1\2: "),
    (re.compile(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][A-Za-z0-9_-]*):([\u3000\u00a0])[\u3000\u00a0]*"), 2,
     "冒号后面是{space}。YAML 只认半角空格：请删掉它，切换到英文输入法再打一个空格。", r"\1\2: "),
    (re.compile(r"^([ \t]*)([\u3000\u00a0]+)"), 0,
     "行首的缩进用了{space}。YAML 只认半角空格：请删掉这一行开头的空白，切换到英文输入法再用空格键缩进。", None),
    (re.compile(r"^([ \t]*)-([\u3000\u00a0])[\u3000\u00a0]*"), 0,
     "「-」后面是{space}。YAML 只认半角空格：请删掉它，切换到英文输入法再打一个空格。", r"\1- "),
]
UNCLOSED_QUOTE = "这一行的引号没有闭合：开头有引号，结尾却没有。请在值的末尾补上同样的引号（\" 或 '），或者把开头的引号删掉。"
OPENING_QUOTE = re.compile(r"""^[ \t]*(?:-[ \t]+)?(?:[^\s"'#-][^:#]*:[ \t]+)?(["'])(.*)$""")
MAX_REPAIRS = 20
GENERIC = "YAML 格式有误"
# Errors whose "while …" mark is where the broken piece starts: a key without its colon, an open
# quote or bracket. Other errors are found where the parser gave up.
STARTS_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar", "while parsing a flow")
TRAILING_COMMENT = re.compile(r"[ \t]+(#.*)$")  # matched from the end of a value


class Mapping(dict):
    """A YAML mapping that knows its own line, the line of each key and what was typed for each value."""

    line = 0
    key_lines: dict
    typed: dict  # key -> the text as typed, for values YAML did not read as text (`01065123456`)


class Sequence(list):
    """A YAML list that knows its own line, the line of each item and what was typed for each item."""

    line = 0
    item_lines: list
    typed_items: list  # the text as typed, or None where YAML read it as text
    comma_split = False  # written [a, b] with an item unquoted: a comma inside an item made two (English quiz options)


def parse_yaml(path, text, line_offset=0):
    """Parse YAML text; return (data, problems). Lines are counted in the file."""
    problems = [Problem(path, text.count("\n", 0, m.start()) + 1 + line_offset, "", TAB_HINT) for m in TAB_INDENT.finditer(text)]
    if problems:
        return None, problems
    for _ in range(MAX_REPAIRS):
        try:
            data, found = _Composer(path, text, line_offset).compose()
            return (data, found) if not problems else (None, problems + found)  # mended text is never published
        except yaml.MarkedYAMLError as error:
            problem, repaired = _locate(path, text, line_offset, error)
        except yaml.reader.ReaderError as error:  # a character YAML does not accept (control characters are caught before)
            problem, repaired = Problem(path, text.count("\n", 0, error.position) + 1 + line_offset, "",
                                        f"这一行有 YAML 不接受的字符（U+{error.character:04X}）。请删掉它，或把整个值用引号括起来。"), None
        if problems and problem.message.startswith(GENERIC):
            break  # after a mended line, a vague error may be the mending's own: the next check shows it if real
        problems.append(problem)
        if repaired is None:
            break
        text = repaired  # a mistake we can name: mend it in memory and read on, to report the next one too
    return None, problems


def _locate(path, text, offset, error):
    """(Problem on the line that holds the mistake, the text with that mistake mended or None)."""
    lines = text.split("\n")
    context = error.context_mark.line if error.context_mark and (error.context or "").startswith(STARTS_AT_CONTEXT) else None
    problem = error.problem_mark.line if error.problem_mark else (context or 0)
    if "unknown escape" in (error.problem or ""):
        return Problem(path, problem + 1 + offset, "", "双引号里的反斜杠「\\」有特殊含义。请把双引号换成单引号 '…'，或把「\\」写成「\\\\」。"), None
    if context is not None and "quoted scalar" in (error.context or ""):
        return Problem(path, context + 1 + offset, "", UNCLOSED_QUOTE), None
    candidates = [n for n in (context, problem) if n is not None and 0 <= n < len(lines)]
    if 0 < problem < len(lines) and _indent(lines[problem]) > _indent(lines[problem - 1]):
        candidates.append(problem - 1)  # the line above, when the failing line is meant to continue it
    for number in dict.fromkeys(candidates):
        for pattern, group, hint, repair in LINE_MISTAKES:
            match = pattern.match(lines[number])
            if match:
                mended = (pattern.sub(repair, lines[number], count=1) if repair else
                          match.group(1) + match.group(2).replace("\u3000", "  ").replace("\u00a0", " ") + lines[number][match.end():])
                space = next((name for char, name in SPACE_NAMES.items() if char in match.group()), "")
                problem_line = Problem(path, number + 1 + offset, match.group(group) if group else "", hint.format(space=space))
                return problem_line, "\n".join(lines[:number] + [mended] + lines[number + 1:])
    opened = _unclosed_quote(lines, problem)
    if opened is not None:
        return Problem(path, opened + 1 + offset, "", UNCLOSED_QUOTE), None
    return Problem(path, (context if context is not None else problem) + 1 + offset, "", yaml_error_message(error)), None


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def _unclosed_quote(lines, problem):
    """The nearest line above that opens a quote and leaves it open.

    The quote then runs on to the next quote mark, lines below (`rules: ["ten:1"]`), and only
    there does the parser give up: the mistake is where the quote opened.
    """
    if problem >= len(lines) or not any(mark in lines[problem] for mark in "\"'"):
        return None
    for number in range(problem - 1, -1, -1):
        match = OPENING_QUOTE.match(lines[number])
        if match:
            quote, rest = match.groups()
            rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
            if quote not in rest:
                return number
    return None


def yaml_error_message(error):
    """Name the YAML mistake in words a Notepad user can act on."""
    text = f"{error.problem or ''} {error.context or ''}"
    if "could not find expected ':'" in text or "mapping values are not allowed" in text:
        return "YAML 格式有误：这一行或上一行的“字段: 值”写法不对。检查冒号是不是半角「:」、冒号后有没有空格、缩进是否对齐；值里含有「: 」时请用引号括起来。"
    if "found character" in text and "cannot start any token" in text:
        return "YAML 格式有误：值以特殊符号开头（如 @ ` % 或 Tab）。请用引号把整个值括起来。"
    if "while parsing a flow" in text:
        return "YAML 格式有误：这一行的方括号 [ ] 或花括号 { } 没有成对。请检查它是不是在同一行里闭合了，各项之间是否用半角逗号「,」分开。"
    if "expected <block end>" in text or "did not find expected" in text:
        return "YAML 格式有误：缩进没有对齐，或列表项前少了「- 」。请让同一层的行左边对齐（只用空格）。"
    if "found unexpected end of stream" in text or "found unexpected" in text:
        return "YAML 格式有误：引号或括号没有成对。请检查这一行的引号 \" ' 和括号 [ ] 是否都闭合了。"
    return f"YAML 格式有误（{(error.problem or '').strip()}）。请检查这一行的冒号、缩进和引号。"


def shown_tag(tag):
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


class _Open:
    """A mapping or list being filled, on the composer's stack."""

    __slots__ = ("value", "is_list", "anchor", "flow", "size", "key", "key_line")

    def __init__(self, value, anchor, flow):
        self.value, self.is_list, self.anchor, self.flow = value, isinstance(value, Sequence), anchor, flow
        self.size, self.key, self.key_line = 1, None, 0


class _Stop(Exception):
    """A file over a limit: its problem is recorded, nothing more is read."""


class _Composer:
    """Turns the event stream of one YAML text into Mapping/Sequence/scalars (one pass, no recursion)."""

    def __init__(self, path, text, offset):
        self.path, self.text, self.lines, self.offset = path, text, text.split("\n"), 1 + offset
        self.problems, self.anchors, self.stack = [], {}, []
        self.values, self.documents, self.root = 0, 0, None
        self.handlers = {
            yaml.ScalarEvent: self.scalar, yaml.MappingStartEvent: self.open, yaml.SequenceStartEvent: self.open,
            yaml.MappingEndEvent: self.close, yaml.SequenceEndEvent: self.close, yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }

    def compose(self):
        loader, handlers = BaseLoader(self.text), self.handlers
        try:
            while loader.check_event():
                event = loader.get_event()
                handler = handlers.get(type(event))
                if handler:
                    handler(event)
        except _Stop:
            return None, self.problems
        finally:
            loader.dispose()
        return self.root, self.problems

    def report(self, mark, message, field=None):
        self.problems.append(Problem(self.path, mark.line + self.offset, self.field_here() if field is None else field, message))

    def field_here(self):
        """The name of the place the next value goes: `sources[2].url`, as the schema's problems name it."""
        name = ""
        for level in self.stack:
            if level.is_list:
                name += f"[{len(level.value) + 1}]"
            elif level.key is not None:
                name += f".{level.key}" if name else str(level.key)
        return name

    def document(self, event):
        self.documents += 1
        if self.documents > 1:
            self.report(event.start_mark, "一个文件里只能写一份内容，这里又出现了一行 ---。请删掉这一行（Markdown 文件的头部只用开头和结尾两行 ---）。", "")
            raise _Stop

    def open(self, event):
        self.check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            self.report(event.start_mark, f"嵌套太深：超过 {MAX_DEPTH} 层。内容最多只需要四五层，请检查缩进或括号是不是写错了。",
                        re.split(r"[.\[]", self.field_here())[0])
            raise _Stop
        if type(event) is yaml.MappingStartEvent:
            container = Mapping()
            container.key_lines, container.typed = {}, {}
        else:
            container = Sequence()
            container.item_lines, container.typed_items = [], []
        container.line = event.start_mark.line + self.offset
        self.stack.append(_Open(container, event.anchor, event.flow_style))

    def close(self, event):
        done = self.stack.pop()
        if done.flow:
            self.trailing_comment(event.end_mark)
        if done.anchor is not None:
            self.anchors[done.anchor] = (done.value, done.size)
        self.add(done.value, None, done.size, done.value.line, counted=1)  # its items were counted as they came

    def alias(self, event):
        if event.anchor not in self.anchors:
            self.report(event.start_mark, f"「*{event.anchor}」指向的「&{event.anchor}」不存在（或者还没写完就用了它）。请检查拼写，或者直接把内容写在这里。")
            raise _Stop
        value, size = self.anchors[event.anchor]
        self.add(value, None, size, event.start_mark.line + self.offset)

    def scalar(self, event):
        self.check_tag(event)
        value, typed = self.read_scalar(event)
        if event.style not in ("|", ">"):  # a block scalar ends on the next line: nothing trails it
            self.trailing_comment(event.end_mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        if self.stack and self.stack[-1].is_list and self.stack[-1].flow and not event.style:  # plain: "" or None
            self.stack[-1].value.comma_split = True
        self.add(value, typed, 1, event.start_mark.line + self.offset)

    def check_tag(self, event):
        if event.tag not in PLAIN_TAGS:
            self.report(event.start_mark, f"不能用 YAML 标记「{shown_tag(event.tag)}」：网页上只能显示文字。请删掉「{shown_tag(event.tag)}」，直接写要显示的内容。")

    @staticmethod
    def read_scalar(event):
        """(value, the typed text when YAML did not read it as text)."""
        text = event.value
        if event.tag not in (None, "!") or not event.implicit[0] or (text and text[0] not in IMPLICIT_FIRST):
            return text, None  # quoted, tagged (!!str keeps the text; others were reported) or plainly text
        tag = _resolver.resolve(yaml.ScalarNode, text, event.implicit)
        if tag == TEXT_TAG:
            return text, None
        try:
            value = _scalars.yaml_constructors[tag](_scalars, yaml.ScalarNode(tag, text))
        except (ValueError, KeyError, yaml.YAMLError):  # e.g. 2026-02-30: keep the text, the schema explains
            return text, None
        return value, (text if value is not None else None)

    def trailing_comment(self, end):
        """A `#` after a value on its line: YAML drops it, so `#高薪兼职#` pasted from WeChat would vanish."""
        line = self.lines[end.line] if end.line < len(self.lines) else ""
        if line.find("#", end.column) < 0:
            return
        match = TRAILING_COMMENT.match(line, end.column)
        if match:
            self.report(end, f"「 #」后面的「{match.group(1).strip()}」被 YAML 当成了注释，不会出现在网页上。"
                             "如果它是内容的一部分，请用引号把整个值括起来（\"…\"）；如果是给自己看的说明，请把它单独写在上面一行。")

    def add(self, value, typed, size, line, counted=None):
        self.values += size if counted is None else counted
        if self.values > MAX_VALUES:
            self.problems.append(Problem(self.path, line, "", f"内容太多：用别名（&名字 和 *名字）展开后超过 {MAX_VALUES} 个值。请不要用别名层层引用，直接把内容写出来。"))
            raise _Stop
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.size += size
        container = top.value
        if top.is_list:
            container.append(value)
            container.item_lines.append(line)
            container.typed_items.append(typed)
        elif top.key is None:
            top.key = typed if typed is not None else (value if isinstance(value, str) else str(value))
            top.key_line = line
        else:
            key = top.key
            if key in container.key_lines:
                self.problems.append(Problem(self.path, top.key_line, key, f"这个字段写了两遍（第一次在第 {container.key_lines[key]} 行）。请删掉其中一处，只保留一个。"))
            container.key_lines[key] = top.key_line
            container[key] = value
            if typed is not None:
                container.typed[key] = typed
            else:
                container.typed.pop(key, None)
            top.key = None
