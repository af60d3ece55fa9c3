"""`build.py pdf`: a print-ready PDF of every poster and leaflet, drawn by WeasyPrint.

The printed pages are the same HTML the browser prints. WeasyPrint runs no JavaScript,
so the fitting that assets/print.js does in the browser is done here: lay the page out,
measure how full its fixed-size boxes are, scale the type and try again, and keep the
largest scale at which nothing spills over. For a print shop, `--bleed` adds 3 mm of
bleed and crop marks round each page; `--pdf-dir` puts the PDFs in a folder of the
user's choosing instead of the site's pdf/ folder.
"""

import contextlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ...page import Page
from ...parallel import ordered_map
from ...problems import COMMAND, PIP, ContentError, Problem

HOST = "https://fangzha.invalid/"  # pages and assets are served from memory, never fetched
TRIES = 6                           # layouts per document, at most

BLEED = "<style>@page { bleed: 3mm; marks: crop; }</style>\n"  # the trim box stays the paper size


@dataclass(frozen=True)
class Options:
    """What `build.py pdf` was asked for."""

    bleed: bool = False  # 3 mm bleed and crop marks round every page, for a print shop
    folder: Path = None  # where the PDFs go; None: the site's pdf/ folder, linked from the print centre


def folder_problems(chosen, output):
    """A chosen PDF folder must not be inside the output folder, which every build replaces as a whole."""
    if chosen.folder and Path(chosen.folder).resolve().is_relative_to(Path(output).resolve()):
        return [Problem("--pdf-dir", 0, "", (
            f"PDF 文件夹 {chosen.folder} 在输出文件夹 {output} 里面，下次生成时会被整个删掉。"
            f"请换一个文件夹；不写 --pdf-dir 时，PDF 就放在 {Path(output) / 'pdf'} 里。"))]
    return []


def write_to_folder(pdfs, folder, keep_path=False):
    """The PDFs in the folder the user chose instead of the site's pdf/ (`keep_path`: under their own
    folder there, as print-shop/…)."""
    folder = Path(folder)
    try:
        for page in pdfs:
            path = folder / (page.dest if keep_path else page.dest.split("/", 1)[1])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(page.data)
    except OSError as error:
        raise ContentError([Problem("--pdf-dir", 0, "", (
            f"PDF 写不进文件夹 {folder}（{error.strerror}）。请换一个可以写入的文件夹。"))]) from None


def load_weasyprint():
    """WeasyPrint, or a one-line problem in Chinese saying how to install it."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise ContentError([Problem("requirements-pdf.txt", 0, "", (
            f"生成 PDF 需要 WeasyPrint，但它现在用不了（{error}）。请先运行 {PIP} install -r requirements-pdf.txt；"
            "Windows 和 macOS 还需要按 WeasyPrint 安装说明装好 Pango。网页版的海报和折页不需要它，可以直接用浏览器打印。"))]) from None
    return weasyprint


TYPES = {"css": "text/css", "js": "text/javascript", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
         "webp": "image/webp"}


def memory_fetcher(weasyprint, assets):
    """A URL fetcher that serves the site's assets from memory and loads nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FromMemory(URLFetcher):
        def fetch(self, url, headers=None):
            path = url[len(HOST):] if url.startswith(HOST) else None
            if path not in assets:
                raise ValueError(f"not part of the site: {url}")
            kind = TYPES.get(path.rsplit(".", 1)[-1], "application/octet-stream")
            return URLFetcherResponse(url, assets[path], {"Content-Type": kind})

    return FromMemory()


def _render(weasyprint, dest, html, fits, assets, bleed=False):
    """The document laid out with each region's type at its fit (`fits`: {region id: fit} overrides the
    page's own), with bleed and crop marks when asked."""
    extra = "".join(f'[data-region="{rid}"]{{--fit:{fit:.3f} !important}}' for rid, fit in fits.items())
    extra = (f"<style>{extra}</style>\n" if extra else "") + (BLEED if bleed else "")
    scaled = html.replace("</head>", extra + "</head>", 1) if extra else html
    return weasyprint.HTML(string=scaled, base_url=HOST + dest, url_fetcher=memory_fetcher(weasyprint, assets)).render()


