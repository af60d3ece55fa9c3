"""CMYK for the print shop (config.yaml `print_shop.icc_profile`): PDF/X-1a:2001 made by Ghostscript with the
shop's profile, and the Chinese lines for a wrong profile or a missing Ghostscript.

Debian's Ghostscript profile stands in for the print shop's. To keep the suite quick, two items (the roll-up,
with its 95 % opaque small print, and a booklet, with many pages and bookmarks) go through the print-shop
family's own `pdf` step, once with the profile and once without, from one plain build of the mini fixture.
"""

import dataclasses
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build
from PIL import Image, ImageDraw
from pypdf import PdfReader

PROFILE = "/usr/share/color/icc/ghostscript/default_cmyk.icc"  # Artifex's SWOP CMYK, shipped with Debian's ghostscript
RGB_PROFILE = "/usr/share/color/icc/ghostscript/srgb.icc"
ITEMS = ("rollup-class-meeting", "booklet-elderly")
MM = 72 / 25.4


def with_profile(project, reference="content/print/shop.icc"):
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"print_shop:\n  icc_profile: {reference}\n", encoding="utf-8")
    return len(config.read_text(encoding="utf-8").splitlines())  # the line of icc_profile


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("cmyk") / "project")
    (project / "content/print").mkdir()
    shutil.copy(PROFILE, project / "content/print/shop.icc")
    logo = Image.new("RGBA", (120, 80), (0, 0, 0, 0))  # a logo on a transparent background, as PNG logos are
    ImageDraw.Draw(logo).ellipse((10, 5, 110, 75), fill=(29, 78, 137, 255))
    logo.save(project / "content/logo.png")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "design:\n  logo: content/logo.png\n", encoding="utf-8")
    with_profile(project)
    built = run_build(cwd=project)
    assert built.returncode == 0, built.stderr
    return project


@pytest.fixture(scope="module")
def made(project, tmp_path_factory):
    """{"<item>/<file>": (Page, path)} of what `build.py pdf` makes for ITEMS with the profile; the same without it
    under "srgb/…"; and with the profile and `--bleed`, the roll-up under "bleed/…"."""
    from fangzha.context import BuildContext
    from fangzha.outputs import printshop
    from fangzha.outputs.printkit.pdf import Options
    from fangzha.pipeline import check
    from fangzha.render import Files

    checked = check(BuildContext(project, options={"pdf": Options()}))
    site = project / "site"
    files = Files(site, [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()])
    items = [p for p in checked.pages if p.dest in {f"print-shop/{name}.html" for name in ITEMS}]
    srgb = [dataclasses.replace(p, context=dict(p.context, icc=None, shop=dataclasses.replace(p.context["shop"], cmyk="")))
            for p in items]
    out = tmp_path_factory.mktemp("made")
    found = {}
    bleed = dataclasses.replace(checked.ctx, options={"pdf": Options(bleed=True)})
    for run, pages, ctx in (("", items, checked.ctx), ("srgb/", srgb, checked.ctx), ("bleed/", [p for p in items if "rollup" in p.dest], bleed)):
        for page in printshop.after_render(pages, files, ctx)[0]:
            name = run + page.dest.removeprefix("print-shop/")
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(page.data)
            found[name] = (page, out / name)
    return found


def colour_spaces(resources, seen):
    """Every colour space named in `resources` and the forms, images and shadings it draws, as text."""
    found = []
    resources = resources.get_object() if resources else {}
    for value in (resources.get("/ColorSpace") or {}).values():
        found.append(describe(value.get_object()))
    for value in (resources.get("/Shading") or {}).values():
        found.append(describe(value.get_object().get("/ColorSpace")))
    for value in (resources.get("/XObject") or {}).values():
        thing = value.get_object()
        if id(thing) in seen:
            continue
        seen.add(id(thing))
        if thing.get("/Subtype") == "/Image":
            found += [] if thing.get("/ImageMask") else [describe(thing.get("/ColorSpace"))]  # a mask has no colours
        else:
            found += colour_spaces(thing.get("/Resources"), seen) + [operators(thing.get_data())]
    return found


def describe(space):
    space = space.get_object() if hasattr(space, "get_object") else space
    if isinstance(space, list) and space and space[0] == "/ICCBased":
        return f"ICCBased-{space[1].get_object()['/N']}"
    return str(space)


def operators(content):
    """"DeviceRGB in content" when a content stream sets an RGB colour (rg, RG, /DeviceRGB cs), else ""."""
    return "DeviceRGB in content" if re.search(rb"\b(rg|RG|/DeviceRGB)\b", content) else ""


