"""The print shop's formats: their real sizes (config.yaml `print_shop`), safe zones and scale.

A large format is designed as the print kit designs a poster, on a reference sheet as wide as a
page (210 mm, or 297 mm for a landscape board), and drawn `factor` times larger: the type base,
the margins and every region grow with the sheet, so a 800 × 2000 mm roll-up reads from metres as
an A4 poster reads from a step away. Safe zones are strips the layout never places a region in.
"""

import math
from dataclasses import dataclass

from ...content.languages import is_latin
from ...i18n import N_
from ...i18n import ui as _
from ...layout.sheet import PAPER
from ...layout.text import paragraph_ems

PORTRAIT_REFERENCE = 210   # mm: an A4 poster's width
LANDSCAPE_REFERENCE = 297  # mm: an A4 sheet on its side
EDGE = 5                   # mm: no text this close to any edge of any format
ROLLUP_TOP, ROLLUP_BOTTOM = 50, 150  # mm: the clamp bar, and what rolls into the base
LARGEST_1_TO_1 = 5000      # mm: PDF viewers fail above 200 inches (5080 mm); longer banners are drawn at 1:10
BANNER_CHAR = .65          # a cloth banner's characters are this share of its height
VERTICAL_CHAR = .7         # a vertical banner's characters are this share of its width
BANNER_COLOURS = {"ground": "#c8161d", "ink": "#ffffff", "ground_name": N_("大红"), "ink_name": N_("白色")}


@dataclass(frozen=True)
class Shape:
    """One format at one real size: what is drawn, how much larger than its design, and where text may not go."""

    width: float            # mm, real
    height: float           # mm, real
    reference: float        # mm: the width the layout is designed at
    safe_top: float = 0.0   # mm, real: no text above this
    safe_bottom: float = 0.0  # mm, real: no text in this strip at the foot

    @property
    def factor(self):
        return self.width / self.reference

    @property
    def design_height(self):
        """The sheet's height in the reference frame."""
        return self.height / self.factor

    def label(self):
        return _("%(size)s 毫米") % {"size": size_text(self.width, self.height)}


def size_text(width, height):
    return f"{round(width):d} × {round(height):d}"


def parse_size(text):
    """"800x2000" → (800, 2000)."""
    width, height = text.lower().split("x")
    return int(width), int(height)


def rollup(config):
    width, height = parse_size(config["print_shop"]["rollup"])
    return Shape(width, height, PORTRAIT_REFERENCE, ROLLUP_TOP, ROLLUP_BOTTOM)


def board(config):
    width, height = parse_size(config["print_shop"]["board"])
    return Shape(width, height, LANDSCAPE_REFERENCE if width > height else PORTRAIT_REFERENCE)


def paper(name, landscape=False):
    """A paper size (A2 … A6) as a Shape designed on A4 (A3 is the A4 design √2 larger, A2 twice)."""
    width, height = PAPER[name]
    if landscape:
        width, height = height, width
    return Shape(width, height, LANDSCAPE_REFERENCE if landscape else PORTRAIT_REFERENCE)


def wall_sizes(config):
    return list(dict.fromkeys(config["print_shop"]["wall_sizes"])) or ["A3", "A2"]


@dataclass(frozen=True)
class Banner:
    """A cloth banner for one slogan: its real size, its character height, and the scale its PDF is drawn at."""

    text: str         # as printed: phrases parted by a full-width space
    width: float      # mm, real
    height: float     # mm, real
    char: float       # mm: character height
    vertical: bool

    @property
    def drawn_scale(self):
        """1 for a PDF at full size; 0.1 beyond 5 m (printed ten times larger)."""
        return 1.0 if max(self.width, self.height) <= LARGEST_1_TO_1 else 0.1


PAUSES = "，,、；;：:！!？?。. "


def banner_text(slogan):
    """A slogan as a banner prints it: phrases parted by a full-width space, no punctuation (an English
    slogan keeps its words and punctuation as written)."""
    if is_latin(slogan):
        return " ".join(slogan.split())
    out, gap = [], False
    for char in slogan.strip():
        if char in PAUSES:
            gap = True
            continue
        if gap and out:
            out.append("\u3000")
        out.append(char)
        gap = False
    return "".join(out)


def horizontal_banner(slogan, height):
    """A banner as long as its text at BANNER_CHAR of its height, with half its height free at each end."""
    text = banner_text(slogan)
    char = round(height * BANNER_CHAR)
    ems = paragraph_ems(text) if is_latin(text) else len(text)  # Latin letters are narrower than a character
    width = math.ceil((ems * char * 1.04 + height) / 100) * 100  # rounded up to whole 10 cm
    return Banner(text, width, height, char, False)


def vertical_banner(slogan, width):
    """Characters stacked one per line, a little apart; half its width free at each end."""
    text = banner_text(slogan)
    char = round(width * VERTICAL_CHAR)
    height = math.ceil((len(text) * char * 1.15 + char * .2 + width) / 100) * 100
    return Banner(text, width, height, char, True)


# Tiling a wall notice onto office paper: every sheet keeps a white margin the printer may not reach,
# neighbouring sheets repeat OVERLAP mm of the notice, where one is glued under the next.
TILE_MARGIN = 10  # mm
OVERLAP = 10      # mm


@dataclass(frozen=True)
class Tiling:
    """How a notice of `width` × `height` mm is cut into sheets of `paper`: the grid and each sheet's window."""

    paper: tuple     # (width, height) mm of one sheet, in the orientation used
    columns: int
    rows: int

    @property
    def window(self):
        """(width, height) mm of the notice one sheet shows."""
        return self.paper[0] - 2 * TILE_MARGIN, self.paper[1] - 2 * TILE_MARGIN

    def origin(self, row, column):
        """Where, in the notice (mm from its top left), the window of the sheet at (row, column) starts."""
        width, height = self.window
        return column * (width - OVERLAP), row * (height - OVERLAP)


def tiling(width, height, paper_name):
    """The fewer sheets of the two orientations of `paper_name`."""
    best = None
    for paper_size in (PAPER[paper_name], PAPER[paper_name][::-1]):
        window = paper_size[0] - 2 * TILE_MARGIN, paper_size[1] - 2 * TILE_MARGIN
        columns = max(1, math.ceil((width - OVERLAP) / (window[0] - OVERLAP)))
        rows = max(1, math.ceil((height - OVERLAP) / (window[1] - OVERLAP)))
        if best is None or columns * rows < best.columns * best.rows:
            best = Tiling(paper_size, columns, rows)
    return best
