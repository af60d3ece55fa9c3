"""Pictures from content/: copied into the site once, shown on the item's web page and poster, and
checked (missing, too large, no description) with the file and line that names them."""

import re

import pytest
from conftest import FIXTURES, copy_project, edit_front_matter, run_build
from PIL import Image

MINI = FIXTURES / "mini"
SUMMARY = "共发现 {} 个问题，本次没有生成任何文件（原来的网站保持不变）。"


@pytest.fixture
def project(tmp_path):
    project = copy_project(MINI, tmp_path / "project")
    pictures = project / "content/scams/pictures"
    pictures.mkdir()
    Image.new("RGB", (800, 500), (200, 40, 40)).save(pictures / "刷单广告.png")
    Image.new("RGB", (300, 300), (40, 40, 200)).save(pictures / "chat.jpg")
    return project


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_a_picture_appears_on_the_web_page_and_the_poster_copied_once(project):
    scam = project / "content/scams/shuadan.md"
    edit_front_matter(scam, lambda data: data.update(image={"file": "pictures/刷单广告.png", "alt": "一张“日赚三百”的刷单广告截图"}))
    scam.write_text(scam.read_text(encoding="utf-8") + "\n![骗子发来的聊天记录](pictures/chat.jpg)\n", encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    copies = sorted(p.name for p in (site / "images").iterdir())
    assert len(copies) == 2 and all(re.fullmatch(r"[0-9a-f]{16}\.(png|jpg)", name) for name in copies)  # ASCII names
    png = next(name for name in copies if name.endswith(".png"))
    page = (site / "scams/shuadan.html").read_text(encoding="utf-8")
    assert f'<img src="../images/{png}" alt="一张“日赚三百”的刷单广告截图" width="800" height="500">' in page
    assert re.search(r'<img (?:alt="骗子发来的聊天记录" )?src="\.\./images/[0-9a-f]{16}\.jpg"', page)  # the body's picture
    poster = (site / "posters/scam-shuadan.html").read_text(encoding="utf-8")
    assert f'<img src="../images/{png}" alt="一张“日赚三百”的刷单广告截图">' in poster
    listed = (site / "manifest.json").read_text(encoding="utf-8")
    assert f'"path": "images/{png}", "family": "site", "kind": "image"' in listed


def test_a_missing_picture_fails_check_with_its_file_and_line(project):
    scam = project / "content/scams/shuadan.md"
    edit_front_matter(scam, lambda data: data.update(image={"file": "pictures/没有这张.png", "alt": "说明"}))
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"content/scams/shuadan.md:{line_of(scam, 'image:')}: image: 找不到图片「pictures/没有这张.png」"
        "（应在 content/scams/pictures/没有这张.png）。请检查文件名和文件夹，大小写也要一致。", SUMMARY.format(1)]


def test_a_picture_without_a_description_is_refused(project):
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8") + "\n![](pictures/chat.jpg)\n", encoding="utf-8")
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"content/scams/shuadan.md:{line_of(scam, '](pictures/chat.jpg)')}: 正文: 图片「pictures/chat.jpg」没有说明文字。"
        "请写上图片上是什么（alt），看不见图片的人（读屏软件）靠它知道内容。")


def test_a_picture_too_large_or_of_the_wrong_kind_is_refused(project):
    pictures = project / "content/scams/pictures"
    Image.new("RGB", (7000, 100)).save(pictures / "wide.png")
    (pictures / "scan.tiff").write_bytes(b"II*\x00")
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8") + "\n![宽图](pictures/wide.png)\n\n![扫描件](pictures/scan.tiff)\n", encoding="utf-8")
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[:2] == [
        f"content/scams/shuadan.md:{line_of(scam, 'wide.png')}: 正文: 图片「pictures/wide.png」太大（7000 × 100 像素）："
        "只能用 JPEG、PNG、WebP 或 SVG，不超过 5 MB、长边不超过 6000 像素。请先缩小再放进来。",
        f"content/scams/shuadan.md:{line_of(scam, 'scan.tiff')}: 正文: 图片「pictures/scan.tiff」的格式不能用："
        "只能用 JPEG、PNG、WebP 或 SVG，不超过 5 MB、长边不超过 6000 像素。"]


def test_a_picture_outside_the_project_is_refused(project, tmp_path):
    Image.new("RGB", (10, 10)).save(tmp_path / "elsewhere.png")
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8") + "\n![外面的图](../../../elsewhere.png)\n", encoding="utf-8")
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    assert "图片「../../../elsewhere.png」在项目文件夹外面。" in result.stderr


def test_the_logo_from_config_is_on_every_printed_item(project):
    Image.new("RGB", (400, 200), (0, 0, 0)).save(project / "content/logo.png")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "design:\n  logo: content/logo.png\n", encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    logo = next((site / "images").iterdir()).name
    for page in sorted((site / "posters").glob("*.html")) + sorted((site / "leaflets").glob("*.html")):
        if page.name != "index.html":
            assert f'<img class="pr-logo" src="../images/{logo}" alt="">' in page.read_text(encoding="utf-8"), page.name
