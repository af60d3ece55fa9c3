"""Splitting content over as few fixed-size slides or screens as fit, evenly, and saying when one does not.

A slide is a dict: `kicker`, `title`, `blocks`, and optionally `icon` (a pictogram), `layout`
("statement": a centred slide with a large pictogram; otherwise a heading band with the pictogram
beside the kicker and title) and `scale` (its type set larger or smaller than the canvas's).
"""

import functools
from itertools import combinations
from math import comb, floor

from ..i18n import ui as _
from ..problems import StrictNotice
from .blocks import block_height
from .text import wrapped_line_count

MOST_SPLITS = 4000  # ways of cutting a list tried when balancing it; past that, filled in order
CONTINUED = "（续）"  # the mark in Chinese; each language's is in the catalogue


class Overflow(StrictNotice):
    """A slide whose text does not fit; a warning, or an error with --strict."""


def continued(title, start):
    """The title of the slide whose list starts at item `start`: a continuation says so."""
    return title + _("（续）") if start else title


def band_icon(slide, canvas):
    """The pictogram in a heading band: as tall as the kicker and a line of heading, or as the kicker alone."""
    return canvas.icon if slide.get("title") else canvas.small * canvas.line


def heading_height(slide, canvas, width):
    """Height of what stands above the blocks: on a statement slide the large pictogram, the kicker
    and the title stacked; elsewhere a band from the top edge holding the pictogram beside the kicker
    and title (a kicker without a title: just its line)."""
    icon = bool(slide.get("icon"))

    def kicker(within):
        return wrapped_line_count(slide.get("kicker", ""), canvas.small, within) * canvas.small * canvas.line

    if slide.get("layout") == "statement":
        title = wrapped_line_count(slide["title"], canvas.title, width) * canvas.title * canvas.title_line + canvas.gap if slide.get("title") else 0
        return (canvas.mark + canvas.gap if icon else 0) + kicker(width) + title
    icon_size = band_icon(slide, canvas) if icon else 0
    text_width = width - (icon_size + canvas.gap if icon else 0)
    title = wrapped_line_count(slide["title"], canvas.title, text_width) * canvas.title * canvas.title_line if slide.get("title") else 0
    band = max(icon_size, kicker(text_width) + title)
    if not title:  # a kicker alone (a quiz question's) is one line with its small pictogram, not a band
        return band
    return band + 3 * canvas.gap - canvas.pad_top  # from the top edge: a gap above, one below, one under the band


def slide_height(slide, canvas):
    """Height the slide's heading and blocks need, at the slide's own type scale."""
    canvas = canvas.scaled(slide.get("scale", 1))
    width = canvas.width - 2 * canvas.pad_x
    blocks = slide["blocks"]
    height = heading_height(slide, canvas, width)
    height += sum(block_height(b, canvas, width) for b in blocks)
    return height + canvas.gap * max(0, len(blocks) - 1)


def room(canvas):
    """Height available for a slide's heading and blocks."""
    return canvas.height - canvas.pad_top - canvas.pad_bottom


def fill_ratio(slide, canvases):
    """How full the slide is on its fullest canvas (1.0 = exactly full)."""
    return max(slide_height(slide, c) / room(c) for c in canvases)


def fitting_scale(slide, canvas, largest=1.0, smallest=1.0, step=0.05):
    """The largest type scale from `largest` down to `smallest` (in steps) at which the slide fits its
    canvas: a screen with little to say says it larger, a slide a little too full says it a little
    smaller. 1 when none fits (and the check will say so)."""
    scales, scale = [], largest
    while scale >= smallest - 1e-9:
        scales.append(round(scale, 2))
        scale -= step
    fits = lambda s: fill_ratio(dict(slide, scale=s), [canvas]) <= 1
    if not scales or fits(scales[0]):
        return scales[0] if scales else 1.0
    # Larger type never takes less room, so the scales that fit are the tail of the list: halve to where it starts.
    low, high = 1, len(scales)
    while low < high:
        middle = (low + high) // 2
        if fits(scales[middle]):
            high = middle
        else:
            low = middle + 1
    return scales[low] if low < len(scales) else 1.0


def grow_pictures(slide, canvas):
    """Give a slide's pictures the room its text leaves: they were measured (for splitting and for the
    type scale) at their smallest share of the canvas's picture height, and grow up to all of it."""
    pictures = [b for b in slide["blocks"] if b["type"] == "picture"]
    spare = room(canvas) - slide_height(slide, canvas)
    if not pictures or spare <= 0:
        return slide
    full = canvas.scaled(slide.get("scale", 1)).picture
    for block in pictures:  # rounded down: never past the room
        block["share"] = floor(1000 * min(1, block["share"] + spare / len(pictures) / full)) / 1000
    return slide


def in_order(items, make, canvases, limit):
    """(first, end) of each slide, filling every slide before starting the next: the fewest slides."""
    cuts, start = [], 0
    for index in range(1, len(items)):
        trial = items[start:index + 1]
        too_many = limit is not None and len(trial) > limit
        if too_many or fill_ratio(make(trial, start), canvases) > 1:
            cuts.append((start, index))
            start = index
    return cuts + [(start, len(items))]


def paginate(items, make, canvases, limit=None):
    """Split `items` over as few slides as fit, as evenly as they can be: make(chunk, first_index) -> slide.

    Of the ways to cut the list into that many slides, the one with no slide holding a single item
    of a longer list (if there is one), then with the least full fullest slide, is kept, so a list
    never ends on a lone item. A single item that does not fit alone still gets its own slide (and a
    warning later). `limit` caps the items per slide ("fewer words per slide").
    """
    items = list(items)
    if len(items) > 1 and (limit is None or len(items) <= limit):
        whole = make(items, 0)  # the usual case: all on one slide (a text only grows with more items)
        if fill_ratio(whole, canvases) <= 1:
            return [whole]
    if len(items) <= 1:
        return [make(items, 0)]
    chunks = in_order(items, make, canvases, limit)
    if len(chunks) > 1 and comb(len(items) - 1, len(chunks) - 1) <= MOST_SPLITS:
        chunks = balanced(items, make, canvases, limit, len(chunks)) or chunks
    return [make(items[first:end], first) for first, end in chunks]


def balanced(items, make, canvases, limit, count):
    """The most even cut of `items` into `count` slides that all fit, or None."""
    @functools.cache
    def ratio(first, end):
        return fill_ratio(make(items[first:end], first), canvases)

    best, best_score = None, None
    for cuts in combinations(range(1, len(items)), count - 1):
        chunks = list(zip((0,) + cuts, cuts + (len(items),)))
        if any(limit is not None and end - first > limit for first, end in chunks):
            continue
        ratios = [ratio(first, end) for first, end in chunks]
        if any(r > 1 and end - first > 1 for r, (first, end) in zip(ratios, chunks)):
            continue
        score = (sum(end - first == 1 for first, end in chunks), max(ratios), -min(ratios),
                 [first - end for first, end in chunks])  # at a tie, the fuller slides first
        if best_score is None or score < best_score:
            best, best_score = chunks, score
    return best
