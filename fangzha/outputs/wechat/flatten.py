"""A content body's HTML (converted once from Markdown) as flat blocks the WeChat editor keeps.

Paragraphs, headings, quotes and list items become one level of blocks: a list item keeps its
marker ("1.", "·") and how deep it was, so a nested list is drawn indented but never as a list
inside a list item. Bold stays bold; a link keeps its address for the article to turn into a note;
an image (WeChat takes no local pictures) becomes a placeholder naming the file.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div", "table", "tr", "dd", "dt"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BOLD = {"strong", "b"}
SKIPPED = {"script", "style", "template"}  # raw HTML (allow_html) whose text is not text to read
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")


@dataclass
class Run:
    text: str
    strong: bool = False
    href: str = ""


@dataclass
class Block:
    kind: str              # "p", "heading", "item", "quote" or "image"
    runs: list = field(default_factory=list)
    depth: int = 0         # list items: 0 for the outer list
    marker: str = ""       # list items: "1.", "·"; "" for an item's second paragraph
    image: str = ""        # images: the file the content names

    @property
    def text(self):
        return "".join(run.text for run in self.runs)


class _Flattener(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.lists, self.current = [], [], None
        self.bold = 0
        self.links = []
        self.quote = 0
        self.skipping = 0

    def start(self, kind, marker=""):
        self.flush()
        depth = max(len(self.lists) - 1, 0)
        self.current = Block("quote" if self.quote and kind == "p" else kind, depth=depth, marker=marker)

    def flush(self):
        block, self.current = self.current, None
        if block is None:
            return
        block.runs = tidy(block.runs)
        if block.runs:
            self.blocks.append(block)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            kind, count = self.lists[-1] if self.lists else ("ul", 0)
            if self.lists:
                self.lists[-1][1] += 1
            self.start("item", f"{count + 1}." if kind == "ol" else ("·" if len(self.lists) <= 1 else "–"))
        elif tag == "p" and self.current is not None and self.current.kind == "item" and not self.current.text.strip():
            pass  # a loose list's <li><p>: the item's own first paragraph
        elif tag == "p" and self.lists:
            self.start("item")
        elif tag in HEADINGS:
            self.start("heading")
        elif tag == "blockquote":
            self.flush()
            self.quote += 1
        elif tag in BLOCKS:
            self.start("p")
        elif tag in BOLD:
            self.bold += 1
        elif tag == "a":
            self.links.append(attributes.get("href") or "")
        elif tag == "br":
            self.text("\n")
        elif tag == "img":
            self.flush()
            self.blocks.append(Block("image", [Run(attributes.get("alt") or "")], image=attributes.get("src") or ""))
        elif tag in ("td", "th"):
            self.text(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self.flush()
            self.quote = max(self.quote - 1, 0)
        elif tag in BLOCKS or tag in HEADINGS or tag == "li":
            self.flush()
        elif tag in BOLD:
            self.bold = max(self.bold - 1, 0)
        elif tag == "a" and self.links:
            self.links.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.text(data)

    def text(self, data):
        if self.current is None:
            if not data.strip():
                return
            self.start("item" if self.lists else "p")
        self.current.runs.append(Run(data, bool(self.bold), self.links[-1] if self.links else ""))

    def close(self):
        super().close()
        self.flush()


def tidy(runs):
    """Runs with their white space as a browser shows it, neighbours of one kind joined, empty ones gone.

    A line break in a Chinese paragraph is no space to a Chinese reader: spaces between two Chinese
    characters are dropped (a browser would show them)."""
    joined = []
    for run in runs:
        text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", run.text)
        text = re.sub(r"[ \t\r\f\v]+", " ", text)
        if joined and (joined[-1].strong, joined[-1].href) == (run.strong, run.href):
            joined[-1].text += text
        else:
            joined.append(Run(text, run.strong, run.href))
    for run in joined:
        run.text = SPACE_BETWEEN_CJK.sub("", run.text.replace("\n", " "))
    if joined:
        joined[0].text = joined[0].text.lstrip()
        joined[-1].text = joined[-1].text.rstrip()
    return [run for run in joined if run.text]


def blocks(html):
    """The flat blocks of a body's HTML, in reading order."""
    flattener = _Flattener()
    flattener.feed(html)
    flattener.close()
    return flattener.blocks
