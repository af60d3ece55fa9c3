"""`python build.py pdf`: print-ready PDFs beside the site, exact page counts, fonts embedded, atomic."""

import re
import subprocess
import sys

import pytest
import yaml
from pypdf import PdfReader

from conftest import FIXTURES, copy_project, edit_front_matter, run_build
from fangzha.problems import ContentError

A4 = (595, 842)


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("pdf") / "project")
    result = run_build("pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stdout


def test_summary_counts_the_pdfs(pdf_site):
    _, stdout = pdf_site
    assert re.fullmatch(r"已生成 site/：网站 \d+ 页(，[^，；]+ \d+ 页)*，PDF 8 份；用时 \d+\.\d\d 秒。", stdout.strip().splitlines()[-1])


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


def test_text_that_cannot_fit_stops_the_pdf_build_and_keeps_the_site(tmp_path):
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
    assert lines[0] == ("content/channels.yaml: leaflets/audience-elderly.html 内容太多：字号已经缩到最小，还是放不下两页 A4 纸。"
                        "请删减这个文件里的文字，再运行 python build.py pdf。")
    # the campaign's leaflet lists only its own two numbers, so it still fits
    assert {line.split(" 内容太多")[0] for line in lines[:-1]} == {
        "content/channels.yaml: " + dest for dest in ("leaflets/audience-elderly.html", "leaflets/audience-students.html",
                                                      "posters/report.html")}
    assert lines[-1] == "共发现 3 个问题，本次没有生成任何文件（原来的网站保持不变）。"
    assert (project / "site/posters/report.html").read_bytes() == before
    assert not (project / "site/pdf").exists()


def test_a_leaflet_that_cannot_fit_names_the_longest_file_in_it(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit_front_matter(project / "content/scams/shuadan.md", lambda data: data.update(
        steps=[f"第 {n} 步：这一步写得很长很长，说明得非常非常详细，一条接一条" for n in range(80)]))
    result = run_build("pdf", cwd=project)
    assert result.returncode == 1
    named = {line.split(" 内容太多")[0] for line in result.stderr.splitlines()[:-1]}
    assert named == {"content/scams/shuadan.md: posters/scam-shuadan.html",
                     "content/scams/shuadan.md: leaflets/audience-students.html",
                     "content/scams/shuadan.md: leaflets/campaign-class-meeting.html"}


def test_missing_weasyprint_is_explained_in_chinese(monkeypatch):
    from fangzha import pdf
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import now fails, as on a machine without it
    with pytest.raises(ContentError) as error:
        pdf.load_weasyprint()
    message = str(error.value.problems[0])
    assert message.startswith("requirements.txt: 生成 PDF 需要 WeasyPrint，但它现在用不了")
    assert "pip install -r requirements.txt" in message and "可以直接用浏览器打印" in message


def test_pdf_command_is_in_the_help():
    result = run_build("--help")
    assert "pdf" in result.stdout and "另存为 PDF" in result.stdout
