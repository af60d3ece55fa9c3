"""The height of one block of text on a surface, laid out as its stylesheet lays it out.

One measurer for every block type: the blocks of slides and kiosk screens (deck.css) and those of
printed pages (print.css). Each stylesheet reads its sizes from the surface's CSS custom properties,
so the numbers here and on the page are the same numbers.
"""

import math
import re

from .text import paragraph_ems, wrapped_line_count

SMALLEST_PICTURE = 0.4  # of the canvas's picture height: what a picture is measured at until it is given the spare room


def block_height(block, canvas, width):
    """Height in pixels of one block of a slide or screen, laid out as deck.css lays it out. Lines are
    counted as the browser breaks them (whole characters and words): at display sizes a line holds only
    a few characters, and the part of one that does not fit moves whole to the next line."""
    kind = block["type"]
    body_line = canvas.body * canvas.line
    height = 0
    if block.get("label"):
        height += canvas.small * canvas.line
    if kind == "hero":  # kept in whole phrases: the line to remember breaks after its comma
        height += phrase_lines(block["text"], canvas.hero, width, whole_characters=True) * canvas.hero * canvas.title_line
    elif kind == "lead":
        height += wrapped_line_count(block["text"], canvas.lead, width) * canvas.lead * canvas.line
    elif kind == "para":
        height += wrapped_line_count(block["text"], canvas.body, width) * body_line
    elif kind == "meta":
        height += sum(wrapped_line_count(t, canvas.small, width) for t in block["items"]) * canvas.small * canvas.line
    elif kind in ("list", "options"):
        inner = width - canvas.indent
        height += sum(wrapped_line_count(item_text(i), canvas.body, inner) * body_line for i in block["items"])
        height += canvas.item_gap * max(0, len(block["items"]) - 1)
    elif kind == "numbers":  # numbers to remember at number size, what each is for under it, in `columns`
        columns = block.get("columns", 1)
        column = (width - canvas.gap * (columns - 1)) / columns
        items = block["items"]
        rows = [items[i:i + columns] for i in range(0, len(items), columns)]
        height += sum(max(wrapped_line_count(i["number"], canvas.figure, column) * canvas.figure * canvas.title_line
                          + wrapped_line_count(i["text"], canvas.lead, column) * canvas.lead * canvas.line for i in row) for row in rows)
        height += canvas.gap * max(0, len(rows) - 1)
    elif kind == "picture":  # a box of its share of the canvas's picture height, the picture contained in it
        height += canvas.picture * block["share"]
    elif kind == "logo":
        height += canvas.logo
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


def screen_picture(image, kind="picture"):
    """A slide or screen block showing a picture from content/ (as content.pictures checked it), or the logo."""
    block = {"type": kind, **{key: image[key] for key in ("dest", "alt", "width", "height")}}
    return dict(block, share=SMALLEST_PICTURE) if kind == "picture" else block


def phrase_lines(text, size, width, whole_characters=False):
    """Lines a big line kept in whole phrases takes (it breaks after a comma, never inside a phrase that fits a line).
    `whole_characters`: a phrase longer than a line is wrapped as the browser wraps it, a whole character at a time
    (what counts when a line holds only a few characters of display type)."""
    usable = width * 0.97 / size
    lines, used = 0, 0.0
    for phrase in split_phrases(text):
        ems = paragraph_ems(phrase)
        if lines and used + ems <= usable:
            used += ems
        else:  # a phrase longer than a line wraps inside its own box, which then fills the line
            lines += wrapped_line_count(phrase, size, width) if whole_characters else max(1, math.ceil(ems / usable))
            used = usable if ems > usable else ems
    return lines


def phrases_height(text, role, s, width, first=False):
    """A big line kept in whole phrases."""
    size = role.size * s
    return phrase_lines(text, size, width) * size * role.line + (0 if first else role.before * size) + role.after * size


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
        lead = "\u3000" * (2 * bool(block.get("indent")) + math.ceil(block["logo"]["ems"]) if block.get("logo") else 2 * bool(block.get("indent")))
        return text_height(lead + block["text"], role, s, width, first)
    return MEASURES[kind](block, style, s, width, first)


