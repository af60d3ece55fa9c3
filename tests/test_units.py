"""build.py units FILE: one co-branded print kit per unit, under site/units/<id>/."""

import re
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES, copy_project, refused_build, run_build
from test_build import tree

from fangzha.content.units import read_units
from fangzha.outputs.units import shard_of

HEADER = "单位名称,联系电话,地址,派出所,派出所电话"
NAME = re.compile(r"\d{3}号村卫生室")       # every unit's name, so another unit's is found too
PHONE = re.compile(r"0571-88\d\d\d{4}")      # every unit's phone and its police station's
SITE_ORGANISATION, SITE_PHONE, SITE_CONTACT = "测试社区", "010-0000000", "测试居委会"  # tests/fixtures/mini/config.yaml


def unit_row(n):
    return f"{n:03d}号村卫生室,0571-8800{n:04d},幸福路{n}号,城东派出所,0571-8811{n:04d}"


def units_csv(count):
    return "\n".join([HEADER] + [unit_row(n) for n in range(1, count + 1)]) + "\n"


@pytest.fixture(scope="module")
def three_hundred(tmp_path_factory):
    """The mini project with a 300-row units file (UTF-8, as Excel's 另存为 CSV UTF-8 writes it), built once."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("units") / "project")
    (project / "units.csv").write_text(units_csv(300), encoding="utf-8-sig")
    result = run_build("units", "units.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    return project, result


def printable(folder):
    """A kit's printed items (not its index pages)."""
    return sorted(p for p in folder.rglob("*.html") if p.name != "index.html")


def test_every_unit_has_its_kit_with_its_own_name_and_phone_and_nobody_elses(three_hundred):
    project, result = three_hundred
    site = project / "site"
    units = sorted(p.name for p in (site / "units").iterdir() if p.is_dir())
    assert units == [f"u{n:03d}" for n in range(1, 301)]
    own_site = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
                for folder in ("posters", "leaflets", "print-shop") for p in printable(site / folder)}
    assert len(own_site) == 25
    for n in range(1, 301):
        kit = site / "units" / f"u{n:03d}"
        pages = {p.relative_to(kit).as_posix(): p.read_text(encoding="utf-8") for p in printable(kit)}
        assert sorted(pages) == sorted(own_site), n  # every printable item of the site's kit
        for dest, html in pages.items():
            mine = own_site[dest]
            assert set(NAME.findall(html)) == ({f"{n:03d}号村卫生室"} if SITE_ORGANISATION in mine else set()), (n, dest)
            phones = set(PHONE.findall(html))
            assert phones <= {f"0571-8800{n:04d}", f"0571-8811{n:04d}"}, (n, dest)
            assert (f"0571-8800{n:04d}" in phones) == (SITE_PHONE in mine), (n, dest)
            assert SITE_PHONE not in html and SITE_CONTACT not in html and SITE_ORGANISATION not in html, (n, dest)
    assert "各单位印刷品 8401 页，" in result.stdout and "，300 个单位；" in result.stdout  # 300 × (25 items, 3 indexes) + 1


def test_a_unit_kit_shows_its_contact_lines(three_hundred):
    """Where the site's kit prints config.yaml's contact line, a unit's prints its name, phone, address and police station."""
    project, _ = three_hundred
    line = "042号村卫生室 · 联系电话 0571-88000042 · 幸福路42号 · 城东派出所 0571-88110042"
    for item in ("posters/scam-shuadan.html", "leaflets/audience-elderly.html", "print-shop/booklet-all.html"):
        assert line in (project / "site/units/u042" / item).read_text(encoding="utf-8"), item


def test_the_site_itself_is_the_one_site(three_hundred):
    project, _ = three_hundred
    report = (project / "site/posters/report.html").read_text(encoding="utf-8")
    assert SITE_ORGANISATION in report and not NAME.search(report)
    campaign = (project / "site/campaigns/class-meeting.html").read_text(encoding="utf-8")
    assert "units/" not in campaign  # the campaign's kit lists the site's own items, not 300 units'


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith(("#", "data:", "http:", "https:", "mailto:", "tel:")):
                self.found.append(value)


def broken_links(page, site):
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    broken = []
    for link in parser.found:
        target = (page.parent / urlsplit(link).path).resolve()
        if not target.is_file() or not target.is_relative_to(site.resolve()):
            broken.append(link)
    return broken


