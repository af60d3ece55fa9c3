"""CMYK for the print shop: an item's PDF made into PDF/X-1a:2001 with the shop's ICC profile, by Ghostscript.

WeasyPrint writes sRGB only. When config.yaml names the shop's profile (content/profiles.py checked it),
`build.py pdf` gives each item's PDF to Ghostscript, a separate program that is run, never shipped: every
colour converted to the profile's CMYK, the profile embedded as the PDF/X output intent, fonts kept.

PDF/X-1a allows no transparency, and Ghostscript turns a page that has any into one big picture (no
fonts, no text to copy, a minute for a roll-up). WeasyPrint's pages have some only in name (each page
is a transparency group), in two lines of 90–95 % opaque small print and in a PNG logo's transparent
background; `opaque` takes them out first: the small print comes out fully opaque, the logo keeps a
one-bit mask (what PDF 1.3 has) instead of its soft edge. It also writes neutral greys (black text,
grey small print) as DeviceGray, which Ghostscript leaves for the black ink alone (K), instead of a
four-ink rich black that shows colour fringes when the plates are slightly out of register.
"""

import glob
import io
import os
import shutil
import subprocess
import tempfile

from ...problems import COMMAND, Problem

STANDARD = "PDF/X-1a:2001"
SUFFIX = "-cmyk"  # the converted PDF's name: <item>-cmyk.pdf (an sRGB <item>.pdf is not written beside it)
# The console programs: Windows' installer names them gswin64c / gswin32c and leaves them off PATH.
NAMES = ("gswin64c", "gswin32c", "gs") if os.name == "nt" else ("gs",)
WINDOWS_FOLDERS = (r"C:\Program Files\gs\gs*\bin\gswin64c.exe", r"C:\Program Files (x86)\gs\gs*\bin\gswin32c.exe")
INSTALL = ("Windows 从 ghostscript.com 下载安装 Ghostscript（装好后命令 gswin64c 要能运行，不能运行就把 C:\\Program Files\\gs\\gs…\\bin 加进 PATH）；"
           "Debian、Ubuntu 运行 sudo apt install ghostscript；macOS 运行 brew install ghostscript")


