"""Service-hall screen loops: kiosk/<playlist>.html, the index of loops, and kiosk/version.txt.

Every loop is drawn with the slide runtime (assets/deck-core.js and deck-loop.js) and the
same blocks as the decks. Playlists: one of everything (`all`), one per campaign,
and any in content/playlists/ (a file with the same name replaces a default one).
Items past their review date are left out (and the build says so); items still
fresh carry that date as their last day, so a screen left alone drops them in time.

Each orientation gets its own screens, paginated evenly for its canvas (a portrait screen uses
its height: more on a screen, or larger type), and every screen's type is set as large as its
canvas allows, so none is left half empty. Between the content screens come a scam's line to
remember and, now and then, the two numbers at full size.
"""

import hashlib
import json

from ... import design, parallel
from ...content.model import add_months, source_line
from ...i18n import ui
from ...i18n import ui as _
from ...layout.blocks import screen_picture
from ...layout.canvas import FOOT_PAD, KIOSK_LANDSCAPE, KIOSK_PORTRAIT
from ...layout.paginate import Overflow, continued, fill_ratio, fitting_scale, grow_pictures, paginate
from ...layout.text import line_count
from ...memory import pure
from ...page import Page, naming
from ...problems import Notice
from ..printkit.compose import REMEMBER_CHARS, remember_line

CANVASES = [KIOSK_LANDSCAPE, KIOSK_PORTRAIT]
ORIENTATIONS = {"landscape": "横屏", "portrait": "竖屏"}
# What draws a loop page (its template, the runtime, the styles it loads): part of the version.
DRAWN_BY = ["base.html", "deck", "kiosk", "assets/deck-core.js", "assets/deck-loop.js", "assets/deck.css", "assets/site.css"]
NIGHT_MODES = {"黑屏": "blank", "调暗": "dim"}
# The two numbers, at full size between content screens, and on the standing card when nothing else may show.
def calls():
    """The two numbers (a function: its words are in the build's language)."""
    return [{"number": "110", "text": _("钱已经转出去了，立即报警")}, {"number": "96110", "text": _("拿不准是不是诈骗，打这个电话咨询")}]
FALLBACK_SECONDS = 60
BETWEEN_SECONDS = 8  # a line to remember or the numbers, between content screens (never longer than the item's own)
CALLS_EVERY = 3      # content items, at most, between two screens with the numbers
LARGEST_SCALE = 1.6  # type grows up to this much to fill a screen with little to say
LARGEST_STATEMENT = 2.6  # on a statement screen (a slogan, a line to remember, the numbers) even more
SMALLEST_SCALE = 0.85    # a screen a little too full (a picture beside its text) is set a little smaller
CLOCK_SAMPLE = "2026年12月30日　星期三　23:59"  # the widest the footer clock gets


def card(kind, title, blocks, kicker="", icon=None, accent="", layout="content"):
    name = title or next((b["text"] for b in blocks if b.get("text")), kicker)
    return {"kind": kind, "title": title, "blocks": blocks, "kicker": kicker, "steps": 0, "name": name,
            "icon": icon, "accent": accent, "layout": layout}


@pure
def scam_cards(scam, canvas):
    def make(chunk, start):
        blocks = [{"type": "lead", "text": scam["summary"]}] if start == 0 else []
        blocks += [screen_picture(scam["image"])] if start == 0 and scam.get("image") else []
        return card("scam", continued(scam["title"], start), blocks + [{"type": "list", "label": _("警惕信号"), "items": chunk}],
                    _("防骗提醒"), design.icon_of(scam), design.accent(scam["category"]))
    return paginate(scam["signs"], make, [canvas])


@pure
def rule_cards(rule, canvas):
    """A 凡是 list over as many screens as it needs, each with the list's source, as the site shows it."""
    items = [{"strong": f"{n}.", "text": t} for n, t in enumerate(rule["items"], start=1)]
    source = {"type": "meta", "items": [source_line(rule)]}
    return paginate(items, lambda chunk, start: card(
        "rules", continued(rule["title"], start), [{"type": "list", "items": chunk}, source], _("凡是规则"), "list-checks",
        design.ACCENTS["rules"]), [canvas])