def fill(document):
    from weasyprint.formatting_structure import boxes

    """{region id: (fullness, its file, whether its type is fixed)} for every region; above 1 it spills over.

    WeasyPrint clips a region (overflow: hidden) instead of adding a page, so its laid-out boxes are
    measured: the one place that reads WeasyPrint's layout tree.
    """
    found = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if not box.element_tag or "pr-region" not in (element.get("class") or "").split():
                continue
            top, right = box.content_box_y(), box.content_box_x() + box.width
            fullest = 0.0
            for inner in box.descendants():  # what is drawn: lines of text and pictures (containers may stretch)
                if not isinstance(inner, (boxes.LineBox, boxes.ReplacedBox)):
                    continue
                fullest = max(fullest, (inner.border_box_y() + inner.border_height() - top - 1e-6) / box.height)
                if inner.border_box_x() + inner.border_width() > right + 0.5:
                    fullest = float("inf")  # a word too long for its column
            found[element.get("data-region")] = (fullest, element.get("data-source") or "", "pr-fixed" in element.get("class"))
    return found


def fit_pdf(dest, html, low, source, sheets, assets, bleed=False):
    """(PDF bytes, "") with every region at the fit the build estimated, shrinking a region that a
    font made spill over; (PDF bytes, the file to shorten) when a region spills even at `low`.

    The estimate errs on the long side, so the first layout is usually the last.
    """
    weasyprint = load_weasyprint()
    fits = {}
    written = dict(REGION_FIT.findall(html))
    for _ in range(TRIES):
        document = _render(weasyprint, dest, html, fits, assets, bleed)
        if len(document.pages) != sheets:
            return document.write_pdf(), source
        spilling = {rid: found for rid, found in fill(document).items() if found[0] > 1}
        if not spilling:
            return document.write_pdf(), ""
        for rid, (fullness, region_source, fixed) in spilling.items():
            now = fits.get(rid, float(written.get(rid, 1)))
            if fixed or now <= low:
                return document.write_pdf(), region_source or source
            fits[rid] = max(low, now / min(fullness, 4) ** 0.5 * 0.99)
    return document.write_pdf(), source


REGION_FIT = re.compile(r'data-region="([^"]+)" data-fit="([0-9.]+)"')  # the fit the build wrote for each region


class _MissingGlyphs(logging.Handler):
    """WeasyPrint's word for a character no installed font has (it draws an empty box, "tofu")."""

    def __init__(self, found):
        super().__init__(logging.WARNING)
        self.found = found

    def emit(self, record):
        if ".notdef" in str(record.msg) and record.args:
            self.found.add(str(record.args[0]))


@contextlib.contextmanager
def missing_glyphs():
    """The characters drawn as tofu while the block runs (a set, filled in as WeasyPrint draws)."""
    found = set()
    handler, logger = _MissingGlyphs(found), logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def tofu_problem(source, dest, characters, drawn="印出来"):
    return Problem(source, 0, "", (f"{dest} 里有电脑字体里没有的字：{'、'.join(sorted(characters))}，{drawn}会是空方框。"
                                   "请换成常用的字或写法。"))


def _fit(assets, job):
    dest, html, low, source, sheets, bleed = job
    with missing_glyphs() as missing:
        pdf, too_long = fit_pdf(dest, html, low, source, sheets, assets, bleed)
    return pdf, too_long, missing


def make_pdfs(printables, files, chosen):
    """(a pdf Page (bytes in `data`) for every printable page, the problems of those that cannot fit or
    hold a character no font has)."""
    load_weasyprint()
    assets = {dest: files[dest] for dest in files if dest.startswith(("assets/", "images/"))}
    jobs = [(p.dest, files[p.dest].decode("utf-8"), p.context["min_fit"], p.context["source"], p.sheets, chosen.bleed)
            for p in printables]
    results = ordered_map(_fit, jobs, assets, min_items=2)
    out, problems = [], []
    for page, (pdf, too_long, missing) in zip(printables, results):
        out.append(Page(page.context["pdf_dest"], data=pdf, kind="pdf", kit_of=page.kit_of, size=page.size,
                        sheets=page.sheets, label=page.label))
        if missing:
            problems.append(tofu_problem(page.context["source"], page.dest, missing))
        if too_long:
            sheets = "一页" if page.sheets == 1 else "两页"
            problems.append(Problem(too_long, 0, "", (
                f"{page.dest} 内容太多：字号已经缩到最小，还是放不下{sheets} {page.context['paper']} 纸。"
                f"请删减这个文件里的文字，再运行 {COMMAND} pdf。")))
    return out, problems
