"""Draw a planned deck (deck_layout.plan_deck) as a .pptx file with python-pptx.

Called at render time in the render workers, with the plan as its only argument. Every run of
text names its fonts itself (a:latin and a:ea, and the deck's language: zh-CN, zh-TW or en-GB), as
well as the theme: WPS applies a font change to the East-Asian text only when the run has an a:ea of
its own. The names an editor sees (layouts, boxes) are the deck's, in its language.
"""

import datetime
import io
from xml.sax.saxutils import escape

from lxml import etree
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Pt

from ... import icons
from . import theme
from .deck_layout import ICON_PX, paragraph, run
from .pptx_template import A, layout_named, no_insets, place, presentation

LAYOUTS = {"title": "标题幻灯片", "content": "标题和内容", "section": "节标题"}
NOTES_SIZE = 14  # pt, on the notes page the teacher prints or reads in presenter view


RUN_LANG = {"zh-CN": ("zh-CN", "en-US"), "zh-Hant": ("zh-TW", "en-US"), "en": ("en-GB", "zh-CN")}


def run_xml(text, size=None, bold=None, color=None, lang="zh-CN"):
    """A run of text: its own fonts and language, so every editor spells and breaks it as the deck's language."""
    main, alternative = RUN_LANG.get(lang, RUN_LANG["zh-CN"])
    attributes = f' lang="{main}" altLang="{alternative}"'
    attributes += f' sz="{round(size * 100)}"' if size else ""
    attributes += f' b="{int(bold)}"' if bold is not None else ""
    fill = f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""
    return (f'<a:r><a:rPr{attributes}>{fill}<a:latin typeface="{theme.SLIDE_LATIN}"/><a:ea typeface="{theme.SLIDE_FONT}"/>'
            f'</a:rPr><a:t>{escape(text)}</a:t></a:r>')


def paragraph_xml(planned, scale, lang):
    """One planned paragraph as a:p: sizes × `scale`, exact line spacing, a bullet only for list points."""
    size = planned["size"] * scale
    indent = planned["indent"] * scale
    hang = round(-indent * 0.6 * 12700) if planned["bullet"] else 0
    bullet = "" if planned["bullet"] else "<a:buNone/>"
    runs = "".join(run_xml(r["text"], size, r["bold"], r["color"], lang) for r in planned["runs"] if r["text"])
    return (f'<a:p><a:pPr marL="{round(indent * 12700)}" indent="{hang}"><a:lnSpc><a:spcPts val="{round(size * planned["line"] * 100)}"/>'
            f'</a:lnSpc><a:spcBef><a:spcPts val="{round(planned["before"] * scale * 100)}"/></a:spcBef>{bullet}</a:pPr>{runs}</a:p>')


def fill_frame(frame, paragraphs, scale, lang):
    """Write planned paragraphs into a text frame (built as XML at once: python-pptx's per-attribute
    API costs more than the rest of the deck)."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    body = frame._txBody
    for old in body.findall(qn("a:p")):
        body.remove(old)
    xml = f'<a:txBody xmlns:a="{A}">' + "".join(paragraph_xml(p, scale, lang) for p in paragraphs) + "</a:txBody>"
    for element in etree.fromstring(xml):
        body.append(element)


def drop_empty_placeholders(slide):
    for shape in list(slide.placeholders):
        if not shape.has_text_frame or not shape.text_frame.text:
            shape._element.getparent().remove(shape._element)


def draw_slide(prs, planned, deck):
    lang, names = deck["language"], deck["names"]
    slide = prs.slides.add_slide(layout_named(prs, LAYOUTS[planned["layout"]]))
    placeholders = {shape.placeholder_format.idx: shape for shape in slide.placeholders}
    title = placeholders[0]
    place(title, planned["title_box"])
    fill_frame(title.text_frame, planned["title"], planned["title_scale"], lang)
    if planned["body"] and 1 in placeholders:
        body = placeholders[1]
        place(body, planned["body_box"])
        no_insets(body)
        fill_frame(body.text_frame, planned["body"], planned["scale"], lang)
    if planned["kicker"]:
        x, y, w, h = planned["kicker_box"]
        box = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(h))
        box.name = names["栏目"]
        no_insets(box)
        kicker = paragraph([run(planned["kicker"], True, theme.BRAND)], planned["kicker_size"], h / planned["kicker_size"])
        fill_frame(box.text_frame, [kicker], 1.0, lang)
    if planned["icon"]:
        x, y, w, h = planned["icon_box"]
        picture = slide.shapes.add_picture(io.BytesIO(icons.png(planned["icon"], ICON_PX, "#" + planned["icon_color"])),
                                           Pt(x), Pt(y), Pt(w), Pt(h))
        picture.name = f"{names['图标']} {planned['icon']}"
    drop_empty_placeholders(slide)
    if planned["notes"]:
        notes = [{"runs": [run(line)], "size": NOTES_SIZE, "line": 1.4, "before": 0, "bullet": False, "indent": 0}
                 for line in planned["notes"]]
        fill_frame(slide.notes_slide.notes_text_frame, notes, 1.0, lang)
    return slide


def pptx_bytes(deck):
    """The .pptx file of a planned deck."""
    prs = presentation(deck["geometry"], deck["names"])
    core = prs.core_properties
    core.title, core.author, core.language = deck["title"], deck["organiser"], deck["language"]
    core.last_modified_by, core.revision = deck["organiser"], 1
    core.created = core.modified = datetime.datetime.combine(deck["today"], datetime.time())
    for planned in deck["slides"]:
        draw_slide(prs, planned, deck)
    for layout in prs.slide_layouts:  # named once every slide has found its layout by its Chinese name
        layout.name = deck["names"][layout.name]
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
