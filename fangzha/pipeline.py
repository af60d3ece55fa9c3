"""load → validate → plan → render → write, and the one-line summary."""

import gc
import time
from collections import Counter
from pathlib import Path

from .content.load import load_project
from .content.validate import PER_FILE, check_record, validate
from .layout.fit import Overflow
from .plan import plan
from .problems import ContentError
from .render import render
from . import write
from .write import OutputError, check_output

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FAMILY_NAMES = {"site": "网站", "print": "印刷品", "slides": "班会课件", "kiosk": "大屏轮播"}


def configured_output(loaded):
    """config.yaml's output folder, read before validation (the swap is recovered before anything else)."""
    data = loaded.config.data if loaded.config else None
    value = (data.typed.get("output") or data.get("output")) if isinstance(data, dict) and hasattr(data, "typed") else None
    return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else "site"


def load(root):
    return load_project(root, check=check_record, kinds=PER_FILE)


def check(root, allow_empty=False):
    """Validate only; return the Model (raises ContentError)."""
    return validate(load(root), allow_empty=allow_empty)


def build(root, output=None, templates_dir=TEMPLATES, pdf=False, strict=False, allow_empty=False):
    """Build the site (with `pdf`, also a PDF of every poster and leaflet); return (model, pages,
    summary line). Nothing is written on failure."""
    # The build makes many long-lived objects and frees none until the end: the cyclic
    # collector would rescan them again and again (half the time at 5,000 scams).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(root, output, templates_dir, pdf, strict, allow_empty)
    finally:
        if collecting:
            gc.enable()


def _build(root, output, templates_dir, pdf, strict=False, allow_empty=False):
    started = time.perf_counter()
    root = Path(root)
    loaded = load(root)
    label = str(output) if output else configured_output(loaded)
    output = Path(output) if output else root / label
    try:
        with write.locked(output, label):  # one build at a time per output folder
            return _write_site(root, loaded, output, label, templates_dir, pdf, strict, allow_empty, started)
    except OSError as error:  # read-only, full, busy: one line; the last good site stays
        raise OutputError(write.describe(error, label)) from None


def _write_site(root, loaded, output, label, templates_dir, pdf, strict, allow_empty, started):
    recovered = write.recover(output, label)  # before anything else: a crash may have left the last good site hidden
    model = validate(loaded, allow_empty=allow_empty)
    model.warnings[:0] = [recovered] if recovered else []
    check_output(output, label)
    pages = plan(model)
    overflows = [w for w in model.warnings if isinstance(w, Overflow)]
    if strict and overflows:  # --strict: text that does not fit on a slide or screen is an error
        raise ContentError(overflows)
    if pdf:
        from .outputs.printkit import pdf as pdf_output  # imported here: only `build.py pdf` needs WeasyPrint
        pdf = pdf_output.options(pdf, output)  # True: the defaults (in the site's pdf/, no bleed)
        if not pdf.folder:
            pdf_output.link_pdfs(pages)
    building = write.start(output)
    try:
        write.make_folders(building, [page.dest for page in pages])
        keep = {page.dest for page in pdf_output.printable(pages)} if pdf else frozenset()
        files = render(pages, model, templates_dir, building, keep)
        pdfs = pdf_output.make_pdfs(pages, files, pdf) if pdf else {}
        in_site = pdf_output.place(pdfs, pdf) if pdf else {}  # a chosen folder gets them instead
        write.make_folders(building, in_site)
        for dest, data in sorted(in_site.items()):
            write.write_file(building, dest, data)
        left_over = write.finish(building, output, label)
    except BaseException:
        write.discard(building)
        raise
    model.warnings += [left_over] if left_over else []
    counts = Counter(page.family for page in pages if page.dest.endswith(".html"))
    parts = "，".join(f"{FAMILY_NAMES.get(f, f)} {n} 页" for f, n in counts.items())
    parts += f"，PDF {len(pdfs)} 份" + (f"（放在 {pdf.folder}）" if pdf.folder else "") if pdf else ""
    elapsed = time.perf_counter() - started
    shown = output.resolve().relative_to(root.resolve()) if output.resolve().is_relative_to(root.resolve()) else output
    return model, pages, f"已生成 {shown.as_posix()}/：{parts}；用时 {elapsed:.2f} 秒。"