def test_the_index_lists_every_unit_and_every_link_resolves(three_hundred):
    project, _ = three_hundred
    site = project / "site"
    index = site / "units/index.html"
    html = index.read_text(encoding="utf-8")
    assert NAME.findall(html) == [f"{n:03d}号村卫生室" for n in range(1, 301)]
    assert broken_links(index, site) == []
    for page in sorted((site / "units/u150").rglob("*.html")):  # one kit: its own pages, the shared assets and site
        assert broken_links(page, site) == [], page


def test_a_gbk_file_reads_the_same(tmp_path):
    utf8, gbk = tmp_path / "units.csv", tmp_path / "units-gbk.csv"
    utf8.write_text(units_csv(300), encoding="utf-8")
    gbk.write_bytes(units_csv(300).replace("\n", "\r\n").encode("gbk"))  # Excel's 另存为 CSV on a Chinese Windows
    read, problems = read_units(utf8, "units.csv")
    assert problems == [] and len(read) == 300
    assert read_units(gbk, "units.csv") == (read, [])
    assert read[41] == {"id": "u042", "name": "042号村卫生室", "phone": "0571-88000042", "address": "幸福路42号",
                        "police_station": "城东派出所", "police_phone": "0571-88110042", "channels": {}, "line": 43}


def test_a_big_projects_unit_kits_are_drawn_each_in_its_own_worker(tmp_path, monkeypatch):
    """Each unit's kit is planned in a worker; a big project's kit has more print items than the pool
    threshold, and a worker may not start a pool of its own: it draws them itself (this stopped with a
    traceback, "daemonic processes are not allowed to have children")."""
    import datetime

    from fangzha import parallel, pipeline
    from fangzha.context import BuildContext
    from fangzha.outputs import units

    (tmp_path / "units.csv").write_text(units_csv(2), encoding="utf-8")
    listed, _ = read_units(tmp_path / "units.csv", "units.csv")
    ctx = BuildContext(FIXTURES / "mini", today=datetime.date(2026, 11, 27), options={"units": units.Options("units.csv", tuple(listed))})
    pipeline.build(ctx, tmp_path / "small")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # every kit now counts as big
    pipeline.build(ctx, tmp_path / "big")
    assert tree(tmp_path / "big") == tree(tmp_path / "small")
    assert any((tmp_path / "big/units/u002").rglob("*.html"))


