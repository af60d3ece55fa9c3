"""Where everything goes on the PowerPoint slides, decided before any file is drawn.

The PPTX deck is made from the same slides as the HTML deck (outputs.slides.deck), on the same
design: the HTML canvas (1600 × 900 px) becomes a 960 × 540 pt slide, so every size is the
canvas size × 0.6. A 4:3 deck keeps the type and gets a narrower slide (720 × 540 pt).
Text is fitted with the project's own estimate (fangzha/layout: text.wrapped_line_count): a slide whose body would run past
its box is set smaller, down to FLOOR of the designed size; below that it is reported. Line
spacing is exact (points, not a percentage of the font's height), so PowerPoint, WPS and
LibreOffice give the lines the height the estimate counts.

Everything here is plain data (dicts, tuples, numbers): it travels to the render workers.
"""

from dataclasses import dataclass

from ...i18n import active_config, page_lang
from ...i18n import ui as _
from ...layout.text import wrapped_line_count
from ...memory import pure
from ..slides import canvas_for
from . import theme

PT_PER_PX = 0.6              # 900 px canvas height → 540 pt slide height
SLIDE_WIDTH = {"16:9": 960, "4:3": 720}
SLIDE_HEIGHT = 540
FLOOR = 0.7                  # smallest fraction of the designed size text may be set at
STEP = 0.05
TITLE_LINES = 2              # a title longer than this is set smaller
ICON_PX = 256                # pictograms are drawn this many pixels square

# The pictogram of each part of the deck; a scam slide uses the scam's own `icon`.
PART_ICONS = {"title": "shield-check", "intro": "message-circle-question-mark", "case": "file-text",
              "scam": "shield-alert", "prevention": "shield-check", "discussion": "users",
              "quiz": "circle-question-mark", "rules": "list-checks", "report": "phone-call", "pledge": "pen-line"}
DEFAULT_SCAM_ICON = PART_ICONS["scam"]


@dataclass(frozen=True)
class Geometry:
    """A slide in points and the type sizes on it (the HTML canvas × PT_PER_PX)."""

    width: float
    height: float
    pad_x: float
    pad_top: float
    pad_bottom: float
    hero: float
    title: float
    lead: float
    body: float
    small: float
    line: float
    title_line: float
    gap: float
    item_gap: float
    indent: float

    @property
    def inner_width(self):
        return self.width - 2 * self.pad_x

    @property
    def kicker_height(self):
        return self.small * self.line

    @property
    def icon_size(self):
        """A pictogram as tall as the kicker and one line of title."""
        return round(self.kicker_height + self.title * self.title_line, 1)


def geometry(aspect, canvas):
    """The slide for `aspect` ("16:9" or "4:3") with the sizes of an HTML canvas."""
    px = lambda value: round(value * PT_PER_PX, 2)  # noqa: E731 (one conversion, used for every size)
    return Geometry(SLIDE_WIDTH[aspect], SLIDE_HEIGHT, px(canvas.pad_x), px(canvas.pad_top), px(canvas.pad_bottom),
                    px(canvas.hero), px(canvas.title), px(canvas.lead), px(canvas.body), px(canvas.small),
                    canvas.line, canvas.title_line, px(canvas.gap), px(canvas.item_gap), px(canvas.indent))


def run(text, bold=False, color=theme.INK):
    return {"text": text, "bold": bold, "color": color}


def paragraph(runs, size, line, before=0.0, bullet=False, indent=0.0):
    """One paragraph: `line` is its exact line height as a multiple of `size`."""
    return {"runs": runs, "size": size, "line": line, "before": before, "bullet": bullet, "indent": indent}


