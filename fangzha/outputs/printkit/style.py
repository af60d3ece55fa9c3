"""The printed kit's type roles and lengths (em of a region's base size unless the name ends in _mm).

The budget measures with these numbers and assets/print-style.css is written from them; print.css
holds only what is not measured (colours, borders' look, alignment).
"""

from ...layout.style import Role, Style

PRINT = Style(
    roles={
        "org": Role(.8, 1.4, after=.5),          # who prints it, over the hero
        "kicker": Role(.85, 1.3),                 # the category badge above a title
        "title": Role(2.2, 1.15),                 # the scam's (or item's) name
        "remember": Role(4.0, 1.12, before=.2),   # the one line to remember, poster size
        "hero-lead": Role(1.05, 1.45, before=.35),
        "h2": Role(1.3, 1.3, before=.6, after=.25),
        "body": Role(1.0, 1.45),
        "lead": Role(1.2, 1.45, before=.3),
        "number": Role(2.4, 1.05),                # 110 in a number cell
        "number_name": Role(1.35, 1.2),           # a channel without a number (an app, a platform)
        "cell_text": Role(.72, 1.3),
        "small": Role(.78, 1.4),
        "foot": Role(1.0, 1.4),                   # the footer's own base is its small type
    },
    lengths={
        "indent": 1.5, "item_gap": .15,
        "title_icon": 4.2, "title_gap": .8,
        "column_gap_mm": 6, "cell_gap_mm": 4, "cell_pad_x": .45, "cell_pad_y": .25, "cell_border_mm": .9,
    },
)
