"""WeChat: 公众号 articles that survive the editor, the 复制 button, and 群 messages ready to paste."""

import json
import re

import pytest
from conftest import FIXTURES, copy_project, edit, refused_build, run_build
from PIL import Image

from fangzha.outputs.wechat.rules import LIMIT, article_of, broken_rules

URL = re.compile(r"https?://|www\.|\.(com|cn|org|net)\b", re.IGNORECASE)


def articles(site):
    """{path in site: the article's HTML} of every wechat-article in the manifest."""
    rows = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]
    return {r["path"]: article_of((site / r["path"]).read_text(encoding="utf-8")) for r in rows if r["kind"] == "wechat-article"}


def message(site, slug):
    return (site / f"wechat/{slug}.txt").read_bytes().decode("utf-8-sig")


# ---- the checker: every rule the issue lists, each caught on its own

GOOD = '<section data-wechat-article style="font-size:16px;"><p style="font-size:16px;color:#333333;">文字</p></section>'


@pytest.mark.parametrize("inner, expected", [
    ('<div style="font-size:16px;">文字</div>', "用了微信编辑器不保留的元素 <div>：只能用 section、p、span、strong、table"),
    ('<style>p{color:red}</style>', "用了微信编辑器不保留的元素 <style>：只能用 section、p、span、strong、table"),
    ('<script>alert(1)</script>', "用了微信编辑器不保留的元素 <script>：只能用 section、p、span、strong、table"),
    ('<p class="x" style="font-size:16px;">文字</p>', '带了会被删掉的属性 <p class="…">（class、id、脚本等）：只能用 style'),
    ('<p id="x" style="font-size:16px;">文字</p>', '带了会被删掉的属性 <p id="…">（class、id、脚本等）：只能用 style'),
    ('<p onclick="x()" style="font-size:16px;">文字</p>', '带了会被删掉的属性 <p onclick="…">（class、id、脚本等）：只能用 style'),
    ("<p>文字</p>", ["<p> 没有行内样式（style）：粘贴后样式会丢", "<p> 没有写字号（font-size）"]),
    ('<p style="color:#333333;">文字</p>', "<p> 没有写字号（font-size）"),
    ('<table style="width:100%;"><tbody style="border:0;"><tr style="border:0;"><td style="color:#333333;">1</td></tr></tbody></table>',
     "<td> 没有写字号（font-size）"),
    ('<section style="display:flex;font-size:16px;"><p style="font-size:16px;">文字</p></section>',
     '用了微信不支持的布局 <section style="display:flex;font-size:16px;">（flex、grid、position、var()）'),
    ('<p style="font-size:16px;display:grid;">文字</p>', '用了微信不支持的布局 <p style="font-size:16px;display:grid;">（flex、grid、position、var()）'),
    ('<p style="font-size:16px;position:absolute;">文字</p>',
     '用了微信不支持的布局 <p style="font-size:16px;position:absolute;">（flex、grid、position、var()）'),
    ('<p style="font-size:16px;color:var(--ink);">文字</p>', ['用了微信不支持的布局 <p style="font-size:16px;color:var(--ink);">（flex、grid、position、var()）',
                                                           "颜色「var(--ink)」不是写明的颜色值（如 #a3161a）"]),
    ('<p style="font-size:16px;color:inherit;">文字</p>', "颜色「inherit」不是写明的颜色值（如 #a3161a）"),
    ('<p style="font-size:16px;"><a href="#top" style="font-size:16px;">回到顶部</a></p>', "有页内链接「#top」：微信会因此保存不了文章"),
    ('<p style="font-size:16px;"><a href="https://example.org/" style="font-size:16px;">网站</a></p>',
     "有链接「https://example.org/」：公众号文章只能链接 mp.weixin.qq.com 的文章"),
    ('<ul style="font-size:16px;"><li style="font-size:16px;">一<ul style="font-size:16px;"><li style="font-size:16px;">二</li></ul></li></ul>',
     "列表里套着列表 <ul>：粘贴后会乱"),
])
def test_the_checker_names_each_rule_an_article_breaks(inner, expected):
    assert broken_rules(GOOD) == []
    assert broken_rules(GOOD.replace("<p ", inner + "<p ", 1)) == (expected if isinstance(expected, list) else [expected])


