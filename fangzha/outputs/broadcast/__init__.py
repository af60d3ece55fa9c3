"""Broadcast scripts: broadcast/<campaign>.txt, a 广播稿 per campaign for a village loudspeaker
(大喇叭) or a phone recording.

Each script has a one-minute and a three-minute version: short sentences, numbers written as they
are read (spoken.py), the key warning (which number to call) said at the start and again at the
end (and in the middle of the long one), and the local contact. What goes in is chosen by
priority until the version's reading time, estimated at spoken.READING_SPEED, is used up.
"""

from ...i18n import N_
from ...i18n import ui as _
from ...memory import pure
from ...page import Page
from ...problems import Notice
from .spoken import characters, number_word, reading_seconds, reading_speed, sentences, spoken

VERSIONS = ((N_("一分钟版"), 60), (N_("三分钟版"), 180))
NATIONAL = {"110", "96110"}  # in the key warning already
KEY_WARNING = [N_("拿不准是不是诈骗，先打 96110 问一问。"), N_("钱已经转出去了，马上打 110 报警。")]
RULE_ITEMS = 6  # a rule list longer than this is too long to read out whole


def said(texts):
    """Short sentences, numbers spelled out as read."""
    return [s for text in texts for s in sentences(spoken(text))]


def scam_part(scam, detailed):
    """What to say about one scam: its name and summary; in the long version two signs and two steps."""
    lines = said([_("当心%(scam)s。") % {"scam": scam["title"]}, scam["summary"]])
    if detailed:
        lines += said([_("这些情况要警惕：")] + scam["signs"][:2] + [_("遇到了，要这样做：")] + scam["steps"][:2])
    return lines


def scam_more(scam):
    """The long version's room to spare: the rest of a scam's signs and steps."""
    signs, steps = scam["signs"][2:], scam["steps"][2:]
    return said(([_("还要警惕：")] + signs if signs else []) + ([_("还可以这样做：")] + steps if steps else []))


def local_contact(model, campaign):
    """The local numbers: the campaign's local phone lines, the organiser's phone, the police station
    (example numbers never get here: validation withholds them)."""
    contact = model.config["contact"]
    texts = [_("%(name)s，电话 %(number)s。") % {"name": c["name"], "number": c["dial"]} for c in campaign["channels"] if c["local"] and c["dial"]]
    if contact["phone"]:
        texts.append(_("有问题，请联系%(name)s，电话 %(number)s。") % {"name": contact["name"] or model.config["organisation"],
                                                            "number": contact["phone"]})
    if contact["police_phone"] and contact["police_phone"] not in NATIONAL:
        texts.append(_("%(station)s电话 %(number)s。") % {"station": contact["police_station"] or _("辖区派出所"), "number": contact["police_phone"]})
    return said(texts)


def parts(model, campaign, detailed):
    """(fixed parts, optional parts by priority): each part is (its place in the script, lines)."""
    key = said([_(line) for line in KEY_WARNING])
    slogan = said([campaign["slogan"] + _("！")]) if campaign["slogan"] else []
    fixed = [
        ((0,), said([_("各位朋友，大家好。这里是%(organiser)s。现在播送防范诈骗提醒。") % {"organiser": campaign["organiser"]}]) + slogan),
        ((1,), said([_("请大家记住：")]) + key),
        ((6,), local_contact(model, campaign)),
        ((7,), said([_("再说一遍：")]) + key + slogan + said([_("谢谢大家。")])),
    ]
    scams = [((2, n, 0), scam_part(s, detailed)) for n, s in enumerate(campaign["scams"])]
    if not detailed:
        return fixed, scams
    fixed.append(((3,), said([_("再提醒一遍：")]) + key))
    rules = [((4, n), said([_("请记住%(rules)s：") % {"rules": r["title"]}] + r["items"]))
             for n, r in enumerate(campaign["rules"]) if len(r["items"]) <= RULE_ITEMS]
    others = [c for c in campaign["channels"] if c["number"] not in NATIONAL and not c["local"]]
    channels = [((5, n, 0), said([c["name"] + _("：") + c["when"]])) for n, c in enumerate(others)]
    notes = [((5, n, 1), said([c["note"]])) for n, c in enumerate(others) if c["note"]]
    more = [((2, n, 1), scam_more(s)) for n, s in enumerate(campaign["scams"])]
    return fixed, scams[:2] + rules + channels + scams[2:] + more + notes


@pure
def version(model, campaign, name, seconds):
    """One version of the script: its lines, within `seconds` of reading where the fixed parts allow."""
    fixed, optional = parts(model, campaign, detailed=seconds > 60)
    chosen = list(fixed)
    budget = seconds * reading_speed()
    used = characters(line for _, lines in chosen for line in lines)
    for part in optional:  # (a count of lines is the sum of each line's)
        more = characters(part[1])
        if used + more <= budget:
            chosen.append(part)
            used += more
    ordered = [line for _, lines in sorted(chosen, key=lambda part: part[0]) for line in lines]
    count, read = characters(ordered), reading_seconds(ordered)
    return {"name": name, "limit": seconds, "lines": ordered, "characters": count, "seconds": read,
            "said": _("约%(count)s字，读完约%(seconds)s秒") % {"count": number_word(count), "seconds": number_word(read)}}


def pages(model, ctx):
    """broadcast/<campaign>.txt for every campaign, in its kit."""
    out = []
    for campaign in model.campaigns:
        versions = [version(model, campaign, _(name), seconds) for name, seconds in VERSIONS]
        out.append(Page(f"broadcast/{campaign['slug']}.txt", "broadcast/script.txt", {
            "campaign": campaign, "title": spoken(campaign["title"]), "versions": versions,
            "speed": number_word(reading_speed()),
        }, kit_of=campaign["slug"], label=_("广播稿"), purpose=_("在学校或社区的广播里照着念，有 1 分钟和 3 分钟两种"),
            kind="broadcast-script"))
    return out


def check(model, pages, ctx):
    """A version longer than its minutes: the fixed parts (organiser, slogan, local numbers) are too long."""
    found = []
    for page in pages:
        for v in page.context["versions"]:
            if v["seconds"] > v["limit"]:
                found.append(Notice(page.context["campaign"]["file"], 0, "", (
                    f"{page.dest} 的{v['name']}读完约 {v['seconds']} 秒，超过了 {v['limit'] // 60} 分钟。"
                    "请缩短主办单位（organiser）、口号（slogan）或 config.yaml 里本地电话的名称。")))
    return found
