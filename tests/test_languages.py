"""Languages: an English kit from the shipped content, 繁體中文 by conversion, an English item in a Chinese site."""

import io
import json
import re
import subprocess
from html.parser import HTMLParser

import docx
import pptx
import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build
from pptx.oxml.ns import qn
from pypdf import PdfReader

from fangzha.outputs.printkit.pdf import fit_pdf

HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# Pages around content of either language: their own words must all be English on an English site.
CATALOGUED = ("scams/", "campaigns/", "rules.html", "report.html", "search.html", "404.html",
              "slides/", "posters/index.html", "leaflets/index.html", "print-shop/index.html", "video/index.html")
# Printed items whose content is English in the shipped content (besides the class meeting's kit).
ENGLISH_PRINTS = ("posters/rules-new-ten.html", "posters/rules-sanbu-yiduo.html", "posters/scam-shuadan.html",
                  "posters/scam-atm.html", "posters/report.html", "posters/fakes.html", "print-shop/tent-guide.html",
                  "print-shop/wall-report-a3.html")


def with_language(tmp_path, language):
    project = copy_project(ROOT, tmp_path / "project")
    config = project / "config.yaml"
    text = config.read_text(encoding="utf-8").replace("title: 防范诈骗宣传\n", f"title: 防范诈骗宣传\nlanguage: {language}\n")
    if language == "en":  # the organisation's own names, as an international school would write them
        text = text.replace("title: 防范诈骗宣传", "title: Stop fraud").replace("organisation: 示例社区居民委员会", "organisation: Example Residents' Committee")
        text = text.replace("  name: 社区居委会", "  name: Residents' Committee").replace("  address: 示例街道 1 号", "  address: 1 Example Street")
        text = text.replace("  police_station: 辖区派出所", "  police_station: Local police station")
    config.write_text(text, encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return with_language(tmp_path_factory.mktemp("en"), "en")


@pytest.fixture(scope="module")
def traditional(tmp_path_factory):
    return with_language(tmp_path_factory.mktemp("zh-hant"), "zh-Hant")


# Chinese names the English content quotes on purpose: an app and a menu are found by these names.
QUOTED_NAMES = ("国家反诈中心", "政民互动", "打击欺诈骗保举报")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Visible(HTMLParser):
    """The text of a page outside <script>, <style>, elements marked lang="zh…" (and <title>, if asked)."""

    def __init__(self, skip):
        super().__init__(convert_charrefs=True)
        self.skip, self.stack, self.text = skip, [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        hidden = tag in self.skip or (dict(attrs).get("lang") or "").startswith("zh")
        self.stack.append((tag, hidden or bool(self.stack and self.stack[-1][1])))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.text.append(data)


def visible_text(html, title=True):
    """A page's text as readers see it, leaving out elements marked as written in Chinese and quoted names
    (and the <title>, which cannot mark its parts, when `title` is false: a Chinese item's title is its name)."""
    for name in QUOTED_NAMES:
        html = html.replace(name, "")
    parser = _Visible({"script", "style"} | (set() if title else {"title"}))
    parser.feed(html)
    return " ".join(parser.text)


def test_every_english_page_says_lang_en(english):
    pages = sorted(english.rglob("*.html"))
    assert len(pages) > 100
    assert [p.name for p in pages if '<html lang="en">' not in p.read_text(encoding="utf-8")] == []


def kit_files(site, slug):
    """Every page and script the manifest puts in a campaign's kit."""
    files = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]
    return [site / f["path"] for f in files if f["campaign"] == slug and f["path"].endswith((".html", ".txt"))]


def test_the_english_class_meeting_kit_has_no_chinese_character(english):
    kit = kit_files(english, "class-meeting")
    folders = {p.relative_to(english).parts[0] for p in kit}
    assert folders >= {"slides", "kiosk", "posters", "leaflets", "print-shop", "broadcast"}, folders
    kit += [english / "campaigns/class-meeting.html", english / "rules.html", english / "report.html"]
    kit += [english / f"scams/{slug}.html" for slug in ("shuadan", "atm", "student-info", "sms-scam")]
    kit += [english / name for name in ENGLISH_PRINTS]
    for page in kit:
        text = visible_text(page.read_text(encoding="utf-8-sig"))
        assert HAN.findall(text) == [], page.relative_to(english).as_posix()
    campaign = (english / "campaigns/class-meeting.html").read_text(encoding="utf-8")
    assert "Class meeting on preventing fraud" in campaign and "Campaign kit" in campaign
    assert (english / "slides/class-meeting.html").read_text(encoding="utf-8").count('class="slide ') > 20


def docx_text(path):
    """Every text a reader of a Word file sees: paragraphs, table cells, headers and footers, its title."""
    document = docx.Document(path)
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer,
                     section.first_page_header, section.first_page_footer):
            texts += [p.text for p in part.paragraphs]
    return texts + [document.core_properties.title, document.core_properties.subject]


