"""Decide which pages exist: one table of output families, each a list of pages."""

from dataclasses import dataclass, field

from .outputs import kiosk, printkit, site, slides


@dataclass
class Page:
    """One file of the output: a template and its context, or ready text."""

    dest: str
    template: str = ""
    context: dict = field(default_factory=dict)
    text: str = ""
    family: str = "site"
    kit_of: str = ""  # campaign slug when this page belongs to a campaign's kit
    label: str = ""   # how the campaign page names it ("班会课件", "三折页" …)

    @property
    def root(self):
        """Relative path from this page back to the site root."""
        return "../" * self.dest.count("/")


# Adding an output family means adding a row here and its templates.
FAMILIES = [
    ("site", site.pages),
    ("print", printkit.pages),
    ("slides", slides.pages),
    ("kiosk", kiosk.pages),
]


def plan(model):
    """Every page of every family, in a stable order; campaign pages list their kit."""
    pages = []
    for name, make_pages in FAMILIES:
        for page in make_pages(model, Page):
            page.family = name
            pages.append(page)
    kits = {}
    for page in pages:
        if page.kit_of:
            kits.setdefault(page.kit_of, []).append(page)
    for page in pages:
        if "kit_for" in page.context:
            page.context["kit"] = [{"label": p.label, "href": p.dest} for p in kits.get(page.context["kit_for"], [])]
    return sorted(pages, key=lambda p: p.dest)
