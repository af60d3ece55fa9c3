"""Kiosk loops in a real browser with a fake clock: timing, windows, reload over HTTP, memory, no overflow."""

import datetime
import functools
import http.server
import io
import re
import threading

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, run_build
from PIL import Image, ImageChops
from playwright.sync_api import expect

from fangzha.context import BuildContext
from fangzha.layout.canvas import KIOSK_LANDSCAPE, KIOSK_PORTRAIT
from fangzha.pipeline import build
from fangzha.serve import Preview

MINI = FIXTURES / "mini"
TODAY = datetime.date(2026, 11, 27)
PLAYLIST = """title: 测试大厅
description: 测试用的大厅屏幕
items:
  - scam: shuadan
    seconds: 10
  - report: true
    seconds: 20
  - rules: ten
    seconds: 5
  - campaign: class-meeting
    seconds: 8
    from: 2026-12-01
    until: 2026-12-31
  - scam: fake-police
    seconds: 6
    hours: "08:00-12:00"
"""
KIOSK_CONFIG = """kiosk:
  seconds: 12
  night: "22:00-06:00"
  shift_minutes: 3
  check_minutes: 5
"""


@pytest.fixture
def project(tmp_path):
    project = copy_project(MINI, tmp_path / "project")
    (project / "content/playlists").mkdir()
    (project / "content/playlists/hall.yaml").write_text(PLAYLIST, encoding="utf-8")
    with open(project / "config.yaml", "a", encoding="utf-8") as config:
        config.write(KIOSK_CONFIG)
    return project


def build_at(project, output, day=TODAY):
    """Build in-process on a fixed day, so review dates do not depend on when the tests run."""
    return build(BuildContext(project, today=day), output)


@pytest.fixture
def site(project, tmp_path):
    out = tmp_path / "www" / "site"
    build_at(project, out)
    return out


def clocked(view, relative, when):
    """Open a loop with the page's clock frozen at `when` (advanced only by the test)."""
    view.page.clock.install(time=when - datetime.timedelta(seconds=1))
    view.page.clock.pause_at(when)
    return view.open(relative)


def current(page):
    """What the screen shows: (kind, heading or big text)."""
    return tuple(page.evaluate("""() => {
        const s = document.querySelector('.slide.is-current');
        const kind = [...s.classList].find(c => c.startsWith('slide-')).slice(6);
        const head = s.querySelector('.slide-heading, .hero-text');
        return [kind, head ? head.textContent : ''];
    }"""))


def test_items_advance_with_their_durations_and_loop(site, watched):
    view = watched(site, viewport={"width": 1920, "height": 1080})
    page = clocked(view, "kiosk/hall.html", datetime.datetime(2026, 11, 27, 10, 0))
    # after a scam its line to remember, after the 凡是 list the two numbers (never longer than the item itself)
    expected = [(("scam", "刷单返利诈骗"), 10), (("remember", "凡是刷单，都是诈骗！"), 8), (("report", "该打哪个电话"), 20),
                (("rules", "新十个凡是"), 5), (("calls", ""), 5), (("scam", "冒充公检法诈骗"), 6), (("remember", "挂断电话，打 110 核实"), 6)]
    for _ in range(2):  # twice round: it loops
        for shown, seconds in expected:
            assert current(page) == shown
            page.clock.run_for(seconds * 1000 - 100)
            assert current(page) == shown  # not a moment early
            page.clock.run_for(100)
    assert current(page) == expected[0][0]
    assert page.locator(".slide.is-current").count() == 1
    assert view.errors == [] and view.outside == []


def test_date_window_and_daily_window(site, watched):
    view = watched(site, viewport={"width": 1920, "height": 1080})
    page = clocked(view, "kiosk/hall.html", datetime.datetime(2026, 12, 5, 13, 0))
    seen = []
    for _ in range(8):
        seen.append(current(page))
        page.clock.run_for(page.evaluate("+document.querySelector('.slide.is-current').dataset.seconds") * 1000)
    # in December the campaign card joins; after noon the 08:00-12:00 item (and its line to remember) stays away
    assert seen == [("scam", "刷单返利诈骗"), ("remember", "凡是刷单，都是诈骗！"), ("report", "该打哪个电话"), ("rules", "新十个凡是"),
                    ("calls", ""), ("slogan", "勿轻信、不误传"), ("scam", "刷单返利诈骗"), ("remember", "凡是刷单，都是诈骗！")]
    assert view.errors == []