@pure
def report_cards(model, channel_ids, canvas):
    rows = [g for g in model.guide if not channel_ids or any(c["id"] in channel_ids for c in g["call"])]
    items = [{"strong": " / ".join(c["label"] for c in g["call"]), "text": g["situation"]} for g in rows]
    return paginate(items, lambda chunk, start: card(
        "report", continued(_("该打哪个电话"), start), [{"type": "list", "items": chunk}], _("举报求助"), "phone-call",
        design.ACCENTS["report"]), [canvas])


@pure
def slogan_card(campaign, canvas):
    """A campaign's slogan (else its name) on the brand's colour: what kind of campaign, its name, who, when and
    where (on one line of a wide screen, a line each on a tall one)."""
    blocks = [{"type": "hero", "text": campaign["slogan"] or campaign["title"]}]
    if campaign["slogan"]:
        blocks.append({"type": "lead", "text": campaign["title"]})
    if campaign.get("image"):
        blocks.append(screen_picture(campaign["image"]))
    meta = [campaign[k] for k in ("organiser", "date_text", "place") if campaign[k]]
    if meta:
        blocks.append({"type": "meta", "items": meta if canvas.height > canvas.width else [_("　").join(meta)]})
    return [card("slogan", "", blocks, ui(campaign["format"]), campaign.get("icon") or "megaphone", layout="statement")]


def remember_card(scam):
    """After a scam's screens: the one line to remember (the rule it breaks, else its first step), on its colour."""
    line, _source = remember_line(scam)
    size = "hero" if len(line) <= REMEMBER_CHARS else "lead"  # a long rule a size smaller, as on the poster
    return card("remember", "", [{"type": size, "text": line}], scam["title"], design.icon_of(scam), design.accent(scam["category"]),
                "statement")


def numbers(canvas):
    """The two numbers as a block: side by side on a wide screen, one under the other on a tall one."""
    two = calls()
    return {"type": "numbers", "items": two, "columns": len(two) if canvas.width > canvas.height else 1}


def calls_card(canvas):
    return card("calls", "", [numbers(canvas)], _("记住这两个电话"), "siren", layout="statement")


def fallback_card(canvas):
    """The standing card, shown when nothing else may show, for a minute at a time."""
    standing = card("fallback", "", [{"type": "hero", "text": _("防范诈骗")}, numbers(canvas)], icon="shield-check",
                    layout="statement")
    return dict(standing, scale=fitting_scale(standing, canvas, largest(standing)), attrs={"seconds": str(FALLBACK_SECONDS)})


def largest(card):
    """How much larger than the canvas's the type of a card may grow to fill its screen."""
    return LARGEST_STATEMENT if card["layout"] == "statement" else LARGEST_SCALE


def review_due(model, reviewed, review_by=None):
    """The last day an item may be shown."""
    if review_by:
        return review_by
    return add_months(reviewed, model.config["review_months"]) if reviewed else None


def entry(model, item, canvas):
    """One playlist item → (cards paginated for `canvas`, last day it may show, where its content lives)."""
    if item.get("scam"):
        scam = item["scam"]
        return scam_cards(scam, canvas), review_due(model, scam["reviewed"], scam["review_by"]), scam["file"]
    if item.get("rules"):
        rule = item["rules"]
        return rule_cards(rule, canvas), review_due(model, rule["reviewed"]), rule["file"]
    if item.get("campaign"):
        campaign = next(c for c in model.campaigns if c["slug"] == item["campaign"])
        return slogan_card(campaign, canvas), review_due(model, campaign["reviewed"]), campaign["file"]
    return report_cards(model, item.get("channels"), canvas), review_due(model, model.channels_reviewed), "content/channels.yaml"


