"""A 公众号 article as HTML the WeChat editor keeps (see rules.py): every element styled inline.

The article is written here, element by element, rather than in a template, so that every tag
and every style is one the rules allow and the family's check can measure it before anything is
rendered. Addresses other than mp.weixin.qq.com become text with a numbered note at the end;
pictures become placeholders that name the image file to insert.
"""

import posixpath

from markupsafe import Markup, escape

from ...content.urls import scheme_of
from ...i18n import ui as _
from . import flatten
from .rules import MARK, WECHAT_HOST

RED, BLUE, INK, GREY = "#a3161a", "#1d4e89", "#333333", "#717171"
BODY = f"font-size:16px;color:{INK};line-height:1.75;"
# One inline style per role (literal colours, a font size on every text element).
STYLES = {
    "article": f"{BODY}margin:0;padding:0;",
    "title": f"font-size:22px;color:{RED};font-weight:bold;line-height:1.4;margin:0 0 8px;",
    "slogan": f"font-size:18px;color:{RED};font-weight:bold;line-height:1.5;margin:0 0 16px;",
    "p": f"{BODY}margin:0 0 12px;",
    "h2": "font-size:18px;color:#ffffff;background-color:#a3161a;font-weight:bold;line-height:1.5;padding:4px 12px;margin:28px 0 12px;",
    "h3": f"font-size:17px;color:{BLUE};font-weight:bold;line-height:1.5;margin:20px 0 6px;",
    "item": f"{BODY}margin:0 0 6px;padding-left:1.4em;text-indent:-1.4em;",
    "quote": "font-size:15px;color:#555555;line-height:1.75;border-left:3px solid #cccccc;padding-left:10px;margin:0 0 12px;",
    "label": f"font-size:16px;color:{RED};",
    "strong": f"font-size:16px;color:{INK};",
    "call": f"font-size:17px;color:{RED};font-weight:bold;line-height:1.6;margin:12px 0;",
    "picture": "font-size:14px;color:#666666;background-color:#f2f2f2;border:1px dashed #999999;line-height:1.6;padding:12px;margin:16px 0;text-align:center;",
    "table": "width:100%;border-collapse:collapse;margin:0 0 12px;",
    "row": "vertical-align:top;",
    "number": f"font-size:20px;color:{RED};font-weight:bold;border:1px solid #dddddd;padding:6px 8px;white-space:nowrap;",
    "cell": f"font-size:15px;color:{INK};line-height:1.6;border:1px solid #dddddd;padding:6px 8px;",
    "small": f"font-size:13px;color:{GREY};line-height:1.6;margin:0 0 4px;",
    "mark": f"font-size:12px;color:{GREY};",
    "link": f"font-size:16px;color:{BLUE};",
}
INDENT_EM = 1.4  # a nested list item's extra indent


def text(value):
    """`value` escaped for HTML, as a plain str: the article is joined from plain strings and made Markup
    once (adding Markup to Markup escapes and copies again at every step; it was some 40% of the
    family's time)."""
    return str(escape(value))


def element(tag, role, content, style=""):
    """One element: its inline style from `role` (plus `style`), its content HTML already escaped."""
    return f'<{tag} style="{STYLES[role]}{style}">{content}</{tag}>'


class Article:
    """Builds one article; `html()` gives the marked element the 复制 button copies."""

    def __init__(self, base_url, page_dest):
        self.parts, self.notes = [], []
        self.base_url, self.page_dest = base_url, page_dest

    def add(self, tag, role, content, style=""):
        self.parts.append(element(tag, role, content, style))

    def p(self, words, role="p"):
        self.add("p", role, text(words))

    def heading(self, words):
        self.add("p", "h2", text(words))

    def subheading(self, words):
        self.add("p", "h3", text(words))

    def labelled(self, label, words):
        self.add("p", "p", element("strong", "label", text(label)) + text(words))

    def items(self, texts, numbered=False):
        for number, words in enumerate(texts, start=1):
            self.add("p", "item", (f"{number}. " if numbered else "· ") + text(words))

    def picture(self, image, what):
        """Where to insert a picture: the editor takes no local files, so the user uploads it here."""
        self.add("p", "picture", text(_("【在这里插入图片】%(image)s（%(what)s）") % {"image": image, "what": what}))

    def table(self, rows):
        """Rows of (number, what it is for): the numbers to remember."""
        body = "".join(element("tr", "row", element("td", "number", text(number)) + element("td", "cell", text(words)))
                       for number, words in rows)
        self.parts.append(element("table", "table", element("tbody", "row", body)))

    def runs(self, runs, role):
        """Inline runs of a content body: bold kept, links made WeChat-safe."""
        size = STYLES[role].split(";", 1)[0] + ";"  # a run's font size is its block's
        out = []
        for run in runs:
            content = text(run.text)
            if run.strong:
                content = f'<strong style="{size}color:{INK};">{content}</strong>'
            out.append(self.link(run.href, run.text, content) if run.href else content)
        return "".join(out)

    def link(self, href, words, content):
        """A link the editor keeps (mp.weixin.qq.com), else its text and a numbered note with the address."""
        if WECHAT_HOST.match(href):
            return f'<a href="{text(href)}" style="{STYLES["link"]}">{content}</a>'
        target = self.address(href)
        if not target or target == words.strip():
            return content
        self.notes.append(target)
        return content + element("span", "mark", text(f"[{len(self.notes)}]"))

    def address(self, href):
        """What a note says for a link: the address a reader can type, or "" for a link inside the page."""
        scheme = scheme_of(href)
        if scheme in ("tel", "mailto"):
            return href.split(":", 1)[1]
        if scheme or href.startswith("//"):
            return href
        if href.startswith("#") or not href:
            return ""
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.page_dest), href.split("#")[0]))
        return self.base_url.rstrip("/") + "/" + path if self.base_url else ""

    def body(self, html, source_page):
        """A content body (Markdown converted once): flat blocks, links as notes, images as placeholders."""
        self.page_dest = source_page  # relative links in the body are relative to its own web page
        for block in flatten.blocks(html):
            if block.kind == "image":
                self.picture(block.image, block.text or _("正文里的图片"))  # its copy in site/images/
            elif block.kind == "heading":
                self.add("p", "h3", self.runs(block.runs, "h3"))
            elif block.kind == "item":
                marker = text(f"{block.marker} ") if block.marker else ""
                indent = f"margin-left:{block.depth * INDENT_EM:g}em;" if block.depth else ""
                self.add("p", "item", marker + self.runs(block.runs, "item"), indent + ("" if block.marker else "text-indent:0;"))
            else:
                self.add("p", "quote" if block.kind == "quote" else "p", self.runs(block.runs, "quote" if block.kind == "quote" else "p"))

    def html(self):
        """The marked element: the article and, after it, the notes for its links."""
        parts = list(self.parts)
        if self.notes:
            parts.append(element("p", "small", text(_("注："))))
            parts += [element("p", "small", text(f"[{n}] {address}")) for n, address in enumerate(self.notes, start=1)]
        return Markup(f'<section {MARK} style="{STYLES["article"]}">{"".join(parts)}</section>')
