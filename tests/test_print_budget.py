"""The print kit's text budget: the build fails for text that would be cut off, and what it lets
through really fits in Chromium at or above the smallest type."""

import io
import math
import re

import pytest
import yaml
from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build
from pypdf import PdfReader

from fangzha.context import BuildContext
from fangzha.layout.blocks import MM, stack_height
from fangzha.outputs.printkit.style import PRINT
from fangzha.pipeline import check
from fangzha.problems import ContentError

MINI = FIXTURES / "mini"
SUMMARY = "共发现 {} 个问题，本次没有生成任何文件（原来的网站保持不变）。"

# Chromium's layout of every region of the open page at the fit the build wrote (print.js is kept out,
# so nothing is shrunk): how much of each region its blocks take, in mm, by region id.
MEASURE = """() => {
  const mm = px => px * 25.4 / 96;
  const style = document.createElement('style');  // blocks at their natural height: nothing spread out
  style.textContent = '.pr-region { justify-content: flex-start !important } .pr-spread { flex: none !important }';
  document.head.appendChild(style);
  const out = {};
  for (const region of document.querySelectorAll('.pr-region')) {
    const top = region.getBoundingClientRect().top;
    let bottom = top;
    for (const el of region.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.height && el.children.length === 0 || el.tagName === 'svg') bottom = Math.max(bottom, r.bottom);
    }
    out[region.dataset.region] = [mm(bottom - top), mm(region.clientHeight)];
  }
  return out;
}"""


def printable_pages(root):
    """(model, the printable pages) of a project, as the build plans them."""
    checked = check(BuildContext(root))
    return checked.model, [p for p in checked.pages if p.family == "print" and "pdf_dest" in p.context]


def estimates(page):
    """{region id: estimated mm of its blocks at the fit the build chose} for one printable page."""
    out = {}
    for side, sheet in enumerate(page.context["sheets"], start=1):
        for index, region in enumerate(sheet["placed"], start=1):
            base = float(re.search(r"--base:([0-9.]+)", region["css"])[1])
            width = float(re.search(r"--w:([0-9.]+)mm", region["css"])[1])
            out[f"{side}-{index}"] = stack_height(region["blocks"], PRINT, base * region["fit"], width * MM) / MM
    return out


