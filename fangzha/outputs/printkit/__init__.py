"""The print kit: A4 posters, pledge sheets and letters (one page each), tri-fold leaflets (two pages each).

Each printable page is drawn on sheets of a fixed paper size, so it prints as exactly
that many pages; assets/print.js scales the type (never below a legible floor) so the
text fills its sheets without spilling over, and `build.py pdf` does the same with
WeasyPrint (pdf.py). Text that would not fit even at the floor fails the build
(the text budget, budget.py). With `print: {paper: A3}` in config.yaml, posters and
pledge sheets are drawn on A3: the same layout, √2 times larger.
"""

from html import escape

import segno

from ...page import Page
from ...problems import ContentError
from . import budget as printfit
from . import pdf as pdf_output

# Type size in points: (designed, smallest when shrinking to fit, largest when growing to fill),
# for normal and for large type (large_type audiences and campaigns).
TYPE = {
    "poster": {False: (15, 9, 24), True: (18, 12, 28)},
    "letter": {False: (13, 9, 15), True: (15, 11, 17)},
    "leaflet": {False: (10.5, 8, 13), True: (13, 10.5, 16)},
}
SHEETS = {"posters": 1, "leaflets": 2}  # printed pages per document, by folder
PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "leaflet": (297, 210)}
PAGE_SIZES = {name: f"{w}mm {h}mm" for name, (w, h) in PAPER_MM.items()}
KINDS = {"posters": "poster", "leaflets": "leaflet"}
A3_TEMPLATES = {"print/poster-campaign.html", "print/poster-rules.html", "print/poster-report.html",
                "print/poster-scam.html", "print/pledge.html"}  # the letter goes home in a schoolbag: A4
LETTER_SCAMS = 6       # scams a letter names from the campaign, and parents' scams it explains
LEAFLET_DETAILED = 6   # scams a leaflet explains; the next ones it names
LEAFLET_NAMED = 12     # scams a leaflet names; the rest it counts
FEW_SCAMS = 3          # this few scams: a leaflet gives every sign and step
PARENTS = "parents"    # audience whose scams the letter to parents lists
MAX_TIPS = 10          # what-to-do tips on a leaflet's flap
BLOCK_WEIGHT = 30      # a leaflet block's heading and spacing, in characters of text

POSTER_SECTIONS = ["活动海报", "凡是规则", "举报求助", "诈骗手法", "承诺书", "告家长书"]
LEAFLET_SECTIONS = ["按人群", "按活动"]


class QRCode:
    """The QR code of a page's address on the website, drawn as inline SVG only when the page
    is rendered: choosing the mask costs milliseconds a code, so it runs in the render workers."""

    def __init__(self, url):
        self.url = url
        self.short = url.split("://", 1)[-1]  # printed under the code, to type in by hand

    def __html__(self):
        svg = segno.make(self.url, error="m").svg_inline(omitsize=True, border=4, svgclass="qr", lineclass=None)
        return svg.replace("<svg ", f'<svg role="img" aria-label="二维码：{escape(self.url)}" ', 1)


def qr_code(base_url, dest):
    """A QRCode for `dest` on the website, or "" when config.yaml has no base_url."""
    return QRCode(base_url.rstrip("/") + "/" + dest) if base_url and dest else ""


def oldest(*dates):
    """The earliest review date among the items a sheet combines."""
    known = [d for d in dates if d]
    return min(known) if known else None


