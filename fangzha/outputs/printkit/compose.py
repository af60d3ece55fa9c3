"""What each printed item says, as parts of blocks (the words live here, not in templates).

Every function returns the parts of one sheet, top to bottom (see layout/place.py); the
leaflet returns its six panels. A block's `owner` is the file and field that wrote its text, so
text that cannot fit is reported where it can be shortened.
"""

import html as html_lib
import re

from ... import icons
from ...content.model import source_line
from ...design import icon_of
from ...i18n import N_, shown
from ...i18n import date as shown_date
from ...i18n import ui as _
from ...layout.blocks import split_phrases
from ...layout.budget import Owner, owner
from ...layout.place import Part

CALLS = N_("钱已转出，立即拨打 110；拿不准是不是诈骗，拨打 96110 咨询。")
REMEMBER_CHARS = 14         # the longest line to remember drawn at full poster size
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre)>")
TAG = re.compile(r"<[^>]+>")
CONFIG = "config.yaml"


def campaign_facts(campaign, *names):
    """(label, value) of the campaign's facts named ("date", "place", "organiser", "audiences"), in that
    order, leaving out those its plan does not give."""
    facts = {"date": (_("时间"), campaign["date_text"]), "place": (_("地点"), campaign["place"]),
             "organiser": (_("主办"), campaign["organiser"]),
             "audiences": (_("对象"), _("、").join(_(a) for a in campaign["audiences"]))}
    return [facts[name] for name in names if facts[name][1]]


def paragraphs(html):
    """The text of each block of a Markdown body's HTML."""
    return [t for t in (" ".join(html_lib.unescape(TAG.sub(" ", part)).split()) for part in BLOCK_END.split(html)) if t]


def cited(rule):
    """A rule list's source line (the fakes list carries its own)."""
    return rule.get("cited") or source_line(rule)


def text(role, value, who=None, phrases=False, indent=False):
    block = {"type": "text", "role": role, "text": value, "owner": who}
    if phrases:  # a big line that breaks only between its phrases
        block["phrases"] = split_phrases(value)
    if indent:  # a letter's paragraph: the first line starts two characters in
        block["indent"] = True
    return block


def noted(note):
    """（note） in the site's language."""
    return _("（%(note)s）") % {"note": note}


def sms_line(channel):
    """An SMS service is a message to take seriously, never a number to call back."""
    return _("%(name)s（只发短信，不用回拨）：%(when)s") % {"name": channel["name"], "when": channel["when"]}


def sources_text(sources):
    return _("；").join(s["title"] + (noted(shown_date(s["date"])) if s.get("date") else "") for s in sources)


def reviewed_line(day):
    return _("内容最近审核：") + (shown_date(day) or _("未注明"))


def from_line(text_value):
    return _("出处：") + text_value


def contact_text(config):
    """Who prints this and how to reach them, and the local police station."""
    c = config["contact"]
    line = config["organisation"]
    if c["phone"]:
        line += f" · {c['name'] or _('联系电话')} {c['phone']}"
    if c["address"]:
        line += f" · {c['address']}"
    if c["police_station"]:
        line += f" · {c['police_station']} {c['police_phone'] or ''}".rstrip()
    return line


NATIONAL = {"110", "96110"}  # already among the numbers to remember


def local_lines(model, channels):
    """The local contact, a line each (phone pictures and WeChat): the local numbers among `channels`,
    who to ask, the police station."""
    contact = model.config["contact"]
    who = contact["name"] or model.config["organisation"]
    lines = [c["name"] + _("：") + c["label"] + noted(c["when"]) for c in channels if c["local"]]
    if contact["phone"]:
        lines.append(who + _("：") + _("电话 %(phone)s") % {"phone": contact["phone"]}
                     + (_("，地址：%(address)s") % {"address": contact["address"]} if contact["address"] else ""))
    elif contact["address"]:
        lines.append(who + _("：") + contact["address"])
    if contact["police_phone"] and contact["police_phone"] not in NATIONAL:
        lines.append((contact["police_station"] or _("辖区派出所")) + _("：") + _("电话 %(phone)s") % {"phone": contact["police_phone"]})
    return lines


