"""Video frames: the screens of the kiosk loops drawn as pictures, without a browser.

WeasyPrint lays each batch of screens out as PDF pages of the canvas's size
(templates/kiosk/frames.html, the kiosk's own blocks and styles); PDFium draws the pages as
pictures the size of the video (raster.py). Batches are spread over the cores, a round at a
time, so the terminal can say how far it has got.
"""

from ... import raster
from ...parallel import cores, ordered_map
from ..printkit.pdf import HOST, memory_fetcher

TEMPLATE = "kiosk/frames.html"
BATCH = 4  # screens laid out in one WeasyPrint document
STYLES = ("assets/site.css", "assets/deck.css")


def frames_html(env, canvas, screens, foot):
    """The frames document of some screens, one page each."""
    return env.get_template(TEMPLATE).render(canvas=canvas, screens=screens, foot=foot, root="../")


def _draw(assets, job):
    """(html, width, height) → the PNG bytes of each page, drawn width × height pixels."""
    import weasyprint

    html, width, height = job
    document = weasyprint.HTML(string=html, base_url=HOST + "video/frames.html", url_fetcher=memory_fetcher(weasyprint, assets))
    pictures = []
    for image in raster.page_images(document.write_pdf(uncompressed_pdf=True), width):  # read once, in memory: no need to pack it
        if image.size != (width, height):  # a pixel of rounding when the canvas is scaled to the screen
            image = image.resize((width, height))
        pictures.append(raster.png(image, compress_level=1))
    return pictures


def draw(env, assets, jobs, progress):
    """PNG bytes for every screen of `jobs`: [(canvas, width, height, screens, foot)], in order."""
    batches = [(frames_html(env, canvas, screens[i:i + BATCH], foot), width, height)
               for canvas, width, height, screens, foot in jobs for i in range(0, len(screens), BATCH)]
    total = sum(len(job[3]) for job in jobs)
    styles = {name: assets[name] for name in assets if name in STYLES or name.startswith("images/")}  # and the pictures shown
    drawn, per_round = [], 2 * cores()
    progress.update("画好画面", 0, total, "屏")
    for start in range(0, len(batches), per_round):
        for pictures in ordered_map(_draw, batches[start:start + per_round], styles, min_items=2):
            drawn += pictures
        progress.update("画好画面", len(drawn), total, "屏")
    return drawn
