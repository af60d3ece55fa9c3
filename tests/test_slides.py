"""Class-meeting decks in a real browser over file://: keys, clicker, touch, quiz, hash, presenter, sizes, print."""

import io
import json
import re

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, run_build, serious_accessibility_problems
from pypdf import PdfReader

from fangzha import design
from fangzha.content.load import load_project
from fangzha.content.validate import validate
from fangzha.context import BuildContext
from fangzha.layout.blocks import block_height
from fangzha.layout.canvas import SLIDE
from fangzha.layout.paginate import CONTINUED, continued, fill_ratio, paginate
from fangzha.layout.text import line_count
from fangzha.outputs import slides
from fangzha.pipeline import build

MINI = FIXTURES / "mini"
SIZES = [(1920, 1080), (1366, 768), (1024, 768)]


def decks(site):
    return sorted(p.stem for p in (site / "slides").glob("*.html") if p.stem != "index")


def open_deck(view, relative, at=None):
    """Open a deck, optionally at slide `at` (the URL hash)."""
    page = view.page
    page.goto((view.folder / relative).as_uri() + (f"#{at}" if at else ""))
    return page


def slide_count(page):
    return page.evaluate("FangzhaDeck.slides.length")


def where(page):
    """(slide number, step) as the audience sees them."""
    return page.evaluate("[FangzhaDeck.state.index + 1, FangzhaDeck.state.step]")


def test_one_deck_per_campaign_listed_on_the_index(shipped_site):
    model = validate(load_project(ROOT))
    assert decks(shipped_site) == sorted(c["slug"] for c in model.campaigns)
    index = (shipped_site / "slides/index.html").read_text(encoding="utf-8")
    for campaign in model.campaigns:
        assert f'href="{campaign["slug"]}.html"' in index
        assert f'href="notes/{campaign["slug"]}.html"' in index
        assert (shipped_site / f"slides/notes/{campaign['slug']}.html").is_file()
        campaign_page = (shipped_site / f"campaigns/{campaign['slug']}.html").read_text(encoding="utf-8")
        assert f'href="../slides/{campaign["slug"]}.html">班会课件（幻灯片）</a>' in campaign_page


def test_shipped_decks_fit_and_every_slide_has_notes():
    """The shipped content builds without a single slide warning."""
    from fangzha.context import BuildContext
    from fangzha.pipeline import check
    checked = check(BuildContext(ROOT))
    assert [str(w) for w in checked.warnings if "slides/" in str(w)] == []


def test_class_meeting_follows_the_seed_flow_with_notes_from_content():
    model = validate(load_project(ROOT))
    campaign = next(c for c in model.campaigns if c["slug"] == "campus-class-meeting")
    whole = slides.deck(model, campaign)
    kinds = [s["kind"] for s in whole]
    order = ["title", "intro", "case", "scam", "prevention", "quiz", "rules", "report", "pledge"]
    assert [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k] == order
    # a coloured divider opens the cases, the scam methods and the quiz, and says how many there are
    assert [(s["kind"], [b["text"] for b in s["blocks"]]) for s in whole if s.get("divider")] == [
        ("case", ["案例", "共 1 个案例"]), ("scam", ["诈骗手法", f"共 {len(campaign['scams'])} 种诈骗手法"]),
        ("quiz", ["测验", f"共 {sum(len(s['quiz']) for s in campaign['scams'])} 道题"])]
    deck = [s for s in whole if not s.get("divider")]
    assert deck[1]["blocks"][0]["text"] == "同学们，你们有没有上当受骗的经历？你们知道诈骗都有什么手段吗？"
    assert deck[2]["title"] == "经管学院学生被骗 8000 元"
    assert sum(1 for s in deck if s["kind"] == "scam") == len(campaign["scams"])
    atm = next(s for s in deck if s["title"] == "利用ATM机行骗")
    assert atm["notes"][0] == next(s for s in model.scams if s["slug"] == "atm")["teacher_notes"]
    assert atm["agenda"]["title"] == "诈骗主要手段" and atm["agenda"]["minutes"] == 20
    numbers = [item["strong"] for s in deck if s["kind"] == "prevention" for item in s["blocks"][0]["items"]]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6.", "8.", "9.", "10."]  # the seed has no 7th measure
    quiz = sum(len(s["quiz"]) for s in campaign["scams"])
    assert sum(1 for s in deck if s["kind"] == "quiz") == quiz
    assert all(s["notes"] or s["agenda"]["notes"] for s in whole)


