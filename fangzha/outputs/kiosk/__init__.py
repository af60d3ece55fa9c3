"""Service-hall screen loops: kiosk/<playlist>.html, the index of loops, and kiosk/version.txt.

Every loop is drawn with the slide runtime (assets/deck-core.js and deck-loop.js) and the
same blocks as the decks. Playlists: one of everything (`all`), one per campaign,
and any in content/playlists/ (a file with the same name replaces a default one).
Items past their review date are left out (and the build says so); items still
fresh carry that date as their last day, so a screen left alone drops them in time.
"""

import hashlib
import json

from ...content.model import add_months, source_line
from ...layout import fit
from ...i18n import ui as _
from ...page import Page
from ...problems import Notice

CANVASES = [fit.KIOSK_LANDSCAPE, fit.KIOSK_PORTRAIT]
# What draws a loop page (its template, the runtime, the styles it loads): part of the version.
DRAWN_BY = ["base.html", "deck", "kiosk", "assets/deck-core.js", "assets/deck-loop.js", "assets/deck.css", "assets/site.css"]
NIGHT_MODES = {"黑屏": "blank", "调暗": "dim"}
# Shown when nothing else may show (every item outside its window): numbers that do not go stale.
def fallback_items():
    """The standing screen's two numbers (a function: its words are in the build's language)."""
    return [{"strong": "110", "text": _("钱已经转出去了，立即报警")}, {"strong": "96110", "text": _("拿不准是不是诈骗，打这个电话咨询")}]
FALLBACK_SECONDS = 60
CLOCK_SAMPLE = "2026年12月30日　星期三　23:59"  # the widest the footer clock gets


def card(kind, title, blocks, kicker=""):
    return {"kind": kind, "title": title, "blocks": blocks, "kicker": kicker, "steps": 0, "name": title}


def paged(items, make, canvases):
    """Split a list over as many screens as the canvases need (the web loop: both orientations)."""
    return fit.paginate(items, make, canvases)


def scam_cards(scam, canvases):
    def make(chunk, start):
        blocks = [{"type": "lead", "text": scam["summary"]}] if start == 0 else []
        return card("scam", scam["title"], blocks + [{"type": "list", "label": _("警惕信号"), "items": chunk}], _("防骗提醒"))
    return paged(scam["signs"], make, canvases)


def rule_cards(rule, canvases):
    """A 凡是 list over as many screens as it needs, each with the list's source, as the site shows it."""
    items = [{"strong": f"{n}.", "text": t} for n, t in enumerate(rule["items"], start=1)]
    source = {"type": "meta", "items": [source_line(rule)]}
    return paged(items, lambda chunk, start: card("rules", rule["title"], [{"type": "list", "items": chunk}, source], _("凡是规则")), canvases)


def report_cards(model, channel_ids, canvases):
    rows = [g for g in model.guide if not channel_ids or any(c["id"] in channel_ids for c in g["call"])]
    items = [{"strong": " / ".join(c["label"] for c in g["call"]), "text": g["situation"]} for g in rows]
    return paged(items, lambda chunk, start: card("report", _("该打哪个电话"), [{"type": "list", "items": chunk}], _("举报求助")), canvases)


def slogan_card(campaign):
    meta = [campaign[k] for k in ("organiser", "date_text", "place") if campaign[k]]
    blocks = [{"type": "hero", "text": campaign["slogan"] or campaign["title"]}]
    if campaign["slogan"]:
        blocks.append({"type": "lead", "text": campaign["title"]})
    blocks.append({"type": "meta", "items": [_("　").join(meta)]})
    return [card("slogan", "", blocks)]


def fallback_card():
    """The standing card, shown when nothing else may show, for a minute at a time."""
    standing = card("fallback", "", [{"type": "hero", "text": _("防范诈骗")}, {"type": "list", "items": fallback_items()}])
    return dict(standing, attrs={"seconds": str(FALLBACK_SECONDS)})


def review_due(model, reviewed, review_by=None):
    """The last day an item may be shown."""
    if review_by:
        return review_by
    return add_months(reviewed, model.config["review_months"]) if reviewed else None