def pptx_text(path):
    """Every slide's boxes and its notes."""
    texts = []
    for slide in pptx.Presentation(path).slides:
        texts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def office_files(site, slug=None):
    files = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]
    return [site / f["path"] for f in files if f["path"].endswith((".docx", ".pptx")) and (slug is None or f["campaign"] == slug)]


def test_the_english_kit_s_word_and_powerpoint_files_have_no_chinese_character(english):
    """The plan, report and lesson plan follow the seed's structure in English: their own words are the catalogue's."""
    files = office_files(english, "class-meeting")
    assert sorted(p.name for p in files) == ["class-meeting-lesson.docx", "class-meeting-plan.docx", "class-meeting-summary.docx",
                                             "class-meeting.pptx"]
    for path in files:
        texts = docx_text(path) if path.suffix == ".docx" else pptx_text(path)
        assert [t for t in texts if HAN.search(t)] == [], path.name
    plan = docx_text(english / "plans/class-meeting-plan.docx")
    assert plan[0] == "Class meeting on preventing fraud: campaign plan"
    headings = [t for t in plan if re.fullmatch(r"\d\. [A-Z].*", t)]  # 篇1's own parts, in its order
    assert headings == ["1. Background", "2. Aims", "3. Main methods", "4. Organised by", "5. Time", "6. Place",
                        "7. Programme of the class meeting"]
    assert "(a) Fraud and theft cases on campus (about 10 min). Tell the case" in " ".join(plan)
    summary = " ".join(docx_text(english / "plans/class-meeting-summary.docx"))
    assert "This report is sent to the class teacher within a week after the class meeting." in summary
    lesson = docx_text(english / "plans/class-meeting-lesson.docx")
    assert "Answer: C. A real prize never asks you to pay first; the number in the message may be the scammer's own." in lesson
    assert any(re.match(r"Slides (\d+)–(\d+), A text says:", t) for t in lesson)  # a question and its answer slide
    assert any('next comes "Case" (1 case).' in t for t in lesson)  # one case, not "1 cases"
    assert not any(".;" in t for t in lesson)  # notes that end their sentence are not followed by "; "
    assert any(t.startswith("1. Be alert and learn to protect yourself") for t in pptx_text(english / "slides/class-meeting.pptx"))


def test_the_english_deck_and_documents_name_their_layouts_styles_and_language_in_english(english):
    """What a teacher editing the files sees besides the text: the layout gallery, the selection pane, the style
    gallery, and the language PowerPoint checks the spelling in."""
    deck = pptx.Presentation(english / "slides/class-meeting.pptx")
    assert [layout.name for layout in deck.slide_layouts] == ["Title Slide", "Title and Content", "Section Header", "Blank"]
    names = {shape.name for slide in deck.slides for shape in slide.shapes}
    assert "Icon landmark" in names and [name for name in names if HAN.search(name)] == []
    runs = {r.get("lang") for slide in deck.slides for r in slide.shapes._spTree.iter(qn("a:rPr"))}
    assert runs == {"en-GB"} and deck.core_properties.language == "en"
    styles = {style.name for style in docx.Document(english / "plans/class-meeting-plan.docx").styles}
    assert {"Document title", "Table text"} <= styles and [name for name in styles if HAN.search(name)] == []