def test_title_slides_and_scam_slides_carry_their_pictograms_and_colours(shipped_site):
    model = validate(load_project(ROOT))
    for campaign in model.campaigns:
        page = (shipped_site / f"slides/{campaign['slug']}.html").read_text(encoding="utf-8")
        title = page.split('<section class="slide slide-title layout-statement" id="slide-1"', 1)[1].split("</section>", 1)[0]
        assert 'data-icon="' in title, campaign["slug"]
        for number, item in enumerate(slides.deck(model, campaign), start=1):
            if item["kind"] == "scam" and not item.get("divider"):
                scam = next(s for s in campaign["scams"] if item["title"].removesuffix(CONTINUED) == s["title"])
                section = page.split(f'id="slide-{number}"', 1)[1].split("</section>", 1)[0]
                assert f'data-icon="{design.icon_of(scam)}"' in section and f"--accent:{design.accent(scam['category'])}" in section
    assert {design.accent(s["category"]) for s in model.scams} == {"#a3161a", "#1d4e89", "#0b6e5c"}  # the print kit's three


def test_a_scam_that_names_its_own_icon_shows_it_on_its_slides():
    model = validate(load_project(ROOT))
    campaign = next(c for c in model.campaigns if c["slug"] == "class-meeting")
    own = dict(campaign, scams=[dict(campaign["scams"][0], icon="phone-off")] + campaign["scams"][1:])
    deck = slides.deck(model, own)
    assert [s["icon"] for s in deck if s["kind"] == "scam" and s["title"] == own["scams"][0]["title"]] == ["phone-off"]
    others = {s["title"]: s for s in campaign["scams"]}  # the others their own (else their category's)
    assert {s["title"].removesuffix(CONTINUED): s["icon"] for s in slides.deck(model, campaign)
                                                  if s["kind"] == "scam" and not s.get("divider")} == {
        title: design.icon_of(scam) for title, scam in others.items()}


def test_a_list_too_long_for_one_slide_is_split_evenly_and_continued():
    """Never a lone bullet: five items of which four fit give 3 + 2, not 4 + 1; the continuation says （续）."""
    def make(chunk, start):
        return {"kind": "rules", "title": continued("凡是规则", start), "kicker": "", "blocks": [{"type": "list", "items": chunk}]}
    item = "一" * 30  # one line each on a 16:9 slide
    fits = max(n for n in range(1, 20) if fill_ratio(make([item] * n, 1), [SLIDE]) <= 1)
    split = paginate([item] * (fits + 1), make, [SLIDE])
    assert [len(s["blocks"][0]["items"]) for s in split] == [(fits + 2) // 2, (fits + 1) // 2]
    assert [s["title"] for s in split] == ["凡是规则", "凡是规则（续）"]
    assert [len(s["blocks"][0]["items"]) for s in paginate(["短"] * 4, make, [SLIDE], limit=3)] == [2, 2]


def test_no_shipped_slide_or_screen_holds_a_lone_item_of_a_split_list(shipped_site):
    from fangzha.pipeline import check
    found = []
    for page in check(BuildContext(ROOT)).pages:
        runs = [page.context["slides"]] if page.kind == "deck" else [s["cards"] for s in page.context["sets"]] if page.kind == "kiosk-loop" else []
        for cards in runs:
            for first, item in enumerate(cards):
                if item["title"].endswith(CONTINUED):
                    continue
                run = [item] + [c for c in cards[first + 1:first + 20] if c["title"] == item["title"] + CONTINUED]
                counts = [sum(len(b["items"]) for b in c["blocks"] if b["type"] == "list") for c in run]
                if len(run) > 1 and 1 in counts:
                    found.append((page.dest, item["title"], counts))
    assert found == []


def test_the_control_bar_hides_while_the_mouse_rests_and_keyboard_users_still_reach_it(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 1366, "height": 768})
    view.page.clock.install()
    page = view.open("slides/class-meeting.html")

    def bar_shown():
        return page.evaluate("!document.querySelector('.deck').classList.contains('is-idle')")

    def opacity(value):
        page.wait_for_function(f"() => getComputedStyle(document.querySelector('.deck-bar')).opacity === '{value}'")  # after its fade

    assert bar_shown()
    page.clock.run_for(2500)
    assert bar_shown()
    page.clock.run_for(700)  # three seconds without the mouse
    assert not bar_shown()
    opacity("0")
    assert page.locator(".deck").evaluate("e => getComputedStyle(e).cursor") == "none"
    page.keyboard.press("ArrowRight")  # the clicker turns pages: the bar stays away
    assert not bar_shown() and where(page) == [2, 0]
    page.mouse.move(600, 300)
    assert bar_shown()
    opacity("1")
    page.clock.run_for(3500)
    assert not bar_shown()
    page.keyboard.press("Tab")  # a keyboard user reaches the bar, and it stays while a button has the focus
    assert bar_shown() and page.evaluate("document.activeElement.closest('.deck-bar') !== null")
    page.clock.run_for(10_000)
    assert bar_shown()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 下一页, from the keyboard
    assert where(page) == [3, 0] and bar_shown()
    page.get_by_role("button", name="下一页").click()  # with the mouse: the button gives its focus back
    assert where(page) == [4, 0] and page.evaluate("document.activeElement === document.body")
    page.clock.run_for(3500)
    assert not bar_shown()
    assert view.errors == []


