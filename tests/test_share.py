"""Share images (build.py pdf): posters and leaflets as pictures, a 长图 per scam and campaign, for phones.

Tofu is caught where it is made: WeasyPrint reports every character no installed font has while it
draws a PDF or a 长图, and the build refuses it (tested below with a character of CJK Extension B).
The pictures themselves are checked for ink: a blank or single-colour picture has no rows with
strokes in them; a page of text has many.
"""

import json
import re

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, refused_build, run_build
from PIL import Image, ImageStat

A4_PORTRAIT = 1080 * 297 / 210  # px: an A4 poster 1080 px wide
A4_LANDSCAPE = 1080 * 210 / 297
MB = 1_000_000


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """The mini project after `build.py pdf`: (site, manifest rows by path, summary line)."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("share") / "project")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    rows = {r["path"]: r for r in json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]}
    return site, rows, result.stdout.strip().splitlines()[-1]


def items(site, folder):
    return sorted(p.stem for p in (site / folder).glob("*.html") if p.stem != "index")


def picture(path):
    """The JPEG, checked to be what a phone takes: baseline, RGB with no colour profile (read as sRGB), under 1 MB."""
    assert path.stat().st_size < MB, path
    image = Image.open(path)
    assert (image.format, image.mode, image.width) == ("JPEG", "RGB", 1080), path
    assert not image.info.get("progressive") and "icc_profile" not in image.info, path
    return image


def ink(image, band=8):
    """(share of 8-px bands of rows with strokes in them, share of dark pixels)."""
    grey = image.convert("L")
    bands = [ImageStat.Stat(grey.crop((0, y, grey.width, y + band))).stddev[0] for y in range(0, grey.height - band + 1, band)]
    return sum(1 for s in bands if s > 25) / len(bands), sum(grey.histogram()[:128]) / (grey.width * grey.height)


def test_ink_tells_a_page_of_text_from_a_blank_or_plain_picture():
    assert ink(Image.new("RGB", (1080, 1500), "#ffffff")) == (0, 0)
    assert ink(Image.new("RGB", (1080, 1500), "#a3161a"))[0] == 0


def test_every_poster_and_leaflet_page_is_a_picture_for_phones(shared):
    site, rows, _ = shared
    for name in items(site, "posters"):
        image = picture(site / f"share/posters/{name}.jpg")
        assert abs(image.height - A4_PORTRAIT) <= 1, name  # the whole page, nothing cut or added
        lines, dark = ink(image)
        assert lines > .15 and .005 < dark < .7, (name, lines, dark)
        assert rows[f"share/posters/{name}.jpg"] == {
            "path": f"share/posters/{name}.jpg", "family": "print", "kind": "share-image", "campaign": rows[f"posters/{name}.html"]["campaign"],
            "size": {"unit": "px", "width": 1080, "height": image.height}}
    for name in items(site, "leaflets"):
        for side in (1, 2):
            image = picture(site / f"share/leaflets/{name}-{side}.jpg")
            assert abs(image.height - A4_LANDSCAPE) <= 1, (name, side)
            lines, dark = ink(image)
            assert lines > .15 and .005 < dark < .7, (name, side, lines, dark)
            assert rows[f"share/leaflets/{name}-{side}.jpg"]["kind"] == "share-image"
    assert sorted(p.name for p in (site / "share/leaflets").glob("*.jpg")) == sorted(
        f"{name}-{side}.jpg" for name in items(site, "leaflets") for side in (1, 2))


def test_every_scam_and_campaign_has_its_long_picture(shared):
    site, rows, _ = shared
    long = sorted(p.relative_to(site / "share").as_posix() for folder in ("scams", "campaigns") for p in (site / "share" / folder).glob("*.jpg"))
    assert long == [f"campaigns/{c}.jpg" for c in items(site, "campaigns")] + [f"scams/{s}.jpg" for s in items(site, "scams")]
    for path in long:
        image = picture(site / "share" / path)
        assert image.height > image.width, path  # one long column
        lines, dark = ink(image)
        assert lines > .3 and .005 < dark < .7, (path, lines, dark)
        row = rows[f"share/{path}"]
        assert (row["family"], row["kind"], row["size"]) == ("print", "long-image", {"unit": "px", "width": 1080, "height": image.height})
        assert row["campaign"] == (path.split("/")[1][:-4] if path.startswith("campaigns/") else None)
    # the picture ends with the numbers and the small print: its last rows are the grey foot, not white page
    image = Image.open(site / "share/scams/shuadan.jpg")
    bottom = image.getpixel((10, image.height - 5))
    assert all(abs(channel - 0xf2) <= 3 for channel in bottom), bottom


def test_summary_and_manifest_count_every_picture(shared):
    site, rows, summary = shared
    written = sorted(p.relative_to(site).as_posix() for p in (site / "share").rglob("*.jpg"))
    assert written == sorted(path for path, row in rows.items() if row["kind"] in ("share-image", "long-image"))
    assert re.fullmatch(rf"已生成 site/：.*，PDF 8 份，分享图片 {len(written)} 张，打印店文件 \d+ 个；用时 \d+\.\d\d 秒。", summary), summary


def test_long_pictures_are_set_in_type_no_smaller_than_36_px():
    from fangzha.context import BuildContext
    from fangzha.outputs.printkit import share
    from fangzha.pipeline import check
    from fangzha.render import make_environment
    checked = check(BuildContext(FIXTURES / "mini"))
    env = make_environment(checked.ctx.templates)
    for job in share.plan(checked.model):
        drawn = share.draw_long(None, (job["dest"], env.get_template(share.TEMPLATE).render(
            job["context"], width=share.WIDTH, height=share.TALLEST)))
        assert drawn["smallest"] == 36 and drawn["missing"] == set() and drawn["pages"] == 1, (job["dest"], drawn["smallest"])


def test_the_print_centre_and_the_campaign_page_offer_the_pictures(shared):
    site, _, _ = shared
    posters = (site / "posters/index.html").read_text(encoding="utf-8")
    for name in items(site, "posters"):
        assert f'<a href="../share/posters/{name}.jpg" download aria-label="图片：' in posters, name
    for path in [f"share/scams/{s}.jpg" for s in items(site, "scams")] + [f"share/campaigns/{c}.jpg" for c in items(site, "campaigns")]:
        assert f'<img src="../{path}" alt="手机长图：' in posters and f'<a href="../{path}" download' in posters, path
    leaflets = (site / "leaflets/index.html").read_text(encoding="utf-8")
    for name in items(site, "leaflets"):
        assert f'href="../share/leaflets/{name}-1.jpg" download' in leaflets and f'href="../share/leaflets/{name}-2.jpg" download' in leaflets
    page = (site / "campaigns/class-meeting.html").read_text(encoding="utf-8")
    shown = re.findall(r'<img src="\.\./(share/[^"]+)"', page)
    assert shown == ["share/posters/campaign-class-meeting.jpg", "share/campaigns/class-meeting.jpg",
                     "share/leaflets/campaign-class-meeting-1.jpg", "share/leaflets/campaign-class-meeting-2.jpg"]
    assert all(f'<a href="../{path}" download>下载' in page for path in shown)
    for html in (posters, leaflets, page):
        assert all((site / link).is_file() for link in re.findall(r'(?:href|src)="\.\./(share/[^"]+)"', html))


def test_the_pictures_load_in_the_browser(shared, watched):
    site, _, _ = shared
    view = watched(site)
    page = view.open("campaigns/class-meeting.html")
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    assert page.evaluate("[...document.images].map(i => i.naturalWidth)") == [1080] * 4
    assert view.errors == [] and view.outside == []


def test_a_plain_build_offers_no_pictures(shipped_site):
    assert not (shipped_site / "share").exists()
    for page in ["posters/index.html", "leaflets/index.html", *(p.relative_to(shipped_site).as_posix() for p in (shipped_site / "campaigns").glob("*.html"))]:
        assert "share/" not in (shipped_site / page).read_text(encoding="utf-8"), page


def test_a_character_no_font_has_is_named_in_its_file_before_anything_is_drawn(built_project):
    edit(built_project, "content/scams/shuadan.md", "summary: ", "summary: 𠀀")
    assert refused_build(built_project, "pdf") == [
        "content/scams/shuadan.md: summary: 「𠀀」电脑字体里没有，印成 PDF、做成分享图片都会是空方框。请换成常用的字或写法。"]
    assert run_build(cwd=built_project).returncode == 0  # the website itself leaves the font to the reader's device


def test_drawing_a_picture_still_catches_tofu_from_anywhere(tmp_path):
    from fangzha.outputs.printkit import share
    from fangzha.render import make_environment
    job = {"dest": "share/scams/x.jpg", "label": "手机长图", "kit_of": "", "source": "content/scams/x.md", "title": "x",
           "context": {"title": "标题𠀀", "org": "", "kicker": "", "icon": "", "remember": "", "lead": "", "accent": "#a3161a",
                       "facts": [], "sections": [], "numbers": [], "messages": [], "calls": "", "local": [], "foot": []}}
    pages, problems = share.long_images([job], make_environment(ROOT / "templates"))
    assert [str(p) for p in problems] == ["content/scams/x.md: share/scams/x.jpg 里有电脑字体里没有的字：𠀀，图片上会是空方框。请换成常用的字或写法。"]


def strings(value, seen):
    """Every string inside a value of the model (its items refer to each other: each visited once)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (dict, list, tuple)) and id(value) not in seen:
        seen.add(id(value))
        for inner in value.values() if isinstance(value, dict) else value:
            yield from strings(inner, seen)


def test_shipped_text_has_a_glyph_for_every_character():
    """Every character the shipped content, the templates and the code's own words can put on a picture
    is in an installed font (so no shipped PDF or picture has tofu)."""
    import weasyprint

    from fangzha.context import BuildContext
    from fangzha.outputs.printkit import glyphs
    from fangzha.pipeline import check
    model = check(BuildContext(ROOT)).model
    texts = list(strings(list(vars(model).values()), set()))
    texts += [p.read_text(encoding="utf-8") for folder in ("templates", "fangzha") for p in (ROOT / folder).rglob("*.*")
              if p.suffix in (".html", ".txt", ".py")]
    characters = "".join(sorted(set("".join(texts)) - set("<>&\n\r\t")))
    assert "刷" in characters and "凡" in characters and len(characters) > 1000
    assert glyphs.missing(weasyprint, characters) == set()
