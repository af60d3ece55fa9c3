"""Ready to hand out as shipped (issue 9): true numbers, no placeholders, no editor's notes where the public sees them."""

import re

import pytest
import yaml
from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build

from fangzha.content.placeholders import Placeholder
from fangzha.context import BuildContext
from fangzha.layout.paginate import Overflow
from fangzha.pipeline import check
from fangzha.problems import StrictNotice

MINI = FIXTURES / "mini"
SUMMARY = "共发现 {} 个问题，本次没有生成任何文件（原来的网站保持不变）。"
# What must never reach a stranger: numbers nobody should dial, the seeds' placeholders, editors' remarks.
NEVER_PUBLIC = ["tel:12381", "tel:12337", "88501037", "0000-0000000", "20xx", "20XX",
                "方案没有记录这名学生遇到的是哪一种诈骗手法", "用户提供的活动方案", "原文缺少个别序号，这里不作补充",
                "本条是篇6方案中的示例号码", "本站为示例号码", "我校", "中老年朋友，需要大字、直白的提醒"]


def public_files(site):
    """Every file the public opens: pages, print kit, slides, kiosk loops, the search index."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(site.rglob("*")) if p.suffix in (".html", ".js", ".txt", ".xml", ".json")}


def text_of(site, relative):
    return (site / relative).read_text(encoding="utf-8")


def section(page, start, end):
    return page[page.index(start):page.index(end, page.index(start))]


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def set_config(project, change):
    path = project / "config.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def tips(result):
    return [line[len("提示："):] for line in result.stdout.splitlines() if line.startswith("提示：")]


# --- the shipped site, where the public sees it ---

def test_the_shipped_site_has_no_dialable_example_placeholder_or_editor_note(shipped_site):
    files = public_files(shipped_site)
    assert {"index.html", "posters/report.html", "slides/elderly-care.html", "kiosk/all.html", "assets/search-index.js"} <= set(files)
    found = {(name, phrase) for name, text in files.items() for phrase in NEVER_PUBLIC if phrase in text}
    assert found == set()
    notes = {note.message for note in check(BuildContext(ROOT)).model.editor_notes}
    assert len(notes) >= 5
    assert {(name, note) for name, text in files.items() for note in notes if note in text} == set()


def test_a_campaign_page_lists_only_the_facts_its_plan_gives(shipped_site):
    facts = {page.stem: re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page.read_text(encoding="utf-8"))
             for page in (shipped_site / "campaigns").glob("*.html") if page.stem != "index"}
    assert len(facts) == 6 and all(value.strip() for found in facts.values() for _, value in found)
    assert [name for name, _ in facts["campus-class-meeting"]] == ["主办", "对象"]  # its plan names no date or place
    assert [name for name, _ in facts["class-meeting"]] == ["主办", "时间", "地点", "对象"]


def test_only_phone_lines_get_a_tap_to_call_link(shipped_site):
    dialled = {number for text in public_files(shipped_site).values() for number in re.findall(r'href="tel:([^"]*)"', text)}
    assert dialled == {"110", "96110"}  # 12381 is an SMS service; 12321, 12337, 12377, 12315, the App are platforms


def test_12381_is_a_message_to_take_seriously_never_a_number_to_remember(shipped_site):
    poster = text_of(shipped_site, "posters/campaign-class-meeting.html")
    boxes = section(poster, '<div class="pr-numbers"', "</div>")
    assert "12381" not in boxes and '<b class="r-number">110</b>' in boxes and '<b class="r-number_name">国家反诈中心 App</b>' in boxes
    assert '<p class="r-strip-head">记住这些电话和渠道</p>' in poster  # the App is not a phone number
    assert ('<p class="r-small">12381 涉诈预警劝阻短信（只发短信，不用回拨）：收到 12381 短信要高度重视，'
            "马上停止和对方联系、停止转账；不用回复短信，拿不准时拨打 96110 或 110。</p>") in poster
    home = text_of(shipped_site, "index.html")
    row = section(home, '<span class="guide-when">收到 12381 短信</span>', "</li>")
    assert '<a class="tel" href="tel:96110">96110</a> / <a class="tel" href="tel:110">110</a>' in row
    for loop in ("kiosk/all.html", "kiosk/class-meeting.html"):
        foot = section(text_of(shipped_site, loop), '<p class="foot-numbers">', "</p>")
        assert foot == '<p class="foot-numbers"><strong>110</strong> 报警　<strong>96110</strong> 反诈咨询'
    slides = text_of(shipped_site, "slides/class-meeting.html")
    report = section(slides, "<h2 class=\"slide-heading\">遇到了，打哪个电话</h2>", "</section>")
    assert "<strong>12381</strong>" not in report and '<p class="block-label">12381 涉诈预警劝阻短信</p>' in report


def test_12337_is_a_platform(shipped_site):
    page = text_of(shipped_site, "report.html")
    assert '<dt>12337 智能化举报平台<span class="badge">平台</span></dt>' in page
    assert "12337 智能化举报平台" in text_of(shipped_site, "posters/campaign-elderly-care.html")


def test_report_page_says_what_happens_after_reporting_and_how_to_spot_a_fake(shipped_site):
    page = text_of(shipped_site, "report.html")
    after = re.findall(r"<dt>([^<：]+)[^\n]*</dt>\s*<dd>(?:(?!</dd>).)*<strong>举报以后：</strong>", page, re.S)
    assert sorted(after) == sorted(["110 报警电话", "96110 反诈预警劝阻咨询专线", "12321 举报受理中心", "12337 智能化举报平台",
                                    "国家反诈中心 App", "12377 举报中心"])
    assert "举报不等于报警：钱被骗了，还要拨打 110。" in page
    fakes = section(page, '<section aria-labelledby="fakes">', "</section>")
    assert '<h2 id="fakes">怎样识别假冒的“官方” App 和号码</h2>' in fakes
    assert "<li>真正的 12381 预警短信不含链接，也不含电话号码。自称 12381、却带着链接或电话号码的短信是假的。</li>" in fakes
    assert "出处：12381 涉诈预警劝阻短信系统启用（工业和信息化部、公安部，2021年7月14日）" in fakes
    poster = text_of(shipped_site, "posters/fakes.html")  # and in print, among the report posters
    assert '<h1 class="r-title">怎样识别假冒的“官方” App 和号码</h1>' in poster and poster.count("<li>") == 5
    assert '<a href="../posters/fakes.html"' in text_of(shipped_site, "posters/index.html")


def test_every_channel_carries_its_own_source(shipped_site):
    model = check(BuildContext(ROOT)).model
    assert all(channel["sources"] for channel in model.channels if not channel["local"])
    page = text_of(shipped_site, "report.html")
    assert "<p class=\"rule-source\">出处：打击欺诈骗保举报入口（微信公众号“政民互动”）及举报奖励（国家医疗保障局）</p>" in page
    prevention = text_of(shipped_site, "prevention.html")
    assert '<p class="rule-source">出处：防范诈骗宣传活动方案篇4，2024年5月18日</p>' in prevention


def test_home_page_statistic_has_its_date_and_figure_and_the_2025_list_stands_alone(shipped_site):
    home = text_of(shipped_site, "index.html")
    top = section(home, '<section aria-labelledby="top-title">', "</section>")
    assert "<h2 id=\"top-title\">2023 年十大高发电信网络诈骗类型</h2>" in top
    assert "公安部 2024年6月25日公布：这十类诈骗占全部案件的 88.4%，其中刷单返利诈骗的案件数和损失金额都最多。" in top
    assert top.count('<li class="card"') == 10 and "flight-refund" not in top  # 机票退改签 is on the 2025 list only
    assert "出处：公安部发布 2023 年十大高发电信网络诈骗类型（公安部，2024年6月25日）" in top
    assert "绝大多数" not in home
    later = section(home, "<h2 id=\"top-1\">2025 年防骗手册列出的高发诈骗类型</h2>", "</section>")
    assert later.count("<li>") == 10 and '<a href="scams/flight-refund.html">机票退改签</a>' in later and "<li>贷款征信</li>" in later
    assert "出处：公安部 2025 年防骗手册所列高发诈骗类型（公安部，2025年6月18日）" in later


def test_kiosk_rule_screens_carry_their_source(shipped_site):
    loop = text_of(shipped_site, "kiosk/all.html")
    screens = re.findall(r'<section class="slide slide-rules[ "].*?</section>', loop, re.S)
    assert len(screens) >= 4
    assert all("<p>出处：" in screen for screen in screens)
    assert "<p>出处：西安警方（华商报），2016年5月18日</p>" in loop
    assert "<p>出处：国家反诈中心提醒（中国建设银行 2025-03-27 仍引用）（首次发布日期未经核实）</p>" in loop


def test_seed_case_and_notes_are_told_as_the_source_tells_them(shipped_site):
    cases = text_of(shipped_site, "cases.html")
    assert "据防范诈骗宣传活动方案篇4记载：10月21日，该校经管学院一名学生被骗8000元现金" in cases
    notes = text_of(shipped_site, "slides/notes/community-telecom.html")
    assert "（方案附件2，没有随方案提供）。这里用的是以“国家反诈中心提醒”发布的十个凡是" in notes
    assert "这是专项行动要求宣传的" not in notes


def test_legal_wording_stays_as_the_source_says_it(shipped_site):
    health = text_of(shipped_site, "scams/health-products.html")
    assert "被有关部门依法依规惩处的养老服务机构和从业人员，要及时纳入本辖区联合惩戒对象名单" in health
    prepaid = text_of(shipped_site, "scams/elderly-prepaid.html")
    assert "<li>一次性收取月应缴费用的 6 倍以上</li>" in prepaid and "一次性收取老年人月应缴费用的6倍以上" in prepaid
    assert "超过每月应交费用的 6 倍" not in prepaid
    insurance = text_of(shipped_site, "scams/medical-insurance.html")
    assert "按国家医疗保障局公布的举报方法：" in insurance and "12393" not in insurance


def test_a_leaflet_cover_speaks_to_its_readers(shipped_site):
    cover = section(text_of(shipped_site, "leaflets/audience-elderly.html"), 'class="pr-region pr-part-cover', "</section>")
    assert '<p class="r-lead">保健品、养老投资、冒充公检法，看清这几种骗局，守好养老钱。</p>' in cover
    assert "需要大字" not in cover


def test_print_centre_and_kiosk_index_show_the_placeholders_left(shipped_site):
    for page in ("posters/index.html", "leaflets/index.html", "kiosk/index.html"):
        banner = section(text_of(shipped_site, page), '<section class="placeholder-banner" role="alert"', "</section>")
        assert "还有 8 处示例内容没有换掉" in banner, page
        assert "<li>config.yaml:15: contact.phone: 电话还是示例号码（全是 0），网页和印刷品上暂时不印它：请填写真实的号码。</li>" in banner
    assert "placeholder-banner" not in text_of(shipped_site, "index.html")


# --- local channels: every organisation replaces them ---

def test_the_shipped_content_builds_with_the_users_own_local_channels(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    own = [{"id": "jiedao-rexian", "name": "幸福街道反诈热线", "number": "010-66668888", "for": "街道反诈咨询。", "when": "想请街道来讲防骗课时。"}]
    set_config(project, lambda data: data.update(local_channels=own))
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert '幸福街道反诈热线：<a class="tel" href="tel:010-66668888">010-66668888</a><span class="badge">本地</span>' in text_of(site, "report.html")
    assert "<strong>010-66668888</strong> 幸福街道反诈热线" in text_of(site, "kiosk/all.html")
    prepaid = text_of(site, "scams/elderly-prepaid.html")  # it calls on the local slot local-minzheng, now not set
    assert 'href="tel:110"' in prepaid and "12337 智能化举报平台" in prepaid and "民政局" not in section(prepaid, '<ul class="calls">', "</ul>")
    set_config(project, lambda data: data.update(local_channels=[]))
    assert run_build(cwd=project).returncode == 0


def test_a_local_slot_that_is_set_shows_where_the_content_calls_on_it(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    slot = [{"id": "local-minzheng", "name": "区民政局养老诈骗举报电话", "number": "010-87654321", "for": "举报养老服务领域的诈骗线索。",
             "when": "发现养老机构收取大额预付费时。"}]
    set_config(project, lambda data: data.update(local_channels=slot))
    assert run_build(cwd=project).returncode == 0
    site = project / "site"
    calls = section(text_of(site, "scams/elderly-prepaid.html"), '<ul class="calls">', "</ul>")
    assert '<a class="tel" href="tel:010-87654321">010-87654321</a></span> <span class="call-name">区民政局养老诈骗举报电话</span>' in calls
    assert "010-87654321" in text_of(site, "posters/campaign-elderly-care.html")


def test_content_needs_a_channel_besides_local_slots(project):
    edit_front_matter(project / "content/scams/shuadan.md", lambda data: data.update(call=["local-test"]))
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    line = next(n for n, text in enumerate((project / "content/scams/shuadan.md").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("call:"))
    assert result.stderr.splitlines() == [
        f"content/scams/shuadan.md:{line}: call: 只写了本地渠道（local-test）。本地渠道由各单位在 config.yaml 的 local_channels "
        "里设置，可能没有；请再写一个全国性的渠道，例如 \"110\"。", SUMMARY.format(1)]


# --- placeholders: one warning each, an error with --strict, a banner while they remain ---

def with_placeholders(project):
    """The mini project with one placeholder of every kind the build looks for."""
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8")
                      .replace("organisation: 测试社区", "organisation: 示例社区居委会")
                      .replace('  phone: "010-0000000"', '  phone: "0000-0000000"\n  address: 示例路 1 号')
                      .replace("    name: 测试本地电话", "    name: 测试本地电话（示例）"), encoding="utf-8")
    campaign = project / "content/campaigns/class-meeting.md"
    campaign.write_text(campaign.read_text(encoding="utf-8")
                        .replace("date_text: 2026.9.25", "date_text: 20xx.9.25")
                        .replace("organiser: 测试班", "organiser: x民族师范学院校团委")
                        .replace("    minutes: 5\n", "    minutes: 5\n    notes: 在xx市网站发布活动方案。\n"), encoding="utf-8")
    case = project / "content/cases/case-one.md"
    case.write_text(case.read_text(encoding="utf-8").replace("一名学生被骗 8000 元现金。", "x学生被骗 8000 元现金。"), encoding="utf-8")


PLACEHOLDERS = [
    "config.yaml:2: organisation: 「示例社区居委会」还标着“示例”：请换成真实的单位名称，再删掉“示例”二字。",
    "config.yaml:7: contact.phone: 电话还是示例号码（全是 0），网页和印刷品上暂时不印它：请填写真实的号码。",
    "config.yaml:8: contact.address: 「示例路 1 号」还标着“示例”：请换成真实的地址，再删掉“示例”二字。",
    "config.yaml:11: local_channels[1].name: 「测试本地电话（示例）」还标着“示例”，这个本地渠道暂时不放到网页、印刷品和大屏上："
    "请换成本地真实的名称和号码，再删掉“示例”二字。",
    "content/campaigns/class-meeting.md:7: organiser: 「x民族师范学院校团委」里的“x”是隐去的名称：请写上真实的名称（学校、城市等）。",
    "content/campaigns/class-meeting.md:8: date_text: 「20xx.9.25」里的年份还写着“20xx”：请写上实际的年份（例如 2026）。",
    "content/campaigns/class-meeting.md:17: agenda[1].notes: 「在xx市网站发布活动方案。」里的“xx”是隐去的名称：请写上真实的名称（学校、城市等）。",
    "content/cases/case-one.md:10: 正文: 「x学生被骗 8000 元现金。」里的“x”是隐去的名称：请写上真实的名称（学校、城市等）。",
]


def test_each_placeholder_is_one_warning_and_example_numbers_are_never_printed(project):
    with_placeholders(project)
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert [t for t in tips(result) if "slides/" not in t] == PLACEHOLDERS
    site = project / "site"
    files = public_files(site)
    assert {name for name, text in files.items() if "0000-0000000" in text or "12345678" in text} == set()
    assert "测试本地电话" not in text_of(site, "report.html")
    for page in ("posters/index.html", "leaflets/index.html", "kiosk/index.html"):
        banner = section(text_of(site, page), '<section class="placeholder-banner" role="alert"', "</section>")
        assert re.findall(r"<li>(.*?)</li>", banner) == PLACEHOLDERS, page


def test_strict_fails_for_every_placeholder_and_keeps_the_last_good_site(project):
    assert run_build(cwd=project).returncode == 0
    before = text_of(project / "site", "index.html")
    with_placeholders(project)
    result = run_build("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == PLACEHOLDERS + [SUMMARY.format(len(PLACEHOLDERS))]
    assert text_of(project / "site", "index.html") == before


def test_strict_reports_placeholders_and_text_that_does_not_fit_together(project):
    with_placeholders(project)
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("explanation: 凡是刷单，都是诈骗。", "explanation: " + "骗子会反复要求你先垫付一笔钱。" * 80), encoding="utf-8")
    result = run_build("build", "--strict", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line for line in lines if line in PLACEHOLDERS] == PLACEHOLDERS
    assert any("slides/class-meeting.html 第 " in line and "文字太多，放不下" in line for line in lines)
    assert lines[-1] == SUMMARY.format(len(lines) - 1)


def test_strict_notices_are_one_kind():
    assert issubclass(Overflow, StrictNotice) and issubclass(Placeholder, StrictNotice)


def test_a_project_without_placeholders_or_overflow_passes_strict(project):
    result = run_build("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr  # slides without teacher notes are plain warnings


# --- editor's notes: for editors only ---

def test_editor_notes_are_shown_by_check_and_never_printed(project):
    source_note = "这条出处是测试者口头提供的。"
    edit_front_matter(project / "content/scams/shuadan.md", lambda data: data["sources"][0].update(editor_note=source_note))
    result = run_build("check", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("编辑备注（只给编辑看，网页、印刷品、课件和大屏上都没有）：")
    assert re.fullmatch(r"  content/scams/shuadan\.md:\d+: sources\[1\]\.editor_note: 这条出处是测试者口头提供的。", lines[start + 1])
    assert lines[start + 2:] == ["  content/campaigns/class-meeting.md:19: editor_note: 测试用的编辑备注，不会印出来。",
                                 "检查通过：2 种诈骗类型，1 份凡是规则，1 个活动，没有发现问题。"]
    build = run_build(cwd=project)
    assert build.returncode == 0 and "编辑备注" not in build.stdout
    files = public_files(project / "site")
    assert {name for name, text in files.items() if source_note in text or "测试用的编辑备注" in text} == set()


# --- the letter and pledge sheet are signed by the campaign ---

def test_letter_and_pledge_are_signed_by_the_campaign_not_the_community_office(project):
    def sign(data):
        data["signed_by"] = {"school": "阳光中学", "class": "高一（3）班", "teacher": "王老师", "phone": "010-12345678",
                             "date": "2026-12-01"}
        data["letter_to_parents"] = True
        data["pledge"] = {"title": "防范诈骗承诺书", "text": "我承诺不转账给陌生人。", "rows": 10}
    edit_front_matter(project / "content/campaigns/class-meeting.md", sign)
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    letter = text_of(project / "site", "posters/letter-class-meeting.html")
    assert "为了提高孩子的防骗意识，阳光中学高一（3）班于2026.9.25在s1103开展“防范诈骗主题班会”" in letter
    assert "有任何疑问，请联系王老师（电话 010-12345678）。" in letter
    sign_off = section(letter, '<div class="pr-signoff">', '<div class="pr-cut">')
    assert re.findall(r'<p class="r-body">(.*?)</p>', sign_off) == ["阳光中学高一（3）班", "班主任：王老师", "电话：010-12345678", "2026年12月1日"]
    assert "测试社区" not in sign_off and "请联系测试居委会" not in letter  # config.yaml's office only in the footer
    pledge = text_of(project / "site", "posters/pledge-class-meeting.html")
    assert '<p class="r-org">阳光中学高一（3）班 · 负责老师 王老师 · 电话 010-12345678 · 防范诈骗主题班会</p>' in pledge
