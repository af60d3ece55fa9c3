"""`build.py pdf`: a print-ready PDF of every poster and leaflet, drawn by WeasyPrint.

The printed pages are the same HTML the browser prints. WeasyPrint runs no JavaScript,
so the fitting that assets/print.js does in the browser is done here: lay the page out,
measure how full its fixed-size boxes are, scale the type and try again, and keep the
largest scale at which nothing spills over.
"""

from .outputs.printkit import SHEETS
from .parallel import ordered_map
from .problems import ContentError, Problem

HOST = "https://fangzha.invalid/"  # pages and assets are served from memory, never fetched
TRIES = 6                           # layouts per document, at most

_assets = {}  # the site's assets/, set before the worker processes fork, so they inherit them


def printable(pages):
    """The pages that get a PDF: every poster and leaflet, not the two index pages."""
    return [p for p in pages if "pdf_dest" in p.context]


def link_pdfs(pages):
    """Let the print index pages link each document's PDF."""
    for page in pages:
        if page.family == "print" and "pdf" in page.context:
            page.context["pdf"] = True


def load_weasyprint():
    """WeasyPrint, or a one-line problem in Chinese saying how to install it."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise ContentError([Problem("requirements.txt", 0, "", (
            f"生成 PDF 需要 WeasyPrint，但它现在用不了（{error}）。请先运行 pip install -r requirements.txt；"
            "Windows 和 macOS 还需要按 WeasyPrint 安装说明装好 Pango。网页版的海报和折页不需要它，可以直接用浏览器打印。"))]) from None
    return weasyprint


def _fetcher(weasyprint):
    """A URL fetcher that serves the site's assets from memory and loads nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FromMemory(URLFetcher):
        def fetch(self, url, headers=None):
            path = url[len(HOST):] if url.startswith(HOST) else None
            if path not in _assets:
                raise ValueError(f"not part of the site: {url}")
            kind = {"css": "text/css", "js": "text/javascript"}.get(path.rsplit(".", 1)[-1], "application/octet-stream")
            return URLFetcherResponse(url, _assets[path], {"Content-Type": kind})

    return FromMemory()


def _render(weasyprint, dest, html, scale):
    """The document laid out with the type scaled by `scale`."""
    scaled = html.replace("</head>", f"<style>:root {{ --fit: {scale:.3f}; }}</style>\n</head>", 1)
    return weasyprint.HTML(string=scaled, base_url=HOST + dest, url_fetcher=_fetcher(weasyprint)).render()


def fill(document, sheets):
    """(fullness, file) of the fullest fixed-size box (class pr-fit): above 1 it spills over.

    WeasyPrint clips such a box (overflow: hidden) instead of adding a page, so its
    laid-out boxes are measured: the one place that reads WeasyPrint's layout tree.
    The file is the box's data-source, the one to shorten.
    """
    if len(document.pages) != sheets:
        return float("inf"), ""
    fullest, source = 0.0, ""
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if box.element_tag is None or "pr-fit" not in (element.get("class") or "").split():
                continue
            top, right = box.content_box_y(), box.content_box_x() + box.width
            for inner in box.descendants():
                if inner is box:
                    continue
                full = (inner.border_box_y() + inner.border_height() - top) / box.height
                if inner.border_box_x() + inner.border_width() > right + 0.5:
                    full = float("inf")  # a word too long for its column
                if full > fullest:
                    fullest, source = full, element.get("data-source") or ""
    return fullest, source


def fit_pdf(dest, html, low, high, source):
    """(PDF bytes, "") at about the largest type scale in [low, high] at which nothing spills over;
    (PDF bytes, the file to shorten) when even `low` is too big.

    Text area grows with the square of the type size, so each try aims at
    scale / sqrt(fullness); a few tries land within a few per cent.
    """
    weasyprint = load_weasyprint()
    sheets = SHEETS[dest.split("/", 1)[0]]
    best, best_scale, scale = None, 0.0, 1.0
    for _ in range(TRIES):
        document = _render(weasyprint, dest, html, scale)
        fullness, _ = fill(document, sheets)
        if fullness <= 1 and scale > best_scale:
            best, best_scale = document, scale
        aim = low if fullness == float("inf") else min(high, max(low, scale / max(fullness, 0.01) ** 0.5 * 0.99))
        if aim <= best_scale or abs(aim - scale) < 0.005:
            break
        scale = aim
    if best is None:
        document = _render(weasyprint, dest, html, low)
        return document.write_pdf(), fill(document, sheets)[1] or source
    return best.write_pdf(), ""


def _fit(job):
    return fit_pdf(*job)


def make_pdfs(pages, files):
    """{pdf dest: bytes} for every printable page; raises ContentError for any that cannot fit."""
    load_weasyprint()
    jobs = printable(pages)
    _assets.update((dest, data) for dest, data in files.items() if dest.startswith("assets/"))
    try:
        results = ordered_map(_fit, [(p.dest, files[p.dest].decode("utf-8"), p.context["min_fit"], p.context["max_fit"],
                                      p.context["source"]) for p in jobs], min_items=2)
    finally:
        _assets.clear()
    out, problems = {}, []
    for page, (pdf, too_long) in zip(jobs, results):
        out[page.context["pdf_dest"]] = pdf
        if too_long:
            sheets = "一页" if SHEETS[page.context["folder"]] == 1 else "两页"
            problems.append(Problem(too_long, 0, "", (
                f"{page.dest} 内容太多：字号已经缩到最小，还是放不下{sheets} A4 纸。"
                "请删减这个文件里的文字，再运行 python build.py pdf。")))
    if problems:
        raise ContentError(problems)
    return out