def test_a_4_3_deck_for_old_projectors(tmp_path, watched):
    project = copy_project(ROOT, tmp_path / "project")
    edit(project, "config.yaml", 'aspect: "16:9"', 'aspect: "4:3"')
    out = tmp_path / "site"
    built = build(BuildContext(project), out)
    assert [str(w) for w in built.warnings if "slides/" in str(w)] == []  # every slide fits the narrower canvas
    rows = {r["path"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert {rows[f"slides/{slug}.html"]["size"]["width"] for slug in decks(out)} == {1200}
    assert {rows[f"slides/{slug}.html"]["size"]["height"] for slug in decks(out)} == {900}
    view = watched(out, viewport={"width": 1024, "height": 768})
    for slug in decks(out):
        page = view.open(f"slides/{slug}.html")
        box = page.locator(".deck-stage").bounding_box()
        assert (round(box["width"]), round(box["height"]), round(box["x"]), round(box["y"])) == (1024, 768, 0, 0)  # fills the screen
        assert page.evaluate(MEASURE) == [], slug
    page = view.open("slides/notes/class-meeting.html")  # the handout draws the 4:3 slide whole
    frame, slide = page.locator(".handout-frame").first.bounding_box(), page.locator(".handout .slide").first.bounding_box()
    assert slide["width"] <= frame["width"] + 1 and slide["height"] / slide["width"] == pytest.approx(0.75, abs=0.01)
    assert view.errors == [] and view.outside == []
    edit(project, "config.yaml", 'aspect: "4:3"', 'aspect: "5:4"')
    result = run_build("check", cwd=project)
    line = (project / "config.yaml").read_text(encoding="utf-8").splitlines().index('  aspect: "5:4"') + 1
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"config.yaml:{line}: slides.aspect: 只能是 16:9、4:3 之一")


def test_older_people_deck_has_larger_type_and_fewer_words(shipped_site, watched):
    model = validate(load_project(ROOT))
    elderly = next(c for c in model.campaigns if c["large_type"])
    deck = slides.deck(model, elderly)
    for s in deck:
        for block in s["blocks"]:
            if block["type"] in ("list", "options"):
                assert len(block["items"]) <= slides.LARGE_LIST_LIMIT, s["name"]
    view = watched(shipped_site, viewport={"width": 1600, "height": 900})
    sizes = {}
    for slug in (elderly["slug"], "class-meeting"):
        page = open_deck(view, f"slides/{slug}.html")
        first_list = page.evaluate("FangzhaDeck.slides.findIndex(s => s.querySelector('.items li')) + 1")
        page = open_deck(view, f"slides/{slug}.html", first_list)
        sizes[slug] = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.slide.is-current .items li')).fontSize)")
    assert sizes[elderly["slug"]] >= sizes["class-meeting"] * 1.3
    assert view.errors == [] and view.outside == []


def test_keys_and_clicker_keys_move_through_every_slide_of_every_deck(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 1366, "height": 768})
    forward = ["ArrowRight", "PageDown", "Space", "ArrowDown"]
    backward = ["ArrowLeft", "PageUp", "ArrowUp"]
    for slug in decks(shipped_site):
        page = view.open(f"slides/{slug}.html")
        total = slide_count(page)
        steps = page.evaluate("FangzhaDeck.slides.map(s => +s.getAttribute('data-steps'))")
        assert where(page) == [1, 0]
        presses = 0
        while where(page) != [total, steps[-1]]:
            page.keyboard.press(forward[presses % len(forward)])
            presses += 1
            number, step = where(page)
            assert page.locator(".deck-now").inner_text() == str(number)
            assert page.evaluate("location.hash") == f"#{number}"
            assert page.locator(".slide.is-current").count() == 1
            assert presses <= total + sum(steps)
        assert presses == total - 1 + sum(steps), slug
        page.keyboard.press("ArrowRight")  # past the end: stays
        assert where(page)[0] == total
        page.keyboard.press("Home")
        assert where(page) == [1, 0]
        page.keyboard.press("End")
        assert where(page)[0] == total
        for key in backward:
            before = where(page)
            page.keyboard.press(key)
            assert where(page) != before
    assert view.errors == [] and view.outside == []