@pytest.fixture
def project(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build(cwd=project).returncode == 0  # the last good site a refused build keeps
    return project


def test_bad_rows_are_reported_with_their_row_numbers_and_nothing_is_written(project):
    rows = [HEADER] + [unit_row(n) for n in range(1, 300)]
    rows[41] = "042号村卫生室,1.38001E+10,幸福路42号,城东派出所,"         # Excel's scientific notation
    rows[120] = ",0571-88000120,,,"                                  # no name
    rows[200] = "200号村卫生室,电话待定,,,"                           # not a phone number
    rows[250] = unit_row(7)                                          # a row copied
    (project / "units.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert refused_build(project, "units", "units.csv") == [
        "units.csv:42: 联系电话: 「1.38001E+10」是 Excel 改写过的号码（科学计数法）：请在 Excel 里把这一列设成“文本”格式，重新输入号码，再另存为 CSV。",
        "units.csv:121: 单位名称: 这一行没有写单位名称：每个单位都要写。如果这是多余的行，请整行删掉。",
        "units.csv:201: 联系电话: 「电话待定」不像电话号码：只写数字，可以带区号和连字符，例如 0571-12345678 或 13800138000。",
    ]


def test_a_copied_row_and_an_example_number_are_warnings(project):
    rows = [HEADER, unit_row(1), unit_row(2), unit_row(1).replace("0571-88000001", "0000-0000000").replace("u", "")]
    (project / "units.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_build("units", "units.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "提示：units.csv:4: 单位名称: 「001号村卫生室」和第 2 行的单位名称一样，会生成两份一样的印刷品。如果是重复的行，请删掉一行。" in result.stdout
    assert "提示：units.csv:4: 联系电话: 联系电话还是示例号码（全是 0），网页和印刷品上暂时不印它：请填写真实的号码。" in result.stdout
    assert "0000-0000000" not in (project / "site/units/u003/posters/report.html").read_text(encoding="utf-8")


def test_unknown_columns_and_duplicate_ids(project):
    (project / "units.csv").write_text("编号,单位名称,电话,地址\nA1,甲卫生室,,\na1,乙卫生室,,\n村/1,丙卫生室,,\n", encoding="utf-8")
    assert refused_build(project, "units", "units.csv") == [
        "units.csv:1: 电话: 不认识这一列（第 3 列）。你是不是想写「联系电话」？",
    ]
    (project / "units.csv").write_text("编号,单位名称\nA1,甲卫生室\na1,乙卫生室\n村/1,丙卫生室\n", encoding="utf-8")
    assert refused_build(project, "units", "units.csv") == [
        "units.csv:3: 编号: 编号「a1」和第 2 行重复了：每个单位的编号要不同。请改一个。",
        "units.csv:4: 编号: 「村/1」不合适：只能用英文字母、数字、连字符 - 和下划线 _（例如 jd-001），因为它会成为文件夹的名字。不写这一列就按顺序编成 u001、u002……",
    ]


def test_a_yaml_units_file(project):
    (project / "units.yaml").write_text("- 编号: east\n  单位名称: 城东物业\n  联系电话: \"0571-88000001\"\n"
                                        "- 单位名称: 城西物业\n  联系电话: 0571-8800000x\n", encoding="utf-8")
    assert refused_build(project, "units", "units.yaml") == [
        "units.yaml:5: 联系电话: 「0571-8800000x」不像电话号码：只写数字，可以带区号和连字符，例如 0571-12345678 或 13800138000。",
    ]


def test_three_shards_together_are_the_full_build_byte_for_byte(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "units.csv").write_text(units_csv(10), encoding="utf-8")
    assert run_build("units", "units.csv", "--output", "full", cwd=project).returncode == 0
    together = {}
    for k in (1, 2, 3):
        result = run_build("units", "units.csv", "--shard", f"{k}/3", "--output", f"shard{k}", cwd=project)
        assert result.returncode == 0, result.stderr
        assert f"个单位（共 10 个，分 3 份的第 {k} 份）；" in result.stdout
        part = tree(project / f"shard{k}/units")
        assert len({path.split("/")[0] for path in part} - {"index.html"}) in (3, 4)  # 10 units: 3, 3, 4
        for path, digest in part.items():
            assert together.setdefault(path, digest) == digest, path  # the index: the same bytes in every shard
    assert together == tree(project / "full/units")


def test_shards_are_contiguous_and_disjoint():
    units = list(range(10))
    parts = [shard_of(units, (k, 3)) for k in (1, 2, 3)]
    assert parts == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert shard_of(units, (1, 1)) == units


@pytest.mark.parametrize("args, message", [
    (["units"], "缺少参数：单位名单。"),
    (["units", "units.csv", "--shard", "4/3"], "--shard：「4/3」不对，请写成 K/N，表示 N 份里的第 K 份，例如 2/3（K 从 1 数到 N）。"),
    (["units", "units.csv", "--shard", "two"], "--shard：「two」不对，请写成 K/N，表示 N 份里的第 K 份，例如 2/3（K 从 1 数到 N）。"),
    (["units", "units.csv", "--bleed"], "--bleed（出血）只用于 PDF，请和 --pdf 一起写：units 单位名单 --pdf --bleed。"),
])
def test_usage_mistakes_exit_2(tmp_path, args, message):
    result = run_build(*args, cwd=copy_project(FIXTURES / "mini", tmp_path / "project"))
    assert result.returncode == 2
    assert f"命令写错了：{message}" in result.stderr
    assert not (tmp_path / "project/site").exists()


def test_a_missing_units_file_exits_1(project):
    assert refused_build(project, "units", "名单.csv") == [
        "名单.csv: 找不到这个单位名单文件。请检查文件名和路径（可以把文件放在项目文件夹里，写 units.csv）。"]


def test_text_that_does_not_fit_names_the_units_row_or_the_content_once():
    from fangzha.context import BuildContext
    from fangzha.layout.budget import Owner, TooLong
    from fangzha.outputs import units
    from fangzha.page import Page

    first, second = ({"id": "u001", "name": "甲卫生室", "line": 2}, {"id": "u002", "name": "乙卫生室", "line": 3})
    scam = TooLong(Owner("content/scams/shuadan.md", "signs", known_line=9), "海报", "posters/scam-shuadan.html", "正文", 12)
    pages = [Page("units/u001/posters/report.html", context={"unit": first, "problem": None, "too_long": [
                 TooLong(Owner("config.yaml", "contact"), "海报", "posters/report.html", "页脚", 5), scam]}),
             Page("units/u002/posters/scam-shuadan.html", context={"unit": second, "problem": None, "too_long": [scam]})]
    ctx = BuildContext(FIXTURES / "mini", options={"units": units.Options("units.csv", (first, second))})
    assert [str(p) for p in units.check(SimpleNamespace(channels=[]), pages, ctx)] == [
        "units.csv:2: 这个单位的名称和联系方式太长：海报「posters/report.html」的页脚放不下：多了约 5 个字，请缩短这一行的单位名称、地址或派出所名称。",
        "content/scams/shuadan.md:9: signs: 单位「甲卫生室」的海报「posters/scam-shuadan.html」的正文放不下：多了约 12 个字，请删减。",
    ]


def test_a_local_channel_column_gives_each_unit_its_own_number(project):
    """tests/fixtures/mini's config.yaml has local channel local-test (12345678), called by the fake-police scam."""
    (project / "units.csv").write_text("单位名称,联系电话,local-test\n甲卫生室,0571-88000001,87654321\n乙卫生室,0571-88000002,\n",
                                       encoding="utf-8")
    result = run_build("units", "units.csv", cwd=project)
    assert result.returncode == 0, result.stderr
    units = project / "site/units"
    for item in ("posters/scam-fake-police.html", "print-shop/booklet-all.html"):
        own, plain = (units / "u001" / item).read_text(encoding="utf-8"), (units / "u002" / item).read_text(encoding="utf-8")
        assert "87654321" in own and "12345678" not in own, item
        assert "12345678" in plain and "87654321" not in plain, item  # a unit without its own number: config.yaml's
    (project / "units.csv").write_text("单位名称,local-nothing\n甲卫生室,87654321\n", encoding="utf-8")
    assert refused_build(project, "units", "units.csv") == [
        ("units.csv:1: local-nothing: config.yaml 的 local_channels 里没有这个编号的本地渠道（或者它还标着“示例”，不会印出来）。"
         "这一列写的是各单位自己的号码：请先在 config.yaml 里写好这个渠道（id: local-nothing），或者改正列名。")]


def test_with_pdf_every_unit_item_has_its_pdf_in_the_units_folder(tmp_path):
    from pypdf import PdfReader
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "units.csv").write_text(units_csv(1), encoding="utf-8")
    result = run_build("units", "units.csv", "--pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    kit = project / "site/units/u001"
    documents = sorted(p.relative_to(kit).with_suffix("").as_posix() for folder in ("posters", "leaflets")
                       for p in (kit / folder).glob("*.html") if p.name != "index.html")
    assert sorted(p.relative_to(kit / "pdf").with_suffix("").as_posix() for p in kit.glob("pdf/*/*.pdf")) == documents
    shop = sorted(p.stem for p in (kit / "print-shop").glob("*.html") if p.name != "index.html")
    assert sorted(p.name for p in (kit / "print-shop").iterdir() if p.is_dir()) == shop
    assert all((kit / "print-shop" / name / f"{name}.pdf").is_file() for name in shop)
    text = PdfReader(kit / "pdf/posters/report.pdf").pages[0].extract_text()
    assert "001号村卫生室" in text and "0571-88000001" in text and SITE_PHONE not in text
    assert broken_links(kit / "posters/index.html", project / "site") == []
    assert "1 个单位，各单位的 PDF 和打印店文件 56 个" in result.stdout
    assert not (project / "site/pdf").exists()  # the site's own PDFs are `build.py pdf`'s


def test_without_weasyprint_units_pdf_says_how_to_install_it(monkeypatch, tmp_path):
    import sys

    from fangzha.context import BuildContext
    from fangzha.outputs import units
    from fangzha.outputs.printkit.pdf import Options
    from fangzha.pipeline import check
    from fangzha.problems import ContentError

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails, as on a machine without it
    (tmp_path / "units.csv").write_text(units_csv(2), encoding="utf-8")
    listed, _ = read_units(tmp_path / "units.csv", "units.csv")
    ctx = BuildContext(FIXTURES / "mini", options={"units": units.Options("units.csv", tuple(listed), pdf=Options())})
    with pytest.raises(ContentError) as error:
        check(ctx, tmp_path / "site")
    assert [str(p).split("，", 1)[0] for p in error.value.problems] == ["requirements-pdf.txt: 生成 PDF 需要 WeasyPrint"]
