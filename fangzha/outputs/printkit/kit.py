"""Which printed items exist, and what each draws on: posters, pledge sheets, letters, leaflets."""

from dataclasses import dataclass, replace
from functools import lru_cache, partial
from html import escape

import segno

from ...design import ACCENTS, accent
from ...i18n import N_, other_lang
from ...i18n import ui as _
from ...layout.budget import Owner
from ...memory import digest, inputs_key, remembered
from ...page import Page
from ...parallel import ordered_map
from . import compose, sheets

# Type size in points: (designed, smallest when shrinking to fit, largest when growing to fill),
# for normal and for large type (large_type audiences and campaigns).
TYPE = {
    "poster": {False: (15, 9, 32), True: (18, 12, 36)},
    "letter": {False: (13, 9, 15), True: (15, 11, 17)},
    "leaflet": {False: (10.5, 8, 16), True: (13, 10.5, 19)},
}
KINDS = {"posters": "poster", "leaflets": "leaflet"}
LETTER_SCAMS = 6       # scams a letter names from the campaign, and parents' scams it explains
LEAFLET_DETAILED = 6   # scams a leaflet explains; the next ones it names
LEAFLET_NAMED = 12     # scams a leaflet names; the rest it counts
FEW_SCAMS = 3          # this few scams: a leaflet gives every sign and step
QUIZ_QUESTIONS = 3     # questions in a leaflet's self-test
PARENTS = "parents"    # audience whose scams the letter to parents lists
MAX_TIPS = 10          # what-to-do tips on a leaflet's flap
BLOCK_WEIGHT = 30      # a leaflet block's heading and spacing, in characters of text

# What each printed item of a campaign's kit is for (the campaign page and the plan's 宣传材料清单 say it).
PURPOSES = {"活动海报": N_("张贴在教室、宣传栏或办事窗口"), "承诺书": N_("打印后请参加的人签名"), "告家长书": N_("打印后让学生带回家给家长"),
            "按活动": N_("双面打印、折好后发给参加的人")}


class QRCode:
    """The QR code of a page's address on the website, drawn as inline SVG only when the page
    is rendered: choosing the mask costs milliseconds a code, so it runs in the render workers."""

    def __init__(self, url):
        self.url = url
        self.short = url.split("://", 1)[-1]  # printed under the code, to type in by hand

    def __html__(self):
        return qr_svg(self.url, _("二维码："))


@lru_cache(maxsize=4096)
def qr_svg(url, label):
    """One address's code, drawn once per process (every unit's kit prints the same addresses)."""
    svg = segno.make(url, error="m").svg_inline(omitsize=True, border=4, svgclass="qr", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}{escape(url)}" ', 1)


def qr_code(base_url, dest):
    """A QRCode for `dest` on the website, or "" when config.yaml has no base_url."""
    return QRCode(base_url.rstrip("/") + "/" + dest) if base_url and dest else ""


def scam_poster(slug):
    return f"posters/scam-{slug}.html"


def campaign_poster(slug):
    return f"posters/campaign-{slug}.html"


def oldest(*dates):
    """The earliest review date among the items a sheet combines."""
    known = [d for d in dates if d]
    return min(known) if known else None


@dataclass
class Item:
    """One printed item as the kit plans it; drawn (measured and placed) later, in the render workers' pool.

    `parts` is a compose function with its content (a functools.partial: picklable, so spawned workers can
    draw it too) called with the item's QR code; `source` is the file to shorten when it cannot fit, `web`
    its page on the website, `sources` what it cites.
    """

    dest: str
    kind: str
    section: str
    label: str
    title: str
    source: str
    reviewed: object
    parts: object
    large: bool = False
    web: str = ""
    sources: tuple = ()
    accent: str = "#a3161a"
    campaign: dict = None
    about: tuple = ()
    lang: str = ""  # the lang of its content where it differs from the site's


