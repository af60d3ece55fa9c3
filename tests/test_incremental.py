"""`serve` after a save: only the files that show what changed are made again; the rest are the last
build's files, untouched; and the result is byte for byte what a full build makes."""

import os
import re
import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, copy_project, edit, run_build
from PIL import Image
from pptx import Presentation

from fangzha.context import BuildContext
from fangzha.outputs import kiosk
from fangzha.pipeline import build
from fangzha.serve import Preview

REDONE = re.compile(r"^这次只重新生成了受影响的 (\d+) 个文件，其余 (\d+) 个没有变化。$")


def files(folder):
    """{path: (identity, bytes)} of every file of a built folder. The identity is the inode and the date:
    a file written after the old one was deleted may get the freed inode number, never its date."""
    found = {}
    for path in Path(folder).rglob("*"):
        if path.is_file():
            stat = os.stat(path)
            found[path.relative_to(folder).as_posix()] = ((stat.st_ino, stat.st_mtime_ns), path.read_bytes())
    return found


def rewritten(before, after):
    """The pages written anew (a file taken from the last build is the same file on disk)."""
    return {dest for dest, (same, _) in after.items() if dest.endswith(".html") and before.get(dest, (None,))[0] != same}


def redone(lines):
    numbers = [REDONE.match(line) for line in lines]
    return [tuple(map(int, m.groups())) for m in numbers if m]


def same_as_full_build(project, preview, tmp_path):
    while preview.draw_one():  # what serve draws after the browser has reloaded
        pass
    fresh = tmp_path / "fresh"
    build(BuildContext(project), fresh)
    assert {d: b for d, (_, b) in files(preview.folder).items()} == {d: b for d, (_, b) in files(fresh).items()}


