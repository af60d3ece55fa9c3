"""`python build.py pdf`: print-ready PDFs beside the site, exact page counts, fonts embedded, atomic."""

import io
import json
import re
import subprocess
import sys
import zlib

import pytest
import yaml
from conftest import FIXTURES, copy_project, run_build
from pypdf import PdfReader

from fangzha.problems import ContentError

A4 = (595, 842)
A3 = (842, 1191)


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("pdf") / "project")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stdout


def test_summary_counts_the_pdfs(pdf_site):
    _, stdout = pdf_site
    assert re.fullmatch(r"已生成 site/：网站 \d+ 页(，[^，；]+ \d+ [页份])*，PDF 8 份，分享图片 \d+ 张，打印店文件 \d+ 个；用时 \d+\.\d\d 秒。",
                        stdout.strip().splitlines()[-1])


def test_manifest_lists_every_pdf_with_its_pages(pdf_site):
    site, _ = pdf_site
    rows = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {row["path"] for row in rows} == written - {"manifest.json", ".fangzha-site", ".fangzha-drawn"}
    pdfs = [row for row in rows if row["kind"] == "pdf"]
    assert len(pdfs) == 8 and all(row["family"] == "print" for row in pdfs)
    for row in pdfs:
        assert len(PdfReader(site / row["path"]).pages) == row["pages"], row


def test_every_poster_and_leaflet_has_its_pdf_with_the_right_pages(pdf_site):
    site, _ = pdf_site
    documents = sorted(p for folder in ("posters", "leaflets") for p in (site / folder).glob("*.html") if p.name != "index.html")
    pdfs = sorted(site.glob("pdf/*/*.pdf"))
    assert [p.relative_to(site / "pdf").with_suffix("") for p in pdfs] == [d.relative_to(site).with_suffix("") for d in documents]
    for pdf in pdfs:
        reader = PdfReader(pdf)
        sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
        expected = (1, {A4}) if pdf.parent.name == "posters" else (2, {A4[::-1]})
        assert (len(reader.pages), sizes) == expected, pdf


def test_pdf_text_is_the_page_text_with_embedded_chinese_fonts(pdf_site):
    site, _ = pdf_site
    pdf = site / "pdf/posters/scam-shuadan.pdf"
    text = PdfReader(pdf).pages[0].extract_text()
    assert "刷单返利诈骗" in text and "内容最近审核" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), fonts  # embedded, subset, unicode


def test_print_indexes_link_each_pdf(pdf_site):
    site, _ = pdf_site
    for index in ("posters/index.html", "leaflets/index.html"):
        links = re.findall(r'href="\.\./(pdf/[^"]+)"', (site / index).read_text(encoding="utf-8"))
        assert links and all((site / link).is_file() for link in links)
    assert len(re.findall(r'href="\.\./pdf/', (site / "posters/index.html").read_text(encoding="utf-8"))) == 5


