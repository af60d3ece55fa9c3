"""The print kit printed by a real Chromium: exact page counts, type fitted, warnings, accessibility."""

import io
import re

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build, serious_accessibility_problems
from PIL import Image
from pypdf import PdfReader

A4 = (595, 842)  # points, portrait
A3 = (842, 1191)


def printables(site):
    return sorted(p.relative_to(site).as_posix() for folder in ("posters", "leaflets")
                  for p in (site / folder).glob("*.html") if p.name != "index.html")


def printed(page):
    """The open page printed as the user's browser would: its own @page size, no scaling."""
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    return len(reader.pages), sizes


def fitted(page):
    """"ok" when every region's text fits, "overflow" when print.js could not make one fit."""
    page.evaluate("document.fonts.ready")
    return page.get_attribute("#main", "data-fit")


def fits(page):
    """Each region's type scale, as the page is drawn."""
    return page.evaluate("[...document.querySelectorAll('.pr-region')].map(r => +getComputedStyle(r).getPropertyValue('--fit'))")


def test_every_poster_is_one_a4_page_and_every_leaflet_two(shipped_site, watched):
    view = watched(shipped_site)
    wrong = {}
    for relative in printables(shipped_site):
        page = view.open(relative)
        fit = fitted(page)
        low = float(page.get_attribute("#main", "data-min-fit"))
        expected = (1, {A4}) if relative.startswith("posters/") else (2, {A4[::-1]})
        if printed(page) != expected or fit != "ok" or min(fits(page)) < low:
            wrong[relative] = (printed(page), fit)
    assert wrong == {}
    assert view.errors == [] and view.outside == []


