"""Co-branded print kits, one per unit of a units file (`build.py units FILE`): units/<id>/….

A unit's kit is the print kit and the print shop (the families `print` and `printshop`) planned from the
unit's view of the model (overlay.py): its name and contact lines wherever config.yaml's would be. The
website, the assets and the pictures stay one; a unit's pages link them from units/<id>/.

What all units share is done once: the content is loaded, checked and converted once, the templates
compiled once before the workers fork, icons, QR codes and line counts remembered per process. Each
unit's kit is planned and rendered in one worker (parallel.ordered_map), so only its finished bytes,
compressed until the render stage writes them (`Page.make`), and what `check` and `pdf` read travel back. `--shard K/N` builds the K-th of N contiguous runs of the
units; every shard writes the same units/index.html, listing all of them.
"""

import zlib
from dataclasses import dataclass, field, replace

from ...layout import budget
from ...page import Page
from ...parallel import ordered_map
from ...problems import ContentError, Notice, Problem
from ...render import RenderJob, render_page
from .. import printkit, printshop
from ..printkit import pdf as pdf_output
from .overlay import relocate, unit_model
from .progress import Progress

FOLDER = "units"
KIT = (("print", printkit), ("printshop", printshop))
TEMPLATES = ("print/item.html", "print/index.html", "printshop/index.html")
# What `check` reads of a unit's page once it is rendered (`pdf` keeps the whole context).
KEPT = ("too_long", "unit", "kit_family", "problem", "title")
PDF_BATCH = 8  # units whose PDFs share one pool of workers (a pool per unit would leave cores idle at its end)


@dataclass(frozen=True)
class Options:
    """`build.py units FILE`: the units read from FILE (or its problems), which shard to build, where to
    say how far it has got."""

    source: str                      # the file as messages name it
    units: tuple = ()
    problems: tuple = ()             # errors and warnings about the file itself
    shard: tuple = (1, 1)            # (K, N): the K-th of N parts
    pdf: object = None               # printkit.pdf.Options for the units' PDFs (the site's own are `build.py pdf`'s)
    progress: Progress = field(default=None, compare=False)


