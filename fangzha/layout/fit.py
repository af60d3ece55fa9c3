"""Will a slide's text fit? One set of sizes, shared by the estimate here and the CSS.

Slides and kiosk screens are drawn on a fixed canvas (scaled to the screen by
assets/deck-core.js), so whether text fits does not depend on the screen: it can be
estimated at build time. The sizes below are written into each page as CSS
custom properties, so the browser lays text out with exactly these numbers.
"""

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from ..problems import StrictNotice


@dataclass(frozen=True)
class Canvas:
    """A drawing area in CSS pixels and the type sizes used on it."""

    name: str
    width: int
    height: int
    pad_x: int
    pad_top: int
    pad_bottom: int
    hero: int    # title-slide and slogan type
    title: int   # slide heading
    lead: int    # the one big sentence
    body: int    # paragraphs and list items
    small: int   # labels, dates, places
    line: float = 1.45        # line height of body text
    title_line: float = 1.25  # line height of headings

    @property
    def gap(self):
        """Space between blocks (and under a heading)."""
        return round(self.body * 0.5)

    @property
    def item_gap(self):
        """Space between list items."""
        return round(self.body * 0.25)

    @property
    def indent(self):
        """Room taken by a list's bullet or number."""
        return round(self.body * 1.6)

    def size(self):
        """As site/manifest.json gives a canvas."""
        return {"unit": "px", "width": self.width, "height": self.height}

    def css(self):
        """The custom properties deck.css reads."""
        values = {
            "w": self.width, "h": self.height, "pad-x": self.pad_x, "pad-top": self.pad_top,
            "pad-bottom": self.pad_bottom, "fs-hero": self.hero, "fs-title": self.title,
            "fs-lead": self.lead, "fs-body": self.body, "fs-small": self.small, "gap": self.gap,
            "item-gap": self.item_gap, "indent": self.indent,
        }
        props = [f"--{k}:{v}px" for k, v in values.items()]
        props += [f"--line:{self.line}", f"--title-line:{self.title_line}"]
        return ";".join(props)


# A 16:9 slide; the large-type one keeps the same canvas with bigger letters.
SLIDE = Canvas("slide", 1600, 900, 80, 56, 96, hero=84, title=60, lead=46, body=38, small=30)
SLIDE_LARGE = Canvas("slide-large", 1600, 900, 72, 50, 92, hero=96, title=72, lead=58, body=52, small=38)
# Kiosk screens: sizes chosen to be read from five metres on a 43–55 inch screen.
KIOSK_LANDSCAPE = Canvas("landscape", 1920, 1080, 90, 64, 200, hero=120, title=92, lead=68, body=58, small=44)
KIOSK_PORTRAIT = Canvas("portrait", 1080, 1920, 64, 90, 330, hero=108, title=88, lead=64, body=56, small=42)


class Overflow(StrictNotice):
    """A slide whose text does not fit; a warning, or an error with --strict."""


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


def block_height(block, canvas, width):
    """Height in pixels of one block, laid out as deck.css lays it out."""
    kind = block["type"]
    body_line = canvas.body * canvas.line
    height = 0
    if block.get("label"):
        height += canvas.small * canvas.line
    if kind == "hero":
        height += line_count(block["text"], canvas.hero, width) * canvas.hero * canvas.title_line
    elif kind == "lead":
        height += line_count(block["text"], canvas.lead, width) * canvas.lead * canvas.line
    elif kind == "para":
        height += line_count(block["text"], canvas.body, width) * body_line
    elif kind == "meta":
        height += sum(line_count(t, canvas.small, width) for t in block["items"]) * canvas.small * canvas.line
    elif kind in ("list", "options"):
        inner = width - canvas.indent
        height += sum(line_count(item_text(i), canvas.body, inner) * body_line for i in block["items"])
        height += canvas.item_gap * max(0, len(block["items"]) - 1)
    else:
        raise ValueError(f"unknown block type {kind}")
    return height


def item_text(item):
    """A list item is text, or a {strong, text} pair drawn on one line."""
    if isinstance(item, dict):
        return f"{item.get('strong', '')} {item.get('text', '')}".strip()
    return item


def slide_height(slide, canvas):
    """Height the slide's heading and blocks need."""
    width = canvas.width - 2 * canvas.pad_x
    height = 0
    if slide.get("kicker"):
        height += canvas.small * canvas.line
    if slide.get("title"):
        height += line_count(slide["title"], canvas.title, width) * canvas.title * canvas.title_line + canvas.gap
    blocks = slide["blocks"]
    height += sum(block_height(b, canvas, width) for b in blocks)
    height += canvas.gap * max(0, len(blocks) - 1)
    return height


def room(canvas):
    """Height available for a slide's heading and blocks."""
    return canvas.height - canvas.pad_top - canvas.pad_bottom


def fill_ratio(slide, canvases):
    """How full the slide is on its fullest canvas (1.0 = exactly full)."""
    return max(slide_height(slide, c) / room(c) for c in canvases)


def paginate(items, make, canvases, limit=None):
    """Split `items` over as few slides as fit: make(chunk, first_index) -> slide.

    A single item that does not fit alone still gets its own slide (and a warning later).
    `limit` caps the items per slide ("fewer words per slide").
    """
    items = list(items)
    if len(items) > 1 and (limit is None or len(items) <= limit):
        whole = make(items, 0)  # the usual case: all on one slide (a text only grows with more items)
        if fill_ratio(whole, canvases) <= 1:
            return [whole]
    pages, chunk, start = [], [], 0
    for index, item in enumerate(items):
        trial = chunk + [item]
        too_many = limit is not None and len(trial) > limit
        if chunk and (too_many or fill_ratio(make(trial, start), canvases) > 1):
            pages.append(make(chunk, start))
            chunk, start = [item], index
        else:
            chunk = trial
    if chunk or not pages:
        pages.append(make(chunk, start))
    return pages
