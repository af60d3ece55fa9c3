"""Share images: pictures to forward into a WeChat group, made by `build.py pdf` (share/…).

The print family owns them because they are drawn by its PDF engine: every poster's and leaflet's
PDF page is drawn as a picture 1080 px wide (share/posters/<name>.jpg, share/leaflets/<name>-1.jpg
and -2.jpg; the PDF is drawn, never laid out again), and each scam type and campaign gets a 长图
designed for phones (share/scams/<slug>.jpg, share/campaigns/<slug>.jpg): one column of type no
smaller than 36 px, the numbers at the end, on a page as long as its content, laid out by
WeasyPrint from templates/share/long.html. Every picture is a baseline sRGB JPEG under 1 MB.
"""

import posixpath

from ... import icons, raster
from ...design import icon_of
from ...i18n import shown
from ...i18n import ui as _
from ...page import Page
from ...parallel import ordered_map
from ...problems import COMMAND, Problem
from . import compose
from .kit import ACCENTS, campaign_poster
from .pdf import HOST, load_weasyprint, memory_fetcher, missing_glyphs, tofu_problem

WIDTH = 1080          # px: what WeChat shows a picture at, full width on a phone
LIMIT = 1_000_000     # bytes: a picture a phone opens at once
TALLEST = 16000       # px: the page a 长图 is laid out on (the picture is cut where its content ends)
TEMPLATE = "share/long.html"
FOLDER = "share"
CAMPAIGN_RULE_ITEMS = 10  # a campaign's 长图 lists the first rule list this short
CAMPAIGN_SCAMS = 8        # scams a campaign's 长图 explains; the rest it names
WHITE = "#ffffff"  # the pictogram on the coloured band


def image_of(dest, side=None):
    """The share image of a printed item: posters/x.html → share/posters/x.jpg; a leaflet's side 1 or 2
    → share/leaflets/x-1.jpg."""
    stem = posixpath.splitext(dest)[0]
    return f"{FOLDER}/{stem}{f'-{side}' if side else ''}.jpg"


def long_image(kind, slug):
    """A 长图: kind "scams" or "campaigns"."""
    return f"{FOLDER}/{kind}/{slug}.jpg"


def images_of(page):
    """The share images of one printed item: [{href, label (on its campaign page), short (on its card)}]."""
    if page.sheets == 1:
        return [{"href": image_of(page.dest), "label": _("%(item)s图片") % {"item": page.label}, "short": _("图片")}]
    return [{"href": image_of(page.dest, side), "label": _("%(item)s图片（第 %(side)s 面）") % {"item": page.label, "side": side},
             "short": _("图片 %(side)s") % {"side": side}}
            for side in range(1, page.sheets + 1)]


# ---- what a 长图 says

def number_cells(model, channels):
    """(cells, SMS lines): the numbers to remember with what each is for; a 短信 service is a line."""
    shown = sorted((c for c in channels if c["kind"] != "短信"), key=lambda c: not c["dial"])
    cells = [{"number": c["label"], "text": compose.cell_text(c, model.guide), "dial": bool(c["dial"])} for c in shown]
    return cells, [compose.sms_line(c) for c in channels if c["kind"] == "短信"]


def common(model, channels, sources, reviewed):
    """The end of every 长图: the numbers, the key warning, the local contact, the small print."""
    cells, messages = number_cells(model, channels)
    return {
        "numbers": cells, "messages": messages, "calls": _(compose.CALLS), "local": compose.local_lines(model, channels),
        "foot": [compose.reminder_line(model), compose.from_line(compose.sources_text(sources)), compose.reviewed_line(reviewed)],
    }


def scam_long(model, scam):
    remember, _owner = compose.remember_line(scam)
    return {
        "title": scam["title"], "org": compose.reminder_line(model), "kicker": shown(scam["category"]),
        "icon": icons.svg(icon_of(scam), stroke=WHITE), "remember": remember, "lead": scam["summary"],
        "accent": ACCENTS.get(scam["category"], ACCENTS["高发类型"]), "facts": [],
        "sections": [{"title": _("警惕信号"), "items": scam["signs"], "numbered": False},
                     {"title": _("遇到了怎么办"), "items": scam["steps"], "numbered": True}],
        **common(model, scam["call"], scam["sources"], scam["reviewed"]),
    }


def campaign_long(model, campaign):
    rules = campaign["rules"] or ([model.featured_rules] if model.featured_rules else [])
    short = next((r for r in rules if len(r["items"]) <= CAMPAIGN_RULE_ITEMS), None)
    scams, more = campaign["scams"][:CAMPAIGN_SCAMS], campaign["scams"][CAMPAIGN_SCAMS:]
    sections = [{"title": _("当心这些骗局"), "numbered": False, "items": [{"title": s["title"], "text": s["summary"]} for s in scams],
                 "note": _("还要当心：") + _("、").join(s["title"] for s in more) + _("。") if more else ""}]
    if short:
        sections.append({"title": short["title"], "items": short["items"], "numbered": True, "note": compose.cited(short)})
    facts = compose.campaign_facts(campaign, "date", "place", "audiences")
    return {
        "title": campaign["title"], "org": campaign["organiser"], "kicker": campaign["format"],
        "icon": icons.svg(campaign.get("icon") or "megaphone", stroke=WHITE), "remember": campaign["slogan"], "lead": "",
        "accent": ACCENTS["高发类型"], "facts": facts, "sections": sections,
        **common(model, campaign["channels"] or compose.default_calls(model), campaign["sources"], campaign["reviewed"]),
    }