def foot(config, sources, reviewed, qr, source_file):
    """The small print at the foot of a page: local details, the two numbers, sources, review date."""
    lines = [text("foot", contact_text(config), Owner(CONFIG, "contact", config)), text("foot", _(CALLS))]
    if sources:
        lines.append(text("foot", from_line(sources_text(sources)), source_file))
    lines.append(text("foot", reviewed_line(reviewed)))
    block = {"type": "foot", "lines": lines, "qr": qr or None,
             "url": _("网页版：") + qr.short if qr else "", "owner": Owner(CONFIG, "base_url", config)}
    return Part("页脚", "foot", [block], fixed_type=True, base=FOOT_PT, share=.16)


FOOT_PT = 8  # the foot's small print does not scale


def cell_text(channel, guide):
    """What a number cell says under the number: the first "which number when" situation that calls it."""
    return next((row["situation"] for row in guide if any(c["id"] == channel["id"] for c in row["call"])), channel["when"])


STRIP_CELLS = 3  # numbers in a poster's strip: the ones to call first, then a platform


def numbers(channels, guide, who, limit=STRIP_CELLS):
    """Number cells for the channels to call or use under a heading that says which they are (platforms
    such as 12337 and the App are not phone numbers); an SMS service is a line of its own, not a cell."""
    shown = sorted((c for c in channels if c["kind"] != "短信"), key=lambda c: not c["dial"])[:limit]
    heading = _("记住这些电话") if all(c["dial"] for c in shown) else _("记住这些电话和渠道")
    blocks = [text("strip-head", heading)] if shown else []
    blocks += [{"type": "numbers", "owner": who,
               "cells": [{"number": c["label"], "text": cell_text(c, guide), "dial": bool(c["dial"])} for c in shown]}] if shown else []
    for c in channels:
        if c["kind"] == "短信":
            blocks.append(text("small", sms_line(c), who))
    return blocks


def picture(image, max_mm):
    """A picture from content/ (checked when it was loaded): as wide as its column, at most `max_mm` tall."""
    return {"type": "picture", "dest": image["dest"], "alt": image["alt"], "aspect": image["height"] / image["width"],
            "max_mm": max_mm}


def org_line(model, text_value):
    """The small line over a title: who prints this, with the organisation's logo when config.yaml names one."""
    block = text("org", text_value)
    logo = model.config.get("logo")
    if logo:
        block["logo"] = dict(logo, ems=1.3 * logo["width"] / logo["height"] + .4)  # the logo's width in em, and its gap
    return block


def reminder_line(model):
    return _("%(organisation)s · 防骗提醒") % {"organisation": model.config["organisation"]}


def default_calls(model):
    return [c for c in model.channels if c["id"] in ("110", "96110")]


# ---- posters: a hero band, the body, a strip of numbers, the foot.

def hero(org, icon, kicker, title, title_owner, line=None, line_owner=None, lead=None, lead_owner=None):
    blocks = [org, {"type": "title", "icon": icons.svg(icon), "kicker": kicker, "text": title, "owner": title_owner}]
    if line:  # poster size when it is short enough to read from afar; a longer rule a size smaller
        blocks.append(text("remember" if len(line) <= REMEMBER_CHARS else "remember-long", line, line_owner, phrases=True))
    if lead:
        blocks.append(text("hero-lead", lead, lead_owner))
    return Part("标题", "hero", blocks, band=True, pad=12, share=.46)


def remember_line(scam):
    """The one line to remember: the rule this scam breaks, else its first step."""
    rule = next((r for r in scam["rules"] if r["text"]), None)
    if rule:
        return rule["text"], owner(scam, "rules")
    return scam["steps"][0], owner(scam, "steps")


def scam_poster(model, scam, qr=None):
    line, line_owner = remember_line(scam)
    body = [picture(scam["image"], 55)] if scam.get("image") else []
    body += [{"type": "columns", "columns": [
        [{"type": "section", "title": _("警惕信号"), "icon": icons.svg("triangle-alert"), "items": scam["signs"],
          "owner": owner(scam, "signs")}],
        [{"type": "section", "title": _("遇到了怎么办"), "icon": icons.svg("shield-check"), "items": scam["steps"],
          "ordered": True, "owner": owner(scam, "steps")}],
    ]}]
    return [
        hero(org_line(model, reminder_line(model)), icon_of(scam), shown(scam["category"]), scam["title"], owner(scam, "title"),
             line, line_owner, scam["summary"], owner(scam, "summary")),
        Part("正文", "body", body, fill=True),
        Part("电话", "strip", numbers(scam["call"], model.guide, owner(scam, "call")), share=.25),
    ]


