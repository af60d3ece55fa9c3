"""`python build.py video`: MP4s of the kiosk loops that cheap USB players take, checked with Debian's
ffprobe and ffmpeg (not the ffmpeg that made them), frame by frame against the drawn screens."""

import datetime
import io
import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

import build
from fangzha import render
from fangzha.context import BuildContext
from fangzha.outputs import video
from fangzha.outputs.video import frames
from fangzha.pipeline import check

TODAY = datetime.date(2026, 11, 27)
# A short loop: one screen of a scam and its line to remember, the numbers, the eight 凡是 (four landscape
# screens, three portrait ones) and the two numbers after them, a campaign card whose window opens later,
# and a scam shown only in the morning (with its line to remember).
PLAYLIST = """title: 测试短轮播
items:
  - scam: shuadan
  - report: true
  - rules: eight
  - campaign: class-meeting
    from: 2026-12-01
  - scam: fake-police
    hours: "08:00-12:00"
"""
VIDEO_CONFIG = """video:
  sizes: [横屏, 竖屏]
  playlists: [short]
  silent_audio: true
kiosk:
  seconds: 3
"""


def make_project(folder, config=VIDEO_CONFIG):
    project = copy_project(FIXTURES / "mini", folder)
    shutil.copy(ROOT / "content/rules/bage-2023.yaml", project / "content/rules/eight.yaml")
    (project / "content/playlists").mkdir()
    (project / "content/playlists/short.yaml").write_text(PLAYLIST, encoding="utf-8")
    with open(project / "config.yaml", "a", encoding="utf-8") as file:
        file.write(config)
    return project


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("video") / "project")
    result = run_build("--date", TODAY.isoformat(), "video", cwd=project)
    assert result.returncode == 0, result.stderr
    return project, result


def planned(project):
    """The videos `build.py video` plans for the project on TODAY."""
    checked = check(BuildContext(project, today=TODAY, options={"video": video.Options()}))
    return next(p for p in checked.pages if p.dest == "video/index.html").context


def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def top_level_boxes(path):
    """The names of an MP4's top-level boxes, in file order."""
    data, at, names = path.read_bytes(), 0, []
    while at + 8 <= len(data):
        size, name = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8].decode("latin-1")
        if size == 1:
            size = int.from_bytes(data[at + 8:at + 16], "big")
        names.append(name)
        at += size
    return names