def list_block(block, style, s, width, first):
    return list_height(block["items"], style, s, width, block.get("role", "body"))


def section_block(block, style, s, width, first):
    return text_height(block["title"], style["h2"], s, width, first) + list_height(block["items"], style, s, width)


def columns_block(block, style, s, width, first):
    gap = style.length("column_gap_mm") * MM
    column = (width - gap * (len(block["columns"]) - 1)) / len(block["columns"])
    return max(stack_height(blocks, style, s, column) for blocks in block["columns"])


def icon_block(block, style, s, width, first):
    return (block["size"] + style.length("icon_after")) * s


def rows_block(block, style, s, width, first):
    """"Which number when" rows: the situation, the number(s), what to do; a rule under each row."""
    pad, rule = style.length("rows_pad") * s, style.length("rows_rule_mm") * MM
    call, body = style["row_call"], style["body"]
    height = 0.0
    for row in block["rows"]:
        if block.get("compact"):  # number first, the situation after it, in one paragraph
            line = text_height(row["calls"] + " " + row["when"], call, s, width, True)
        else:
            when_w, call_w = style.length("rows_when") * s, style.length("rows_call") * s
            gap = style.length("rows_gap") * s
            line = max(text_height(row["when"], body, s, when_w, True), text_height(row["calls"], call, s, call_w, True),
                       text_height(row["text"], body, s, width - when_w - call_w - 2 * gap, True))
        height += line + 2 * pad + rule
    return height


def facts_block(block, style, s, width, first):
    """Label and value pairs: a label column as wide as the widest label, the values beside it."""
    label = fact_label(block) * s
    role = style["fact"]
    gaps = style.length("facts_row_gap") * s * max(0, len(block["pairs"]) - 1)
    return (0 if first else style.length("facts_before") * s) + gaps + sum(
        text_height(v, role, s, width - label, True) for _, v in block["pairs"])


def chips_block(block, style, s, width, first):
    """Outlined labels packed into rows."""
    role = style["chip"]
    size = role.size * s
    pad_x, pad_y = style.length("chip_pad_x") * size, style.length("chip_pad_y") * size
    border, gap = style.length("chip_border_mm") * MM, style.length("chip_gap") * s
    rows, used = 0, 0.0
    for title in block["items"]:
        chip = paragraph_ems(str(title)) * size + 2 * (pad_x + border)
        if rows and used + gap + chip <= width * 0.97:
            used += gap + chip
        else:
            rows, used = rows + 1, chip
    return rows * (size * role.line + 2 * (pad_y + border)) + max(0, rows - 1) * gap + (0 if first else style.length("chips_before") * s)


def table_block(block, style, s, width, first):
    """A table to sign in: a header row and rows of a fixed height (mm), ruled."""
    rule = style.length("table_rule_mm")
    return (style.length("table_head_mm") + block["rows"] * block["row_mm"] + (block["rows"] + 2) * rule) * MM + style.length("table_before") * s


def signoff_block(block, style, s, width, first):
    """The signature: who, teacher, phone, date (in the right half), beside a circle for the stamp."""
    lines = stack_height([{"type": "text", "role": "body", "text": line} for line in block["lines"]], style, s, width * .55)
    return max(lines, style.length("stamp_mm") * MM) + style.length("signoff_before") * s


def cut_block(block, style, s, width, first):
    """A tear-off slip under a dashed line: a note, a heading, lines to fill in."""
    height = style.length("cut_before") * s + style.length("cut_rule_mm") * MM
    height += text_height(block["note"], style["small"], s, width, True) + text_height(block["title"], style["h2"], s, width, True)
    return height + sum(text_height(line, style["slip"], s, width) for line in block["lines"])