def test_the_english_letter_to_parents_names_the_campaign_and_prints_on_one_page(english, watched):
    letter = english / "posters/letter-class-meeting.html"
    text = visible_text(letter.read_text(encoding="utf-8"))
    assert HAN.findall(text) == []
    assert "held “Class meeting on preventing fraud” on 25 September at s1103" in text
    assert "Fake trading of online game items:" in text  # a parents' scam, translated
    assert "take your money. What to do: Look for jobs" in text and "the class teacher. Thank you for your support!" in text
    page = watched(english).open("posters/letter-class-meeting.html")
    page.evaluate("document.fonts.ready")
    assert page.get_attribute("#main", "data-fit") == "ok"
    assert len(PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages) == 1


def test_english_ui_strings_around_chinese_items(english):
    """A scam with no English version stays Chinese, marked lang="zh-CN"; the words around it are English."""
    page = (english / "scams/fake-police.html").read_text(encoding="utf-8")
    assert '<article class="scam" lang="zh-CN"' in page
    for name in CATALOGUED:
        for path in [english / name] if name.endswith(".html") else sorted((english / name).glob("*.html")):
            assert HAN.findall(visible_text(path.read_text(encoding="utf-8"), title=False)) == [], path.relative_to(english).as_posix()


def test_the_translated_rule_list_says_it_is_a_translation(english):
    rules = (english / "rules.html").read_text(encoding="utf-8")
    assert "The new ten “if anyone…” rules" in rules
    assert "Order brushing: always a scam!" in rules


def test_traditional_build_converts_content_and_catalogue(traditional):
    """Every page, printed item, print-shop note and broadcast script; only the build's notes to the editor
    (marked lang="zh-CN") stay simplified."""
    files = [p for p in sorted(traditional.rglob("*")) if p.suffix in (".html", ".txt")]
    assert {p.relative_to(traditional).parts[0] for p in files} >= {"posters", "leaflets", "print-shop", "broadcast", "kiosk"}
    assert len(files) > 150
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".html":
            assert '<html lang="zh-Hant">' in text, path.relative_to(traditional).as_posix()
        text = re.sub(r'<(\w+)[^>]*\blang="zh-CN"[^>]*>.*?</\1>', "", text, flags=re.S)
        for simplified in ("诈骗", "举报", "电话", "凡是规则", "该打哪个电话", "这些骗局要当心", "打印设置", "广播稿", "规格说明："):
            assert simplified not in text, (path.relative_to(traditional).as_posix(), simplified)
    office = office_files(traditional)
    assert len(office) > 15
    for path in office:
        text = "\n".join(docx_text(path) if path.suffix == ".docx" else pptx_text(path))
        for simplified in ("诈骗", "举报", "电话", "凡是规则", "该打哪个电话", "活动方案", "总结", "讲解提示"):
            assert simplified not in text, (path.name, simplified)
    assert "一、教學目標" in docx_text(traditional / "plans/class-meeting-lesson.docx")
    words = (traditional / "assets/words.js").read_text(encoding="utf-8")  # what the scripts write
    assert "講者" in words and "讲者" not in words and "计时" not in words
    index = (traditional / "index.html").read_text(encoding="utf-8")
    assert "該打哪個電話" in index and "詐騙" in index


ENGLISH_SCAM = """---
title: Fake refund calls
lang: en
category: 常见手法
order: 20
summary: A caller posing as a shop's customer service offers a refund and asks for your card number and code.
audiences: [学生]
signs: [They call you first about a refund]
steps: [Hang up and check in the shop's own app]
call: ["110"]
quiz:
  - question: The caller offers a refund. What do you do?
    options:
      - Give the card number, then wait
      - Hang up, then check in the shop's own app
      - Ask for their name, then give the code
    answer: 2
    explanation: Real shops never ask for your code.
sources:
  - title: Test source
reviewed: 2026-11-27
---
Refund calls are a common trick.
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("mixed") / "project")
    (project / "content/scams/fake-refund.md").write_text(ENGLISH_SCAM, encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_an_english_item_in_a_chinese_site_carries_its_lang_and_keeps_its_answer(mixed):
    page = (mixed / "scams/fake-refund.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and '<article class="scam" lang="en"' in page
    assert "Hang up, then check in the shop&#39;s own app" in page
    assert "正确答案：B。" in page  # the option with a comma is one option, the second


def test_search_finds_an_english_item(mixed, watched):
    page = watched(mixed).open("search.html")
    page.fill("#q", "refund")
    assert "Fake refund calls" in page.locator("#results a").all_inner_texts()
    assert page.locator("#results li[lang=en]").all_inner_texts()[0].count("Fake refund calls") == 1


def broken(tmp_path, text):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    (project / "content/scams/fake-refund.md").write_text(text, encoding="utf-8")
    return run_build(cwd=project)


def test_english_options_in_brackets_are_refused(tmp_path):
    text = ENGLISH_SCAM.replace("""    options:
      - Give the card number, then wait
      - Hang up, then check in the shop's own app
      - Ask for their name, then give the code
