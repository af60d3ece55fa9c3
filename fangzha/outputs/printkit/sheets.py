"""The print kit's sheets: where each part of an item goes on its paper, ready for print/item.html.

A portrait page (poster, pledge sheet, letter) stacks its parts from the top: a colour band that
bleeds to the edges, the body that fills, a strip of numbers, the foot. A leaflet is two landscape
sides of three panels each, every panel filled on its own. Text stays 5 mm or more from every edge.
"""

import math

from ...i18n import ui as _
from ...layout.budget import blamed, fit_region, too_long
from ...layout.place import stack
from ...layout.sheet import PAPER, Region, Sheet, mm
from .style import PRINT

MARGIN = 12         # mm from the left and right edges (and the top, where no band starts the page)
BOTTOM = 10         # mm under the foot
GAP = 5             # mm between parts
A3 = math.sqrt(2)   # an A3 poster is the A4 layout, √2 larger
PANELS = {"outside": (97, 100, 100), "inside": (100, 100, 97)}  # mm; the cover is the outside's right panel
PANEL_PAD = (9, 8)  # mm inside a panel: top and bottom, left and right


def region_context(placed_region, fit, base, blocks, source, role, fixed=False, band=None, scale=1.0):
    return {"role": role, "blocks": blocks, "fixed": fixed, "source": source, "fit": fit,
            "css": f"{placed_region.scaled(scale).css()};--fit:{fit};--base:{round(base * scale, 3)}",
            "band": f"--y:{mm(band[0] * scale)};--h:{mm(band[1] * scale)}" if band else ""}


def portrait(parts, foot, base, low, high, paper="A4"):
    """(sheet for the template, [(region name, points over, blocks)]) for one portrait page."""
    width, height = PAPER["A4"]
    top = 0 if parts and parts[0].band else MARGIN
    placed = stack(width, MARGIN, top, height - BOTTOM, parts + [foot], PRINT, base, low, high, gap=GAP)
    scale = A3 if paper == "A3" else 1.0
    sheet = Sheet(paper, width, height).scaled(scale) if scale != 1 else Sheet(paper, width, height)
    regions = [region_context(p.region, p.fit, p.base, p.part.blocks, source_of(p.part),
                              p.part.role, p.part.fixed_type, p.band, scale) for p in placed]
    return ({"kind": "portrait", "label": "", "css": sheet.css(), "folds": [], "placed": regions},
            [(p.part.name, p.over, p.part.blocks, p.base * (1 if p.part.fixed_type else low), p.region.width)
             for p in placed if p.over > 0], sheet)


def leaflet(panels, base, low, high):
    """The two sides of a tri-fold leaflet: outside [flap][back][cover], inside three panels."""
    sides, over = [], []
    width, height = PAPER["A4"][::-1]
    pad_y, pad_x = PANEL_PAD
    for side, names in (("outside", panels[:3]), ("inside", panels[3:])):
        x, regions, folds = 0.0, [], []
        for (name, role, blocks), panel_width in zip(names, PANELS[side]):
            region = Region(name, role, x + pad_x, pad_y, panel_width - 2 * pad_x, height - 2 * pad_y)
            fit, over_pt = fit_region(blocks, PRINT, base, region.width, region.height, low, high)
            band = (0, height) if role == "cover" else None
            context = region_context(region, fit, base, blocks, blamed(blocks).path, role, band=band)
            if band:
                context["band"] = f"--y:0mm;--h:{mm(height)};left:{mm(x)};width:{mm(panel_width)}"
            regions.append(context)
            if over_pt > 0:
                over.append((name, over_pt, blocks, base * low, region.width))
            x += panel_width
            if x < width - 1:
                folds.append(f"--fold-x:{mm(x)}")
        label = _("折页外面") if side == "outside" else _("折页里面")
        sides.append({"kind": "landscape", "label": label, "css": Sheet("leaflet", width, height).css(),
                      "folds": folds, "placed": regions})
    return sides, over, Sheet("leaflet", width, height)


def source_of(part):
    """The file a region's text mostly comes from (print.js names it when something spills over)."""
    return blamed(part.blocks).path


def problems_of(over, label, dest):
    """TooLong findings for the regions that cannot fit even at the smallest type."""
    return [too_long(points, blocks, floor, width, label, dest, name) for name, points, blocks, floor, width in over]
