"""Videos of the kiosk loops for screens that play only an MP4 from a USB stick: video/<loop>.mp4.

`build.py video` makes one MP4 per loop and size (config.yaml `video`): the same screens, order
and durations as the web loop shows on the build date (date windows and review dates applied),
each screen paginated for the video's own canvas. A video cannot read the clock: `hours` windows
and the night mode do not apply, and a date window that opens or closes later needs a new video
(video/index.html says from which day). Every build makes video/index.html, which says how to
put the videos on a USB stick, and lists them once made.

Frames are drawn without a browser (frames.py) and encoded by ffmpeg (encode.py).
"""

import datetime
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ... import render
from ...content.fields import did_you_mean
from ...layout import fit
from ...page import Page
from ...problems import ContentError, Notice, Problem
from .. import kiosk
from . import encode, frames
from .progress import Progress

NAMED = {"横屏": (1920, 1080), "竖屏": (1080, 1920)}
SUFFIX = {(1920, 1080): "", (1080, 1920): "-portrait"}  # other sizes: -<width>x<height>
SIZE = re.compile(r"^(\d+)[xX×](\d+)$")
SMALLEST, LARGEST = 240, 4096  # pixels a side: what H.264 players and LED controllers take


@dataclass(frozen=True)
class Options:
    """What `build.py video` was asked for."""

    progress: Progress = None  # where to say how far it has got; None: say nothing


@dataclass(frozen=True)
class Shape:
    """One video size: its pixels, the canvas its screens are laid out on, its file-name suffix."""

    label: str
    width: int
    height: int

    @property
    def canvas(self):
        return fit.kiosk_canvas(self.width, self.height)

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
    ratio = fit.fill_ratio(card, [canvas])
    if ratio <= 1:
        return 1
    return max(0.6, int((1 / ratio) ** 0.5 * 20) / 20)


def plan_video(model, playlist, shape, today, kit_of):
    """One video: its screens (card, seconds, type scale) and the first day its content changes."""
    canvas = shape.canvas
    cards = kiosk.build_loop(model, playlist, model.config["kiosk"], today, {}, [canvas])
    shown = [c for c in cards if open_on(c["attrs"], today)] or [kiosk.fallback_card()]
    screens = [{"card": c, "seconds": int(c["attrs"]["seconds"]), "fit": static_fit(c, canvas)} for c in shown]
    changes = [datetime.date.fromisoformat(c["attrs"]["until"]) + datetime.timedelta(days=1) for c in shown if c["attrs"].get("until")]
    changes += [datetime.date.fromisoformat(c["attrs"]["from"]) for c in cards if c["attrs"].get("from", "") > today.isoformat()]
    slug = playlist["slug"]
    return {"dest": f"video/{slug}{shape.suffix}.mp4", "slug": slug, "title": playlist["title"],
            "source": playlist["file"] or "content/", "shape": shape, "screens": screens, "kit_of": kit_of,
            "seconds": sum(s["seconds"] for s in screens), "changes_on": min(changes) if changes else None,
            "hours": any(c["attrs"].get("hours") for c in shown)}


