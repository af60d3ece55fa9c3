"""The print kit as built: which documents exist, what they say, and the mistakes users can make."""

import re

import pytest

from conftest import FIXTURES, copy_project, edit_front_matter, run_build
from fangzha.outputs.printkit import leaflet_parts, split_evenly

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
    assert "<h1>我的承诺</h1>" in pledge and "我承诺不转账给陌生人。" in pledge
    assert len(re.findall(r"<tr><td>\d+</td>", pledge)) == 7
    letter = html(site, "posters/letter-class-meeting.html")
    assert "<h1>致家长的一封信</h1>" in letter
    assert "测试班于20xx.9.25在s1103开展“防范诈骗主题班会”，主题是“勿轻信、不误传”" in letter
    assert "回　执" in letter and "家长签名" in letter
    kit = html(site, "campaigns/class-meeting.html")
    assert '<a href="../posters/pledge-class-meeting.html">承诺书</a>' in kit
    assert '<a href="../posters/letter-class-meeting.html">告家长书</a>' in kit


def test_shipped_letter_lists_the_scams_parents_face(shipped_site):
    letter = html(shipped_site, "posters/letter-class-meeting.html")
    assert "<strong>盗取学生信息行骗</strong>：骗子拿到学生信息后，冒充老师、同学联系家长，谎称孩子出事急需用钱。" in letter
    assert "叮嘱孩子记住“三不一多”：未知链接不点击，陌生来电不轻信，个人信息不透露，转账汇款多核实。" in letter


def test_every_printable_page_shows_organisation_and_review_date(shipped_site):
    for page in sorted(shipped_site.glob("posters/*.html")) + sorted(shipped_site.glob("leaflets/*.html")):
        text = page.read_text(encoding="utf-8")
        assert "内容最近审核：" in text, page
        if page.name != "index.html":
            assert "示例社区居民委员会" in text, page
            assert 'src="../assets/print.js"' in text, page


def test_qr_code_points_at_the_web_page_only_with_base_url(project):
    site = built(project)
    poster = html(site, "posters/scam-shuadan.html")
    assert '<svg role="img" aria-label="二维码：https://example.org/fz/scams/shuadan.html"' in poster
    assert "二维码：https://example.org/fz/campaigns/class-meeting.html" in html(site, "leaflets/campaign-class-meeting.html")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('base_url: "https://example.org/fz/"', 'base_url: ""'), encoding="utf-8")
    site = built(project)
    assert "<svg" not in html(site, "posters/scam-shuadan.html")


def test_large_type_for_large_type_audiences(shipped_site):
    def type_pt(relative):
        return float(re.search(r"--type-pt: ([\d.]+)", html(shipped_site, relative))[1])
    assert type_pt("leaflets/audience-elderly.html") > type_pt("leaflets/audience-students.html")
    assert type_pt("leaflets/campaign-elderly-care.html") > type_pt("leaflets/campaign-class-meeting.html")
    assert type_pt("posters/scam-elderly-bed.html") > type_pt("posters/scam-shuadan.html")


def test_leaflet_explains_six_scams_and_names_the_rest(shipped_site):
    leaflet = html(shipped_site, "leaflets/campaign-class-meeting.html")
    assert leaflet.count('<div class="pr-scam">') == 6
    named = leaflet[leaflet.index("<h2>还要当心</h2>"):]
    assert named.count("<li>") == 6  # the campaign covers 12 scams
    assert "<h2>新十个凡是</h2>" in leaflet and "<h2>三不一多</h2>" in leaflet


def test_leaflet_without_rules_gives_what_to_do_on_the_flap(shipped_site):
    leaflet = html(shipped_site, "leaflets/campaign-medical-insurance-week.html")
    flap = leaflet[leaflet.index('class="pr-panel pr-w97 pr-flap"'):leaflet.index('class="pr-panel pr-w100 pr-back"')]
    assert "<h2>遇到了怎么办</h2>" in flap
    assert "<li>医保卡只限本人使用，不出借、不出租、不出售</li>" in flap
    assert "<b>怎么办：</b>" not in leaflet  # the flap says it already


def test_print_index_pages_group_every_document(shipped_site):
    posters = html(shipped_site, "posters/index.html")
    for heading in ["活动海报", "凡是规则", "举报求助", "诈骗手法", "承诺书", "告家长书"]:
        assert f">{heading}</h2>" in posters
    assert posters.count('<li><a href="../posters/') == len(list(shipped_site.glob("posters/*.html"))) - 1
    leaflets = html(shipped_site, "leaflets/index.html")
    assert leaflets.count('<li><a href="../leaflets/') == len(list(shipped_site.glob("leaflets/*.html"))) - 1
    assert "PDF" not in posters  # only `build.py pdf` makes PDF files to link


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
    scams = [{"title": f"骗局{n}", "summary": "一句话", "signs": ["信号"], "steps": ["步骤"], "file": f"content/scams/s{n}.md",
              "sources": []} for n in range(5000)]
    parts = leaflet_parts(scams, [], [], [])
    blocks = [b for run in parts["inside"] for b in run["blocks"]]
    assert [b["kind"] for b in blocks] == ["scam"] * 6 + ["named"]
    assert len(blocks[-1]["scams"]) == 12 and blocks[-1]["more"] == 5000 - 18
    assert len(parts["tips"]) == 1  # the same first step, said once