def shard_of(units, shard):
    """The K-th of N contiguous runs of the units, as even as can be (the same file always splits the same way)."""
    k, n = shard
    return list(units[(k - 1) * len(units) // n:k * len(units) // n])


class UnitJob:
    """What every worker shares: the model, the context the print families see, the compiled templates."""

    def __init__(self, model, ctx):
        self.model = model
        self.ctx = kit_context(ctx)
        self.render = RenderJob([], model, ctx.templates, None)
        for name in TEMPLATES:
            self.render.env.get_template(name)  # compiled before the fork: inherited by every worker


def kit_context(ctx):
    """The context the print families see for the units: `pdf` when the units' PDFs are asked for."""
    asked = ctx.options["units"]
    options = {k: v for k, v in ctx.options.items() if k not in ("units", "pdf")}
    return replace(ctx, options=dict(options, pdf=asked.pdf) if asked.pdf else options)


def unit_kit(job, unit):
    """One unit's pages, planned from its view of the model and rendered (the bytes are the page's data)."""
    model = unit_model(job.model, unit)
    pages = []
    for name, family in KIT:
        for page in family.pages(model, job.ctx):
            if page.kind != "asset":  # the stylesheets are the site's, shared
                page.context["kit_family"] = name
                pages.append(page)
    relocate(pages, f"{FOLDER}/{unit['id']}/", model, unit)
    keep_all = bool(job.ctx.options.get("pdf"))
    for page in pages:
        data = render_page(job.render, page)
        page.context["problem"] = data if isinstance(data, Problem) else None
        page.make = (zlib.decompress, zlib.compress(b"" if isinstance(data, Problem) else data, 1))  # kept small until written
        if not keep_all:
            page.context = {key: page.context[key] for key in KEPT if key in page.context}
    return pages


def pages(model, ctx):
    """The chosen shard's units' kits and the index of all units; nothing without `build.py units`."""
    asked = ctx.options.get("units")
    if not asked or any(not isinstance(p, Notice) for p in asked.problems):
        return []
    chosen = shard_of(asked.units, asked.shard)
    progress = asked.progress or Progress()
    progress.start("生成各单位的印刷品", len(chosen))
    kits = ordered_map(unit_kit, chosen, UnitJob(model, ctx), min_items=2, progress=progress.update)
    index = Page(f"{FOLDER}/index.html", "units/index.html", {"units": list(asked.units), "source": asked.source})
    return [index] + [page for kit in kits for page in kit]


def check(model, pages, ctx):
    """The units file's problems; then each unit's text that does not fit, named where it can be shortened."""
    asked = ctx.options.get("units")
    if not asked:
        return []
    found = list(asked.problems) + unknown_channels(model, asked)
    if asked.pdf:  # WeasyPrint there (else how to install it), and Ghostscript when the print shop's files are CMYK
        found += printkit.check(model, [], kit_context(ctx)) + printshop.cmyk.missing(model.config)
    by_unit = {}
    for page in pages:
        if "unit" in page.context:
            by_unit.setdefault(page.context["unit"]["id"], []).append(page)
            if page.context["problem"]:
                found.append(page.context["problem"])
    seen = set()
    for unit_pages in by_unit.values():
        unit = unit_pages[0].context["unit"]
        too_long = [item for page in unit_pages for item in page.context.get("too_long", ())]
        for problem in budget.problems(too_long):
            if problem.path == "config.yaml" and problem.field.split(".")[0] in ("contact", "organisation"):
                found.append(Problem(asked.source, unit["line"], "", f"这个单位的名称和联系方式太长：{problem.message.removesuffix('请删减。')}"
                                     "请缩短这一行的单位名称、地址或派出所名称。"))
            elif (problem.path, problem.line, problem.field) not in seen:  # content text: once, not once per unit
                seen.add((problem.path, problem.line, problem.field))
                found.append(Problem(problem.path, problem.line, problem.field, f"单位「{unit['name']}」的{problem.message}"))
    return found


def unknown_channels(model, asked):
    """A local-… column that names no local channel config.yaml prints (none of that id, or one still marked 示例)."""
    local = {c["id"] for c in model.channels if c["local"]}
    named = dict.fromkeys(name for unit in asked.units for name in unit.get("channels", {}))
    return [Problem(asked.source, 1, name, "config.yaml 的 local_channels 里没有这个编号的本地渠道（或者它还标着“示例”，不会印出来）。"
                    "这一列写的是各单位自己的号码：请先在 config.yaml 里写好这个渠道（id: " + name + "），或者改正列名。")
            for name in named if name not in local]


def after_render(pages, files, ctx):
    """`build.py units FILE --pdf`: each unit's PDFs and print-shop folders, inside its own folder (the families
    put them beside the pages), a batch of units at a time so the progress line moves. The share images
    (for WeChat) are the site's own: `build.py pdf`."""
    asked = ctx.options.get("units")
    if not asked:
        return [], ""
    by_unit = {}
    for page in pages:
        if "unit" in page.context:
            by_unit.setdefault(page.context["unit"]["id"], []).append(page)
    k, n = asked.shard
    built = f"{len(by_unit)} 个单位" + (f"（共 {len(asked.units)} 个，分 {n} 份的第 {k} 份）" if n > 1 else "")
    if not asked.pdf:
        return [], built
    ctx = kit_context(ctx)
    progress = asked.progress or Progress()
    progress.start("各单位的 PDF", len(by_unit))
    batches = list(by_unit.values())
    made, problems = [], []
    for start in range(0, len(batches), PDF_BATCH):
        batch = [page for unit_pages in batches[start:start + PDF_BATCH] for page in unit_pages]
        pdfs, found = pdf_output.make_pdfs(printkit.printable([p for p in batch if p.context["kit_family"] == "print"]),
                                           files, ctx.options["pdf"])
        shop, _ = printshop.after_render([p for p in batch if p.context["kit_family"] == "printshop"], files, ctx)
        made, problems = made + pdfs + shop, problems + found
        progress.update(min(start + PDF_BATCH, len(batches)))
    if problems:  # every one at once: a page that cannot fit, a character no font has (a rare one in a unit's name)
        raise ContentError(problems)
    for page in made:
        page.kit_of = ""
    return made, f"{built}，各单位的 PDF 和打印店文件 {len(made)} 个"