def between(item, following, since_calls, canvas):
    """The screens after an item (a scam's line to remember; the numbers after a run of 凡是 lists or
    every few items, never next to the report screens), and the content items since the numbers last showed.
    `following`: (the next item is a 凡是 list, the next item is the report screen)."""
    if item.get("report"):
        return [], 0
    made = [remember_card(item["scam"])] if item.get("scam") else []
    since_calls += not item.get("campaign")
    next_rules, next_report = following
    if (item.get("rules") and not next_rules or since_calls >= CALLS_EVERY) and not next_report:
        return made + [calls_card(canvas)], 0
    return made, since_calls


def default_playlists(model):
    """Everything, then one per campaign (its slogan, scams, rules and numbers)."""
    everything = [{"report": True}] + [{"rules": r} for r in model.rules]
    everything += [{"scam": s} for s in model.scams] + [{"campaign": c["slug"]} for c in model.campaigns]
    lists = [{"slug": "all", "title": _("全部内容"), "description": _("所有诈骗类型、凡是规则、该打哪个电话和各活动口号。"),
              "seconds": None, "items": everything, "file": ""}]
    for c in model.campaigns:
        items = [{"campaign": c["slug"]}, {"report": True, "channels": [ch["id"] for ch in c["channels"]]}]
        items += [{"rules": r} for r in c["rules"]] + [{"scam": s} for s in c["scams"]]
        lists.append({"slug": c["slug"], "title": c["title"], "description": _("：").join(x for x in (c["format"], c["place"]) if x),
                      "seconds": None, "items": items, "file": c["file"], "lang": c.get("lang")})
    return lists


def loops(model):
    """Every loop: the default ones (a file in content/playlists/ replaces one of the same name), then
    the other playlist files; `all` first, then by name."""
    custom = {p["slug"]: p for p in model.playlists}
    found = [custom.pop(p["slug"], p) for p in default_playlists(model)] + list(custom.values())
    return sorted(found, key=lambda p: (p["slug"] != "all", p["slug"]))


@pure
def fitted(card, canvas):
    """(the type scale at which the card fills its screen, its blocks with the pictures grown into the room left,
    whether its text still does not fit: for check)."""
    scale = fitting_scale(card, canvas, largest(card), SMALLEST_SCALE)
    grown = grow_pictures(dict(card, scale=scale), canvas)
    return scale, grown["blocks"], fill_ratio(grown, [canvas]) > 1


def build_loop(model, playlist, options, on, stale, canvas, too_full=None):
    """The cards of one loop, each with its duration and windows, paginated for `canvas`, with the
    screens between them; every card's type as large as its canvas allows (up to LARGEST_SCALE).
    Items past their review date are left out and added to `stale` ({(source, due): [loop pages]}); the
    numbers (from 1) of the screens whose text does not fit are added to `too_full`."""
    return taken_in(loop_cards(model, playlist, options, on, canvas), playlist, stale, too_full)


def taken_in(laid_out, playlist, stale, too_full=None):
    """A loop's cards from loop_cards' answer, its overdue items added to `stale` and its screens too full to `too_full`."""
    cards, overdue, full = laid_out
    if too_full is not None:
        too_full += full
    for source_due in overdue:
        where = stale.setdefault(source_due, [])
        if f"kiosk/{playlist['slug']}.html" not in where:
            where.append(f"kiosk/{playlist['slug']}.html")
    return cards


def _lay_out(job, loop_canvas):
    """loop_cards of one loop on one canvas (a job of laid_out_loops)."""
    model, playlists, options, on = job
    number, canvas = loop_canvas
    return loop_cards(model, playlists[number], options, on, canvas)


