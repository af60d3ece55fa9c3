"""The A5 booklet (宣传册): its pages in reading order, each a small sheet of parts, and its page numbers.

Cover, contents (with the page each section starts on), a spread per scam (how it works on the
left, the signs, steps and numbers on the right), the rule lists, which number when, the channels,
the local contacts, pages to write numbers in (so the count is a multiple of four, as a
saddle-stitched booklet needs), the back cover. Text never flows from page to page, so every page
number is known before anything is drawn.
"""

import math

from ... import icons
from ...design import icon_of
from ...i18n import shown
from ...i18n import ui as _
from ...layout.budget import Owner, owner
from ...layout.place import Part
from ..printkit import compose as kit
from .formats import Shape

A5 = Shape(148, 210, 148)
NUMBER_PT = 9       # the page number's size
CONTENTS_LINES = {False: 16, True: 12}  # entries on one contents page (normal, large type)
NOTE_ROWS = 9       # rows of a page to write numbers in
GUIDE = "content/channels.yaml"


def number_part(number):
    return Part("页码", "page-foot", [kit.text("page_no", f"— {number} —")], fixed_type=True, base=NUMBER_PT, share=.08)


def page(heading, parts, numbered=True):
    return {"heading": heading, "parts": parts, "numbered": numbered}


def cover(model, title, lead, lead_owner):
    calls = [{"number": " / ".join(c["label"] for c in row["call"]), "text": row["situation"],
              "dial": all(c["dial"] for c in row["call"])} for row in model.guide[:2]]
    blocks = [kit.text("org", model.config["organisation"]), {"type": "icon", "icon": icons.svg("book-open"), "size": 3.2},
              dict(kit.text("cover-title", title), mark=True)]
    if lead:
        blocks.append(kit.text("cover-slogan", lead, lead_owner, phrases=True))
    if calls:
        blocks.append({"type": "numbers", "cells": calls, "per_row": 1, "owner": Owner(GUIDE, "guide")})
    return page(title, [Part("封面", "cover", blocks, fill=True, band=True, pad=10)], numbered=False)


def scam_left(scam, with_body):
    line, line_owner = kit.remember_line(scam)
    blocks = [{"type": "title", "icon": icons.svg(icon_of(scam)), "kicker": shown(scam["category"]),
               "text": scam["title"], "owner": owner(scam, "title"), "mark": True},
              kit.text("lead", scam["summary"], owner(scam, "summary")),
              kit.text("theme", line, line_owner)]
    if with_body:
        blocks.append(kit.text("h2", _("骗子怎么骗")))
        blocks += [kit.text("body", p, owner(scam, "正文"), indent=True) for p in kit.paragraphs(scam["html"])]
    else:
        blocks.append(kit.text("small", _("这种骗局的详细讲解，见网站的“诈骗手法”栏目。")))
    return [Part("正文", "body", blocks, fill=True)]


def scam_right(model, scam):
    body = [{"type": "section", "title": _("警惕信号"), "icon": icons.svg("triangle-alert"), "items": scam["signs"],
             "owner": owner(scam, "signs")},
            {"type": "section", "title": _("遇到了怎么办"), "icon": icons.svg("shield-check"), "items": scam["steps"],
             "ordered": True, "owner": owner(scam, "steps")}]
    return [Part("正文", "body", body, fill=True),
            Part("电话", "strip", kit.numbers(scam["call"], model.guide, owner(scam, "call")), share=.3)]


def rule_page(rule):
    blocks = [{"type": "title", "icon": icons.svg("list-checks"), "kicker": rule["version"], "text": rule["title"],
               "owner": owner(rule, "title"), "mark": True},
              {"type": "list", "role": "body", "items": rule["items"], "ordered": True, "owner": owner(rule, "items")},
              kit.text("small", kit.cited(rule), owner(rule, "source"))]
    return page(rule["title"], [Part("正文", "body", blocks, fill=True)])


def guide_page(model):
    title = _("遇到诈骗，打哪个电话")
    rows = [{"when": row["situation"], "calls": " / ".join(c["label"] for c in row["call"]), "text": ""} for row in model.guide]
    blocks = [dict(kit.text("h1", title), mark=True), {"type": "rows", "rows": rows, "compact": True, "owner": Owner(GUIDE, "guide")}]
    return page(title, [Part("正文", "body", blocks, fill=True)])


def channels_page(model):
    title = _("举报求助渠道")
    items = [{"strong": c["label"] + _("："), "text": c["for"]} for c in model.channels if not c.get("local")]
    blocks = [dict(kit.text("h1", title), mark=True), {"type": "list", "items": items, "owner": Owner(GUIDE, "channels")}]
    blocks += [kit.text("small", kit.sms_line(c), Owner(GUIDE, "channels"))
               for c in model.channels if c["kind"] == "短信"]
    return page(title, [Part("正文", "body", blocks, fill=True)])


