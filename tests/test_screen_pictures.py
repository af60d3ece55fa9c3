"""Pictures from content/ on the screens: a scam's `image:` on its slide and its kiosk screen, a
campaign's on its title slide and its slogan screen, the organisation's logo (config.yaml design.logo)
on every deck's title slide and in every kiosk screen's foot band: drawn inside the canvas in Chromium,
and in the video frames WeasyPrint draws."""

import io

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build
from PIL import Image

from fangzha import render
from fangzha.context import BuildContext
from fangzha.outputs import kiosk, video
from fangzha.outputs.video import frames
from fangzha.pipeline import check

MINI = FIXTURES / "mini"
SCAM_ALT = "一张“日赚三百”的刷单广告截图"
CAMPAIGN_ALT = "班会上同学们举手回答问题"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(MINI, tmp_path_factory.mktemp("pictures") / "project")
    Image.new("RGB", (800, 500), (200, 40, 40)).save(project / "content/scams/ad.png")
    Image.new("RGB", (600, 600), (40, 120, 40)).save(project / "content/campaigns/class.png")
    Image.new("RGB", (400, 200), (0, 0, 90)).save(project / "content/logo.png")
    edit_front_matter(project / "content/scams/shuadan.md", lambda d: d.update(image={"file": "ad.png", "alt": SCAM_ALT}))
    edit_front_matter(project / "content/campaigns/class-meeting.md", lambda d: d.update(image={"file": "class.png", "alt": CAMPAIGN_ALT}))
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "design:\n  logo: content/logo.png\n", encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert "放不下" not in result.stdout + result.stderr  # every slide and screen with a picture still fits
    return project / "site"


def copy_of(site, size):
    """The site/images/ name of the picture of that size."""
    return next(p.name for p in (site / "images").iterdir() if Image.open(p).size == size)


def section(page, marker):
    """The <section> of a slide or screen that holds `marker`."""
    before, after = page.split(marker, 1)
    return before.rsplit("<section ", 1)[1] + after.split("</section>", 1)[0]


def test_the_pictures_and_the_logo_are_on_their_slides_and_screens(site):
    scam, campaign, logo = copy_of(site, (800, 500)), copy_of(site, (600, 600)), copy_of(site, (400, 200))
    deck = (site / "slides/class-meeting.html").read_text(encoding="utf-8")
    title = deck.split('id="slide-1"', 1)[1].split("</section>", 1)[0]
    assert f'<img src="../images/{campaign}" alt="{CAMPAIGN_ALT}" width="600" height="600">' in title.split("block-picture", 1)[1]
    assert f'<img src="../images/{logo}" alt="测试社区">' in title.split("block-logo", 1)[1]
    how = section(deck, f'alt="{SCAM_ALT}"')
    assert "刷单返利诈骗</h2>" in how and "怎么骗" in how  # on the scam's first slide, under how it works
    assert deck.count(f'src="../images/{scam}"') == 1
    handout = (site / "slides/notes/class-meeting.html").read_text(encoding="utf-8")  # one folder deeper
    assert all(f'src="../../images/{name}"' in handout for name in (scam, campaign, logo))
    loop = (site / "kiosk/class-meeting.html").read_text(encoding="utf-8")
    for orientation in ("landscape", "portrait"):
        screens = loop.split(f'data-set="{orientation}"', 1)[1].split('<div class="kiosk-set"', 1)[0]
        assert screens.count(f'src="../images/{scam}" alt="{SCAM_ALT}"') == 1, orientation
        assert "slide-slogan" in section(screens, f'src="../images/{campaign}"'), orientation
    assert loop.count(f'<img class="foot-logo" src="../images/{logo}" alt="测试社区">') == 1  # one foot band under every screen


DRAWN = """() => {
    const out = [];
    FangzhaDeck.slides.forEach((s, i) => {
        if (!s.querySelector('img')) return;
        FangzhaDeck.show(i, 0);
        const sr = s.getBoundingClientRect();
        for (const img of s.querySelectorAll('img')) {
            const b = img.getBoundingClientRect();
            if (!img.complete || !img.naturalWidth || b.height < 20 || b.bottom > sr.bottom + 1 || b.right > sr.right + 1)
                out.push(`${i + 1}: ${img.alt} ${b.height}`);
        }
        if (s.scrollHeight > s.clientHeight + 1 || s.getAttribute('data-fit') !== '1.00') out.push(`${i + 1}: fit ${s.getAttribute('data-fit')}`);
        out.push(`shown ${s.id}`);
    });
    return out;
}"""


@pytest.mark.parametrize("page, size", [("slides/class-meeting.html", (1366, 768)), ("kiosk/class-meeting.html", (1920, 1080)),
                                        ("kiosk/class-meeting.html", (1080, 1920))], ids=["deck", "landscape", "portrait"])
def test_pictures_are_drawn_inside_their_canvas(site, watched, page, size):
    view = watched(site, viewport={"width": size[0], "height": size[1]}, reduced_motion="reduce")
    opened = view.open(page)
    found = opened.evaluate(DRAWN)
    shown = [f for f in found if f.startswith("shown ")]
    assert [f for f in found if not f.startswith("shown ")] == [] and len(shown) >= 2
    if page.startswith("kiosk/"):
        orientation = "landscape" if size[0] > size[1] else "portrait"
        assert all(f.startswith(f"shown {orientation}-") for f in shown)  # the screens of the orientation shown
        foot = opened.locator(".kiosk-foot")
        assert foot.evaluate("f => f.querySelector('img').naturalWidth > 0 && f.scrollHeight <= f.clientHeight + 1")
        assert foot.locator(".foot-org").evaluate("p => p.getBoundingClientRect().left > p.parentElement.querySelector('img').getBoundingClientRect().right")
    assert view.errors == [] and view.outside == []


def test_the_video_frames_draw_the_picture_and_the_logo(site):
    """WeasyPrint draws a scam's screen with its picture the size it was measured at, and the logo in the foot band."""
    checked = check(BuildContext(site.parent))
    loop = next(p for p in checked.pages if p.dest == "kiosk/class-meeting.html")
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    for canvas, screens in zip(kiosk.CANVASES, loop.context["sets"]):
        card = next(c for c in screens["cards"] if c["kind"] == "scam")
        job = (canvas, canvas.width, canvas.height, [{"card": card, "seconds": 3, "fit": 1}], kiosk.footer(checked.model))
        png = frames.draw(render.make_environment(ROOT / "templates"), files, [job], video.Progress())[0]
        colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(canvas.width * canvas.height)
        drawn = {rgb: n for n, rgb in colours}
        picture = next(b for b in card["blocks"] if b["type"] == "picture")
        tall = canvas.scaled(card["scale"]).picture * picture["share"]
        wide = min(canvas.width - 2 * canvas.pad_x, tall * 800 / 500)
        assert abs(drawn.get((200, 40, 40), 0) / (tall * wide) - 1) < 0.05, canvas.name
        logo = canvas.logo - 12  # inside its white margin
        assert drawn.get((0, 0, 90), 0) > 0.8 * logo * (logo * 2), canvas.name
