"""The print kit as built: which documents exist, what they say, and the mistakes users can make."""

import re

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build

from fangzha.outputs.printkit.kit import leaflet_item, split_evenly

MINI = FIXTURES / "mini"
MINI_PRINT = {
    "posters/index.html", "posters/campaign-class-meeting.html", "posters/report.html", "posters/rules-ten.html",
    "posters/scam-fake-police.html", "posters/scam-shuadan.html",
    "leaflets/index.html", "leaflets/audience-elderly.html", "leaflets/audience-students.html",
    "leaflets/campaign-class-meeting.html",
}


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def built(project, *args):
    result = run_build(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def html(site, relative):
    return (site / relative).read_text(encoding="utf-8")


def words(markup):
    """The text of a page as it reads (tags gone, spaces collapsed): what the reader sees."""
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def region(markup, role):
    """The markup of one region of a printed item (pr-part-<role>), up to the next region."""
    start = markup.index(f'class="pr-region pr-part-{role}')
    end = markup.find('class="pr-region ', start + 1)
    return markup[start:end if end > 0 else len(markup)]


def printable_pages(site):
    return [p for folder in ("posters", "leaflets") for p in sorted((site / folder).glob("*.html")) if p.name != "index.html"]


def test_mini_project_has_exactly_its_print_kit(project):
    site = built(project)
    made = {p.relative_to(site).as_posix() for p in site.glob("posters/*.html")} | \
           {p.relative_to(site).as_posix() for p in site.glob("leaflets/*.html")}
    assert made == MINI_PRINT


def test_campaign_page_lists_its_print_kit(project):
    page = html(built(project), "campaigns/class-meeting.html")
    kit = page[page.index('<h2 id="kit">'):page.index("</section>", page.index('<h2 id="kit">'))]
    assert '<a href="../posters/campaign-class-meeting.html">宣传海报</a>' in kit
    assert '<a href="../leaflets/campaign-class-meeting.html">三折页</a>' in kit


def test_pledge_and_letter_only_when_the_campaign_asks(project):
    def add(data):
        data["pledge"] = {"title": "我的承诺", "text": "我承诺不转账给陌生人。", "rows": 7}
        data["letter_to_parents"] = True
    edit_front_matter(project / "content/campaigns/class-meeting.md", add)
    site = built(project)
    pledge = html(site, "posters/pledge-class-meeting.html")
    assert '<h1 class="r-title">我的承诺</h1>' in pledge and "我承诺不转账给陌生人。" in pledge
    assert len(re.findall(r"<tr><td>\d+</td>", pledge)) == 7
    assert '<svg role="img" aria-label="二维码：https://example.org/fz/campaigns/class-meeting.html"' in pledge
    letter = html(site, "posters/letter-class-meeting.html")
    assert '<h1 class="r-title">致家长的一封信</h1>' in letter
    assert "测试班于2026.9.25在s1103开展“防范诈骗主题班会”，主题是“勿轻信、不误传”" in letter
    assert "回　执" in letter and "家长签名" in letter
    kit = html(site, "campaigns/class-meeting.html")
    assert '<a href="../posters/pledge-class-meeting.html">承诺书</a>' in kit
    assert '<a href="../posters/letter-class-meeting.html">告家长书</a>' in kit


def test_shipped_letter_warns_parents_what_to_do_and_whom_to_call(shipped_site):
    """篇4 method 11: someone posing as a teacher calls the family: "your child is in hospital"."""
    letter = html(shipped_site, "posters/letter-class-meeting.html")
    assert ("<li><strong>盗取学生信息行骗：</strong> 骗子拿到学生信息后，冒充老师、同学联系家长，谎称孩子出事急需用钱。"
            "怎么办：先挂断，直接打孩子本人和班主任的电话核实。</li>") in letter
    assert "叮嘱孩子记住“三不一多”：未知链接不点击，陌生来电不轻信，个人信息不透露，转账汇款多核实。" in letter
    assert "记住两个电话：钱已经转出，立即拨打 110；拿不准是不是诈骗，拨打 96110 咨询。" in letter
    assert "有任何疑问，请联系班主任。" in letter  # no teacher or phone given: nobody else's number
    sign_off = letter[letter.index('<div class="pr-signoff">'):letter.index('<div class="pr-cut">')]
    assert '<p class="pr-stamp" aria-hidden="true">（盖章）</p>' in sign_off
    assert '<p class="r-body">17电本国际1班</p>' in sign_off  # the campaign's organiser signs it (signed_by.class)
    assert '<p class="r-body">班主任：<span class="pr-blank"></span></p>' in sign_off  # to write in
    assert '<p class="r-body">电话：<span class="pr-blank"></span></p>' in sign_off
    assert '<p class="r-body">年　　月　　日<span class="pr-blank"></span></p>' in sign_off  # the date line
    assert "居民委员会" not in sign_off and "社区居委会" not in letter  # not config.yaml's community office
    slip = letter[letter.index('<div class="pr-cut">'):]
    assert "（请沿虚线剪下回执，由孩子交回班主任）" in slip and '<h2 class="r-h2">回　执</h2>' in slip
    assert "学生姓名" in slip and "家长签名" in slip
    assert "出处：防范诈骗宣传活动方案篇1" in letter


def test_every_printed_item_carries_the_local_details_review_date_and_sources(shipped_site):
    """config.yaml's organisation, contact and police station on every item; the campaign's organiser on its items."""
    local = ["示例社区居民委员会", "示例街道 1 号", "辖区派出所 110"]
    for page in printable_pages(shipped_site):
        text = page.read_text(encoding="utf-8")
        assert "内容最近审核：" in text and 'src="../assets/print.js"' in text, page
        assert all(words in text for words in local), page
        assert "0000-0000000" not in text, page  # the shipped example phone is never printed
        assert re.search(r"(出处|资料来源)：\S", text), page
    campaign = re.compile(r"(?:campaign|pledge|letter)-(.+)\.html")
    organisers = {}
    for path in sorted((ROOT / "content/campaigns").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        organiser = re.search(r"^organiser: (.+)$", front, re.M)
        organisers[path.stem] = organiser[1] if organiser else "示例社区居民委员会"
    for page in printable_pages(shipped_site):
        found = campaign.fullmatch(page.name)
        if found:
            assert organisers[found[1]] in page.read_text(encoding="utf-8"), page


def test_pledge_sheet_has_its_theme_text_and_rows_to_sign_in(shipped_site):
    pledge = html(shipped_site, "posters/pledge-parttime-pledge.html")
    assert '<p class="r-theme">主题：勿轻信、不误传、同努力、抵虚假</p>' in pledge
    assert '<table class="pr-sign" style="--row: 7mm">' in pledge  # 20 rows share the page
    assert "出处：防范诈骗宣传活动方案篇3" in pledge
    assert '<table class="pr-sign" style="--row: 11.7mm">' in html(shipped_site, "posters/pledge-class-meeting.html")  # 12 rows


def test_qr_code_points_at_the_web_page_only_with_base_url(project):
    site = built(project)
    poster = html(site, "posters/scam-shuadan.html")
    assert '<svg role="img" aria-label="二维码：https://example.org/fz/scams/shuadan.html"' in poster
    assert "二维码：https://example.org/fz/campaigns/class-meeting.html" in html(site, "leaflets/campaign-class-meeting.html")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('base_url: "https://example.org/fz/"', 'base_url: ""'), encoding="utf-8")
    site = built(project)
    assert 'class="qr"' not in html(site, "posters/scam-shuadan.html") and "二维码" not in html(site, "posters/scam-shuadan.html")


def test_large_type_for_large_type_audiences(shipped_site):
    def type_pt(relative):
        return float(re.search(r"--type-pt: ([\d.]+)", html(shipped_site, relative))[1])
    assert type_pt("leaflets/audience-elderly.html") > type_pt("leaflets/audience-students.html")
    assert type_pt("leaflets/campaign-elderly-care.html") > type_pt("leaflets/campaign-class-meeting.html")
    assert type_pt("posters/scam-elderly-bed.html") > type_pt("posters/scam-shuadan.html")


def test_leaflet_explains_six_scams_and_names_the_rest(shipped_site):
    leaflet = html(shipped_site, "leaflets/campaign-class-meeting.html")
    assert leaflet.count('<div class="pr-title pr-title-small">') == 6
    named = leaflet[leaflet.index('<p class="r-h2">还要当心</p>'):]
    named = named[:named.index("</ul>")]
    assert named.count('<li class="r-chip">') == 6  # the campaign covers 12 scams
    assert '<p class="r-h2">新十个凡是</p>' in leaflet and '<p class="r-h2">三不一多</p>' in leaflet
    assert '<p class="r-h2">自测一下</p>' in leaflet  # a self-test from the scams' quiz, answers under it


def test_leaflet_without_rules_gives_what_to_do_on_the_flap(shipped_site):
    leaflet = html(shipped_site, "leaflets/campaign-medical-insurance-week.html")
    flap = region(leaflet, "flap")
    assert '<p class="r-h2">遇到了怎么办</p>' in flap
    assert "<li>医保卡只限本人使用，不出借、不出租、不出售</li>" in flap
    assert "怎么办：" not in leaflet  # the flap says it already


def test_print_centre_previews_every_document_with_a_print_button(shipped_site):
    for folder, headings in (("posters", ["活动海报", "凡是规则", "举报求助", "诈骗手法", "承诺书", "告家长书"]),
                             ("leaflets", ["按人群", "按活动"])):
        index = html(shipped_site, f"{folder}/index.html")
        for heading in headings:
            assert f">{heading}</h2>" in index
        items = sorted(p.name for p in (shipped_site / folder).glob("*.html") if p.name != "index.html")
        previews = sorted(re.findall(rf'<iframe src="\.\./{folder}/([^"]+)" title="预览：[^"]+" loading="lazy" inert>', index))
        printing = sorted(re.findall(rf'<a class="pr-print-link" href="\.\./{folder}/([^"?]+)\?print" aria-label="打印：[^"]+">打印</a>', index))
        mono = sorted(re.findall(rf'href="\.\./{folder}/([^"?]+)\?mono&amp;print" aria-label="打印黑白版：', index))
        assert previews == items and printing == items and mono == items
        assert "PDF" not in index  # only `build.py pdf` makes PDF files to link


def test_print_centre_says_how_to_print(shipped_site):
    posters = html(shipped_site, "posters/index.html")
    assert "在打印窗口里选：A4 纸，纵向，单面，边距“无”，缩放 100%（不要选“适合页面大小”）。" in posters
    leaflets = html(shipped_site, "leaflets/index.html")
    assert "在打印窗口里选：A4 纸，横向，双面打印，翻转短边（有的打印机叫“短边装订”），边距“无”，缩放 100%（不要选“适合页面大小”）。" in leaflets
    assert "沿虚线先把右边较窄的一折向左折进去" in leaflets
    for page in (posters, leaflets):
        assert "用黑白打印机时，点“黑白版”再打印" in page


def test_too_many_signature_rows_is_a_content_problem(project):
    edit_front_matter(project / "content/campaigns/class-meeting.md",
                      lambda data: data.update(pledge={"title": "承诺书", "text": "我承诺。", "rows": 30}))
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert re.search(r"content/campaigns/class-meeting\.md:\d+: pledge\.rows: 最多 20（签名行数：一张 A4 纸最多 20 行，人多请多印几份），现在是 30。", result.stderr), result.stderr


def test_rule_file_name_must_be_usable_as_a_file_name(project):
    (project / "content/rules/ten.yaml").rename(project / "content/rules/十个凡是.yaml")
    for path in (project / "content").rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace('"ten:1"', '"十个凡是:1"').replace("rules: [ten]", "rules: [十个凡是]"), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert ("content/rules/十个凡是.yaml:1: 文件名「十个凡是」不能用作网页文件名：只能用小写英文字母、数字和连字符 -（例如 shua-dan），"
            "因为它会成为网页的文件名。 请改文件名，引用它的地方（如 rules: [...]）也要一起改。") in result.stderr


def test_split_evenly_keeps_order_and_balances():
    blocks = [{"weight": w} for w in (50, 10, 10, 30, 20, 40)]
    runs = split_evenly(blocks, 3)
    assert [b for run in runs for b in run] == blocks
    assert max(sum(b["weight"] for b in run) for run in runs) == 60  # the best any three runs can do
    assert split_evenly([], 3) == [[], [], []]
    assert split_evenly(blocks[:1], 3) == [blocks[:1], [], []]


def test_a_leaflet_for_many_scams_names_twelve_and_counts_the_rest():
    class Model:
        guide, channels_reviewed = [], None
    scams = [{"title": f"骗局{n}", "summary": "一句话", "signs": ["信号"], "steps": ["步骤"], "file": f"content/scams/s{n}.md",
              "sources": [], "quiz": [], "reviewed": None} for n in range(5000)]
    parts = leaflet_item(Model(), scams, [], [], None, "防骗提醒", "", "", "content/audiences.yaml", "users")
    blocks = [b for run in parts["inside"] for b in run]
    assert [b["kind"] for b in blocks] == ["scam"] * 6 + ["named"]
    assert len(blocks[-1]["scams"]) == 12 and blocks[-1]["more"] == 5000 - 18
    assert len(parts["tips"]) == 1  # the same first step, said once


def test_report_card_and_page_cite_their_sources(shipped_site):
    """Every channel carries its own source on the report page; the printed card names, in one line,
    who publishes the channels it lists."""
    page = html(shipped_site, "report.html")
    assert '<p class="rule-source">出处：12381 涉诈预警劝阻短信系统启用（工业和信息化部、公安部，2021年7月14日）</p>' in page
    assert '<p class="rule-source">出处：110 报警与紧急止付（公安机关）</p>' in page
    assert page.count('<p class="rule-source">出处：') == 10  # nine channels and the fake-number list
    poster = html(shipped_site, "posters/report.html")
    assert ("出处：公安机关、公安部国家反诈中心、网络不良与垃圾信息举报受理中心、国家互联网信息办公室、中央政法委、"
            "国家医疗保障局发布的渠道说明") in words(poster)