def line_of(path, key):
    """The line where a top-level key of a Markdown file's front matter is written."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith(key + ":"))


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def test_an_over_long_scam_fails_the_build_and_keeps_the_last_good_site(project):
    assert run_build(cwd=project).returncode == 0
    before = (project / "site/posters/scam-shuadan.html").read_bytes()
    scam = project / "content/scams/shuadan.md"
    edit_front_matter(scam, lambda data: data.update(
        signs=[f"第 {n} 条很长的警惕信号，写得非常详细，一条接一条，怎么也写不完" for n in range(30)]))
    result = run_build(cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    where = rf"content/scams/shuadan\.md:{line_of(scam, 'signs')}: signs: "
    assert re.fullmatch(where + r"宣传册「print-shop/booklet-all\.html」等 2 份的第 \d+ 页的正文放不下：多了约 \d+ 个字，请删减。",
                        lines[0]), lines  # the booklets print the signs too (tests/test_printshop.py)
    assert re.fullmatch(where + r"海报「posters/scam-shuadan\.html」的正文放不下：多了约 \d+ 个字，请删减。", lines[1]), lines
    assert lines[2:] == [SUMMARY.format(2)]
    assert (project / "site/posters/scam-shuadan.html").read_bytes() == before
    checked = run_build("check", cwd=project)  # check refuses exactly what build refuses
    assert (checked.returncode, checked.stderr.splitlines()) == (1, lines)


def test_the_message_says_roughly_how_much_to_cut(project):
    """Cutting about what the message says makes the item fit."""
    scam = project / "content/scams/shuadan.md"
    edit_front_matter(scam, lambda data: data.update(signs=["要你先垫付，才能领取佣金和返利"] * 30))
    with pytest.raises(ContentError) as error:
        printable_pages(project)
    problem = next(p for p in error.value.problems if "海报" in p.message)  # (the booklets print the signs too)
    assert (problem.path, problem.field) == ("content/scams/shuadan.md", "signs")
    too_many = int(re.search(r"多了约 (\d+) 个字", problem.message)[1])
    edit_front_matter(scam, lambda data: data.update(signs=["要你先垫付，才能领取佣金和返利"] * (30 - math.ceil(too_many / 15))))
    printable_pages(project)  # fits now


def test_text_printed_on_every_item_is_one_problem(project):
    config = project / "config.yaml"
    text = config.read_text(encoding="utf-8").replace('  phone: "010-0000000"', '  phone: "010-0000000"\n  address: ' + "示例街道很长很长的地址" * 100)
    config.write_text(text, encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if t.startswith("contact:"))
    # one line for every poster, pledge sheet and letter whose foot prints it, one for the leaflet whose back
    # panel runs out of room (the students' leaflet still fits it in smaller type), and the print shop's items
    # (a booklet's pages are named one by one)
    assert [re.sub(r"约 \d+ 个字", "约 N 个字", x) for x in lines] == [
        f"config.yaml:{line}: contact: 上墙告示「print-shop/wall-class-meeting-a2.html」等 4 份的页脚放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 宣传册「print-shop/booklet-all.html」等 2 份的第 10 页的正文放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 宣传册「print-shop/booklet-elderly.html」的第 12 页的封底放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 宣传册「print-shop/booklet-elderly.html」的第 8 页的正文放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 展板「print-shop/board-class-meeting.html」的页脚放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 折页「leaflets/audience-elderly.html」的外面中栏放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 易拉宝「print-shop/rollup-class-meeting.html」的页脚放不下：多了约 N 个字，请删减。",
        f"config.yaml:{line}: contact: 海报「posters/campaign-class-meeting.html」等 5 份的页脚放不下：多了约 N 个字，请删减。",
        SUMMARY.format(8)]


def test_a_leaflet_panel_that_cannot_fit_is_named(project):
    rules = project / "content/rules/ten.yaml"
    data = yaml.safe_load(rules.read_text(encoding="utf-8"))
    data["items"] = [f"凡是第 {n} 种说法，要你先转账、先交钱、先下载陌生 App 的，都是诈骗！" for n in range(1, 26)]
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    found = [line for line in result.stderr.splitlines() if line.startswith("content/rules/ten.yaml")]
    assert any(re.fullmatch(r"content/rules/ten\.yaml:\d+: items: 折页「leaflets/[a-z-]+\.html」等 3 份的外面左栏放不下：多了约 \d+ 个字，请删减。", x)
               for x in found), found


def test_the_budget_is_never_shorter_than_chromium_for_the_shipped_content(shipped_site, browser):
    """Whatever the estimate lets through, Chromium fits: for every region of every shipped item, at the
    fit the build wrote, Chromium's blocks fit inside the region and take no more than the estimate
    (and not wildly less). print.js is kept out, so the page is exactly as the build laid it out."""
    model, pages = printable_pages(ROOT)
    page = browser.new_page()
    page.route("**/print.js", lambda route: route.fulfill(body=""))
    spill, short, loose = {}, {}, {}
    for item in pages:
        page.goto((shipped_site / item.dest).as_uri())
        page.evaluate("document.fonts.ready")
        real = page.evaluate(MEASURE)
        for rid, estimate in estimates(item).items():
            used, room = real[rid]
            where = f"{item.dest} {rid}"
            if used > room + .2:  # .2 mm: sub-pixel rounding
                spill[where] = (round(used, 1), round(room, 1))
            if used > estimate + .2:
                short[where] = (round(estimate, 1), round(used, 1))
            if estimate - used > .25 * room:
                loose[where] = (round(estimate, 1), round(used, 1))
    page.close()
    assert spill == {} and short == {} and loose == {}


def grow_until_the_budget_says_no(project, make_signs):
    """Add warning signs to the mini project's shuadan.md one at a time, keep the most that pass the budget."""
    scam = project / "content/scams/shuadan.md"
    count = 1
    while True:
        edit_front_matter(scam, lambda data, count=count: data.update(signs=make_signs(count + 1)))
        try:
            printable_pages(project)
        except ContentError:
            break
        count += 1
    edit_front_matter(scam, lambda data: data.update(signs=make_signs(count)))
    return count


@pytest.mark.parametrize("sign", [
    "第 {n} 条：对方催你马上转账，说晚了就来不及，还让你不要告诉家里人",
    "No.{n} 对方发来 https://pay.example.com/refund?id=8848 链接，要你下载 App 并输入 6 位验证码",
])
def test_an_item_just_under_budget_fits_in_chromium_at_or_above_the_smallest_type(project, watched, sign):
    count = grow_until_the_budget_says_no(project, lambda k: [sign.format(n=n) for n in range(1, k + 1)])
    assert count > 5
    assert run_build(cwd=project).returncode == 0
    view = watched(project / "site")
    for relative in ("posters/scam-shuadan.html", "leaflets/audience-students.html", "leaflets/campaign-class-meeting.html"):
        page = view.open(relative)
        page.evaluate("document.fonts.ready")
        assert page.get_attribute("#main", "data-fit") == "ok", relative
        smallest = float(page.get_attribute("#main", "data-min-fit"))
        fits = page.evaluate("[...document.querySelectorAll('.pr-region')].map(r => +getComputedStyle(r).getPropertyValue('--fit'))")
        assert min(fits) >= smallest, (relative, fits)
        pages = len(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages)
        assert pages == (1 if relative.startswith("posters/") else 2)
    assert view.errors == []
