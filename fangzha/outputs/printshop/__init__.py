"""The print shop: 易拉宝, 展板, 台卡, 横幅 and 竖幅, 上墙 notices, 宣传册 (print-shop/ in the site).

Every item is drawn like a print-kit poster (the same layout model, block macros and item
template) on a sheet of its real size: previews in every build, and with `build.py pdf` a folder
per item holding its PDF (fonts embedded, exact size), what is made from it (a 1:1 picture, a
booklet's imposed print PDF, a notice tiled onto office paper) and a 规格说明.txt for the print
shop. formats.py holds the sizes, compose.py and booklet.py the words, sheets.py the placing,
items.py which items exist, finish.py what `pdf` makes of each.
"""

from ...i18n import N_
from ...i18n import ui as _
from ...layout import budget
from ...page import Page
from ...parallel import ordered_map
from ...problems import COMMAND, ContentError, Problem
from ...render import make_environment
from ..printkit.pdf import write_to_folder
from . import cmyk, finish, spec
from .items import FOLDER, KINDS, SECTIONS, all_items
from .style import ADDED_CSS

STYLE_SHEET = "assets/print-shop-style.css"
THUMB_WIDTH, THUMB_TALLEST = 159, 320  # px of a preview in the print-shop centre
SRGB = N_("sRGB（数码喷绘、写真的通用色彩）。要 CMYK 时，请打印店用自己的色彩配置转换。")
CMYK = N_("CMYK，%(standard)s，按打印店的色彩配置文件 %(profile)s 转换（config.yaml 的 print_shop.icc_profile）；JPG 图片仍是 sRGB。")


def howto():
    return [
        _("每一份都按实际尺寸排好：点开一份看预览，尺寸写在预览上方。"),
        _("运行 %(command)s pdf 后，每一份在 site/%(folder)s/ 里有一个同名文件夹：PDF（原大、字体已嵌入）、JPG 图片（给只收图片的机器）和一份“%(spec)s”"
          "（尺寸、材料、出血、数量、文件清单）。把整个文件夹拷给打印店，并告诉他们：按 PDF 原大印，不要缩放，不要改字。")
        % {"command": COMMAND, "folder": FOLDER, "spec": _(spec.NAME)},
        _("易拉宝上边 50 毫米（挂杆压住）和下边 150 毫米（卷进底座）里没有文字；每一份的文字离纸边都至少 5 毫米。"),
        _("横幅超过 5 米时 PDF 按 1:10 缩小（太长的 PDF 很多软件打不开），规格说明里写着“按 10 倍放大”。"),
        _("没有打印店也能做：台卡和插页用办公室打印机印；上墙告示有拼贴版，用几张 A4（或 A3）纸印出来拼起来贴；宣传册有印刷版，A4 纸双面打印、翻转短边，对折后钉两枚骑马钉。"),
    ]


# What each section is for, and (by its kind) what it is made of.
NOTES = {
    "易拉宝": (N_("放在办事窗口、服务大厅门口。"), "rollup"),
    "展板": (N_("签字活动、广场咨询台和宣传栏用。"), "board"),
    "台卡": (N_("放在咨询台、服务窗口的桌上：A4 纸印好对折立起来，两面都能看；插页放进亚克力台卡。"), None),
    "横幅": (N_("每个活动的标语各一条，按字数算出长度，字高约为横幅高度的 65%。"), "banner"),
    "竖幅": (N_("垂楼标语：字一个一个竖着排。"), "vertical-banner"),
    "上墙告示": (N_("举报渠道和活动标语上墙，A3 和 A2 两种；没有打印店时用拼贴版。"), None),
    "宣传册": (N_("A5 小册子：全部内容一本，每类人群各一本（老年人的是大字版）。阅读版 PDF 带书签，印刷版 PDF 已排好骑马钉顺序。"), None),
}


def note(section):
    said, kind = NOTES[section]
    return _(said) + (_(KINDS[kind][1]) + _("。") if kind else "")


FILE_LABELS = {"pdf": "PDF", "jpg": N_("图片"), "print": N_("印刷版 PDF"), "tiled": N_("拼贴版 PDF")}


def file_key(name):
    """What a file of an item's folder is: pdf, jpg, print (a booklet imposed) or tiled."""
    return "print" if name.endswith("-print.pdf") else "tiled" if "-tiled-" in name else name.rsplit(".", 1)[-1]


def thumb(page):
    """The preview's box and its frame's size and scale in the print-shop centre."""
    width, height = page.context["preview"]["width"], page.context["preview"]["height"]
    scale = min(THUMB_WIDTH / width, THUMB_TALLEST / height)
    return (f"width:{round(width * scale)}px;height:{round(height * scale)}px",
            f"width:{width}px;height:{height}px;transform:scale({scale:.4f})")


