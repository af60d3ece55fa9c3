"""A hostile paste never becomes a script or a load from outside: URLs judged as a browser reads
them, everywhere a URL is accepted, and a Content-Security-Policy on every page as a second wall."""

import re
import shutil

import pytest
from conftest import edit, refused_build, run_build

from fangzha.content.urls import url_problem

UNSAFE = "不安全：只允许 http、https、mailto、tel 开头的链接或相对链接。"
OUTSIDE = "指向网站外面。网站要能离线使用，请把图片放进 content/ 并用相对路径。"


@pytest.fixture
def project(built_project):
    return built_project


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)", "jav&#x09;ascript:alert(1)", "jav&Tab;ascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", " javascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
])
def test_script_schemes_are_refused_however_they_are_written(url):
    assert url_problem(url) == f"链接「{url}」{UNSAFE}"


@pytest.mark.parametrize("url", ["https://www.12377.cn/", "HTTP://example.org/", "mailto:a@example.org", "tel:96110",
                                 "report.html", "../rules.html#rule-new-ten", "#top", "/report.html", "?q=1"])
def test_ordinary_links_pass(url):
    assert url_problem(url) is None


@pytest.mark.parametrize("url", ["//evil.example/x", "\\\\evil.example/x", "/\\evil.example/x", "\\/evil.example/x"])
def test_links_to_another_host_without_a_scheme_are_refused(url):
    assert url_problem(url) == f"链接「{url}」缺少 https:// 开头。请写完整的网址。"


@pytest.mark.parametrize("url", ["https://cdn.example.com/x.png", "//host/x.png", "\\\\host/x.png", "/\\host/x.png",
                                 "\\host/x.png", "/x.png", "data:image/png;base64,AAAA", "&#47;&#47;host/x.png"])
def test_images_from_outside_the_folder_are_refused(url):
    assert url_problem(url, image=True) == f"图片「{url}」{OUTSIDE}"


def test_base_url_must_be_a_whole_web_address():
    assert url_problem("https://example.org/fz/", absolute=True) is None
    for url in ("javascript:alert(1)", "example.org/fz/", "//example.org/", "https:example.org"):
        assert url_problem(url, absolute=True) == f"「{url}」不是完整的网址。请写成 https://example.org/fangzha/ 这样，以 https:// 或 http:// 开头。"


def test_markdown_links_hidden_with_entities_or_tabs_are_refused_build(project):
    scam = project / "content/scams/fake-police.md"
    scam.write_text(scam.read_text(encoding="utf-8") + "\n[点我](javascript&#58;alert(1))\n\n[再点](jav&#x09;ascript:alert(1))\n\n"
                    "[还点](&#106;avascript:alert(1))\n\n![](\\\\host/x.png)\n\n![](/\\host/x.png)\n", encoding="utf-8")
    assert refused_build(project) == [
        f"content/scams/fake-police.md:19: 正文: 链接「javascript&#58;alert(1)」{UNSAFE}",
        f"content/scams/fake-police.md:21: 正文: 链接「jav&#x09;ascript:alert(1)」{UNSAFE}",
        f"content/scams/fake-police.md:23: 正文: 链接「&#106;avascript:alert(1)」{UNSAFE}",
        f"content/scams/fake-police.md:25: 正文: 图片「\\host/x.png」{OUTSIDE}",
        f"content/scams/fake-police.md:27: 正文: 图片「/\\host/x.png」{OUTSIDE}",
    ]


def test_every_url_field_and_base_url_are_checked(project):
    edit(project, "content/scams/shuadan.md", "    date: 2024-05-18\n", "    date: 2024-05-18\n    url: \"jav\\tascript:alert(1)\"\n")
    edit(project, "content/channels.yaml", "    when: 钱已经转出去了\n", "    when: 钱已经转出去了\n    url: data:text/html,<script>alert(1)</script>\n")
    edit(project, "config.yaml", '"https://example.org/fz/"', "javascript:alert(1)")
    assert refused_build(project) == [
        "config.yaml:3: base_url: 「javascript:alert(1)」不是完整的网址。请写成 https://example.org/fangzha/ 这样，以 https:// 或 http:// 开头。",
        f"content/channels.yaml:7: channels[1].url: 链接「data:text/html,<script>alert(1)</script>」{UNSAFE}",
        f"content/scams/shuadan.md:24: sources[1].url: 链接「jav\tascript:alert(1)」{UNSAFE}",
    ]


