"""Where each part of a print-shop item goes: parts stacked on a Shape's design frame, then drawn at real size.

The print kit's placing (layout/place.stack) and region contexts (printkit/sheets.region_context) do
the work; what is added here is the safe zones, the scale from the design frame to the real sheet,
faces turned upside down (a table tent) and faces put side by side on one sheet.
"""

from dataclasses import replace

from ...i18n import ui as _
from ...layout.place import stack
from ...layout.sheet import Sheet, mm
from ..printkit.sheets import BOTTOM, GAP, MARGIN, region_context, source_of
from .style import SHOP


def place(parts, shape, base, low, high, margin=MARGIN, gap=GAP):
    """The parts stacked in `shape`'s design frame, clear of its safe zones: [Placed].

    A colour band that starts the sheet still reaches its top edge (colour may go in a safe zone,
    text never does).
    """
    factor = shape.factor
    width, height = shape.reference, shape.design_height
    first_band = bool(parts and parts[0].band)
    top = max(shape.safe_top / factor, 0 if first_band else margin)
    bottom = height - max(shape.safe_bottom / factor, BOTTOM)
    placed = stack(width, margin, top, bottom, parts, SHOP, base, low, high, gap=gap)
    if first_band and placed[0].band and top > 0:
        y, h = placed[0].band
        placed[0].band = (0.0, y + h)
    return placed


def contexts(placed, scale, offset=0.0, turned_height=None, width=None):
    """The template's region contexts at `scale`; `offset` moves them down (mm, design frame);
    `turned_height` turns them upside down within a face that tall (and `width` wide)."""
    out = []
    for p in placed:
        region, band = p.region, p.band
        if turned_height is not None:
            region = replace(region, x=width - region.x - region.width, y=turned_height - region.y - region.height)
            band = (turned_height - band[0] - band[1], band[1]) if band else None
        region = replace(region, y=region.y + offset)
        band = (band[0] + offset, band[1]) if band else None
        context = region_context(region, p.fit, p.base, p.part.blocks, source_of(p.part), p.part.role,
                                 p.part.fixed_type, band, scale)
        context["turned"] = turned_height is not None
        out.append(context)
    return out


def overs(placed, low):
    """(region name, points over, blocks, smallest base, width) for the parts that cannot fit."""
    return [(p.part.name, p.over, p.part.blocks, p.base * (1 if p.part.fixed_type else low), p.region.width)
            for p in placed if p.over > 0]


def scaled_lengths(scale):
    """The style's millimetre lengths (borders, QR codes, gaps) grown with the sheet, as CSS custom
    properties that override the stylesheet's (the em lengths grow with the type already)."""
    if scale == 1:
        return ""
    return "".join(f";--{name.replace('_', '-')}:{mm(value * scale)}" for name, value in sorted(SHOP.lengths.items())
                   if name.endswith("_mm"))


def side(name, width, height, regions, folds=(), label="", scale=1.0):
    """One printed side for print/item.html, drawn `scale` times its design."""
    sheet = Sheet(name, width, height)
    return {"kind": "portrait" if height >= width else "landscape", "label": label, "css": sheet.css() + scaled_lengths(scale),
            "folds": list(folds), "placed": regions}, sheet


def single(parts, shape, base, low, high, scale=None):
    """(side, overs, Sheet) for one sheet of a Shape drawn at `scale` times its design (default: real size)."""
    scale = shape.factor if scale is None else scale
    placed = place(parts, shape, base, low, high)
    drawn, sheet = side("sheet", shape.reference * scale, shape.design_height * scale, contexts(placed, scale), scale=scale)
    return drawn, overs(placed, low), sheet


def tent(parts, face, base, low, high):
    """An A4 table tent: two faces of `face` (A5 landscape), the upper upside down, folded between them."""
    placed = place(parts, face, base, low, high)
    width, height = face.reference, face.design_height
    regions = contexts(placed, 1.0, 0.0, turned_height=height, width=width) + contexts(placed, 1.0, height)
    drawn, sheet = side("tent", width, 2 * height, regions, [f"--fold-y:{mm(height)}"], _("台卡"))
    return drawn, overs(placed, low), sheet

