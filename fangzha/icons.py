"""Pictograms from the Lucide icon set (the `lucide` package): inline SVG for pages and PDFs, PNG for
office files (PowerPoint takes no SVG).

Every drawn icon carries `data-icon="<name>"`, so tests (and people) can find it. Icons are
decoration next to words that say the same thing, so they are hidden from screen readers unless
given a label.
"""

import functools
import os
import re
import zipfile
from importlib import resources

from markupsafe import Markup, escape

# What the key actions and kinds of channel look like.
ACTIONS = {"hang-up": "phone-off", "no-transfer": "banknote-x", "call-110": "siren", "ask": "phone-call",
           "report": "megaphone", "check": "shield-check", "warning": "triangle-alert"}
CHANNEL_KINDS = {"phone": "phone-call", "sms": "message-square-warning", "app": "smartphone", "web": "globe",
                 "platform": "landmark"}


SIZE = re.compile(r' (?:width|height)="24"')  # the set's own 24 px: the page decides the size


class UnknownIcon(ValueError):
    """A name that is not in the icon set (content names its own icons, so this is the user's to fix)."""


@functools.cache
def archive(process):
    """The package's archive of the set, opened once per process (reading its directory costs tens of ms;
    a forked worker must not share the parent's file position)."""
    return zipfile.ZipFile(resources.files("lucide").joinpath("lucide.zip").open("rb"))


@functools.cache
def names():
    return frozenset(name[:-4] for name in archive(os.getpid()).namelist() if name.endswith(".svg"))


def exists(name):
    return name in names()


@functools.lru_cache(maxsize=512)
def source(name, stroke, width):
    """The icon's SVG with its stroke set, no size of its own and no XML namespace (inline SVG needs none)."""
    raw = archive(os.getpid()).read(f"{name}.svg").decode("utf-8")
    markup = " ".join(re.sub(r"<!--.*?-->", "", raw, flags=re.S).split()).replace(" />", "/>").replace("> <", "><").replace(" >", ">")
    markup = markup.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
    markup = re.sub(r'stroke="currentColor"', f'stroke="{escape(stroke)}"', markup, count=1)
    return SIZE.sub("", re.sub(r'stroke-width="2"', f'stroke-width="{width}"', markup, count=1), count=2)


def svg(name, size=None, label="", stroke="currentColor", width=2):
    """The icon as inline SVG markup: `size` in any CSS length (None: as large as its box)."""
    if not exists(name):
        raise UnknownIcon(name)
    markup = source(name, stroke, width)
    attributes = f' data-icon="{escape(name)}" class="icon" focusable="false"'
    attributes += f' role="img" aria-label="{escape(label)}"' if label else ' aria-hidden="true"'
    if size:
        attributes += f' width="{escape(size)}" height="{escape(size)}"'
    return Markup(markup.replace("<svg ", "<svg" + attributes + " ", 1))


@functools.lru_cache(maxsize=256)
def png(name, pixels, color="#a3161a", width=2):
    """The icon drawn as a square PNG, `pixels` wide, in one colour on a transparent ground."""
    import resvg_py  # only the office files need PNG icons

    if not exists(name):
        raise UnknownIcon(name)
    markup = source(name, color, width).replace("<svg ", f'<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{pixels}" ', 1)
    return bytes(resvg_py.svg_to_bytes(svg_string=markup, width=pixels, height=pixels))
