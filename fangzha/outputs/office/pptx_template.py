"""The project's own PowerPoint template, made in code for each slide size and type scale.

python-pptx starts from its empty package; this module replaces what makes a template: the
theme (our colours; 微软雅黑 as the East-Asian theme font, so text typed later in PowerPoint
or WPS is Chinese-ready), the master's text styles (sizes of the HTML deck, exact line spacing,
Chinese line breaking), and four layouts placed for the slide size: 标题幻灯片, 标题和内容,
节标题, 空白. Slides use these layouts' real title and body placeholders, so outline view
shows every slide and 重设 puts a moved box back where the design has it.
"""

from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Pt

from . import theme

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"

THEME = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="{A}" name="防范诈骗班会">
  <a:themeElements>
    <a:clrScheme name="防范诈骗">
      <a:dk1><a:srgbClr val="{theme.INK}"/></a:dk1><a:lt1><a:srgbClr val="{theme.PAPER}"/></a:lt1>
      <a:dk2><a:srgbClr val="{theme.BRAND}"/></a:dk2><a:lt2><a:srgbClr val="{theme.TINT}"/></a:lt2>
      <a:accent1><a:srgbClr val="{theme.BRAND}"/></a:accent1><a:accent2><a:srgbClr val="{theme.CORRECT}"/></a:accent2>
      <a:accent3><a:srgbClr val="F5B400"/></a:accent3><a:accent4><a:srgbClr val="1F4E79"/></a:accent4>
      <a:accent5><a:srgbClr val="{theme.MUTED}"/></a:accent5><a:accent6><a:srgbClr val="C8CCD2"/></a:accent6>
      <a:hlink><a:srgbClr val="1F4E79"/></a:hlink><a:folHlink><a:srgbClr val="6B3FA0"/></a:folHlink>
    </a:clrScheme>
    <a:fontScheme name="{theme.SLIDE_FONT}">
      <a:majorFont><a:latin typeface="{theme.SLIDE_LATIN}"/><a:ea typeface="{theme.SLIDE_FONT}"/><a:cs typeface=""/>
        <a:font script="Hans" typeface="{theme.SLIDE_FONT}"/></a:majorFont>
      <a:minorFont><a:latin typeface="{theme.SLIDE_LATIN}"/><a:ea typeface="{theme.SLIDE_FONT}"/><a:cs typeface=""/>
        <a:font script="Hans" typeface="{theme.SLIDE_FONT}"/></a:minorFont>
    </a:fontScheme>
    <a:fmtScheme name="平面">
      <a:fillStyleLst>{'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3}</a:fillStyleLst>
      <a:lnStyleLst>{''.join(f'<a:ln w="{w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>' for w in (9525, 19050, 28575))}</a:lnStyleLst>
      <a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>
      <a:bgFillStyleLst>{'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3}</a:bgFillStyleLst>
    </a:fmtScheme>
  </a:themeElements>
  <a:objectDefaults/>
  <a:extraClrSchemeLst/>
</a:theme>
""".encode()

KEPT_LAYOUTS = {"Title Slide": "标题幻灯片", "Title and Content": "标题和内容", "Section Header": "节标题", "Blank": "空白"}


def centipoints(points):
    return str(round(points * 100))


def level_style(tag, size, color, bold, line, bullet=None, margin=0.0, indent=0.0, font="+mn"):
    """One a:lvlNpPr: exact line spacing, Chinese line breaking (eaLnBrk) with whole Latin words."""
    bullet_xml = (f'<a:buClr><a:srgbClr val="{theme.BRAND}"/></a:buClr><a:buFont typeface="Arial"/>'
                  f'<a:buChar char="{bullet}"/>') if bullet else "<a:buNone/>"
    return (f'<a:{tag} marL="{round(margin * 12700)}" indent="{round(indent * 12700)}" algn="l" eaLnBrk="1" '
            f'latinLnBrk="0" hangingPunct="1"><a:lnSpc><a:spcPts val="{centipoints(size * line)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="0"/></a:spcBef>{bullet_xml}'
            f'<a:defRPr lang="zh-CN" altLang="en-US" sz="{centipoints(size)}" b="{int(bold)}" kern="0">'
            f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="{font}-lt"/>'
            f'<a:ea typeface="{font}-ea"/><a:cs typeface="{font}-cs"/></a:defRPr></a:{tag}>')


def text_styles(g):
    """The master's p:txStyles: titles, body text (level 1 a bulleted point, as the deck's lists), other text."""
    title = level_style("lvl1pPr", g.title, theme.BRAND, True, g.title_line, font="+mj")
    body = level_style("lvl1pPr", g.body, theme.INK, False, g.line, "●", g.indent, -g.indent * 0.6)
    body += level_style("lvl2pPr", g.small, theme.INK, False, g.line, "–", g.indent * 2, -g.indent * 0.6)
    other = level_style("lvl1pPr", g.small, theme.INK, False, g.line)
    xml = (f'<p:txStyles xmlns:p="{P}" xmlns:a="{A}"><p:titleStyle>{title}</p:titleStyle>'
           f'<p:bodyStyle>{body}</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles>')
    return etree.fromstring(xml)


def list_style(size, color, bold, line):
    """An a:lstStyle for a layout placeholder whose text differs from the master's (the title slide)."""
    return etree.fromstring(f'<a:lstStyle xmlns:a="{A}">{level_style("lvl1pPr", size, color, bold, line)}</a:lstStyle>')


def place(shape, box):
    x, y, w, h = box
    shape.left, shape.top, shape.width, shape.height = Pt(x), Pt(y), Pt(w), Pt(h)


def set_list_style(placeholder, style):
    body = placeholder._element.txBody
    old = body.find(qn("a:lstStyle"))
    body.replace(old, style) if old is not None else body.insert(1, style)


def no_insets(placeholder):
    """Text starts at the box's edge: the boxes are where the estimate puts the text."""
    body_pr = placeholder._element.txBody.find(qn("a:bodyPr"))
    for side in ("lIns", "tIns", "rIns", "bIns"):
        body_pr.set(side, "0")


def themed(names):
    """The theme with its names (PowerPoint's Design tab shows them) in the deck's language."""
    blob = THEME
    for chinese, shown in names.items():
        blob = blob.replace(f'name="{chinese}"'.encode(), f"name={quoteattr(shown)}".encode())
    return blob


def presentation(g, names):
    """An empty presentation on the project's template for geometry `g` (deck_layout.Geometry); `names`
    gives the theme's names in the deck's language."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(g.width), Pt(g.height)
    master = prs.slide_master
    master.part.part_related_by(RT.THEME)._blob = themed(names)
    old = master._element.find(qn("p:txStyles"))
    master._element.replace(old, text_styles(g))
    content_top = g.pad_top + g.kicker_height
    title_box = (g.pad_x, content_top, g.inner_width - g.icon_size - g.gap, g.title * g.title_line)
    body_top = content_top + g.icon_size - g.kicker_height + g.gap
    body_box = (g.pad_x, body_top, g.inner_width, g.height - g.pad_bottom - body_top)
    footer_y = g.height - g.pad_bottom + (g.pad_bottom - g.small * 1.6) / 2
    footers = {13: (g.width - g.pad_x - 120, footer_y, 120, g.small * 1.6), 15: (g.pad_x + 130, footer_y, g.inner_width - 260, g.small * 1.6),
               16: (g.pad_x, footer_y, 120, g.small * 1.6)}
    for shape in master.placeholders:
        kind = int(shape.placeholder_format.type)
        place(shape, title_box if kind == 1 else body_box if kind == 2 else footers.get(kind, title_box))
        no_insets(shape) if kind in (1, 2) else None
    for layout in list(prs.slide_layouts):
        if layout.name not in KEPT_LAYOUTS:
            prs.slide_layouts.remove(layout)
            continue
        layout.name = KEPT_LAYOUTS[layout.name]
        for shape in layout.placeholders:
            kind, idx = int(shape.placeholder_format.type), shape.placeholder_format.idx
            if kind in (13, 15, 16):  # the HTML deck has no date, footer or number: neither do the slides
                shape._element.getparent().remove(shape._element)
            elif layout.name == "标题幻灯片":
                icon = g.icon_size * 1.4
                top = g.pad_top + icon + g.gap
                if idx == 0:
                    place(shape, (g.pad_x, top, g.inner_width, g.hero * g.title_line * 2))
                    set_list_style(shape, list_style(g.hero, theme.PAPER, True, g.title_line))
                else:
                    sub_top = top + g.hero * g.title_line * 2 + g.gap
                    place(shape, (g.pad_x, sub_top, g.inner_width, g.height - g.pad_bottom - sub_top))
                    set_list_style(shape, list_style(g.lead, theme.PAPER, True, g.line))
                no_insets(shape)
            elif layout.name == "节标题":
                if idx == 0:
                    place(shape, (g.pad_x, content_top, g.inner_width - g.icon_size - g.gap, g.height - g.pad_bottom - content_top))
                    set_list_style(shape, list_style(g.hero, theme.BRAND, True, g.title_line))
                    no_insets(shape)
                else:
                    shape._element.getparent().remove(shape._element)  # the hero question stands alone
            else:
                place(shape, title_box if idx == 0 else body_box)
                no_insets(shape)
        if layout.name == "标题幻灯片":
            layout.background.fill.solid()
            layout.background.fill.fore_color.rgb = RGBColor.from_string(theme.BRAND)
        elif layout.name == "节标题":
            layout.background.fill.solid()
            layout.background.fill.fore_color.rgb = RGBColor.from_string(theme.TINT)
    return prs


def layout_named(prs, name):
    return next(layout for layout in prs.slide_layouts if layout.name == name)
