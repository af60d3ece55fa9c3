"""What a long-running preview (`serve`) remembers between builds, so a save redoes only what it changed.

Three things are kept, each keyed by everything it was made from:
- each content file as read and checked (its bytes, config.yaml's bytes, the pictures it names), so a save
  reads and checks that one file again and takes the others as they were;
- each templated page's inputs (its context and fields, the model attributes its template reads, the
  config and the templates), so only pages whose inputs changed are rendered; the others are taken from
  the last good output as they are;
- the layouts marked `pure` (a scam's kiosk screens and their type scales, a deck, a WeChat article, a
  broadcast script) and every printed item placed on its sheets, so a save lays out again only what it
  changed.
Besides, the files a preview's rebuild left to make after the browser has reloaded (render.draw_later:
the changed pages no browser shows, and the PowerPoint and Word files), and which drawn files the
output folder's list claims.

A one-off build has no memory and does everything. Digests are taken from pickles: two equal inputs may
pickle differently (a page is then rendered again, which costs time, never correctness), but different
inputs never pickle the same.
"""

import contextlib
import contextvars
import functools
import hashlib
import io
import pickle
import re
from pathlib import Path

from .page import Page

MODEL_NAME = re.compile(r"\bmodel\.([A-Za-z_]\w*)")
USES = re.compile(r"\{%-?\s*(?:extends|include|import|from)\s+[\"']([^\"']+)[\"']")


class Memory:
    """The preview's memory; `rendered` and `kept` say what the last build did (for its summary line)."""

    def __init__(self):
        self.files = {}  # key of a content file's inputs -> pickled (record, problems, warnings)
        self.pages = {}  # dest -> digest of the inputs of the page the last good build wrote there
        self.next_pages = {}  # the same, for the build under way: it counts once that build is in place
        self.rendered = self.kept = 0
        self.showing = None  # serve: the pages a browser shows, made at once; the rest after it reloads
        self.later, self.next_later = {}, {}  # dest -> (page, key): files still to make (render.draw_later)
        self.job = self.next_job = None  # the render job that makes them
        self.drawn, self.next_drawn = {}, {}  # dest -> key: the drawn files the output folder's listing claims
        self.drawn_keys = {}  # digest of a drawn file's pickled inputs -> its render.drawn_key
        self.layouts, self.next_layouts = {}, {}  # digest of a layout's inputs -> (the pickled layout, inner keys)
        self.inner = None  # while a layout is computed: the keys of the layouts it is made of
        self.templates = ((), None)  # (template_files, what read_templates found in them)
        self.planned, self.next_planned = [], []  # the pages of the last good build, family by family (pipeline.first_look)
        self.model_key = (None, b"", {}, {})  # (the model, its digest without the scams' own content, scam_digests, layout_names), this build

    def commit(self):
        """The build under way is now the last good one."""
        self.pages, self.next_pages = self.next_pages, {}
        self.later, self.next_later = self.next_later, {}
        self.drawn, self.next_drawn = self.next_drawn, {}
        self.job, self.next_job = self.next_job, None
        self.layouts, self.next_layouts = self.next_layouts, {}
        self.planned, self.next_planned = self.next_planned, []

    def has_layout(self, key):
        return key in self.next_layouts or key in self.layouts

    def begin(self):
        """A save's builds start (a first look and the full build after it count as one): what a failed
        one laid out is not kept past the next good one."""
        self.next_layouts = {}


