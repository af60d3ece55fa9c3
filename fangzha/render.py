"""Render planned pages with one Jinja environment (autoescape, StrictUndefined)."""

import functools
import hashlib
import os
import shutil
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

import jinja2
import jinja2.ext
import markupsafe
from jinja2.lexer import Token

from . import design, i18n, script_words
from .content import pictures
from .layout import blocks
from .memory import PageInputs, digest
from .parallel import Portable, ordered_map
from .problems import ContentError, Problem
from .write import make_folders, write_file

# Every page may load only files of its own site (a second wall behind the link checks); inline
# style attributes are the templates' own (print sizes, canvas scaling).
CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'"


def date_filter(language):
    """How pages write a date: 2026年11月27日 in Chinese (either script), 27 November 2026 in English."""
    return lambda day: i18n.written_date(day, language) or i18n.ui_of(language, "未注明")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept between builds of one process (`serve` rebuilds on every save).

    Jinja checks each entry against the template's source checksum, so an edited template is recompiled.
    """

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


BYTECODES = {}  # one cache per site language: a compiled HTML template holds its UI strings translated


class TranslatedOnce(jinja2.ext.Extension):
    """`_("text")` in an HTML template is translated when the template is compiled, not on every page:
    the same string (`Markup(translation) % {}`, as Jinja's newstyle gettext gives it) at a fraction of
    the cost. Calls with values to fill in, and plain-text templates (not autoescaped), are left as they are."""

    def filter_stream(self, stream):
        translate = getattr(self.environment, "translate_once", None)
        tokens = list(stream)
        if translate is None or not stream.name or not self.environment.autoescape(stream.name):
            yield from tokens
            return
        index = 0
        while index < len(tokens):
            token = tokens[index]
            call = tokens[index:index + 4]
            if (token.test("name:_") and len(call) == 4 and [t.type for t in call[1:]] == ["lparen", "string", "rparen"]
                    and not (index and tokens[index - 1].type == "dot")):
                text = str(markupsafe.Markup(translate(call[2].value)) % {})
                for kind, value in (("lparen", "("), ("string", text), ("pipe", "|"), ("name", "safe"), ("rparen", ")")):
                    yield Token(token.lineno, kind, value)
                index += 4
                continue
            yield token
            index += 1


def make_environment(templates_dir, model=None):
    """The build's environment; without a model (documents drawn after the build, such as video
    frames) the templates get no model globals."""
    config = model.config if model is not None else i18n.active_config()  # drawn after the build: its language
    translations = i18n.of(config)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=BYTECODES.setdefault(i18n.language_of(config), MemoryBytecodeCache()),
        auto_reload=False,  # a new environment per build: no need to stat each template per page
        autoescape=jinja2.select_autoescape(disabled_extensions=("txt",), default=True),  # .txt: plain text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n", TranslatedOnce],
    )
    env.filters["rooted"] = pictures.rooted
    env.filters["phrases"] = blocks.split_phrases  # a big line in the pieces it may break between (deck heroes)
    env.globals.update(design.template_globals(), cell_rows=blocks.cell_rows, fact_label=blocks.fact_label)
    env.globals.update(content_security_policy=markupsafe.Markup(CONTENT_SECURITY_POLICY))
    env.install_gettext_translations(translations, newstyle=True)
    env.translate_once = env.filters["ui"] = translations.gettext
    env.filters["cndate"] = date_filter(config.get("language", "zh-Hans"))  # a choice shown as written (分类 常见手法) in the site's language
    env.globals.update(html_lang=i18n.page_lang(config), lang_attr=lambda item: i18n.lang_attr(item, config),
                       script_words=script_words.needed(config))
    if model is not None:
        env.globals.update(model=model, config=model.config)
    return env


def _template_problem(error, templates_dir):
    """Where in which template a render failed, as a user-facing line."""
    line, name = getattr(error, "lineno", 0) or 0, getattr(error, "filename", None) or getattr(error, "name", None)
    for frame, frame_line in traceback.walk_tb(error.__traceback__):
        filename = frame.f_code.co_filename
        if filename.startswith(str(templates_dir)):
            name, line = filename, frame_line
    label = os.path.relpath(name, templates_dir.parent) if name and os.path.isabs(name) else f"templates/{name or '?'}"
    return Problem(label.replace(os.sep, "/"), line, "", f"模板出错：{error}。请检查这个模板里的名字是否拼写正确。")


class RenderJob(Portable):
    """What every render worker shares: the pages, the environment, the folder being built and the
    last good one (None when there is none yet)."""

    local_names = ("env",)

    def __init__(self, pages, model, templates_dir, building, previous=None):
        self.pages, self.model, self.templates_dir, self.building = pages, model, templates_dir, building
        self.previous = previous  # whose unchanged files are linked, not written
        self.env = make_environment(templates_dir, model)

    def environment(self):
        if self.env is None:  # a spawned worker: compile its own
            self.env = make_environment(self.templates_dir, self.model)
        return self.env


def render_page(job, page):
    """One planned page's bytes, or the Problem that stopped it."""
    if page.data is not None:
        return page.data
    if page.make:
        function, argument = page.make
        return function(argument)
    if not page.template:
        return page.text.encode("utf-8")
    try:
        return job.environment().get_template(page.template).render(page.context, root=page.root, page=page).encode("utf-8")
    except Exception as error:  # a template typo is the user's to fix: report it, no traceback
        return _template_problem(error, job.templates_dir)


