"""Placeholders that would be printed: the seeds' 20xx and x-names, example names, example numbers.

Each text value is scanned while its field is checked (fields.Text calls `scan`), so every finding
knows its file, line and field, even from the load workers. validate turns the findings into
`Placeholder` warnings (errors with `build --strict`); `withheld` says which example numbers are
kept off every page, so a number nobody should dial is never printed.
"""

import re

from ..problems import StrictNotice

FOUND = "placeholder"  # the kind of note `scan` leaves in Where.refs

YEAR = re.compile(r"20[xX]{2}")  # the seeds' 20xx.9.25
HIDDEN_NAME = re.compile(r"(?<![A-Za-z0-9])[xX]{1,3}(?=[\u4e00-\u9fff])")  # x民族师范学院, xx市
ZEROS = re.compile(r"(?<![\d-])0[0-]{6,}0(?![\d-])")  # 0000-0000000
EXAMPLE = "示例"
MAYBE = re.compile(r"[xX]|示例|000")  # cheap first look: most values have none of these
SHORT = 20  # a value this long is quoted whole; a longer one around what was found
CONFIG = "config.yaml"
LOCAL_CHANNEL = re.compile(r"^local_channels\[(\d+)\]")
CONTACT_NUMBERS = ("contact.phone", "contact.police_phone")


class Placeholder(StrictNotice):
    """A placeholder that would be printed: a warning; with --strict, an error."""


def snippet(text, start, end):
    """The value, or the part of a long one around what was found."""
    if len(text) <= SHORT:
        return text
    left, right = max(0, start - 6), min(len(text), end + 10)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def short_label(label):
    """A field's label without its explanation in brackets: 单位名称（印在每一页上） → 单位名称."""
    return label.split("（", 1)[0]


def withholding(path, field):
    """Whether an example here is left off every page: "channel" for config.yaml's local channels,
    "number" for its contact numbers, "" elsewhere (the text is printed as written)."""
    if path != CONFIG:
        return ""
    if LOCAL_CHANNEL.match(field):
        return "channel"
    return "number" if field in CONTACT_NUMBERS else ""


HELD = {"channel": "，这个本地渠道暂时不放到网页、印刷品和大屏上", "number": "，网页和印刷品上暂时不印它", "": ""}


def messages(text, label, held=""):
    """What is still a placeholder in one value: one message for each kind found."""
    if not MAYBE.search(text):
        return []
    found = []
    year = YEAR.search(text)
    if year:
        found.append(f"「{snippet(text, *year.span())}」里的年份还写着“{year[0]}”{HELD[held]}：请写上实际的年份（例如 2026）。")
    name = HIDDEN_NAME.search(text)
    if name:
        found.append(f"「{snippet(text, *name.span())}」里的“{name[0]}”是隐去的名称{HELD[held]}：请写上真实的名称（学校、城市等）。")
    if ZEROS.search(text):
        found.append(f"{short_label(label)}还是示例号码（全是 0）{HELD[held]}：请填写真实的号码。")
    if EXAMPLE in text:
        fix = "本地真实的名称和号码" if held == "channel" else "真实的" + short_label(label)
        at = text.index(EXAMPLE)
        found.append(f"「{snippet(text, at, at + len(EXAMPLE))}」还标着“示例”{HELD[held]}：请换成{fix}，再删掉“示例”二字。")
    return found


def scan(text, label, where):
    """Note each placeholder in one checked value where it was found (validate collects them)."""
    for message in messages(text, label, withholding(where.path, where.field)):
        where.refs.append((FOUND, message, where.path, where.line, where.field))


def placeholders(notes):
    """Placeholder warnings from the notes `scan` left, one per value and kind, in file order."""
    return [Placeholder(path, line, field, message) for _, message, path, line, field in notes]


def withheld(found, config):
    """Blank config.yaml's example contact numbers; return the indexes (from 0) of example local channels."""
    channels = set()
    for item in found:
        if item.path != CONFIG:
            continue
        local = LOCAL_CHANNEL.match(item.field)
        if local:
            channels.add(int(local[1]) - 1)
        elif item.field in CONTACT_NUMBERS and config.get("contact"):
            config["contact"][item.field.split(".")[1]] = ""
    return channels
