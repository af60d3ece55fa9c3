"""Markdown to HTML, once per item, refusing unsafe links and (by default) raw HTML."""

import html as html_lib
import re

import markdown
from markdown.treeprocessors import Treeprocessor

from .urls import url_problem

TAG = re.compile(r"<[^>]+>")
BRACKETS = re.compile(r"[\[\]]")
# Python-Markdown's link, image and reference patterns look for the `]` of every `[` by reading to
# the end of the paragraph: 10 KB of `[` took half a minute. The same answer from one pass:
LINK_PATTERNS = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")


class BracketPartners:
    """Where each `[` of a text closes, found in one pass over its brackets, kept for that text."""

    def __init__(self):
        self.text, self.closing = None, {}

    def closing_of(self, text, opening):
        if text is not self.text:
            closing, still_open = {}, []
            for match in BRACKETS.finditer(text):
                if match.group() == "[":
                    still_open.append(match.start())
                elif still_open:
                    closing[still_open.pop()] = match.start()
            self.text, self.closing = text, closing
        return self.closing.get(opening)

    def get_text(self, fallback):
        """A drop-in for LinkInlineProcessor.getText: (text inside the brackets, index after them, closed)."""
        def get_text(data, index):
            if index < 1 or data[index - 1] != "[":
                return fallback(data, index)
            close = self.closing_of(data, index - 1)
            if close is None:
                return data[index:], len(data), False
            return data[index:close], close + 1, True
        return get_text


class _LinkCheck(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute, is_image in (("href", False), ("src", True)):
                url = element.get(attribute)
                if url is None:
                    continue
                problem = url_problem(url, image=is_image)
                if problem:
                    self.md.link_problems.append((url, problem))
                    element.set(attribute, "#")


class Converter:
    """One reusable Markdown instance; `convert` returns (html, [(url, problem)])."""

    def __init__(self, allow_html=False):
        self.md = markdown.Markdown(output_format="html")
        if not allow_html:
            self.md.preprocessors.deregister("html_block")
            self.md.inlinePatterns.deregister("html")
        self.md.treeprocessors.register(_LinkCheck(self.md), "link_check", 0)
        partners = BracketPartners()
        for name in LINK_PATTERNS:
            pattern = self.md.inlinePatterns[name]
            pattern.getText = partners.get_text(pattern.getText)

    def convert(self, text):
        self.md.reset()
        self.md.link_problems = []
        html = self.md.convert(text)
        return html, self.md.link_problems


_converters = {}


def convert_one(job):
    """(allow_html, text) → (html, link problems); one converter per process and setting."""
    allow_html, text = job
    if allow_html not in _converters:
        _converters[allow_html] = Converter(allow_html)
    return _converters[allow_html].convert(text)


def plain_text(html):
    """Text of an HTML fragment, for the search index."""
    return " ".join(html_lib.unescape(TAG.sub(" ", html)).split())
