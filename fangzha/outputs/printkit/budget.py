"""The print kit's text budget: does each printed item's text fit its fixed space at the smallest type?

A printable page is drawn on sheets of fixed size, in fixed regions (a poster's body and footer,
a leaflet's six panels). assets/print.js scales the type to fill them, never below a legible
floor, so text that does not fit at the floor would be cut off. The build measures each region
at the floor here, laid out as assets/print.css lays it out, with the estimator the slides use
(fit.py's character widths; Latin words wrapped whole), and the build fails naming the file,
the field and about how many characters to cut. The estimate errs on the long side (margins
added in full, never collapsed), so what passes here fits in the browser: tests/test_print_budget.py
holds the two together. Only arithmetic on the text runs here, no layout engine: it stays cheap.

Sizes are in points; `s` is a region's base type size at the floor. Change print.css's sizes
and this file's together.
"""

import functools
import html as html_lib
import math
import re
from dataclasses import dataclass, field as dataclass_field

from ...problems import Problem
from ...layout.fit import paragraph_ems, wrapped_line_count

MM = 72 / 25.4  # points in a millimetre

BODY = (184, 233)              # .pr-body of a portrait page: 210 − 2 × 13 mm wide, 233 mm high
FOOT = (184, 32 - .6 - 2.5)    # .pr-foot: 32 mm high, less its rule and padding
FOOT_PT, FOOT_LINE = 9, 1.45   # the footer's type does not scale
QR_COLUMN, QR_GAP, QR_CODE = 40, 4, 18.8  # footer QR column, gap to the text, code and the space under it (mm)
QR_PT, QR_LINE = 6.5, 1.25     # the caption and address under a QR code
PANEL_HEIGHT = 192             # a leaflet panel: 210 − 2 × 9 mm
PANEL_PAD = 16.2               # 2 × 8 mm padding and the dashed fold line
PANEL_QR = 23                  # QR code on a leaflet's back panel and the space under it (mm)
SIGN_HEAD = 8                  # pledge table: header row (mm)


@dataclass(frozen=True)
class Owner:
    """Where printed text comes from: the file and field to shorten (`item` gives the field's line)."""

    path: str
    field: str = ""
    item: object = dataclass_field(default=None, compare=False)  # the checked dict: its key_lines say where each field is

    @property
    def line(self):
        return getattr(self.item, "key_lines", {}).get(self.field.split(".")[0], 0)


def owner(item, field_name):
    """(file, field, checked item): who wrote a piece of text (an Owner, made only when blaming)."""
    return item["file"], field_name, item


@functools.lru_cache(maxsize=8192)
def lines(text, size, width):
    """fit.wrapped_line_count, remembered: footers and phone numbers repeat on every page."""
    return wrapped_line_count(text, size, width)


