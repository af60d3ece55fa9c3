"""Office files: the PPTX deck and the Word documents, read back as PowerPoint, WPS and Word read them.

What users rely on: one slide per slide of the HTML deck (and the quiz answer on its own slide),
real titles and text placeholders, notes, Chinese runs in an East-Asian font, nothing outside the
slide; each plan in its seed's structure with its organiser and agenda; the 公文 page as
GB/T 9704 sets it; files LibreOffice opens and draws with CJK glyphs.
"""

import html
import json
import re
import shutil
import subprocess

import docx
import pytest
import yaml
from conftest import FIXTURES, ROOT, copy_project, edit_front_matter, run_build
from docx.shared import Mm, Pt
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from fangzha.content.load import load_project
from fangzha.content.validate import validate

MINI = FIXTURES / "mini"
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The parts of each seed plan (篇1–篇6), in the seed's order.
SEED_HEADINGS = {
    "class-meeting": ["背景", "目的", "主要方法", "开展单位", "时间", "地点", "班会过程"],
    "community-telecom": ["工作目标", "组织领导", "工作重点", "工作措施和职责分工", "实施步骤", "工作要求"],
    "parttime-pledge": ["活动背景", "活动目的", "活动主题", "活动内容", "活动时间、地点", "主办单位及参加人员",
                        "活动准备及流程", "活动意义", "后期工作", "活动说明"],
    "campus-class-meeting": ["活动目标", "活动过程"],
    "medical-insurance-week": ["活动主题", "宣传目的", "成立领导小组", "宣传内容", "宣传方式", "工作要求"],
    "elderly-care": ["目标要求", "行动安排", "主要任务", "工作要求"],
}
NUMBERS = "一二三四五六七八九十"


@pytest.fixture(scope="module")
def model():
    return validate(load_project(ROOT))


def html_slides(site, slug):
    """(kind, steps, title, notes paragraphs) of each slide of the HTML deck, as the browser gets them."""
    page = (site / f"slides/{slug}.html").read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r'<section class="slide slide-(\w+)[ "][^>]*data-steps="(\d+)"[^>]*>(.*?)</section>', page, re.S):
        kind, steps, inner = match.group(1), int(match.group(2)), match.group(3)
        heading = re.search(r'<h2 class="slide-heading">(.*?)</h2>', inner, re.S)
        first = re.search(r'<p class="(?:hero|lead)-text">(.*?)</p>', inner, re.S)
        title = html.unescape(re.sub(r"<[^>]+>", "", (heading or first).group(1))) if (heading or first) else ""  # a hero in phrases
        notes = re.search(r'<aside class="notes"[^>]*>(.*?)</aside>', inner, re.S)
        texts = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p[^>]*>(.*?)</p>", notes.group(1), re.S)] if notes else []
        out.append((kind, steps, title, texts))
    return out


def notes_text(slide):
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_each_campaign_has_a_pptx_with_one_slide_per_html_slide_and_its_notes(shipped_site, model):
    for campaign in model.campaigns:
        slug = campaign["slug"]
        expected = html_slides(shipped_site, slug)
        prs = Presentation(shipped_site / f"slides/{slug}.pptx")  # round trip: the writing library reads it back
        slides = list(prs.slides)
        assert len(slides) == sum(1 + steps for _, steps, _, _ in expected), slug
        index = 0
        for kind, steps, title, notes in expected:
            for step in range(steps + 1):  # the quiz: the question, then the same slide with the answer
                slide = slides[index]
                index += 1
                assert slide.shapes.title is not None and slide.shapes.title.text == title, (slug, index)
                for line in notes:
                    assert line in notes_text(slide), (slug, index, line)
                if kind == "quiz" and step:
                    assert "答案：" in " ".join(s.text_frame.text for s in slide.placeholders if s.has_text_frame)
                elif kind == "quiz":
                    assert "答案：" not in " ".join(s.text_frame.text for s in slide.placeholders if s.has_text_frame)