def plan(model):
    """Every 长图 to draw: {dest, label, kit_of, source, context}."""
    jobs = [{"dest": long_image("scams", s["slug"]), "label": _("手机长图"), "kit_of": "", "source": s["file"],
             "title": s["title"], "context": scam_long(model, s)} for s in model.scams]
    jobs += [{"dest": long_image("campaigns", c["slug"]), "label": _("手机长图"), "kit_of": c["slug"], "source": c["file"],
              "title": c["title"], "context": campaign_long(model, c)} for c in model.campaigns]
    return jobs


def kit_images(model):
    """{printed item's dest: the images its campaign page shows}: a campaign's poster carries its 长图 too."""
    return {campaign_poster(c["slug"]): [{"href": long_image("campaigns", c["slug"]), "label": _("手机长图"), "short": _("手机长图")}]
            for c in model.campaigns}


# ---- drawing

def content_height(document):
    """How tall the laid-out content is, in px (the page itself is TALLEST px)."""
    return max((box.position_y + box.margin_height() for box in document.pages[0]._page_box.descendants()
                if box.element_tag in ("html", "body")), default=TALLEST)


def smallest_type(document):
    """The smallest font size of any drawn text, in px."""
    from weasyprint.formatting_structure import boxes
    return min((box.style["font_size"] for page in document.pages for box in page._page_box.descendants()
                if isinstance(box, boxes.TextBox) and box.text.strip()), default=0)


def draw_long(_, job):
    """(dest, html) → {jpeg, height, smallest, missing, pages}: the 长图 laid out, cut where it ends."""
    weasyprint = load_weasyprint()
    dest, html = job
    with missing_glyphs() as missing:
        document = weasyprint.HTML(string=html, base_url=HOST + dest, url_fetcher=memory_fetcher(weasyprint, {})).render()
        pdf = document.write_pdf(uncompressed_pdf=True)  # read once, in memory
    height = min(round(content_height(document)), TALLEST)
    image = raster.page_images(pdf, WIDTH, height=height)[0]
    return {"jpeg": raster.jpeg(image, LIMIT), "height": height, "smallest": smallest_type(document),
            "missing": missing, "pages": len(document.pages)}


def draw_pdf(_, job):
    """(PDF bytes) → the JPEG and height of each page, the paper only (no bleed or crop marks)."""
    out = []
    for image in raster.page_images(job, WIDTH, trim=True):
        out.append((raster.jpeg(image, LIMIT), image.height))
    return out


def size(height):
    return {"unit": "px", "width": WIDTH, "height": height}


def too_big(dest, source):
    return Problem(source, 0, "", f"{dest} 压缩后还是超过 1 MB，手机上不好打开。请删减这个文件的文字，再运行 {COMMAND} pdf。")


def printed_images(printables, pdfs):
    """A share-image Page for every page of every poster and leaflet PDF (`pdfs`: in the same order)."""
    out, problems = [], []
    drawn = ordered_map(draw_pdf, [pdf.data for pdf in pdfs], None, min_items=2)
    for page, pictures in zip(printables, drawn):
        for side, (data, height) in enumerate(pictures, start=1):
            dest = image_of(page.dest, side if page.sheets > 1 else None)
            if len(data) >= LIMIT:
                problems.append(too_big(dest, page.context["source"]))
            out.append(Page(dest, data=data, kind="share-image", kit_of=page.kit_of, label=_("%(item)s图片") % {"item": page.label}, size=size(height)))
    return out, problems


def long_images(jobs, env):
    """A long-image Page for every planned 长图; tofu, a picture too long or too big is a problem."""
    drawn = ordered_map(draw_long, [(job["dest"], env.get_template(TEMPLATE).render(job["context"], width=WIDTH, height=TALLEST))
                                    for job in jobs], None, min_items=2)
    out, problems = [], []
    for job, picture in zip(jobs, drawn):
        if picture["missing"]:
            problems.append(tofu_problem(job["source"], job["dest"], picture["missing"], "图片上"))
        if picture["pages"] > 1:
            problems.append(Problem(job["source"], 0, "", (
                f"{job['dest']} 太长了：手机长图最长 {TALLEST} 像素。请删减这个文件的文字（警惕信号、怎么办或诈骗类型）。")))
        elif len(picture["jpeg"]) >= LIMIT:
            problems.append(too_big(job["dest"], job["source"]))
        out.append(Page(job["dest"], data=picture["jpeg"], kind="long-image", kit_of=job["kit_of"], label=job["label"],
                        size=size(picture["height"])))
    return out, problems


def make(printables, pdfs, jobs, env):
    """(every share image: the printed items' pages and the 长图, the problems of those that fail)."""
    printed, problems = printed_images(printables, pdfs)
    long, more = long_images(jobs, env)
    return printed + long, problems + more