class Column:
    """Text stacked in one column of fixed width: its height and, when `blame` is set, how many
    characters each (file, field) put there (counted only for a page already found too long)."""

    __slots__ = ("width", "s", "height", "chars", "whose")

    def __init__(self, width, s, blame=False):
        self.width, self.s, self.height = width, s, 0.0
        self.chars, self.whose = ({}, {}) if blame else (None, None)

    def count(self, who, text):
        if self.chars is not None and who is not None and text:
            key = who[:2]
            self.chars[key] = self.chars.get(key, 0) + len(text)
            self.whose[key] = who[2]

    def owners(self):
        """{Owner: characters} of what was counted."""
        return {Owner(path, field, self.whose[path, field]): n for (path, field), n in self.chars.items()}

    def space(self, ems=0.0, mm=0.0):
        self.height += ems * self.s + mm * MM

    def text(self, text, who=None, em=1.0, line=1.5, indent=0.0):
        """A paragraph at `em` times the base size, narrowed by `indent` base ems."""
        if self.chars is not None:
            self.count(who, text)
        size = em * self.s
        self.height += lines(text, size, self.width - indent * self.s) * size * line

    def heading(self, text, who=None, level=2, first=False):
        """h1, h2, h3 as `.pr-sheet` styles them."""
        em, line, top, bottom = HEADINGS[level]
        self.space((0 if first else top * em) + bottom * em)
        self.text(text, who, em, line)

    def items(self, texts, who=None, em=1.0, indent=1.4, gap=.18):
        """A list: every item a paragraph, indented for its marker, with its margins."""
        if self.chars is not None:
            for text in texts:
                self.count(who, text)
        size, width = em * self.s, self.width - indent * em * self.s
        self.height += sum(lines(text, size, width) for text in texts) * size * 1.5 + len(texts) * 2 * gap * size

    def org(self, text, who=None):
        """.pr-org: a small line over a rule."""
        self.text(text, who, .9)
        self.space(.3 * .9, .4)

    def box(self, title, texts, who, border):
        """.pr-box: a bordered box with a heading and a list."""
        width, self.width = self.width, self.width - 1.8 * self.s - 2 * border * MM
        self.space(.8 + .2 + .6 + .4 * 1.2, 2 * border)  # margin, padding, the heading's smaller margin
        self.heading(title, first=True)
        self.items(texts, who)
        self.width = width

    def numbers(self, channels, who, top=.8):
        """.pr-numbers: number boxes two a row, the number large (a platform's name smaller) and when
        to call it small; then a line for each SMS service (parts.sms_lines)."""
        boxes = [c for c in channels if c["kind"] != "短信"]
        self.height += number_rows(tuple((c["dial"], c["label"], c["when"]) for c in boxes), self.width, self.s, top)
        for c in boxes:
            self.count(who, c["when"])
        self.sms_lines(channels, who)

    def sms_lines(self, channels, who):
        """.pr-sms: what to do when an SMS service's message comes."""
        for c in channels:
            if c["kind"] == "短信":
                self.space(.8 * .95)
                self.text(f"{c['name']}（只发短信，不用回拨）：{c['when']}", who, .95)

    def chips(self, titles, who):
        """.pr-chips: outlined labels packed into rows."""
        rows, used, gap = 0, 0.0, .3 * self.s
        for title in titles:
            self.count(who, title)
            width = (paragraph_ems(str(title)) + 1.4) * self.s + .8 * MM
            if rows and used + gap + width <= self.width * .97:
                used += gap + width
            else:
                rows, used = rows + 1, width
        self.height += rows * (1.6 * self.s + .8 * MM) + max(0, rows - 1) * gap

    def facts(self, pairs, who):
        """.pr-facts: a label column and a value column."""
        label = max((paragraph_ems(k) for k, _ in pairs), default=0) + .8
        self.space(.6 + .1 * len(pairs))
        for _, value in pairs:
            self.text(value, who, indent=label)


HEADINGS = {1: (2.3, 1.2, .15, .3), 2: (1.2, 1.3, .9, .35), 3: (1.08, 1.3, .7, .2)}


@functools.lru_cache(maxsize=256)
def number_rows(channels, width, s, top):
    """Height of .pr-numbers for (number, name, when) channels (remembered: most pages show the same ones)."""
    inner = (width - .8 * s) / 2 - 1.2 * s - 1.4 * MM
    heights = []
    for number, name, when in channels:
        size = (1.9 if number else 1.3) * s
        heights.append(lines(number or name, size, inner) * size * 1.15 + lines(when, .82 * s, inner) * .82 * s * 1.35
                       + .4 * s + 1.4 * MM)
    rows = [max(heights[i:i + 2]) for i in range(0, len(heights), 2)]
    return sum(rows) + (top + .4 * max(0, len(rows) - 1)) * s


@dataclass
class Region:
    """One fixed space on a printed item: its name for messages, its height, and what was put in it."""

    name: str
    room: float
    column: Column

    @property
    def over(self):
        return self.column.height - self.room


def body(s, blame, width=BODY[0], height=BODY[1], name=""):
    return Region(name, height * MM, Column(width * MM, s, blame))


def facts_of(campaign, organiser=False, audiences=False):
    pairs = [("时间", campaign["date_text"]), ("地点", campaign["place"])]
    pairs += [("主办", campaign["organiser"])] if organiser else []
    pairs += [("对象", "、".join(campaign["audiences"]))] if audiences else []
    return [(k, v) for k, v in pairs if v]


def contact_text(config):
    """The footer's local line, as parts.contact_line prints it."""
    c = config["contact"] or {}
    text = config["organisation"]
    if c.get("phone"):
        text += f" · {c.get('name') or '联系电话'} {c['phone']}"
    if c.get("address"):
        text += f" · {c['address']}"
    if c.get("police_station"):
        text += f" · {c['police_station']} {c.get('police_phone') or ''}"
    return text


