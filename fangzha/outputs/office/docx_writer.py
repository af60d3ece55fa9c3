"""Draw a document (documents.py) as a .docx file with python-docx, in the 公文 or 普通 style.

公文 follows GB/T 9704-2012: A4; margins top 37, bottom 35, left 28, right 26 mm (a 156 × 225 mm
text block); 3号 (16 pt) 仿宋 body on a grid of 22 lines of 28 characters; 2号 (22 pt) 小标宋
title; headings 黑体 (一、), 楷体 (（一）), then 仿宋; page numbers "— 1 —" in 4号 宋体, odd pages
on the right and even pages on the left, one character in. 普通 is 小四 (12 pt) 宋体 at 1.5 line
spacing. python-docx's font API sets only the Latin font, so every font here is also set as
w:eastAsia (and the theme fonts are taken out, as they would win over it).
"""

import datetime
import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import theme

STYLES = {
    "公文": {"margins": (37, 35, 28, 26), "body": 16, "title": 22, "headings": (16, 16, 16, 16),
             "bold": (False, False, True, False), "line": 28.95, "table": 12, "page_number": 14,
             "grid": {"type": "lines", "linePitch": "579"}, "condense": -5, "footer": 25},
    "普通": {"margins": (25.4, 25.4, 31.8, 31.8), "body": 12, "title": 18, "headings": (14, 12, 12, 12),
             "bold": (True, True, True, False), "line": None, "table": 10.5, "page_number": 10.5,
             "grid": {"type": "lines", "linePitch": "312"}, "condense": 0, "footer": 15},
}
HEADING_FONTS = ("h1", "h2", "h3", "h4")
AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                 "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")  # w:rPr's order
TABLE_STYLE = "表格文字"
TITLE_STYLE = "文件标题"


def set_fonts(r_pr, east_asia, latin):
    """Name the East-Asian and the Latin font of a run or style, and drop theme fonts (which win)."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for key, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin), ("w:hint", "eastAsia")):
        fonts.set(qn(key), value)


def restyle(style, east_asia, latin, size, bold=False):
    """A style's font: size, weight, black, the named fonts; no theme colour or theme font."""
    r_pr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:rFonts", "w:i", "w:iCs"):
        for element in r_pr.findall(qn(tag)):
            r_pr.remove(element)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(r_pr, east_asia, latin)


def line_format(paragraph_format, rules, size):
    """Exact 公文 line pitch, or 1.5 lines (普通); no space before or after."""
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)
    if rules["line"]:
        paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph_format.line_spacing = Pt(rules["line"] if size <= rules["body"] + 1 else rules["line"] * 1.2)
    else:
        paragraph_format.line_spacing = 1.5