def test_safe_source_links_are_published(project):
    edit(project, "content/scams/shuadan.md", "    date: 2024-05-18\n", "    date: 2024-05-18\n    url: https://www.mps.gov.cn/\n")
    assert run_build(cwd=project).returncode == 0
    assert '<a href="https://www.mps.gov.cn/">测试方案</a>' in (project / "site/scams/shuadan.html").read_text(encoding="utf-8")


POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'"


def test_every_page_carries_the_policy_before_anything_loads(shipped_site):
    pages = sorted(shipped_site.rglob("*.html"))
    assert {p.relative_to(shipped_site).parts[0] for p in pages} >= {"index.html", "posters", "leaflets", "slides", "kiosk"}
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">' in head, page
        assert head.index("Content-Security-Policy") < min(head.index(tag) for tag in ("<link", "<script") if tag in head), page
        assert not re.search(r"<script>|\son[a-z]+=", page.read_text(encoding="utf-8")), page  # no inline script to allow


def test_every_family_still_works_from_file_under_the_policy(shipped_site, watched):
    """Site, print, slides and kiosk run their scripts from file:// with the policy, without one console error."""
    view = watched(shipped_site)
    errors = []  # from every page of the context: the presenter window is a page of its own
    view.page.context.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page = view.open("search.html")
    page.fill("#q", "刷单")
    assert page.locator("#results a").count() > 0
    page.press("#q", "Enter")  # the form is never submitted (form-action 'none' would log an error)
    assert page.url.endswith("/search.html")
    page = view.open("index.html")
    page.locator("#large-toggle").click()
    assert page.evaluate("document.documentElement.classList.contains('large')")
    page.reload()  # the early large-type script (a file now, not inline) still applies the choice
    assert page.evaluate("document.documentElement.classList.contains('large')")
    poster = sorted((shipped_site / "posters").glob("scam-*.html"))[0].relative_to(shipped_site).as_posix()
    page = view.open(poster)
    page.wait_for_selector("main[data-fit]")  # print.js measured the sheet
    page = view.open("posters/index.html")
    page.locator(".pr-card").first.scroll_into_view_if_needed()
    page.frame_locator("iframe").first.locator("main[data-fit]").wait_for()  # a preview of the print centre, fitted
    deck = sorted((shipped_site / "slides").glob("*.html"))[0]
    page = view.open(deck.relative_to(shipped_site).as_posix())
    page.wait_for_selector(".slide[data-fit]")  # the deck's scripts fitted the slides
    page.keyboard.press("ArrowRight")
    with page.context.expect_page() as opened:
        page.keyboard.press("s")  # the presenter window: a second page of the deck's own
    presenter = opened.value
    presenter.locator(".presenter-notes").wait_for()
    presenter.close()
    page = view.open("kiosk/all.html")
    page.wait_for_selector(".slide[data-fit]")
    assert view.errors == [] and errors == []
    assert view.outside == []


def test_the_policy_really_stops_a_load_from_outside(shipped_site, watched, tmp_path):
    """Proof that the wall stands: a page with a remote image and an inline script slipped in runs neither."""
    copy = tmp_path / "site"
    shutil.copytree(shipped_site, copy)
    rules = copy / "rules.html"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "</main>", '<img src="https://cdn.example.com/x.png"><script>document.title = "ran"</script></main>'), encoding="utf-8")
    view = watched(copy)
    page = view.open("rules.html")
    assert page.title() != "ran"
    assert any("Content Security Policy" in error and "cdn.example.com" in error for error in view.errors)
    assert any("Content Security Policy" in error and "inline script" in error for error in view.errors)