def local_page(model):
    title = _("本地联系电话")
    config = model.config
    c = config["contact"]
    items = []
    if c["police_station"] and c["police_phone"]:
        items.append({"strong": c["police_station"] + _("："), "text": c["police_phone"]})
    if c["name"] and c["phone"]:
        items.append({"strong": c["name"] + _("："), "text": c["phone"] + (kit.noted(c["address"]) if c["address"] else "")})
    items += [{"strong": ch["name"] + _("："), "text": ch["label"] + _("，") + ch["when"]} for ch in model.channels
              if ch.get("local") and not ch.get("withheld")]
    blocks = [dict(kit.text("h1", title), mark=True)]
    if items:
        blocks.append({"type": "list", "items": items, "owner": Owner("config.yaml", "contact", config)})
    blocks.append(kit.text("body", _("家人、社区和派出所的电话，写在下面，遇事先打电话核实：")))
    blocks.append({"type": "table", "headers": phone_headers(), "rows": 5, "row_mm": 9})
    return page(title, [Part("正文", "body", blocks, fill=True)])


def phone_headers():
    return [_("序号"), _("是谁"), _("电话")]


def notes_page():
    blocks = [kit.text("h2", _("记下常用电话")),
              {"type": "table", "headers": phone_headers(), "rows": NOTE_ROWS, "row_mm": 11}]
    return page("", [Part("正文", "body", blocks, fill=True)])


def back_cover(model, sources, reviewed, qr):
    config = model.config
    blocks = [kit.text("cover-title", _("防骗提醒")), kit.text("lead", _(kit.CALLS)),
              kit.text("foot", kit.contact_text(config), Owner("config.yaml", "contact", config))]
    if qr:
        blocks.append({"type": "qr", "qr": qr, "caption": _("扫码看网站：") + qr.short, "owner": Owner("config.yaml", "base_url", config)})
    if sources:
        blocks.append(kit.text("small", _("资料来源：") + kit.sources_text(sources)))
    blocks.append(kit.text("small", kit.reviewed_line(reviewed)))
    return page("", [Part("封底", "back", blocks, fill=True, band=True, pad=10)], numbered=False)


def contents_pages(entries, large, left_out=0):
    """The contents, as many pages as its entries need: [(page number, title)] → pages; the last one says
    how many scams the booklet leaves to the website."""
    per_page = CONTENTS_LINES[large]
    chunks = [entries[i:i + per_page] for i in range(0, len(entries), per_page)] or [[]]
    pages = []
    for index, chunk in enumerate(chunks):
        blocks = [dict(kit.text("h1", _("目　录")), mark=True)] if index == 0 else []
        blocks.append({"type": "list", "items": [{"strong": f"{number}", "text": title} for number, title in chunk], "numbered": True})
        if left_out and index == len(chunks) - 1:
            blocks.append(kit.text("small", _("另有 %(count)s 种骗局没有收进本册，请看网站上的“诈骗手法”。") % {"count": left_out}))
        pages.append(page(_("目录") if index == 0 else "", [Part("正文", "body", blocks, fill=True)]))
    return pages


def contents_count(entries, large):
    return max(1, math.ceil(len(entries) / CONTENTS_LINES[large]))


def plan(model, title, lead, lead_owner, scams, rules, large, qr, sources, reviewed, fits, left_out=0):
    """Every page of one booklet, in reading order; `fits(parts)` says whether a page's text fits at the smallest type;
    `left_out` scams are named as a count on the contents."""
    sections = []  # (heading for the contents, pages)
    for scam in scams:
        left = scam_left(scam, True)
        sections.append((scam["title"], [page(scam["title"], left if fits(left) else scam_left(scam, False)),
                                         page("", scam_right(model, scam))]))
    sections += [(rule["title"], [rule_page(rule)]) for rule in rules]
    for made in (guide_page(model), channels_page(model), local_page(model)):
        sections.append((made["heading"], [made]))
    head = [cover(model, title, lead, lead_owner)]
    entries, number = [], 1 + len(head) + contents_count([0] * len(sections), large)
    for heading, pages in sections:
        entries.append((number, heading))
        number += len(pages)
    body = [p for _, pages in sections for p in pages]
    pages = head + contents_pages(entries, large, left_out) + body
    pages += [notes_page() for _ in range(-(len(pages) + 1) % 4)]
    pages.append(back_cover(model, sources, reviewed, qr))
    for index, item in enumerate(pages, start=1):
        item["number"] = index
    return pages


def saddle_order(count):
    """The page numbers (1-based) on each printed side of a saddle-stitched booklet of `count` pages
    (a multiple of 4): [(left, right)], sides in print order (front of sheet 1, its back, …)."""
    sides = []
    for sheet in range(count // 4):
        sides.append((count - 2 * sheet, 1 + 2 * sheet))
        sides.append((2 + 2 * sheet, count - 1 - 2 * sheet))
    return sides
