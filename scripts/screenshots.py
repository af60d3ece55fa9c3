"""Pictures of the design system for docs/design.md, drawn by Debian's Chromium from a built site: a deck's
title slide, a scam slide and a kiosk screen in each orientation (at their canvas's own size), and the
home page, a scam's page, a poster, a leaflet's outside and a roll-up banner (as printed).

    python3 scripts/screenshots.py OUTDIR [--root PROJECT] [--width PX]

builds the project (default: this repository's shipped content) into a temporary folder and writes the
pictures into OUTDIR (`--width`: scaled down to at most PX wide, in fewer colours, for the docs).
`shoot(site, outdir)` does the same for a site already built.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fangzha.layout.canvas import KIOSK_LANDSCAPE, KIOSK_PORTRAIT, SLIDE  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CLEAN = ".deck-bar, .deck-progress { display: none !important; }"  # the picture shows the slide, not the controls


def first_deck(site):
    return sorted(p for p in (site / "slides").glob("*.html") if p.name != "index.html")[0]


def shot(page, selector, index, path):
    """Show slide or screen `index` of the page and save the stage as PNG."""
    page.evaluate(f"FangzhaDeck.show({index}, 0)")
    page.locator(selector).screenshot(path=str(path), animations="disabled")


def shoot(site, outdir, browser=None):
    """Write the four pictures of `site` (a built site/ folder) into `outdir` with `browser` (a Playwright
    Chromium; None: Debian's, started here); return their paths."""
    if browser is None:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                return shoot(site, outdir, launched)
            finally:
                launched.close()
    site, outdir = Path(site), Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    context = browser.new_context(viewport={"width": SLIDE.width, "height": SLIDE.height}, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(first_deck(site).as_uri())
        page.add_style_tag(content=CLEAN)
        scam = page.evaluate("FangzhaDeck.slides.findIndex(s => s.matches('.slide-scam:not(.slide-divider)'))")
        for name, index in (("title-slide.png", 0), ("scam-slide.png", scam)):
            shot(page, ".deck-stage", index, outdir / name)
            written.append(outdir / name)
        for canvas in (KIOSK_LANDSCAPE, KIOSK_PORTRAIT):
            page = context.new_page()
            page.set_viewport_size({"width": canvas.width, "height": canvas.height})
            page.goto((site / "kiosk/all.html").as_uri())
            page.add_style_tag(content=CLEAN)
            margin = page.evaluate("FangzhaDeck.margin")  # kept round the canvas for the burn-in shift: drawn at 1:1 inside it
            page.set_viewport_size({"width": canvas.width + 2 * margin, "height": canvas.height + 2 * margin})
            page.wait_for_function(f"document.querySelector('.deck').dataset.orientation === '{canvas.name}'")
            index = page.evaluate("FangzhaDeck.slides.findIndex(s => s.matches('.slide-scam'))")
            name = f"kiosk-{canvas.name}.png"
            shot(page, ".deck-stage", index, outdir / name)
            written.append(outdir / name)
    finally:
        context.close()
    return written + shoot_pages(site, outdir, browser)


PAGES = [  # (picture, page, what is shown: the top of a web page, or a printed sheet)
    ("home.png", "index.html", None),
    ("scam-page.png", "scams/shuadan.html", None),
    ("poster.png", "posters/scam-shuadan.html", ".pr-sheet"),
    ("leaflet.png", "leaflets/audience-elderly.html", ".pr-sheet"),
    ("rollup.png", "print-shop/rollup-community-telecom.html", ".pr-sheet"),
]


def shoot_pages(site, outdir, browser):
    """The website's pages (the first screen of each) and printed sheets (the first sheet, as printed)."""
    written = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        page = context.new_page()
        for name, relative, sheet in PAGES:
            page.goto((site / relative).as_uri())
            path = outdir / name
            if sheet:
                page.wait_for_function("document.querySelector('#main') && document.querySelector('#main').dataset.fit")
                page.emulate_media(media="print")
                page.locator(sheet).first.screenshot(path=str(path), animations="disabled")
                page.emulate_media(media="screen")
            else:
                page.screenshot(path=str(path), animations="disabled")
            written.append(path)
    finally:
        context.close()
    return written


def smaller(path, width):
    """The picture at most `width` pixels wide, in 256 colours (small enough to keep in the repository)."""
    from PIL import Image
    image = Image.open(path).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image.quantize(256).save(path, optimize=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="把网站、海报、折页、易拉宝、课件和大屏横竖屏各截一张 PNG。")
    parser.add_argument("outdir", help="放截图的文件夹")
    parser.add_argument("--root", default=str(ROOT), help="项目文件夹（默认是本仓库）")
    parser.add_argument("--width", type=int, help="把截图缩小到最多这么宽（像素），给文档用")
    args = parser.parse_args(argv)
    from fangzha.context import BuildContext
    from fangzha.pipeline import build
    with tempfile.TemporaryDirectory(prefix="fangzha-shots-") as folder:
        site = Path(folder) / "site"
        build(BuildContext(Path(args.root).resolve()), site)
        for path in shoot(site, args.outdir):
            if args.width:
                smaller(path, args.width)
            print(f"已保存 {path}")


if __name__ == "__main__":
    main()
