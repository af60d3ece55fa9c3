"""The website in a real browser over file://: offline, searchable, large text, filter, accessible."""

import re

import pytest
from conftest import serious_accessibility_problems


def site_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in ("posters", "leaflets", "slides", "kiosk", "pdf"))


def test_every_page_loads_offline_without_errors(shipped_site, watched):
    view = watched(shipped_site)
    for relative in site_pages(shipped_site):
        view.open(relative)
        view.page.wait_for_load_state("load")
    assert view.errors == []
    assert view.outside == []


def test_search_finds_substrings(shipped_site, watched):
    view = watched(shipped_site)
    page = view.open("search.html")
    page.fill("#q", "刷单")
    titles = page.locator("#results a").all_inner_texts()
    assert "刷单返利诈骗" in titles
    assert page.locator("#search-status").inner_text() == f"找到 {len(titles)} 条结果"
    page.fill("#q", "冒充")
    assert {"冒充公检法及政府机关诈骗", "冒充电商物流客服诈骗"} <= set(page.locator("#results a").all_inner_texts())
    page.fill("#q", "客服")
    assert "冒充电商物流客服诈骗" in page.locator("#results a").all_inner_texts()
    page.fill("#q", "没有这个词")
    assert page.locator("#results li").count() == 0
    assert page.locator("#search-status").inner_text() == "没有找到与“没有这个词”有关的内容"
    page.fill("#q", "刷单")
    page.locator("#results a", has_text="刷单返利诈骗").first.click()
    assert page.url.endswith("/scams/shuadan.html")
    assert view.errors == [] and view.outside == []


def font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_large_text_toggle_persists(shipped_site, watched):
    view = watched(shipped_site)
    page = view.open("index.html")
    normal = font_size(page)
    toggle = page.locator("#large-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert font_size(page) > normal * 1.2
    assert toggle.get_attribute("aria-pressed") == "true"
    page.reload()
    assert font_size(page) > normal * 1.2
    view.open("scams/shuadan.html")
    assert font_size(page) > normal * 1.2
    assert page.locator("#large-toggle").get_attribute("aria-pressed") == "true"
    page.locator("#large-toggle").click()
    page.reload()
    assert font_size(page) == normal


def test_audience_filter(shipped_site, watched):
    page = watched(shipped_site).open("scams/index.html")
    total = page.locator("[data-filterable] .card").count()
    page.get_by_role("button", name="老年人", exact=True).click()
    visible = page.locator("[data-filterable] .card:visible")
    assert 0 < visible.count() < total
    for text in visible.all_inner_texts():
        assert "老年人" in text
    assert page.locator(".filter-status").inner_text() == f"与老年人有关的有 {visible.count()} 种"
    page.get_by_role("button", name="全部").click()
    assert page.locator("[data-filterable] .card:visible").count() == total


def phrase_lines(page):
    """How many lines each phrase of the home page's slogan takes."""
    return page.evaluate("""() => [...document.querySelectorAll('.hero-slogan span')].map(span => {
        const range = document.createRange();
        range.selectNodeContents(span);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
    })""")


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_slogan_keeps_each_phrase_on_one_line_in_normal_and_large_text(shipped_site, watched, width):
    page = watched(shipped_site, viewport={"width": width, "height": 800}).open("index.html")
    assert phrase_lines(page) == [1, 1]
    page.locator("#large-toggle").click()
    assert phrase_lines(page) == [1, 1]


@pytest.mark.parametrize("width", [360, 1280])
def test_no_horizontal_overflow(shipped_site, watched, width):
    view = watched(shipped_site, viewport={"width": width, "height": 800})
    wide = []
    for relative in site_pages(shipped_site):
        page = view.open(relative)
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(relative)
    assert wide == []


def test_axe_finds_no_serious_violation(shipped_site, watched):
    view = watched(shipped_site)
    found = {}
    for relative in site_pages(shipped_site):
        result = serious_accessibility_problems(view.open(relative))
        if result:
            found[relative] = result
    assert found == {}


def test_print_stylesheet_drops_screen_controls(shipped_site, watched):
    page = watched(shipped_site).open("scams/shuadan.html")
    assert page.locator("nav.nav").is_visible()
    page.emulate_media(media="print")
    assert not page.locator("nav.nav").is_visible()
    assert not page.locator("#large-toggle").is_visible()
    assert page.locator("h1").inner_text() == "刷单返利诈骗"
    assert page.locator(".steps-box").is_visible()


def test_search_results_show_their_type_and_the_passage_that_matches(shipped_site, watched):
    page = watched(shipped_site).open("search.html")
    page.fill("#q", "解冻")
    first = page.locator("#results li").first
    assert first.locator(".result-kind").inner_text() == "诈骗手法"
    snippet = first.locator("p").nth(1)
    assert "解冻" in snippet.inner_text() and snippet.locator("mark").first.inner_text() == "解冻"
    page.fill("#q", "<img src=x onerror=alert(1)>")  # what is typed stays text
    assert page.locator("#results img").count() == 0


def test_a_scam_page_offers_its_poster_slides_and_screens(shipped_site, watched):
    page = watched(shipped_site).open("scams/shuadan.html")
    buttons = page.locator(".materials a")
    labels = buttons.all_inner_texts()
    # the poster first; each other button names the loop or deck it opens (five loops are five buttons)
    campaigns = ["防诈骗主题班会（案例版）", "防范诈骗主题班会", "防范电信网络诈骗专项行动", "兼职信息需谨慎——防诈骗签字活动"]
    assert labels == (["打印这张海报", "大屏轮播：全部内容"] + [f"大屏轮播：{c}" for c in campaigns]
                      + [f"在班会课件里讲到：{c}" for c in campaigns])
    poster = page.get_by_role("link", name="打印这张海报")
    assert poster.get_attribute("href") == "../posters/scam-shuadan.html?print"
    deck = next(b for b in buttons.all() if b.inner_text().startswith("在班会课件里讲到"))
    href = deck.get_attribute("href")
    assert re.fullmatch(r"\.\./slides/[a-z-]+\.html#\d+", href)
    opened = watched(shipped_site).open(href[3:])  # the deck opens at that scam's slide
    opened.wait_for_function("() => window.FangzhaDeck && FangzhaDeck.state")
    assert opened.locator(".slide.is-current .slide-heading").inner_text() == "刷单返利诈骗"
    assert page.locator("[data-icon]").count() >= 1


def test_a_campaign_page_shows_its_materials_as_buttons_with_previews(shipped_site, watched):
    page = watched(shipped_site).open("campaigns/campus-class-meeting.html")
    kit = page.locator(".kit .kit-item")
    assert kit.count() >= 6
    poster = page.locator(".kit-item", has_text="宣传海报")
    assert poster.locator("iframe").get_attribute("src") == "../posters/campaign-campus-class-meeting.html"
    deck = page.locator(".kit-item", has_text="班会课件（幻灯片）")
    assert deck.locator("[data-icon]").count() == 1
    assert min(box["height"] for box in (b.bounding_box() for b in kit.all())) >= 44  # big enough to tap
    deck.click(position={"x": 10, "y": 10})  # anywhere on the card opens it
    assert page.url.endswith("/slides/campus-class-meeting.html")
