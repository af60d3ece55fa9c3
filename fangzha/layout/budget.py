"""The text budget of fixed-size sheets: the type scale that fills each region, and text that cannot fit.

Every region's blocks are measured (blocks.measure) at the region's base size times a fit
between the item's smallest and largest; the largest fit whose estimate fits is written into the
page, so the browser and the PDF engine start from it (and need about one layout). Text that does
not fit even at the smallest fit would be cut off: it is reported naming the file and field that
put most text there, and about how many characters are too many. The estimate errs on the long
side, so what passes here fits in Chromium (tests/test_print_budget.py holds them together).
"""

import math
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from ..problems import Problem
from .blocks import MM, item_text, stack_height

TRIES = 6     # estimates per region, at most
CLOSE = 0.015  # a fit within 1.5 % of the largest that fits is as good (the eye cannot tell the type apart)


@dataclass(frozen=True)
class Owner:
    """Where printed text comes from: the file and field to shorten (`item`'s key_lines give the field's line)."""

    path: str
    field: str = ""
    item: object = dataclass_field(default=None, compare=False, hash=False)
    known_line: int = dataclass_field(default=0, compare=False, hash=False)  # when the item is not at hand

    @property
    def line(self):
        return self.known_line or getattr(self.item, "key_lines", {}).get(self.field.split(".")[0], 0)


def owner(item, field_name):
    """Who wrote a piece of text: a content item (with its `file`) and the field."""
    return Owner(item["file"], field_name, item)


def fit_region(blocks, style, base, width_mm, height_mm, low, high):
    """(fit, points too tall at the smallest fit): about the largest fit in [low, high] whose text fits.

    The first try scales the fit by room ÷ height (text grows at least as fast as its type, so it
    lands short); from then on the fit is interpolated between the largest known to fit and the
    smallest known to be too tall. Two or three estimates usually settle it.
    """
    width, room = width_mm * MM, height_mm * MM

    def height(fit):
        return stack_height(blocks, style, base * fit, width)

    used = height(high)
    if used <= room:
        return high, 0.0
    good, bad = None, (high, used)  # (fit, height): the largest known to fit, the smallest known too tall
    fit = max(low, high * room / used)
    for _ in range(TRIES):
        used = height(fit)
        if used <= room:
            good = (fit, used)
        elif fit <= low:
            return low, used - room
        else:
            bad = (fit, used)
        if good and bad[0] - good[0] < CLOSE * bad[0]:
            break
        if good:  # between the two: where the room would be reached if height grew evenly
            fit = good[0] + (bad[0] - good[0]) * (room - good[1]) / (bad[1] - good[1])
            fit = min(max(fit, good[0] + (bad[0] - good[0]) * .15), bad[0] - (bad[0] - good[0]) * .15)
        else:
            fit = max(low, fit * room / used)
    if good is None:
        used = height(low)
        return low, max(0.0, used - room)
    return math.floor(good[0] * 1000) / 1000, 0.0


def texts(block):
    """The text a block prints (for counting who wrote how much)."""
    kind = block["type"]
    if kind in ("text",):
        return [block["text"]]
    if kind in ("list", "section"):
        return [block.get("title", "")] + [item_text(i) for i in block["items"]]
    if kind == "title":
        return [block.get("kicker", ""), block["text"]]
    if kind == "numbers":
        return [c["number"] + c["text"] for c in block["cells"]]
    if kind == "rows":
        return [r["when"] + r["calls"] + r["text"] for r in block["rows"]]
    if kind == "facts":
        return [v for _, v in block["pairs"]]
    if kind == "chips":
        return list(block["items"])
    if kind == "stacked":
        return ["".join(block["chars"])]
    return []


def leaves(blocks):
    """Blocks with text of their own: those inside columns and the footer's lines too."""
    for block in blocks:
        if block["type"] == "columns":
            yield from leaves(b for column in block["columns"] for b in column)
        elif block["type"] == "foot":
            yield from leaves(block["lines"])
            if block.get("qr"):
                yield {"type": "text", "text": block["url"], "owner": block.get("owner")}
        else:
            yield block


def blamed(blocks):
    """The owner who put the most characters in these blocks."""
    written = {}
    for b in leaves(blocks):
        who = b.get("owner")
        if who is not None:
            written[who] = written.get(who, 0) + sum(len(t) for t in texts(b))
    return max(written, key=written.get) if written else Owner("config.yaml")


@dataclass(frozen=True)
class TooLong:
    """Text that does not fit: who wrote the most of it, where, and about how many characters too many."""

    owner: Owner
    label: str   # 海报, 承诺书, 告家长书, 折页 …
    dest: str
    region: str
    chars: int


def too_long(over_pt, blocks, base, width_mm, label, dest, region):
    """A TooLong for a region `over_pt` points too tall at its smallest type (`base` points)."""
    columns = max((len(b["columns"]) for b in blocks if b["type"] == "columns"), default=1)
    line = width_mm * MM / columns  # text side by side in columns runs over in one of them
    chars = math.ceil(over_pt / (base * 1.5) * line / base)  # the overflow's area, in characters
    return TooLong(blamed(blocks), label, dest, region, chars)


def problems(found):
    """One line per cause: `file:line: field: 海报「…」放不下：多了约 N 个字，请删减。`

    Text written once and printed on many items (a long address in config.yaml) is one problem, not one per item.
    """
    causes = {}
    for item in found:
        causes.setdefault((item.owner, item.label, item.region), []).append(item)
    out = []
    for (who, label, region), items in causes.items():
        more = f"等 {len(items)} 份" if len(items) > 1 else ""
        where = f"的{region}" if region else ""
        chars = max(item.chars for item in items)
        out.append(Problem(who.path, who.line, who.field,
                           f"{label}「{items[0].dest}」{more}{where}放不下：多了约 {chars} 个字，请删减。"))
    return out
