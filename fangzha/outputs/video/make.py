"""Making the planned videos: each distinct screen drawn once, each piece encoded once, then every
video joined from its pieces."""

import json
import tempfile
from pathlib import Path

from ... import render
from ...i18n import ui as _
from ...page import Page
from ...problems import ContentError
from . import encode, frames
from .extra import extra_problems
from .plan import duration


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
    jobs = [(shape.canvas, shape.width, shape.height, list(screens.values()), foot) for shape, screens in distinct.items()]
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
            out.append(Page(video["dest"], data=data, kind="video", kit_of=video["kit_of"], label=_("视频"),
                            size={"unit": "px", "width": shape.width, "height": shape.height}, sheets=len(video["screens"])))
    return out
