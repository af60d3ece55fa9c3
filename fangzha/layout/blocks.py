"""The height of one block of text on a surface, laid out as its stylesheet lays it out.

One measurer for every block type: the blocks of slides and kiosk screens (deck.css) and those of
printed pages (print.css). Each stylesheet reads its sizes from the surface's CSS custom properties,
so the numbers here and on the page are the same numbers.
"""

from .text import line_count


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