def digest(*parts):
    """One digest of the parts (bytes as they are, anything else pickled), each with its length, so that
    no two different lists of parts run together into the same bytes."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else pickle.dumps(part, protocol=5)
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.digest()


# ---- content files


def file_key(kind, label, path, config_bytes):
    """What one content file's reading and checking depends on, apart from the pictures it names
    (None for a file that cannot be read: it is read again, and its problem reported, every time)."""
    try:
        return digest(kind.encode(), label.encode(), Path(path).read_bytes(), config_bytes)
    except OSError:
        return None


def pictures_of(result):
    """The picture files a checked record names (relative to the project), as they are on disk now."""
    record = result[0]
    clean = record.checked[0] if record.checked else None
    return tuple(picture["src"] for picture in (clean or {}).get("pictures") or ())


def stats(root, sources):
    found = []
    for source in sources:
        try:
            status = (Path(root) / source).stat()
            found.append((source, status.st_mtime_ns, status.st_size))
        except OSError:
            found.append((source, None, None))
    return tuple(found)


def remembered_file(memory, key, root):
    """The file's result from the last build, if nothing it was made from changed (a file that had
    problems is always read again: a missing picture may have been added since)."""
    kept = memory.files.get(key) if key is not None else None
    if kept is None or kept[1] != stats(root, kept[2]):
        return None
    return pickle.loads(kept[0])


def remember_file(memory, key, result, root):
    """Keep a file's result (unless it had problems) and return it as every later build will see it:
    unpickled, so that a page made from it pickles the same whether its files were read now or before."""
    pickled = pickle.dumps(result, protocol=5)
    record, problems, _ = result
    if key is not None and not problems and not record.broken:
        sources = pictures_of(result)
        memory.files[key] = (pickled, stats(root, sources), sources)
    return pickle.loads(pickled)


# ---- pages


def template_files(templates_dir):
    """((name, bytes) of every file of the templates folder), in order."""
    paths = sorted(p for p in Path(templates_dir).rglob("*") if p.is_file())
    return tuple((path.relative_to(templates_dir).as_posix(), path.read_bytes()) for path in paths)


def read_templates(files):
    """(the digest of the template files, {template name: the model attributes it reads, itself or
    through the templates it extends, includes or imports}) from template_files."""
    own, uses, parts = {}, {}, []
    for name, data in files:
        parts.append(name.encode() + b"\0" + data)
        text = data.decode("utf-8", errors="replace")
        own[name], uses[name] = set(MODEL_NAME.findall(text)), set(USES.findall(text))
    reads = {}
    for name in own:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += uses.get(current, ())
        reads[name] = frozenset().union(*[own.get(n, ()) for n in seen])
    return digest(*parts), reads


def templates_of(memory, templates_dir):
    """read_templates, worked out again only when a template file was added, removed or changed since the
    last build (reading the files is quick; scanning them is not)."""
    files = template_files(templates_dir)
    if memory is None:
        return read_templates(files)
    if memory.templates[0] != files:
        memory.templates = (files, read_templates(files))
    return memory.templates[1]


class PageInputs:
    """The digest of every templated page's inputs, in one build. A page listing other pages (an index of
    1,000 articles) holds their digests, and a model attribute read by a template holds its scams' digests:
    neither is pickled whole again."""

    def __init__(self, model, templates_dir, memory=None):
        templates, self.reads = templates_of(memory, templates_dir)
        self.model, self.values, self.found = model, {}, {}
        self.common = digest(templates, model.config)
        self.names = scam_digests(memory, model)

    def value(self, name):
        if name not in self.values:
            self.values[name] = digest(pickled_with(getattr(self.model, name, None), self.names))
        return self.values[name]

    def of(self, page):
        """The page's digest, or None when it is not a templated page (or cannot be pickled)."""
        if id(page) not in self.found:
            self.found[id(page)] = None  # while it is pickled: the page itself is pickled as it is
            self.found[id(page)] = self._of(page)
        return self.found[id(page)]

    def _of(self, page):
        if not page.template or page.make or page.data is not None:
            return None
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.dispatch_table = {Page: self._page_part}  # called for pages only: dicts and lists stay in C
        try:
            pickler.dump(page)
        except Exception:  # something unpicklable in a context: render it every time
            return None
        return digest(self.common, buffer.getvalue(), *[self.value(name) for name in sorted(self.reads.get(page.template, ()))])

    def _page_part(self, page):
        found = self.of(page)
        return (bytes, (found,)) if found else page.__reduce_ex__(5)


