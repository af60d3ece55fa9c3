"""scripts/screenshots.py: the pictures docs/design.md shows, at each canvas's own size."""

import importlib.util

from conftest import ROOT
from PIL import Image

from fangzha.layout.canvas import KIOSK_LANDSCAPE, KIOSK_PORTRAIT, SLIDE


def load_script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts/screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_title_slide_a_scam_slide_and_a_kiosk_screen_each_way(shipped_site, browser, tmp_path):
    written = load_script().shoot(shipped_site, tmp_path / "shots", browser)  # the suite's Chromium: one Playwright at a time
    sizes = {path.name: Image.open(path).size for path in written}
    screens = {name: sizes.pop(name) for name in ("title-slide.png", "scam-slide.png", "kiosk-landscape.png", "kiosk-portrait.png")}
    assert screens == {"title-slide.png": (SLIDE.width, SLIDE.height), "scam-slide.png": (SLIDE.width, SLIDE.height),
                       "kiosk-landscape.png": (KIOSK_LANDSCAPE.width, KIOSK_LANDSCAPE.height),
                       "kiosk-portrait.png": (KIOSK_PORTRAIT.width, KIOSK_PORTRAIT.height)}
    # the web pages' first screen, and printed sheets at their paper's proportions (A4 portrait, A4 landscape, 80 × 200 cm)
    assert sizes["home.png"] == sizes["scam-page.png"] == (1280, 900)
    for name, (width, height) in (("poster.png", (210, 297)), ("leaflet.png", (297, 210)), ("rollup.png", (800, 2000))):
        assert abs(sizes[name][0] / sizes[name][1] - width / height) < .01, name
    title = Image.open(tmp_path / "shots/title-slide.png").convert("RGB")
    assert max(title.getcolors(title.width * title.height))[1] == (163, 22, 26)  # the coloured title slide: the brand's red
    scam = Image.open(tmp_path / "shots/scam-slide.png").convert("RGB")
    assert scam.getpixel((scam.width // 2, 10)) != (255, 255, 255)  # the scam slide's heading band, not the controls or a blank
