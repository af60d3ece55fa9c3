"""The printed kit's type roles and lengths (em of a region's base size unless the name ends in _mm).

The budget measures with these numbers and assets/print-style.css is written from them; print.css
holds only what is not measured (colours, the look of borders, alignment).
"""

from ...layout.style import Role, Style

PRINT = Style(
    roles={
        "org": Role(.8, 1.4, after=.5),            # who prints it, over the hero
        "kicker": Role(.85, 1.3),                  # the category badge above a title
        "title": Role(2.2, 1.15),                  # the item's name, in the hero band
        "title_small": Role(1.15, 1.3),              # a scam's name inside a leaflet panel
        "remember": Role(4.0, 1.12, before=.2),    # the one line to remember, at poster size (60 pt on A4)
        "remember-long": Role(2.6, 1.15, before=.25),
        "hero-lead": Role(1.05, 1.45, before=.35),
        "h1": Role(2.0, 1.2, after=.3),
        "h2": Role(1.3, 1.3, before=.6, after=.25),
        "body": Role(1.0, 1.45, before=.35),
        "lead": Role(1.2, 1.45, before=.3),
        "theme": Role(1.3, 1.4, after=.2),
        "rule": Role(1.12, 1.45),                  # a 凡是 list's item on a poster
        "rule-short": Role(2.2, 1.3),              # a list of short slogans (三不一多)
        "fact": Role(1.0, 1.45),
        "chip": Role(1.0, 1.5),
        "strip-head": Role(.9, 1.3, after=.3),     # 记住这些电话, over the number cells
        "number": Role(2.4, 1.05),                 # 110 in a number cell
        "number_name": Role(1.35, 1.2),            # a channel without a number (an app, a platform)
        "cell_text": Role(.72, 1.3),
        "row_call": Role(1.3, 1.3),
        "cover-title": Role(2.2, 1.15, before=.2),
        "cover-slogan": Role(1.7, 1.2, before=.35),
        "slip": Role(1.0, 1.45, before=.45),
        "small": Role(.78, 1.4, before=.35),
        "foot": Role(1.0, 1.4),                    # the foot's own base is its small type
        "qr_caption": Role(.8, 1.25),
    },
    lengths={
        "indent": 1.5, "item_gap": .15,
        "title_icon": 4.2, "title_icon_small": 1.6, "title_gap": .6, "icon_after": .3,
        "column_gap_mm": 6, "cell_gap_mm": 4, "cell_pad_x": .45, "cell_pad_y": .25, "cell_border_mm": .9,
        "rows_when": 8.5, "rows_call": 7, "rows_gap": .6, "rows_pad": .35, "rows_rule_mm": .3,
        "facts_row_gap": .1, "facts_before": .5, "chips_before": .2, "title_small_before": .5,
        "chip_pad_x": .7, "chip_pad_y": .05, "chip_border_mm": .4, "chip_gap": .3,
        "table_head_mm": 8, "table_rule_mm": .3, "table_before": .8,
        "stamp_mm": 24, "signoff_before": .6, "cut_before": 1, "cut_rule_mm": .4,
        "picture_after": .6, "logo_height": 1.3,
        "qr_mm": 20, "qr_before": .6, "foot_qr_mm": 26, "foot_gap_mm": 4, "foot_rule_mm": .5, "foot_pad": .4,
    },
)