def test_quiz_shows_the_question_then_the_answer_on_the_next_press(shipped_site, watched):
    view = watched(shipped_site)
    page = view.open("slides/class-meeting.html")
    first_quiz = page.evaluate("FangzhaDeck.slides.findIndex(s => s.matches('.slide-quiz:not(.slide-divider)')) + 1")
    page.evaluate(f"location.hash = '#{first_quiz}'")
    page.wait_for_function(f"() => FangzhaDeck.state.index === {first_quiz - 1}")
    answer = page.locator(".slide.is-current .block[data-step]")
    correct = page.locator(".slide.is-current .options .correct")
    assert answer.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert correct.count() == 1
    page.keyboard.press("Space")
    assert where(page) == [first_quiz, 1]
    assert answer.evaluate("e => getComputedStyle(e).visibility") == "visible"
    assert answer.inner_text().startswith("答案：")
    assert correct.evaluate("e => getComputedStyle(e, '::after').content") == '" ✔"'
    page.keyboard.press("PageUp")  # back hides the answer again
    assert answer.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    assert where(page) == [first_quiz + 1, 0]
    page.keyboard.press("PageUp")  # coming back to a quiz shows it answered
    assert where(page) == [first_quiz, 1]
    assert view.errors == []


def test_the_hash_follows_the_slide_and_a_reload_stays(shipped_site, watched):
    view = watched(shipped_site)
    page = open_deck(view, "slides/community-telecom.html", 6)
    assert where(page) == [6, 0]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == "#7"  # page.url learns of replaceState only later
    page.reload()
    assert where(page) == [7, 0]
    assert page.locator("#slide-7").is_visible()
    page.goto("about:blank")
    open_deck(view, "slides/community-telecom.html", 999)
    assert where(page) == [1, 0]
    assert view.errors == [] and view.outside == []


def test_blank_screen_full_screen_and_help(shipped_site, watched):
    view = watched(shipped_site)
    view.page.add_init_script("Element.prototype.requestFullscreen = function () { window.askedFullscreen = true; return Promise.resolve(); };")
    page = view.open("slides/class-meeting.html")
    for key in ("b", "."):
        page.keyboard.press(key)
        assert page.locator(".deck-blank").is_visible()
        page.keyboard.press(key)
        assert not page.locator(".deck-blank").is_visible()
    page.keyboard.press("f")
    assert page.evaluate("window.askedFullscreen === true")
    page.keyboard.press("?")
    assert page.get_by_role("dialog", name="按键说明").is_visible()
    page.keyboard.press("ArrowRight")  # keys do not turn pages behind the help
    assert where(page) == [1, 0]
    page.keyboard.press("Escape")
    assert not page.locator(".deck-help").is_visible()
    assert view.errors == []