def picture_block(block, style, s, width, first):
    """A picture as wide as its column, never taller than its largest height (mm), a gap under it."""
    return min(width * block["aspect"], block["max_mm"] * MM) + style.length("picture_after") * s


def qr_block(block, style, s, width, first):
    return style.length("qr_mm") * MM + text_height(block["caption"], style["small"], s, width, True) + style.length("qr_before") * s


def foot_block(block, style, s, width, first):
    """The small print, with the QR code and its address in a column of their own."""
    column = style.length("foot_qr_mm") * MM if block["qr"] else 0
    gap = style.length("foot_gap_mm") * MM if block["qr"] else 0
    lines = stack_height(block["lines"], style, s, width - column - gap)
    code = (style.length("qr_mm") * MM + text_height(block["url"], style["qr_caption"], s, column, True)) if block["qr"] else 0
    return max(lines, code) + style.length("foot_rule_mm") * MM + style.length("foot_pad") * s


def stack_height(blocks, style, s, width):
    """The blocks of one region (or column), one under the other."""
    return sum(measure(b, style, s, width, first=(i == 0)) for i, b in enumerate(blocks))


def title_height(block, style, s, width, first):
    """A pictogram beside a kicker and a heading: as tall as the taller of the two."""
    small = block.get("small")
    icon = style.length("title_icon_small" if small else "title_icon") * s if block.get("icon") else 0
    text_width = width - (icon + style.length("title_gap") * s if icon else 0)
    kicker = text_height(block["kicker"], style["kicker"], s, text_width, True) if block.get("kicker") else 0
    role = style["title_small" if small else "title"]
    heading = text_height(block["text"], role, s, text_width, True)
    before = style.length("title_small_before") * s if small else role.before * role.size * s
    return max(icon, kicker + heading) + (0 if first else before)


def cell_rows(block):
    """Number cells cut into rows of up to `per_row` (the page draws the same rows)."""
    cells, per_row = block["cells"], block.get("per_row", 3)
    return [cells[i:i + per_row] for i in range(0, len(cells), per_row)]


def fact_label(block):
    """The width of a facts block's label column, in em: the widest label and a gap."""
    return max((paragraph_ems(k) for k, _ in block["pairs"]), default=0) + FACTS_GAP


FACTS_GAP = .8  # em between a fact's label and its value


def numbers_height(block, style, s, width, first):
    """Number cells in rows of up to `per_row`: the number large, when to call it small, inside a border."""
    gap = style.length("cell_gap_mm") * MM
    pad_x, pad_y = style.length("cell_pad_x") * s, style.length("cell_pad_y") * s
    border = style.length("cell_border_mm") * MM
    rows = cell_rows(block)
    height = 0.0 if first else style["number"].before * style["number"].size * s
    for row in rows:  # cells grow to share their row (flex: 1)
        inner = (width - gap * (len(row) - 1)) / len(row) - 2 * (pad_x + border)
        height += max(text_height(c["number"], style["number" if c.get("dial") else "number_name"], s, inner, True)
                      + text_height(c["text"], style["cell_text"], s, inner, True) for c in row) + 2 * (pad_y + border)
    return height + gap * max(0, len(rows) - 1)


def stacked_block(block, style, s, width, first):
    """Characters set one under another (a vertical banner: the PDF engine has no vertical writing mode)."""
    role = style[block["role"]]
    return len(block["chars"]) * role.size * s * role.line


MEASURES = {
    "list": list_block, "section": section_block, "title": title_height, "columns": columns_block,
    "numbers": numbers_height, "space": lambda b, style, s, w, first: b["mm"] * MM, "icon": icon_block,
    "rows": rows_block, "facts": facts_block, "chips": chips_block, "table": table_block,
    "signoff": signoff_block, "cut": cut_block, "qr": qr_block, "foot": foot_block, "picture": picture_block,
    "stacked": stacked_block,
}