CALLS = "钱已转出，立即拨打 110；拿不准是不是诈骗，拨打 96110 咨询。"
REVIEWED = "内容最近审核：2026年11月27日"


def cn_date(day):
    """As the templates' cndate filter writes a date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def sources_text(sources):
    return "；".join(s["title"] + (f"（{cn_date(s['date'])}）" if s["date"] else "") for s in sources)


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre)>")
TAG = re.compile(r"<[^>]+>")


def paragraphs(html):
    """The text of each block of a Markdown body's HTML."""
    return [text for text in (" ".join(html_lib.unescape(TAG.sub(" ", part)).split()) for part in BLOCK_END.split(html)) if text]


def foot(ctx, config, blame=False):
    """The portrait page's footer: the QR column (code and address) and four lines of small print."""
    qr = ctx["qr"]
    sources = "出处：" + sources_text(ctx["sources"]) if ctx["sources"] else ""
    width = (FOOT[0] - (QR_COLUMN + QR_GAP if qr else 0)) * MM
    if blame:
        column = Column(width, FOOT_PT, True)
        fill_foot(column, contact_text(config), sources, ("config.yaml", "contact", config),
                  (ctx["source"], "sources", subject_of(ctx)))
    else:  # the same on almost every page: measured once
        column = Column(width, FOOT_PT)
        column.height = foot_height(width, contact_text(config), sources)
    regions = [Region("页脚", FOOT[1] * MM, column)]
    if qr:
        code = Region("二维码下的网址", FOOT[1] * MM, Column(QR_COLUMN * MM, QR_PT, blame))
        code.column.space(mm=QR_CODE)
        code.column.text("网页版：" + qr.short, ("config.yaml", "base_url", config), line=QR_LINE)
        regions.append(code)
    return regions


def fill_foot(column, contact, sources, contact_owner=None, sources_owner=None):
    column.text(contact, contact_owner, line=FOOT_LINE)
    column.text(CALLS, line=FOOT_LINE)
    if sources:
        column.text(sources, sources_owner, line=FOOT_LINE)
    column.text(REVIEWED, line=FOOT_LINE)


@functools.lru_cache(maxsize=256)
def foot_height(width, contact, sources):
    column = Column(width, FOOT_PT)
    fill_foot(column, contact, sources)
    return column.height


def scam_poster(ctx, config, s, blame=False):
    scam = ctx["scam"]
    region = body(s, blame)
    c = region.column
    c.org(f"{config['organisation']} · 防骗提醒")
    c.heading(scam["title"], owner(scam, "title"), 1)
    c.text(scam["summary"], owner(scam, "summary"), 1.25, 1.45)
    c.box("警惕信号", scam["signs"], owner(scam, "signs"), .5)
    c.box("遇到了怎么办", scam["steps"], owner(scam, "steps"), .9)
    remember = next((r for r in scam["rules"] if r["text"]), None)
    if remember:
        c.space(.8 * 1.1)
        c.text(f"记住：{remember['text']}（{remember['list']['title']}第 {remember['number']} 条）", owner(scam, "rules"), 1.1)
    c.numbers(scam["call"], owner(scam, "call"))
    return [region]


def rules_poster(ctx, config, s, blame=False):
    rule = ctx["rule"]
    region = body(s, blame)
    c = region.column
    c.org(f"{config['organisation']} · 防骗提醒")
    c.text(rule["version"], owner(rule, "version"), .95)
    c.heading(rule["title"], owner(rule, "title"), 1)
    c.items(rule["items"], owner(rule, "items"), 1.12, 1.8, .4)
    c.space(.4 * .78)
    c.text(rule_source(rule), owner(rule, "source"), .78)
    return [region]


def rule_source(rule):
    return f"出处：{rule['source']}，{cn_date(rule['date'])}（{rule['date_note']}）"


