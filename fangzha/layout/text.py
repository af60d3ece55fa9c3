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


def wrapped_line_count(text, size, width):
    """Like line_count, but a Latin word or address that does not fit at the end of a line moves
    whole to the next one (as browsers wrap it), leaving the end of the line empty; anything else
    (Chinese) may break between any two characters. Never fewer lines than line_count."""
    if not text:
        return 0
    usable = width * 0.97 / size  # in em
    lines = 0
    for paragraph in str(text).split("\n"):
        ems = paragraph_ems(paragraph)
        if ems <= usable or not LATIN_WORD.search(paragraph):  # one line, or breaks anywhere
            lines += max(1, math.ceil(ems / usable))
            continue
        count, used = 1, 0.0
        for run in RUNS.findall(paragraph):
            ems = paragraph_ems(run)
            if run[0] <= "~" and run[0] != " " and used + paragraph_ems(run.rstrip()) > usable >= ems and used:
                count, used = count + 1, ems  # the word moves to the next line
                continue
            used += ems
            if used > usable:  # broken between characters (a word longer than a whole line too)
                extra = math.ceil(used / usable) - 1
                count, used = count + extra, used - extra * usable
        lines += count
    return lines