class Kit:
    """Plans the printable items of one model, then draws them all (over the cores when there are many)."""

    def __init__(self, model, memory=None):
        self.model, self.memory = model, memory  # memory: a preview's (memory.py), or None
        self.large_names = {a["name"] for a in model.audiences if a["large_type"]}
        self.paper = model.config["print"]["paper"]
        self.items = []

    def add(self, *args, subject=None, **kwargs):
        """One item; `subject` is the content item it prints (its lang marks the page where it differs from the site's)."""
        self.items.append(Item(*args, lang=other_lang(subject, self.model.config) if subject else "", **kwargs))

    def pages(self, start=0, end=None):
        """The Pages of the items planned so far (`start`:`end`), each drawn (in a preview, only the items
        whose inputs changed since the last build: an item reads itself and the model, never a scam it
        was not given)."""
        indexes = range(start, start + len(self.items[start:end]))
        if self.memory is None:
            return [page_of(self.items[i], drawn) for i, drawn in zip(indexes, ordered_map(draw, indexes, self))]
        parts = {i: inputs_key(self.memory, self.model, self.items[i]) for i in indexes}
        keys = {i: digest("print-item", *key) if key else None for i, key in parts.items()}  # None: cannot be pickled
        todo = [i for i in indexes if not keys[i] or not self.memory.has_layout(keys[i])]  # over the cores, as without
        fresh = dict(zip(todo, ordered_map(draw, todo, self)))
        return [page_of(self.items[i], remembered(self.memory, keys[i], lambda i=i: fresh[i]) if keys[i] else fresh[i])
                for i in indexes]

    def __getstate__(self):  # what a spawned worker is sent to draw: no preview memory
        return dict(vars(self), memory=None)

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
            web = f"campaigns/{slug}.html"
            self.add(campaign_poster(slug), "poster", N_("活动海报"), N_("海报"), campaign["title"], campaign["file"],
                     campaign["reviewed"], partial(compose.campaign_poster, model, campaign), large, web,
                     campaign["sources"], accent="#a3161a", campaign=campaign, subject=campaign)
            if campaign["pledge"]:
                self.add(f"posters/pledge-{slug}.html", "letter", N_("承诺书"), N_("承诺书"), campaign["pledge"]["title"],
                         campaign["file"], campaign["reviewed"],
                         partial(compose.pledge_sheet, model, campaign, signer(campaign), signature_row(campaign["pledge"]["rows"])),
                         large, web, campaign["sources"], campaign=campaign, subject=campaign)
            if campaign["letter_to_parents"]:
                shown = campaign["scams"][:LETTER_SCAMS]
                parent_scams = self.audience_scams(PARENTS)[:LETTER_SCAMS]
                self.add(f"posters/letter-{slug}.html", "letter", N_("告家长书"), N_("告家长书"),
                         _("致家长的一封信") + compose.noted(campaign["title"]), campaign["file"],
                         oldest(campaign["reviewed"], *(s["reviewed"] for s in shown + parent_scams)),
                         partial(compose.letter, model, campaign, signer(campaign), shown, parent_scams, shortest(campaign["rules"])),
                         large, web, distinct_sources([campaign] + shown + parent_scams), campaign=campaign, subject=campaign)
        for rule in model.rules:
            self.add(f"posters/rules-{rule['id']}.html", "poster", N_("凡是规则"), "海报", rule["title"], rule["file"],
                     rule["reviewed"], partial(compose.rules_poster, model, rule), web="rules.html",
                     sources=[{"title": uncited(compose.cited(rule)), "date": None}], accent=ACCENTS["rules"], subject=rule)
        if model.guide:
            title = _("遇到诈骗，打哪个电话")
            self.add("posters/report.html", "poster", N_("举报求助"), "海报", title, "content/channels.yaml",
                     model.channels_reviewed, partial(compose.report_poster, model, title),
                     web="report.html", sources=guide_sources(model), accent=ACCENTS["report"])
        if model.fakes:  # drawn like a 凡是 poster: a short list to remember, with its sources under it
            fakes = fakes_list(model.fakes)
            self.add("posters/fakes.html", "poster", "举报求助", "海报", fakes["title"], "content/channels.yaml",
                     model.channels_reviewed, partial(compose.rules_poster, model, fakes, "badge-alert"),
                     web="report.html", sources=model.fakes["sources"], accent=ACCENTS["report"])
        for scam in model.scams:
            self.add(scam_poster(scam["slug"]), "poster", N_("诈骗手法"), "海报", scam["title"], scam["file"],
                     scam["reviewed"], partial(compose.scam_poster, model, scam),
                     self.is_large(scam["audiences"]), f"scams/{scam['slug']}.html", scam["sources"],
                     accent=accent(scam["category"]), about=((("scam", scam["slug"]), ""),), subject=scam)

    def leaflets(self):
        model = self.model
        featured = [model.featured_rules] if model.featured_rules else []
        for audience in model.audiences:
            if audience["leaflet"] and audience["scams"]:
                scams = audience["scams"]
                item = leaflet_item(model, scams, featured, [], None, _("防骗提醒·%(audience)s") % {"audience": audience["name"]}, "",
                                    audience["tagline"], "content/audiences.yaml", "users")
                self.add(f"leaflets/audience-{audience['id']}.html", "leaflet", N_("按人群"), N_("折页"), item["title"],
                         "content/audiences.yaml", oldest(model.channels_reviewed, *(s["reviewed"] for s in scams),
                                                          *(r["reviewed"] for r in featured)),
                         partial(compose.leaflet_panels, model, item), audience["large_type"],
                         "scams/index.html")
        for campaign in model.campaigns:
            slug, scams = campaign["slug"], campaign["scams"]
            item = leaflet_item(model, scams, campaign["rules"], campaign["channels"], campaign, campaign["title"],
                                campaign["slogan"], "", campaign["file"], "megaphone")
            self.add(f"leaflets/campaign-{slug}.html", "leaflet", N_("按活动"), "折页", campaign["title"], campaign["file"],
                     oldest(campaign["reviewed"], *(s["reviewed"] for s in scams), *(r["reviewed"] for r in campaign["rules"])),
                     partial(compose.leaflet_panels, model, item),
                     self.is_large(campaign["audiences"], campaign["large_type"]), f"campaigns/{slug}.html", campaign=campaign,
                     subject=campaign)


