"""The print kit printed by a real Chromium: exact page counts, type fitted, warnings, accessibility."""

import io
import re

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, copy_project, edit_front_matter, run_build, serious_accessibility_problems
A4 = (595, 842)  # points, portrait


def printables(site):
    return sorted(p.relative_to(site).as_posix() for folder in ("posters", "leaflets")
                  for p in (site / folder).glob("*.html") if p.name != "index.html")


def printed(page):
    """The open page printed as the user's browser would: its own @page size, no scaling."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    return len(reader.pages), sizes


def fitted(page):
    page.evaluate("document.fonts.ready")
    return page.get_attribute("#main", "data-fit")


def test_every_poster_is_one_a4_page_and_every_leaflet_two(shipped_site, watched):
    view = watched(shipped_site)
    wrong = {}
    for relative in printables(shipped_site):
        page = view.open(relative)
        fit = fitted(page)
        low, high = (float(page.get_attribute("#main", name)) for name in ("data-min-fit", "data-max-fit"))
        expected = (1, {A4}) if relative.startswith("posters/") else (2, {A4[::-1]})
        if printed(page) != expected or fit == "overflow" or not low <= float(fit) <= high:
            wrong[relative] = (printed(page), fit)
    assert wrong == {}
    assert view.errors == [] and view.outside == []


def test_too_much_text_still_prints_one_page_and_says_what_to_cut(tmp_path, watched):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit_front_matter(project / "content/scams/shuadan.md", lambda data: data.update(
        signs=[f"第 {n} 条很长的警惕信号，写得非常详细，一条接一条，怎么也写不完" for n in range(80)]))
    assert run_build(cwd=project).returncode == 0
    page = watched(project / "site").open("posters/scam-shuadan.html")
    assert fitted(page) == "overflow"
    warning = page.locator("#fit-warning")
    assert warning.is_visible()
    assert warning.inner_text() == ("内容太多：字号已经缩到最小，还是放不下一页，最下面的内容印不出来。"
                                    "请删减 content/scams/shuadan.md 里的文字，再重新生成。")
    leaflet = watched(project / "site").open("leaflets/audience-students.html")  # shows every sign of its two scams
    assert fitted(leaflet) == "overflow"
    assert leaflet.locator("#fit-source").inner_text() == "content/scams/shuadan.md"
    assert printed(leaflet) == (2, {A4[::-1]})
    assert printed(page) == (1, {A4})
    page.emulate_media(media="print")
    assert not warning.is_visible() and not page.locator(".pr-bar").is_visible()


def test_type_grows_to_fill_a_sparse_sheet_and_shrinks_for_a_full_one(shipped_site, watched):
    view = watched(shipped_site)
    page = view.open("posters/rules-sanbu-yiduo.html")  # four short lines
    assert fitted(page) == page.get_attribute("#main", "data-max-fit")
    page = view.open("posters/report.html")  # eight situations with advice
    assert float(fitted(page)) < 1


def test_print_button_opens_the_print_dialog(shipped_site, watched):
    page = watched(shipped_site).open("posters/scam-shuadan.html")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.printed") is True
    assert page.get_by_role("link", name="返回全部海报").get_attribute("href") == "index.html"


def test_qr_code_is_drawn_inside_the_page(tmp_path, watched):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    view = watched(project / "site")
    page = view.open("posters/scam-shuadan.html")
    qr = page.get_by_role("img", name="二维码：https://example.org/fz/scams/shuadan.html")
    box = qr.bounding_box()
    assert 70 < box["width"] < 100 and box["width"] == pytest.approx(box["height"])  # about 22 mm square
    assert view.errors == [] and view.outside == []


def test_axe_finds_no_serious_violation_in_the_print_kit(shipped_site, watched):
    view = watched(shipped_site)
    pages = ["posters/index.html", "leaflets/index.html", "posters/scam-fake-police.html", "posters/report.html",
             "posters/rules-new-ten.html", "posters/campaign-class-meeting.html", "posters/pledge-class-meeting.html",
             "posters/letter-class-meeting.html", "leaflets/audience-elderly.html", "leaflets/campaign-class-meeting.html"]
    found = {relative: serious_accessibility_problems(view.open(relative)) for relative in pages}
    assert {relative: problems for relative, problems in found.items() if problems} == {}


def test_leaflet_panels_sit_on_the_folds(shipped_site, watched):
    """Outside: flap 97 mm, back 100, cover 100 (cover on the right); inside: 100, 100, 97."""
    page = watched(shipped_site).open("leaflets/campaign-class-meeting.html")
    widths = page.evaluate("""() => [...document.querySelectorAll('.pr-sheet')].map(sheet =>
        [...sheet.querySelectorAll('.pr-panel')].sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
          .map(p => [Math.round(p.getBoundingClientRect().width / 96 * 25.4), p.classList.contains('pr-cover')]))""")
    assert widths == [[[97, False], [100, False], [100, True]], [[100, False], [100, False], [97, False]]]
    assert re.search(r"短边翻转", page.locator(".pr-bar").inner_text())