def block_paragraphs(block, g, revealed):
    """The paragraphs of one deck block (as templates/deck/blocks.html draws it)."""
    kind, out = block["type"], []
    if block.get("label"):
        out.append(paragraph([run(block["label"], True, theme.CORRECT if block.get("step") else theme.MUTED)], g.small, g.line))
    if kind == "hero":
        out.append(paragraph([run(block["text"], True, theme.BRAND)], g.hero, g.title_line))
    elif kind == "lead":
        out.append(paragraph([run(block["text"], True)], g.lead, g.line))
    elif kind == "para":
        out.append(paragraph([run(block["text"])], g.body, g.line))
    elif kind == "meta":
        out += [paragraph([run(text, color=theme.META)], g.small, g.line) for text in block["items"]]
    elif kind in ("list", "options"):
        for index, item in enumerate(block["items"]):
            before = g.item_gap if index else 0.0
            if isinstance(item, dict):
                correct = revealed and item.get("correct")
                mark = theme.CORRECT if correct else theme.BRAND
                runs = [run(item.get("strong", ""), True, mark), run(" " + item["text"] + (_("　✓") if correct else ""),
                                                                     bool(correct), theme.CORRECT if correct else theme.INK)]
            else:
                runs = [run(item)]
            # A numbered item ({strong, text}) carries its own mark, as in the HTML deck: no bullet.
            bullet = kind == "list" and not isinstance(item, dict)
            out.append(paragraph(runs, g.body, g.line, before, bullet=bullet, indent=g.indent))
    elif kind not in ("picture", "logo"):  # pictures are drawn by the HTML deck only, for now
        raise ValueError(f"unknown block type {kind}")
    return out


def text_of(paragraph_):
    return "".join(r["text"] for r in paragraph_["runs"])


def paragraphs_height(paragraphs, width, scale=1.0):
    """Height the paragraphs take in a box `width` points wide, with every size × `scale`."""
    total = 0.0
    for p in paragraphs:
        size = p["size"] * scale
        lines = wrapped_line_count(text_of(p), size, width - p["indent"] * scale)
        total += p["before"] * scale + lines * size * p["line"]
    return total


def fitted_scale(paragraphs, width, height):
    """The largest scale (1.0 down to FLOOR, in steps) at which the paragraphs fit; None if none does."""
    scale = 1.0
    while scale >= FLOOR - 1e-9:
        if paragraphs_height(paragraphs, width, scale) <= height + 0.01:
            return round(scale, 2)
        scale -= STEP
    return None


def body_paragraphs(blocks, g, revealed):
    """Every block's paragraphs, a block gap before each block but the first."""
    out = []
    for index, block in enumerate(blocks):
        paragraphs = block_paragraphs(block, g, revealed)
        if index and paragraphs:
            paragraphs[0] = dict(paragraphs[0], before=paragraphs[0]["before"] + g.gap)
        out += paragraphs
    return out


def notes_lines(item):
    """What the notes page says: the agenda step (with minutes), its notes, the slide's notes."""
    lines = []
    agenda = item.get("agenda")
    if agenda:
        minutes = _("（约 {minutes} 分钟）").format(minutes=agenda["minutes"]) if agenda["minutes"] else ""
        lines.append(_("环节：{title}{minutes}").format(title=agenda["title"], minutes=minutes))
        if agenda["notes"]:
            lines.append(agenda["notes"])
    return lines + list(item["notes"])


def heading_of(item):
    """(title text, its type size key, blocks left for the body): a slide without a title takes its
    first hero or lead block as the title, so outline view lists every slide by what it says."""
    blocks = list(item["blocks"])
    if item["title"] or not blocks or blocks[0]["type"] not in ("hero", "lead"):
        return item["title"] or item["name"], "title", blocks
    return blocks[0]["text"], blocks[0]["type"], blocks[1:]


def plan_slide(item, number, g, revealed, icon):
    """One PowerPoint slide: its layout, boxes (x, y, width, height in pt), paragraphs, notes and fit."""
    kind = item["kind"]
    title, title_kind, blocks = heading_of(item)
    if kind == "title":
        return title_slide(item, number, g, title, blocks, icon)
    layout = "section" if title_kind == "hero" and not blocks else "content"
    size = getattr(g, title_kind)
    top = g.pad_top + g.kicker_height
    icon_box = (g.width - g.pad_x - g.icon_size, g.pad_top, g.icon_size, g.icon_size)
    title_width = g.inner_width - g.icon_size - g.gap
    title_para = [paragraph([run(title, True, theme.BRAND if title_kind != "lead" else theme.INK)], size, g.title_line)]
    title_scale = 1.0
    while wrapped_line_count(title, size * title_scale, title_width) > TITLE_LINES and title_scale > FLOOR + 1e-9:
        title_scale -= STEP
    title_scale = round(title_scale, 2)
    title_height = max(paragraphs_height(title_para, title_width, title_scale), g.icon_size - g.kicker_height)
    if layout == "section":
        title_height = g.height - g.pad_bottom - top
    body_top = top + title_height + g.gap
    body_box = (g.pad_x, body_top, g.inner_width, g.height - g.pad_bottom - body_top)
    body = body_paragraphs(blocks, g, revealed)
    scale = fitted_scale(body, body_box[2], body_box[3]) if body else 1.0
    overflow = paragraphs_height(body, body_box[2], FLOOR) / body_box[3] if scale is None and body_box[3] > 0 else 0
    return {
        "number": number, "layout": layout, "kind": kind, "name": item["name"],
        "kicker": (_("{kicker}（答案）").format(kicker=item["kicker"]) if revealed else item["kicker"]) if item["kicker"] else "",
        "answer": revealed,  # the quiz answer's own slide
        "kicker_box": (g.pad_x, g.pad_top, title_width, g.kicker_height), "kicker_size": g.small,
        "title": title_para, "title_scale": title_scale, "title_box": (g.pad_x, top, title_width, title_height),
        "body": body, "scale": scale or FLOOR, "body_box": body_box, "fits": scale is not None, "overflow": overflow,
        "icon": icon, "icon_box": icon_box, "icon_color": theme.BRAND, "dark": False,
        "notes": notes_lines(item),
    }


