"""PDF pages drawn as pictures (share images, video frames), without a browser.

WeasyPrint lays a page out as PDF; PDFium (the `pypdfium2` package, which bundles it) draws the
PDF's pages as bitmaps; Pillow encodes them. PDFium is not thread-safe: call this from one thread
per process (the build's workers are processes).
"""

import io

import PIL.Image


def load():
    """pypdfium2, or ImportError (the caller explains how to install the render extra)."""
    import pypdfium2
    return pypdfium2


def page_images(pdf, width, trim=False, height=None):
    """Every page of a PDF (bytes) drawn `width` pixels wide, as RGB Pillow images (sRGB).

    `trim`: only the paper (a print shop's bleed and crop marks cut off); `height`: only the top
    `height` pixels (a page laid out taller than its content).
    """
    pdfium = load()
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            left, bottom, right, top = page.get_trimbox() if trim else page.get_mediabox()
            media = page.get_mediabox()
            crop = [left - media[0], bottom - media[1], media[2] - right, media[3] - top]  # points cut off each side
            scale = width / (right - left)  # PDF points → pixels
            if height is not None:
                crop[1] = max(crop[1], (top - bottom) - height / scale + crop[1])
            image = page.render(scale=scale, crop=tuple(crop), may_draw_forms=False).to_pil().convert("RGB")
            if image.width != width:  # the cropped edges round down: a pixel short, never more
                image = image.resize((width, round(image.height * width / image.width)), PIL.Image.LANCZOS)
            images.append(image)
            page.close()
        return images
    finally:
        document.close()


def jpeg(image, limit, qualities=(88, 82, 76, 70, 62, 55), dpi=None):
    """The image as a baseline sRGB JPEG under `limit` bytes, at the best quality that stays under it
    (`dpi`, when given, is written into the file: print software reads the physical size from it)."""
    data = b""
    extra = {"dpi": (dpi, dpi)} if dpi else {}
    for quality in qualities:
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=False, subsampling="4:2:0", **extra)
        data = out.getvalue()
        if len(data) < limit:
            return data
    return data


def png(image, compress_level=6):
    """PNG bytes; a low `compress_level` is quicker, for pictures that are read once (video frames)."""
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=compress_level)
    return out.getvalue()
