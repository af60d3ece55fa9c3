"""`build.py pdf` for the print shop: each item's PDF, and what is made from it, in the PDF workers.

One job per item: its PDF laid out once at the fit the build estimated (printkit/pdf.fit_pdf), then,
from that PDF, its picture (PDFium), a booklet's saddle-stitched print PDF or a notice's tiles (pypdf).
"""

import io

from ... import raster
from ...i18n import ui as _
from ...layout.sheet import MM, PAPER
from ..printkit.pdf import HOST, fit_pdf, memory_fetcher
from . import cmyk
from .booklet import saddle_order
from .formats import TILE_MARGIN

DPI = (72,)  # the picture's resolution: large-format machines print a 1:1 picture at 72 dpi well, and it is the quickest to draw
MAX_PIXELS = 60_000_000
MAX_SIDE = 65_000              # JPEG cannot hold a side of more than 65,535 pixels
JPEG_LIMIT = 200_000_000       # bytes: no size limit, the best quality


def picture_dpi(real):
    """The first of DPI at which a picture of `real` (mm) stays within the limits, or None (then only the PDF)."""
    for dpi in DPI:
        width, height = (round(side / 25.4 * dpi) for side in real)
        if width * height <= MAX_PIXELS and max(width, height) <= MAX_SIDE:
            return dpi
    return None


def picture(pdf, real):
    """(JPEG bytes, dpi) of the first page at real size, or (None, None) when it would be too large."""
    dpi = picture_dpi(real)
    if dpi is None:
        return None, None
    width, height = (round(side / 25.4 * dpi) for side in real)
    image = raster.page_images(pdf, width)[0]
    if image.size != (width, height):  # a pixel or two of rounding between the PDF's points and the millimetres
        image = image.resize((width, height))
    return raster.jpeg(image, JPEG_LIMIT, qualities=(90,), dpi=dpi), dpi


def impose(pdf):
    """A booklet's A5 pages two to an A4-landscape side, in saddle-stitch order."""
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    width = float(reader.pages[0].mediabox.width)
    sheet_w, sheet_h = (side * MM for side in PAPER["A4"][::-1])
    half = sheet_w / 2  # A5 is 148 mm wide, half an A4 is 148.5: each page sits in the middle of its half
    writer = PdfWriter()
    for left, right in saddle_order(len(reader.pages)):
        side = writer.add_blank_page(sheet_w, sheet_h)
        for index, number in enumerate((left, right)):
            side.merge_transformed_page(reader.pages[number - 1], Transformation().translate(index * half + (half - width) / 2, 0))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def tile(pdf, tiling, marks):
    """The notice cut into `tiling`'s sheets: each shows its window of the notice under the marks
    (glue strips, cut lines, where it goes) of the same page of `marks`."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    marks_reader = PdfReader(io.BytesIO(marks))
    writer = PdfWriter()
    window_w, window_h = tiling.window
    paper_h = tiling.paper[1]
    for index in range(tiling.rows * tiling.columns):
        row, column = divmod(index, tiling.columns)
        notice = PdfReader(io.BytesIO(pdf)).pages[0]  # a fresh copy: merging clips and rewrites its content
        trim = notice.trimbox
        left_mm, top_mm = tiling.origin(row, column)
        x0, top = float(trim.left) + left_mm * MM, float(trim.top) - top_mm * MM
        right, bottom = min(x0 + window_w * MM, float(trim.right)), max(top - window_h * MM, float(trim.bottom))
        notice.cropbox = RectangleObject([x0, bottom, right, top])
        sheet = writer.add_page(marks_reader.pages[index])
        shift = Transformation().translate(TILE_MARGIN * MM - x0, (paper_h - TILE_MARGIN) * MM - top)
        sheet.merge_transformed_page(notice, shift, over=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def draw_marks(weasyprint, html, assets):
    return weasyprint.HTML(string=html, base_url=HOST + "print-shop/tiles.html",
                           url_fetcher=memory_fetcher(weasyprint, assets)).write_pdf()


def make(assets, job):
    """One item's files: {"pdf": bytes, "too_long": file or "", "print": …, "tiles": …, "jpeg": (bytes, dpi),
    "not_cmyk": what Ghostscript said when it could not convert}; everything else is made from the sRGB PDF."""
    dest, html, low, source, pages, bleed, planned, tiling, marks_html, colour = job
    pdf, too_long = fit_pdf(dest, html, low, source, pages, assets, bleed)
    made = {"pdf": pdf, "too_long": too_long}
    if too_long:
        return made
    if planned.impose:
        made["print"] = impose(pdf)
    if tiling:
        from ..printkit.pdf import load_weasyprint
        made["tiles"] = tile(pdf, tiling, draw_marks(load_weasyprint(), marks_html, assets))
    if planned.jpeg:
        made["jpeg"] = picture(pdf, planned.real)  # sRGB: the shops' picture machines take RGB
    if colour:
        made["pdf"], made["not_cmyk"] = cmyk.convert(pdf, colour)
    return made


def marks_context(planned):
    """What each sheet of a tiled notice says and where its glue strip and cut lines go (mm on the sheet)."""
    from ...layout.sheet import mm
    from .formats import OVERLAP

    t = planned.tiling
    paper_w, paper_h = t.paper
    window_w, window_h = t.window
    m = TILE_MARGIN
    tiles = []
    for index in range(t.rows * t.columns):
        row, column = divmod(index, t.columns)
        glue, cuts = [], []
        if column < t.columns - 1:  # the next sheet to the right is laid over this strip
            glue.append(f"left:{mm(m + window_w - OVERLAP)};top:{mm(m)};width:{mm(OVERLAP)};height:{mm(window_h)}")
        if row < t.rows - 1:        # and the sheet below over this one
            glue.append(f"left:{mm(m)};top:{mm(m + window_h - OVERLAP)};width:{mm(window_w)};height:{mm(OVERLAP)}")
        if column > 0:              # cut this sheet's white margin off on the left
            cuts.append(f"left:{mm(m)};top:0;height:{mm(paper_h)};border-left-width:.3mm")
        if row > 0:                 # and at the top
            cuts.append(f"top:{mm(m)};left:0;width:{mm(paper_w)};border-top-width:.3mm")
        steps = []
        if column > 0 or row > 0:
            sides = _("、").join(s for s, cut in ((_("左边"), column > 0), (_("上边"), row > 0)) if cut)
            steps.append(_("沿虚线剪掉%(sides)s的白边，") % {"sides": sides})
        if column < t.columns - 1 or row < t.rows - 1:
            steps.append(_("斜线区涂胶，让相邻一张压在上面对齐。"))
        else:
            steps.append(_("压在相邻一张的斜线区上对齐贴好。"))
        label = planned.title + _("：") + _("第 %(row)s 行第 %(column)s 张（共 %(rows)s 行 × %(columns)s 列，%(count)s 张）。") % {
            "row": row + 1, "column": column + 1, "rows": t.rows, "columns": t.columns, "count": t.rows * t.columns} + "".join(steps)
        tiles.append({"glue": glue, "cuts": cuts, "label": label,
                      "label_css": f"left:{mm(m)};bottom:{mm(5)};width:{mm(window_w)}"})
    return {"title": planned.title, "page_size": f"{mm(paper_w)} {mm(paper_h)}", "width": mm(paper_w),
            "height": mm(paper_h), "tiles": tiles}