def test_touch_swipe_and_click_on_a_whiteboard(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 1366, "height": 768}, has_touch=True)
    page = view.open("slides/parttime-pledge.html")

    def swipe(dx):
        page.evaluate("""dx => {
            const target = document.querySelector('.slide.is-current');
            const touch = x => new Touch({identifier: 1, target, clientX: x, clientY: 400});
            target.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(700)], changedTouches: [touch(700)], bubbles: true}));
            target.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [touch(700 + dx)], bubbles: true, cancelable: true}));
        }""", dx)

    swipe(-200)
    assert where(page) == [2, 0]
    swipe(-200)
    assert where(page) == [3, 0]
    swipe(200)
    assert where(page) == [2, 0]
    page.touchscreen.tap(1000, 400)
    assert where(page) == [3, 0]
    page.mouse.click(100, 400)  # left quarter: back
    assert where(page) == [2, 0]
    page.get_by_role("button", name="下一页").click()
    assert where(page) == [3, 0]
    assert view.errors == []


def test_presenter_window_follows_the_audience_window_and_back(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 1366, "height": 768})
    page = open_deck(view, "slides/class-meeting.html", 5)  # the first scam method, after its divider
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    presenter = opened.value
    presenter.wait_for_function("() => window.FangzhaDeck && FangzhaDeck.state.index === 4")
    notes = presenter.locator(".presenter-notes")
    assert "诈骗手法" in presenter.locator(".presenter-next .slide").inner_text() or presenter.locator(".presenter-next .slide").count() == 1
    scam = page.locator(".slide.is-current .slide-heading").inner_text()
    page.keyboard.press("ArrowRight")
    presenter.wait_for_function("() => FangzhaDeck.state.index === 5")
    assert scam != page.locator(".slide.is-current .slide-heading").inner_text()
    atm_notes = page.locator(".slide.is-current .notes p").all_inner_texts()
    assert notes.locator("p").all_inner_texts() == atm_notes
    assert presenter.locator(".presenter-now").inner_text() == f"第 6 / {slide_count(page)} 页"
    assert re.fullmatch(r"已用时 \d\d:\d\d", presenter.locator(".presenter-timer").inner_text())
    assert not presenter.locator(".deck-bar").is_visible()
    presenter.keyboard.press("PageDown")  # the teacher drives from the presenter window
    page.wait_for_function("() => FangzhaDeck.state.index === 6")
    assert page.evaluate("location.hash") == "#7"
    presenter.keyboard.press("b")
    page.wait_for_function("() => document.querySelector('.deck').classList.contains('is-blank')")
    presenter.keyboard.press("b")
    page.wait_for_function("() => !document.querySelector('.deck').classList.contains('is-blank')")
    next_title = presenter.locator(".presenter-next .slide-heading").inner_text()
    page.keyboard.press("ArrowRight")
    presenter.wait_for_function("() => FangzhaDeck.state.index === 7")
    assert presenter.locator(".presenter-current .slide.is-current .slide-heading").inner_text() == next_title
    assert view.errors == [] and view.outside == []