def text(path):
    """Every page's text in the order it is drawn (pdftotext -raw; its guess at columns and line breaks may differ)."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return ["".join(page.split()) for page in out.split("\f")]


def test_the_print_shop_gets_pdf_x_1a_with_its_own_profile_embedded(made):
    profile = open(PROFILE, "rb").read()
    for name in ITEMS:
        page, path = made[f"{name}/{name}-cmyk.pdf"]
        reader = PdfReader(path)
        intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
        assert intent["/S"] == "/GTS_PDFX" and intent["/Info"] == "Artifex CMYK SWOP Profile"
        assert intent["/DestOutputProfile"].get_object().get_data() == profile
        assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-1:2001" and reader.metadata["/GTS_PDFXConformance"] == "PDF/X-1a:2001"
        assert reader.metadata["/Trapped"] == "/False" and reader.pdf_header == "%PDF-1.3"
        assert page.colour == {"space": "CMYK", "standard": "PDF/X-1a:2001", "profile": "Artifex CMYK SWOP Profile"}
        srgb = PdfReader(made[f"srgb/{name}/{name}.pdf"][1])
        assert len(reader.pages) == len(srgb.pages) == page.sheets
        for cmyk_page, srgb_page in zip(reader.pages, srgb.pages):
            assert "/TrimBox" in cmyk_page
            for box in (cmyk_page.mediabox, cmyk_page.trimbox):
                assert abs(float(box.width) - float(srgb_page.mediabox.width)) <= .5 * MM, name
                assert abs(float(box.height) - float(srgb_page.mediabox.height)) <= .5 * MM, name
            spaces = colour_spaces(cmyk_page["/Resources"], set()) + [operators(cmyk_page.get_contents().get_data())]
            assert not [s for s in spaces if s and s not in ("/DeviceCMYK", "/DeviceGray")], (name, spaces)  # no RGB, Lab, ICCBased
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), (name, fonts)
        assert text(path) == text(made[f"srgb/{name}/{name}.pdf"][1])  # every word still there, still copyable
    assert len(PdfReader(made["booklet-elderly/booklet-elderly-cmyk.pdf"][1]).outline) == len(PdfReader(made["srgb/booklet-elderly/booklet-elderly.pdf"][1]).outline) > 3


def test_a_logo_with_a_transparent_background_keeps_the_page_vector(made):
    """Its soft mask becomes a one-bit mask: the page is not flattened into one picture (fonts and text stay, above)."""
    page = PdfReader(made["rollup-class-meeting/rollup-class-meeting-cmyk.pdf"][1]).pages[0]
    images = [x.get_object() for x in (page["/Resources"].get("/XObject") or {}).values()
              if x.get_object()["/Subtype"] == "/Image" and not x.get_object().get("/ImageMask")]
    assert [(i["/Width"], i["/Height"], i["/ColorSpace"], "/SMask" in i, i["/Mask"].get_object()["/ImageMask"]) for i in images] == [
        (120, 80, "/DeviceCMYK", False, True)]


def test_with_bleed_the_trim_box_is_the_finished_size_inside_3_mm_of_bleed(made):
    page = PdfReader(made["bleed/rollup-class-meeting/rollup-class-meeting-cmyk.pdf"][1]).pages[0]
    trim, media = page.trimbox, page.mediabox
    assert abs(float(trim.width) / MM - 800) <= .5 and abs(float(trim.height) / MM - 2000) <= .5
    assert abs(float(media.width) / MM - 806) <= .5 and abs(float(trim.left) - float(media.left) - 3 * MM) <= .5 * MM


def test_black_and_grey_text_is_printed_with_black_ink_only(made):
    """WeasyPrint's neutral greys become DeviceGray, which PDF/X-1a allows and a press prints on the K plate;
    Ghostscript would have made #111 text a four-ink black (70 % cyan, 67 % magenta, 67 % yellow, 82 % black)."""
    page = PdfReader(made["rollup-class-meeting/rollup-class-meeting-cmyk.pdf"][1]).pages[0]
    forms = [f.get_object() for f in (page["/Resources"].get("/XObject") or {}).values()]
    content = page.get_contents().get_data() + b"".join(f.get_data() for f in forms if f.get("/Subtype") == "/Form")
    greys = {float(g) for g in re.findall(rb"([\d.]+) g\b", content)}
    assert any(g < .1 for g in greys)  # the body text (#111)
    four = [tuple(map(float, c)) for c in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k\b", content)]
    assert four and not [c for c in four if c[3] > .5 and min(c[:3]) > 0 and max(c[:3]) - min(c[:3]) < .1], four  # no rich black
    assert (0.235, 1.0, 1.0, 0.184) in four  # the brand red, converted by the profile


def test_the_folder_holds_the_cmyk_pdf_its_srgb_picture_and_a_spec_sheet_that_says_so(made):
    from fangzha.manifest import entry
    folder = sorted(name.split("/")[1] for name in made if name.startswith("rollup-class-meeting/"))
    assert folder == ["rollup-class-meeting-cmyk.pdf", "rollup-class-meeting.jpg", "规格说明.txt"]
    assert entry(made["rollup-class-meeting/rollup-class-meeting-cmyk.pdf"][0])["colour"] == {
        "space": "CMYK", "standard": "PDF/X-1a:2001", "profile": "Artifex CMYK SWOP Profile"}
    assert "colour" not in entry(made["srgb/rollup-class-meeting/rollup-class-meeting.pdf"][0])
    spec = made["rollup-class-meeting/规格说明.txt"][1].read_text(encoding="utf-8").splitlines()
    assert "颜色：CMYK，PDF/X-1a:2001，按打印店的色彩配置文件 Artifex CMYK SWOP Profile 转换（config.yaml 的 print_shop.icc_profile）；JPG 图片仍是 sRGB。" in spec
    assert "  rollup-class-meeting-cmyk.pdf：PDF，CMYK（PDF/X-1a:2001，色彩配置：Artifex CMYK SWOP Profile），1:1 原大，1 页，矢量，字体已嵌入" in spec

    with Image.open(made["rollup-class-meeting/rollup-class-meeting.jpg"][1]) as picture:
        assert picture.mode == "RGB"  # the shops' picture machines take RGB


@pytest.mark.parametrize("reference, make, message", [
    ("content/print/nope.icc", None,
     "找不到色彩配置文件「content/print/nope.icc」（应在 content/print/nope.icc）。请检查文件名和文件夹，大小写也要一致；不要 CMYK 时删掉这一行。"),
    ("content/print/photo.icc", b"\x89PNG\r\n\x1a\n" + bytes(200),
     "「content/print/photo.icc」不是 ICC 色彩配置文件（打不开，或者只是改了扩展名）。请向打印店要他们印刷用的 CMYK 色彩配置文件"
     "（.icc 或 .icm，例如 ISO Coated v2、Japan Color 2001 Coated），原样放进项目文件夹。"),
    ("content/print/srgb.icc", RGB_PROFILE,
     "「content/print/srgb.icc」是 RGB 色彩配置文件，不是印刷用的 CMYK 配置文件。请向打印店要他们印刷用的 CMYK 色彩配置文件"
     "（.icc 或 .icm，例如 ISO Coated v2、Japan Color 2001 Coated）。"),
])
def test_a_wrong_profile_is_one_line_naming_config_yaml(tmp_path, reference, make, message):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "content/print").mkdir()
    if isinstance(make, bytes):
        (project / reference).write_bytes(make)
    elif make:
        shutil.copy(make, project / reference)
    line = with_profile(project, reference)
    result = run_build("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == f"config.yaml:{line}: print_shop.icc_profile: {message}"


def test_without_ghostscript_pdf_says_how_to_install_it_and_writes_nothing(project, tmp_path):
    (tmp_path / "bin").mkdir()  # a PATH without gs (build.py runs from this Python's own path)
    env = dict(os.environ, PATH=str(tmp_path / "bin"))
    from test_build import tree
    before = tree(project / "site")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(project), "pdf"], cwd=project, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert tree(project / "site") == before
    assert result.stderr.splitlines()[-1] == "共发现 1 个问题，本次没有生成任何文件（原来的网站保持不变）。"
    line = len((project / "config.yaml").read_text(encoding="utf-8").splitlines())
    assert result.stderr.splitlines()[:-1] == [
        f"config.yaml:{line}: print_shop.icc_profile: 要做 CMYK（PDF/X-1a:2001）的打印店文件需要 Ghostscript，但这台电脑上找不到它。"
        "请先安装：Windows 从 ghostscript.com 下载安装 Ghostscript（装好后命令 gswin64c 要能运行，不能运行就把 "
        "C:\\Program Files\\gs\\gs…\\bin 加进 PATH）；Debian、Ubuntu 运行 sudo apt install ghostscript；macOS 运行 brew install ghostscript。"
        "不要 CMYK 时删掉这一行，python3 build.py pdf 就只做 sRGB 的文件。"]


def test_a_page_ghostscript_would_turn_into_one_picture_is_refused_not_handed_on():
    """A blend mode is transparency that `opaque` leaves alone (none of the templates uses one): the converted
    page would be a picture without text, so it is refused with a reason."""
    import io

    import weasyprint
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    from fangzha.outputs.printshop import cmyk
    writer = PdfWriter(clone_from=io.BytesIO(weasyprint.HTML(string="<style>@page{size:40mm 30mm}</style><p>防骗</p>").write_pdf()))
    for state in writer.pages[0]["/Resources"]["/ExtGState"].values():
        state.get_object()[NameObject("/BM")] = NameObject("/Multiply")
    pdf = io.BytesIO()
    writer.write(pdf)
    converted, said = cmyk.convert(pdf.getvalue(), (cmyk.ghostscript(), PROFILE, "Artifex CMYK SWOP Profile"))
    assert converted is None
    assert said == ("Ghostscript 把整页画成了一张图片（页面里还有 PDF/X-1a 不允许的透明效果，多半来自一张半透明的图片），"
                    "字会发虚、不能复制。请把那张图片换成不透明的（例如 JPG），或者先删掉 icc_profile，交 sRGB 的文件")