def title_slide(item, number, g, title, blocks, icon):
    """The coloured opening slide: pictogram, the campaign's name, its slogan and when and where."""
    icon_size = round(g.icon_size * 1.4, 1)
    top = g.pad_top + icon_size + g.gap
    size = g.hero
    title_para = [paragraph([run(title, True, theme.PAPER)], size, g.title_line)]
    title_scale = fitted_scale(title_para, g.inner_width, size * g.title_line * TITLE_LINES) or FLOOR
    title_height = paragraphs_height(title_para, g.inner_width, title_scale)
    body = [dict(p, runs=[dict(r, color=theme.PAPER) for r in p["runs"]]) for p in body_paragraphs(blocks, g, False)]
    body_top = top + title_height + g.gap
    body_box = (g.pad_x, body_top, g.inner_width, g.height - g.pad_bottom - body_top)
    scale = fitted_scale(body, body_box[2], body_box[3]) if body else 1.0
    return {
        "number": number, "layout": "title", "kind": "title", "name": item["name"], "kicker": "", "kicker_box": None, "answer": False,
        "title": title_para, "title_scale": title_scale, "title_box": (g.pad_x, top, g.inner_width, title_height),
        "body": body, "scale": scale or FLOOR, "body_box": body_box, "fits": scale is not None,
        "overflow": 0 if scale else paragraphs_height(body, body_box[2], FLOOR) / body_box[3],
        "icon": icon, "icon_box": (g.pad_x, g.pad_top, icon_size, icon_size), "icon_color": theme.PAPER, "dark": True,
        "notes": notes_lines(item),
    }


def icon_of(item, campaign):
    """The scam's own pictogram on its slides, else the part's."""
    if item["kind"] == "scam":
        scam = next((s for s in campaign["scams"] if s["title"] == item["title"]), None)
        return (scam and scam.get("icon")) or DEFAULT_SCAM_ICON
    return PART_ICONS[item["kind"]]


@pure
def plan_deck(slides, campaign, aspect):
    """Every PowerPoint slide of one campaign's deck: one per HTML slide, and for a slide whose
    answer appears on a key press (the quiz) a second one with the answer shown."""
    g = geometry(aspect, canvas_for(campaign))
    out = []
    for html_number, item in enumerate(slides, start=1):
        icon = icon_of(item, campaign)
        tags = {"html_number": html_number, "agenda_title": item["agenda"]["title"] if item.get("agenda") else ""}
        shown = dict(item, blocks=[b for b in item["blocks"] if not b.get("step")])
        out.append(dict(plan_slide(shown, len(out) + 1, g, False, icon), **tags))
        if item["steps"]:
            out.append(dict(plan_slide(item, len(out) + 1, g, True, icon), **tags))
    return {"geometry": g, "slides": out, "title": campaign["title"], "organiser": campaign["organiser"],
            "language": page_lang(active_config()), "names": editor_names()}


def editor_names():
    """What PowerPoint shows the teacher who edits the deck (the layout gallery, the selection pane), by its Chinese name."""
    return {"标题幻灯片": _("标题幻灯片"), "标题和内容": _("标题和内容"), "节标题": _("节标题"), "空白": _("空白"),
            "栏目": _("栏目"), "图标": _("图标"), "防范诈骗班会": _("防范诈骗班会"), "防范诈骗": _("防范诈骗"), "平面": _("平面")}