# ---- layouts


class Substituting(pickle.Pickler):
    """A pickler writing the given objects (by identity) as the names given for them."""

    def __init__(self, file, names):
        super().__init__(file, protocol=5)
        self.names = names

    def persistent_id(self, obj):
        return self.names.get(id(obj))


def pickled_with(value, names):
    buffer = io.BytesIO()
    Substituting(buffer, names).dump(value)
    return buffer.getvalue()


def model_digest(memory, model):
    """The digest of everything a layout of one scam or one item may read from the model besides what it
    is given: the model with each scam written as its slug (a campaign's list of scams then changes only
    when the list does). Taken once per build; nothing without a memory."""
    if memory is None:
        return b""
    if memory.model_key[0] is not model:
        names = {id(scam): ("scam", scam["slug"]) for scam in model.scams}
        rest = {name: value for name, value in vars(model).items() if name != "scams"}
        contents = {id(scam): digest(scam) for scam in model.scams}
        memory.model_key = (model, digest(pickled_with(rest, names)), contents, {id(model): "model", **contents})
    return memory.model_key[1]


def scam_digests(memory, model):
    """{id(scam): the digest of its content} for this build's scams (taken with model_digest; none without a memory)."""
    model_digest(memory, model)
    return memory.model_key[2] if memory is not None else {}


def layout_names(memory, model):
    """What a layout's arguments are pickled as: the model as a token, each scam as scam_digests (built once
    per build, not once per key)."""
    model_digest(memory, model)
    return memory.model_key[3]


def remembered(memory, key, compute):
    """compute(): a pure layout, `key` the digest of everything it reads. A preview's memory answers with
    the layout of the same inputs from the last build, copied; a build without one just computes. Either
    way the caller gets a result of its own, to change as it likes. The layouts a remembered one is made
    of (a loop's screens) are kept with it, for the save that changes one of them."""
    if memory is None:
        return compute()
    kept = memory.next_layouts.get(key) or memory.layouts.get(key)
    if kept is None:
        outer, memory.inner = memory.inner, []
        try:
            value = compute()
        finally:
            inner, memory.inner = memory.inner, outer
        kept = (pickle.dumps(value, protocol=5), tuple(dict.fromkeys(inner)))
    else:
        for part in kept[1]:
            if part not in memory.next_layouts and part in memory.layouts:
                memory.next_layouts[part] = memory.layouts[part]
    memory.next_layouts[key] = kept
    if memory.inner is not None:
        memory.inner += (key, *kept[1])
    return pickle.loads(kept[0])


def inputs_key(memory, model, value, holds_model=True):
    """The parts that stand for `value` (a layout's arguments) and the model it reads besides: the model
    itself as a token, each scam it is given as the digest of its content (None when it cannot be pickled).
    A value that does not hold the model is pickled as it is (much quicker: no call back per object)."""
    try:
        if not holds_model:
            return model_digest(memory, model), pickle.dumps(value, protocol=5)
        return model_digest(memory, model), pickled_with(value, layout_names(memory, model))
    except Exception:
        return None


PLANNING = contextvars.ContextVar("planning", default=None)  # (memory, model) while a preview's build plans


@contextlib.contextmanager
def planning(memory, model):
    """While a build plans: with a preview's memory, the layouts marked `pure` are remembered between saves."""
    token = PLANNING.set((memory, model) if memory is not None else None)
    try:
        yield
    finally:
        PLANNING.reset(token)


def pure(function):
    """Marks a layout whose result depends only on its arguments, the site's language and the rest of the
    model (never on a scam it is not given): while a preview plans, it is remembered between saves."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def layout(*args, **kwargs):
        active = PLANNING.get()
        key = inputs_key(*active, (args, kwargs), any(a is active[1] for a in args)) if active else None
        if key is None:
            return function(*args, **kwargs)
        return remembered(active[0], digest(name, *key), lambda: function(*args, **kwargs))

    return layout