SHORT_ITEMS = 10  # a list of items no longer than this (三不一多) is set as slogans


def rules_poster(model, rule, icon="list-checks", qr=None):
    """The list, large; its source goes in the foot with the other small print (see kit.py)."""
    items = [{"strong": f"{n}.", "text": t} for n, t in enumerate(rule["items"], start=1)]
    role = "rule-short" if all(len(t) <= SHORT_ITEMS for t in rule["items"]) else "rule"
    body = [{"type": "list", "role": role, "items": items, "owner": owner(rule, "items"), "numbered": True,
             "spread": role == "rule-short"}]  # short slogans share out the page's height
    return [
        hero(org_line(model, reminder_line(model)), icon, rule["version"], rule["title"], owner(rule, "title")),
        Part("正文", "body", body, fill=True),
        Part("电话", "strip", numbers(default_calls(model), model.guide, None), share=.2),
    ]


def report_poster(model, title, qr=None):
    who = Owner("content/channels.yaml", "guide")
    rows = [{"when": row["situation"], "calls": " / ".join(c["label"] for c in row["call"]), "text": row["advice"]}
            for row in model.guide]
    body = [{"type": "rows", "rows": rows, "owner": who}]
    c = model.config["contact"]
    local = [c["police_station"] + _("：") + c["police_phone"] if c["police_station"] and c["police_phone"] else "",
             c["name"] + _("：") + c["phone"] + (noted(c["address"]) if c["address"] else "") if c["name"] and c["phone"] else ""]
    if any(local):
        body.append({"type": "section", "title": _("本地联系"), "icon": icons.svg("map-pin"), "items": [t for t in local if t],
                     "owner": Owner(CONFIG, "contact", model.config)})
    return [
        hero(org_line(model, reminder_line(model)), "phone-call", _("举报求助"), title, None),
        Part("正文", "body", body, fill=True),
    ]


POSTER_SCAMS = 3  # a campaign poster lists this many scams with their summaries; more are shown as names only


def scam_blocks(campaign, listed):
    """The campaign's scams: each with its summary while few, else their names as chips."""
    scams = campaign["scams"]
    blocks = [text("h2", _("当心这些骗局"))]
    if scams and len(scams) <= listed:
        blocks.append({"type": "list", "items": [{"strong": s["title"] + _("："), "text": s["summary"]} for s in scams],
                       "owner": owner(scams[0], "summary")})
    else:
        blocks.append({"type": "chips", "items": [s["title"] for s in scams], "owner": owner(campaign, "scams")})
    return blocks


def campaign_poster(model, campaign, qr=None):
    facts = campaign_facts(campaign, "date", "place", "audiences")
    body = [picture(campaign["image"], 60)] if campaign.get("image") else []
    body += [{"type": "facts", "pairs": facts, "owner": owner(campaign, "place")}, *scam_blocks(campaign, POSTER_SCAMS)]
    if len(campaign["scams"]) == 1:  # a campaign against one scam: its signs too, so the poster is not half empty
        scam = campaign["scams"][0]
        body.append({"type": "section", "title": _("警惕信号"), "icon": icons.svg("triangle-alert"), "items": scam["signs"],
                     "owner": owner(scam, "signs")})
    channels = campaign["channels"] or default_calls(model)
    return [
        hero(org_line(model, campaign["organiser"]), campaign.get("icon") or "megaphone", shown(campaign["format"]), campaign["title"],
             owner(campaign, "title"), campaign["slogan"], owner(campaign, "slogan")),
        Part("正文", "body", body, fill=True),
        Part("电话", "strip", numbers(channels, model.guide, owner(campaign, "channels")), share=.25),
    ]


# ---- sheets to fill in and take home: a slim band, the text, the foot.

def pledge_sheet(model, campaign, signer, row_mm, qr=None):
    pledge = campaign["pledge"]
    head = [dict(org_line(model, signer["line"]), owner=owner(campaign, "signed_by")),
            {"type": "title", "icon": icons.svg("pen-line"), "kicker": _("承诺书"), "text": pledge["title"], "owner": owner(campaign, "pledge.title")}]
    body = []
    if campaign["slogan"]:
        body.append(text("theme", _("主题：") + campaign["slogan"], owner(campaign, "slogan")))
    body += [text("lead", pledge["text"], owner(campaign, "pledge.text")),
             {"type": "table", "headers": [_("序号"), _("姓名"), _("班级或单位"), _("签名日期")], "rows": pledge["rows"], "row_mm": row_mm}]
    return [Part("标题", "hero", head, band=True, pad=9, share=.3), Part("正文", "body", body, fill=True)]


