"""The height of one block of text on a surface, laid out as its stylesheet lays it out.

One measurer for every block type: the blocks of slides and kiosk screens (deck.css) and those of
printed pages (print.css). Each stylesheet reads its sizes from the surface's CSS custom properties,
so the numbers here and on the page are the same numbers.
"""

import math
import re

from .text import line_count, paragraph_ems, wrapped_line_count


def block_height(block, canvas, width):
    """Height in pixels of one block, laid out as deck.css lays it out."""
    kind = block["type"]
    body_line = canvas.body * canvas.line
    height = 0
    if block.get("label"):
        height += canvas.small * canvas.line
    if kind == "hero":
        height += line_count(block["text"], canvas.hero, width) * canvas.hero * canvas.title_line
    elif kind == "lead":
        height += line_count(block["text"], canvas.lead, width) * canvas.lead * canvas.line
    elif kind == "para":
        height += line_count(block["text"], canvas.body, width) * body_line
    elif kind == "meta":
        height += sum(line_count(t, canvas.small, width) for t in block["items"]) * canvas.small * canvas.line
    elif kind in ("list", "options"):
        inner = width - canvas.indent
        height += sum(line_count(item_text(i), canvas.body, inner) * body_line for i in block["items"])
        height += canvas.item_gap * max(0, len(block["items"]) - 1)
    else:
        raise ValueError(f"unknown block type {kind}")
    return height


def item_text(item):
    """A list item is text, or a {strong, text} pair drawn on one line."""
    if isinstance(item, dict):
        return f"{item.get('strong', '')} {item.get('text', '')}".strip()
    return item


# ---- Printed surfaces (sheets). Sizes are points: `s` is the region's base type size (its type
# size times its fit), `width` the column's width. Every length comes from the family's Style, whose
# numbers are also the stylesheet's (Style.css), and every region lays its blocks out as a flex
# column, where margins add up and never collapse — so the sums below are what the browser does.

MM = 72 / 25.4


def text_height(text, role, s, width, first=False):
    """A paragraph in one role: its lines, and the space round it."""
    size = role.size * s
    lines = wrapped_line_count(text, size, width) if text else 0
    return lines * size * role.line + (0 if first else role.before * size) + role.after * size


def phrases_height(text, role, s, width, first=False):
    """A big line kept in whole phrases (it breaks after a comma, never inside a phrase that fits a line)."""
    size = role.size * s
    usable = width * 0.97 / size
    lines, used = 0, 0.0
    for phrase in split_phrases(text):
        ems = paragraph_ems(phrase)
        if lines and used + ems <= usable:
            used += ems
        else:
            lines += max(1, math.ceil(ems / usable))
            used = ems % usable if ems > usable else ems
    return lines * size * role.line + (0 if first else role.before * size) + role.after * size


PHRASE_END = re.compile(r"(?<=[，,、；;：:！!？?。])")


def split_phrases(text):
    """"凡是刷单，都是诈骗！" → ["凡是刷单，", "都是诈骗！"] (how the page breaks a hero line)."""
    return [p for p in PHRASE_END.split(text) if p]


def list_height(items, style, s, width, role="body"):
    """A list: each item a paragraph, indented for its marker, a small gap between items."""
    r = style[role]
    inner = width - style.length("indent") * s
    gap = style.length("item_gap") * s
    return sum(text_height(item_text(i), r, s, inner, first=True) for i in items) + gap * max(0, len(items) - 1)


def measure(block, style, s, width, first=False):
    """Height in points of one block of a printed region."""
    kind = block["type"]
    if kind == "text":
        role = style[block["role"]]
        if "phrases" in block:
            return phrases_height(block["text"], role, s, width, first)
        return text_height(block["text"], role, s, width, first)
    if kind == "list":
        role = style[block.get("role", "body")]
        return (0 if first else role.before * role.size * s) + list_height(block["items"], style, s, width, block.get("role", "body"))
    if kind == "section":
        heading = style["h2"]
        return text_height(block["title"], heading, s, width, first) + list_height(block["items"], style, s, width)
    if kind == "title":
        return title_height(block, style, s, width, first)
    if kind == "columns":
        gap = style.length("column_gap_mm") * MM
        column = (width - gap * (len(block["columns"]) - 1)) / len(block["columns"])
        return max(stack_height(blocks, style, s, column) for blocks in block["columns"])
    if kind == "numbers":
        return numbers_height(block, style, s, width, first)
    if kind == "space":
        return block["mm"] * MM
    raise ValueError(f"unknown block type {kind}")


def stack_height(blocks, style, s, width):
    """The blocks of one region (or column), one under the other."""
    return sum(measure(b, style, s, width, first=(i == 0)) for i, b in enumerate(blocks))


def title_height(block, style, s, width, first):
    """A pictogram beside a kicker and a heading: as tall as the taller of the two."""
    icon = style.length("title_icon") * s if block.get("icon") else 0
    text_width = width - (icon + style.length("title_gap") * s if icon else 0)
    kicker = text_height(block["kicker"], style["kicker"], s, text_width, True) if block.get("kicker") else 0
    heading = text_height(block["text"], style["title"], s, text_width, True)
    role = style["title"]
    return max(icon, kicker + heading) + (0 if first else role.before * role.size * s)


def numbers_height(block, style, s, width, first):
    """Number cells in rows of up to `per_row`: the number large, when to call it small, inside a border."""
    cells, per_row = block["cells"], block.get("per_row", 3)
    gap = style.length("cell_gap_mm") * MM
    pad_x, pad_y = style.length("cell_pad_x") * s, style.length("cell_pad_y") * s
    border = style.length("cell_border_mm") * MM
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    height = 0.0 if first else style["number"].before * style["number"].size * s
    for row in rows:  # cells grow to share their row (flex: 1)
        inner = (width - gap * (len(row) - 1)) / len(row) - 2 * (pad_x + border)
        height += max(text_height(c["number"], style["number" if c.get("dial") else "number_name"], s, inner, True)
                      + text_height(c["text"], style["cell_text"], s, inner, True) for c in row) + 2 * (pad_y + border)
    return height + gap * max(0, len(rows) - 1)
