"""The build: atomic, deterministic, clean, safe with a mistyped output path, one-line summary."""

import datetime
import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, copy_project, refuse_links, run_build
from regen_golden import GOLDEN_DATE, copied_assets

MINI = FIXTURES / "mini"
GOLDEN = Path(__file__).resolve().parent / "golden" / "mini"
REGENERATE = "python3 tests/regen_golden.py"


def tree(folder):
    """{relative path: sha256} of every file in a folder."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def test_golden_build(tmp_path):
    """The fixture project builds to exactly the committed expected output."""
    result = run_build("--date", GOLDEN_DATE, "build", "--output", str(tmp_path / "out"), cwd=MINI)
    assert result.returncode == 0, result.stderr
    copied = copied_assets(tmp_path / "out")  # unchanged copies of templates/assets: not kept twice
    assert {p.name for p in copied} >= {"site.css", "site.js", "search.js"}
    for path in copied:
        path.unlink()
    expected, actual = tree(GOLDEN), tree(tmp_path / "out")
    changed = sorted(k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k))
    assert not changed, f"输出与 tests/golden/mini 不同：{changed[:10]}。若改动是有意的，运行：{REGENERATE}"


def test_summary_line(project):
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"已生成 site/：网站 \d+ 页(，[^，；]+ \d+ [页份])*；用时 \d+\.\d\d 秒。", result.stdout.strip().splitlines()[-1])


def test_two_builds_are_byte_identical(project, tmp_path):
    assert run_build("build", "--output", str(tmp_path / "a"), cwd=project).returncode == 0
    assert run_build("build", "--output", str(tmp_path / "b"), cwd=project).returncode == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_failed_build_keeps_the_last_good_site(project):
    assert run_build(cwd=project).returncode == 0
    before = tree(project / "site")
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("title: 刷单返利诈骗\n", ""), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "共发现 1 个问题，本次没有生成任何文件（原来的网站保持不变）。"
    assert tree(project / "site") == before


def test_failure_while_writing_keeps_the_last_good_site(project, monkeypatch):
    from fangzha import pipeline, write
    from fangzha.context import BuildContext
    pipeline.build(BuildContext(project))
    before = tree(project / "site")
    calls = {"n": 0}

    def failing(path, mode="r", *args, **kwargs):
        calls["n"] += "w" in mode
        if calls["n"] == 5:
            raise OSError("disk full")
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(write, "open", failing, raising=False)
    refuse_links(monkeypatch)
    with pytest.raises(write.OutputError) as error:
        pipeline.build(BuildContext(project))
    monkeypatch.undo()
    assert str(error.value) == "写入「site」时出错：disk full。原来的网站保持不变。"
    assert tree(project / "site") == before
    assert not (project / f".site{write.BUILDING_SUFFIX}").exists()


def test_a_rebuild_keeps_each_unchanged_file_as_it_was_and_equals_a_fresh_build(project, tmp_path):
    """Unchanged files are taken over from the last good site (same file, same date: a copy to a USB
    stick with robocopy or rsync skips them); changed ones are new; the site is the fresh build's."""
    from fangzha import pipeline
    from fangzha.context import BuildContext
    site = project / "site"
    pipeline.build(BuildContext(project))
    before = {dest: (site / dest).stat() for dest in tree(site)}
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("title: 刷单返利诈骗\n", "title: 刷单返利骗局\n"), encoding="utf-8")
    pipeline.build(BuildContext(project))
    pipeline.build(BuildContext(project), tmp_path / "fresh")
    assert tree(site) == tree(tmp_path / "fresh")
    after = {dest: (site / dest).stat() for dest in tree(site)}
    kept = {dest for dest in after if dest in before and after[dest].st_ino == before[dest].st_ino}
    assert {"scams/fake-police.html", "rules.html", "assets/site.css"} <= kept
    assert all(after[dest].st_mtime_ns == before[dest].st_mtime_ns for dest in kept)
    assert "刷单返利骗局" in (site / "scams/shuadan.html").read_text(encoding="utf-8")
    assert {"scams/shuadan.html", "index.html"}.isdisjoint(kept)


