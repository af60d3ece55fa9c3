"""How much room text takes: an estimate from character widths, with no layout engine.

CJK and full-width characters are one em wide, Latin letters about half; a Latin word that does
not fit at the end of a line moves whole to the next one, as browsers wrap it. The estimate errs
on the long side, so what it says fits does fit (tests hold it to Chromium's layout).
"""

import functools
import math
import re
import unicodedata


@functools.cache  # a pure function of one character: measuring long texts looks each up once
def char_width(char):
    """Width of one character in em: CJK and full-width are 1, Latin about half."""
    if char == " ":
        return 0.3
    if unicodedata.east_asian_width(char) in ("W", "F", "A"):
        return 1.0
    return 0.62


@functools.lru_cache(maxsize=65536)
def paragraph_ems(paragraph):
    """Width of one line of text in em (cached: pagination measures the same text many times)."""
    return sum(map(char_width, paragraph))


def line_count(text, size, width):
    """Lines `text` takes at font `size` in a box `width` pixels wide."""
    if not text:
        return 0
    usable = width * 0.97  # a line can end early when punctuation may not start the next one
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += max(1, math.ceil(paragraph_ems(paragraph) * size / usable))
    return lines


LATIN_WORD = re.compile(r"[!-~]{2,}")       # letters, digits and signs that wrap as one word
RUNS = re.compile(r"[!-~]+ *|[^!-~]+")     # words (with the spaces after them), or runs of anything else
UNITS = re.compile(r"[!-~]+ *| +|.", re.S)  # what a line may not break inside: a word, spaces, one character
NO_START = set("，。、；：！？”’）》」』】〕…—,.;:!?)]}%")  # may not begin a line: it goes with the character before
NO_END = set("“‘（《「『【〔([{")                            # may not end a line: it goes with the character after


@functools.lru_cache(maxsize=65536)
def break_units(paragraph):
    """The paragraph cut where a line may break (as browsers break Chinese text), with each unit's width in em."""
    units = []
    for unit in UNITS.findall(paragraph):
        if units and (unit[0] in NO_START or units[-1][0][-1] in NO_END):
            units[-1] = (units[-1][0] + unit, units[-1][1] + paragraph_ems(unit))
        else:
            units.append((unit, paragraph_ems(unit)))
    return tuple(units)


@functools.lru_cache(maxsize=262144)  # the same small print and numbers on every page, the same text at each try
def wrapped_line_count(text, size, width):
    """Lines `text` takes at font `size` in a box `width` wide, broken as a browser breaks it: a Latin
    word or address moves whole to the next line, and punctuation never begins a line (it takes the
    character before it along), so a line often ends a little early. Never fewer lines than line_count."""
    if not text:
        return 0
    usable = width * 0.97 / size  # in em
    lines = 0
    for paragraph in str(text).split("\n"):
        if paragraph_ems(paragraph) <= usable:
            lines += 1
            continue
        count, used = 1, 0.0
        for unit, ems in break_units(paragraph):
            if used + ems <= usable or (unit.isspace() and used):
                used += ems
                continue
            if used:
                count += 1
            if ems > usable:  # a word longer than a whole line is broken between its characters
                count += math.ceil(ems / usable) - 1
                ems -= (math.ceil(ems / usable) - 1) * usable
            used = ems
        lines += count
    return max(lines, line_count(text, size, width))
