"""What survives the WeChat editor: the rules a pasted 公众号 article must keep, and their checker.

The editor keeps inline styles and a few plain elements; it drops stylesheets, classes and ids,
scripts and layout (flex, grid, positions, CSS variables), refuses to save an article with an
`href="#…"` and links only to mp.weixin.qq.com. `broken_rules(html)` names every rule the marked
element breaks, in Chinese; the tests run it on every article, the family's check its length (`too_long`).
"""

import re
from html.parser import HTMLParser

MARK = "data-wechat-article"
LIMIT = 20000  # characters of HTML the editor takes
TAGS = {"section", "p", "span", "strong", "br", "table", "tbody", "tr", "td", "a", "ul", "ol", "li"}
TEXT_TAGS = {"p", "span", "strong", "td", "a", "li"}  # each needs its own font size
LISTS = {"ul", "ol"}
VOID = {"br"}
WECHAT_HOST = re.compile(r"^https://mp\.weixin\.qq\.com(/|$)")
LAYOUT = re.compile(r"(^|;)\s*(position|flex[\w-]*|grid[\w-]*)\s*:|display\s*:\s*(inline-)?(flex|grid)|var\(", re.IGNORECASE)
COLOUR = re.compile(r"(?:^|;)\s*(?:background-)?color\s*:\s*([^;]*)", re.IGNORECASE)
LITERAL = re.compile(r"\s*(#[0-9a-f]{3}|#[0-9a-f]{6}|rgba?\([\d\s.,%]+\)|[a-z]+)\s*", re.IGNORECASE)
NOT_LITERAL = {"inherit", "initial", "unset", "currentcolor", "revert"}
FONT_SIZE = re.compile(r"(^|;)\s*font-size\s*:\s*\d+(\.\d+)?px", re.IGNORECASE)


class _Reader(HTMLParser):
    """Walks the page; inside the marked element, notes what breaks a rule (each kind of break once)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # open elements inside the article (0: outside it, or not started)
        self.done = False
        self.stack = []         # the open elements of the article: (tag, style)
        self.broken = {}        # rule → first example

    def note(self, rule, example):
        self.broken.setdefault(rule, example)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.stack and not self.done and MARK not in attributes:
            return
        if self.done:
            return
        if not self.stack:
            attributes.pop(MARK)
        self.check(tag, attributes)
        if tag not in VOID:
            self.stack.append((tag, attributes.get("style") or ""))

    def handle_startendtag(self, tag, attrs):
        if self.stack:
            self.check(tag, dict(attrs))

    def handle_endtag(self, tag):
        if not self.stack:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if not self.stack:
            self.done = True

    def handle_data(self, data):
        if self.stack and data.strip():
            tag, style = self.stack[-1]
            if tag in TAGS and not FONT_SIZE.search(style):
                self.note("字号", f"<{tag}>「{data.strip()[:12]}」")

    def check(self, tag, attributes):
        if tag not in TAGS:  # dropped by the editor whole: its attributes do not matter
            self.note("元素", f"<{tag}>")
            return
        if tag in LISTS and any(open_tag == "li" for open_tag, _ in self.stack):
            self.note("嵌套列表", f"<{tag}>")
        for name in attributes:
            if name not in ("style", "href") or (name == "href" and tag != "a"):
                self.note("属性", f'<{tag} {name}="…">')
        style = attributes.get("style") or ""
        if not style and tag not in VOID:
            self.note("行内样式", f"<{tag}>")
        if LAYOUT.search(style):
            self.note("布局", f'<{tag} style="{style[:40]}">')
        for value in COLOUR.findall(style):
            if not LITERAL.fullmatch(value) or value.strip().lower() in NOT_LITERAL:
                self.note("颜色", value.strip()[:30])
        if "currentcolor" in style.lower():
            self.note("颜色", "currentColor")
        if tag in TEXT_TAGS and not FONT_SIZE.search(style):
            self.note("字号", f"<{tag}>")
        href = attributes.get("href")
        if href is not None:
            if href.startswith("#"):
                self.note("页内链接", href)
            elif not WECHAT_HOST.match(href):
                self.note("外部链接", href)


MESSAGES = {
    "元素": "用了微信编辑器不保留的元素 {example}：只能用 section、p、span、strong、table",
    "嵌套列表": "列表里套着列表 {example}：粘贴后会乱",
    "属性": "带了会被删掉的属性 {example}（class、id、脚本等）：只能用 style",
    "行内样式": "{example} 没有行内样式（style）：粘贴后样式会丢",
    "布局": "用了微信不支持的布局 {example}（flex、grid、position、var()）",
    "颜色": "颜色「{example}」不是写明的颜色值（如 #a3161a）",
    "字号": "{example} 没有写字号（font-size）",
    "页内链接": "有页内链接「{example}」：微信会因此保存不了文章",
    "外部链接": "有链接「{example}」：公众号文章只能链接 mp.weixin.qq.com 的文章",
}


def article_of(page):
    """The marked element of a page, as its HTML (what the 复制 button copies), or ""."""
    start = page.find(f"<section {MARK}")
    if start < 0:
        return ""
    depth, at = 0, start
    for match in re.finditer(r"<(/?)section\b[^>]*>", page[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            at = start + match.end()
            break
    return page[start:at]


def broken_rules(article):
    """Each rule the article breaks, as a short Chinese phrase naming an example; [] when it survives."""
    reader = _Reader()
    reader.feed(article)
    reader.close()
    found = [MESSAGES[rule].format(example=example) for rule, example in reader.broken.items()]
    if not reader.done and not reader.broken and not article.strip():
        found.append("找不到文章（没有标着 data-wechat-article 的元素）")
    return found + too_long(article)


def too_long(article):
    """[the phrase saying so] when the article is longer than the editor takes, else []."""
    return [f"HTML 有 {len(article)} 个字符，微信编辑器最多收 {LIMIT} 个"] if len(article) >= LIMIT else []