def ghostscript():
    """The Ghostscript program to run, or None when this computer has none."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        installed = sorted(path for pattern in WINDOWS_FOLDERS for path in glob.glob(pattern))
        return installed[-1] if installed else None
    return None


def missing(config):
    """The one problem when config.yaml asks for CMYK and Ghostscript is not installed, else []."""
    icc = config.get("icc")
    if not icc or ghostscript():
        return []
    return [Problem("config.yaml", icc["line"], icc["field"], (
        f"要做 CMYK（{STANDARD}）的打印店文件需要 Ghostscript，但这台电脑上找不到它。请先安装：{INSTALL}。"
        f"不要 CMYK 时删掉这一行，{COMMAND} pdf 就只做 sRGB 的文件。"))]


def opaque(pdf):
    """The PDF without what PDF/X-1a forbids and WeasyPrint writes (transparency groups, partial opacity, soft
    masks), its neutral greys as DeviceGray, its boxes left for Ghostscript to write: a trim box only when there
    is bleed (one equal to the media box fails Ghostscript's PDF/X check by a rounding error)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, FloatObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    done = set()

    def clean(resources):
        resources = resources.get_object() if resources else {}
        for state in (resources.get("/ExtGState") or {}).values():
            state = state.get_object()
            for key in ("/ca", "/CA"):
                if key in state:
                    state[NameObject(key)] = FloatObject(1)
            if "/SMask" in state:
                state[NameObject("/SMask")] = NameObject("/None")
        for ref in (resources.get("/XObject") or {}).values():
            form = ref.get_object()
            if form.get("/Subtype") == "/Image" and "/SMask" in form:
                mask = stencil(form.pop(NameObject("/SMask")).get_object())
                form[NameObject("/Mask")] = writer._add_object(mask)  # (a mask is a stream: it must be its own object)
            elif form.get("/Subtype") == "/Form" and id(form) not in done:
                done.add(id(form))
                form.pop(NameObject("/Group"), None)
                content = ContentStream(form, writer)
                content.operations = greys(content.operations)
                form.set_data(content.get_data())
                clean(form.get("/Resources"))

    for page in writer.pages:
        page.pop(NameObject("/Group"), None)
        for box in ("/BleedBox", "/ArtBox", "/CropBox") + (("/TrimBox",) if list(page.trimbox) == list(page.mediabox) else ()):
            page.pop(NameObject(box), None)
        content = ContentStream(page.get_contents(), writer)
        content.operations = greys(content.operations)
        page.replace_contents(content)
        clean(page.get("/Resources"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stencil(soft):
    """A picture's soft mask (its PNG transparency, 0–255) as the one-bit mask PDF/X-1a allows: a pixel is shown
    when it is at least half opaque. Its edge is a hard one, its colours stay those of the picture."""
    from pypdf.generic import BooleanObject, DecodedStreamObject, NameObject, NumberObject

    width, height, depth = int(soft["/Width"]), int(soft["/Height"]), int(soft.get("/BitsPerComponent", 8))
    alpha = soft.get_data()
    row, step = (width * depth + 7) // 8, depth // 8 or 1
    bits = bytearray()
    for y in range(height):
        line = alpha[y * row:(y + 1) * row]
        hidden = [line[x * step] < 128 for x in range(width)] + [True] * 7  # 1: masked out
        bits += bytes(sum(hidden[x + i] << (7 - i) for i in range(8)) for x in range(0, width, 8))
    mask = DecodedStreamObject()
    mask.set_data(bytes(bits))
    mask.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
                 NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
                 NameObject("/ImageMask"): BooleanObject(True), NameObject("/BitsPerComponent"): NumberObject(1)})
    return mask


def greys(operations):
    """`r g b rg` with r = g = b becomes `g g` (and RG, G for strokes)."""
    fill = {b"rg": b"g", b"RG": b"G"}
    return [([operands[0]], fill[operator]) if operator in fill and len(operands) == 3 and operands[0] == operands[1] == operands[2]
            else (operands, operator) for operands, operator in operations]


def ps_text(text):
    """A PostScript string: UTF-16 with a byte-order mark in hex, which pdfwrite writes as a PDF text string."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def definition(name):
    """Our PDF/X definition for Ghostscript: the info entries PDF/X-1a:2001 asks for and the output intent
    with the profile (copied beside it as profile.icc) embedded."""
    return "\n".join([
        "%!PS",
        "% fangzha: marks the converted PDF as PDF/X-1a:2001 for the print shop's own profile.",
        "[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Trapped /False /DOCINFO pdfmark",
        "[ /_objdef {shop_profile} /type /stream /OBJ pdfmark",
        "[ {shop_profile} << /N 4 >> /PUT pdfmark",
        "[ {shop_profile} (profile.icc) (r) file /PUT pdfmark",
        "[ /_objdef {shop_intent} /type /dict /OBJ pdfmark",
        f"[ {{shop_intent}} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Custom) "
        f"/OutputCondition {ps_text(name)} /Info {ps_text(name)} /DestOutputProfile {{shop_profile}} >> /PUT pdfmark",
        "[ {Catalog} << /OutputIntents [ {shop_intent} ] >> /PUT pdfmark",
        ""])


def convert(pdf, colour):
    """(the PDF/X-1a:2001 bytes of `pdf`, "") or (None, what went wrong); `colour` is (Ghostscript, the
    profile's path, its name). Runs in the PDF workers, so it returns what went wrong rather than raising."""
    program, profile, name = colour
    with tempfile.TemporaryDirectory(prefix="fangzha-cmyk-") as folder:  # ASCII names only: Ghostscript runs there
        shutil.copyfile(profile, os.path.join(folder, "profile.icc"))
        with open(os.path.join(folder, "pdfx.ps"), "w", encoding="ascii") as out:
            out.write(definition(name))
        with open(os.path.join(folder, "in.pdf"), "wb") as out:
            out.write(opaque(pdf))
        ran = subprocess.run([program, "-q", "-dSAFER", "--permit-file-read=profile.icc", "-dBATCH", "-dNOPAUSE",
                              "-sDEVICE=pdfwrite", "-dPDFX", "-sProcessColorModel=DeviceCMYK", "-sColorConversionStrategy=CMYK",
                              "-sOutputICCProfile=profile.icc", "-sOutputFile=out.pdf", "pdfx.ps", "in.pdf"],
                             cwd=folder, capture_output=True)
        result = os.path.join(folder, "out.pdf")
        if ran.returncode or not os.path.isfile(result):
            said = (ran.stderr or ran.stdout).decode("utf-8", "replace").strip().splitlines()
            return None, (f"Ghostscript 报错（{said[-1] if said else ran.returncode}）。"
                          "请确认色彩配置文件是打印店给的那一份；还不行就换一个版本的 Ghostscript")
        with open(result, "rb") as made:
            converted = made.read()
    if has_fonts(pdf) and not has_fonts(converted):  # flattened: transparency `opaque` does not know of
        return None, ("Ghostscript 把整页画成了一张图片（页面里还有 PDF/X-1a 不允许的透明效果，多半来自一张半透明的图片），"
                      "字会发虚、不能复制。请把那张图片换成不透明的（例如 JPG），或者先删掉 icc_profile，交 sRGB 的文件")
    return converted, ""


def has_fonts(pdf):
    """Whether any page of `pdf` (or a form it draws) uses a font."""
    from pypdf import PdfReader

    def uses(resources, depth=0):
        resources = resources.get_object() if resources else {}
        return "/Font" in resources or depth < 5 and any(
            uses(x.get_object().get("/Resources"), depth + 1) for x in (resources.get("/XObject") or {}).values())
    return any(uses(page.get("/Resources")) for page in PdfReader(io.BytesIO(pdf)).pages)


def failed(icc, dest, said):
    """The problem of a PDF that could not be converted."""
    return Problem("config.yaml", icc["line"], icc["field"], f"{dest} 转不成 CMYK：{said}。")