def test_nothing_in_its_window_shows_the_standing_card(tmp_path, project, watched):
    (project / "content/playlists/hall.yaml").write_text(
        "title: 只在上午\nitems:\n  - scam: shuadan\n    hours: \"08:00-09:00\"\n", encoding="utf-8")
    out = tmp_path / "out"
    build_at(project, out)
    view = watched(out)
    page = clocked(view, "kiosk/hall.html", datetime.datetime(2026, 11, 27, 15, 0))
    assert current(page) == ("fallback", "防范诈骗")
    assert "110" in page.locator(".slide.is-current").inner_text()
    page.clock.set_system_time(datetime.datetime(2027, 11, 28, 8, 30))
    page.clock.run_for(60_000)
    assert current(page) == ("fallback", "防范诈骗")  # past its review date, the loop drops it by itself
    page.clock.set_system_time(datetime.datetime(2026, 11, 28, 8, 30))
    page.clock.run_for(60_000)
    assert current(page) == ("scam", "刷单返利诈骗")


def test_items_past_review_drop_out_and_the_build_says_so(project, tmp_path):
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("reviewed: 2026-11-01", "reviewed: 2020-01-01"), encoding="utf-8")
    built = build_at(project, tmp_path / "out")
    assert [str(w) for w in built.warnings if "大屏" in str(w)] == [  # build.py prints each as 提示：…
        "content/scams/shuadan.md: reviewed: 已过下次审核日期（2021-01-01），已从大屏轮播中去掉"
        "（kiosk/all.html、kiosk/class-meeting.html、kiosk/hall.html）。请重新审核内容，再更新 reviewed 日期。"]
    loop = (tmp_path / "out/kiosk/hall.html").read_text(encoding="utf-8")
    assert "刷单返利诈骗" not in loop and "冒充公检法诈骗" in loop


def test_fresh_items_carry_their_review_date_as_last_day(site):
    loop = (site / "kiosk/hall.html").read_text(encoding="utf-8")
    assert 'data-seconds="10" data-until="2027-11-01"' in loop  # shuadan reviewed 2026-11-01, 12 months
    assert 'data-from="2026-12-01" data-until="2026-12-31"' in loop  # its own window ends first
    assert 'data-hours="08:00-12:00"' in loop


def test_index_lists_default_campaign_and_own_loops(site):
    index = (site / "kiosk/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', index.split("<main", 1)[1])
    assert links[:3] == ["all.html", "class-meeting.html", "hall.html"]
    assert "测试用的大厅屏幕" in index
    campaign = (site / "campaigns/class-meeting.html").read_text(encoding="utf-8")
    assert 'href="../kiosk/class-meeting.html">大屏轮播</a>' in campaign


def test_the_index_names_a_campaign_loop_s_place_only_where_its_plan_gives_one(shipped_site):
    index = (shipped_site / "kiosk/index.html").read_text(encoding="utf-8")
    assert "<p>主题班会</p>" in index  # campus-class-meeting: its plan names no place
    assert "<p>主题班会：s1103</p>" in index and "：</p>" not in index


def test_version_file_is_a_content_hash(project, tmp_path):
    build_at(project, tmp_path / "a")
    build_at(project, tmp_path / "b")
    first = (tmp_path / "a/kiosk/version.txt").read_text()
    assert re.fullmatch(r"[0-9a-f]{16}\n", first)
    assert first == (tmp_path / "b/kiosk/version.txt").read_text()
    assert f'data-version="{first.strip()}"' in (tmp_path / "a/kiosk/all.html").read_text(encoding="utf-8")
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("title: 刷单返利诈骗", "title: 刷单返利"), encoding="utf-8")
    build_at(project, tmp_path / "c")
    assert (tmp_path / "c/kiosk/version.txt").read_text() != first


