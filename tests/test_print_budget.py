"""The print kit's text budget: the build fails for text that would be cut off, and what it lets
through really fits in Chromium at or above the smallest type."""

import io
import math
import re

import pytest
import yaml
from pypdf import PdfReader

from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build
from fangzha.outputs.printkit import budget as printfit
from fangzha.context import BuildContext
from fangzha.pipeline import check
from fangzha.problems import ContentError

MINI = FIXTURES / "mini"
SUMMARY = "共发现 {} 个问题，本次没有生成任何文件（原来的网站保持不变）。"

# Chromium's layout of every fixed space of the open page, at the page's smallest type: how much of
# each space its text takes (mm), named as printfit names them.
MEASURE = """(scale) => {
  document.documentElement.style.setProperty('--fit', String(scale));
  const mm = px => px * 25.4 / 96;
  function used(box) {
    const style = getComputedStyle(box);
    const top = box.getBoundingClientRect().top + parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
    let bottom = top;
    for (const el of box.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.height) bottom = Math.max(bottom, r.bottom);
    }
    return mm(bottom - top);
  }
  const out = {};
  const add = (name, box) => { if (box) out[name] = used(box); };
  add('', document.querySelector('.pr-body'));
  add('页脚', document.querySelector('.pr-foot-text'));
  add('二维码下的网址', document.querySelector('.pr-foot .pr-qr'));
  add('封面', document.querySelector('.pr-cover > .pr-fit'));
  add('外面左栏', document.querySelector('.pr-flap > .pr-fit'));
  add('外面中栏', document.querySelector('.pr-back > .pr-fit'));
  const sheets = document.querySelectorAll('.pr-sheet');
  if (sheets.length === 2) {
    sheets[1].querySelectorAll('.pr-panel > .pr-fit').forEach((panel, i) => add('里面第 ' + (i + 1) + ' 栏', panel));
  }
  return out;
}"""


def printable_pages(root):
    """(model, the printable pages) of a project, as the build plans them."""
    checked = check(BuildContext(root))
    return checked.model, [p for p in checked.pages if "pdf_dest" in p.context]


def estimates(model, page):
    """{region name: (estimated mm at the smallest type, room in mm)} for one printable page."""
    smallest = page.context["min_fit"] * page.context["type_pt"]
    return {r.name: (r.column.height / printfit.MM, r.room / printfit.MM)
            for r in printfit.regions(page.template, page.context, model, smallest)}


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
    assert re.fullmatch(rf"content/scams/shuadan\.md:{line_of(scam, 'signs')}: signs: "
                        r"海报「posters/scam-shuadan\.html」放不下：多了约 \d+ 个字，请删减。", lines[0]), lines
    assert lines[1:] == [SUMMARY.format(1)]
    assert (project / "site/posters/scam-shuadan.html").read_bytes() == before
    checked = run_build("check", cwd=project)  # check refuses exactly what build refuses
    assert (checked.returncode, checked.stderr.splitlines()) == (1, lines)


def test_the_message_says_roughly_how_much_to_cut(project):
    """Cutting about what the message says makes the item fit."""
    scam = project / "content/scams/shuadan.md"
    edit_front_matter(scam, lambda data: data.update(signs=["要你先垫付，才能领取佣金和返利"] * 30))
    with pytest.raises(ContentError) as error:
        printable_pages(project)
    problem, = error.value.problems
    assert (problem.path, problem.field) == ("content/scams/shuadan.md", "signs")
    too_many = int(re.search(r"多了约 (\d+) 个字", problem.message)[1])
    edit_front_matter(scam, lambda data: data.update(signs=["要你先垫付，才能领取佣金和返利"] * (30 - math.ceil(too_many / 15))))
    printable_pages(project)  # fits now


def test_text_printed_on_every_item_is_one_problem(project):
    config = project / "config.yaml"
    text = config.read_text(encoding="utf-8").replace('  phone: "010-0000000"', '  phone: "010-0000000"\n  address: ' + "示例街道很长很长的地址" * 30)
    config.write_text(text, encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if t.startswith("contact:"))
    assert [re.sub(r"约 \d+ 个字", "约 N 个字", x) for x in lines] == [
        f"config.yaml:{line}: contact: 海报「posters/campaign-class-meeting.html」等 5 份的页脚放不下：多了约 N 个字，请删减。", SUMMARY.format(1)]


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


def test_the_budget_is_never_shorter_than_chromium_for_the_shipped_content(shipped_site, watched):
    """Whatever the estimate lets through, Chromium fits: for every space of every shipped item the
    estimate at the smallest type is at least what Chromium lays out, and not wildly more."""
    model, pages = printable_pages(ROOT)
    view = watched(shipped_site)
    short, loose = {}, {}
    for page in pages:
        opened = view.open(page.dest)
        opened.evaluate("document.fonts.ready")
        real = opened.evaluate(MEASURE, page.context["min_fit"])
        for name, (estimate, room) in estimates(model, page).items():
            if real[name] > estimate + .2:  # .2 mm: sub-pixel rounding
                short[f"{page.dest} {name}"] = (round(estimate, 1), round(real[name], 1))
            if estimate - real[name] > .25 * room:
                loose[f"{page.dest} {name}"] = (round(estimate, 1), round(real[name], 1))
    assert short == {} and loose == {}


def grow_until_the_budget_says_no(project, make_signs):
    """Add warning signs to the mini project's shuadan.md one at a time, keep the most that pass the budget."""
    scam = project / "content/scams/shuadan.md"
    count = 1
    while True:
        edit_front_matter(scam, lambda data: data.update(signs=make_signs(count + 1)))
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
        fit, smallest = page.get_attribute("#main", "data-fit"), float(page.get_attribute("#main", "data-min-fit"))
        assert fit != "overflow" and float(fit) >= smallest, (relative, fit)
        pages = len(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages)
        assert pages == (1 if relative.startswith("posters/") else 2)
    assert view.errors == []