class Kit:
    """Builds the printable pages for one model."""

    def __init__(self, model):
        self.model = model
        self.large_names = {a["name"] for a in model.audiences if a["large_type"]}
        self.paper = model.config["print"]["paper"]
        self.pages = []

    def add(self, dest, template, kind, section, title, source, reviewed, large=False, web="", sources=(), **context):
        """One printable page: `source` is the file to shorten when it cannot fit, `web` its counterpart
        on the website (for the QR code), `sources` what it cites."""
        folder = dest.split("/", 1)[0]
        size, smallest, largest = TYPE[kind][large]
        paper = self.paper if template in A3_TEMPLATES else "A4"
        context.update(
            title=title, section=section, source=source, reviewed=reviewed, sources=sources,
            folder=folder, type_pt=size, min_fit=round(smallest / size, 3), max_fit=round(largest / size, 3),
            pdf_dest=f"pdf/{dest[:-5]}.pdf", paper=paper,
            page_size=PAGE_SIZES["leaflet" if folder == "leaflets" else paper],
            thumb="leaflet" if folder == "leaflets" else paper.lower(),
            qr=qr_code(self.model.config["base_url"], web), floor_pt=smallest,
        )
        label = {"活动海报": "宣传海报", "按活动": "三折页"}.get(section, section)
        kit_of = context["campaign"]["slug"] if "campaign" in context else ""
        width, height = PAPER_MM["leaflet" if folder == "leaflets" else paper]
        self.pages.append(Page(dest, template, context, kit_of=kit_of, label=label, kind=KINDS[folder],
                               size={"unit": "mm", "width": width, "height": height}, sheets=SHEETS[folder]))

    def audience_scams(self, audience_id):
        """The scams of one audience (by its id in audiences.yaml), or none when it is not there."""
        return next((a["scams"] for a in self.model.audiences if a["id"] == audience_id), [])

    def is_large(self, audience_names, forced=False):
        """Large type when asked for, or when any audience is marked large_type."""
        return forced or any(name in self.large_names for name in audience_names)

    def posters(self):
        model = self.model
        for campaign in model.campaigns:
            slug, large = campaign["slug"], self.is_large(campaign["audiences"], campaign["large_type"])
            self.add(f"posters/campaign-{slug}.html", "print/poster-campaign.html", "poster", "活动海报",
                     campaign["title"], campaign["file"], campaign["reviewed"], large, f"campaigns/{slug}.html",
                     campaign=campaign, sources=campaign["sources"], remember=remember_heading(campaign["channels"]))
            if campaign["pledge"]:
                self.add(f"posters/pledge-{slug}.html", "print/pledge.html", "letter", "承诺书",
                         campaign["pledge"]["title"], campaign["file"], campaign["reviewed"], large, f"campaigns/{slug}.html",
                         campaign=campaign, sources=campaign["sources"], row_mm=signature_row(campaign["pledge"]["rows"]),
                         signer=signer(campaign))
            if campaign["letter_to_parents"]:
                shown = campaign["scams"][:LETTER_SCAMS]
                parent_scams = self.audience_scams(PARENTS)[:LETTER_SCAMS]
                self.add(f"posters/letter-{slug}.html", "print/letter.html", "letter", "告家长书",
                         f"致家长的一封信（{campaign['title']}）", campaign["file"],
                         oldest(campaign["reviewed"], *(s["reviewed"] for s in shown + parent_scams)), large,
                         f"campaigns/{slug}.html", campaign=campaign, short_rule=shortest(campaign["rules"]), signer=signer(campaign),
                         shown_scams=shown, parent_scams=parent_scams,
                         sources=distinct_sources([campaign] + shown + parent_scams))
        for rule in model.rules:
            self.add(f"posters/rules-{rule['id']}.html", "print/poster-rules.html", "poster", "凡是规则",
                     rule["title"], rule["file"], rule["reviewed"], web="rules.html", rule=rule)
        if model.guide:
            self.add("posters/report.html", "print/poster-report.html", "poster", "举报求助", "遇到诈骗，打哪个电话",
                     "content/channels.yaml", model.channels_reviewed, web="report.html",
                     sources=guide_sources(model))
        if model.fakes:  # drawn like a 凡是 poster: a short list to remember, with its sources under it
            self.add("posters/fakes.html", "print/poster-rules.html", "poster", "举报求助", model.fakes["title"],
                     "content/channels.yaml", model.channels_reviewed, web="report.html", rule=fakes_list(model.fakes))
        for scam in model.scams:
            self.add(f"posters/scam-{scam['slug']}.html", "print/poster-scam.html", "poster", "诈骗手法",
                     scam["title"], scam["file"], scam["reviewed"], self.is_large(scam["audiences"]),
                     f"scams/{scam['slug']}.html", scam=scam, sources=scam["sources"])

    def leaflets(self):
        model = self.model
        featured = [model.featured_rules] if model.featured_rules else []
        for audience in model.audiences:
            if audience["leaflet"] and audience["scams"]:
                scams = audience["scams"]
                parts = leaflet_parts(scams, featured, model.guide, [])
                self.add(f"leaflets/audience-{audience['id']}.html", "print/leaflet.html", "leaflet", "按人群",
                         f"防骗提醒·{audience['name']}", "content/audiences.yaml",
                         oldest(model.channels_reviewed, *(s["reviewed"] for s in scams), *(r["reviewed"] for r in featured)),
                         audience["large_type"], "scams/index.html", lead=audience["tagline"], slogan="", **parts)
        for campaign in model.campaigns:
            slug, scams = campaign["slug"], campaign["scams"]
            parts = leaflet_parts(scams, campaign["rules"], model.guide, campaign["channels"], campaign)
            self.add(f"leaflets/campaign-{slug}.html", "print/leaflet.html", "leaflet", "按活动",
                     campaign["title"], campaign["file"],
                     oldest(campaign["reviewed"], *(s["reviewed"] for s in scams), *(r["reviewed"] for r in campaign["rules"])),
                     self.is_large(campaign["audiences"], campaign["large_type"]), f"campaigns/{slug}.html",
                     campaign=campaign, slogan=campaign["slogan"], **parts)