def draw(kit, index):
    """One item measured and placed on its sheets: its template context (blocks without their owners, which
    only the budget needs), what does not fit, and its paper. Runs in a worker; touches nothing shared."""
    item, model = kit.items[index], kit.model
    folder = item.dest.split("/", 1)[0]
    size, smallest, largest = TYPE[item.kind][item.large]
    low, high = round(smallest / size, 3), round(largest / size, 3)
    qr = qr_code(model.config["base_url"], item.web)
    if folder == "leaflets":
        drawn, over, sheet = sheets.leaflet(item.parts(qr=qr), size, low, high)
        paper, page_count = "A4", 2
    else:
        paper = kit.paper if item.kind == "poster" or item.label == "承诺书" else "A4"  # the letter goes home in a schoolbag
        foot = compose.foot(model.config, item.sources, item.reviewed, qr, Owner(item.source, "sources"))
        page, over, sheet = sheets.portrait(item.parts(qr=qr), foot, size, low, high, paper)
        drawn, page_count = [page], 1
    too_long = [settled(found) for found in sheets.problems_of(over, item.label, item.dest)]
    for side in drawn:
        side["css"] += f";--accent:{item.accent}"
        for region in side["placed"]:
            unowned(region["blocks"])
    return {"sheets": drawn, "too_long": too_long, "size": size, "low": low, "high": high, "paper": paper,
            "page_size": sheet.page_size(), "sheet_size": sheet.size(), "page_count": page_count, "folder": folder}


def settled(found):
    """A TooLong whose owner keeps its line but not the whole item (it travels back from a worker)."""
    return replace(found, owner=Owner(found.owner.path, found.owner.field, known_line=found.owner.line))


def unowned(blocks):
    """Blocks without their owners: the template draws them, it need not know who wrote them."""
    for block in blocks:
        block.pop("owner", None)
        for inner in block.get("columns", ()):
            unowned(inner)
        if block["type"] == "foot":
            unowned(block["lines"])


def page_of(item, drawn):
    """The Page of a drawn item."""
    folder, paper = drawn["folder"], drawn["paper"]
    context = {
        "title": item.title, "section": item.section, "source": item.source, "folder": folder, "sheets": drawn["sheets"],
        "type_pt": drawn["size"], "min_fit": drawn["low"], "max_fit": drawn["high"], "paper": paper,
        "page_size": drawn["page_size"], "pdf_dest": f"pdf/{item.dest[:-5]}.pdf",
        "thumb": "leaflet" if folder == "leaflets" else ("a3" if paper == "A3" else "portrait"),
        "too_long": drawn["too_long"], "settings": settings(folder, paper), "lang": item.lang,
    }
    if item.campaign:
        context["campaign"] = item.campaign
    kit_label = {"活动海报": N_("宣传海报"), "按活动": N_("三折页")}.get(item.section, item.section)
    return Page(item.dest, "print/item.html", context, kit_of=item.campaign["slug"] if item.campaign else "",
                label=_(kit_label), purpose=_(PURPOSES[item.section]) if item.section in PURPOSES else "", kind=KINDS[folder], size=drawn["sheet_size"],
                sheets=drawn["page_count"], about=item.about)