def test_on_a_disk_without_links_a_rebuild_writes_every_file(project, monkeypatch, tmp_path):
    from fangzha import pipeline
    from fangzha.context import BuildContext
    pipeline.build(BuildContext(project))
    refuse_links(monkeypatch)
    pipeline.build(BuildContext(project))
    monkeypatch.undo()
    pipeline.build(BuildContext(project), tmp_path / "fresh")
    assert tree(project / "site") == tree(tmp_path / "fresh")


def test_template_error_is_one_line_and_keeps_the_site(project, tmp_path):
    import shutil
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "site/rules.html"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ rule.title }}", "{{ rule.titel }}", 1), encoding="utf-8")
    from fangzha import pipeline
    from fangzha.context import BuildContext
    from fangzha.problems import ContentError
    pipeline.build(BuildContext(project))
    before = tree(project / "site")
    with pytest.raises(ContentError) as error:
        pipeline.build(BuildContext(project, templates))
    assert [str(p) for p in error.value.problems][0].startswith("templates/site/rules.html:")
    assert "titel" in str(error.value)
    assert tree(project / "site") == before


def test_stale_pages_disappear(project):
    assert run_build(cwd=project).returncode == 0
    assert (project / "site/scams/fake-police.html").exists()
    (project / "content/scams/fake-police.md").unlink()
    campaign = project / "content/campaigns/class-meeting.md"
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("scams: [shuadan, fake-police]", "scams: [shuadan]"), encoding="utf-8")
    assert run_build(cwd=project).returncode == 0
    assert not (project / "site/scams/fake-police.html").exists()


def test_never_replaces_a_folder_it_did_not_make(project):
    mine = project / "my-documents"
    mine.mkdir()
    (mine / "工作总结.docx").write_bytes(b"precious")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("output: site", "output: my-documents"), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "config.yaml: output: 输出文件夹「my-documents」里已经有别的文件，而且不是本工具生成的。为了不误删你的文件，本次没有写入。请换一个输出文件夹名，或先清空它。"
    assert [p.name for p in mine.iterdir()] == ["工作总结.docx"]
    assert (mine / "工作总结.docx").read_bytes() == b"precious"


def test_sitemap_only_with_base_url(project):
    assert run_build(cwd=project).returncode == 0
    sitemap = (project / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/fz/scams/shuadan.html</loc>" in sitemap
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('base_url: "https://example.org/fz/"', 'base_url: ""'), encoding="utf-8")
    assert run_build(cwd=project).returncode == 0
    assert not (project / "site/sitemap.xml").exists()


HREF = re.compile(r'(?:href|src)="([^"]*)"')


def test_every_link_is_relative_and_points_at_a_file(shipped_site):
    """file:// shows a folder as a listing, so every local link must name a file that exists."""
    broken = []
    for page in sorted(shipped_site.rglob("*.html")):
        for url in HREF.findall(page.read_text(encoding="utf-8")):
            if url.startswith(("tel:", "mailto:", "#", "https://", "http://")):
                continue  # not a request: a link the reader may choose to follow
            target = (page.parent / url.split("#")[0].split("?")[0]).resolve()  # ?print asks the page to print
            if url.startswith("/") or not target.is_file():
                broken.append(f"{page.relative_to(shipped_site)} → {url}")
    assert broken == []


def test_nothing_is_loaded_from_outside(shipped_site):
    for page in sorted(shipped_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'src="(https?:)?//', text), page
        assert not re.search(r'<link[^>]+href="(https?:)?//', text), page


def test_pages_declare_chinese_and_show_review_date(shipped_site):
    for page in sorted(shipped_site.glob("**/*.html")):
        text = page.read_text(encoding="utf-8")
        assert '<html lang="zh-CN">' in text, page
    site_pages = [p for p in shipped_site.rglob("*.html") if p.relative_to(shipped_site).parts[0] in
                  ("scams", "campaigns") or p.parent == shipped_site]
    assert len(site_pages) > 40
    for page in sorted(site_pages):
        assert "内容最近审核：<time" in page.read_text(encoding="utf-8"), page