def laid_out_loops(model, playlists, options, on, memory):
    """{(loop number, canvas name): loop_cards} for every loop on every canvas. Fitting each screen is most
    of a big build's planning: in a one-off build each loop's orientation is a job for another core."""
    jobs = [(number, canvas) for number in range(len(playlists)) for canvas in CANVASES]
    many = sum(len(p["items"]) for p in playlists) >= parallel.MIN_ITEMS
    laid = parallel.planned_map(_lay_out, jobs, (model, playlists, options, on), memory, min_items=1 if many else None)
    return {(number, canvas.name): cards for (number, canvas), cards in zip(jobs, laid)}


@pure
def loop_cards(model, playlist, options, on, canvas):
    """(the loop's cards, the (source, review date) of each item left out as overdue, the numbers (from 1) of
    the screens whose text does not fit): a loop none of whose items changed is one remembered layout in a
    preview, and in one that did each other item is one more."""
    cards, overdue, too_full, since_calls = [], [], [], 0
    items = playlist["items"]
    for number, item in enumerate(items):
        following = items[number + 1] if number + 1 < len(items) else {}
        made, late, since_calls, full = item_cards(model, item, (bool(following.get("rules")), bool(following.get("report"))),
                                                   number, since_calls, playlist["seconds"] or options["seconds"], on, canvas)
        too_full += [len(cards) + n for n in full]
        cards += made
        overdue += [late] if late else []
    return cards, overdue, too_full


@pure
def item_cards(model, item, following, number, since_calls, default_seconds, on, canvas):
    """One playlist item's screens and those after it, timed and fitted; `following` says whether the next
    item is a 凡是 list and whether it is the report screen. → (cards, (source, review date) when the item is
    overdue and left out, the content items since the numbers last showed, the numbers (from 1) of those
    screens whose text does not fit)."""
    made, due, source = entry(model, item, canvas)
    if due and due < on:
        return [], (source, due), since_calls, []
    until = min(d for d in (item.get("until"), due) if d) if (item.get("until") or due) else None
    seconds = item.get("seconds") or default_seconds
    attrs = {"seconds": seconds, "from": item.get("from") or "", "until": until or "", "hours": item.get("hours") or "",
             "entry": number}
    extra, since_calls = between(item, following, since_calls, canvas)
    too_full = []
    for screen, (c, shown_for) in enumerate([(c, seconds) for c in made] + [(c, min(seconds, BETWEEN_SECONDS)) for c in extra], 1):
        c["attrs"] = {k: str(v) for k, v in dict(attrs, seconds=shown_for).items() if v != ""}
        c["scale"], c["blocks"], full = fitted(dict(c, attrs=None), canvas)
        too_full += [screen] if full else []
    return made + extra, None, since_calls, too_full


def footer(model):
    """The numbers that stay on screen: 110, 96110, the local ones; the organiser."""
    numbers = [{"number": "110", "label": _("报警")}, {"number": "96110", "label": _("反诈咨询")}]
    numbers += [{"number": c["dial"], "label": c["name"]} for c in model.channels if c["local"] and c["dial"]]
    contact = model.config["contact"]
    if contact["police_phone"] and contact["police_phone"] not in {n["number"] for n in numbers}:
        numbers.append({"number": contact["police_phone"], "label": contact["police_station"] or _("辖区派出所")})
    return {"numbers": numbers, "organisation": model.config["organisation"], "logo": model.config.get("logo")}


