"""The video extra: WeasyPrint, pypdfium2 and Pillow, and ffmpeg (requirements-video.txt)."""

from ...problems import Problem
from . import encode


def missing_parts():
    """The parts of the video extra that cannot be loaded, by name."""
    missing = []
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango library is missing
        missing.append("WeasyPrint")
    try:
        from ... import raster
        raster.load()
    except ImportError:
        missing.append("pypdfium2 和 Pillow")
    try:
        encode.ffmpeg()
    except (ImportError, RuntimeError):
        missing.append("ffmpeg（imageio-ffmpeg）")
    return missing


def extra_problems():
    missing = missing_parts()
    if not missing:
        return []
    return [Problem("requirements-video.txt", 0, "", (
        f"生成视频需要 {'、'.join(missing)}，但现在用不了。请先运行 pip install -r requirements-video.txt；"
        "Windows 和 macOS 还需要按 WeasyPrint 安装说明装好 Pango（见 docs/print.md）。网页版的大屏轮播不需要它们。"))]
