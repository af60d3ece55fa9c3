"""load → validate → plan → check → render → write → after_render, and the one-line summary."""

import gc
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import i18n, manifest, write
from . import plan as planner
from .content.convert import to_site_language
from .content.load import load_project
from .content.validate import PER_FILE, check_record, validate
from .memory import planning
from .problems import ContentError, Problem, split_notices
from .render import Files, RenderJob, render, render_page, replace_file


@dataclass
class Checked:
    """A project that passed every check: its model, its pages and the warnings to show."""

    model: object
    pages: list
    warnings: list
    ctx: object


@dataclass
class Built(Checked):
    summary: str = ""


def output_dir(ctx, model):
    return Path(ctx.root) / model.config["output"]


def configured_output(loaded):
    """config.yaml's output folder, read before validation (a crash's leftovers are dealt with first)."""
    data = loaded.config.data if loaded.config else None
    value = (data.typed.get("output") or data.get("output")) if isinstance(data, dict) and hasattr(data, "typed") else None
    return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else "site"


def load(ctx):
    return load_project(ctx.root, check=check_record, kinds=PER_FILE, memory=ctx.memory)


def site_model(ctx, loaded):
    """The loaded content validated into the Model, in the site's language, whose UI language is now active."""
    model = to_site_language(validate(loaded, today=ctx.today, allow_empty=ctx.allow_empty))
    i18n.activate(model.config)
    return model


def check(ctx, output=None, loaded=None):
    """Everything `build` would refuse, without writing anything; raises ContentError."""
    collecting = gc.isenabled()
    gc.disable()  # many long-lived objects, none freed until the end: the cyclic collector would rescan them
    try:
        model = site_model(ctx, loaded or load(ctx))
        ctx = ctx.with_output(Path(output) if output else output_dir(ctx, model))
        with planning(ctx.memory, model):
            in_order = planner.in_family_order(model, ctx)
        pages = sorted(in_order, key=lambda page: page.dest)
        if ctx.memory is not None:
            ctx.memory.next_planned = in_order
        errors, warnings = split_notices(model.warnings + planner.check(model, pages, ctx), ctx.strict)
        if errors:
            raise ContentError(errors)
        return Checked(model, pages, warnings, ctx)
    finally:
        if collecting:
            gc.enable()


def build(ctx, output=None):
    """Check, then write the site atomically; return a Built. Nothing is written on failure.

    One build at a time writes to an output folder; what the disk refuses is one OutputError line.
    """
    started = time.perf_counter()
    loaded = load(ctx)
    label = str(output) if output else configured_output(loaded)
    output = Path(output) if output else Path(ctx.root) / label
    try:
        with write.locked(output, label):
            recovered = write.recover(output, label)  # before anything else: a crash may have hidden the last good site
            checked = check(ctx, output, loaded)
            checked.warnings[:0] = [recovered] if recovered else []
            collecting = gc.isenabled()
            gc.disable()
            try:
                return _write(checked, started, label)
            finally:
                if collecting:
                    gc.enable()
    except OSError as error:  # read-only, full, busy: one line; the last good site stays
        raise write.OutputError(write.describe(error, label)) from None


def _write(checked, started, label):
    model, pages, ctx = checked.model, checked.pages, checked.ctx
    write.check_output(ctx.output, label)
    building = write.start(ctx.output)
    try:
        write.make_folders(building, [page.dest for page in pages])
        assets = render(pages, model, ctx.templates, building, previous=ctx.output, memory=ctx.memory)
        made, notes = after_render(pages, Files(building, [p.dest for p in pages] + assets), ctx)
        write.make_folders(building, [page.dest for page in made])
        for page in made:
            write.write_file(building, page.dest, render_page(None, page), ctx.output)
        write.write_file(building, manifest.NAME, manifest.manifest(pages + made, assets), ctx.output)
        left_over = write.finish(building, ctx.output, label)
        if ctx.memory is not None:
            ctx.memory.commit()
    except BaseException:
        write.discard(building)
        raise
    checked.warnings += [left_over] if left_over else []
    elapsed = time.perf_counter() - started
    root, output = Path(ctx.root).resolve(), ctx.output.resolve()
    shown = output.relative_to(root) if output.is_relative_to(root) else ctx.output
    parts = "，".join(counts(pages) + notes)
    return Built(model, pages + made, checked.warnings, ctx, f"已生成 {shown.as_posix()}/：{parts}；用时 {elapsed:.2f} 秒。")


def first_look(ctx, folder):
    """A preview's first answer to a save of content files: the pages its browsers show, planned from the
    saved content (just their families; the other families' pages as the last full build planned them) and
    made again in the live folder, before the full build, which follows at once and corrects whatever this
    could not know (serve.Preview.finish). Returns {dest: the bytes written} (nothing when the last full
    build planned none of the pages shown); raises ContentError as `check` would for the content's own
    problems (the families' checks come with the full build)."""
    memory = ctx.memory
    known = {page.dest: page for page in memory.planned}
    families = {known[dest].family for dest in memory.showing if dest in known}
    if not families:
        return {}
    model = site_model(ctx, load(ctx))
    errors, _ = split_notices(model.warnings, ctx.strict)
    if errors:
        raise ContentError(errors)
    ctx = ctx.with_output(folder)
    with planning(memory, model):
        pages = planner.in_family_order(model, ctx, only=families, known=memory.planned)
    shown = [page for page in pages if page.dest in memory.showing and page.template]
    job, made = RenderJob(shown, model, ctx.templates, folder), {}
    for page in shown:  # made without comparing inputs: taking their digest costs more than one page
        data = render_page(job, page)
        if isinstance(data, Problem):
            raise ContentError([data])
        replace_file(folder, page.dest, data)
        memory.later.pop(page.dest, None)  # an older version left for later must not replace it
        made[page.dest] = data
    return made


def after_render(pages, files, ctx):
    """What each family makes from the rendered files: (pages to add, summary phrases)."""
    made, notes = [], []
    for family in planner.FAMILIES:
        hook = getattr(family.module, "after_render", None)
        if hook:
            own = [p for p in pages if p.family == family.name]
            extra, note = hook(own, files, ctx)
            for page in extra:
                page.family = family.name
            made += extra
            notes += [note] if note else []
    return made, notes


def counts(pages):
    """"网站 42 页" for each family, in the order its first page comes."""
    units = {f.name: f for f in planner.FAMILIES}
    counted = Counter(p.family for p in pages if (p.dest.endswith(".html") if units[p.family].unit == "页"
                                                  else p.kind not in ("page", "asset")))
    return [f"{units[name].label} {n} {units[name].unit}" for name, n in counted.items()]
