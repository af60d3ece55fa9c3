"""The print shop (site/print-shop/): exact sizes, embedded fonts, safe zones, the booklet's pages and
imposition, the tiled notice, every file in the manifest; one `build.py pdf` of the mini fixture."""

import html
import json
import re
import subprocess

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build
from PIL import Image, ImageFilter
from pypdf import PdfReader

MM = 72 / 25.4
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
KINDS = {"rollup", "board", "tent-card", "banner", "vertical-banner", "wall-notice", "tiled", "booklet", "booklet-print"}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("shop") / "project")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stdout


def words(pdf, page=None):
    """[(page number, x0, y0, x1, y1 in mm from the top left, text)] of every word pdftotext finds."""
    options = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-bbox", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, body in enumerate(PAGE.findall(out), start=page or 1):
        for x0, y0, x1, y1, text in WORD.findall(body):
            found.append((number, float(x0) / MM, float(y0) / MM, float(x1) / MM, float(y1) / MM, html.unescape(text)))
    return found


def size_mm(page):
    return float(page.mediabox.width) / MM, float(page.mediabox.height) / MM


def manifest(site):
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]


def spec(site, name):
    return (site / f"print-shop/{name}/规格说明.txt").read_text(encoding="utf-8")


def test_every_shipped_campaign_has_its_rollup_board_tent_card_and_banners(shipped_site):
    slugs = sorted(p.stem for p in (ROOT / "content/campaigns").glob("*.md"))
    assert len(slugs) == 6
    for slug in slugs:
        for name in (f"rollup-{slug}", f"board-{slug}", f"tent-{slug}", f"tent-{slug}-a5", f"banner-{slug}-1", f"vbanner-{slug}-1"):
            assert (shipped_site / f"print-shop/{name}.html").is_file(), name
        campaign_page = (shipped_site / f"campaigns/{slug}.html").read_text(encoding="utf-8")
        for name in (f"rollup-{slug}", f"board-{slug}", f"tent-{slug}", f"banner-{slug}-1"):
            assert f"print-shop/{name}.html" in campaign_page, (slug, name)  # in the campaign's kit
    index = (shipped_site / "print-shop/index.html").read_text(encoding="utf-8")
    assert "交给打印店" in index and index.count('class="pr-card"') == len(list((shipped_site / "print-shop").glob("*.html"))) - 1


def test_the_manifest_lists_every_file_with_the_print_shop_kinds(shop):
    site, stdout = shop
    rows = manifest(site)
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {row["path"] for row in rows} == written - {"manifest.json", ".fangzha-site", ".fangzha-drawn"}
    shop_rows = [row for row in rows if row["family"] == "printshop" and row["kind"] != "asset"]
    assert KINDS <= {row["kind"] for row in shop_rows}
    made = [row for row in shop_rows if not row["path"].endswith(".html")]
    assert re.search(rf"打印店文件 {len(made)} 个；", stdout)
    for row in made:
        if row["path"].endswith(".pdf"):
            assert len(PdfReader(site / row["path"]).pages) == row["pages"], row


def test_every_pdf_is_exactly_the_size_it_names_with_its_fonts_embedded(shop):
    site, _ = shop
    pdfs = [row for row in manifest(site) if row["family"] == "printshop" and row["path"].endswith(".pdf")]
    assert len(pdfs) > 20
    for row in pdfs:
        reader = PdfReader(site / row["path"])
        for page in reader.pages:
            width, height = size_mm(page)
            assert abs(width - row["size"]["width"]) <= .5 and abs(height - row["size"]["height"]) <= .5, row
        fonts = subprocess.run(["pdffonts", str(site / row["path"])], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), (row["path"], fonts)


@pytest.mark.parametrize("name, size", [
    ("rollup-class-meeting", (800, 2000)), ("board-class-meeting", (1200, 900)), ("tent-class-meeting", (210, 297)),
    ("tent-class-meeting-a5", (148, 210)), ("wall-report-a3", (297, 420)), ("wall-report-a2", (420, 594)),
    ("booklet-all", (148, 210))])