def letter(model, campaign, signer, shown_scams, parent_scams, short_rule, qr=None):
    who = owner(campaign, "title")
    when = (_("于%(date)s") % {"date": campaign["date_text"]} if campaign["date_text"] else "") + \
        (_("在%(place)s") % {"place": campaign["place"]} if campaign["place"] else "")
    theme = _("，主题是“%(slogan)s”") % {"slogan": campaign["slogan"]} if campaign["slogan"] else ""
    more = _("等 %(count)s 种") % {"count": len(campaign["scams"])} if len(campaign["scams"]) > len(shown_scams) else ""
    items = [_("和孩子聊一聊这次讲到的骗局：%(scams)s%(more)s。") % {"scams": _("、").join(s["title"] for s in shown_scams), "more": more}]
    if short_rule:
        items.append(_("叮嘱孩子记住“%(title)s”：%(items)s。") % {"title": short_rule["title"], "items": _("，").join(short_rule["items"])})
    body = [{"type": "title", "icon": icons.svg("mail"), "kicker": "", "text": _("致家长的一封信")}, text("body", _("尊敬的家长：")),
            text("body", _("您好！电信网络诈骗的手法不断翻新，学生和家长都可能成为骗子的目标。为了提高孩子的防骗意识，"
                           "%(signer)s%(when)s开展“%(campaign)s”%(theme)s。请您和我们一起，帮孩子守好钱袋子：")
                 % {"signer": signer["name"] or _("我们"), "when": when, "campaign": campaign["title"], "theme": theme},
                 who, indent=True),
            {"type": "list", "ordered": True, "items": items, "owner": owner(campaign, "scams")}]
    if parent_scams:
        body.append(text("body", _("骗子也会找上家长，请当心：")))
        said = [{"strong": s["title"] + _("："), "text": _("%(summary)s怎么办：%(step)s。") % {"summary": s["summary"], "step": s["steps"][0]}}
                for s in parent_scams]
        body.append({"type": "list", "items": said, "owner": owner(parent_scams[0], "summary")})
    body.append(text("body", _("记住两个电话：钱已经转出，立即拨打 110；拿不准是不是诈骗，拨打 96110 咨询。")))
    ask = _("有任何疑问，请联系%(teacher)s") % {"teacher": signer["teacher"] or _("班主任")} + \
        (_("（电话 %(phone)s）") % {"phone": signer["phone"]} if signer["phone"] else "") + _("。")
    body.append(text("body", ask + (_("更多防骗知识，请扫描下方二维码查看。") if qr else "") + _("感谢您的支持与配合！"),
                     owner(campaign, "signed_by"), indent=True))
    body.append({"type": "signoff", "lines": [signer["name"] or _("学校、班级："), _("班主任：") + signer["teacher"],
                                              _("电话：") + signer["phone"], shown_date(signer["date"]) or _("年　　月　　日")],
                 "blanks": [not signer["name"], not signer["teacher"], not signer["phone"], not signer["date"]]})
    body.append({"type": "cut", "note": _("（请沿虚线剪下回执，由孩子交回班主任）"), "title": _("回　执"),
                 "lines": [_("我已阅读《致家长的一封信》，会和孩子一起学习防骗知识。"), _("学生姓名"), _("班级"), _("家长签名"), _("日期")]})
    return [Part("正文", "body", body, fill=True)]


# ---- leaflets: six panels, each filled on its own.