def entry(model, item, canvases):
    """One playlist item → (cards paginated for `canvases`, last day it may show, where its content lives)."""
    if item.get("scam"):
        scam = item["scam"]
        return scam_cards(scam, canvases), review_due(model, scam["reviewed"], scam["review_by"]), scam["file"]
    if item.get("rules"):
        rule = item["rules"]
        return rule_cards(rule, canvases), review_due(model, rule["reviewed"]), rule["file"]
    if item.get("campaign"):
        campaign = next(c for c in model.campaigns if c["slug"] == item["campaign"])
        return slogan_card(campaign), review_due(model, campaign["reviewed"]), campaign["file"]
    return report_cards(model, item.get("channels"), canvases), review_due(model, model.channels_reviewed), "content/channels.yaml"


def default_playlists(model):
    """Everything, then one per campaign (its slogan, scams, rules and numbers)."""
    everything = [{"report": True}] + [{"rules": r} for r in model.rules]
    everything += [{"scam": s} for s in model.scams] + [{"campaign": c["slug"]} for c in model.campaigns]
    lists = [{"slug": "all", "title": _("全部内容"), "description": _("所有诈骗类型、凡是规则、该打哪个电话和各活动口号。"),
              "seconds": None, "items": everything, "file": ""}]
    for c in model.campaigns:
        items = [{"campaign": c["slug"]}, {"report": True, "channels": [ch["id"] for ch in c["channels"]]}]
        items += [{"rules": r} for r in c["rules"]] + [{"scam": s} for s in c["scams"]]
        lists.append({"slug": c["slug"], "title": c["title"], "description": f"{c['format']}：{c['place']}",
                      "seconds": None, "items": items, "file": c["file"]})
    return lists


def loops(model):
    """Every loop: the default ones (a file in content/playlists/ replaces one of the same name), then
    the other playlist files; `all` first, then by name."""
    custom = {p["slug"]: p for p in model.playlists}
    found = [custom.pop(p["slug"], p) for p in default_playlists(model)] + list(custom.values())
    return sorted(found, key=lambda p: (p["slug"] != "all", p["slug"]))


def build_loop(model, playlist, options, on, stale, canvases=CANVASES):
    """The cards of one loop, each with its duration and windows, paginated for `canvases`."""
    cards = []
    default_seconds = playlist["seconds"] or options["seconds"]
    for item in playlist["items"]:
        made, due, source = entry(model, item, canvases)
        if due and due < on:
            stale.setdefault((source, due), []).append(f"kiosk/{playlist['slug']}.html")
            continue
        until = min(d for d in (item.get("until"), due) if d) if (item.get("until") or due) else None
        attrs = {"seconds": item.get("seconds") or default_seconds, "from": item.get("from") or "",
                 "until": until or "", "hours": item.get("hours") or ""}
        for c in made:
            c["attrs"] = {k: str(v) for k, v in attrs.items() if v}
            cards.append(c)
    return cards


def footer(model):
    """The numbers that stay on screen: 110, 96110, the local ones; the organiser."""
    numbers = [{"number": "110", "label": _("报警")}, {"number": "96110", "label": _("反诈咨询")}]
    numbers += [{"number": c["dial"], "label": c["name"]} for c in model.channels if c["local"] and c["dial"]]
    contact = model.config["contact"]
    if contact["police_phone"] and contact["police_phone"] not in {n["number"] for n in numbers}:
        numbers.append({"number": contact["police_phone"], "label": contact["police_station"] or _("辖区派出所")})
    return {"numbers": numbers, "organisation": model.config["organisation"]}


def footer_fits(foot, canvases=CANVASES, clock=CLOCK_SAMPLE):
    """Does the footer fit in the bottom band on every canvas (the web loop: both orientations)?"""
    numbers = "　".join(f"{n['number']} {n['label']}" for n in foot["numbers"])
    rest = f"{foot['organisation']}　{clock}"
    for canvas in canvases:
        width = canvas.width - 2 * canvas.pad_x
        lines = fit.line_count(numbers, canvas.small, width) + fit.line_count(rest, canvas.small, width)
        if lines * canvas.small * canvas.line > canvas.pad_bottom - 40 - 24:
            return False
    return True


