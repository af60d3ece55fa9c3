"""The website: home, one page per scam, rules, report, prevention, campaigns, search."""

import json
from xml.sax.saxutils import escape

from ...page import Page


def search_index(model):
    """The search index as a script, so search works from file:// (no fetch)."""
    entries = [{
        "t": scam["title"],
        "a": " ".join(scam["aliases"]),
        "s": scam["summary"],
        "b": " ".join([scam["text"], *scam["signs"], *scam["steps"]]),
        "u": f"scams/{scam['slug']}.html",
        "g": scam["audiences"],
    } for scam in model.scams]
    entries += [{"t": rule["title"], "a": "凡是", "s": rule["source"], "b": " ".join(rule["items"]),
                 "u": "rules.html", "g": []} for rule in model.rules]
    entries += [{"t": campaign["title"], "a": campaign["slogan"], "s": campaign["organiser"],
                 "b": campaign["text"], "u": f"campaigns/{campaign['slug']}.html", "g": campaign["audiences"]}
                for campaign in model.campaigns]
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.SEARCH_INDEX={body};\n"


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
    ]
    out += [Page(f"scams/{scam['slug']}.html", "site/scam.html", {"scam": scam}) for scam in model.scams]
    out += [Page(f"campaigns/{c['slug']}.html", "site/campaign.html", {"campaign": c, "kit_for": c["slug"]})
            for c in model.campaigns]
    if model.config["base_url"]:
        out.append(Page("sitemap.xml", kind="sitemap", text=sitemap(model.config["base_url"], sorted(p.dest for p in out if p.dest.endswith(".html") and p.dest != "404.html"))))
    return out


def check(model, pages, ctx):
    """The website's pages need no check of their own: validation covered their content."""
    return []
