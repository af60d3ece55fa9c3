"""What each print-shop item says, as parts of blocks (the words live here and in the print kit's compose).

A roll-up banner and a display board say what a campaign poster says, with room for more: the
scams explained in a line each and a rule list to remember. A table tent's face is a small poster
of the slogan and the numbers; a wall notice is the report poster or a slogan with its channels.
"""

from ...i18n import shown
from ...i18n import ui as _
from ...layout.budget import Owner, owner
from ...layout.place import Part
from ..printkit import compose as kit
from ..printkit.kit import shortest

LISTED_SCAMS = 6  # a roll-up lists this many scams with their summaries; more are shown as names only
BOARD_SCAMS = 3   # a board (half as tall for its width) this many
GUIDE = "content/channels.yaml"


def campaign_channels(model, campaign):
    return campaign["channels"] or kit.default_calls(model)


def hero(model, campaign, line=True):
    return kit.hero(kit.org_line(model, campaign["organiser"]), campaign.get("icon") or "megaphone", shown(campaign["format"]), campaign["title"],
                    owner(campaign, "title"), campaign["slogan"] if line else None, owner(campaign, "slogan"))


def remember_blocks(campaign):
    """A rule list to remember (the campaign's shortest), else the first step of each scam."""
    rule = shortest(campaign["rules"])
    if rule:
        return [kit.text("h2", rule["title"], owner(rule, "title")),
                {"type": "list", "items": rule["items"], "ordered": True, "owner": owner(rule, "items")}]
    steps = list(dict.fromkeys(s["steps"][0] for s in campaign["scams"]))[:5]
    return [kit.text("h2", _("遇到了怎么办")),
            {"type": "list", "items": steps, "ordered": True, "owner": owner(campaign["scams"][0], "steps")}]


def facts_block(campaign):
    facts = [(k, v) for k, v in ((_("时间"), campaign["date_text"]), (_("地点"), campaign["place"]),
                                 (_("对象"), _("、").join(_(a) for a in campaign["audiences"]))) if v]
    return [{"type": "facts", "pairs": facts, "owner": owner(campaign, "place")}] if facts else []


def display(model, campaign, columns):
    """A roll-up (one column) or a display board (two): hero, what to watch for, the numbers."""
    remember = remember_blocks(campaign)
    numbers = kit.numbers(campaign_channels(model, campaign), model.guide, owner(campaign, "channels"))
    if columns == 2:  # a landscape board: the numbers close its second column, the body keeps the height
        watch = facts_block(campaign) + kit.scam_blocks(campaign, BOARD_SCAMS)
        top = hero(model, campaign)
        top.share = .36
        return [top, Part("正文", "display", [{"type": "columns", "columns": [watch, remember + numbers]}], fill=True)]
    watch = facts_block(campaign) + kit.scam_blocks(campaign, LISTED_SCAMS)
    return [hero(model, campaign), Part("正文", "display", watch + remember, fill=True),
            Part("电话", "strip", numbers, share=.25)]


def tent_face(model, campaign):
    """One face of a campaign's table tent: the slogan (else the title) and the numbers."""
    title, who = (campaign["slogan"], owner(campaign, "slogan")) if campaign["slogan"] else (campaign["title"], owner(campaign, "title"))
    top = kit.hero(kit.org_line(model, campaign["organiser"]), campaign.get("icon") or "megaphone", _("防骗提醒"), title, who)
    top.share = .6
    return [top,
            Part("电话", "strip", kit.numbers(campaign_channels(model, campaign), model.guide, owner(campaign, "channels")),
                 fill=True, min_share=.2)]


def guide_rows(model):
    return [{"when": row["situation"], "calls": " / ".join(c["label"] for c in row["call"]), "text": ""}
            for row in model.guide]


def guide_face(model, title):
    """The "which number when" table tent: each situation and its number."""
    return [kit.hero(kit.org_line(model, kit.reminder_line(model)), "phone-call", _("举报求助"), title, None),
            Part("正文", "body", [{"type": "rows", "rows": guide_rows(model), "compact": True, "owner": Owner(GUIDE, "guide")}],
                 fill=True)]


def slogan_notice(model, campaign, slogan):
    """A wall notice of one slogan with the campaign's channels under it."""
    channels = campaign_channels(model, campaign)
    body = kit.numbers(channels, model.guide, owner(campaign, "channels"), limit=6)
    return [kit.hero(kit.org_line(model, campaign["organiser"]), campaign.get("icon") or "megaphone", _("防骗提醒"), campaign["title"],
                     owner(campaign, "title"), slogan, owner(campaign, "slogan")),
            Part("正文", "body", body, fill=True)]


def report_notice(model, title):
    return kit.report_poster(model, title)


def banner_slogans(model, campaign):
    """The campaign's banner slogans: its own list, else its slogan (or title), then the two numbers."""
    if campaign["banners"]:
        return [(text, owner(campaign, "banners")) for text in campaign["banners"]]
    first = (campaign["slogan"], owner(campaign, "slogan")) if campaign["slogan"] else (campaign["title"], owner(campaign, "title"))
    dial = [c for c in campaign_channels(model, campaign) if c["dial"]]
    numbers = [first]
    if any(c["id"] == "110" for c in dial) and any(c["id"] == "96110" for c in dial):
        numbers.append((_("钱已转出打110，拿不准打96110"), owner(campaign, "channels")))
    elif dial:
        numbers.append((_("防范诈骗，请拨打%(number)s") % {"number": dial[0]["dial"]}, owner(campaign, "channels")))
    return numbers


def banner_blocks(banner, who):
    if banner.vertical:
        return [{"type": "stacked", "role": "vbanner", "chars": list(banner.text), "owner": who}]
    return [{"type": "text", "role": "banner", "text": banner.text, "owner": who}]

