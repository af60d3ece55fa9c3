"""What each 公众号 article and 群 message says (the words live here; article.py writes the HTML).

A campaign's article can name many scams: when the whole of every scam's signs and steps would
make the article longer than the editor takes, each scam's are joined into one line, then cut to
the first few; `DETAILS` lists those steps, fullest first.
"""

from ...i18n import N_
from ...i18n import ui as _
from ...memory import pure
from ..printkit import compose as printed
from ..printkit import share
from ..printkit.kit import campaign_poster, scam_poster, shortest
from .article import Article

KEY = [N_("拿不准是不是诈骗，先打 96110 问一问。"), N_("钱已经转出去了，马上打 110 报警。")]
DETAILS = ("lists", "joined", "short")
SHORT = 2              # signs and steps per scam in the shortest article
MESSAGE_SCAMS = 4      # scams a group message names
BOM = "\ufeff"         # first in the message file: Notepad and browsers then read it as UTF-8


def numbers(article, model, channels):
    """The numbers to remember, the key warning, and the local contact."""
    article.heading(_("记住这些电话"))
    article.table([(c["label"], c["when"]) for c in channels])
    article.p(_(printed.CALLS), "call")
    local = printed.local_lines(model, channels)
    if local:
        article.heading(_("本地联系"))
        article.items(local)


def foot(article, sources, reviewed):
    article.p(printed.from_line(printed.sources_text(sources)), "small")
    article.p(printed.reviewed_line(reviewed), "small")


def scam_part(article, scam, detail):
    """One scam in a campaign's article, at the given level of detail."""
    article.subheading(scam["title"])
    article.p(scam["summary"])
    signs, steps = (scam["signs"][:SHORT], scam["steps"][:SHORT]) if detail == "short" else (scam["signs"], scam["steps"])
    if detail == "lists":
        article.labelled(_("警惕信号"), "")
        article.items(signs)
        article.labelled(_("遇到了怎么办"), "")
        article.items(steps, numbered=True)
    else:
        article.labelled(_("警惕："), _("；").join(signs) + _("。"))
        article.labelled(_("怎么办："), _("；").join(steps) + _("。"))


def rule_lists(article, rules):
    for rule in rules:
        article.heading(rule["title"])
        article.items(rule["items"], numbered=True)
        article.p(printed.cited(rule), "small")


@pure
def campaign_article(model, campaign, dest, detail="lists"):
    """The marked element of a campaign's article."""
    article = Article(model.config["base_url"], dest)
    article.p(campaign["title"], "title")
    if campaign["slogan"]:
        article.p(campaign["slogan"], "slogan")
    article.picture(share.image_of(campaign_poster(campaign["slug"])), _("本次活动的海报"))
    article.body(campaign["html"], f"campaigns/{campaign['slug']}.html")
    for key, value in printed.campaign_facts(campaign, "date", "place", "organiser"):
        article.labelled(key + _("："), value)
    article.heading(_("这些骗局要当心"))
    for scam in campaign["scams"]:
        scam_part(article, scam, detail)
    rule_lists(article, campaign["rules"] or ([model.featured_rules] if model.featured_rules else []))
    numbers(article, model, campaign["channels"] or printed.default_calls(model))
    if model.guide:
        article.picture(share.image_of("posters/report.html"), _("“%(title)s”海报") % {"title": _("遇到诈骗，打哪个电话")})
    foot(article, campaign["sources"], campaign["reviewed"])
    return article.html()


@pure
def scam_article(model, scam, dest):
    """The marked element of one scam type's article."""
    article = Article(model.config["base_url"], dest)
    article.p(scam["title"], "title")
    article.p(scam["summary"], "slogan")
    article.picture(share.image_of(scam_poster(scam["slug"])), _("这种骗局的海报"))
    article.body(scam["html"], f"scams/{scam['slug']}.html")
    article.heading(_("警惕信号"))
    article.items(scam["signs"])
    article.heading(_("遇到了怎么办"))
    article.items(scam["steps"], numbered=True)
    remembered = [r for r in scam["rules"] if r["text"]]
    if remembered:
        article.heading(_("请记住"))
        for rule in remembered:
            article.p(rule["text"], "call")
            article.p(f"{rule['list']['title']}，{printed.cited(rule['list'])}", "small")
    numbers(article, model, scam["call"])
    foot(article, scam["sources"], scam["reviewed"])
    return article.html()


def group_message(model, campaign):
    """A short plain-text message for a group chat: a few short paragraphs, the numbers, the local contact."""
    titles = [s["title"] for s in campaign["scams"]]
    named = _("、").join(titles[:MESSAGE_SCAMS]) + (_("等") if len(titles) > MESSAGE_SCAMS else "")
    paragraphs = [_("【防骗提醒】%(title)s") % {"title": campaign["title"]} + ("\n" + campaign["slogan"] + _("！") if campaign["slogan"] else "")]
    paragraphs.append(_("%(organiser)s提醒大家，当心这些骗局：%(scams)s。") % {"organiser": campaign["organiser"], "scams": named})
    slogans = shortest([r for r in campaign["rules"] or model.rules if all(len(t) <= printed.SHORT_ITEMS for t in r["items"])])
    if slogans:
        paragraphs[-1] += _("记住“%(title)s”：%(items)s。") % {"title": slogans["title"], "items": _("，").join(slogans["items"])}
    paragraphs.append("\n".join(_(line) for line in KEY))
    local = printed.local_lines(model, campaign["channels"])
    if local:
        paragraphs.append(_("本地联系：") + "\n" + "\n".join(local))
    if model.config["base_url"]:
        paragraphs.append(_("详情请看：") + f"{model.config['base_url'].rstrip('/')}/campaigns/{campaign['slug']}.html")
    return BOM + "\n\n".join(paragraphs) + "\n"