def pages(model, ctx):
    """The print-shop centre, its stylesheet, and a preview page per item."""
    items = all_items(model)
    for page in items:
        planned = page.context["shop"]
        page.context["thumb_box"], page.context["thumb_frame"] = thumb(page)
        page.context["files"] = [{"href": f"{FOLDER}/{planned.name}/{name}", "label": _(FILE_LABELS[file_key(name)])}
                                 for name, *_what in planned.files()] + [{"href": f"{FOLDER}/{planned.name}/{_(spec.NAME)}", "label": _("规格说明")}]
    pdf = ctx.options.get("pdf")
    groups = [(name, note(name), [p for p in items if p.context["section"] == name]) for name in SECTIONS]
    index = Page(f"{FOLDER}/index.html", "printshop/index.html", {
        "heading": _("打印店印制品：易拉宝、展板、台卡、横幅、上墙告示、宣传册"), "howto": howto(),
        "groups": [g for g in groups if g[2]], "pdf": bool(pdf) and not pdf.folder,
        "others": [{"href": "posters/index.html", "label": _("海报、承诺书和告家长书")}, {"href": "leaflets/index.html", "label": _("三折页")}]})
    return [index, Page(STYLE_SHEET, text=ADDED_CSS, kind="asset"), *items]


def printable(pages):
    return [p for p in pages if "shop" in p.context]


def check(model, pages, ctx):
    """Text that cannot fit its item even at the smallest type (the print kit's text budget); for `build.py pdf`
    with the shop's ICC profile, Ghostscript there (else how to install it)."""
    found = budget.problems([too_long for page in printable(pages) for too_long in page.context["too_long"]])
    return found + (cmyk.missing(model.config) if ctx.options.get("pdf") else [])


def after_render(pages, files, ctx):
    """`build.py pdf`: every item's folder of files for the print shop."""
    chosen = ctx.options.get("pdf")
    if not chosen:
        return [], ""
    items = printable(pages)
    assets = {dest: files[dest] for dest in files if dest.startswith(("assets/", "images/"))}  # the logo and pictures too
    env = make_environment(ctx.templates)
    icc = items[0].context["icc"] if items else None
    program = cmyk.ghostscript() if icc else None
    if icc and not program:  # (`check` said so already; `units FILE --pdf` comes here too)
        raise ContentError(cmyk.missing({"icc": icc}))
    colour = (program, icc["path"], icc["name"]) if icc else None
    jobs = []
    for page in items:
        planned = page.context["shop"]
        marks = env.get_template("printshop/tiles.html").render(finish.marks_context(planned)) if planned.tiling else ""
        bleed = chosen.bleed and not planned.impose
        jobs.append((page.dest, files[page.dest].decode("utf-8"), page.context["min_fit"], page.context["source"],
                     page.sheets, bleed, planned, planned.tiling, marks, colour))
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i][4])  # the longest documents first: the cores finish together
    results = dict(zip(order, ordered_map(finish.make, [jobs[i] for i in order], assets, min_items=2)))
    made, problems = [], []
    for index, page in enumerate(items):
        planned, result = page.context["shop"], results[index]
        if result["too_long"]:
            problems.append(Problem(result["too_long"], 0, "", (
                f"{page.dest} 内容太多：字号已经缩到最小，还是放不下{page.context['pages_text']}"
                f"{page.context['paper']}。请删减这个文件里的文字，再运行 {COMMAND} pdf。")))
            continue
        if result.get("not_cmyk"):
            problems.append(cmyk.failed(icc, page.dest, result["not_cmyk"]))
            continue
        made += item_files(page, planned, result, jobs[index][5])
    if problems:
        raise ContentError(problems)
    if chosen.folder:
        write_to_folder(made, chosen.folder, keep_path=True)
        return [], f"打印店文件 {len(made)} 个（放在 {chosen.folder}）"
    return made, f"打印店文件 {len(made)} 个"


def item_files(page, planned, result, bleed):
    """The Pages of one item's folder: its PDFs, its picture, its 规格说明.txt."""
    folder = f"{page.dest.rsplit('/', 1)[0]}/{planned.name}"  # beside the item's page (print-shop/, or a unit's)
    data = {"pdf": result["pdf"], "print": result.get("print"), "tiled": result.get("tiles"),
            "jpg": (result.get("jpeg") or (None,))[0]}
    out, listed = [], []
    colour = {"space": "CMYK", "standard": cmyk.STANDARD, "profile": planned.cmyk} if planned.cmyk else None
    for name, what, kind in planned.files():
        key = file_key(name)
        if data.get(key) is None:
            continue
        size = page.size if key in ("pdf", "jpg") else None
        sheets = planned.pages if key == "pdf" else (planned.pages // 2 if key == "print" else
                                                     (planned.tiling.rows * planned.tiling.columns if key == "tiled" else None))
        if key == "print":
            size = {"unit": "mm", "width": 297.0, "height": 210.0}
        if key == "tiled":
            paper = planned.tiling.paper
            size = {"unit": "mm", "width": float(paper[0]), "height": float(paper[1])}
        out.append(Page(f"{folder}/{name}", data=data[key], kind=kind, kit_of=planned.campaign, size=size,
                        sheets=sheets if key != "jpg" else None, label=page.label, colour=colour if key == "pdf" else None))
        listed.append((name, what))
    said = _(CMYK) % {"standard": cmyk.STANDARD, "profile": planned.cmyk} if planned.cmyk else _(SRGB)
    text = spec.spec_text(planned, listed, bleed, said)
    out.append(Page(f"{folder}/{_(spec.NAME)}", data=text.encode("utf-8"), kind="spec-sheet", kit_of=planned.campaign))
    return out
