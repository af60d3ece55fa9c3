"""Decide which files exist: one table of output families, each turning the Model into pages.

A family is a package under fangzha/outputs/ with one contract (see docs/architecture.md):

    pages(model, ctx) -> [Page]             pure: it neither raises nor writes into the model
    check(model, pages, ctx) -> [Problem]   errors, and warnings (problems.Notice), about its own pages
    after_render(pages, files, ctx) -> [Page]   optional: files made from the rendered ones (PDFs)

Adding a family means adding its package, its templates and one row here.
"""

from dataclasses import dataclass

from .outputs import broadcast, kiosk, office, printkit, printshop, site, slides, units, video, wechat
from .problems import Problem


@dataclass(frozen=True)
class Family:
    name: str
    label: str      # in the build's summary line
    unit: str       # what the summary counts: 页 (web pages) or 份 (files)
    module: object


FAMILIES = [
    Family("site", "网站", "页", site),
    Family("print", "印刷品", "页", printkit),
    Family("printshop", "打印店印制品", "页", printshop),
    Family("slides", "班会课件", "页", slides),
    Family("kiosk", "大屏轮播", "页", kiosk),
    Family("video", "视频", "份", video),
    Family("broadcast", "广播稿", "份", broadcast),
    Family("office", "办公文档", "份", office),
    Family("wechat", "微信推送", "份", wechat),
    Family("units", "各单位印刷品", "页", units),
]


def plan(model, ctx):
    """Every page of every family, in a stable order (see in_family_order)."""
    return sorted(in_family_order(model, ctx), key=lambda p: p.dest)


def in_family_order(model, ctx, only=None, known=()):
    """Every page, family by family; campaign pages list their kit (and the pictures a kit page names in
    its context's `images`, made later by a render command).

    With `only` (family names), just those families' pages, listing the other families' pages as `known`
    (a preview's last full plan, in this order) gives them: see pipeline.first_look."""
    pages = []
    for family in FAMILIES:
        if only is None or family.name in only:
            for page in family.module.pages(model, ctx):
                page.family = family.name
                pages.append(page)
    others = [page for page in known if only is not None and page.family not in only]
    order = {family.name: number for number, family in enumerate(FAMILIES)}
    link(pages, sorted(pages + others, key=lambda page: order[page.family]))
    return pages


def link(pages, every):
    """Fill in what `pages` show of the other pages (`every`, themselves included): a campaign's kit, the
    files showing an item, the print centre's shelves."""
    kits, shown_in, shelves = {}, {}, {}
    for page in every:
        if page.kit_of:
            kits.setdefault(page.kit_of, []).append(page)
        for item, anchor in page.about:
            shown_in.setdefault(item, []).append({"label": page.label, "named_after": page.named_after,
                                                  "href": page.dest + anchor, "kind": page.kind, "family": page.family})
        if page.shelf:
            shelves.setdefault(page.shelf, []).append(listed(page))
    for page in pages:
        if "kit_for" in page.context:
            page.context["kit"] = [listed(p) for p in kits.get(page.context["kit_for"], [])]
        if "about_for" in page.context:  # an item's web page links every file that shows it, its poster first
            page.context["shown_in"] = sorted(shown_in.get(page.context["about_for"], []),
                                              key=lambda s: (s["kind"] != "poster", s["href"]))
        if "shelves" in page.context:  # the print centre: files of other families that people print
            page.context["shelves"] = list(shelves.items())


def listed(page):
    """How a page is listed on another (a campaign's kit, a print centre shelf)."""
    return {"label": page.label, "href": page.dest, "kind": page.kind, "thumb": page.context.get("thumb", ""),
            "purpose": page.purpose, "campaign": page.kit_of, "images": page.context.get("images", [])}


def check(model, pages, ctx):
    """Every family's problems with its own pages, and two pages that claim one file."""
    found = claimed_twice(pages)
    for family in FAMILIES:
        own = [p for p in pages if p.family == family.name]
        found += family.module.check(model, own, ctx)
    return found


def claimed_twice(pages):
    """A file two pages would write: a scam or campaign named `index` (or a campaign named `all`)
    would silently replace an overview page or the all-content loop (as Pelican refuses a second write)."""
    owners, found = {}, []
    for page in pages:
        first = owners.setdefault(page.dest, page)
        if first is page:
            continue
        mine = [source_of(p) for p in (first, page) if source_of(p)]
        if len(mine) == 2:
            message = f"{mine[0]} 和 {mine[1]} 都要生成 {page.dest}。请给其中一个换个文件名（写了 slug 的改 slug）。"
        else:
            message = (f"要生成的 {page.dest} 是本工具自己的{(first if not source_of(first) else page).label or '总览页'}，"
                       "这个名字不能用。请给这个文件换个名字（写了 slug 的改 slug）。")
        found.append(Problem(mine[-1] if mine else "content/", 0, "", message))
    return found


def source_of(page):
    """The content file a page is made from, or "" for the tool's own pages (indexes, the all-content loop)."""
    for key in ("scam", "campaign", "rule", "playlist"):
        item = page.context.get(key)
        if isinstance(item, dict) and item.get("file"):
            return item["file"]
    return page.context.get("source") or ""


def family_of(name):
    return next(f for f in FAMILIES if f.name == name)
