"""Sheet: a fixed surface measured in millimetres (a printed page, a leaflet side, a banner, a board).

A sheet is cut into regions: fixed rectangles, each holding a column of blocks whose type is
scaled (`fit`) to fill it. The geometry is decided here and written into the page as CSS custom
properties (`Region.css()`), so the browser, the PDF engine and the text budget all work with the
same numbers.
"""

from dataclasses import dataclass, replace

MM = 72 / 25.4  # points in a millimetre
PAPER = {"A6": (105, 148), "A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


def mm(value):
    """A length for CSS, without float noise: 12.0 → 12mm, 13.25 → 13.25mm."""
    return f"{round(value, 2):g}mm"


@dataclass(frozen=True)
class Region:
    """One rectangle of a sheet (its content box, mm from the sheet's top left) and how its type behaves.

    `name` names it in messages (正文, 页脚, 封面 …); `role` is its CSS class; `fixed` regions keep
    their designed type size (small print), the others scale between the item's smallest and
    largest size to fill the rectangle.
    """

    name: str
    role: str
    x: float
    y: float
    width: float
    height: float
    fixed: bool = False

    def css(self):
        return (f"--x:{mm(self.x)};--y:{mm(self.y)};--w:{mm(self.width)};--h:{mm(self.height)}")

    def scaled(self, factor):
        return replace(self, x=self.x * factor, y=self.y * factor, width=self.width * factor, height=self.height * factor)


@dataclass(frozen=True)
class Sheet:
    """One side of paper: its size and its regions (and, for a leaflet, where it folds)."""

    name: str
    width: float
    height: float
    regions: tuple = ()
    folds: tuple = ()  # x positions (mm) of fold lines, drawn faintly

    def size(self):
        """As site/manifest.json gives a paper size."""
        return {"unit": "mm", "width": round(self.width, 1), "height": round(self.height, 1)}

    def css(self):
        return f"--sheet-w:{mm(self.width)};--sheet-h:{mm(self.height)}"

    def page_size(self):
        """The CSS @page size."""
        return f"{mm(self.width)} {mm(self.height)}"

    def scaled(self, factor, name=None):
        """The same layout on a larger sheet (A4 → A3 is √2): every length times `factor`."""
        return replace(self, name=name or self.name, width=self.width * factor, height=self.height * factor,
                       regions=tuple(r.scaled(factor) for r in self.regions), folds=tuple(f * factor for f in self.folds))

    def region(self, name):
        return next(r for r in self.regions if r.name == name)
