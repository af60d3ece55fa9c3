"""load → validate → plan → check → render → write → after_render, and the one-line summary."""

import gc
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import manifest, plan as planner, write
from .content.load import load_project
from .content.validate import PER_FILE, check_record, validate
from .problems import ContentError, split_notices
from .render import Files, render, render_page


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


def check(ctx, output=None):
    """Everything `build` would refuse, without writing anything; raises ContentError."""
    collecting = gc.isenabled()
    gc.disable()  # many long-lived objects, none freed until the end: the cyclic collector would rescan them
    try:
        model = validate(load_project(ctx.root, check=check_record, kinds=PER_FILE))
        ctx = ctx.with_output(Path(output) if output else output_dir(ctx, model))
        pages = planner.plan(model, ctx)
        errors, warnings = split_notices(model.warnings + planner.check(model, pages, ctx), ctx.strict)
        if errors:
            raise ContentError(errors)
        return Checked(model, pages, warnings, ctx)
    finally:
        if collecting:
            gc.enable()


def build(ctx, output=None):
    """Check, then write the site atomically; return a Built. Nothing is written on failure."""
    started = time.perf_counter()
    checked = check(ctx, output)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _write(checked, started)
    finally:
        if collecting:
            gc.enable()


def _write(checked, started):
    model, pages, ctx = checked.model, checked.pages, checked.ctx
    write.check_output(ctx.output, model.config["output"])
    building = write.start(ctx.output)
    try:
        write.make_folders(building, [page.dest for page in pages])
        assets = render(pages, model, ctx.templates, building)
        made, notes = after_render(pages, Files(building, [p.dest for p in pages] + assets), ctx)
        write.make_folders(building, [page.dest for page in made])
        for page in made:
            write.write_file(building, page.dest, render_page(None, page))
        write.write_file(building, manifest.NAME, manifest.manifest(pages + made, assets))
        write.finish(building, ctx.output)
    except BaseException:
        write.discard(building)
        raise
    elapsed = time.perf_counter() - started
    root, output = Path(ctx.root).resolve(), ctx.output.resolve()
    shown = output.relative_to(root) if output.is_relative_to(root) else ctx.output
    parts = "，".join(counts(pages) + notes)
    return Built(model, pages + made, checked.warnings, ctx, f"已生成 {shown.as_posix()}/：{parts}；用时 {elapsed:.2f} 秒。")


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
    counted = Counter(p.family for p in pages if units[p.family].unit != "页" or p.dest.endswith(".html"))
    return [f"{units[name].label} {n} {units[name].unit}" for name, n in counted.items()]
