"""Splitting content over as few fixed-size slides or screens as fit, and saying when one does not."""

from ..problems import StrictNotice
from .blocks import block_height
from .text import line_count


class Overflow(StrictNotice):
    """A slide whose text does not fit; a warning, or an error with --strict."""


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