def test_the_named_sizes(shop, name, size):
    site, _ = shop
    for page in PdfReader(site / f"print-shop/{name}/{name}.pdf").pages:
        assert all(abs(a - b) <= .5 for a, b in zip(size_mm(page), size)), name
    assert f"成品尺寸：{size[0]} × {size[1]} 毫米" in spec(site, name)


def test_no_text_in_the_rollups_safe_zones_nor_near_any_edge(shop):
    site, _ = shop
    found = words(site / "print-shop/rollup-class-meeting/rollup-class-meeting.pdf")
    assert len(found) > 30
    for _, x0, y0, x1, y1, text in found:
        assert 5 <= x0 and x1 <= 800 - 5, text
        assert 50 <= y0 and y1 <= 2000 - 150, (text, y0, y1)
    for row in manifest(site):
        if row["family"] == "printshop" and row["path"].endswith(".pdf") and row["kind"] not in ("tiled", "booklet-print"):
            width, height = row["size"]["width"], row["size"]["height"]
            edge = 5 * (.1 if "按 10 倍放大" in spec(site, row["path"].split("/")[1]) else 1)  # 5 mm of the real size
            for _, x0, y0, x1, y1, text in words(site / row["path"]):
                assert edge <= x0 and x1 <= width - edge and edge <= y0 and y1 <= height - edge, (row["path"], text)


def test_a_banner_up_to_5_m_is_drawn_1_to_1_and_a_longer_one_1_to_10(shop):
    site, _ = shop
    short, long_ = spec(site, "banner-class-meeting-1"), spec(site, "banner-class-meeting-2")
    assert "文字：勿轻信　不误传" in short and "字高：约 455 毫米" in short and "大红底" in short
    width, height = (int(n) for n in re.search(r"成品尺寸：(\d+) × (\d+) 毫米", short).groups())
    assert width <= 5000 and height == 700
    page = PdfReader(site / "print-shop/banner-class-meeting-1/banner-class-meeting-1.pdf").pages[0]
    assert all(abs(a - b) <= .5 for a, b in zip(size_mm(page), (width, height)))
    width, height = (int(n) for n in re.search(r"成品尺寸：(\d+) × (\d+) 毫米", long_).groups())
    assert width > 5000 and "按 10 倍放大" in long_
    page = PdfReader(site / "print-shop/banner-class-meeting-2/banner-class-meeting-2.pdf").pages[0]
    assert all(abs(a - b / 10) <= .5 for a, b in zip(size_mm(page), (width, height)))


def test_a_vertical_banner_stacks_one_character_a_line(shop):
    site, _ = shop
    found = [w for w in words(site / "print-shop/vbanner-class-meeting-1/vbanner-class-meeting-1.pdf")]
    assert [w[5] for w in found] == list("勿轻信不误传")
    assert all(b[2] - a[2] >= (a[3] - a[1]) for a, b in zip(found, found[1:]))  # each a character's height under the last
    assert len({round(w[1]) for w in found}) == 1                # in one column


def test_the_picture_is_1_to_1_at_72_to_100_dpi_and_under_60_megapixels(shop):
    site, _ = shop
    for name, real in (("rollup-class-meeting", (800, 2000)), ("banner-class-meeting-2", None)):
        image = Image.open(site / f"print-shop/{name}/{name}.jpg")
        dpi = round(image.info["dpi"][0])
        assert 72 <= dpi <= 100 and image.width * image.height <= 60_000_000
        if real is None:
            real = tuple(int(n) for n in re.search(r"成品尺寸：(\d+) × (\d+) 毫米", spec(site, name)).groups())
        assert abs(image.width / dpi * 25.4 - real[0]) < 1 and abs(image.height / dpi * 25.4 - real[1]) < 1
        assert f"{name}.jpg：1:1 原大图片，{dpi} dpi，{image.width} × {image.height} 像素" in spec(site, name)