def test_new_ten_is_list_b_with_its_source(shipped_site):
    rules = (shipped_site / "rules.html").read_text(encoding="utf-8")
    first = rules[rules.index("<section"):rules.index("</section>")]
    assert "<h2 id=\"rule-new-ten\">新十个凡是" in first
    assert "凡是刷单，都是诈骗！" in first
    assert "出处：国家反诈中心提醒" in first and "首次发布日期未经核实" in first


def test_manifest_lists_every_written_file_and_what_it_is(project):
    assert run_build(cwd=project).returncode == 0
    site = project / "site"
    rows = json.loads((site / "manifest.json").read_text(encoding="utf-8"))["files"]
    listed = {row["path"] for row in rows}
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert listed == written - {"manifest.json", ".fangzha-site", ".fangzha-drawn"}
    by_path = {row["path"]: row for row in rows}
    assert by_path["posters/scam-shuadan.html"] == {"path": "posters/scam-shuadan.html", "family": "print", "kind": "poster",
                                                    "campaign": None, "size": {"unit": "mm", "width": 210, "height": 297}, "pages": 1}
    assert by_path["leaflets/campaign-class-meeting.html"]["size"] == {"unit": "mm", "width": 297, "height": 210}
    assert by_path["leaflets/campaign-class-meeting.html"]["pages"] == 2
    deck = by_path["slides/class-meeting.html"]
    assert (deck["kind"], deck["campaign"], deck["size"]) == ("deck", "class-meeting", {"unit": "px", "width": 1600, "height": 900})
    assert deck["pages"] == (site / "slides/class-meeting.html").read_text(encoding="utf-8").count('<section class="slide ')
    assert by_path["kiosk/class-meeting.html"]["kind"] == "kiosk-loop"
    assert by_path["index.html"]["kind"] == "page" and by_path["assets/site.css"]["kind"] == "asset"


@pytest.mark.parametrize("name, claimed", [("content/scams/index.md", "scams/index.html"),
                                           ("content/campaigns/all.md", "kiosk/all.html"),
                                           ("content/campaigns/index.md", "campaigns/index.html")])
def test_a_file_name_that_would_replace_an_overview_page_is_refused(project, name, claimed):
    assert run_build(cwd=project).returncode == 0
    before = tree(project / "site")
    source = "content/scams/shuadan.md" if name.startswith("content/scams") else "content/campaigns/class-meeting.md"
    (project / source).rename(project / name)
    if name.startswith("content/scams"):  # keep every reference to it valid: only the file name is wrong
        for path in project.glob("content/**/*.md"):
            path.write_text(path.read_text(encoding="utf-8").replace("shuadan", "index"), encoding="utf-8")
    result = run_build(cwd=project)
    assert result.returncode == 1, result.stdout
    assert f"{name}: 要生成的 {claimed} 是本工具自己的" in result.stderr.splitlines()[0]
    assert result.stderr.splitlines()[0].endswith("这个名字不能用。请给这个文件换个名字（写了 slug 的改 slug）。")
    assert tree(project / "site") == before


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
def test_workers_forked_or_spawned_in_a_folder_with_spaces_and_chinese_build_the_same_site(tmp_path, monkeypatch, language):
    """A big project is loaded, planned (print items, kiosk loops, WeChat articles) and rendered in worker
    processes: the site is the one a single process builds, in its own language (a spawned worker starts in
    simplified Chinese). Windows spawns its workers instead of forking them, and users keep projects in
    桌面\\我的 文件."""
    from fangzha import parallel, pipeline
    from fangzha.context import BuildContext
    project = copy_project(MINI, tmp_path / "我的 防诈 项目")
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"language: {language}\n", encoding="utf-8")
    day = datetime.date(2026, 11, 27)
    pipeline.build(BuildContext(project, today=day), project / "one-process")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # the fixture is small: make every stage use the pool
    pipeline.build(BuildContext(project, today=day), project / "forked")
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    pipeline.build(BuildContext(project, today=day), project / "spawned")
    assert tree(project / "forked") == tree(project / "one-process")
    assert tree(project / "spawned") == tree(project / "one-process")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