def stuff(path, old, new):
    """Edit a built page by hand, as the build's text budget never lets too much text through."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_too_much_text_still_prints_one_page_and_says_what_to_cut(tmp_path, watched):
    """The browser's own check behind the build's text budget (a page edited by hand, a font far wider)."""
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    assert run_build(cwd=project).returncode == 0
    signs = "".join(f"<li>第 {n} 条很长的警惕信号，写得非常详细，一条接一条，怎么也写不完</li>" for n in range(80))
    stuff(project / "site/posters/scam-shuadan.html", "<li>要你先垫付</li>", signs)
    stuff(project / "site/leaflets/audience-students.html", "警惕：要你先垫付", "警惕：" + signs.replace("li>", "span>"))
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
    """The body of each sheet is drawn at the type scale the build found to fill it."""
    view = watched(shipped_site)
    page = view.open("posters/rules-sanbu-yiduo.html")  # four short lines: as large as the width allows
    hero, body, *_ = fits(page)
    assert hero == 1 and body > 1.3
    page = view.open("posters/report.html")  # eight situations with advice
    assert fits(page)[1] < 1


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
    assert 72 < box["width"] < 80 and box["width"] == pytest.approx(box["height"])  # 20 mm square
    under = page.locator(".pr-foot-qr .r-qr_caption")
    assert under.inner_text() == "网页版：example.org/fz/scams/shuadan.html"  # the short address, printed under the code
    assert under.bounding_box()["y"] >= box["y"] + box["height"]
    assert view.errors == [] and view.outside == []


def test_axe_finds_no_serious_violation_in_the_print_kit(shipped_site, watched):
    view = watched(shipped_site)
    pages = ["posters/index.html", "leaflets/index.html", "posters/scam-fake-police.html", "posters/report.html",
             "posters/rules-new-ten.html", "posters/campaign-class-meeting.html", "posters/pledge-class-meeting.html",
             "posters/letter-class-meeting.html", "leaflets/audience-elderly.html", "leaflets/campaign-class-meeting.html"]
    found = {relative: serious_accessibility_problems(view.open(relative)) for relative in pages}
    assert {relative: problems for relative, problems in found.items() if problems} == {}


def test_leaflet_panels_sit_on_the_folds(shipped_site, watched):
    """Outside, left to right: the flap that folds in (97 mm), the back, the front cover; inside: three
    panels (100, 100, 97) in reading order. Faint dashed lines show the folds; text keeps 8 mm from them."""
    page = watched(shipped_site).open("leaflets/campaign-class-meeting.html")
    page.emulate_media(media="print")
    sheets = page.evaluate("""() => [...document.querySelectorAll('.pr-sheet')].map(sheet => {
        const left = sheet.getBoundingClientRect().left, mm = px => Math.round(px / 96 * 25.4);
        return {panels: [...sheet.querySelectorAll('.pr-region')].map(p => ({
                   left: mm(p.getBoundingClientRect().left - left), right: mm(p.getBoundingClientRect().right - left),
                   heading: p.querySelector('h1, h2, h3, .r-h2, .r-cover-title').textContent})),
                folds: [...sheet.querySelectorAll('.pr-fold')].map(f => [mm(f.getBoundingClientRect().left - left),
                                                                         getComputedStyle(f).borderLeftStyle,
                                                                         getComputedStyle(f).borderLeftColor])};
    })""")
    outside, inside = sheets
    assert [(p["left"], p["right"], p["heading"]) for p in outside["panels"]] == [
        (8, 89, "新十个凡是"), (105, 189, "该打哪个电话"), (205, 289, "防范诈骗主题班会")]
    assert [(p["left"], p["right"], p["heading"]) for p in inside["panels"]] == [
        (8, 92, "关于这次活动"), (108, 192, "盗用QQ号诈骗"), (208, 289, "投其所好，引诱上钩")]
    # folds at 97 and 197 mm outside; printed on the back of the sheet (flipped on the short edge) at 100 and 200
    assert outside["folds"] == [[97, "dashed", "rgb(170, 170, 170)"], [197, "dashed", "rgb(170, 170, 170)"]]
    assert [f[0] for f in inside["folds"]] == [100, 200]
    assert re.search(r"短边翻转", page.locator(".pr-bar").inner_text())


def test_a3_posters_print_as_one_a3_page(tmp_path, watched):
    """config.yaml `print: {paper: A3}`: every poster and pledge sheet is the same layout on one A3 page;
    letters and leaflets stay A4."""
    project = copy_project(ROOT, tmp_path / "project")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  paper: A4", "  paper: A3"), encoding="utf-8")
    assert run_build(cwd=project).returncode == 0
    site = project / "site"
    view = watched(site)
    wrong, seen = {}, set()
    for relative in printables(site):
        page = view.open(relative)
        fit = fitted(page)
        if relative.startswith("leaflets/"):
            expected = (2, {A4[::-1]})
        else:
            expected = (1, {A4 if "/letter-" in relative else A3})
        seen.add((expected[0], frozenset(expected[1])))
        if printed(page) != expected or fit == "overflow":
            wrong[relative] = (printed(page), fit)
    assert wrong == {} and len(seen) == 3
    assert "在打印窗口里选：A3 纸（告家长书用 A4 纸），纵向" in (site / "posters/index.html").read_text(encoding="utf-8")
    assert view.errors == [] and view.outside == []


EDGES = r"""() => {
  const mm = px => px / 96 * 25.4, near = [];
  for (const sheet of document.querySelectorAll('.pr-sheet')) {
    const paper = sheet.getBoundingClientRect();
    const check = (rect, what) => {
      if (!rect.width || !rect.height) return;
      const gap = Math.min(rect.left - paper.left, paper.right - rect.right, rect.top - paper.top, paper.bottom - rect.bottom);
      if (mm(gap) < 5) near.push(what + ' ' + mm(gap).toFixed(1) + ' mm');
    };
    const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) check(rect, node.textContent.trim().slice(0, 12));
    }
    sheet.querySelectorAll('svg').forEach(svg => check(svg.getBoundingClientRect(), svg.dataset.icon || 'QR'));
  }
  return near;
}"""


def test_no_text_within_5_mm_of_the_paper_edge(shipped_site, watched):
    """Office printers cannot print there: every line of text and every QR code keeps 5 mm clear."""
    view = watched(shipped_site)
    near = {}
    for relative in printables(shipped_site):
        page = view.open(relative)
        fitted(page)
        page.emulate_media(media="print")
        found = page.evaluate(EDGES)
        if found:
            near[relative] = found[:3]
        page.emulate_media(media="screen")
    assert near == {}


COLOURS = r"""() => {
  const rgb = text => (text.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => { c /= 255; return c <= .03928 ? c / 12.92 : ((c + .055) / 1.055) ** 2.4; })
                                            .reduce((sum, c, i) => sum + c * [.2126, .7152, .0722][i], 0);
  const faint = [], painted = [];
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    const [r, g, b, a = 1] = rgb(style.backgroundColor);
    if ((a > 0 && (r < 250 || g < 250 || b < 250)) || style.backgroundImage !== 'none') painted.push(el.className || el.tagName);
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && el.getClientRects().length) {
      const ratio = 1.05 / (luminance(rgb(style.color)) + .05);  // against white paper, in shades of grey
      if (ratio < 4.5) faint.push(el.tagName + ' ' + style.color + ' ' + ratio.toFixed(1));
    }
  }
  return {faint, painted};
}"""


def test_the_black_and_white_version_needs_no_background_colour(shipped_site, watched):
    """?mono (the 黑白版 button): no colour field anywhere, and every text dark enough on white in shades of grey,
    so a mono laser printer gives a clear page (and browsers that leave backgrounds out lose nothing)."""
    view = watched(shipped_site)
    bad = {}
    for relative in printables(shipped_site):
        page = view.open(relative + "?mono")
        page.emulate_media(media="print")
        found = page.evaluate(COLOURS)
        if found["faint"] or found["painted"]:
            bad[relative] = found
        page.emulate_media(media="screen")
    assert bad == {}
    page = view.open("posters/scam-shuadan.html")  # and the button switches to it
    page.get_by_role("button", name="黑白版").click()
    assert page.evaluate("document.documentElement.classList.contains('pr-mono')")
    assert page.get_by_role("button", name="黑白版").get_attribute("aria-pressed") == "true"


def test_the_colour_version_prints_its_colour_fields(shipped_site, watched):
    """The hero band is a colour field that prints (print-color-adjust: exact), white type on it."""
    page = watched(shipped_site).open("posters/scam-shuadan.html")
    page.emulate_media(media="print")
    band = page.locator(".pr-band").first
    assert band.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(163, 22, 26)"
    assert page.locator(".pr-sheet").first.evaluate("s => getComputedStyle(s).printColorAdjust") == "exact"
    assert page.locator(".pr-part-hero").first.evaluate("h => getComputedStyle(h).color") == "rgb(255, 255, 255)"


def test_the_print_centre_previews_each_item_offline_and_prints_it(shipped_site, watched):
    view = watched(shipped_site)
    view.page.context.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    for folder in ("posters", "leaflets"):
        page = view.open(f"{folder}/index.html")
        items = page.locator(".pr-card")
        count = items.count()
        assert count == len([p for p in printables(shipped_site) if p.startswith(folder)])
        for index in range(count):  # previews load as they come into view
            items.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(f"() => document.querySelectorAll('iframe').length === {count}")
        page.wait_for_timeout(500)
        previews = sorted(frame.url.rsplit("/", 1)[-1] for frame in page.frames if frame != page.main_frame)
        assert previews == sorted(p.rsplit("/", 1)[-1] for p in printables(shipped_site) if p.startswith(folder))
        assert page.evaluate("document.querySelector('iframe').contentWindow.length") == 0  # a document, not an error page
        first = items.nth(0)
        title = first.locator(".pr-card-title").inner_text()
        first.get_by_role("link", name=f"打印：{title}").click()
        page.wait_for_function("() => window.printed === 1")
        assert page.url.endswith("?print") and page.title().startswith(title.split("（")[0][:4])
    assert view.errors == [] and view.outside == []


def longest_empty_band(png):
    """The tallest run of rows with nothing drawn on them (one flat colour), as a share of the height."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    run = longest = 0
    for y in range(height):
        row = [pixels[x, y] for x in range(0, width, 2)]
        run = run + 1 if max(row) - min(row) < 24 else 0
        longest = max(longest, run)
    return longest / height


@pytest.mark.parametrize("variant", ["", "?mono"])
def test_no_printed_page_has_an_empty_band_taller_than_a_fifth_of_it(shipped_site, watched, variant):
    """Every sheet is filled: its regions are sized from their text and their type scaled to fill them."""
    view = watched(shipped_site)
    empty = {}
    for relative in printables(shipped_site):
        page = view.open(relative + variant)
        fitted(page)
        page.emulate_media(media="print")
        for number, sheet in enumerate(page.locator(".pr-sheet").all(), start=1):
            share = longest_empty_band(sheet.screenshot())
            if share > .2:
                empty[f"{relative} {number}"] = round(share, 2)
        page.emulate_media(media="screen")
    assert empty == {}


def test_every_poster_and_leaflet_cover_carries_a_pictogram(shipped_site):
    for relative in printables(shipped_site):
        text = (shipped_site / relative).read_text(encoding="utf-8")
        if relative.startswith("leaflets/"):
            text = text[text.index('class="pr-region pr-part-cover'):]
            text = text[:text.index("</section>")]
        assert re.search(r'<svg data-icon="[a-z0-9-]+"', text), relative