def report_poster(ctx, config, s, blame=False, guide=()):
    region = body(s, blame)
    c = region.column
    who = ("content/channels.yaml", "guide", None)
    c.org(f"{config['organisation']} · 防骗提醒")
    c.heading(ctx["title"], level=1)
    advice = c.width - (8.5 + 5.6 * 1.15 + 1.2) * s
    for row in guide:
        calls = " / ".join(ch["label"] for ch in row["call"])
        c.count(who, row["situation"] + calls + row["advice"])
        c.height += max(lines(row["situation"], s, 8.5 * s) * 1.5 * s,
                        lines(calls, 1.15 * s, 5.6 * 1.15 * s) * 1.15 * 1.5 * s,
                        lines(row["advice"], s, advice) * 1.5 * s) + .7 * s + .3 * MM
    contact = config["contact"] or {}
    local = [f"{contact.get('police_station')}：{contact.get('police_phone')}" if contact.get("police_station") else "",
             f"{contact.get('name')}：{contact.get('phone')}（{contact.get('address')}）" if contact.get("name") else ""]
    if any(local):
        c.box("本地联系", [t for t in local if t], ("config.yaml", "contact", config), .5)
    return [region]


def campaign_poster(ctx, config, s, blame=False):
    campaign = ctx["campaign"]
    region = body(s, blame)
    c = region.column
    c.org(campaign["organiser"], owner(campaign, "organiser"))
    c.text(campaign["format"], em=.95)
    if campaign["slogan"]:
        c.space((.3 + .2) * 3)
        c.text(campaign["slogan"], owner(campaign, "slogan"), 3, 1.2)
    c.heading(campaign["title"], owner(campaign, "title"), 1)
    c.facts(facts_of(campaign, audiences=True), owner(campaign, "place"))
    c.heading("当心这些骗局")
    c.chips([x["title"] for x in campaign["scams"]], owner(campaign, "scams"))
    if campaign["channels"]:
        c.heading(ctx["remember"])
        c.numbers(campaign["channels"], owner(campaign, "channels"))
    return [region]


def pledge_sheet(ctx, config, s, blame=False):
    campaign = ctx["campaign"]
    pledge = campaign["pledge"]
    region = body(s, blame)
    c = region.column
    c.org(ctx["signer"]["line"], owner(campaign, "signed_by"))
    c.heading(pledge["title"], owner(campaign, "pledge.title"), 1)
    if campaign["slogan"]:
        c.text("主题：" + campaign["slogan"], owner(campaign, "slogan"), 1.3)
        c.space(.3 * 1.3)
    c.text(pledge["text"], owner(campaign, "pledge.text"), 1.25, 1.45)
    c.space(.8, SIGN_HEAD + pledge["rows"] * ctx["row_mm"] + (pledge["rows"] + 2) * .3)  # the table and its lines
    return [region]


def letter(ctx, config, s, blame=False):
    campaign = ctx["campaign"]
    region = body(s, blame)
    c = region.column
    gap = .45 * 2  # .pr-letter p margins
    c.heading("致家长的一封信", level=1)
    c.space(gap)
    c.text("尊敬的家长：")
    when = (f"于{campaign['date_text']}" if campaign["date_text"] else "") + (f"在{campaign['place']}" if campaign["place"] else "")
    theme = f"，主题是“{campaign['slogan']}”" if campaign["slogan"] else ""
    c.space(gap)
    c.text("\u3000\u3000您好！电信网络诈骗的手法不断翻新，学生和家长都可能成为骗子的目标。为了提高孩子的防骗意识，"  # text-indent 2em
           f"{ctx['signer']['name'] or '我们'}{when}开展“{campaign['title']}”{theme}。请您和我们一起，帮孩子守好钱袋子：", owner(campaign, "title"))
    named = "、".join(x["title"] for x in ctx["shown_scams"])
    c.items([f"和孩子聊一聊这次讲到的骗局：{named}等 {len(campaign['scams'])} 种。"], owner(campaign, "scams"))
    rule = ctx["short_rule"]
    if rule:
        c.items([f"叮嘱孩子记住“{rule['title']}”：{'，'.join(rule['items'])}。"], owner(rule, "items"))
    if ctx["parent_scams"]:
        c.items(["骗子也会找上家长，请当心："])
        for x in ctx["parent_scams"]:
            c.items([f"{x['title']}：{x['summary']}怎么办：{x['steps'][0]}。"], owner(x, "summary"), indent=2.8)
    c.items(["记住两个电话：" + CALLS.replace("钱已转出", "钱已经转出")])
    signer, blank = ctx["signer"], "\u3000" * 7  # .pr-blank: 7em wide
    ask = f"有任何疑问，请联系{signer['teacher'] or '班主任'}" + (f"（电话 {signer['phone']}）" if signer["phone"] else "") + "。"
    c.space(gap)
    c.text("\u3000\u3000" + ask + "更多防骗知识，请扫描下方二维码查看。感谢您的支持与配合！", owner(campaign, "signed_by"))
    signature(c, signer, blank, owner(campaign, "signed_by"))
    c.space(1 + .3, .4)  # the tear-off slip: a dashed line, a note, a heading, three lines
    c.text("（请沿虚线剪下回执，由孩子交回班主任）", em=.82)
    c.space(.3 * .82)
    c.heading("回　执", first=True)
    for line in ("我已阅读《致家长的一封信》，会和孩子一起学习防骗知识。", "学生姓名 " + "\u3000" * 7 + "　班级 " + "\u3000" * 7,
                 "家长签名 " + "\u3000" * 7 + "　日期 " + "\u3000" * 7):
        c.space(gap)
        c.text(line)
    return [region]


