"""Characters no installed font has: checked before `build.py pdf` draws anything.

A PDF or a share image draws such a character as an empty box ("tofu"). WeasyPrint lays every
distinct character of the content out once (a fraction of a second) and says which it cannot
draw; each is reported in the file and field that wrote it. Drawing the PDFs and pictures watches
for the same thing again (pdf.missing_glyphs), for text that comes from elsewhere.
"""

from ...problems import Problem

LINKED = {"call", "rules", "cases", "scams", "channels", "html"}  # other items (checked in their own file), the body twice
FONT = "Noto Sans CJK SC"  # the first font of every stylesheet


def strings(value):
    """Every string in a field's value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from strings(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from strings(inner)


def fields(model):
    """(file, field, text) for every field of the content, each once, in the file that wrote it."""
    own = [(item["file"], item) for kind in (model.scams, model.campaigns, model.rules, model.cases) for item in kind]
    own += [("content/prevention.yaml", model.prevention)] if model.prevention else []
    own += [("content/audiences.yaml", a) for a in model.audiences]
    own += [("content/top-types.yaml", t) for t in model.top_types]
    own += [("config.yaml", c) if c["local"] else ("content/channels.yaml", c) for c in model.channels]
    own += [("content/channels.yaml", {k: v for k, v in g.items() if k != "call"}) for g in model.guide]
    own += [("content/channels.yaml", model.fakes)] if model.fakes else []
    own += [("config.yaml", {k: v for k, v in model.config.items() if k != "local_channels"})]
    for path, item in own:
        for key, value in item.items():
            if key not in LINKED:
                text = "".join(strings(value))
                if text:
                    yield path, key, text


def missing(weasyprint, characters):
    """The characters of `characters` no installed font can draw."""
    from .pdf import missing_glyphs
    with missing_glyphs() as found:
        weasyprint.HTML(string=f"<p style=\"font-family: '{FONT}'\">{characters}</p>").write_pdf()
    return found


def problems(weasyprint, model):
    """A problem for every field holding a character no font has."""
    texts = list(fields(model))
    characters = "".join(sorted(set("".join(text for _, _, text in texts)) - set("<>&")))
    absent = missing(weasyprint, characters)
    found = []
    for path, key, text in texts:
        here = sorted(set(text) & absent)
        if here:
            found.append(Problem(path, 0, key, (
                f"「{'、'.join(here)}」电脑字体里没有，印成 PDF、做成分享图片都会是空方框。请换成常用的字或写法。")))
    return sorted(set(found))