def test_slides_use_real_placeholders_and_the_deck_layouts(shipped_site, model):
    """Outline view and 重设 need real title and body placeholders, on the project's own layouts."""
    prs = Presentation(shipped_site / "slides/campus-class-meeting.pptx")
    assert [layout.name for layout in prs.slide_layouts] == ["标题幻灯片", "标题和内容", "节标题", "空白"]
    assert (prs.slide_width, prs.slide_height) == (Emu(960 * 12700), Emu(540 * 12700))
    bodies = 0
    for slide in prs.slides:
        kinds = {shape.placeholder_format.type for shape in slide.placeholders}
        assert kinds & {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
        bodies += bool(kinds & {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE})
    assert bodies >= len(prs.slides) - 2  # only the 情境导入 question slide is a title alone
    scam = next(s for s in prs.slides if s.shapes.title.text == "利用ATM机行骗")
    body = next(s for s in scam.placeholders if s.placeholder_format.idx == 1)
    points = [p for p in body.text_frame.paragraphs if p._p.find(f"{A}pPr/{A}buNone") is None]
    atm = next(s for s in model.scams if s["slug"] == "atm")
    assert [p.text for p in points] == atm["signs"]
    pictures = [shape.name for shape in scam.shapes if shape.shape_type == 13]
    assert pictures == [f"图标 {atm['icon']}"] == ["图标 landmark"]  # the scam's own pictogram (its `icon:`)


def runs_of(prs):
    for slide in prs.slides:
        frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
                yield from paragraph.runs


def test_every_chinese_run_names_an_east_asian_font_and_every_shape_is_inside(shipped_site, model):
    for campaign in model.campaigns:
        prs = Presentation(shipped_site / f"slides/{campaign['slug']}.pptx")
        theme = prs.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode("utf-8")
        assert '<a:ea typeface="微软雅黑"/>' in theme
        chinese = [run for run in runs_of(prs) if CJK.search(run.text)]
        assert chinese
        for run in chinese:
            r_pr = run._r.find(f"{A}rPr")
            assert r_pr is not None and r_pr.get("lang") == "zh-CN", run.text
            assert r_pr.find(f"{A}ea").get("typeface") == "微软雅黑", run.text
        width, height = prs.slide_width, prs.slide_height
        for number, slide in enumerate(prs.slides, start=1):
            for shape in slide.shapes:
                assert shape.left >= 0 and shape.top >= 0, (campaign["slug"], number, shape.name)
                assert shape.left + shape.width <= width and shape.top + shape.height <= height, (campaign["slug"], number, shape.name)


def word_text(document):
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def east_asian_font(run, document):
    """The East-Asian font a run is set in, following run → paragraph style → its bases → defaults."""
    def font_of(r_pr):
        fonts = r_pr.find(f"{W}rFonts") if r_pr is not None else None
        if fonts is not None:
            assert fonts.get(f"{W}eastAsiaTheme") is None  # a theme font would win over the named one
            return fonts.get(f"{W}eastAsia")
        return None
    found = font_of(run._r.find(f"{W}rPr"))
    style = run._parent.style if hasattr(run._parent, "style") else None
    while not found and style is not None:
        found = font_of(style.element.find(f"{W}rPr"))
        style = style.base_style
    if not found:
        defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        found = font_of(defaults)
    return found


def all_runs(document):
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs


def test_each_plan_has_its_seed_parts_in_order_its_organiser_and_agenda(shipped_site, model):
    for campaign in model.campaigns:
        slug = campaign["slug"]
        document = docx.Document(shipped_site / f"plans/{slug}-plan.docx")
        parts = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
        assert parts == [f"{NUMBERS[i]}、{name}" for i, name in enumerate(SEED_HEADINGS[slug])], slug
        text = word_text(document)
        assert campaign["organiser"] in text
        for step in campaign["agenda"]:
            assert step["title"] in text, (slug, step["title"])
        assert "宣传材料清单" in text and f"slides/{slug}.pptx" in text and f"posters/campaign-{slug}.html" in text
        for run in all_runs(document):
            if CJK.search(run.text):
                assert east_asian_font(run, document), (slug, run.text)


def test_telecom_plan_keeps_each_measure_with_its_unit_and_three_dated_phases(shipped_site):
    document = docx.Document(shipped_site / "plans/community-telecom-plan.docx")
    texts = [p.text for p in document.paragraphs]
    measures = [t for t in texts if "责任单位：" in t]
    assert [re.search(r"责任单位：(.+?)）", t).group(1) for t in measures] == ["物业科", "局属各单位", "局属各单位", "办公室"]
    assert measures[0].startswith("（一）全覆盖推进“入户走访宣传”。督促各物业服务企业")
    steps = texts[texts.index("五、实施步骤") + 1: texts.index("六、工作要求")]
    assert [t.split("。")[0] for t in steps] == ["（一）动员部署阶段（即日起至2月初）", "（二）全面实施阶段（2月初至11月底）",
                                                "（三）总结评估（12月）"]


def test_gongwen_page_and_type_follow_gb_t_9704(shipped_site):
    document = docx.Document(shipped_site / "plans/elderly-care-plan.docx")  # config.yaml: documents.style 公文
    section = document.sections[0]
    margins = [round(m / Mm(1)) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    assert margins == [37, 35, 28, 26]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16) and east_asian_font(document.paragraphs[1].runs[0], document) == "仿宋_GB2312"
    text_width, text_height = (210 - 28 - 26) * 72 / 25.4, (297 - 37 - 35) * 72 / 25.4
    pitch = normal.paragraph_format.line_spacing.pt
    assert int(text_height / pitch + 0.01) == 22                        # 22 lines a page
    condensed = int(normal.element.find(f"{W}rPr/{W}spacing").get(f"{W}val")) / 20
    assert int(text_width / (16 + condensed)) == 28                     # of 28 characters
    title = document.paragraphs[0]
    assert title.style.font.size == Pt(22) and east_asian_font(title.runs[0], document) == "方正小标宋简体"
    assert title.style.paragraph_format.alignment == 1  # centred
    heading_fonts = [document.styles[f"Heading {n}"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for n in (1, 2, 3)]
    assert heading_fonts == ["黑体", "楷体_GB2312", "仿宋_GB2312"]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, side in ((section.footer, 2), (section.even_page_footer, 0)):  # odd right, even left
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == side
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph._p.find(f"{W}fldSimple").get(f"{W}instr") == "PAGE"


def test_plain_style_and_four_by_three_slides_from_config(tmp_path):
    project = copy_project(MINI, tmp_path / "p")
    config = yaml.safe_load((project / "config.yaml").read_text(encoding="utf-8"))
    config.update(slides={"aspect": "4:3"}, documents={"style": "普通"})
    (project / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    prs = Presentation(project / "site/slides/class-meeting.pptx")
    assert (prs.slide_width, prs.slide_height) == (Emu(720 * 12700), Emu(540 * 12700))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width
    document = docx.Document(project / "site/plans/class-meeting-plan.docx")
    section = document.sections[0]
    assert [round(m / Mm(1), 1) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)] == [25.4, 25.4, 31.8, 31.8]
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(12) and normal.paragraph_format.line_spacing == 1.5
    assert normal.element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "宋体"
    manifest = json.loads((project / "site/manifest.json").read_text(encoding="utf-8"))
    row = next(r for r in manifest["files"] if r["path"] == "slides/class-meeting.pptx")
    assert row == {"path": "slides/class-meeting.pptx", "family": "office", "kind": "pptx", "campaign": "class-meeting",
                   "size": {"unit": "mm", "width": 254.0, "height": 190.5}, "pages": len(prs.slides)}


def test_summary_lesson_and_form(shipped_site, model):
    for campaign in model.campaigns:
        slug = campaign["slug"]
        summary = word_text(docx.Document(shipped_site / f"plans/{slug}-summary.docx"))
        for label in ("参与人数", "发放数量", "照片", "经验做法", "存在问题"):
            assert label in summary, (slug, label)
        assert "宣传海报" in summary and "三折页" in summary  # the kit, filled in
        assert ("每月工作台账" in summary) == (slug in ("community-telecom", "elderly-care"))
        lesson = shipped_site / f"plans/{slug}-lesson.docx"
        assert lesson.exists() == (campaign["format"] == "主题班会")
    telecom = docx.Document(shipped_site / "plans/community-telecom-summary.docx")
    ledger = telecom.tables[-1]
    assert [c.text for c in ledger.rows[0].cells][:2] == ["月份", "开展的防范宣传"]
    assert [row.cells[0].text for row in ledger.rows[1:]] == [f"{m}月" for m in range(2, 12)]
    lesson = word_text(docx.Document(shipped_site / "plans/campus-class-meeting-lesson.docx"))
    campaign = next(c for c in model.campaigns if c["slug"] == "campus-class-meeting")
    for goal in campaign["goals"]:
        assert goal in lesson
    quiz = [item for scam in campaign["scams"] for item in scam["quiz"]]
    for item in quiz:
        assert f"答案：{'ABCDEFGH'[item['answer'] - 1]}。{item['explanation']}" in lesson
    assert "20 分钟" in lesson and "合计" in lesson
    assert "。；" not in lesson and "。过渡页：下面进入「案例」（共 1 个案例）。" in lesson  # notes run on without a stray ；
    form = word_text(docx.Document(shipped_site / "plans/elderly-care-risk-check.docx"))
    for level in ("绿色名单", "黄色名单", "橙色名单", "红色名单"):
        assert level in form
    assert "承诺投资回报、“炒床位”" in form and "排查人员（签字）" in form


def test_campaign_page_and_print_centre_list_the_office_files(shipped_site):
    page = (shipped_site / "campaigns/community-telecom.html").read_text(encoding="utf-8")
    assert ('<a href="../plans/community-telecom-plan.docx">活动方案（Word）</a><span class="kit-purpose">'
            "按原方案的结构写好的活动方案，改好后可以报送或存档；附宣传材料清单</span>") in page
    assert '<a href="../slides/community-telecom.pptx">班会课件（PowerPoint，可以编辑）</a><span class="kit-purpose">' in page
    centre = (shipped_site / "posters/index.html").read_text(encoding="utf-8")
    assert "可以编辑的 Word 和 PowerPoint 文件" in centre
    assert '<a href="../plans/elderly-care-risk-check.docx">养老服务机构诈骗风险隐患排查表（Word）</a>：附件表格' in centre
    assert '<a href="../plans/campus-class-meeting-lesson.docx">教案（Word）</a>：' in centre


def test_unknown_icon_is_one_clear_line_and_a_known_one_is_drawn(tmp_path):
    project = copy_project(MINI, tmp_path / "p")
    edit_front_matter(project / "content/scams/shuadan.md", lambda d: d.update(icon="smartphon"))
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    line = next(row for row in result.stdout.splitlines() + result.stderr.splitlines() if "icon" in row)
    assert line.startswith("content/scams/shuadan.md:")
    assert line.endswith("icon: 图标集里没有「smartphon」。你是不是想写「smartphone」？图标名是 Lucide 图标集里的英文名，见 docs/office.md；不写就用盾牌图标。")
    edit_front_matter(project / "content/scams/shuadan.md", lambda d: d.update(icon="smartphone"))
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    prs = Presentation(project / "site/slides/class-meeting.pptx")
    names = [shape.name for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert "图标 smartphone" in names


def test_a_slide_that_cannot_fit_is_named(tmp_path):
    project = copy_project(MINI, tmp_path / "p")
    edit_front_matter(project / "content/campaigns/class-meeting.md",
                      lambda d: d.update(discussion={"prompts": ["如果再遇到一次，第一步应该做什么？" * 100]}))
    result = run_build("check", cwd=project)
    lines = [row for row in result.stdout.splitlines() if "slides/class-meeting.pptx" in row]
    assert len(lines) == 1
    assert re.fullmatch(r"提示：content/campaigns/class-meeting\.md: slides/class-meeting\.pptx 第 \d+ 页「分组讨论」: "
                        r"文字太多，缩小到 70% 也放不下（需要大约 \d+% 的版面）。请删减这一页的文字。", lines[0]), lines[0]
    strict = run_build("build", "--strict", cwd=project)
    assert strict.returncode == 1 and "slides/class-meeting.pptx" in strict.stdout + strict.stderr


def soffice():
    found = shutil.which("soffice")
    if not found:
        pytest.fail("找不到 soffice：这项测试需要 LibreOffice（apt-get install --no-install-recommends libreoffice-impress libreoffice-writer）。")
    return found


def to_pdf(source, folder):
    """LibreOffice, headless, with its own profile folder: the proof that another office suite opens the file."""
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=240)
    return folder / (source.stem + ".pdf")


def drawn_page(pdf, folder):
    """Page 1 drawn as a greyscale picture: the share of pixels that are not paper."""
    from PIL import Image
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", "-f", "1", "-l", "1", str(pdf), str(folder / "page")], check=True)
    image = Image.open(next(folder.glob("page*.png"))).convert("L")
    pixels = list(image.getdata())
    return sum(1 for p in pixels if p < 200) / len(pixels)


@pytest.mark.parametrize("relative", ["slides/elderly-care.pptx", "plans/community-telecom-plan.docx"])
def test_libreoffice_opens_and_draws_with_cjk_glyphs(shipped_site, tmp_path, relative):
    source = shipped_site / relative
    pdf = to_pdf(source, tmp_path)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    if source.suffix == ".pptx":
        assert pages == len(Presentation(source).slides)
    else:
        assert pages > 1
    assert drawn_page(pdf, tmp_path) > 0.01  # not blank
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "2", str(pdf), "-"], capture_output=True, text=True).stdout
    expected = "打击整治养老服务诈骗专项行动" if source.suffix == ".pptx" else "防范电信网络诈骗专项行动方案"
    assert expected in re.sub(r"\s", "", text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "CJK" in fonts  # drawn with a font that has the glyphs (fonts-noto-cjk), not as empty boxes


def test_a_changed_campaign_is_drawn_again_and_an_unchanged_one_kept(tmp_path):
    """Files drawn from the same inputs are copied from the last good site; a change is never missed."""
    project = copy_project(MINI, tmp_path / "p")
    assert run_build("build", cwd=project).returncode == 0
    first = (project / "site/plans/class-meeting-summary.docx").read_bytes()
    edit_front_matter(project / "content/campaigns/class-meeting.md", lambda d: d.update(title="防范诈骗主题班会（改）"))
    assert run_build("build", cwd=project).returncode == 0
    prs = Presentation(project / "site/slides/class-meeting.pptx")
    assert prs.slides[0].shapes.title.text == "防范诈骗主题班会（改）"
    assert "防范诈骗主题班会（改）" in word_text(docx.Document(project / "site/plans/class-meeting-summary.docx"))
    assert (project / "site/plans/class-meeting-summary.docx").read_bytes() != first
    listing = (project / "site/.fangzha-drawn").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split(" ", 1)[1] for line in listing) == [
        "plans/class-meeting-lesson.docx", "plans/class-meeting-plan.docx", "plans/class-meeting-summary.docx",
        "slides/class-meeting.pptx"]
