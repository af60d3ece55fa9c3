"""The website: home, one page per scam, rules, report, prevention, campaigns, search."""

import json
from xml.sax.saxutils import escape

from pathlib import Path

from ... import i18n, icons, script_words
from ...i18n import ui as _
from ...page import Page


def copy_picture(path):
    """A picture from content/, copied as it is into site/images/ (in a render worker)."""
    return Path(path).read_bytes()


def search_index(model):
    """The search index as a script, so search works from file:// (no fetch)."""
    entries = [{
        "k": _("诈骗手法"),
        "t": scam["title"],
        "a": " ".join(scam["aliases"]),
        "s": scam["summary"],
        "b": " ".join([scam["text"], *scam["signs"], *scam["steps"]]),
        "u": f"scams/{scam['slug']}.html",
        "g": scam["audiences"],
    } for scam in model.scams]
    entries += [{"k": _("凡是规则"), "t": rule["title"], "a": _("凡是"), "s": rule["source"], "b": " ".join(rule["items"]),
                 "u": "rules.html", "g": []} for rule in model.rules]
    entries += [{"k": _("宣传活动"), "t": campaign["title"], "a": campaign["slogan"], "s": campaign["organiser"],
                 "b": campaign["text"], "u": f"campaigns/{campaign['slug']}.html", "g": campaign["audiences"]}
                for campaign in model.campaigns]
    items = list(model.scams) + list(model.rules) + list(model.campaigns)
    for entry, item in zip(entries, items):
        lang = i18n.other_lang(item, model.config)
        if lang:  # the result is shown in its own language (only where it differs from the page's)
            entry["l"] = lang
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.SEARCH_INDEX={body};\n"


def favicon(brand):
    """The site's icon: the shield pictogram, white on the brand colour."""
    shape = icons.source("shield-alert", "#ffffff", 2.4).replace("<svg ", '<svg x="4" y="4" width="24" height="24" ', 1)
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" rx="7" fill="{brand}"/>{shape}</svg>\n')


def sitemap(base_url, dests):
    """sitemap.xml with absolute URLs (only when a base URL is set)."""
    base = base_url.rstrip("/") + "/"
    rows = "".join(f"  <url><loc>{escape(base + d)}</loc></url>\n" for d in dests)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'


def pages(model, ctx):
    """All pages of the website family."""
    out = [
        Page("index.html", "site/index.html"),
        Page("scams/index.html", "site/scams.html"),
        Page("rules.html", "site/rules.html"),
        Page("report.html", "site/report.html"),
        Page("prevention.html", "site/prevention.html"),
        Page("cases.html", "site/cases.html"),
        Page("campaigns/index.html", "site/campaigns.html"),
        Page("search.html", "site/search.html"),
        Page("404.html", "site/404.html"),
        Page("assets/search-index.js", text=search_index(model), kind="asset"),
        Page("assets/favicon.svg", text=favicon(model.config["design"]["brand"]), kind="asset"),
    ]
    if script_words.needed(model.config):
        out.append(Page(script_words.DEST, text=script_words.words_script(_), kind="asset"))
    out += [Page(f"scams/{scam['slug']}.html", "site/scam.html", {"scam": scam, "about_for": ("scam", scam["slug"])})
            for scam in model.scams]
    out += [Page(dest, make=(copy_picture, str(Path(ctx.root) / source)), kind="image") for dest, source in sorted(model.images.items())]
    out += [Page(f"campaigns/{c['slug']}.html", "site/campaign.html", {"campaign": c, "kit_for": c["slug"]})
            for c in model.campaigns]
    if model.config["base_url"]:
        out.append(Page("sitemap.xml", kind="sitemap", text=sitemap(model.config["base_url"], sorted(p.dest for p in out if p.dest.endswith(".html") and p.dest != "404.html"))))
    return out


def check(model, pages, ctx):
    """The website's pages need no check of their own: validation covered their content."""
    return []