def leaflet_panels(model, item, qr=None):
    """[(name, role, blocks)] outside (flap, back, cover) then inside (three panels)."""
    config = model.config
    item = dict(item, qr=qr)
    calls = [{"number": " / ".join(c["label"] for c in row["call"]), "text": row["situation"],
              "dial": all(c["dial"] for c in row["call"])} for row in item["cover_calls"]]
    cover = [org_line(model, config["organisation"]), {"type": "icon", "icon": icons.svg(item["icon"]), "size": 3.2},
             text("cover-title", item["title"], item["subject"] and owner(item["subject"], "title"))]
    if item["slogan"]:
        cover.append(text("cover-slogan", item["slogan"], item["subject"] and owner(item["subject"], "slogan"), phrases=True))
    if item["facts"]:
        cover.append({"type": "facts", "pairs": item["facts"], "owner": item["subject"] and owner(item["subject"], "place")})
    elif item["lead"]:
        cover.append(text("lead", item["lead"], Owner(item["source"], "tagline")))
    cover.append({"type": "numbers", "cells": calls, "per_row": 1, "owner": Owner("content/channels.yaml", "guide")})

    flap = []
    for rule in item["rule_lists"]:
        flap += [text("h2", rule["title"], owner(rule, "title")),
                 {"type": "list", "role": "body", "items": rule["items"], "ordered": True, "owner": owner(rule, "items")},
                 text("small", cited(rule), owner(rule, "source"))]
    if not item["rule_lists"]:
        flap += [text("h2", _("遇到了怎么办")), {"type": "list", "items": item["tips"], "owner": Owner(item["flap_source"], "steps")}]

    guide_owner = Owner("content/channels.yaml", "guide")
    back = [text("h2", _("该打哪个电话"))]
    back += [{"type": "rows", "rows": [{"when": c["when"], "calls": c["label"], "text": ""} for c in item["channels"] if c["kind"] != "短信"]
              + [{"when": row["situation"], "calls": " / ".join(c["label"] for c in row["call"]), "text": ""} for row in item["guide"]],
              "compact": True, "owner": guide_owner}]
    back += [text("small", sms_line(c), guide_owner) for c in item["channels"] if c["kind"] == "短信"]
    back += [text("small", contact_text(config), Owner(CONFIG, "contact", config))]
    if item["qr"]:
        back.append({"type": "qr", "qr": item["qr"], "caption": _("扫码看网站：") + item["qr"].short, "owner": Owner(CONFIG, "base_url", config)})
    back += [text("small", _("资料来源：") + sources_text(item["sources"]), Owner(item["source"], "sources", item["subject"])),
             text("small", reviewed_line(item["reviewed"]))]

    inside = []
    for run in item["inside"]:
        blocks = []
        for part in run:
            if part["kind"] == "intro":
                blocks.append(text("h2", _("关于这次活动")))
                blocks += [text("body", p, owner(item["subject"], "正文"), indent=True) for p in part["paragraphs"]]
            elif part["kind"] == "scam":
                scam = part["scam"]
                if part["first"]:
                    blocks.append(text("h2", _("这些骗局要当心")))
                blocks.append({"type": "title", "icon": icons.svg(icon_of(scam)), "kicker": "", "text": scam["title"],
                               "small": True, "owner": owner(scam, "title")})
                blocks.append(text("body", scam["summary"], owner(scam, "summary")))
                blocks.append(text("body", _("警惕：") + _("；").join(part["signs"]), owner(scam, "signs")))
                if part["steps"]:
                    blocks.append(text("body", _("怎么办：") + _("；").join(part["steps"]), owner(scam, "steps")))
            elif part["kind"] == "quiz":
                blocks.append(text("h2", _("自测一下")))
                for number, q in enumerate(part["questions"], start=1):
                    blocks.append(text("body", f"{number}. {q['question']}", q["owner"]))
                    blocks.append({"type": "list", "items": [f"{'ABCDEFGH'[i]}. {o}" for i, o in enumerate(q["options"])], "owner": q["owner"]})
                blocks.append(text("small", _("答案：") + _("；").join(f"{n}. {'ABCDEFGH'[q['answer'] - 1]}" for n, q in enumerate(part["questions"], start=1))))
            else:
                blocks.append(text("h2", _("还要当心")))
                blocks.append({"type": "chips", "items": [s["title"] for s in part["scams"]], "owner": owner(part["scams"][0], "title")})
                more = _("另外还有 %(count)s 种。") % {"count": part["more"]} if part["more"] else ""
                blocks.append(text("small", more + _("每种骗局的详细讲解，见网站的“诈骗手法”栏目。")))
        inside.append(blocks)
    return [("外面左栏", "flap", flap), ("外面中栏", "back", back), ("封面", "cover", cover),
            ("里面第 1 栏", "inside", inside[0]), ("里面第 2 栏", "inside", inside[1]), ("里面第 3 栏", "inside", inside[2])]
