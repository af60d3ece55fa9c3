"""One file of the output, as a family plans it."""

from dataclasses import dataclass, field


@dataclass
class Page:
    """One file of the output: a template and its context, ready text or bytes, or a maker.

    `kind`, `size` and `sheets` are what site/manifest.json says of it; `make` is a
    (module-level function, argument) pair called at render time, in the render workers, for
    files drawn by a library rather than a template.
    """

    dest: str
    template: str = ""
    context: dict = field(default_factory=dict)
    text: str = ""
    family: str = "site"
    kit_of: str = ""  # campaign slug when this page belongs to a campaign's kit
    label: str = ""   # how the campaign page names it ("班会课件", "三折页" …)
    named_after: dict = None  # the item whose title names it where a family has several (a loop's or deck's campaign)
    purpose: str = ""  # what it is for, in one line, where the campaign page and the print centre list it
    shelf: str = ""    # the print centre section listing it (files of other families that people print)
    kind: str = "page"
    size: dict = None     # {"unit": "mm"|"px", "width": …, "height": …}
    sheets: int = None    # printed pages or slides, where it has them
    colour: dict = None   # a print-shop PDF converted to CMYK: {"space", "standard", "profile"}
    data: bytes = None
    make: tuple = None
    download: bool = False  # a drawn file no page shows, only links for download: serve may draw it after the reload
    about: tuple = ()     # (("scam", slug), "#anchor") pairs: the items this file shows, for their web pages

    @property
    def root(self):
        """Relative path from this page back to the site root."""
        return "../" * self.dest.count("/")


def naming(item):
    """What names a file where other pages link it: the item's title and language, not the item itself
    (a campaign holds its scams, and a page listing it would be made again for every scam's edit)."""
    return {"title": item["title"], "lang": item.get("lang")}