def test_the_table_tent_prints_its_upper_face_upside_down(shop, tmp_path):
    """The sheet's upper half is its lower half turned round: folded, both faces stand the right way up."""
    site, _ = shop
    out = tmp_path / "tent"
    # 2 pixels a millimetre exactly (so the fold is on a pixel edge), softened: glyphs turned round are
    # anti-aliased a little differently, and only the layout is compared
    subprocess.run(["pdftoppm", "-gray", "-png", "-scale-to-x", "420", "-scale-to-y", "594", "-singlefile",
                    str(site / "print-shop/tent-class-meeting/tent-class-meeting.pdf"), str(out)], check=True)
    image = Image.open(out.with_suffix(".png")).convert("L").filter(ImageFilter.GaussianBlur(2))
    half = image.height // 2
    upper, lower = image.crop((0, 0, image.width, half)), image.crop((0, image.height - half, image.width, image.height))

    def difference(a, b):
        return sum(abs(x - y) for x, y in zip(a.getdata(), b.getdata())) / (a.width * a.height)
    assert difference(upper.rotate(180), lower) < 6 and difference(upper, lower) > 60
    assert "勿轻信" in PdfReader(site / "print-shop/tent-class-meeting/tent-class-meeting.pdf").pages[0].extract_text()


def booklet_numbers(pdf):
    """{page number printed on the page: its index in the file}, read from each page's text."""
    found = {}
    for index, page in enumerate(PdfReader(pdf).pages, start=1):
        number = re.search(r"—\s*(\d+)\s*—", page.extract_text())
        if number:
            found[int(number[1])] = index
    return found


def test_the_booklet_has_a_multiple_of_4_pages_true_contents_and_bookmarks(shop):
    site, _ = shop
    pdf = site / "print-shop/booklet-all/booklet-all.pdf"
    reader = PdfReader(pdf)
    count = len(reader.pages)
    assert count % 4 == 0 and count >= 8
    assert all(number == index for number, index in booklet_numbers(pdf).items())
    contents = reader.pages[1].extract_text()
    assert "目" in contents
    entries = re.findall(r"^(\d+) ?(\S.*)$", contents, re.M)
    titles = {title.strip(): int(number) for number, title in entries}
    assert {"刷单返利诈骗", "冒充公检法诈骗", "遇到诈骗，打哪个电话", "举报求助渠道", "本地联系电话"} <= set(titles), titles
    for title, number in titles.items():
        assert title.replace(" ", "") in reader.pages[number - 1].extract_text().replace(" ", "").replace("\n", ""), (title, number)
    marks = {reader.get_destination_page_number(item) + 1: item.title for item in reader.outline}
    for title, number in titles.items():
        assert marks.get(number, "").replace(" ", "") == title.replace(" ", ""), (title, number, marks)
    assert marks[2].replace("\u3000", "") == "目录"


def test_the_imposed_booklet_has_half_the_pages_in_saddle_stitch_order(shop):
    site, _ = shop
    reading = site / "print-shop/booklet-all/booklet-all.pdf"
    imposed = site / "print-shop/booklet-all/booklet-all-print.pdf"
    count = len(PdfReader(reading).pages)
    sides = PdfReader(imposed).pages
    assert len(sides) == count // 2
    assert all(abs(a - b) <= .5 for side in sides for a, b in zip(size_mm(side), (297, 210)))
    checked = 0
    for index in range(1, len(sides) + 1):
        sheet, back = divmod(index - 1, 2)
        expected = (2 + 2 * sheet, count - 1 - 2 * sheet) if back else (count - 2 * sheet, 1 + 2 * sheet)
        for half, number in zip((0, 1), expected):
            found = [w for w in words(imposed, index) if (w[1] >= 148.5) == bool(half)]
            text = " ".join(w[5] for w in found)
            if number not in (1, count):  # the covers carry no number
                assert re.search(rf"—\s*{number}\s*—", text), (index, half, number, text[-80:])
                checked += 1
    assert checked == count - 2
    assert "双面打印，翻转短边" in spec(site, "booklet-all") and "骑马钉" in spec(site, "booklet-all")