def test_the_checker_allows_links_to_wechat_articles_and_counts_characters():
    link = '<p style="font-size:16px;"><a href="https://mp.weixin.qq.com/s/abc" style="font-size:16px;">上一篇</a></p>'
    assert broken_rules(GOOD.replace("<p ", link + "<p ", 1)) == []
    long = GOOD.replace("文字", "字" * LIMIT)
    assert broken_rules(long) == [f"HTML 有 {len(long)} 个字符，微信编辑器最多收 {LIMIT} 个"]


# ---- the shipped articles

def test_every_campaign_and_scam_has_an_article_that_survives_the_editor(shipped_site):
    found = articles(shipped_site)
    campaigns = sorted(p.stem for p in (shipped_site / "campaigns").glob("*.html") if p.stem != "index")
    scams = sorted(p.stem for p in (shipped_site / "scams").glob("*.html") if p.stem != "index")
    assert sorted(found) == sorted([f"wechat/{c}.html" for c in campaigns] + [f"wechat/scams/{s}.html" for s in scams])
    for path, article in found.items():
        assert article.startswith("<section data-wechat-article"), path
        assert broken_rules(article) == [], path
        assert len(article) < LIMIT, path


def test_a_campaign_article_says_what_the_campaign_is_about(shipped_site):
    article = article_of((shipped_site / "wechat/community-telecom.html").read_text(encoding="utf-8"))
    text = re.sub(r"<[^>]+>", "\n", article)
    for words in ("防范电信网络诈骗专项行动", "全民参与、社会共防", "刷单返利诈骗", "警惕：", "怎么办：", "新十个凡是",
                  "凡是刷单，都是诈骗！", "记住这些电话", "110", "96110", "本地联系", "社区居委会",
                  "【在这里插入图片】share/posters/campaign-community-telecom.jpg（本次活动的海报）",
                  "【在这里插入图片】share/posters/report.jpg（“遇到诈骗，打哪个电话”海报）", "内容最近审核：2026年11月27日"):
        assert words in text, words
    scam = article_of((shipped_site / "wechat/scams/shuadan.html").read_text(encoding="utf-8"))
    for words in ("刷单返利诈骗", "警惕信号", "兼职广告说“动动手指，日赚几百”", "遇到了怎么办", "1. 凡是刷单都是诈骗，一律拒绝",
                  "请记住", "【在这里插入图片】share/posters/scam-shuadan.jpg（这种骗局的海报）", "96110"):
        assert words in scam, words