def signer(campaign):
    """Who signs a campaign's letter and pledge sheet: its own school and class (or its own organiser),
    teacher and phone; never config.yaml's organisation. What is not given stays blank, to write in by hand."""
    signed = campaign["signed_by"] or {}
    name = "".join(part for part in (signed.get("school"), signed.get("class")) if part) or campaign["own_organiser"]
    teacher, phone = signed.get("teacher") or "", signed.get("phone") or ""
    line = [name, f"负责老师 {teacher}" if teacher else "", f"电话 {phone}" if phone else "", campaign["title"]]
    return {"name": name, "teacher": teacher, "phone": phone, "date": signed.get("date"),
            "line": " · ".join(part for part in line if part)}  # the pledge sheet's top line


def guide_sources(model):
    """What the "which number when" poster cites: channels.yaml's own sources, else in one short line the
    bodies that publish the channels it lists (each channel's own source is on the website's 举报求助 page)."""
    if model.channel_sources:
        return model.channel_sources
    publishers = dict.fromkeys(c["sources"][0]["publisher"] for row in model.guide for c in row["call"]
                               if c["sources"] and c["sources"][0]["publisher"])
    return [{"title": "、".join(publishers) + "发布的渠道说明", "date": None}] if publishers else []


def fakes_list(fakes):
    """channels.yaml's "how to spot a fake" as a list poster-rules.html can draw."""
    cited = printfit.sources_text(fakes["sources"])
    return {"title": fakes["title"], "version": "防骗提醒", "items": fakes["items"], "source": cited,
            "date": None, "date_note": "", "file": "content/channels.yaml", "reviewed": None}


def remember_heading(channels):
    """"记住这些电话" over number boxes; platforms among them (12337, the App) are not phone numbers."""
    shown = [c for c in channels if c["kind"] != "短信"]
    return "记住这些电话" if all(c["dial"] for c in shown) else "记住这些电话和渠道"


def signature_row(rows):
    """Height of a pledge sheet's signature row in mm: 12 mm to sign in, less when many rows share the page."""
    return round(min(12, 165 / rows), 1)


def shortest(rules):
    """The shortest rule list (a slogan such as 三不一多 reads best in a letter), or None."""
    return min(rules, key=lambda r: len(r["items"])) if rules else None


def distinct_sources(items):
    """Every source the items cite, each once, in order of first mention."""
    seen = {}
    for item in items:
        for source in item["sources"]:
            seen.setdefault((source["title"], source["date"]), source)
    return list(seen.values())


def leaflet_parts(scams, rules, guide, channels, campaign=None):
    """What a leaflet's panels hold (scams explained and named, rules or tips, numbers to call),
    and for each panel the file to shorten should it not fit."""
    full = len(scams) <= FEW_SCAMS
    steps_of = (lambda s: s["steps"]) if full else (lambda s: s["steps"][:1])
    # Without rule lists the flap tells what to do, so the inside need not repeat it.
    tips = [] if rules else list(dict.fromkeys(step for s in scams for step in steps_of(s)))[:MAX_TIPS]
    blocks = [{"kind": "intro", "html": campaign["html"], "weight": len(campaign["text"]), "file": campaign["file"]}
              ] if campaign and campaign["text"] else []
    for index, scam in enumerate(scams[:LEAFLET_DETAILED]):
        signs, steps = scam["signs"] if full else scam["signs"][:2], [] if tips else steps_of(scam)
        blocks.append({"kind": "scam", "scam": scam, "signs": signs, "steps": steps, "first": index == 0, "file": scam["file"],
                       "weight": BLOCK_WEIGHT + len(scam["title"] + scam["summary"] + "".join(signs + steps))})
    named = scams[LEAFLET_DETAILED:LEAFLET_DETAILED + LEAFLET_NAMED]
    if named:
        blocks.append({"kind": "named", "scams": named, "file": named[0]["file"],
                       "more": len(scams) - LEAFLET_DETAILED - len(named),
                       "weight": BLOCK_WEIGHT + 2 * len("".join(s["title"] for s in named))})
    return {
        "inside": [{"blocks": run, "source": max(run, key=lambda b: b["weight"])["file"] if run else ""}
                   for run in split_evenly(blocks, 3)],
        "flap_source": rules[0]["file"] if rules else scams[0]["file"],
        "rule_lists": rules, "tips": tips, "cover_calls": guide[:2],
        "guide": [] if channels else guide, "channels": channels,
        "sources": distinct_sources(([campaign] if campaign else []) + list(scams[:LEAFLET_DETAILED + LEAFLET_NAMED])),
    }