def test_the_tiled_notice_covers_the_whole_notice_with_10_mm_overlap(shop):
    site, _ = shop
    name = "wall-report-a2"
    text = spec(site, name)
    rows, columns = (int(n) for n in re.search(r"（(\d+) 行 × (\d+) 列）", text).groups())
    assert "重叠 10 毫米" in text
    tiles = PdfReader(site / f"print-shop/{name}/{name}-tiled-a4.pdf").pages
    assert len(tiles) == rows * columns
    paper = size_mm(tiles[0])
    assert sorted(round(side) for side in paper) == [210, 297]
    margin, overlap = 10, 10
    window = paper[0] - 2 * margin, paper[1] - 2 * margin
    step = window[0] - overlap, window[1] - overlap
    assert (columns - 1) * step[0] + window[0] >= 420 and (rows - 1) * step[1] + window[1] >= 594  # the grid covers it
    original = [w for w in words(site / f"print-shop/{name}/{name}.pdf")]
    seen = {index: 0 for index in range(len(original))}
    matched_beyond_first = [False, False]  # a word matched on a sheet of a later column, of a later row
    for index in range(len(tiles)):
        row, column = divmod(index, columns)
        left, top = column * step[0] - margin, row * step[1] - margin  # notice mm = sheet mm + these
        inside = [w for w in words(site / f"print-shop/{name}/{name}-tiled-a4.pdf", index + 1)
                  if margin - .1 <= w[1] and w[3] <= margin + window[0] + .1 and margin - .1 <= w[2] and w[4] <= margin + window[1] + .1]
        for _, x0, y0, _x1, _y1, word in inside:
            match = [k for k, o in enumerate(original)
                     if o[5] == word and abs(o[1] - (x0 + left)) < .3 and abs(o[2] - (y0 + top)) < .3]
            assert match, (index, word, x0 + left, y0 + top)
            matched_beyond_first[0] |= column > 0
            matched_beyond_first[1] |= row > 0
            for k in match:
                seen[k] += 1
    def inside_a_window(word):
        return any(c * step[0] <= word[1] and word[3] <= c * step[0] + window[0] and r * step[1] <= word[2] and word[4] <= r * step[1] + window[1]
                   for r in range(rows) for c in range(columns))
    # every word of the notice that lies wholly within a sheet's window is on that sheet, where it belongs
    # (a word across a window's edge is split between two sheets)
    assert [original[k][5] for k, n in seen.items() if n == 0 and inside_a_window(original[k])] == []
    assert sum(1 for n in seen.values() if n) > len(original) / 2
    assert matched_beyond_first[0] and matched_beyond_first[1]  # the steps (window less the overlap) were checked too


def test_print_shop_sizes_are_checked_in_config(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "print_shop:\n  rollup: 700x2000\n", encoding="utf-8")
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    line = len(config.read_text(encoding="utf-8").splitlines())
    assert result.stderr.splitlines()[0] == (
        f"config.yaml:{line}: print_shop.rollup: 只能是 800x2000、850x2000、1000x2000 之一，现在是文字「700x2000」。你是不是想写「800x2000」？")


def test_a_chosen_size_is_drawn(tmp_path):
    """Another roll-up and board size from config.yaml: the previews are planned on those sheets."""
    from fangzha.context import BuildContext
    from fangzha.pipeline import check
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "print_shop:\n  rollup: 1000x2000\n  board: 900x1200\n  insert: A6\n",
                      encoding="utf-8")
    pages = {p.dest: p for p in check(BuildContext(project)).pages}
    assert pages["print-shop/rollup-class-meeting.html"].size == {"unit": "mm", "width": 1000.0, "height": 2000.0}
    assert pages["print-shop/board-class-meeting.html"].size == {"unit": "mm", "width": 900.0, "height": 1200.0}
    assert pages["print-shop/tent-class-meeting-a6.html"].size == {"unit": "mm", "width": 105.0, "height": 148.0}