def duration(seconds):
    """18 分 0 秒, or 45 秒."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} 分 {rest} 秒" if minutes else f"{rest} 秒"


def pages(model, ctx):
    """video/index.html; with `build.py video`, the plan of every video it will make."""
    asked = ctx.options.get("video")
    campaigns = {c["slug"] for c in model.campaigns}
    videos = [plan_video(model, loop, shape, ctx.today, loop["slug"] if loop["slug"] in campaigns else "")
              for loop in chosen_loops(model) for shape in shapes(model.config)] if asked else []
    return [Page("video/index.html", "video/index.html", {
        "videos": videos, "made": bool(asked), "today": ctx.today, "foot": kiosk.footer(model),
        "silent_audio": model.config["video"]["silent_audio"], "duration": duration})]


def missing_parts():
    """The parts of the video extra that cannot be loaded, by name."""
    missing = []
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango library is missing
        missing.append("WeasyPrint")
    try:
        from ... import raster
        raster.load()
    except ImportError:
        missing.append("pypdfium2 和 Pillow")
    try:
        encode.ffmpeg()
    except (ImportError, RuntimeError):
        missing.append("ffmpeg（imageio-ffmpeg）")
    return missing


def extra_problems():
    missing = missing_parts()
    if not missing:
        return []
    return [Problem("requirements-video.txt", 0, "", (
        f"生成视频需要 {'、'.join(missing)}，但现在用不了。请先运行 pip install -r requirements-video.txt；"
        "Windows 和 macOS 还需要按 WeasyPrint 安装说明装好 Pango（见 docs/print.md）。网页版的大屏轮播不需要它们。"))]


def config_problems(model):
    """Sizes a player cannot take, and loops config.yaml names that do not exist."""
    line = getattr(model.config, "key_lines", {}).get("video", 0)
    found = []
    for shape in shapes(model.config):
        if not (SMALLEST <= shape.width <= LARGEST and SMALLEST <= shape.height <= LARGEST):
            found.append(Problem("config.yaml", line, "video.sizes", (
                f"视频尺寸 {shape.width}x{shape.height} 不合适：宽和高都要在 {SMALLEST} 到 {LARGEST} 之间。"
                "请按屏幕的实际像素写，例如 1280x720。")))
    slugs = [loop["slug"] for loop in kiosk.loops(model)]
    for wanted in model.config["video"]["playlists"]:
        if wanted not in slugs:
            found.append(Problem("config.yaml", line, "video.playlists", (
                f"找不到轮播「{wanted}」（写 kiosk/ 里轮播网页的文件名，不带 .html）。{did_you_mean(wanted, slugs)}")))
    return found


def check(model, pages, ctx):
    """For `build.py video`: the extra installed, sizes and loop names right, screens that fit a
    size of the user's own, and a notice for each loop whose `hours` a video cannot keep."""
    if not ctx.options.get("video"):
        return []
    found = extra_problems() + config_problems(model)
    for video in pages[0].context["videos"]:
        shape = video["shape"]
        if video["hours"]:
            found.append(Notice(video["source"], 0, "hours", (
                f"视频不会看时钟：写了每天时段（hours）的屏，在 {video['dest']} 里全天都播放。"
                "只想在某个时段播放，请用网页版的大屏轮播。")))
        if not shape.custom:
            continue  # the web loop's check covers the landscape and portrait canvases
        for number, screen in enumerate(video["screens"], start=1):
            if fit.fill_ratio(screen["card"], [shape.canvas]) > 1:
                found.append(fit.Overflow(video["source"], 0, f"{video['dest']} 第 {number} 屏「{screen['card']['name']}」",
                                          f"文字太多，{shape.label} 的屏幕上放不下。请删减这一屏的文字。"))
        if not kiosk.footer_fits(kiosk.footer(model), [shape.canvas], clock=""):
            found.append(fit.Overflow("config.yaml", 0, "local_channels",
                                      f"视频底部的电话栏太长，{shape.label} 的屏幕放不下。请缩短本地举报渠道的名称（name）。"))
    return found


def after_render(pages, files, ctx):
    """`build.py video`: draw the screens, encode them, and add every MP4 to the site."""
    asked = ctx.options.get("video")
    if not asked:
        return [], ""
    index = pages[0].context
    videos = index["videos"]
    progress = asked.progress or Progress()
    made = make_videos(videos, index["foot"], index["silent_audio"], files, ctx.templates, progress)
    total = sum(v["seconds"] for v in videos)
    return made, f"MP4 视频 {len(made)} 个（共 {duration(total)}）"


def screen_key(shape, screen):
    """What makes two screens the same picture: the size, the card (not its timing) and its type scale."""
    card = {k: v for k, v in screen["card"].items() if k != "attrs"}
    return json.dumps([shape.width, shape.height, card, screen["fit"]], ensure_ascii=False, sort_keys=True)


def distinct_screens(videos):
    """{shape: {screen key: screen}}: every picture the videos need, once."""
    found = {}
    for video in videos:
        for screen in video["screens"]:
            found.setdefault(video["shape"], {}).setdefault(screen_key(video["shape"], screen), screen)
    return found


def make_videos(videos, foot, silent_audio, files, templates, progress):
    """A video Page (the MP4 in `data`) for every planned video."""
    try:
        program = encode.ffmpeg()
    except (ImportError, RuntimeError):
        raise ContentError(extra_problems()) from None
    distinct = distinct_screens(videos)
    jobs = [("视频画面", shape.canvas, shape.width, shape.height, list(screens.values()), foot) for shape, screens in distinct.items()]
    pictures = frames.draw(render.make_environment(templates), files, jobs, progress)
    keys = [key for screens in distinct.values() for key in screens]
    out = []
    with tempfile.TemporaryDirectory(prefix="fangzha-video-") as folder:
        paths = {key: Path(folder) / f"screen-{n}.png" for n, key in enumerate(keys)}
        for key, picture in zip(keys, pictures):
            paths[key].write_bytes(picture)

        def pieces_of(video):
            return [(paths[screen_key(video["shape"], s)], frames_) for s in video["screens"]
                    for frames_ in encode.pieces(s["seconds"] * encode.FPS)]

        pieces = encode.encode_pieces(program, [p for v in videos for p in pieces_of(v)], folder, progress)
        for number, video in enumerate(videos):
            order = [pieces[piece] for piece in pieces_of(video)]
            data = encode.join(program, order, video["seconds"], Path(folder) / f"video-{number}.mp4", silent_audio)
            progress.say(f"已生成 {video['dest']}（{duration(video['seconds'])}，{len(video['screens'])} 屏）")
            shape = video["shape"]
            out.append(Page(video["dest"], data=data, kind="video", kit_of=video["kit_of"], label="视频",
                            size={"unit": "px", "width": shape.width, "height": shape.height}, sheets=len(video["screens"])))
    return out
