"""Markdown to HTML, once per item, refusing unsafe links and (by default) raw HTML."""

import html as html_lib
import re

import markdown
from markdown.treeprocessors import Treeprocessor

from .urls import url_problem

TAG = re.compile(r"<[^>]+>")


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