@pytest.fixture
def server(site):
    """The folder above site/ served over HTTP on 127.0.0.1 and a free port."""
    handler = functools.partial(QuietHandler, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state = {"httpd": httpd, "url": f"http://127.0.0.1:{httpd.server_address[1]}/site/"}
    yield state
    if state["httpd"]:
        httpd.shutdown()
        httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def navigations(page):
    seen = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and seen.append(frame.url))
    return seen


def next_version(project, site, title):
    """A new build of the site, with a new scam title; returns its version."""
    scam = project / "content/scams/shuadan.md"
    text = scam.read_text(encoding="utf-8")
    scam.write_text(re.sub(r"title: .*", f"title: {title}", text, count=1), encoding="utf-8")
    build_at(project, site)
    return (site / "kiosk/version.txt").read_text().strip()


def check_now(page):
    """Run one version check to its end (the clock is fake; the network is real)."""
    page.evaluate("FangzhaDeck.checkVersion()")
    page.wait_for_timeout(800)


def test_a_new_complete_build_takes_over_only_once_it_plays(project, site, server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.clock.install(time=datetime.datetime(2026, 11, 27, 10, 0))
    page.goto(server["url"] + "kiosk/hall.html")
    old = page.locator(".deck").get_attribute("data-version")
    moved = navigations(page)
    # A version file ahead of its pages (a half-copied upload): nothing changes.
    (site / "kiosk/version.txt").write_text("0123456789abcdef\n")
    with page.expect_response(lambda response: "kiosk/hall.html?t=" in response.url):
        page.clock.run_for(5 * 60_000)
    page.wait_for_timeout(500)
    assert page.locator("iframe").count() == 0 and page.evaluate("FangzhaDeck.version") == old
    # A page that already names the new version but arrived only in part: still nothing changes.
    new = next_version(project, site, "刷单返利（新版）")
    whole = (site / "kiosk/hall.html").read_bytes()
    (site / "kiosk/hall.html").write_bytes(whole[: len(whole) // 2])
    check_now(page)
    assert page.locator("iframe").count() == 0 and page.evaluate("FangzhaDeck.version") == old
    # The whole page: it is opened over the old loop and takes the screen once it has started.
    (site / "kiosk/hall.html").write_bytes(whole)
    check_now(page)
    page.wait_for_function(f"() => FangzhaDeck.version === {new!r}")
    frame = page.frame_locator("iframe.kiosk-frame")
    assert frame.locator(".deck").get_attribute("data-version") == new
    assert "刷单返利（新版）" in frame.locator(".deck-stage").inner_text()
    assert page.locator(".deck").is_hidden() and moved == []
    # The next version replaces that frame; the page itself never navigates.
    newer = next_version(project, site, "刷单返利（第三版）")
    check_now(page)
    page.wait_for_function(f"() => FangzhaDeck.version === {newer!r}")
    assert page.locator("iframe").count() == 1 and moved == []
    page.close()


def test_an_update_that_fails_to_open_leaves_the_old_loop_playing(project, site, server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.clock.install(time=datetime.datetime(2026, 11, 27, 10, 0))
    page.goto(server["url"] + "kiosk/hall.html")
    old = page.locator(".deck").get_attribute("data-version")
    moved = navigations(page)
    next_version(project, site, "刷单返利（新版）")
    page.route("**/kiosk/hall.html?v=*", lambda route: route.fulfill(status=500, body="server error"))
    check_now(page)
    assert page.locator("iframe.kiosk-next").count() == 1  # being tried out, invisibly
    shown = page.evaluate("FangzhaDeck.shown")
    page.clock.run_for(61_000)  # it never starts: given up
    page.wait_for_timeout(300)
    assert page.locator("iframe").count() == 0 and page.evaluate("FangzhaDeck.version") == old
    assert page.locator(".deck").is_visible() and page.evaluate("FangzhaDeck.shown") > shown
    assert moved == [] and page.url == server["url"] + "kiosk/hall.html"
    page.close()


def test_keeps_looping_when_the_server_is_gone(site, server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.clock.install(time=datetime.datetime(2026, 11, 27, 10, 0))
    page.goto(server["url"] + "kiosk/hall.html")
    moved = navigations(page)
    server["httpd"].shutdown()
    server["httpd"].server_close()
    server["httpd"] = None
    shown = page.evaluate("FangzhaDeck.shown")
    for _ in range(4):
        page.clock.run_for(5 * 60_000)
        page.wait_for_timeout(200)
    assert moved == []
    assert page.evaluate("FangzhaDeck.shown") > shown + 50
    assert page.locator(".slide.is-current").count() == 1
    assert page.url == server["url"] + "kiosk/hall.html"
    page.close()


def test_footer_clock_cursor_night_and_burn_in_shift(site, watched):
    view = watched(site, viewport={"width": 1920, "height": 1080})
    page = clocked(view, "kiosk/hall.html", datetime.datetime(2026, 11, 27, 21, 58))
    foot = page.locator(".kiosk-foot").inner_text()
    for text in ("110", "96110", "12345678 测试本地电话", "测试社区", "2026年11月27日　星期五　21:58"):
        assert text in foot
    assert page.locator(".deck-stage").evaluate("e => getComputedStyle(e).cursor") == "none"
    assert not page.locator(".deck-blank").is_visible()
    before = page.locator(".deck-stage").evaluate("e => e.style.transform")
    page.clock.run_for(3 * 60_000 + 1000)  # 22:01: night, and the layout has moved a few pixels
    assert page.locator(".deck-blank").is_visible()
    assert "22:01" in page.locator(".kiosk-clock").inner_text()
    after = page.locator(".deck-stage").evaluate("e => e.style.transform")
    assert after != before
    box = page.locator(".deck-stage").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1920 and box["y"] + box["height"] <= 1080
    page.clock.run_for(8 * 60 * 60_000)  # 06:01 next morning
    assert not page.locator(".deck-blank").is_visible()
    assert view.errors == [] and view.outside == []


MEASURE = """() => {
    const out = [];
    FangzhaDeck.slides.forEach((s, i) => {
        FangzhaDeck.show(i, 0);
        const sr = s.getBoundingClientRect();
        const spill = [...s.querySelectorAll('.block, .slide-heading, li, p')].some(e => {
            const b = e.getBoundingClientRect();
            return b.right > sr.right + 1 || b.bottom > sr.bottom + 1 || e.scrollWidth > e.clientWidth + 1;
        });
        if (spill || s.scrollHeight > s.clientHeight + 1 || s.getAttribute('data-fit') !== '1.00')
            out.push(`${i + 1}: spill=${spill} fit=${s.getAttribute('data-fit')}`);
    });
    const foot = document.querySelector('.kiosk-foot');
    if (foot.scrollHeight > foot.clientHeight + 1) out.push('footer');
    const r = document.querySelector('.deck-stage').getBoundingClientRect();
    if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) out.push('stage');
    return out;
}"""


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_portrait_and_landscape_have_no_overflow(shipped_site, watched, size):
    view = watched(shipped_site, viewport={"width": size[0], "height": size[1]})
    bad = {}
    loops = sorted(p.name for p in (shipped_site / "kiosk").glob("*.html") if p.name != "index.html")
    assert "all.html" in loops and "medical-insurance-week.html" in loops and "elderly-care.html" in loops
    for name in loops:
        page = view.open(f"kiosk/{name}")
        assert page.locator(".deck").get_attribute("data-orientation") == ("portrait" if size[1] > size[0] else "landscape")
        found = page.evaluate(MEASURE)
        if found:
            bad[name] = found
    assert bad == {}
    assert view.errors == [] and view.outside == []


def test_memory_stays_flat_over_thousands_of_transitions(site, watched):
    view = watched(site, viewport={"width": 1920, "height": 1080})
    page = clocked(view, "kiosk/all.html", datetime.datetime(2026, 11, 27, 9, 0))
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")

    def measure():
        cdp.send("HeapProfiler.collectGarbage")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        elements = page.evaluate("document.getElementsByTagName('*').length")
        return elements, metrics["Nodes"], metrics["JSEventListeners"], metrics["JSHeapUsedSize"]

    seconds = page.evaluate("+document.querySelector('.slide.is-current').dataset.seconds")  # the longest a screen shows
    page.clock.run_for(1000 * seconds * 1000)  # warm up: a thousand transitions at least
    start = page.evaluate("FangzhaDeck.shown")
    elements, nodes, listeners, heap = measure()
    page.clock.run_for(5000 * seconds * 1000)  # then five thousand more at least (about 17 hours of screen time)
    assert page.evaluate("FangzhaDeck.shown") - start >= 5000
    elements2, nodes2, listeners2, heap2 = measure()
    assert elements2 == elements
    assert abs(nodes2 - nodes) <= 5  # a replaced clock text node may not be collected yet
    assert listeners2 == listeners
    assert heap2 < heap * 1.10, (heap, heap2)
    assert view.errors == [] and view.outside == []


def check_lines(project):
    result = run_build("check", cwd=project)
    return result.returncode, result.stderr.splitlines()


def test_playlist_mistakes_are_explained(project):
    (project / "content/playlists/hall.yaml").write_text("""title: 测试大厅
items:
  - scam: shuadan
    rules: ten
  - campaign: class-meting
  - report: true
    hours: "8点-18点"
  - report: true
    from: 2026-12-31
    until: 2026-12-01
""", encoding="utf-8")
    (project / "content/playlists/index.yaml").write_text("title: 目录\nitems:\n  - report: true\n", encoding="utf-8")
    code, lines = check_lines(project)
    assert code == 1
    assert lines == [
        "content/playlists/hall.yaml:3: items[1]: 每一屏只能放一样内容，这里同时写了 scam、rules。请写 scam（诈骗类型）、rules（凡是规则）、report: true（该打哪个电话）或 campaign（活动口号）中的一项。",
        "content/playlists/hall.yaml:5: items[2].campaign: 找不到活动「class-meting」（应在 content/campaigns/ 中）。你是不是想写「class-meeting」？",
        "content/playlists/hall.yaml:7: items[3].hours: 「8点-18点」不合适：请写成 08:00-18:00 这样（开始-结束，24 小时制，用半角冒号和减号）；跨过半夜就写成 22:00-06:00。",
        "content/playlists/hall.yaml:8: items[4].until: 结束日期 2026-12-01 早于开始日期 2026-12-31。请检查是不是写反了。",
        "content/playlists/index.yaml:1: 文件名不能叫「index」：kiosk/index.html 是选择轮播的目录页。请换一个文件名。",
        "共发现 5 个问题，本次没有生成任何文件（原来的网站保持不变）。",
    ]


def test_kiosk_config_mistakes_are_explained(project):
    with open(project / "config.yaml", "a", encoding="utf-8") as config:
        config.write('  night_mode: 关机\n')
    code, lines = check_lines(project)
    assert code == 1
    assert lines[0].startswith("config.yaml:") and "kiosk.night_mode: 只能是 黑屏、调暗 之一，现在是文字「关机」。" in lines[0]


def test_a_screen_too_full_is_named_by_loop_orientation_and_number(tmp_path):
    # The fit is judged where the screen is fitted and remembered with it: a preview's second build, which
    # lays out nothing again, says the same as a one-off check.
    project = copy_project(MINI, tmp_path / "project")
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", "  - " + "要你先垫付一笔钱，说是保证金，做完任务就退还，其实是骗局，" * 14)
    expected = [f"{source}: kiosk/{loop}.html {side}第 {n} 屏「刷单返利诈骗」: 文字太多，大屏上放不下。请删减这一屏的文字。"
                for source, loop, n in (("content/", "all", 4), ("content/campaigns/class-meeting.md", "class-meeting", 5))
                for side in ("横屏", "竖屏")]
    from fangzha.pipeline import check
    assert [str(w) for w in check(BuildContext(project, today=TODAY)).warnings if "大屏上放不下" in str(w)] == expected
    preview = Preview(project, tmp_path / "preview")
    for _ in range(2):
        ok, lines = preview.rebuild()
        assert ok and [line for line in lines if "大屏上放不下" in line] == [f"提示：{line}" for line in expected]


def test_shipped_loops_build_without_warnings():
    from fangzha.pipeline import check
    checked = check(BuildContext(ROOT, today=TODAY))  # the shipped content's review dates are its own business
    loops = [w for w in checked.warnings if w not in checked.model.placeholders]  # the example local channel says "大屏" too
    assert [str(w) for w in loops if "kiosk/" in str(w) or "大屏" in str(w)] == []


def test_every_loop_carries_a_pictogram_in_each_orientation(shipped_site):
    for path in sorted((shipped_site / "kiosk").glob("*.html")):
        if path.name == "index.html":
            continue
        page = path.read_text(encoding="utf-8")
        for orientation in ("landscape", "portrait"):
            screens = page.split(f'<div class="kiosk-set" data-set="{orientation}">', 1)[1].split('<div class="kiosk-set"', 1)[0]
            assert 'data-icon="' in screens, (path.name, orientation)


def test_each_orientation_is_paginated_on_its_own_canvas(shipped_site, watched):
    from fangzha.pipeline import check
    loop = next(p for p in check(BuildContext(ROOT, today=TODAY)).pages if p.dest == "kiosk/all.html")
    sets = {s["name"]: [c["title"] for c in s["cards"] if c["kind"] == "scam"] for s in loop.context["sets"]}
    # a portrait screen uses its height: a scam's signs that take two landscape screens fit on one
    assert sets["landscape"].count("刷单返利诈骗") == 1 and sets["landscape"].count("刷单返利诈骗（续）") == 1
    assert sets["portrait"].count("刷单返利诈骗") == 1 and "刷单返利诈骗（续）" not in sets["portrait"]
    view = watched(shipped_site, viewport={"width": 1080, "height": 1920})
    page = clocked(view, "kiosk/all.html", datetime.datetime(2026, 11, 27, 10, 0))
    page.clock.run_for(15_000)
    shown = page.locator(".slide.is-current")
    assert shown.get_attribute("id").startswith("portrait-") and page.locator(".slide.is-current").count() == 1
    entry = shown.get_attribute("data-entry")
    page.set_viewport_size({"width": 1920, "height": 1080})  # the screen is turned: the same item, laid out for landscape
    expect(page.locator(".deck")).to_have_attribute("data-orientation", "landscape")  # on the resize event
    shown = page.locator(".slide.is-current")
    assert shown.get_attribute("id").startswith("landscape-") and shown.get_attribute("data-entry") == entry
    assert page.locator(".slide.is-current").count() == 1
    assert view.errors == []


def test_a_scam_is_followed_by_its_line_to_remember_and_every_few_items_by_the_numbers():
    from fangzha.content.load import load_project
    from fangzha.content.validate import validate
    from fangzha.layout.canvas import KIOSK_PORTRAIT
    from fangzha.outputs import kiosk
    model = validate(load_project(MINI))
    shuadan, police = (next(s for s in model.scams if s["slug"] == slug) for slug in ("shuadan", "fake-police"))
    playlist = {"slug": "test", "seconds": None, "items": [{"scam": shuadan}, {"scam": police}, {"scam": shuadan}, {"scam": police},
                                                           {"report": True}]}
    cards = kiosk.build_loop(model, playlist, {"seconds": 12}, TODAY, {}, KIOSK_PORTRAIT)
    assert [c["kind"] for c in cards] == ["scam", "remember", "scam", "remember", "scam", "remember", "calls", "scam", "remember", "report"]
    assert [c["attrs"]["seconds"] for c in cards if c["kind"] in ("remember", "calls")] == ["8"] * 5
    assert cards[1]["blocks"][0]["text"] == "凡是刷单，都是诈骗！" and cards[1]["kicker"] == "刷单返利诈骗"


def blank_share(picture, foot, line):
    """How much of a screen above its footer is empty: the rows drawn in one colour edge to edge, counted
    where they make a band at least a line of body text tall (the space between two lines is not emptiness)."""
    top = round(picture.height * foot)
    grey = picture.convert("L").crop((4, 0, picture.width - 4, top))
    steps = ImageChops.difference(grey.crop((0, 0, grey.width - 1, top)), grey.crop((1, 0, grey.width, top)))
    profile = steps.convert("F").resize((1, top), Image.Resampling.BOX)  # how much each row changes along its length
    colour = grey.convert("F").resize((1, top), Image.Resampling.BOX)
    empty, run, last = 0, 0, None
    for y in range(top + 1):
        blank = colour.getpixel((0, y)) if y < top and profile.getpixel((0, y)) < 0.02 else None
        if blank is not None and (last is None or abs(blank - last) < 3):
            run += 1
        else:
            empty += run if run >= line * picture.height else 0
            run = 1 if blank is not None else 0
        last = blank
    return empty / top


@pytest.mark.parametrize("size", [(640, 360), (360, 640)], ids=["landscape", "portrait"])
def test_no_screen_is_more_than_a_third_empty_above_its_footer(shipped_site, watched, size):
    """Every screen of every loop, drawn by Chromium to PNG (at a third of its size: emptiness does not depend on it)."""
    canvas = KIOSK_LANDSCAPE if size[0] > size[1] else KIOSK_PORTRAIT
    foot, line = 1 - canvas.foot / canvas.height, canvas.body * canvas.line / canvas.height
    view = watched(shipped_site, viewport={"width": size[0], "height": size[1]}, reduced_motion="reduce")
    seen, found, counted = set(), {}, 0
    for path in sorted((shipped_site / "kiosk").glob("*.html")):
        if path.name == "index.html":
            continue
        page = view.open(f"kiosk/{path.name}")
        drawn = page.evaluate("FangzhaDeck.slides.map(s => s.outerHTML.replace(/ (id|aria-label|data-[a-z]+)=\"[^\"]*\"/g, ''))")
        for index, html in enumerate(drawn):  # a screen several loops show is looked at once
            if html in seen:
                continue
            seen.add(html)
            page.evaluate(f"FangzhaDeck.show({index}, 0)")
            share = blank_share(Image.open(io.BytesIO(page.locator(".deck-stage").screenshot())), foot, line)
            counted += 1
            if share > 0.35:
                found[f"{path.name} 第 {index + 1} 屏"] = round(share, 2)
    assert counted > 75 and found == {}
    assert view.errors == [] and view.outside == []


def test_screens_change_gently(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 1920, "height": 1080})
    page = clocked(view, "kiosk/all.html", datetime.datetime(2026, 11, 27, 10, 0))
    first = page.locator(".slide.is-current").get_attribute("id")
    page.clock.run_for(15_000)
    motion = page.locator(".slide.is-current").evaluate("""e => {
        const style = getComputedStyle(e);
        return [style.animationName, parseFloat(style.animationDuration), style.animationIterationCount];
    }""")
    assert motion[0] == "kiosk-fade-in" and motion[1] >= 1 and motion[2] == "1"  # one slow fade, never a blink
    assert page.locator(".slide.is-leaving").get_attribute("id") == first  # it fades in over the last screen, not over white
    css = (shipped_site / "assets/deck.css").read_text(encoding="utf-8")  # (file:// keeps a page's stylesheet rules from its scripts)
    frames = re.search(r"@keyframes kiosk-fade-in \{(.*?)\}\s*\}", css, re.S).group(1)
    assert re.findall(r"([a-z-]+)\s*:", frames) == ["opacity", "opacity"]  # only the opacity changes: no movement, no flash
    page.clock.run_for(3 * 60_000)  # the burn-in drift is slow too
    drift = page.locator(".deck-stage").evaluate("e => parseFloat(getComputedStyle(e).transitionDuration)")
    assert drift >= 2
    still = watched(shipped_site, viewport={"width": 1920, "height": 1080}, reduced_motion="reduce")
    page = clocked(still, "kiosk/all.html", datetime.datetime(2026, 11, 27, 10, 0))
    assert page.locator(".slide.is-current").evaluate("e => getComputedStyle(e).animationName") == "none"
    assert view.errors == [] and still.errors == []
