"""Videos of the kiosk loops for screens that play only an MP4 from a USB stick: video/<loop>.mp4.

`build.py video` makes one MP4 per loop and size (config.yaml `video`): the same screens, order
and durations as the web loop shows on the build date (date windows and review dates applied),
each screen paginated for the video's own canvas. A video cannot read the clock: `hours` windows
and the night mode do not apply, and a date window that opens or closes later needs a new video
(video/index.html says from which day). Every build makes video/index.html, which says how to
put the videos on a USB stick, and lists them once made.

plan.py decides what each video shows, frames.py draws the screens without a browser, encode.py
runs ffmpeg, make.py puts them together; extra.py says what is missing to install.
"""

from dataclasses import dataclass

from ...content.fields import did_you_mean
from ...layout.paginate import Overflow, fill_ratio
from ...page import Page
from ...problems import Notice, Problem
from .. import kiosk
from .extra import extra_problems
from .make import make_videos
from .plan import LARGEST, SMALLEST, chosen_loops, duration, plan_video, shapes, shown_duration, static_fit  # noqa: F401
from .progress import Progress


@dataclass(frozen=True)
class Options:
    """What `build.py video` was asked for."""

    progress: Progress = None  # where to say how far it has got; None: say nothing


def pages(model, ctx):
    """video/index.html; with `build.py video`, the plan of every video it will make."""
    asked = ctx.options.get("video")
    campaigns = {c["slug"] for c in model.campaigns}
    videos = [plan_video(model, loop, shape, ctx.today, loop["slug"] if loop["slug"] in campaigns else "")
              for loop in chosen_loops(model) for shape in shapes(model.config)] if asked else []
    return [Page("video/index.html", "video/index.html", {
        "videos": videos, "made": bool(asked), "today": ctx.today, "foot": kiosk.footer(model),
        "silent_audio": model.config["video"]["silent_audio"], "duration": shown_duration})]


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
            if fill_ratio(screen["card"], [shape.canvas]) > 1:
                found.append(Overflow(video["source"], 0, f"{video['dest']} 第 {number} 屏「{screen['card']['name']}」",
                                          f"文字太多，{shape.label} 的屏幕上放不下。请删减这一屏的文字。"))
        if not kiosk.footer_fits(kiosk.footer(model), [shape.canvas], clock=""):
            found.append(Overflow("config.yaml", 0, "local_channels",
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
