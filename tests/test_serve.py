"""`build.py serve`: a real server, a real browser, a user saving good and bad files."""

import asyncio
import concurrent.futures
import html
import io
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_build
from playwright.sync_api import expect
from pptx import Presentation
from tornado.websocket import websocket_connect

WAIT_MS = 15000  # generous: a slow CI machine is not a failure


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`python build.py serve` running on a project, its output captured in files."""

    def __init__(self, project, port, tmp_path, templates=None):
        self.project, self.port = project, port
        self.out_path, self.err_path = tmp_path / "serve.out", tmp_path / "serve.err"
        command = [sys.executable, str(ROOT / "build.py"), "--root", str(project), "serve", "--port", str(port)]
        if templates:  # a copy of the templates to change (build.py always serves the project's own)
            command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); from fangzha.serve import serve; "
                       f"serve({str(project)!r}, port={port}, templates_dir={str(templates)!r})"]
        self.process = subprocess.Popen(command, stdout=self.out_path.open("wb"), stderr=self.err_path.open("wb"))
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + WAIT_MS / 1000 * 4  # the first build of a big project, on a busy machine
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.err
            try:
                urllib.request.urlopen(self.url, timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"serve did not answer: {self.err}")

    @property
    def out(self):
        return self.out_path.read_text(encoding="utf-8")

    @property
    def err(self):
        return self.err_path.read_text(encoding="utf-8")

    def workspace(self):
        """The preview folder this server says it made."""
        return Path(re.search(r"（预览生成在临时文件夹 (.+) 里，停止时自动删除", self.out).group(1))

    def wait_for(self, pattern):
        """Until the server has printed a line matching `pattern`."""
        deadline = time.monotonic() + WAIT_MS / 1000
        while not re.search(pattern, self.out, re.M):
            assert time.monotonic() < deadline, self.out
            time.sleep(0.05)

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.send_signal(signal.SIGINT)
            self.process.wait(timeout=10)
        return self.process.returncode


@pytest.fixture
def project(tmp_path):
    return copy_project(FIXTURES / "mini", tmp_path / "project")


@pytest.fixture
def served(project, tmp_path):
    server = Served(project, free_port(), tmp_path)
    yield server
    server.stop()


def connected(page):
    """Until the page's livereload client has told the server which page it shows (it does so at once
    after the handshake): a save before that is not known to be seen by anyone, and gets the full build."""
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol >= 7", timeout=WAIT_MS)


def transfer_sizes(page):
    """What each file the page loaded cost on the wire: 0 when the browser took it from its cache. (Once
    the page has loaded: a file's entry comes when it has arrived.)"""
    page.wait_for_load_state("load")
    return page.evaluate("Object.fromEntries(performance.getEntriesByType('resource')"
                         ".map(e => [new URL(e.name).pathname.split('/').pop(), e.transferSize]))")


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_lines(project):
    """What `python build.py check` prints for the project's problems."""
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    return result.stderr.splitlines()


def test_save_rebuilds_shows_problems_and_recovers(served, project, browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    scam = project / "content/scams/shuadan.md"

    page.goto(served.url + "scams/shuadan.html")
    heading = page.locator("h1")
    assert heading.inner_text() == "刷单返利诈骗"
    connected(page)

    # A good save: the open page changes by itself.
    replace(scam, "title: 刷单返利诈骗", "title: 刷单返利骗局")
    heading.filter(has_text="刷单返利骗局").wait_for(timeout=WAIT_MS)
    assert served.alive()
    # Its styles and scripts, unchanged, came from the browser's cache (the preview names them by version).
    loaded = transfer_sizes(page)
    assert loaded["site.css"] == loaded["site.js"] == 0
    # The open page was made first, from the saved file alone; then the full build, in which the other
    # pages showing the scam are made after the reload, or at once when asked for (a page asked for while
    # that build runs waits for it).
    poster = urllib.request.urlopen(served.url + "posters/scam-shuadan.html", timeout=60).read().decode("utf-8")
    served.wait_for(r"^这次只重新生成了受影响的 1 个文件，其余 \d+ 个没有变化。$")
    assert re.search(r"^\[\d\d:\d\d:\d\d\] 先更新了浏览器正开着的 1 个页面，其余的接着生成。$", served.out, re.M)
    assert "刷单返利骗局" in poster and "刷单返利诈骗" not in poster
    # The PowerPoint showing it, asked for at once (serve draws such files after the reload), is the new one.
    deck = Presentation(io.BytesIO(urllib.request.urlopen(served.url + "slides/class-meeting.pptx", timeout=60).read()))
    assert any("刷单返利骗局" in shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)

    # A bad save (a full-width colon, then broken YAML): the page shows exactly what check prints.
    replace(scam, "title: 刷单返利骗局", "title： 刷单返利骗局")
    page.locator("#problems").wait_for(timeout=WAIT_MS)
    expected = check_lines(project)
    assert page.locator("#problems li").all_inner_texts() + [page.locator("#summary").inner_text()] == expected
    assert expected[-1] == "共发现 1 个问题，本次没有生成任何文件（原来的网站保持不变）。"
    assert page.title() == "内容有问题，暂时无法预览"
    assert served.alive()

    replace(scam, "call: [110, 96110]", "call: [110, 96110")
    replace(scam, "title： 刷单返利骗局", "title: 刷单返利骗局")
    page.locator("body", has_text="YAML 格式有误").wait_for(timeout=WAIT_MS)  # (no script of the test's own: the policy stays on)
    expected = check_lines(project)
    assert page.locator("#problems li").all_inner_texts() + [page.locator("#summary").inner_text()] == expected
    # Every page of the preview shows the problems, not the old site.
    page.goto(served.url + "index.html")
    assert page.locator("#problems li").all_inner_texts() == expected[:-1]
    page.goto(served.url + "scams/shuadan.html")
    assert served.alive()

    # The next good save brings the site back, on the same address.
    replace(scam, "call: [110, 96110", "call: [110, 96110]")
    heading.filter(has_text="刷单返利骗局").wait_for(timeout=WAIT_MS)
    assert page.url == served.url + "scams/shuadan.html"
    assert served.alive()
    assert errors == []
    context.close()

    # The terminal printed the problems too, and the preview never touched site/.
    for line in expected:
        assert line in served.err
    assert re.search(r"^\[\d\d:\d\d:\d\d\] 预览已更新：网站 \d+ 页.*；用时 [\d.]+ 秒。$", served.out, re.M)
    assert not (project / "site").exists()
    workspace = served.workspace()
    assert (workspace / "site/index.html").is_file()

    # Ctrl-C stops it cleanly and removes the preview folder.
    assert served.stop() == 0
    assert served.out.splitlines()[-1] == "已停止预览。"
    assert "Traceback" not in served.err
    assert not Path(workspace).exists()


def test_template_and_config_saves_rebuild_too(served, project, browser):
    page = browser.new_page()
    page.goto(served.url + "index.html")
    replace(project / "config.yaml", "organisation: ", "organisation: 预览测试")
    expect(page).to_have_title(re.compile("预览测试"), timeout=WAIT_MS)
    assert served.alive()
    page.close()


def test_a_changed_stylesheet_is_loaded_anew_and_the_rest_from_the_cache(project, tmp_path, browser):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    served = Served(project, free_port(), tmp_path, templates)
    try:
        page = browser.new_page()
        page.goto(served.url + "scams/shuadan.html")
        assert transfer_sizes(page)["site.css"] > 0  # the first visit loads everything
        stylesheet = templates / "assets/site.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nh1 { color: rgb(1, 2, 3); }\n", encoding="utf-8")
        expect(page.locator("h1")).to_have_css("color", "rgb(1, 2, 3)", timeout=WAIT_MS)
        loaded = transfer_sizes(page)
        assert loaded["site.css"] > 0 and loaded["site.js"] == loaded["large-type.js"] == 0
        # The site on disk names its files as they are; only the preview adds versions.
        assert "site.css?v=" not in (served.workspace() / "site/scams/shuadan.html").read_text(encoding="utf-8")
        assert re.search(r'href="\.\./assets/site\.css\?v=[0-9a-f]{16}"', page.content())
        page.close()
    finally:
        served.stop()


def test_missing_page_gets_the_chinese_404(served):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(served.url + "no-such-page.html")
    assert error.value.code == 404
    assert "找不到这个页面" in error.value.read().decode("utf-8")
    assert "404 GET" not in served.err


def test_port_in_use_is_one_clear_line(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_build("serve", "--port", str(port), cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"端口 {port} 已经被占用（可能另一个预览还开着）。请先关掉它，或换一个端口：python3 build.py serve --port {port + 1}"]


def test_bad_port_is_a_usage_error(project):
    result = run_build("serve", "--port", "80000", cwd=project)
    assert result.returncode == 2
    assert "端口「80000」不对，请写 1 到 65535 之间的数字，例如 8000" in result.stderr


def test_starts_on_invalid_content_and_shows_the_problems(project, tmp_path):
    replace(project / "content/scams/shuadan.md", "summary: ", "sumary: ")
    server = Served(project, free_port(), tmp_path)
    page = urllib.request.urlopen(server.url + "scams/shuadan.html").read().decode("utf-8")
    shown = [html.unescape(line) for line in re.findall(r"<li><code>(.*?)</code></li>", page)]
    summary = html.unescape(re.search(r'<p id="summary">(.*?)</p>', page).group(1))
    assert shown + [summary] == check_lines(project)
    assert server.alive()
    assert server.stop() == 0


def test_a_page_asked_for_while_the_full_build_runs_is_the_new_one(project, tmp_path):
    """After a first look only the open page is new: a page asked for before the full build is done waits for it."""
    original = (project / "content/scams/shuadan.md").read_text(encoding="utf-8")
    for number in range(300):  # a full build that takes a while after the reload
        (project / f"content/scams/copy-{number:04d}.md").write_text(original, encoding="utf-8")
    server = Served(project, free_port(), tmp_path)

    async def save_and_ask():
        connection = await websocket_connect(f"ws://127.0.0.1:{server.port}/livereload")
        await connection.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        await connection.read_message()
        await connection.write_message(json.dumps({"command": "info", "url": server.url, "plugins": {}}))  # it shows index.html
        await asyncio.sleep(0.3)
        replace(project / "content/scams/copy-0007.md", "title: 刷单返利诈骗", "title: 第七份副本")
        while json.loads(await connection.read_message())["command"] != "reload":
            pass
        # The client never asks for the page it shows: the full build waits a second for it, then runs.
        asked = await asyncio.to_thread(lambda: urllib.request.urlopen(server.url + "scams/copy-0007.html", timeout=60).read())
        connection.close()
        return asked.decode("utf-8")

    try:
        with concurrent.futures.ThreadPoolExecutor(1) as thread:  # its own event loop: Playwright's runs in this thread
            assert "第七份副本" in thread.submit(asyncio.run, save_and_ask()).result()
        out = server.out
        first = out.index("先更新了浏览器正开着的 1 个页面，其余的接着生成。")
        assert "预览已更新：" in out[first:]  # the page came after the full build that followed the first look
    finally:
        server.stop()


def test_big_project_rebuilds_in_worker_processes_and_stops_cleanly(project, tmp_path):
    """Enough files that the build forks workers (fangzha.parallel): saves still rebuild, SIGTERM still stops."""
    from fangzha.parallel import MIN_ITEMS
    original = (project / "content/scams/shuadan.md").read_text(encoding="utf-8")
    for number in range(MIN_ITEMS + 20):
        (project / f"content/scams/copy-{number:04d}.md").write_text(original, encoding="utf-8")
    server = Served(project, free_port(), tmp_path)
    replace(project / "content/scams/copy-0007.md", "title: 刷单返利诈骗", "title: 第七份副本")
    deadline = time.monotonic() + WAIT_MS / 1000 * 4
    while "第七份副本" not in urllib.request.urlopen(server.url + "scams/copy-0007.html").read().decode("utf-8"):
        assert time.monotonic() < deadline, server.out + server.err
        assert server.alive(), server.err
        time.sleep(0.2)
    workspace = server.workspace()
    server.process.terminate()
    assert server.process.wait(timeout=60) == 0
    assert server.out.splitlines()[-1] == "已停止预览。"
    assert not workspace.exists()


def test_the_preview_names_by_version_only_what_a_page_loads_from_the_preview(tmp_path):
    from fangzha.versions import FOR_GOOD, NOT_AT_ALL, Versions
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/site.css").write_text("h1 {}", encoding="utf-8")
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures/a.png").write_bytes(b"\x89PNG")
    (tmp_path / "pictures/图.png").write_bytes(b"\x89PNG2")
    (tmp_path / "posters").mkdir()
    (tmp_path / "posters/a.html").write_text("<p>", encoding="utf-8")
    versions = Versions(tmp_path)
    page = (b'<link rel="stylesheet" href="../assets/site.css"><img src="../pictures/a.png" alt="">'
            b'<iframe src="../posters/a.html"></iframe><a href="../assets/site.css">css</a>'
            b'<script src="../assets/gone.js"></script><img src="../../outside.png"><img src="https://example.org/a.png">'
            b'<script src="/livereload.js?port=1"></script><img data-src="../pictures/a.png" src="../pictures/%E5%9B%BE.png">')
    named = versions.name("scams/x.html", page).decode("utf-8")
    css, png, chinese = versions.of("assets/site.css"), versions.of("pictures/a.png"), versions.of("pictures/图.png")
    assert re.fullmatch("[0-9a-f]{16}", css) and css != png
    assert named == (f'<link rel="stylesheet" href="../assets/site.css?v={css}"><img src="../pictures/a.png?v={png}" alt="">'
                     '<iframe src="../posters/a.html"></iframe><a href="../assets/site.css">css</a>'
                     '<script src="../assets/gone.js"></script><img src="../../outside.png"><img src="https://example.org/a.png">'
                     f'<script src="/livereload.js?port=1"></script><img data-src="../pictures/a.png" src="../pictures/%E5%9B%BE.png?v={chinese}">')
    assert versions.caching("assets/site.css", css) == FOR_GOOD
    assert versions.caching("assets/site.css", None) == versions.caching("assets/site.css", png) == NOT_AT_ALL
    # A changed file has a new version; the old name is no longer cached.
    (tmp_path / "assets/site.css").write_text("h1 { color: red }", encoding="utf-8")
    assert versions.of("assets/site.css") != css
    assert versions.caching("assets/site.css", css) == NOT_AT_ALL