def frame_at(path, seconds):
    """The picture a player shows `seconds` into the video, decoded by Debian's ffmpeg."""
    png = subprocess.run(["ffmpeg", "-v", "error", "-ss", f"{seconds:.3f}", "-i", str(path), "-frames:v", "1",
                          "-f", "image2pipe", "-c:v", "png", "-"], capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


def difference(a, b):
    """Mean difference of two pictures, 0 (same) … 255."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def web_loop_screens(site, slug):
    """(heading, seconds) of each screen the web loop shows on TODAY (outside its windows: left out)."""
    html = (site / f"kiosk/{slug}.html").read_text(encoding="utf-8")
    html = html.split('data-set="landscape"', 1)[1].split('<div class="kiosk-set"', 1)[0]  # the landscape screens
    shown = []
    for attrs, body in re.findall(r'<section class="slide slide-(?!fallback)[^"]*"([^>]*)>(.*?)</section>', html, re.S):
        values = dict(re.findall(r'data-(\w+)="([^"]*)"', attrs))
        if values.get("from", "") > TODAY.isoformat() or values.get("until", "9") < TODAY.isoformat():
            continue
        heading = re.search(r'<h2 class="slide-heading">([^<]*)</h2>', body)
        shown.append((heading.group(1) if heading else "", int(values["seconds"])))
    return shown


def test_summary_and_progress(made):
    _, result = made
    assert re.fullmatch(r"已生成 site/：(.+ \d+ [页份]，)+MP4 视频 2 个（共 57 秒）；用时 \d+\.\d\d 秒。", result.stdout.strip().splitlines()[-1])
    said = result.stderr.splitlines()
    assert "视频：画好画面 19/19 屏" in said  # 10 landscape + 9 portrait screens, each drawn once
    assert said[said.index("视频：画好画面 19/19 屏") + 1] == "视频：编码 0/57 秒"
    assert "视频：编码 57/57 秒" in said
    assert "视频：已生成 video/short.mp4（30 秒，10 屏）" in said
    assert "视频：已生成 video/short-portrait.mp4（27 秒，9 屏）" in said


def test_what_cheap_players_need(made):
    project, _ = made
    for name, size, seconds in (("short.mp4", (1920, 1080), 30), ("short-portrait.mp4", (1080, 1920), 27)):
        info = probe(project / "site/video" / name)
        picture, sound = info["streams"]
        assert (picture["codec_name"], picture["profile"], picture["pix_fmt"]) == ("h264", "Main", "yuv420p")
        assert (picture["width"], picture["height"]) == size
        assert picture["r_frame_rate"] == picture["avg_frame_rate"] == "25/1"  # constant 25 fps
        assert int(picture["nb_read_frames"]) == seconds * 25
        assert abs(float(info["format"]["duration"]) - seconds) < 0.5
        assert (picture["color_space"], picture["color_primaries"], picture["color_transfer"]) == ("bt709",) * 3
        assert (sound["codec_name"], sound["channels"]) == ("aac", 2)  # silent_audio: true
        boxes = top_level_boxes(project / "site/video" / name)
        assert boxes.index("moov") < boxes.index("mdat"), boxes  # +faststart: playable before it is all read


def test_landscape_video_has_the_web_loops_screens_and_durations(made):
    project, _ = made
    videos = {v["dest"]: v for v in planned(project)["videos"]}
    landscape = videos["video/short.mp4"]
    assert [(s["card"]["title"], s["seconds"]) for s in landscape["screens"]] == web_loop_screens(project / "site", "short")
    assert [(s["card"]["kind"], s["card"]["title"]) for s in landscape["screens"]] == [
        ("scam", "刷单返利诈骗"), ("remember", ""), ("report", "该打哪个电话"), ("rules", "八个凡是"), *[("rules", "八个凡是（续）")] * 3,
        ("calls", ""), ("scam", "冒充公检法诈骗"), ("remember", "")]


def test_portrait_video_is_paginated_for_the_portrait_screen(made):
    project, _ = made
    portrait = next(v for v in planned(project)["videos"] if v["dest"] == "video/short-portrait.mp4")
    titles = [s["card"]["title"] for s in portrait["screens"]]
    assert [t for t in titles if t.startswith("八个凡是")] == ["八个凡是", "八个凡是（续）", "八个凡是（续）"]  # four on the landscape one
    assert len(titles) == 9 and sum(s["seconds"] for s in portrait["screens"]) == 27


def drawn(project, planned_video, foot):
    """The screens of a video as build.py video draws them: (pictures, text of each page)."""
    site = project / "site"
    assets = {name: (site / name).read_bytes() for name in frames.STYLES}
    shape = planned_video["shape"]
    env = render.make_environment(ROOT / "templates")
    job = (shape.canvas, shape.width, shape.height, planned_video["screens"], foot)
    pictures = [Image.open(io.BytesIO(png)).convert("RGB") for png in frames.draw(env, assets, [job], video.Progress())]
    import weasyprint
    html = frames.frames_html(env, shape.canvas, planned_video["screens"], foot)
    pdf = weasyprint.HTML(string=html, base_url=frames.HOST + "video/frames.html",
                          url_fetcher=frames.memory_fetcher(weasyprint, assets)).write_pdf()
    return pictures, [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_frame_at_each_screens_midpoint_is_that_screen(made):
    project, _ = made
    index = planned(project)
    for planned_video in index["videos"]:
        pictures, texts = drawn(project, planned_video, index["foot"])
        start = 0
        for number, (screen, picture, text) in enumerate(zip(planned_video["screens"], pictures, texts)):
            assert screen["card"]["title"] in text.replace("\n", "") and "96110" in text  # text on the screen, footer too
            dark = sum(1 for p in picture.convert("L").getdata() if p < 90) / (picture.width * picture.height)
            assert dark > 0.005, f"{planned_video['dest']} 第 {number + 1} 屏几乎是空白"
            shown = frame_at(project / "site" / planned_video["dest"], start + screen["seconds"] / 2)
            assert shown.size == picture.size
            assert difference(shown, picture) < 3, (planned_video["dest"], number)
            others = [p for p in pictures if p is not picture and difference(p, picture) > 1]
            assert all(difference(shown, other) > difference(shown, picture) + 1 for other in others)
            start += screen["seconds"]


def test_manifest_lists_the_videos_and_the_index_says_when_to_make_them_again(made):
    project, _ = made
    site = project / "site"
    rows = {row["path"]: row for row in json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert rows["video/short.mp4"] == {"path": "video/short.mp4", "family": "video", "kind": "video", "campaign": None,
                                       "size": {"unit": "px", "width": 1920, "height": 1080}, "pages": 10}
    assert rows["video/short-portrait.mp4"]["size"] == {"unit": "px", "width": 1080, "height": 1920}
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert set(rows) == written - {"manifest.json", ".fangzha-site", ".fangzha-drawn"}
    page = (site / "video/index.html").read_text(encoding="utf-8")
    assert 'href="../video/short.mp4"' in page and 'href="../video/short-portrait.mp4"' in page
    assert "从 2026年12月1日 起，网页版轮播的内容会变" in page  # the campaign card's window opens then
    assert "视频里它们全天都播放" in page and "视频不会看时钟" in page and "FAT32" in page


def test_a_time_of_day_window_is_explained(made):
    _, result = made
    assert ("提示：content/playlists/short.yaml: hours: 视频不会看时钟：写了每天时段（hours）的屏，"
            "在 video/short.mp4 里全天都播放。只想在某个时段播放，请用网页版的大屏轮播。") in result.stdout


def test_a_size_of_ones_own_and_no_sound(tmp_path):
    project = make_project(tmp_path / "project", VIDEO_CONFIG.replace("[横屏, 竖屏]", "[640x360]").replace("true", "false"))
    result = run_build("--date", TODAY.isoformat(), "video", cwd=project)
    assert result.returncode == 0, result.stderr
    info = probe(project / "site/video/short-640x360.mp4")
    assert [(s["codec_type"], s["width"], s["height"]) for s in info["streams"]] == [("video", 640, 360)]
    # laid out on a landscape canvas and scaled down: the same screens as the landscape video
    assert int(info["streams"][0]["nb_read_frames"]) == 30 * 25


def test_plain_build_makes_no_video_but_says_how(tmp_path):
    project = make_project(tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    site = project / "site"
    assert not list(site.glob("video/*.mp4"))
    page = (site / "video/index.html").read_text(encoding="utf-8")
    assert "python build.py video" in page and "pip install -r requirements-video.txt" in page
    assert 'href="../video/index.html"' in (site / "kiosk/index.html").read_text(encoding="utf-8")


def test_the_video_page_warns_of_placeholders_like_the_kiosk_index(tmp_path):
    project = make_project(tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("organisation: 测试社区", "organisation: 示例社区"), encoding="utf-8")
    assert run_build(cwd=project).returncode == 0
    banner = '<section class="placeholder-banner" role="alert"'
    assert banner in (project / "site/video/index.html").read_text(encoding="utf-8")
    assert banner in (project / "site/kiosk/index.html").read_text(encoding="utf-8")


def test_missing_ffmpeg_is_explained_and_the_site_is_left_alone(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    before = (project / "site/manifest.json").read_bytes()
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # as on a machine without requirements-video.txt
    assert build.main(["--root", str(project), "video"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "requirements-video.txt: 生成视频需要 ffmpeg（imageio-ffmpeg），但现在用不了。请先运行 pip install -r requirements-video.txt；"
        "Windows 和 macOS 还需要按 WeasyPrint 安装说明装好 Pango（见 docs/print.md）。网页版的大屏轮播不需要它们。",
        "共发现 1 个问题，本次没有生成任何文件（原来的网站保持不变）。"]
    assert (project / "site/manifest.json").read_bytes() == before


def test_video_config_mistakes_are_explained(tmp_path):
    project = make_project(tmp_path / "project", VIDEO_CONFIG.replace("[横屏, 竖屏]", "[横屏, 1281x720, 8000x4000]")
                           .replace("[short]", "[shorts]"))
    result = run_build("video", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.endswith("video.sizes[2]: 「1281x720」不合适：请写 横屏（1920×1080）、竖屏（1080×1920），或者按屏幕的像素写 宽x高，"
                             "例如 1280x720（两个偶数，中间是字母 x）。") for line in lines), lines
    project = make_project(tmp_path / "again", VIDEO_CONFIG.replace("[横屏, 竖屏]", "[8000x4000]").replace("[short]", "[shorts]"))
    lines = run_build("video", cwd=project).stderr.strip().splitlines()
    line = (project / "config.yaml").read_text(encoding="utf-8").splitlines().index("video:") + 1
    assert lines == [
        f"config.yaml:{line}: video.playlists: 找不到轮播「shorts」（写 kiosk/ 里轮播网页的文件名，不带 .html）。你是不是想写「short」？",
        f"config.yaml:{line}: video.sizes: 视频尺寸 8000x4000 不合适：宽和高都要在 240 到 4096 之间。请按屏幕的实际像素写，例如 1280x720。",
        "共发现 2 个问题，本次没有生成任何文件（原来的网站保持不变）。"]


def test_a_screen_too_full_gets_smaller_type_instead_of_being_cut():
    from fangzha.layout.canvas import KIOSK_LANDSCAPE
    from fangzha.layout.paginate import fill_ratio
    from fangzha.outputs import kiosk
    crowded = kiosk.card("scam", "测试", [{"type": "list", "items": ["很长的一条警惕信号，" * 12] * 3}])
    scale = video.static_fit(crowded, KIOSK_LANDSCAPE)
    assert fill_ratio(crowded, [KIOSK_LANDSCAPE]) > 1 and 0.6 <= scale < 1
    assert video.static_fit(kiosk.card("scam", "测试", [{"type": "lead", "text": "一句话"}]), KIOSK_LANDSCAPE) == 1


def test_video_command_is_in_the_help():
    result = run_build("--help")
    assert "video" in result.stdout and "MP4" in result.stdout