def test_a_save_remakes_only_the_pages_showing_the_changed_scam(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    ok, lines = preview.rebuild()
    assert ok and redone(lines) == []  # the first build makes everything and says nothing more
    first = files(preview.folder)

    ok, lines = preview.rebuild()  # nothing was saved
    assert ok and redone(lines) == [(0, preview.memory.kept)]
    assert rewritten(first, files(preview.folder)) == set()

    edit(project, "content/scams/elderly-prepaid.md", "  - 一次性要交很多个月的费用", "  - 一次性要交一整年的费用")
    before = files(preview.folder)
    shown = "scams/elderly-prepaid.html"  # the page open in the browser: made before the reload
    ok, lines = preview.rebuild(showing={shown})
    assert ok
    [(made, kept)] = redone(lines)
    assert made == 1 and "一整年" in (preview.folder / shown).read_text(encoding="utf-8")

    # Every other page showing the scam, and the campaign's PowerPoint and Word files, are made after the
    # reload (web pages first), or at once when asked for; until then they are not in the folder.
    later = list(preview.memory.later)
    assert f"另有 {len(later)} 个受影响的文件在网页刷新后接着生成（打开或下载还没生成好的文件时，会马上生成）。" in lines
    assert not any((preview.folder / dest).exists() for dest in later)
    downloads = [dest for dest in later if dest.endswith((".pptx", ".docx"))]
    assert downloads and all("elderly-care" in dest for dest in downloads)
    assert later[-len(downloads):] == downloads and "kiosk/all.html" in later
    deck = "slides/elderly-care.pptx"
    assert preview.draw_one(deck) and deck not in preview.memory.later
    slides = Presentation(preview.folder / deck).slides
    assert any("一整年" in shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame)
    while preview.draw_one():
        pass
    changed = rewritten(before, files(preview.folder))
    for page in (shown, "posters/scam-elderly-prepaid.html", "wechat/scams/elderly-prepaid.html",
                 "leaflets/campaign-elderly-care.html", "kiosk/elderly-care.html", "kiosk/all.html"):
        assert page in changed and "一整年" in (preview.folder / page).read_text(encoding="utf-8")
    assert "campaigns/elderly-care.html" in changed  # it lists the scam
    others = [p.stem for p in (project / "content/scams").glob("*.md") if p.stem != "elderly-prepaid"]
    untouched = {f"{folder}{slug}.html" for slug in others for folder in ("scams/", "posters/scam-", "wechat/scams/")}
    untouched |= {"campaigns/class-meeting.html", "leaflets/campaign-class-meeting.html", "rules.html", "report.html"}
    assert changed & untouched == set()
    assert len(changed) <= made + len(later) < 80 and kept > 200  # of the shipped content's 260-odd files
    same_as_full_build(project, preview, tmp_path)
    ok, lines = preview.rebuild()  # what was drawn after the reload counts as drawn: nothing to do
    assert ok and redone(lines) == [(0, preview.memory.kept)] and not preview.memory.later


def test_a_changed_picture_file_is_taken_anew_though_the_scam_file_is_not_saved(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    picture = project / "content/scams/chat.png"
    Image.new("RGB", (300, 200), (200, 40, 40)).save(picture)
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8") + "\n![骗子发来的聊天记录](chat.png)\n", encoding="utf-8")
    preview = Preview(project, tmp_path / "preview")
    shown = lambda: re.search(r'<img alt="骗子发来的聊天记录" src="\.\./(images/[0-9a-f]{16}\.png)">',
                              (preview.folder / "scams/shuadan.html").read_text(encoding="utf-8")).group(1)
    assert preview.rebuild()[0]
    first = shown()
    Image.new("RGB", (300, 400), (40, 40, 200)).save(picture)  # the same name, another picture
    ok, lines = preview.rebuild(showing={"scams/shuadan.html"})
    assert ok and shown() != first
    with Image.open(preview.folder / shown()) as copied:
        assert copied.size == (300, 400)
    same_as_full_build(project, preview, tmp_path)


def test_a_save_with_a_problem_keeps_the_memory_of_the_last_good_preview(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    assert preview.rebuild()[0]
    scam = project / "content/scams/shuadan.md"
    good = scam.read_text(encoding="utf-8")
    scam.write_text(good.replace("title:", "title: [", 1), encoding="utf-8")
    assert not preview.rebuild()[0]
    scam.write_text(good.replace("刷单", "网络刷单", 1), encoding="utf-8")
    ok, lines = preview.rebuild(showing={"scams/shuadan.html"})
    assert ok and "网络刷单" in (preview.folder / "scams/shuadan.html").read_text(encoding="utf-8")
    same_as_full_build(project, preview, tmp_path)


def test_a_page_made_after_the_reload_that_fails_shows_its_problem_like_a_rebuild(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    preview = Preview(project, tmp_path / "preview", templates)
    told = []
    preview.on_problems = lambda: told.append(True)
    assert preview.rebuild()[0]
    edit(templates, "print/item.html", "{% block body %}", "{% block body %}{{ no_such_name.x }}")
    ok, _ = preview.rebuild(showing={"scams/shuadan.html"})  # the open page does not use the broken template
    assert ok and "posters/scam-shuadan.html" in preview.memory.later
    while preview.draw_one():
        pass
    assert told and preview.problems[0].startswith("templates/print/item.html:")
    assert "模板出错" in preview.problems[0] and preview.problems[-1].startswith("共发现 1 个问题")
    edit(templates, "print/item.html", "{% block body %}{{ no_such_name.x }}", "{% block body %}")
    ok, _ = preview.rebuild(showing={"scams/shuadan.html"})
    assert ok and preview.problems == []
    same_as_full_build(project, preview, tmp_path)


def test_a_save_of_a_shared_file_lays_out_every_scam_again(tmp_path):
    # Layouts of one scam (its poster, kiosk screens and WeChat article) are remembered with the rest of
    # the content they read: a channel's new wording must reach every scam's article.
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    assert preview.rebuild()[0]
    edit(project, "content/channels.yaml", "when: 钱已经转出去了", "when: 钱已经转走了")
    ok, _ = preview.rebuild(showing=set())
    assert ok
    for slug in (p.stem for p in (project / "content/scams").glob("*.md")):
        assert f"wechat/scams/{slug}.html" in preview.memory.later
    same_as_full_build(project, preview, tmp_path)
    for slug in (p.stem for p in (project / "content/scams").glob("*.md")):
        assert "钱已经转走了" in (preview.folder / f"wechat/scams/{slug}.html").read_text(encoding="utf-8")


def test_a_save_lays_out_again_only_the_screens_it_changed(tmp_path, monkeypatch):
    # A kiosk screen's type scale is remembered between saves: measured again only for a changed screen.
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    measured = []
    real = kiosk.fitting_scale
    monkeypatch.setattr(kiosk, "fitting_scale", lambda card, *rest, **options: measured.append(card["name"]) or real(card, *rest, **options))
    assert preview.rebuild()[0]
    standing = [name for name in measured if name == "防范诈骗"]  # the standing screen, measured once per loop
    everything = len(measured)
    measured.clear()
    assert preview.rebuild()[0] and measured == standing  # nothing saved: no other screen measured
    edit(project, "content/scams/shuadan.md", "title: 刷单返利诈骗", "title: 网络刷单诈骗")
    measured.clear()
    assert preview.rebuild(showing=set())[0]
    # Only the saved scam's screen and its line to remember (headed by its title), on both canvases.
    assert [name for name in measured if name != "防范诈骗"] == ["网络刷单诈骗", "凡是刷单，都是诈骗！"] * 2
    assert len(measured) < everything / 2
    same_as_full_build(project, preview, tmp_path)


def test_a_save_of_content_makes_the_open_page_first_and_the_rest_after(tmp_path):
    # serve's first look: the page a browser shows is made from the saved content before the full
    # build; until that build is done every other file the build makes waits for it.
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    assert preview.rebuild()[0]
    edit(project, "content/scams/shuadan.md", "title: 刷单返利诈骗", "title: 网络刷单诈骗")
    shown, poster = "scams/shuadan.html", "posters/scam-shuadan.html"
    scam = project / "content/scams/shuadan.md"
    assert preview.look_first([str(scam)], {shown}) == (True, ["先更新了浏览器正开着的 1 个页面，其余的接着生成。"])
    assert "网络刷单诈骗" in (preview.folder / shown).read_text(encoding="utf-8")
    assert "网络刷单诈骗" not in (preview.folder / poster).read_text(encoding="utf-8")
    assert not preview.must_wait(shown) and not preview.must_wait("assets/site.css")
    assert preview.must_wait(poster) and preview.must_wait("index.html")
    ok, lines, again = preview.finish()
    assert ok and not again  # the page shown was already right: no second reload
    assert redone(lines) == [(1, preview.memory.kept)] and lines[-1].startswith("预览已更新：")
    assert not preview.must_wait(poster) and preview.settled.is_set()
    same_as_full_build(project, preview, tmp_path)
    assert "网络刷单诈骗" in (preview.folder / poster).read_text(encoding="utf-8")


def test_a_first_look_that_could_not_know_is_corrected_and_reloaded(tmp_path):
    # A campaign page lists its kit, planned by other families: the first look takes their pages as the
    # last build planned them, so a renamed form's Word file shows under its old name until the full build.
    project = copy_project(ROOT, tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    assert preview.rebuild()[0]
    shown = "campaigns/elderly-care.html"
    edit(project, "content/campaigns/elderly-care.md", "  - title: 养老服务机构诈骗风险隐患排查表", "  - title: 养老机构风险排查表")
    assert preview.look_first([str(project / "content/campaigns/elderly-care.md")], {shown})[0]
    assert "养老机构风险排查表" not in (preview.folder / shown).read_text(encoding="utf-8")
    ok, _, again = preview.finish()
    assert ok and again and "养老机构风险排查表（Word）" in (preview.folder / shown).read_text(encoding="utf-8")
    same_as_full_build(project, preview, tmp_path)


def test_only_a_good_preview_and_saved_content_text_get_a_first_look(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    preview = Preview(project, tmp_path / "preview")
    assert preview.rebuild()[0]
    scam, shown = project / "content/scams/shuadan.md", {"scams/shuadan.html"}
    for changed in ([project / "config.yaml"], [ROOT / "templates/site/scam.html"], [project / "content/scams/chat.png"]):
        assert preview.look_first([str(path) for path in changed], shown) is None  # the full build at once
    assert preview.look_first([str(scam)], set()) is None  # no browser open
    assert preview.look_first([str(scam)], {"no-such-page.html"}) is None  # nothing the last build made
    # The content's own problems are shown at once, as `check` prints them; the next save is a full build.
    edit(project, "content/scams/shuadan.md", "title: 刷单返利诈骗", "title： 刷单返利诈骗")
    ok, lines = preview.look_first([str(scam)], shown)
    checked = run_build("check", cwd=project)
    assert not ok and lines == checked.stderr.splitlines() and checked.returncode == 1 and preview.settled.is_set()
    edit(project, "content/scams/shuadan.md", "title： 刷单返利诈骗", "title: 刷单返利诈骗")
    assert preview.look_first([str(scam)], shown) is None and preview.rebuild(shown)[0]