def _render_and_write(job, index):
    """Render one page and write it at once (in the worker: rendering and disk I/O overlap)."""
    data = render_page(job, job.pages[index])
    if isinstance(data, Problem):
        return data
    write_file(job.building, job.pages[index].dest, data, job.previous)
    return len(data)


# What each file drawn by a library (a PPTX, a DOCX) was drawn from, kept in the output folder: the
# next build copies a file whose inputs did not change from the last good site instead of drawing it
# again (each costs as much as a hundred templated pages; `serve` rebuilds on every save).
DRAWN_LIST = ".fangzha-drawn"


@functools.cache
def code_digest(module_name):
    """The source of the package that draws a file: a new version of the tool draws everything anew."""
    folder = Path(sys.modules[module_name].__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def drawn_key(page):
    function, argument = page.make
    digest = hashlib.sha256(code_digest(function.__module__).encode() + function.__qualname__.encode())
    digest.update(canonical(argument))
    return digest.hexdigest()


def canonical(value):
    """The same bytes for equal inputs, however the objects were made (pickle is not: it records
    which equal strings are one object, and that differs between forked and spawned loading).
    Content refers back to itself (a scam's cases name the scam): a reference back is written as such."""
    out, open_ = [], set()

    def walk(item):
        if isinstance(item, dict) or isinstance(item, (list, tuple)):
            if id(item) in open_:
                out.append("<back>")
                return
            open_.add(id(item))
            if isinstance(item, dict):
                out.append("{")
                for key in sorted(item, key=str):
                    out.append(repr(str(key)) + ":")
                    walk(item[key])
                out.append("}")
            else:
                out.append("[")
                for entry in item:
                    walk(entry)
                out.append("]")
            open_.discard(id(item))
        else:
            out.append(repr(item))
        out.append(",")

    walk(value)
    return "".join(out).encode("utf-8")


def earlier_drawn(previous):
    """{dest: key} of the files the last build drew, when its output folder is there."""
    listing = Path(previous) / DRAWN_LIST if previous else None
    if not listing or not listing.is_file():
        return {}
    rows = (line.split(" ", 1) for line in listing.read_text(encoding="utf-8").splitlines() if " " in line)
    return {dest: key for key, dest in rows}


def reusable(pages, previous, memory=None):
    """({index: key} of every drawn page, the indexes whose file the last good output already holds)."""
    seen = memory.drawn_keys if memory is not None else None
    # A preview's download whose inputs changed is drawn after the reload: its key is taken then (None till then).
    later = memory is not None and memory.showing is not None and previous and Path(previous).is_dir()
    keys = {index: remembered_key(page, seen, later and page.download) for index, page in enumerate(pages) if page.make}
    if memory is not None:  # only this build's: the memory does not grow with every save
        memory.drawn_keys = {k: v for k, v in seen.items() if v in keys.values()}
    earlier = earlier_drawn(previous)
    kept = {i for i, key in keys.items()
            if key is not None and earlier.get(pages[i].dest) == key and (Path(previous) / pages[i].dest).is_file()}
    return keys, kept


def remembered_key(page, seen, unless_new=False):
    """drawn_key, taken from a preview's memory `seen` when the same inputs were seen before (a pickle
    is quicker to take than the canonical form, and equal pickles are equal inputs); None for inputs
    not seen before when `unless_new`."""
    if seen is None:
        return drawn_key(page)
    inputs = drawn_inputs(page)
    if inputs is None:  # an input that cannot be pickled
        return None if unless_new else drawn_key(page)
    if inputs not in seen:
        if unless_new:
            return None
        seen[inputs] = drawn_key(page)
    return seen[inputs]


def drawn_inputs(page):
    """The digest of a drawn file's pickled inputs (None when they cannot be pickled)."""
    try:
        return digest(page.make[0].__module__, page.make[0].__qualname__, page.make[1])
    except Exception:
        return None


def keep_drawn(pages, keys, kept, building, previous):
    """Copy the drawn files that did not change from the last good output; list what each was drawn from."""
    take_over(previous, building, [pages[i].dest for i in kept])
    listing = "".join(f"{keys[i]} {pages[i].dest}\n" for i in sorted(keys, key=lambda i: pages[i].dest))
    write_file(building, DRAWN_LIST, listing.encode("utf-8"))


def take_over(previous, building, dests):
    """The files of the last good output at `dests`, in the building folder: hard links where the disk
    allows them (nothing in a build writes into a file it did not make), else copies."""
    for dest in dests:
        source, target = os.path.join(previous, dest), os.path.join(building, dest)
        try:
            os.link(source, target)
        except OSError:  # another disk, or one without links (FAT): copy
            shutil.copyfile(source, target)


def render(pages, model, templates_dir, building, previous=None, memory=None):
    """Render every page into the building folder and copy the static assets there; `previous` is the
    last good output folder (files drawn from unchanged inputs are copied from it, and, for a build that
    has a `memory` of the last one, so are the pages whose inputs did not change).

    Returns the asset pages (their dest, family "site", kind "asset"), for the manifest.
    """
    templates_dir = Path(templates_dir).resolve()
    job = RenderJob(pages, model, templates_dir, building, previous if previous and Path(previous).is_dir() else None)
    for name in sorted({page.template for page in pages if page.template}):
        try:  # compile once here, so every forked worker inherits the compiled template
            job.env.get_template(name)
        except Exception:  # reported per page, with its line, by render_page
            pass
    keys, kept = reusable(pages, previous, memory)
    unchanged, digests = unchanged_pages(pages, model, templates_dir, previous, memory)
    later = left_for_later(pages, keys, kept, unchanged, digests, previous, memory)
    todo = [i for i in range(len(pages)) if i not in kept and i not in unchanged and i not in later]
    results = ordered_map(_render_and_write, todo, job)
    keep_drawn(pages, {i: key for i, key in keys.items() if i not in later}, kept, building, previous)
    take_over(previous, building, [pages[i].dest for i in unchanged])
    if memory is not None:
        memory.rendered = sum(1 for i in todo if pages[i].template or pages[i].make)  # not the files written as they are
        memory.kept = len(kept) + len(unchanged)
        memory.next_pages = {pages[i].dest: d for i, d in digests.items() if d is not None and i not in later}
        memory.next_later = {pages[i].dest: (pages[i], keys.get(i) or digests[i])
                             for i in sorted(later, key=lambda i: (bool(pages[i].make), i))}  # web pages first
        memory.next_drawn = {pages[i].dest: key for i, key in keys.items() if i not in later}
        memory.next_job = job
    problems = [r for r in results if isinstance(r, Problem)]
    if problems:
        raise ContentError(problems)
    return copy_assets(templates_dir, building, {page.dest for page in pages}, job.previous)


def left_for_later(pages, keys, kept, unchanged, digests, previous, memory):
    """What a preview's rebuild leaves until the browser has reloaded (see draw_later): the web pages
    that changed but no browser shows (a page new to the site is made at once), and the download-only
    drawn files (PowerPoint, Word) to draw anew. Nothing in a build that is not a preview's rebuild."""
    if memory is None or memory.showing is None or not previous or not Path(previous).is_dir():
        return set()
    downloads = {i for i in keys if i not in kept and pages[i].download}
    pages_later = {i for i, page in enumerate(pages)
                   if digests.get(i) is not None and i not in unchanged and page.dest not in memory.showing
                   and (page.dest in memory.pages or page.dest in memory.later)}
    return downloads | pages_later


def draw_later(memory, folder, dest=None):
    """Make one file a preview's rebuild left for later (`dest`, else the next) in the live preview
    folder, and remember it as made, so the next rebuild keeps it; False when there was none left.
    Raises ContentError when a page's template fails on it."""
    dest = next(iter(memory.later), None) if dest is None else dest
    if dest not in memory.later:
        return False
    page, key = memory.later.pop(dest)
    data = render_page(memory.job, page)
    if isinstance(data, Problem):
        raise ContentError([data])
    replace_file(folder, dest, data)
    if not page.make:
        memory.pages[dest] = key
        return True
    if key is None:  # left for later before its key was taken: the next rebuild knows it by its inputs
        key, inputs = drawn_key(page), drawn_inputs(page)
        if inputs is not None:
            memory.drawn_keys[inputs] = key
    memory.drawn[dest] = key
    listing = "".join(f"{k} {d}\n" for d, k in sorted(memory.drawn.items()))
    replace_file(folder, DRAWN_LIST, listing.encode("utf-8"))
    return True


def replace_file(folder, dest, data):
    """Put a new file at `dest` of the live preview folder, whole or not at all (a browser may be
    reading it; the file there may be a hard link to the last build's)."""
    write_file(folder, dest + ".drawing", data)
    os.replace(os.path.join(folder, dest + ".drawing"), os.path.join(folder, dest))


def unchanged_pages(pages, model, templates_dir, previous, memory):
    """(the indexes of templated pages whose inputs are those of the page the last good build wrote at
    the same place, {index: digest of its inputs}); only a build with a memory of the last one knows."""
    if memory is None or not previous:
        return set(), {}
    inputs = PageInputs(model, templates_dir, memory)
    digests = {index: inputs.of(page) for index, page in enumerate(pages)}
    unchanged = {i for i, d in digests.items()
                 if d is not None and memory.pages.get(pages[i].dest) == d and (Path(previous) / pages[i].dest).is_file()}
    return unchanged, digests


def copy_assets(templates_dir, building, taken, previous=None):
    """templates/assets/ → assets/ (a page of the same name wins: the search index is made, not copied)."""
    copied = []
    assets = templates_dir / "assets"
    for path in sorted(assets.rglob("*")) if assets.is_dir() else []:
        dest = "assets/" + path.relative_to(assets).as_posix()
        if path.is_file() and dest not in taken:
            make_folders(building, [dest])
            write_file(building, dest, path.read_bytes(), previous)
            copied.append(dest)
    return copied


class Files(Mapping):
    """The files of the folder being built, read when asked for: {dest: bytes}."""

    def __init__(self, building, dests):
        self.building, self.dests = Path(building), list(dests)

    def __getitem__(self, dest):
        if dest not in self.dests:
            raise KeyError(dest)
        return (self.building / dest).read_bytes()

    def __iter__(self):
        return iter(self.dests)

    def __len__(self):
        return len(self.dests)