STAMP = 26  # the letter's stamp circle (mm), and the gap beside it
STAMP_GAP = 4


def signature(c, signer, blank, who):
    """.pr-sign-off: the stamp circle, and beside it who signs, teacher and phone, and the date (right-aligned)."""
    width = c.width - (STAMP + STAMP_GAP) * MM
    lines_of = [signer["name"] or "学校、班级：" + blank,
                f"班主任：{signer['teacher'] or blank}\u3000电话：{signer['phone'] or blank}",
                cn_date(signer["date"]) if signer["date"] else "\u3000" * 4 + "年\u3000\u3000月\u3000\u3000日"]
    written = sum(lines(text, c.s, width) for text in lines_of) * c.s * 1.5 + len(lines_of) * 2 * .2 * c.s
    for text in lines_of:
        c.count(who, text)
    c.space(.6)
    c.height += max(written, STAMP * MM)


def leaflet(ctx, config, s, blame=False):
    """The six panels: cover, flap, back (outside), and the three inside."""
    def panel(name, width_mm):
        return body(s, blame, width_mm - PANEL_PAD, PANEL_HEIGHT, name)

    campaign = ctx.get("campaign")
    subject = campaign or {"file": ctx["source"]}
    cover = panel("封面", 100)
    c = cover.column
    c.org(config["organisation"])
    c.space((1.2 + .3) * 2.1)  # .pr-cover h1
    c.text(ctx["title"], owner(subject, "title"), 2.1, 1.2)
    if ctx["slogan"]:
        c.space((.3 + .2) * 1.6)
        c.text(ctx["slogan"], owner(subject, "slogan"), 1.6, 1.2)
    if campaign:
        c.facts(facts_of(campaign, organiser=True), owner(campaign, "organiser"))
    elif ctx["lead"]:
        c.text(ctx["lead"], (ctx["source"], "tagline", None), 1.25, 1.45)
    c.numbers([{"kind": "电话", "dial": " / ".join(ch["label"] for ch in row["call"]), "label": "", "when": row["situation"]}
               for row in ctx["cover_calls"]], ("content/channels.yaml", "guide", None), 1.4)

    flap = panel("外面左栏", 97)
    c = flap.column
    for index, rule in enumerate(ctx["rule_lists"]):
        c.heading(rule["title"], owner(rule, "title"), first=index == 0)
        c.items(rule["items"], owner(rule, "items"), 1, 1.8, .4)
        c.space(.4 * .78)
        c.text(rule_source(rule), owner(rule, "source"), .78)
    if not ctx["rule_lists"]:
        c.heading("遇到了怎么办", first=True)
        c.items(ctx["tips"], (ctx["flap_source"], "steps", None))

    back = panel("外面中栏", 100)
    c = back.column
    c.heading("该打哪个电话", first=True)
    guide_owner = ("content/channels.yaml", "guide", None)
    rows = [f"{ch['label']} {ch['when']}" for ch in ctx["channels"] if ch["kind"] != "短信"]
    rows += [f"{row['situation']}：{' / '.join(ch['label'] for ch in row['call'])}" for row in ctx["guide"]]
    for row in rows:
        c.space(.6, .3)
        c.text(row, guide_owner, 1.25)
    c.sms_lines(ctx["channels"], guide_owner)
    c.text(contact_text(config), ("config.yaml", "contact", config), .82)
    if ctx["qr"]:
        c.space(.8, PANEL_QR)
        c.text("扫码看网站：" + ctx["qr"].short, ("config.yaml", "base_url", config), QR_PT / s, QR_LINE)
    c.text("资料来源：" + sources_text(ctx["sources"]), (ctx["source"], "sources", subject_of(ctx)), .82)
    c.text(REVIEWED)

    regions = [cover, flap, back]
    for number, run in enumerate(ctx["inside"], start=1):
        region = panel(f"里面第 {number} 栏", 97 if number == 3 else 100)
        c = region.column
        for block in run["blocks"]:
            if block["kind"] == "intro":
                c.heading("关于这次活动", first=c.height == 0)
                c.space(.8)
                for paragraph in paragraphs(campaign["html"]):
                    c.space(.8)
                    c.text("\u3000\u3000" + paragraph, owner(campaign, "正文"))  # text-indent 2em
            elif block["kind"] == "scam":
                scam = block["scam"]
                if block["first"]:
                    c.heading("这些骗局要当心", first=c.height == 0)
                c.space((.3 + .2) * 1.08)
                c.text(scam["title"], owner(scam, "title"), 1.08, 1.3)
                parts = [(scam["summary"], "summary"), ("警惕：" + "；".join(block["signs"]), "signs")]
                parts += [("怎么办：" + "；".join(block["steps"]), "steps")] if block["steps"] else []
                for text, field_name in parts:
                    c.space(.3)
                    c.text(text, owner(scam, field_name))
                c.space(.5)
            else:
                c.heading("还要当心", first=c.height == 0)
                c.chips([x["title"] for x in block["scams"]], owner(block["scams"][0], "title"))
                c.text("另外还有 99999 种。每种骗局的详细讲解，见网站的“诈骗手法”栏目。", em=.82)
        regions.append(region)
    return regions