""", "    options: [Give the card number, then wait, Hang up, then check the app]\n")
    result = broken(tmp_path, text)
    assert result.returncode == 1
    assert ("content/scams/fake-refund.md:13: quiz[1].options: 英文选项不能写在 [ ] 里：选项里的逗号会把一个选项拆成两个，正确答案就对不上了。"
            "请把每个选项单独写一行，以「- 」开头（这样选项里有逗号也没关系）。") in result.stdout + result.stderr


def test_an_answer_may_be_the_option_itself(tmp_path):
    result = broken(tmp_path, ENGLISH_SCAM.replace("    answer: 2\n", "    answer: Hang up, then check the shop's app\n"))
    assert result.returncode == 1
    assert ("content/scams/fake-refund.md:17: quiz[1].answer: 正确选项「Hang up, then check the shop's app」和哪个选项都对不上。"
            "请把正确的那个选项原样抄一遍，或者写它的序号（1 到 3）。") in result.stdout + result.stderr


def test_english_length_limits_count_words(tmp_path):
    long_summary = " ".join(["word"] * 33)
    result = broken(tmp_path, ENGLISH_SCAM.replace(
        "summary: A caller posing as a shop's customer service offers a refund and asks for your card number and code.",
        f"summary: {long_summary}"))
    assert result.returncode == 1
    assert "content/scams/fake-refund.md:6: summary: 太长了：33 个词（英文按词计：最多 30 个词）。请删减 3 个词。" in result.stdout + result.stderr


def test_the_scripts_write_english_on_an_english_site(english, watched):
    """Search status, the presenter view and the kiosk clock take their words from assets/words.js."""
    site = watched(english)
    page = site.open("search.html")
    page.fill("#q", "brushing")
    assert re.fullmatch(r"Results found: [1-9]\d*", page.locator("#search-status").inner_text())
    page.fill("#q", "qqqzzz")
    assert page.locator("#search-status").inner_text() == "Nothing found for “qqqzzz”"
    presenter = site.open("slides/class-meeting.html?presenter")
    presenter.wait_for_selector(".presenter-now")
    assert presenter.locator(".presenter-top [data-action=restart]").inner_text() == "Restart timer"
    slides = (english / "slides/class-meeting.html").read_text(encoding="utf-8").count('class="slide ')
    assert presenter.locator(".presenter-now").inner_text() == f"Slide 1 of {slides}"
    kiosk = site.open("kiosk/class-meeting.html")
    clock = kiosk.locator(".kiosk-clock").text_content()
    assert re.fullmatch(r"(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day \d{1,2} [A-Z][a-z]+ 20\d\d  \d\d:\d\d", clock), clock
    assert site.errors == [] and site.outside == []


def test_english_pages_set_latin_letters_in_a_latin_font_and_the_pdf_embeds_it(english, watched):
    page = watched(english).open("scams/fake-police.html")  # an English page around a Chinese scam
    first = page.evaluate("getComputedStyle(document.body).fontFamily.split(',')[0]")
    chinese = page.evaluate("getComputedStyle(document.querySelector('article[lang=zh-CN]')).fontFamily.split(',')[0]")
    assert (first, chinese) == ('"Segoe UI"', '"Noto Sans CJK SC"')
    dest = "posters/campaign-class-meeting.html"
    assets = {p.relative_to(english).as_posix(): p.read_bytes() for p in (english / "assets").rglob("*") if p.is_file()}
    pdf, too_long = fit_pdf(dest, (english / dest).read_text(encoding="utf-8"), 0.5, "", 1, assets)
    assert too_long == ""
    (english.parent / "poster.pdf").write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(english.parent / "poster.pdf")], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), fonts  # embedded, subset, unicode
    assert not any("CJK" in row for row in rows), fonts  # an English poster does not draw its letters from a CJK font