def split_evenly(blocks, parts):
    """Cut `blocks` into `parts` runs (in order) so the heaviest run is as light as possible."""
    if parts == 1 or len(blocks) <= 1:
        return [blocks] + [[] for _ in range(parts - 1)]
    best = None
    for cut in range(len(blocks) + 1):
        head = sum(b["weight"] for b in blocks[:cut])
        rest = split_evenly(blocks[cut:], parts - 1)
        heaviest = max([head] + [sum(b["weight"] for b in run) for run in rest])
        if best is None or heaviest < best[0]:
            best = (heaviest, [blocks[:cut]] + rest)
    return best[1]


def groups(pages, sections):
    """(section, pages) in the index's order, leaving out empty sections."""
    return [(name, [p for p in pages if p.context["section"] == name]) for name in sections
            if any(p.context["section"] == name for p in pages)]


def pages(model, ctx):
    """Every page of the print kit and its two index pages."""
    kit = Kit(model)
    kit.posters()
    posters = list(kit.pages)
    kit.leaflets()
    pdf = ctx.options.get("pdf")
    linked = bool(pdf) and not pdf.folder  # PDFs in the site's pdf/ folder: the indexes link them
    paper = "A3 纸（告家长书用 A4 纸）" if kit.paper == "A3" else "A4 纸"
    return [
        Page("posters/index.html", "print/index.html", {
            "heading": "海报、承诺书和告家长书", "groups": groups(posters, POSTER_SECTIONS), "pdf": linked,
            "other": {"href": "leaflets/index.html", "label": "三折页"},
            "howto": [f"每一份都正好印满一张{paper}。点预览下面的“打印”，或者打开一份再点左上角的“打印”。",
                      f"在打印窗口里选：{paper}，纵向，单面，边距“无”，缩放 100%（不要选“适合页面大小”）。",
                      "黑白打印机也能印清楚，不用勾选“背景图形”。"]}),
        Page("leaflets/index.html", "print/index.html", {
            "heading": "三折页", "groups": groups(kit.pages[len(posters):], LEAFLET_SECTIONS), "pdf": linked,
            "other": {"href": "posters/index.html", "label": "海报、承诺书和告家长书"},
            "howto": ["每一份是一张 A4 纸的正反两面。点预览下面的“打印”，或者打开一份再点左上角的“打印”。",
                      "在打印窗口里选：A4 纸，横向，双面打印，翻转短边（有的打印机叫“短边装订”），边距“无”，缩放 100%（不要选“适合页面大小”）。",
                      "黑白打印机也能印清楚，不用勾选“背景图形”。",
                      "折法：把印着“这些骗局要当心”的一面朝上，沿虚线先把右边较窄的一折向左折进去，再把左边一折向右盖上，封面就在外面了。"]}),
        *kit.pages,
    ]


def printable(pages):
    """The posters and leaflets (not the index pages)."""
    return [p for p in pages if p.kind in KINDS.values()]


def check(model, pages, ctx):
    """The text budget: text that would not fit its sheet even at the smallest type (never cut silently);
    and, for `build.py pdf`, a PDF folder that the next build would delete."""
    too_long = [found for page in printable(pages)
                for found in printfit.check(page.dest, page.template, page.context, model, page.context["floor_pt"])]
    found = printfit.problems(too_long)
    if ctx.options.get("pdf"):
        found += pdf_output.folder_problems(ctx.options["pdf"], ctx.output)
        try:
            pdf_output.load_weasyprint()
        except ContentError as error:
            found += error.problems
    return found


def after_render(pages, files, ctx):
    """`build.py pdf`: a PDF of every poster and leaflet, in the site's pdf/ or the chosen folder."""
    chosen = ctx.options.get("pdf")
    if not chosen:
        return [], ""
    made = pdf_output.make_pdfs(printable(pages), files, chosen)
    if chosen.folder:
        pdf_output.write_to_folder(made, chosen.folder)
        return [], f"PDF {len(made)} 份（放在 {chosen.folder}）"
    return made, f"PDF {len(made)} 份"
