"""WeChat: a 公众号 article per campaign and per scam type, and a 群 message per campaign.

wechat/<campaign>.html and wechat/scams/<slug>.html hold the article in an element marked
`data-wechat-article`, written only with what the WeChat editor keeps (rules.py), and a 复制 button
outside it (assets/wechat.js); wechat/<campaign>.txt is a short message ready to paste into a
group chat. The articles are written when the pages are planned (compose.py), so `check` measures
the very HTML the pages will carry: an article that breaks a rule stops the build.
"""

from ...i18n import ui as _
from ...page import Page
from ...parallel import planned_map
from ...problems import Problem
from . import compose
from .rules import LIMIT, too_long

INDEX = "wechat/index.html"


def fitted(make):
    """The fullest article that stays under the editor's limit (the shortest one, if none does)."""
    for detail in compose.DETAILS:
        article = make(detail)
        if len(article) < LIMIT:
            return article
    return article


def scam_dest(scam):
    return f"wechat/scams/{scam['slug']}.html"


def _scam_article(model, number):
    """One scam type's article (a job of scam_pages)."""
    scam = model.scams[number]
    return compose.scam_article(model, scam, scam_dest(scam))


def scam_pages(model, memory):
    """A page per scam type; the articles written over the cores in a one-off build."""
    articles = planned_map(_scam_article, range(len(model.scams)), model, memory)
    return [Page(scam_dest(scam), "wechat/article.html", {"title": scam["title"], "article": article, "source": scam["file"],
                                                          "scam": scam, "message": ""}, kind="wechat-article")
            for scam, article in zip(model.scams, articles)]


def pages(model, ctx):
    """The articles, the group messages and wechat/index.html, which lists them."""
    campaigns = []
    for campaign in model.campaigns:
        dest = f"wechat/{campaign['slug']}.html"
        article = fitted(lambda detail, c=campaign, d=dest: compose.campaign_article(model, c, d, detail))
        campaigns.append((
            Page(dest, "wechat/article.html", {
                "title": campaign["title"], "article": article, "source": campaign["file"], "campaign": campaign,
                "message": f"{campaign['slug']}.txt"}, kit_of=campaign["slug"], label=_("公众号文章"), kind="wechat-article"),
            Page(f"wechat/{campaign['slug']}.txt", text=compose.group_message(model, campaign), context={"source": campaign["file"]},
                 kit_of=campaign["slug"], label=_("微信群消息"), kind="group-message")))
    scams = scam_pages(model, ctx.memory)
    index = Page(INDEX, "wechat/index.html", {"campaigns": campaigns, "scams": scams})
    return [page for pair in campaigns for page in pair] + scams + [index]


def check(model, pages, ctx):
    """Every article must fit the editor: its length is the content's to fix. (The other rules are the
    writer's: it emits only what the editor keeps, and content HTML is shown as text, so the tests hold
    every article to them; parsing each one again here cost more than the rest of the family.)"""
    found = []
    for page in pages:
        if page.kind != "wechat-article":
            continue
        broken = too_long(page.context["article"])
        if broken:
            fewer = "，或者少列几种诈骗类型" if "campaign" in page.context else ""
            fix = f"请删减这个文件的正文{fewer}"
            found.append(Problem(page.context["source"], 0, "正文", (
                f"{page.dest} 的公众号文章粘贴到微信编辑器会出问题：{'；'.join(broken)}。{fix}。")))
    return found