def subject_of(ctx):
    """The checked item a printed page is about (its key_lines give a field's line)."""
    return next((ctx[k] for k in ("scam", "rule", "campaign") if k in ctx), None)


MEASURES = {
    "print/poster-scam.html": ("海报", scam_poster),
    "print/poster-rules.html": ("海报", rules_poster),
    "print/poster-report.html": ("海报", report_poster),
    "print/poster-campaign.html": ("海报", campaign_poster),
    "print/pledge.html": ("承诺书", pledge_sheet),
    "print/letter.html": ("告家长书", letter),
    "print/leaflet.html": ("折页", leaflet),
}


def regions(template, ctx, model, smallest, blame=False):
    """Every fixed space of one printable page, filled with its text at the smallest type."""
    measure = MEASURES[template][1]
    if measure is report_poster:
        found = report_poster(ctx, model.config, smallest, blame, model.guide)
    else:
        found = measure(ctx, model.config, smallest, blame)
    return found if template == "print/leaflet.html" else found + foot(ctx, model.config, blame)


@dataclass(frozen=True)
class TooLong:
    """Text that does not fit: who wrote the most of it, where, and about how many characters too many."""

    owner: Owner
    label: str   # 海报, 承诺书, 告家长书, 折页
    dest: str
    region: str
    chars: int


def check(dest, template, ctx, model, smallest):
    """A TooLong for each space of the page whose text does not fit even at the smallest type.

    Measured once, cheaply; only a page found too long is measured again, counting who wrote what.
    """
    if all(region.over <= 0 for region in regions(template, ctx, model, smallest)):
        return []
    found = []
    for region in regions(template, ctx, model, smallest, blame=True):
        if region.over > 0:
            column = region.column
            written = column.owners()
            blamed = max(written, key=written.get) if written else Owner("config.yaml")
            # the overflow's area, in characters of the region's base type
            chars = math.ceil(region.over / (column.s * 1.5) * column.width / column.s)
            found.append(TooLong(blamed, MEASURES[template][0], dest, region.name, chars))
    return found


def problems(found):
    """One line per cause: `file:line: field: 海报「…」放不下：多了约 N 个字，请删减。`

    Text written once and printed on many items (a long address in config.yaml) is one problem, not one per item.
    """
    causes = {}
    for item in found:
        causes.setdefault((item.owner, item.label, item.region), []).append(item)
    out = []
    for (owner, label, region), items in causes.items():
        more = f"等 {len(items)} 份" if len(items) > 1 else ""
        where = f"的{region}" if region else ""
        chars = max(item.chars for item in items)
        out.append(Problem(owner.path, owner.line, owner.field,
                           f"{label}「{items[0].dest}」{more}{where}放不下：多了约 {chars} 个字，请删减。"))
    return out
