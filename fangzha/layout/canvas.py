"""Canvas: a fixed drawing area in CSS pixels (a slide, a kiosk screen) and the type sizes used on it.

Slides and kiosk screens are drawn on a fixed canvas (scaled to the screen by
assets/deck-core.js), so whether text fits does not depend on the screen: it can be
estimated at build time. The sizes are written into each page as CSS custom properties
(`Canvas.css()`), so the browser lays text out with exactly these numbers. A screen whose
type is set larger to fill its canvas is measured on `scaled(s)`; the page gives it `--scale`.
"""

import functools
from dataclasses import dataclass, replace

SIZES = ("hero", "title", "lead", "body", "small", "picture")  # what grows and shrinks with a screen's type
FOOT_PAD = 12  # above and below the lines of a kiosk screen's foot band


@dataclass(frozen=True)
class Canvas:
    """A drawing area in CSS pixels and the type sizes used on it."""

    name: str
    width: int
    height: int
    pad_x: int
    pad_top: int
    pad_bottom: int
    hero: float    # title-slide and slogan type
    title: float   # slide heading
    lead: float    # the one big sentence
    body: float    # paragraphs and list items
    small: float   # labels, dates, places
    picture: float = 0        # the tallest a picture from content/ is drawn (given the room the text leaves)
    number: float = 0         # a number to remember, on its own screen (0: 1.6 × hero)
    line: float = 1.45        # line height of body text
    title_line: float = 1.25  # line height of headings
    foot: int = 0             # the band at the foot of a kiosk screen (inside pad_bottom)

    @property
    def gap(self):
        """Space between blocks (and under a heading)."""
        return self.body * 0.5

    @property
    def item_gap(self):
        """Space between list items."""
        return self.body * 0.25

    @property
    def indent(self):
        """Room taken by a list's bullet or number."""
        return self.body * 1.6

    @property
    def figure(self):
        """The size of a number on its own screen."""
        return self.number or self.hero * 1.6

    @property
    def icon(self):
        """A pictogram beside a heading: as tall as the kicker and one line of the heading."""
        return self.small * self.line + self.title * self.title_line

    @property
    def mark(self):
        """The large pictogram of a title, divider or slogan screen."""
        return self.hero * 1.25

    @property
    def logo(self):
        """The organisation's logo: on a title slide, in a kiosk screen's foot band."""
        return self.small * self.line * 1.6

    @functools.lru_cache(maxsize=1024)  # noqa: B019 (a few canvases and scales, measured thousands of times)
    def scaled(self, scale):
        """The same canvas with every type size (and the spacing that follows it) times `scale`."""
        if scale == 1:
            return self
        sizes = {name: getattr(self, name) * scale for name in SIZES}
        return replace(self, **sizes, number=self.figure * scale)

    def size(self):
        """As site/manifest.json gives a canvas."""
        return {"unit": "px", "width": self.width, "height": self.height}

    def css(self):
        """The custom properties deck.css reads."""
        values = {
            "w": self.width, "h": self.height, "pad-x": self.pad_x, "pad-top": self.pad_top,
            "pad-bottom": self.pad_bottom, "fs-hero": self.hero, "fs-title": self.title,
            "fs-lead": self.lead, "fs-body": self.body, "fs-small": self.small, "fs-number": self.figure,
            "gap": self.gap, "item-gap": self.item_gap, "indent": self.indent, "icon": self.icon, "mark": self.mark,
            "picture": self.picture, "logo": self.logo,
            "foot": self.foot, "foot-pad": FOOT_PAD,
        }
        props = [f"--{k}:{round(v, 3):g}px" for k, v in values.items()]
        props += [f"--line:{self.line}", f"--title-line:{self.title_line}"]
        return ";".join(props)


# A 16:9 slide; the large-type one keeps the same canvas with bigger letters.
SLIDE = Canvas("slide", 1600, 900, 80, 56, 96, hero=84, title=60, lead=46, body=38, small=30,
               picture=400)
SLIDE_LARGE = Canvas("slide-large", 1600, 900, 72, 50, 92, hero=96, title=72, lead=58, body=52, small=38,
                     picture=380)
# For old projectors: a 4:3 slide keeps the type and is narrower (as the PowerPoint deck does).
SLIDE_4X3 = replace(SLIDE, name="slide-4x3", width=1200)
SLIDE_LARGE_4X3 = replace(SLIDE_LARGE, name="slide-large-4x3", width=1200)
# Kiosk screens: sizes chosen to be read from five metres on a 43–55 inch screen; the foot band
# (numbers, organisation, clock) sits in the bottom margin.
KIOSK_LANDSCAPE = Canvas("landscape", 1920, 1080, 90, 64, 200, hero=120, title=92, lead=68, body=58, small=44,
                         picture=460, number=210, foot=160)
KIOSK_PORTRAIT = Canvas("portrait", 1080, 1920, 64, 90, 330, hero=108, title=88, lead=64, body=56, small=42,
                        picture=760, number=200, foot=290)


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