def set_defaults(doc, rules, fonts, language):
    """docDefaults: the body fonts and Chinese (of the document's script) as the East-Asian language."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, fonts["body"], fonts["latin"])
    for tag, value in (("w:sz", rules["body"] * 2), ("w:szCs", rules["body"] * 2)):
        r_pr.find(qn(tag)).set(qn("w:val"), str(value))
    r_pr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-TW" if language == "zh-Hant" else "zh-CN")


def set_styles(doc, rules, fonts):
    styles = doc.styles
    normal = styles["Normal"]
    restyle(normal, fonts["body"], fonts["latin"], rules["body"])
    if rules["condense"]:  # 28 characters of 16 pt fill the 156 mm line only a quarter point closer
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(rules["condense"]))
        normal.element.get_or_add_rPr().insert_element_before(spacing, *AFTER_SPACING)
    line_format(normal.paragraph_format, rules, rules["body"])
    normal.paragraph_format.widow_control = False
    for level, key in enumerate(HEADING_FONTS, start=1):
        style = styles[f"Heading {level}"]
        restyle(style, fonts[key], fonts["latin"], rules["headings"][level - 1], rules["bold"][level - 1])
        line_format(style.paragraph_format, rules, rules["headings"][level - 1])
        style.paragraph_format.first_line_indent = Pt(rules["body"] * 2)
        style.paragraph_format.keep_with_next = True
    title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    restyle(title, fonts["title"], fonts["latin"], rules["title"], bold=rules["line"] is None)
    line_format(title.paragraph_format, rules, rules["title"])
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(rules["line"] or rules["body"] * 1.5)
    cells = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cells.base_style = normal
    restyle(cells, fonts["body"], fonts["latin"], rules["table"])
    cells.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for name in ("Header", "Footer"):
        restyle(styles[name], fonts["number"], fonts["latin"], rules["page_number"])


def set_page(doc, rules):
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = rules["margins"]
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(top), Mm(bottom), Mm(left), Mm(right)
    section.footer_distance = Mm(rules["footer"])
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for name in list(grid.attrib):
        del grid.attrib[name]
    for key, value in rules["grid"].items():
        grid.set(qn(f"w:{key}"), value)


def page_number(paragraph):
    """"— 1 —": the page number as a field, so Word and WPS count the pages themselves."""
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    paragraph._p.append(field)
    paragraph._p.append(paragraph.add_run(" —")._r)


def set_page_numbers(doc, rules, style):
    section = doc.sections[0]
    if style == "公文":  # odd pages on the right, even pages on the left, one character in
        doc.settings.odd_and_even_pages_header_footer = True
        pairs = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"))
    else:
        pairs = ((section.footer, WD_ALIGN_PARAGRAPH.CENTER, ""),)
    for footer, alignment, side in pairs:
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        if side:
            setattr(paragraph.paragraph_format, f"{side}_indent", Pt(rules["page_number"]))
        page_number(paragraph)


def lead_font(level, fonts):
    return fonts[HEADING_FONTS[min(level, 4) - 1]] if level else fonts["body"]


def add_paragraph(doc, block, rules, fonts):
    p = doc.add_paragraph()
    if block["indent"]:
        p.paragraph_format.first_line_indent = Pt(rules["body"] * 2)
        p._p.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")
    if block["align"] == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block["lead"]:
        run = p.add_run(block["lead"])
        level = block["lead_level"]
        set_fonts(run._r.get_or_add_rPr(), lead_font(level, fonts), fonts["latin"])
        run.bold = rules["bold"][min(level, 4) - 1] if level else True
    if block["text"]:
        p.add_run(block["text"])
    return p


def add_table(doc, block, rules):
    columns = len(block["widths"])
    rows = ([block["header"]] if block["header"] else []) + block["rows"]
    grid = doc.add_table(rows=len(rows), cols=columns)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), block["widths"]):
        column.set(qn("w:w"), str(round(width / 25.4 * 1440)))  # twips: LibreOffice reads the grid, Word the cells
    for r, values in enumerate(rows):
        row = grid.rows[r]
        if block["row_height"] and (r or not block["header"]):
            row.height = Mm(block["row_height"])
        if r == 0 and block["header"]:
            tr_pr = row._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            tr_pr.append(header)  # repeated on every page the table runs onto
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = Mm(block["widths"][c])
            paragraph = cell.paragraphs[0]
            styled(paragraph, TABLE_STYLE)
            run = paragraph.add_run(str(value))
            if r == 0 and block["header"]:
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return grid


def add_lines(doc, count):
    """Empty ruled lines to write on by hand."""
    for _ in range(count):
        p = doc.add_paragraph()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "808080")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)


def styled(paragraph, style_id):
    """Give a paragraph a style by its id (python-docx's style setter searches the styles every time)."""
    paragraph._p.style = style_id
    return paragraph


def add_block(doc, block, rules, fonts):
    kind = block["type"]
    if kind == "heading":
        styled(doc.add_paragraph(block["text"]), f"Heading{min(block['level'], 4)}")
    elif kind == "para":
        add_paragraph(doc, block, rules, fonts)
    elif kind == "table":
        add_table(doc, block, rules)
        styled(doc.add_paragraph(), TABLE_STYLE)  # Word needs a paragraph between two tables
    elif kind == "blank":
        if block["label"]:  # with its colon, and its line to write on when it has one line
            doc.add_paragraph(block["label"])
        if block["lines"] > 1:
            add_lines(doc, block["lines"])
    elif kind == "page_break":
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif kind == "annex":
        p = doc.add_paragraph()
        set_fonts(p.add_run(block["text"])._r.get_or_add_rPr(), fonts["h1"], fonts["latin"])
    elif kind == "annex_title":
        styled(doc.add_paragraph(block["text"]), TITLE_STYLE)
    elif kind == "signature":
        doc.add_paragraph()
        for line in block["lines"]:
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(rules["body"] * 4)  # 成文日期右空四字
    else:
        raise ValueError(f"unknown block {kind}")


def docx_bytes(spec):
    """The .docx file of a document description (with `today`, the build's date, as its date)."""
    style = spec["style"]
    rules, fonts = STYLES[style], theme.DOCUMENT_FONTS[style]
    doc = Document()
    language = spec.get("language", "zh-CN")
    set_defaults(doc, rules, fonts, language)
    set_styles(doc, rules, fonts)
    set_page(doc, rules)
    set_page_numbers(doc, rules, style)
    body = doc.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    styled(doc.add_paragraph(spec["title"]), TITLE_STYLE)
    for block in spec["blocks"]:
        add_block(doc, block, rules, fonts)
    made = datetime.datetime.combine(spec["today"], datetime.time())
    core = doc.core_properties
    core.title, core.author, core.subject, core.language = spec["title"], spec["author"], spec["subject"], language
    core.created = core.modified = made
    for name, shown in spec["style_names"].items():  # the style gallery in the document's language
        doc.styles[name].name = shown
    core.last_modified_by, core.revision = spec["author"], 1
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
