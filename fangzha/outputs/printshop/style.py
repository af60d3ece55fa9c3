"""The print shop's type roles: the print kit's, plus the few its own formats need.

The measurer reads SHOP; assets/print-shop-style.css is written from the added roles only (the
print kit's stylesheet already holds the rest).
"""

from ...layout.style import Role, Style
from ..printkit.style import PRINT

ADDED = {
    "banner": Role(1.0, 1.0),    # a cloth banner's one line: the region's base is the character height
    "vbanner": Role(1.0, 1.15),  # a vertical banner: one character a line, a little apart
    "page_no": Role(1.0, 1.2),   # a booklet page's number
}

SHOP = Style(roles={**PRINT.roles, **ADDED}, lengths=PRINT.lengths)
ADDED_CSS = Style(roles=ADDED).css(".pr-sheet")
