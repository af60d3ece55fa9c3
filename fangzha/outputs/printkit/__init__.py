"""The print kit: posters, pledge sheets and letters (one page each), tri-fold leaflets (two pages each).

Each item is drawn on sheets of a fixed paper size, cut into regions of blocks (kit.py decides
which items exist, compose.py what they say, sheets.py where each part goes). The build measures
every region and writes the type scale that fills it into the page; text that would not fit even
at the smallest legible type fails the build (the text budget) instead of being cut off. With
`print: {paper: A3}` in config.yaml, posters and pledge sheets are drawn on A3: the same layout,
√2 times larger. `build.py pdf` draws every item with WeasyPrint (pdf.py).
"""

from ... import raster
from ...i18n import ui as _
from ...layout import budget
from ...page import Page
from ...problems import PIP, ContentError, Problem
from ...render import make_environment
from . import glyphs, share
from . import pdf as pdf_output
from .kit import KINDS, Kit
from .style import PRINT

POSTER_SECTIONS = ["活动海报", "凡是规则", "举报求助", "诈骗手法", "承诺书", "告家长书"]
LEAFLET_SECTIONS = ["按人群", "按活动"]
STYLE_SHEET = "assets/print-style.css"


def groups(pages, sections):
    """(section, pages) in the index's order, leaving out empty sections."""
    return [(name, [p for p in pages if p.context["section"] == name]) for name in sections
            if any(p.context["section"] == name for p in pages)]


def pages(model, ctx):
    """Every printed item, the two print-centre pages and the stylesheet written from the type roles.

    With `build.py pdf`, each item and its campaign page link its share images, and the posters'
    index plans (and shows) the 长图 of every scam and campaign."""
    kit = Kit(model, ctx.memory)
    kit.posters()
    count = len(kit.items)
    kit.leaflets()
    drawn = kit.pages()
    posters, leaflets = drawn[:count], drawn[count:]
    pdf = ctx.options.get("pdf")
    linked = bool(pdf) and not pdf.folder  # PDFs in the site's pdf/ folder: the indexes link them
    long_images = share.plan(model) if pdf else []
    if pdf:
        extra = share.kit_images(model)
        for page in drawn:
            page.context["images"] = share.images_of(page) + extra.get(page.dest, [])
    paper = _("A3 纸（告家长书用 A4 纸）") if kit.paper == "A3" else _("A4 纸")
    mono = _("用黑白打印机时，点“黑白版”再打印：没有大块底色，字同样清楚，也省墨粉。")
    posters_heading, leaflets_heading = _("海报、承诺书和告家长书"), _("三折页")
    return [
        Page("posters/index.html", "print/index.html", {
            "heading": posters_heading, "groups": groups(posters, POSTER_SECTIONS), "pdf": linked,
            "other": {"href": "leaflets/index.html", "label": leaflets_heading}, "shelves": [], "long_images": long_images,
            "howto": [_("每一份都正好印满一张%(paper)s。点预览下面的“打印”，或者打开一份再点左上角的“打印”。") % {"paper": paper},
                      _("在打印窗口里选：%(paper)s，纵向，单面，边距“无”，缩放 100%%（不要选“适合页面大小”）。") % {"paper": paper}, mono]}),
        Page("leaflets/index.html", "print/index.html", {
            "heading": leaflets_heading, "groups": groups(leaflets, LEAFLET_SECTIONS), "pdf": linked, "long_images": [],
            "other": {"href": "posters/index.html", "label": posters_heading},
            "howto": [_("每一份是一张 A4 纸的正反两面。点预览下面的“打印”，或者打开一份再点左上角的“打印”。"),
                      _("在打印窗口里选：A4 纸，横向，双面打印，翻转短边（有的打印机叫“短边装订”），边距“无”，缩放 100%（不要选“适合页面大小”）。"),
                      mono,
                      _("折法：把印着“这些骗局要当心”的一面朝上，沿虚线先把右边较窄的一折向左折进去，再把左边一折向右盖上，封面就在外面了。")]}),
        Page(STYLE_SHEET, text=PRINT.css(".pr-sheet"), kind="asset"),
        *drawn,
    ]


def printable(pages):
    """The posters and leaflets (not the index pages)."""
    return [p for p in pages if p.kind in KINDS.values()]


def check(model, pages, ctx):
    """The text budget: text that would not fit its sheet even at the smallest type (never cut silently);
    and, for `build.py pdf`, a PDF folder that the next build would delete, the engines it needs and
    characters no font has."""
    found = budget.problems([too_long for page in printable(pages) for too_long in page.context["too_long"]])
    if ctx.options.get("pdf"):
        found += pdf_output.folder_problems(ctx.options["pdf"], ctx.output)
        try:
            found += glyphs.problems(pdf_output.load_weasyprint(), model)
        except ContentError as error:
            found += error.problems
        try:
            raster.load()
        except ImportError as error:
            found.append(Problem("requirements-pdf.txt", 0, "", (
                f"生成分享图片需要 pypdfium2 和 Pillow，但它们现在用不了（{error}）。请先运行 {PIP} install -r requirements-pdf.txt。")))
    return found


def after_render(pages, files, ctx):
    """`build.py pdf`: a PDF of every poster and leaflet, in the site's pdf/ or the chosen folder, and
    the share images (share.py) in the site's share/ folder."""
    chosen = ctx.options.get("pdf")
    if not chosen:
        return [], ""
    items = printable(pages)
    made, problems = pdf_output.make_pdfs(items, files, chosen)
    index = next(p for p in pages if p.dest == "posters/index.html")
    images, more = share.make(items, made, index.context["long_images"], make_environment(ctx.templates))
    if problems + more:  # every problem at once: a page that cannot fit and a picture with tofu
        raise ContentError(problems + more)
    pictures = f"分享图片 {len(images)} 张"
    if chosen.folder:
        pdf_output.write_to_folder(made, chosen.folder)
        return images, f"PDF {len(made)} 份（放在 {chosen.folder}），{pictures}"
    return made + images, f"PDF {len(made)} 份，{pictures}"
