"""Canvas: a fixed drawing area in CSS pixels (a slide, a kiosk screen) and the type sizes used on it.

Slides and kiosk screens are drawn on a fixed canvas (scaled to the screen by
assets/deck-core.js), so whether text fits does not depend on the screen: it can be
estimated at build time. The sizes are written into each page as CSS custom properties
(`Canvas.css()`), so the browser lays text out with exactly these numbers.
"""

from dataclasses import dataclass, replace


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


def kiosk_canvas(width, height):
    """The kiosk canvas for a screen of width × height pixels: the type and margins of the landscape
    (or, for a taller than wide screen, the portrait) canvas, stretched to that shape. A picture
    drawn on it is then scaled to the screen's pixels, so type keeps its size relative to the screen."""
    base = KIOSK_LANDSCAPE if width >= height else KIOSK_PORTRAIT
    if width >= height:
        size = (round(base.height * width / height), base.height)
    else:
        size = (base.width, round(base.width * height / width))
    if size == (base.width, base.height):
        return base
    return replace(base, name=f"{width}x{height}", width=size[0], height=size[1])
