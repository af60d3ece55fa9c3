"""Pictures from content/: a scam's or campaign's `image:`, images in Markdown bodies, the logo in config.yaml.

Each is checked where it is named (the file exists inside the project, is a picture of a kind every
output can draw, is not too large, and has a description for people who cannot see it) and gets an
ASCII file name in site/images/ from its bytes, so the same picture is copied once.
"""

import hashlib
import re
from pathlib import Path

from .fields import Where

KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".svg": "svg", ".webp": "webp"}
MAX_BYTES = 5 * 1024 * 1024  # a poster photo is far less; more is a camera original that slows every page
MAX_PIXELS = 6000            # on the longer side
LIMITS = "JPEG、PNG、WebP 或 SVG，不超过 5 MB、长边不超过 6000 像素"
IMG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"')


def picture(reference, alt, where, root, problems):
    """{dest, src, alt, width, height} for a picture named `reference` in file `where.path`, or None
    (with a problem): relative to the file that names it, and never outside the project."""
    root = Path(root).resolve()
    base = (root / where.path).parent
    path = (base / reference).resolve()
    if not alt.strip():
        where.report(problems, f"图片「{reference}」没有说明文字。请写上图片上是什么（alt），看不见图片的人（读屏软件）靠它知道内容。")
    if not path.is_relative_to(root):
        where.report(problems, f"图片「{reference}」在项目文件夹外面。请把图片放进 content/ 里，再写它相对于这个文件的路径。")
        return None
    if not path.is_file():
        where.report(problems, f"找不到图片「{reference}」（应在 {path.relative_to(root).as_posix()}）。请检查文件名和文件夹，大小写也要一致。")
        return None
    kind = KINDS.get(path.suffix.lower())
    if not kind:
        where.report(problems, f"图片「{reference}」的格式不能用：只能用 {LIMITS}。")
        return None
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        where.report(problems, f"图片「{reference}」太大（{len(data) / 1048576:.1f} MB）：只能用 {LIMITS}。请先缩小再放进来。")
        return None
    width, height = dimensions(data, kind)
    if max(width, height) > MAX_PIXELS:
        where.report(problems, f"图片「{reference}」太大（{width} × {height} 像素）：只能用 {LIMITS}。请先缩小再放进来。")
        return None
    if not width:
        where.report(problems, f"图片「{reference}」打不开，可能已经损坏。请重新保存一次再放进来。")
        return None
    dest = f"images/{hashlib.sha256(data).hexdigest()[:16]}{'.jpg' if kind == 'jpeg' else path.suffix.lower()}"
    return {"dest": dest, "src": path.relative_to(root).as_posix(), "alt": alt.strip(), "width": width, "height": height}


def dimensions(data, kind):
    """(width, height) in pixels; an SVG by its viewBox (0, 0 when it cannot be read)."""
    if kind == "svg":
        box = re.search(rb'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', data[:4096])
        return (round(float(box[1])), round(float(box[2]))) if box else (0, 0)
    import io

    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return 0, 0


def in_markdown(path, html, body_line, body, root, problems):
    """The pictures of a Markdown body, checked, and its HTML pointing at their copies in site/images/."""
    found = []
    lines = body.split("\n")
    for tag in IMG.findall(html):
        attributes = dict(ATTRIBUTE.findall(tag))
        src, alt = attributes.get("src", "#"), attributes.get("alt", "")
        if src == "#":  # an outside image, already refused by the link check
            continue
        offset = next((i for i, text in enumerate(lines) if src in text), 0)
        made = picture(src, alt, Where(path, body_line + offset, "正文", []), root, problems)
        if made:
            found.append(made)
            html = html.replace(f'src="{src}"', f'src="{made["dest"]}"')
    return html, found


def rooted(html, root):
    """A body's HTML with its pictures' addresses made relative to the page showing it."""
    return html.replace('src="images/', f'src="{root}images/') if root else html
