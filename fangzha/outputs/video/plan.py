"""Which videos `build.py video` makes and what each shows: sizes, loops, screens, durations.

Each video is one kiosk loop at one size, paginated for that size's canvas alone, with the screens
the web loop shows on the build date (review dates and date windows applied; a daily `hours`
window cannot be kept by a video, so such screens play all day).
"""

import datetime
import re
from dataclasses import dataclass

from ...i18n import N_
from ...i18n import ui as _
from ...layout.canvas import kiosk_canvas
from ...layout.paginate import fill_ratio
from .. import kiosk

NAMED = {N_("横屏"): (1920, 1080), N_("竖屏"): (1080, 1920)}  # names shown through the catalogue
SUFFIX = {(1920, 1080): "", (1080, 1920): "-portrait"}  # other sizes: -<width>x<height>
SIZE = re.compile(r"^(\d+)[xX×](\d+)$")
SMALLEST, LARGEST = 240, 4096  # pixels a side: what H.264 players and LED controllers take


@dataclass(frozen=True)
class Shape:
    """One video size: its pixels, the canvas its screens are laid out on, its file-name suffix."""

    label: str
    width: int
    height: int

    @property
    def canvas(self):
        return kiosk_canvas(self.width, self.height)

    @property
    def suffix(self):
        return SUFFIX.get((self.width, self.height), f"-{self.width}x{self.height}")

    @property
    def custom(self):
        """A size of the user's own (not the landscape or portrait screen)."""
        return (self.width, self.height) not in SUFFIX


def shapes(config):
    """The sizes config.yaml asks for (landscape 1920 × 1080 when it names none), each once."""
    found = {}
    for written in config["video"]["sizes"] or ["横屏"]:
        if written in NAMED:
            width, height = NAMED[written]
        else:
            match = SIZE.match(written)
            if not match:
                continue  # validation has reported it
            width, height = int(match.group(1)), int(match.group(2))
        label = next((name for name, size in NAMED.items() if size == (width, height)), f"{width}×{height}")
        found.setdefault((width, height), Shape(label, width, height))
    return list(found.values())


def chosen_loops(model):
    """The loops to make videos of: those config.yaml names, or every loop."""
    wanted = model.config["video"]["playlists"]
    return [loop for loop in kiosk.loops(model) if not wanted or loop["slug"] in wanted]


def open_on(attrs, day):
    """Does a screen's date window include `day`?"""
    today = day.isoformat()
    return attrs.get("from", "") <= today and (not attrs.get("until") or today <= attrs["until"])


def static_fit(card, canvas):
    """The type scale that deck-core.js would reach at run time for a screen too full for its canvas
    (text area grows with the square of the type size), rounded down to its 0.05 steps, 0.6 at least."""
    ratio = fill_ratio(card, [canvas])
    if ratio <= 1:
        return 1
    return max(0.6, int((1 / ratio) ** 0.5 * 20) / 20)


def plan_video(model, playlist, shape, today, kit_of):
    """One video: its screens (card, seconds, type scale) and the first day its content changes."""
    canvas = shape.canvas
    cards = kiosk.build_loop(model, playlist, model.config["kiosk"], today, {}, canvas)
    shown = [c for c in cards if open_on(c["attrs"], today)] or [kiosk.fallback_card(canvas)]
    screens = [{"card": c, "seconds": int(c["attrs"]["seconds"]), "fit": static_fit(c, canvas)} for c in shown]
    changes = [datetime.date.fromisoformat(c["attrs"]["until"]) + datetime.timedelta(days=1) for c in shown if c["attrs"].get("until")]
    changes += [datetime.date.fromisoformat(c["attrs"]["from"]) for c in cards if c["attrs"].get("from", "") > today.isoformat()]
    slug = playlist["slug"]
    return {"dest": f"video/{slug}{shape.suffix}.mp4", "slug": slug, "title": playlist["title"],
            "source": playlist["file"] or "content/", "shape": shape, "screens": screens, "kit_of": kit_of,
            "seconds": sum(s["seconds"] for s in screens), "changes_on": min(changes) if changes else None,
            "hours": any(c["attrs"].get("hours") for c in shown)}


def duration(seconds):
    """18 分 0 秒, or 45 秒 (for the editor)."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"


def shown_duration(seconds):
    """A duration on the public video page, in the site's language."""
    minutes, rest = divmod(seconds, 60)
    if minutes:
        return _("%(minutes)s 分 %(seconds)s 秒") % {"minutes": minutes, "seconds": rest}
    return _("%(seconds)s 秒") % {"seconds": rest}