MEASURE = """() => {
    const out = [];
    const vw = innerWidth, vh = innerHeight;
    FangzhaDeck.slides.forEach((s, i) => {
        FangzhaDeck.show(i, +s.getAttribute('data-steps'));
        const r = document.querySelector('.deck-stage').getBoundingClientRect();
        const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= vw + 0.5 && r.bottom <= vh + 0.5;
        const spill = [...s.querySelectorAll('.block, .slide-heading, li, p')].some(e => {
            const b = e.getBoundingClientRect(), sr = s.getBoundingClientRect();
            return b.right > sr.right + 1 || b.bottom > sr.bottom + 1 || e.scrollWidth > e.clientWidth + 1;
        });
        if (!inside || spill || s.scrollHeight > s.clientHeight + 1 || s.getAttribute('data-fit') !== '1.00')
            out.push(`${i + 1}: inside=${inside} spill=${spill} fit=${s.getAttribute('data-fit')}`);
    });
    return out;
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_overflows_or_is_clipped(shipped_site, watched, size):
    """At each size every slide sits inside the window, and fits without the runtime shrinking it."""
    view = watched(shipped_site, viewport={"width": size[0], "height": size[1]})
    bad = {}
    for slug in decks(shipped_site):
        page = view.open(f"slides/{slug}.html")
        found = page.evaluate(MEASURE)
        if found:
            bad[slug] = found
    assert bad == {}
    assert view.errors == [] and view.outside == []


def test_portrait_screen_is_letterboxed(shipped_site, watched):
    view = watched(shipped_site, viewport={"width": 768, "height": 1024})
    page = view.open("slides/class-meeting.html")
    box = page.locator(".deck-stage").bounding_box()
    assert box["width"] == pytest.approx(768, abs=1) and box["height"] == pytest.approx(432, abs=1)
    assert box["y"] == pytest.approx((1024 - 432) / 2, abs=1)


def pdf_pages(page):
    page.emulate_media(media="print")
    return len(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages)


def test_printing_gives_one_page_per_slide_and_a_notes_version(shipped_site, watched):
    view = watched(shipped_site)
    for slug in ("class-meeting", "elderly-care"):
        page = open_deck(view, f"slides/{slug}.html", 4)
        total = slide_count(page)
        assert pdf_pages(page) == total
        page = view.open(f"slides/notes/{slug}.html")
        assert page.locator(".handout-page-item").count() == total
        assert pdf_pages(page) == total
        assert page.locator(".handout-page-item").nth(0).locator(".notes p").count() >= 1
        assert page.locator(".deck-static").first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
    assert view.errors == [] and view.outside == []


def test_too_much_text_warns_naming_the_slide_and_strict_fails(tmp_path):
    project = copy_project(MINI, tmp_path / "project")
    scam = project / "content/scams/shuadan.md"
    long_text = "骗子会反复要求你先垫付一笔钱才能继续做任务，并承诺马上返还本金和佣金。" * 24  # too much even set smaller
    scam.write_text(scam.read_text(encoding="utf-8").replace("explanation: 凡是刷单，都是诈骗。", f"explanation: {long_text}"), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stdout.splitlines() if "放不下" in line and "slides/" in line]
    assert warning and warning[0].startswith("提示：content/campaigns/class-meeting.md: slides/class-meeting.html 第 ")
    assert "「有人让你垫钱刷单，你应该？」: 文字太多，放不下（需要大约 " in warning[0] and warning[0].endswith("的版面）。请删减这一页的文字。")
    before = sorted(p.name for p in (project / "site").rglob("*"))
    strict = run_build("build", "--strict", cwd=project)
    assert strict.returncode == 1
    assert any("slides/class-meeting.html 第 " in line and "放不下" in line for line in strict.stderr.splitlines())
    assert strict.stderr.strip().splitlines()[-1].startswith("共发现 ")
    assert sorted(p.name for p in (project / "site").rglob("*")) == before


def test_missing_notes_are_named(tmp_path):
    project = copy_project(MINI, tmp_path / "project")
    result = run_build(cwd=project)
    assert "提示：content/campaigns/class-meeting.md: slides/class-meeting.html 第 1 页「防范诈骗主题班会」: 这一页没有讲解提示。请在活动文件里写 slide_notes 下的 title。" in result.stdout.splitlines()


def test_fit_estimate_counts_chinese_wider_than_latin():
    assert line_count("", 40, 1000) == 0
    assert line_count("一" * 24, 40, 1000) == 1
    assert line_count("一" * 25, 40, 1000) == 2
    assert line_count("a" * 39, 40, 1000) == 1
    assert line_count("甲\n乙", 40, 1000) == 2
    block = {"type": "list", "items": ["一" * 10, "二" * 10]}
    canvas = SLIDE
    assert block_height(block, canvas, 1000) == 2 * canvas.body * canvas.line + canvas.item_gap


def test_deck_and_loop_pages_load_offline_and_pass_axe(shipped_site, watched):
    """Every page of the slides and kiosk families: no console error, nothing from outside, no serious axe finding."""
    pages = [p.relative_to(shipped_site).as_posix() for p in sorted(shipped_site.glob("slides/**/*.html")) + sorted(shipped_site.glob("kiosk/*.html"))]
    view = watched(shipped_site)
    for relative in pages:
        view.open(relative).wait_for_load_state("load")
    assert view.errors == [] and view.outside == []
    found = {}
    for relative in pages:  # axe itself trips over file:// (it fetches stylesheets), so its noise is not counted
        result = serious_accessibility_problems(view.open(relative))
        if result:
            found[relative] = result
    assert found == {}