def test_plain_build_removes_the_pdfs(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build("pdf", cwd=project).returncode == 0
    assert run_build(cwd=project).returncode == 0
    assert not (project / "site/pdf").exists()


def test_text_that_cannot_fit_stops_the_pdf_build_before_any_pdf_and_keeps_the_site(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    before = (project / "site/posters/report.html").read_bytes()
    channels = project / "content/channels.yaml"
    data = yaml.safe_load(channels.read_text(encoding="utf-8"))
    data["guide"] *= 30
    channels.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    # the text budget stops it, in every printed and print-shop item that explains the numbers
    # (the campaign's leaflet lists only its own two numbers, so it still fits)
    assert [re.sub(r"约 \d+ 个字", "约 N 个字", line) for line in lines] == [
        "content/channels.yaml: guide: 上墙告示「print-shop/wall-report-a2.html」等 2 份的正文放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 台卡「print-shop/tent-guide.html」的正文放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 台卡插页「print-shop/tent-guide-a5.html」的正文放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 宣传册「print-shop/booklet-all.html」等 2 份的第 8 页的正文放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 宣传册「print-shop/booklet-elderly.html」的第 6 页的正文放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 折页「leaflets/audience-elderly.html」等 2 份的外面中栏放不下：多了约 N 个字，请删减。",
        "content/channels.yaml: guide: 海报「posters/report.html」的正文放不下：多了约 N 个字，请删减。",
        "共发现 7 个问题，本次没有生成任何文件（原来的网站保持不变）。"]
    assert (project / "site/posters/report.html").read_bytes() == before
    assert not (project / "site/pdf").exists()


def test_a_page_weasyprint_cannot_fit_names_the_file_to_shorten(tmp_path):
    """The PDF's own check behind the text budget: WeasyPrint's layout, measured."""
    from fangzha.outputs.printkit import pdf
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    site = project / "site"
    assets = {f"assets/{p.name}": p.read_bytes() for p in (site / "assets").iterdir()}
    page = (site / "posters/scam-shuadan.html").read_text(encoding="utf-8")
    _, too_long = pdf.fit_pdf("posters/scam-shuadan.html", page, 0.6, "content/scams/shuadan.md", 1, assets)
    assert too_long == ""
    stuffed = page.replace("<li>要你先垫付</li>", "<li>要你先垫付，这一条写得很长很长，一条接一条，怎么也写不完</li>" * 80)
    document, too_long = pdf.fit_pdf("posters/scam-shuadan.html", stuffed, 0.6, "content/scams/shuadan.md", 1, assets)
    assert too_long == "content/scams/shuadan.md" and len(PdfReader(io.BytesIO(document)).pages) == 1


def test_missing_weasyprint_is_explained_in_chinese(monkeypatch):
    from fangzha.outputs.printkit import pdf
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails, as on a machine without it
    with pytest.raises(ContentError) as error:
        pdf.load_weasyprint()
    message = str(error.value.problems[0])
    assert message.startswith("requirements-pdf.txt: 生成 PDF 需要 WeasyPrint，但它现在用不了")
    assert "pip install -r requirements-pdf.txt" in message and "可以直接用浏览器打印" in message


def test_pdf_command_is_in_the_help():
    result = run_build("--help")
    assert "pdf" in result.stdout and "另存为 PDF" in result.stdout


def png_gray(path):
    """(width, height, rows of grey levels) of an 8-bit greyscale or RGB PNG, as pdftoppm writes it."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        size = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        chunks[kind] = chunks.get(kind, b"") + data[at + 8:at + 8 + size]
        at += 12 + size
    header = chunks[b"IHDR"]
    width, height, depth, colour = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big"), header[8], header[9]
    assert depth == 8 and colour in (0, 2) and header[12] == 0  # 8 bits, grey or RGB, not interlaced
    step = 1 if colour == 0 else 3
    stride = width * step
    raw, rows, previous = zlib.decompress(chunks[b"IDAT"]), [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):  # undo the row's filter (PNG specification, section 9)
            left, up = line[x - step] if x >= step else 0, previous[x]
            upper_left = previous[x - step] if x >= step else 0
            guess = left + up - upper_left
            nearest = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - upper_left), 2, upper_left))[2]
            line[x] = (line[x] + (0, left, up, (left + up) // 2, nearest)[kind]) & 255
        rows.append(bytes(line) if step == 1 else bytes(sum(line[x:x + 3]) // 3 for x in range(0, stride, 3)))
        previous = line
    return width, height, rows


def rendered(pdf, tmp_path, page=1, dpi=30, **crop):
    """One page of a PDF drawn by pdftoppm as a greyscale PNG; (width, height, rows)."""
    options = [item for key, value in crop.items() for item in (f"-{key}", str(value))]
    out = tmp_path / f"page-{pdf.stem}"
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    *options, str(pdf), str(out)], check=True)
    return png_gray(out.with_suffix(".png"))


def test_a_page_drawn_as_an_image_is_not_blank(pdf_site, tmp_path):
    site, _ = pdf_site
    for pdf, pages in ((site / "pdf/posters/scam-shuadan.pdf", 1), (site / "pdf/leaflets/campaign-class-meeting.pdf", 2)):
        for page in range(1, pages + 1):
            width, height, rows = rendered(pdf, tmp_path, page)
            pixels = [value for row in rows for value in row]
            dark = sum(1 for value in pixels if value < 128)
            mean = sum(pixels) / len(pixels)
            spread = (sum((value - mean) ** 2 for value in pixels) / len(pixels)) ** .5
            assert (width < height) == (pages == 1)  # a portrait poster, a landscape leaflet
            assert dark > 200 and spread > 8, (pdf.name, page, dark, spread)  # a blank page: none and 0


def test_bleed_and_crop_marks_for_a_print_shop_in_a_chosen_folder(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    folder = tmp_path / "给打印店"
    result = run_build("pdf", "--bleed", "--pdf-dir", str(folder), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("已生成 site/：") and f"PDF 8 份（放在 {folder}）" in result.stdout
    assert (folder / "print-shop/rollup-class-meeting/rollup-class-meeting.pdf").is_file()  # the print shop's folders too
    assert not (project / "site/pdf").exists()
    assert "PDF" not in (project / "site/posters/index.html").read_text(encoding="utf-8")  # nothing to link in the site
    pdfs = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.pdf") if "print-shop" not in p.parts)
    assert pdfs == sorted(p.relative_to(project / "site").with_suffix(".pdf").as_posix()
                          for part in ("posters", "leaflets") for p in (project / "site" / part).glob("*.html") if p.name != "index.html")
    bleed = 3 * 72 / 25.4
    for name, (width, height) in (("posters/scam-shuadan.pdf", A4), ("leaflets/campaign-class-meeting.pdf", A4[::-1])):
        for page in PdfReader(folder / name).pages:
            media, trim = page.mediabox, page.trimbox
            assert (round(float(media.width) - 2 * bleed), round(float(media.height) - 2 * bleed)) == (width, height)
            assert (round(float(trim.width)), round(float(trim.height))) == (width, height)  # the paper after cutting
            assert float(trim.left) - float(media.left) == pytest.approx(bleed, abs=.1)
    # crop marks: ink in the bleed round the corner of the paper, where the page itself is blank
    _, _, rows = rendered(folder / "posters/scam-shuadan.pdf", tmp_path, dpi=300, x=0, y=0, W=36, H=36)
    assert sum(1 for row in rows for value in row if value < 128) > 20
    # the share images are the paper only: no bleed, no crop marks
    from PIL import Image
    share = Image.open(project / "site/share/posters/scam-shuadan.jpg")
    assert share.width == 1080 and abs(share.height - 1080 * 297 / 210) <= 1
    corner = list(share.convert("L").crop((0, 0, 30, 30)).getdata())  # where a crop mark would be drawn on white bleed
    assert max(corner) - min(corner) < 30  # one colour: the page's own (its hero band), no mark, no white bleed


def test_a_chosen_folder_inside_the_site_is_refused(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    result = run_build("pdf", "--pdf-dir", str(project / "site/打印"), cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"--pdf-dir: PDF 文件夹 {project / 'site/打印'} 在输出文件夹 ")
    assert "下次生成时会被整个删掉" in result.stderr


def test_a3_posters_are_one_a3_page_and_leaflets_stay_a4(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "print:\n  paper: A3\n", encoding="utf-8")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    for pdf in sorted((project / "site/pdf").rglob("*.pdf")):
        reader = PdfReader(pdf)
        sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
        assert (len(reader.pages), sizes) == ((1, {A3}) if pdf.parent.name == "posters" else (2, {A4[::-1]})), pdf