def version_of(contexts, templates):
    """A content hash of everything the loops show and the template files that draw them (those of
    this build's templates folder; never a timestamp)."""
    digest = hashlib.sha256()
    digest.update(json.dumps(contexts, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
    paths = [p for name in DRAWN_BY for p in ([templates / name] if (templates / name).is_file() else (templates / name).rglob("*"))]
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(templates).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def pages(model, ctx):
    """kiosk/index.html, kiosk/<playlist>.html for every loop, kiosk/version.txt."""
    options = model.config["kiosk"]
    stale, contexts, sources, shows = {}, [], [], []
    foot = footer(model)
    for playlist in loops(model):
        shows.append(tuple(dict.fromkeys((("scam", i["scam"]["slug"]), "") for i in playlist["items"] if i.get("scam"))))
        cards = build_loop(model, playlist, options, ctx.today, stale)
        seconds = sum(int(c["attrs"]["seconds"]) for c in cards)
        contexts.append({"playlist": {k: playlist[k] for k in ("slug", "title", "description")}, "cards": cards,
                         "loop_seconds": seconds})
        sources.append(playlist["file"])
    shared = {"options": dict(options, night_mode=NIGHT_MODES[options["night_mode"]]), "foot": foot,
              "fallback": fallback_card(),
              "landscape": fit.KIOSK_LANDSCAPE.css(), "portrait": fit.KIOSK_PORTRAIT.css()}
    version = version_of([shared, contexts], ctx.templates)
    campaigns = {x["slug"] for x in model.campaigns}
    out = [Page(f"kiosk/{c['playlist']['slug']}.html", "kiosk/loop.html", dict(c, version=version, source=source, **shared), about=about,
                kit_of=c["playlist"]["slug"] if c["playlist"]["slug"] in campaigns else "",
                label=_("大屏轮播"), purpose=_("在服务大厅或走廊的大屏上用浏览器全屏循环播放"),
                kind="kiosk-loop", size=fit.KIOSK_LANDSCAPE.size(), sheets=len(c["cards"]))
           for c, source, about in zip(contexts, sources, shows)]
    out.append(Page("kiosk/index.html", "kiosk/index.html", {"loops": contexts, "options": shared["options"],
                                                             "stale": sorted(stale.items()), "foot": foot}))
    out.append(Page("kiosk/version.txt", text=version + "\n", kind="version"))
    return out


def check(model, pages, ctx):
    """Screens whose text does not fit, loops with nothing to play, items past their review date,
    a footer too long for a portrait screen."""
    found = []
    for page in pages:
        if page.kind == "kiosk-loop":
            slug, source = page.context["playlist"]["slug"], page.context["source"] or "content/"
            for number, c in enumerate(page.context["cards"], start=1):
                if fit.fill_ratio(c, CANVASES) > 1:
                    found.append(fit.Overflow(source, 0, f"kiosk/{slug}.html 第 {number} 屏「{c['name']}」",
                                              "文字太多，大屏上放不下。请删减这一屏的文字。"))
            if not page.context["cards"]:
                found.append(Notice(source, 0, f"kiosk/{slug}.html",
                                    "这个大屏轮播里没有可以播放的内容，屏幕上只会显示 110 和 96110。"))
        elif page.dest == "kiosk/index.html":
            for (source, due), where in page.context["stale"]:
                found.append(Notice(source, 0, "reviewed", f"已过下次审核日期（{due}），已从大屏轮播中去掉（{'、'.join(where)}）。请重新审核内容，再更新 reviewed 日期。"))
            if not footer_fits(page.context["foot"]):
                found.append(fit.Overflow("config.yaml", 0, "local_channels", "大屏底部的电话栏太长，竖屏放不下。请缩短本地举报渠道的名称（name）。"))
    return found