def footer_fits(foot, canvases=CANVASES, clock=CLOCK_SAMPLE):
    """Does the footer fit in the bottom band on every canvas (the web loop: both orientations)?"""
    numbers = "　".join(f"{n['number']} {n['label']}" for n in foot["numbers"])
    rest = f"{foot['organisation']}　{clock}"
    for canvas in canvases:
        width = canvas.width - 2 * canvas.pad_x
        if foot.get("logo"):  # the logo stands left of the lines, as tall as the canvas's logo
            width -= canvas.logo * foot["logo"]["width"] / foot["logo"]["height"] + canvas.gap
        lines = line_count(numbers, canvas.small, width) + line_count(rest, canvas.small, width)
        if lines * canvas.small * canvas.line > canvas.foot - 2 * FOOT_PAD:
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
    stale, contexts, sources, shows, too_full, names = {}, [], [], [], [], []
    foot = footer(model)
    playlists = loops(model)
    laid = laid_out_loops(model, playlists, options, ctx.today, ctx.memory)
    for number, playlist in enumerate(playlists):
        shows.append(tuple(dict.fromkeys((("scam", i["scam"]["slug"]), "") for i in playlist["items"] if i.get("scam"))))
        too_full.append({canvas.name: [] for canvas in CANVASES})
        sets = [{"name": canvas.name, "cards": taken_in(laid[number, canvas.name], playlist, stale, too_full[-1][canvas.name]),
                 "fallback": fallback_card(canvas)} for canvas in CANVASES]
        cards = sets[0]["cards"]  # the landscape screens: what the index and the manifest count
        seconds = sum(int(c["attrs"]["seconds"]) for c in cards)
        contexts.append({"playlist": {k: playlist[k] for k in ("slug", "title", "description")}, "sets": sets,
                         "cards": cards, "loop_seconds": seconds})
        sources.append(playlist["file"])
        names.append(naming(playlist))  # a campaign's loop is in its campaign's language
    shared = {"options": dict(options, night_mode=NIGHT_MODES[options["night_mode"]]), "foot": foot,
              "landscape": KIOSK_LANDSCAPE.css(), "portrait": KIOSK_PORTRAIT.css()}
    version = version_of([shared, contexts], ctx.templates)
    campaigns = {x["slug"] for x in model.campaigns}
    out = [Page(f"kiosk/{c['playlist']['slug']}.html", "kiosk/loop.html", dict(c, version=version, source=source, too_full=full, **shared),
                about=about,
                kit_of=c["playlist"]["slug"] if c["playlist"]["slug"] in campaigns else "",
                label=_("大屏轮播"), named_after=name, purpose=_("在服务大厅或走廊的大屏上用浏览器全屏循环播放"),
                kind="kiosk-loop", size=KIOSK_LANDSCAPE.size(), sheets=len(c["cards"]))
           for c, source, about, full, name in zip(contexts, sources, shows, too_full, names)]
    out.append(Page("kiosk/index.html", "kiosk/index.html", {"loops": contexts, "options": shared["options"],
                                                             "stale": sorted(stale.items()), "foot": foot}))
    out.append(Page("kiosk/version.txt", text=version + "\n", kind="version"))
    return out


def check(model, pages, ctx):
    """Screens whose text does not fit (on their own orientation's canvas), loops with nothing to play,
    items past their review date, a footer too long for a portrait screen."""
    found = []
    for page in pages:
        if page.kind == "kiosk-loop":
            slug, source = page.context["playlist"]["slug"], page.context["source"] or "content/"
            for screens in page.context["sets"]:  # the screens found too full when they were fitted
                for number in page.context["too_full"][screens["name"]]:
                    name = screens["cards"][number - 1]["name"]
                    found.append(Overflow(source, 0, f"kiosk/{slug}.html {ORIENTATIONS[screens['name']]}第 {number} 屏「{name}」",
                                          "文字太多，大屏上放不下。请删减这一屏的文字。"))
            if not page.context["cards"]:
                found.append(Notice(source, 0, f"kiosk/{slug}.html",
                                    "这个大屏轮播里没有可以播放的内容，屏幕上只会显示 110 和 96110。"))
        elif page.dest == "kiosk/index.html":
            for (source, due), where in page.context["stale"]:
                found.append(Notice(source, 0, "reviewed", f"已过下次审核日期（{due}），已从大屏轮播中去掉（{'、'.join(where)}）。请重新审核内容，再更新 reviewed 日期。"))
            if not footer_fits(page.context["foot"]):
                found.append(Overflow("config.yaml", 0, "local_channels", "大屏底部的电话栏太长，竖屏放不下。请缩短本地举报渠道的名称（name）。"))
    return found
