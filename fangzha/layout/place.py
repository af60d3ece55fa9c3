"""Placing a printed item's parts on its sheet: rectangles decided from the measured text.

A part is a column of blocks. Parts are stacked from the top: a part of `natural` height takes
what its text needs at the designed size (never more than `share` of the sheet, shrinking its
type if it must), a part of fixed height takes that, and the `fill` part takes what is left, its
type scaled to fill it. Side-by-side panels (a leaflet) are placed by the caller, each filled.
"""

from dataclasses import dataclass, field

from .blocks import MM, stack_height
from .budget import fit_region
from .sheet import Region

SLACK = 1.02  # a natural part gets a little more than its estimate: engines round line heights differently


@dataclass
class Part:
    name: str              # names it in messages (正文, 页脚 …)
    role: str              # its CSS class
    blocks: list
    height: float = None   # mm when fixed
    fill: bool = False     # takes the height that is left
    share: float = 0.5     # a natural part's largest share of the sheet's height
    min_share: float = 0.3  # the fill part's smallest share: natural parts give way to it
    pad: float = 0.0       # mm of its own colour field above and below the text (a band)
    band: bool = False     # a coloured field across the whole width of the sheet
    fixed_type: bool = False  # keeps its designed type (small print): it fits or it is too long
    base: float = None     # its own base type size (pt), when not the item's


@dataclass
class Placed:
    """A part on its sheet: where its text goes, the fit its type is drawn at, and what would not fit."""

    part: Part
    region: Region
    fit: float
    base: float
    over: float = 0.0          # points too tall at the smallest fit (0: it fits)
    band: tuple = field(default=None)  # (y, height) mm of its colour field, across the sheet


def natural_height(part, style, base, width):
    return stack_height(part.blocks, style, base, width * MM) / MM


def stack(sheet_width, margin, top, bottom, parts, style, base, low, high, gap=0.0):
    """Place `parts` one under another between `top` and `bottom` (mm), `margin` from each side."""
    width = sheet_width - 2 * margin
    heights, natural_mm = {}, {}
    for part in parts:
        if part.height is not None:
            heights[id(part)] = part.height
        elif not part.fill:
            natural_mm[id(part)] = natural_height(part, style, part.base or base, width)
            needed = natural_mm[id(part)] * SLACK + 2 * part.pad
            heights[id(part)] = min(needed, (bottom - top) * part.share)
    rest = (bottom - top) - sum(heights.values()) - gap * (len(parts) - 1)
    filler = next((p for p in parts if p.fill), None)
    wanted = filler.min_share * (bottom - top) if filler else 0
    natural = [p for p in parts if p.height is None and not p.fill and not p.fixed_type]
    if rest < wanted and natural:  # the body needs its share: natural parts give way, their type a little smaller
        squeeze = max(0.0, 1 - (wanted - rest) / sum(heights[id(p)] for p in natural))
        for part in natural:
            heights[id(part)] *= squeeze
        rest = (bottom - top) - sum(heights.values()) - gap * (len(parts) - 1)
    placed, y = [], top
    for part in parts:
        height = heights.get(id(part), rest)
        inner = height - 2 * part.pad
        region = Region(part.name, part.role, margin, y + part.pad, width, inner, part.fixed_type)
        own = part.base or base
        measured = natural_mm.get(id(part))
        if part.fixed_type:
            used = measured * MM if measured is not None else stack_height(part.blocks, style, own, width * MM)
            fit, over = 1.0, max(0.0, used - inner * MM - 0.01)  # (rounding is not overflow)
        elif measured is not None and measured <= inner:  # its text at the designed size fits the room it got
            fit, over = 1.0, 0.0
        else:
            fit, over = fit_region(part.blocks, style, own, width, inner, low, 1.0 if not part.fill else high)
        band = (y, height) if part.band else None
        placed.append(Placed(part, region, fit, own, over, band))
        y += height + gap
    return placed