def leaflet_item(model, scams, rules, channels, campaign, title, slogan, lead, source, icon):
    """What a leaflet's panels hold: scams explained and named, a self-test, rules or tips, numbers to call."""
    full = len(scams) <= FEW_SCAMS
    steps_of = (lambda s: s["steps"]) if full else (lambda s: s["steps"][:1])
    # Without rule lists the flap tells what to do, so the inside need not repeat it.
    tips = [] if rules else list(dict.fromkeys(step for s in scams for step in steps_of(s)))[:MAX_TIPS]
    parts = []
    if campaign and campaign["text"]:
        parts.append({"kind": "intro", "paragraphs": compose.paragraphs(campaign["html"]), "weight": len(campaign["text"])})
    for index, scam in enumerate(scams[:LEAFLET_DETAILED]):
        signs, steps = scam["signs"] if full else scam["signs"][:2], [] if tips else steps_of(scam)
        parts.append({"kind": "scam", "scam": scam, "signs": signs, "steps": steps,
                      "first": index == 0, "weight": BLOCK_WEIGHT + len(scam["title"] + scam["summary"] + "".join(signs + steps))})
    named = scams[LEAFLET_DETAILED:LEAFLET_DETAILED + LEAFLET_NAMED]
    if named:
        parts.append({"kind": "named", "scams": named, "more": len(scams) - LEAFLET_DETAILED - len(named),
                      "weight": BLOCK_WEIGHT + 2 * len("".join(s["title"] for s in named))})
    questions = [dict(q, owner=Owner(s["file"], "quiz", s)) for s in scams for q in s["quiz"]][:QUIZ_QUESTIONS]
    if questions:
        parts.append({"kind": "quiz", "questions": questions,
                      "weight": BLOCK_WEIGHT + sum(len(q["question"] + "".join(q["options"])) for q in questions)})
    facts = compose.campaign_facts(campaign, "date", "place", "organiser") if campaign else []
    return {
        "title": title, "slogan": slogan, "lead": lead, "facts": facts, "subject": campaign, "source": source,
        "icon": icon, "inside": split_evenly(parts, 3),
        "flap_source": rules[0]["file"] if rules else scams[0]["file"],
        "rule_lists": rules, "tips": tips,
        "cover_calls": model.guide[:2], "guide": [] if channels else model.guide, "channels": channels,
        "sources": distinct_sources(([campaign] if campaign else []) + list(scams[:LEAFLET_DETAILED + LEAFLET_NAMED])),
        "reviewed": oldest(model.channels_reviewed, *(s["reviewed"] for s in scams)),
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


def settings(folder, paper):
    """The print settings shown over the sheets."""
    if folder == "leaflets":
        return _("打印设置：A4 纸，横向，双面打印、短边翻转，边距选“无”，缩放 100%（不要选“适合页面大小”）。"
                 "印好后沿虚线折成三折，封面朝外。")
    return _("打印设置：%(paper)s 纸，纵向，单面，边距选“无”，缩放 100%%（不要选“适合页面大小”）。") % {"paper": paper}


def signer(campaign):
    """Who signs a campaign's letter and pledge sheet: its own school and class (or its own organiser),
    teacher and phone; never config.yaml's organisation. What is not given stays blank, to write in by hand."""
    signed = campaign["signed_by"] or {}
    name = "".join(part for part in (signed.get("school"), signed.get("class")) if part) or campaign["own_organiser"]
    teacher, phone = signed.get("teacher") or "", signed.get("phone") or ""
    line = [name, _("负责老师 %(teacher)s") % {"teacher": teacher} if teacher else "",
            _("电话 %(phone)s") % {"phone": phone} if phone else "", campaign["title"]]
    return {"name": name, "teacher": teacher, "phone": phone, "date": signed.get("date"),
            "line": " · ".join(part for part in line if part)}  # the pledge sheet's top line


def guide_sources(model):
    """What the "which number when" poster cites: channels.yaml's own sources, else in one short line the
    bodies that publish the channels it lists (each channel's own source is on the website's 举报求助 page)."""
    if model.channel_sources:
        return model.channel_sources
    publishers = dict.fromkeys(c["sources"][0]["publisher"] for row in model.guide for c in row["call"]
                               if c["sources"] and c["sources"][0]["publisher"])
    return [{"title": _("%(publishers)s发布的渠道说明") % {"publishers": _("、").join(publishers)}, "date": None}] if publishers else []


def fakes_list(fakes):
    """channels.yaml's "how to spot a fake" as a list the rules poster can draw."""
    return {"title": fakes["title"], "version": _("防骗提醒"), "items": fakes["items"], "file": "content/channels.yaml",
            "source": "", "date": None, "date_note": "", "cited": compose.from_line(compose.sources_text(fakes["sources"])),
            "reviewed": None}


def uncited(line):
    """A source line without its 出处： (the foot says it again), in either language."""
    for said in ("出处：", _("出处："), "Source: "):
        line = line.removeprefix(said)
    return line


def signature_row(rows):
    """Height of a pledge sheet's signature row in mm: 12 mm to sign in, less when many rows share the page."""
    height = round(min(12, 140 / rows), 1)
    return int(height) if height == int(height) else height


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