def test_articles_and_messages_are_in_the_campaign_kit_and_the_manifest(shipped_site):
    rows = {r["path"]: r for r in json.loads((shipped_site / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert rows["wechat/elderly-care.html"] == {"path": "wechat/elderly-care.html", "family": "wechat",
                                                "kind": "wechat-article", "campaign": "elderly-care"}
    assert rows["wechat/elderly-care.txt"]["kind"] == "group-message"
    assert rows["wechat/scams/shuadan.html"]["kind"] == "wechat-article" and rows["wechat/scams/shuadan.html"]["campaign"] is None
    page = (shipped_site / "campaigns/elderly-care.html").read_text(encoding="utf-8")
    assert '<a href="../wechat/elderly-care.html">公众号文章</a>' in page
    assert '<a href="../wechat/elderly-care.txt">微信群消息</a>' in page
    index = (shipped_site / "wechat/index.html").read_text(encoding="utf-8")
    assert all(f'href="../{path}"' in index for path in rows if path.startswith("wechat/") and path != "wechat/index.html")


# ---- content Markdown: what does not survive the editor is turned into what does

BODY = """通过班会了解诈骗手段，详见[国家反诈中心](https://www.example.org/app)和[上一篇推送](https://mp.weixin.qq.com/s/abc)，
也可以看[举报求助](../report.html)或拨打 [96110](tel:96110)。

1. 先记住两个电话
    - 钱已转出：110
    - 拿不准：96110
2. 再告诉家人

![活动照片](photo.jpg)
"""


@pytest.fixture(scope="module")
def mini_with_links(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("wechat") / "project")
    edit(project, "content/campaigns/class-meeting.md", "通过班会了解诈骗手段。", BODY)
    Image.new("RGB", (40, 30), "#a3161a").save(project / "content/campaigns/photo.jpg")  # the picture the body shows
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_links_and_nested_lists_in_the_content_become_what_the_editor_keeps(mini_with_links):
    article = article_of((mini_with_links / "wechat/class-meeting.html").read_text(encoding="utf-8"))
    assert broken_rules(article) == []
    assert not re.search(r"<(ul|ol|li)\b", article)
    # the outside address is text with a numbered note; the WeChat one stays a link; a page of the site gets its full address
    assert '详见国家反诈中心<span style="font-size:12px;color:#717171;">[1]</span>和' in article
    assert '<a href="https://mp.weixin.qq.com/s/abc" style="font-size:16px;color:#1d4e89;">上一篇推送</a>' in article
    assert '看举报求助<span style="font-size:12px;color:#717171;">[2]</span>或' in article
    assert ">[1] https://www.example.org/app</p>" in article and ">[2] https://example.org/fz/report.html</p>" in article
    assert "[3]" not in article  # 96110 is its own text: no note
    # the nested list: every item kept, the inner ones indented under the outer one
    for item in ("1. 先记住两个电话", "2. 再告诉家人"):
        assert item in article
    inner = re.findall(r'<p style="[^"]*margin-left:1\.4em;[^"]*">– ([^<]+)</p>', article)
    assert inner == ["钱已转出：110", "拿不准：96110"]
    # the picture: where its copy is in the site folder, to upload it in the editor
    copy = re.search(r"【在这里插入图片】(images/[0-9a-f]{16}\.jpg)（活动照片）", article)
    assert copy and (mini_with_links / copy[1]).is_file()


def test_raw_html_in_the_content_is_reduced_to_what_the_editor_keeps(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit(project, "config.yaml", "output: site", "output: site\nallow_html: true")
    edit(project, "content/campaigns/class-meeting.md", "通过班会了解诈骗手段。",
         '<div class="box" style="display:flex">请<b>当心</b>陌生来电</div>\n\n<script>alert(1)</script>\n')
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    article = article_of((project / "site/wechat/class-meeting.html").read_text(encoding="utf-8"))
    assert broken_rules(article) == []
    assert '请<strong style="font-size:16px;color:#333333;">当心</strong>陌生来电' in article and "alert" not in article


def test_an_article_too_long_for_the_editor_stops_the_build(built_project):
    path = built_project / "content/scams/shuadan.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "很长的一段介绍。\n\n" * 2000, encoding="utf-8")
    lines = refused_build(built_project)
    assert len(lines) == 1 and re.fullmatch(
        r"content/scams/shuadan\.md: 正文: wechat/scams/shuadan\.html 的公众号文章粘贴到微信编辑器会出问题："
        r"HTML 有 \d+ 个字符，微信编辑器最多收 20000 个。请删减这个文件的正文。", lines[0]), lines


# ---- group messages

def test_every_campaign_has_a_short_group_message_with_the_numbers_and_no_link(shipped_site):
    slugs = sorted(p.stem for p in (shipped_site / "campaigns").glob("*.html") if p.stem != "index")
    assert sorted(p.stem for p in (shipped_site / "wechat").glob("*.txt")) == slugs
    for slug in slugs:
        data = (shipped_site / f"wechat/{slug}.txt").read_bytes()
        assert data.startswith("\ufeff".encode("utf-8")), slug  # Notepad and browsers read it as UTF-8
        text = message(shipped_site, slug)
        assert "110" in text and "96110" in text, slug
        assert not URL.search(text), (slug, URL.search(text))  # config.yaml has no base_url
        paragraphs = text.strip().split("\n\n")
        assert 3 <= len(paragraphs) <= 5 and len(text) < 400, (slug, len(text))
    assert message(shipped_site, "community-telecom") == (
        "【防骗提醒】防范电信网络诈骗专项行动\n全民参与、社会共防！\n\n"
        "局领导小组（办公室牵头）提醒大家，当心这些骗局：虚假购物服务诈骗、虚假网络贷款诈骗、刷单返利诈骗、冒充电商物流客服诈骗等。"
        "记住“三不一多”：未知链接不点击，陌生来电不轻信，个人信息不透露，转账汇款多核实。\n\n"
        "拿不准是不是诈骗，先打 96110 问一问。\n钱已经转出去了，马上打 110 报警。\n\n"
        "本地联系：\n社区居委会：示例街道 1 号\n")


def test_a_group_message_links_the_campaign_page_when_a_base_url_is_set(mini_with_site):
    text = message(mini_with_site / "site", "class-meeting")
    assert text.endswith("\n\n详情请看：https://example.org/fz/campaigns/class-meeting.html\n")
    assert "本地联系：\n测试居委会：电话 010-0000000\n" in text
    assert len(URL.findall(text)) == 2  # the one address: its scheme and its .org


# ---- in the browser: the 复制 button and Ctrl+A, Ctrl+C

def pasted(context):
    """What Ctrl+V puts into an editable box of a fresh page (the browser's clipboard)."""
    page = context.new_page()
    page.set_content('<div id="box" contenteditable="true"></div>')
    page.focus("#box")
    page.keyboard.press("Control+v")
    return page.inner_html("#box")


@pytest.mark.parametrize("way", ["clipboard", "selection", "keys"])
def test_the_article_is_copied_as_itself_from_file(shipped_site, watched, way):
    view = watched(shipped_site, permissions=["clipboard-read", "clipboard-write"])
    if way == "selection":  # a browser without ClipboardItem: the button selects the article and copies it
        view.page.context.add_init_script("delete window.ClipboardItem;")
    page = view.open("wechat/elderly-care.html")
    article = article_of((shipped_site / "wechat/elderly-care.html").read_text(encoding="utf-8"))
    if way == "keys":
        page.keyboard.press("Control+a")
        selected = page.evaluate("window.getSelection().toString()")
        assert selected.startswith("打击整治养老服务诈骗专项行动") and "复制文章" not in selected and "怎样发到公众号" not in selected
        page.keyboard.press("Control+c")
    else:
        page.get_by_role("button", name="复制文章").click()
        page.wait_for_function("() => document.getElementById('wx-status').textContent !== ''")
        assert page.text_content("#wx-status") == "已复制。到公众号编辑器的正文里按 Ctrl+V 粘贴。"
    box = pasted(page.context)
    assert box.startswith('<section style="font-size:16px;color:#333333;line-height:1.75;margin:0;padding:0;">')
    assert "data-wechat-article" not in box and "class=" not in box and len(box) < LIMIT
    assert re.sub(r"<[^>]+>", "", box) == re.sub(r"<[^>]+>", "", article).replace("&amp;", "&")
    assert page.evaluate("navigator.clipboard.readText()").startswith("打击整治养老服务诈骗专项行动\n")
    assert view.errors == [] and view.outside == []


def test_without_any_way_to_copy_the_article_is_left_selected_for_ctrl_c(shipped_site, watched):
    view = watched(shipped_site)
    view.page.context.add_init_script("delete window.ClipboardItem; document.execCommand = function () { return false; };")
    page = view.open("wechat/scams/shuadan.html")
    page.get_by_role("button", name="复制文章").click()
    assert page.text_content("#wx-status") == "没能自动复制：文章已经选中了，请按 Ctrl+C 复制。"
    assert page.evaluate("window.getSelection().toString()").startswith("刷单返利诈骗")
    assert view.errors == []
