"""Live preview: build into a private folder, serve it, rebuild on every save, reload the browser.

The preview never touches the real output folder (like `mkdocs serve`): a broken save must not
replace the last good site/. While the content is invalid, every page of the preview shows the
problems instead, exactly as `check` prints them; the next good save brings the pages back.
"""

import base64
import errno
import gc
import hashlib
import html
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import livereload.server
from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop

from .context import TEMPLATES, BuildContext
from .memory import Memory
from .pipeline import build, first_look
from .problems import COMMAND, ContentError, summary_line
from .render import CONTENT_SECURITY_POLICY, draw_later
from .versions import Versions
from .write import OutputError

QUIET_SECONDS = 1.0  # the drawing thread starts once saves pause this long (the reloaded page is served first)
POLL_SECONDS = 0.02  # livereload's own poll (0.8 s, reloads at most every 3 s) is too slow for saves
POLL_SHARE = 0.1  # ... but a big project's poll waits longer: at most this share of one core goes to it
BACK_SECONDS = 1.0  # the longest the full build after a first look waits for the browsers to have reloaded
QUIET_AFTER = 0.05  # ... until the server has answered no request for this long after the shown pages
SETTLE_SECONDS = 600  # the longest a request waits for the full build after a first look
GENERATION_COOKIE = "fangzha-preview"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class ServeError(Exception):
    """Why the preview could not start, as one Chinese line."""


class Preview:
    """The previewed build: where it is written and what was wrong with the last save."""

    def __init__(self, root, folder, templates_dir=TEMPLATES):
        self.root, self.folder, self.templates_dir = Path(root), Path(folder), Path(templates_dir)
        self.problems = []  # the lines `check` would print; empty when the preview is good
        self.generation = 0  # counts rebuilds, so a page can tell it is older than the preview
        self.memory = Memory()  # what the last build read and wrote: a save redoes only what it changed
        self.memory.showing = set()  # the pages a browser shows: a save remakes them first, the rest after the reload
        self.lock = threading.Lock()  # one rebuild or one drawing at a time (drawing runs in its own thread)
        self.to_draw = threading.Event()  # set after a rebuild: files are waiting to be drawn
        self.on_problems = lambda: None  # called (from the drawing thread) when a page drawn later failed
        self.stopped = False
        self.answered = {}  # dest -> bytes: the pages the last first look made
        self.finishing = 0  # full builds after a first look still to run
        self.settled = threading.Event()  # set when none is: every file of the preview is the saved content's
        self.settled.set()
        self.asked, self.last_served = set(), 0.0  # what browsers asked for since the first look, and when
        self.versions = Versions(self.folder)  # what a page loads is named by version: a reload takes it from the cache

    def rebuild(self, showing=()):
        """Build through the normal atomic pipeline; remember the problems, never raise. Of the pages
        the save changed, those in `showing` (the pages open in a browser) are made at once, the others
        are left for draw_one (after the reload, or when asked for)."""
        with self.lock:
            self.memory.showing = set(showing)
            self.memory.begin()
            self.generation += 1
            return self._rebuild()

    def look_first(self, changed, showing):
        """A save's first answer (pipeline.first_look): the pages a browser shows, made before the full
        build. Returns (ok, lines) like rebuild; when ok, finish() must follow. None when the save needs
        the full build at once: it changed a template, config.yaml or a picture, the preview shows its
        problems, or no browser shows a page the last build made."""
        with self.lock:
            if self.problems or not showing or not all(self.is_content_text(path) for path in changed):
                return None
            self.memory.showing = set(showing)
            self.memory.begin()
            gc.disable()  # collected in finish, off the path to the reload (a build leaves many objects to scan)
            try:
                self.answered = first_look(self.context(), self.folder)
            except Exception as error:
                gc.enable()
                self.generation += 1
                return self.failed(error)
            if not self.answered:
                gc.enable()
                return None
            self.generation += 1
            self.finishing += 1
            self.settled.clear()
            self.asked = set()
        return True, [f"先更新了浏览器正开着的 {len(self.answered)} 个页面，其余的接着生成。"]

    def finish(self):
        """The full build after a first look (run in a thread), for the pages the last first look was told
        are shown: (ok, lines, again), `again` when a page the first look answered for came out otherwise
        (it could not know the rest) or the content has problems after all: the browsers reload once more."""
        with self.lock:
            try:
                ok, lines = self._rebuild()
                again = not ok or any(self.made(dest) != data for dest, data in self.answered.items())
                if again:  # else the pages served since the first look are current
                    self.generation += 1
                return ok, lines, again
            finally:
                gc.enable()
                self.finishing -= 1
                if not self.finishing:  # else a later save's first look answered since: its pages stay answered
                    self.answered = {}
                    self.settled.set()

    def browsers_back(self, limit=BACK_SECONDS):
        """Wait (at most `limit` seconds) until the pages of the first look have been asked for again and the
        server has had QUIET_AFTER seconds without a request (a reloaded page asks for its styles and scripts
        next): the full build would slow the browsers' reload down."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if set(self.answered) <= self.asked and time.monotonic() - self.last_served > QUIET_AFTER:
                return
            time.sleep(0.01)

    def served(self, dest):
        """A file went out to a browser."""
        self.asked.add(dest)
        self.last_served = time.monotonic()

    def made(self, dest):
        """The bytes of a file of the preview, None when it has none."""
        try:
            return (self.folder / dest).read_bytes()
        except OSError:
            return None

    def must_wait(self, dest):
        """Whether a file asked for must wait for the full build after a first look: every file does but the
        pages the first look answered for and the static assets, unless it is not there (not made yet, or
        the folder is being swapped for the new one)."""
        if self.settled.is_set():
            return False
        if not (self.folder / dest).is_file():
            return True
        static = dest.startswith("assets/") and not any(page.dest == dest for page in self.memory.planned)
        return not static and dest not in self.answered

    def is_content_text(self, path):
        """A saved content file (not a picture, config.yaml or a template): what a first look can answer for."""
        path = Path(path)
        return path.is_relative_to(self.root / "content") and path.suffix.lower() in (".md", ".yaml", ".yml")

    def context(self):
        return BuildContext(self.root, self.templates_dir, memory=self.memory)

    def _rebuild(self):
        try:
            built = build(self.context(), self.folder)
        except Exception as error:
            return self.failed(error)
        self.problems = []
        counts = built.summary.split("：", 1)[-1]  # "已生成 <folder>/：网站 42 页…": the folder is ours, not the user's
        memory = self.memory
        redone = [f"这次只重新生成了受影响的 {memory.rendered} 个文件，其余 {memory.kept} 个没有变化。"] if memory.kept else []
        redone += [f"另有 {len(memory.later)} 个受影响的文件在网页刷新后接着生成（打开或下载还没生成好的文件时，会马上生成）。"] if memory.later else []
        return True, [f"提示：{warning}" for warning in built.warnings] + redone + [f"预览已更新：{counts}"]

    def failed(self, error):
        """(False, the lines shown instead of the pages) for what stopped a build."""
        if isinstance(error, ContentError):
            lines = [str(problem) for problem in error.problems]
            self.problems = lines + [summary_line(len(lines))]
        elif isinstance(error, OutputError):  # the preview folder could not be written (a full disk): its one line
            self.problems = [str(error), summary_line(1)]
        else:  # a bug must not stop the preview: show it like a problem
            self.problems = [f"生成时出了意外的错误（{type(error).__name__}: {error}）。请把这一行发给维护这个工具的人。",
                             summary_line(1)]
        return False, self.problems

    def draw_one(self, dest=None):
        """Make one file the last rebuild left for later (`dest`, else the next); False when none is
        left. A page whose template fails on it puts the preview in its problems state, as a rebuild
        would; any other failure is printed. Nothing is raised: the preview goes on."""
        with self.lock:
            return False if self.stopped else self._draw_one(dest)

    def _draw_one(self, dest):
        try:
            return draw_later(self.memory, self.folder, dest)
        except ContentError as error:
            self.memory.later.clear()
            lines = [str(problem) for problem in error.problems]
            self.problems = lines + [summary_line(len(lines))]
            report(False, self.problems)
            self.on_problems()
            return False
        except Exception as error:
            if dest:
                self.memory.later.pop(dest, None)
            else:
                self.memory.later.clear()
            say(f"生成 PowerPoint、Word 文件时出了意外的错误（{type(error).__name__}: {error}）。请把这一行发给维护这个工具的人。",
                stream=sys.stderr)
            return False


    def draw_in_background(self):
        """The drawing thread: once saves pause, the files the last rebuild left for later, one at a time (in
        a thread, so the server answers the browser meanwhile; a save waits for at most one file, and stops
        the drawing until saves pause again)."""
        while not self.stopped:
            self.to_draw.wait()
            self.to_draw.clear()
            while self.to_draw.wait(QUIET_SECONDS):  # saved again: a save never waits for files it makes anew
                self.to_draw.clear()
            while not self.to_draw.is_set() and self.draw_one():
                time.sleep(0.01)  # let a rebuild that is waiting for the lock have it

    def stop(self):
        """No more drawing (the thread finishes the file it is drawing): the workspace may go."""
        with self.lock:
            self.stopped = True
        self.to_draw.set()


def error_page(lines):
    """A self-contained page listing the problems (no template: a template may be what broke)."""
    *problems, summary = lines
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有问题，暂时无法预览</title>
<style>
body {{ font: 18px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a30000; font-size: 1.6rem; }}
ol {{ padding-left: 1.5rem; }}
li {{ margin: .6rem 0; }}
code {{ font: inherit; white-space: pre-wrap; word-break: break-all; background: #fff3f3; border-left: 4px solid #a30000; display: block; padding: .3rem .6rem; }}
</style>
</head>
<body>
<main>
<h1>内容有问题，暂时无法预览</h1>
<p>内容文件或 config.yaml 里有下面这些问题（和 <code style="display:inline;border:0;padding:0">{COMMAND} check</code> 显示的一样）。改好并保存后，这个页面会自动刷新，显示改好的网页。</p>
<ol id="problems">
{items}
</ol>
<p id="summary">{html.escape(summary)}</p>
</main>
</body>
</html>
"""


def page_of(path):
    """The file a request's path (as the static handler gets it: "", "scams/", "scams/x.html") serves."""
    return path + "index.html" if path == "" or path.endswith("/") else path


class PreviewHandler(StaticFileHandler):
    """Serve the preview folder, or the problems page while the content is invalid."""

    preview = None  # set by serve()

    def compute_etag(self):
        return None if self.preview.problems else super().compute_etag()

    def set_extra_headers(self, path):
        self.set_header("Cache-Control", self.preview.versions.caching(page_of(path), self.get_query_argument("v", None)))

    def on_finish(self):
        self.preview.served(getattr(self, "fangzha_page", None))

    async def get(self, path, include_body=True):
        page = self.fangzha_page = page_of(path)
        if self.preview.must_wait(page):  # in a thread: the server goes on answering meanwhile
            await IOLoop.current().run_in_executor(None, self.preview.settled.wait, SETTLE_SECONDS)
        self.set_cookie(GENERATION_COOKIE, str(self.preview.generation))
        if page in self.preview.memory.later:  # not made yet since the last save: make it now
            self.preview.draw_one(page)
        if self.preview.problems:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(error_page(self.preview.problems))
            return
        await super().get(path, include_body)

    def write_error(self, status_code, **kwargs):
        """A missing page gets the site's own 404 page, in Chinese."""
        not_found = self.preview.folder / "404.html"
        if status_code == 404 and not_found.is_file():
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(not_found.read_bytes())
            return
        super().write_error(status_code, **kwargs)


class PreviewPageInjector(livereload.server.LiveScriptInjector):
    """livereload adds its connector to every page as an inline script, which the pages' security
    policy refuses: the preview allows exactly that script, by its hash, and nothing else. It also
    names what the page loads by version (versions.py), so a reload asks only for what changed."""

    def __init__(self, request):
        super().__init__(request)
        self.page = page_of(unquote(request.path).lstrip("/"))

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        status_code, headers, chunk = super().transform_first_chunk(status_code, headers, chunk, finishing)
        if "html" not in headers.get("Content-Type", ""):
            return status_code, headers, chunk
        changed = PreviewHandler.preview.versions.name(self.page, allow_inline_script(chunk, self.script))
        if "Content-Length" in headers:
            headers["Content-Length"] = str(int(headers["Content-Length"]) + len(changed) - len(chunk))
        return status_code, headers, changed


def allow_inline_script(page, script):
    """The page with its policy letting the one inline `script` (bytes, <script>…</script>) run."""
    body = script[script.index(b">") + 1:script.rindex(b"</script>")]
    digest = base64.b64encode(hashlib.sha256(body).digest())
    policy = CONTENT_SECURITY_POLICY.encode("utf-8")
    extended = policy.replace(b"default-src 'self';", b"default-src 'self'; script-src 'self' 'sha256-" + digest + b"';", 1)
    return page.replace(b'content="' + policy + b'"', b'content="' + extended + b'"', 1)


livereload.server.LiveScriptInjector = PreviewPageInjector  # Server.application() subclasses it by this name


def reload_stale_pages(preview):
    """A page that reloaded just before a save connects after the reload was sent: catch it up.
    Each connected browser says which page it shows (open_pages).

    livereload only tells the browsers connected at the moment of the rebuild. The page's cookie
    says which rebuild it was served from; when the browser connects we compare.
    """
    handle_message = LiveReloadHandler.on_message

    def on_message(handler, message):
        handle_message(handler, message)
        sent = json.loads(message)
        if isinstance(sent, dict) and sent.get("command") == "info" and isinstance(sent.get("url"), str):
            handler.fangzha_page = page_of(unquote(urlsplit(sent["url"]).path).lstrip("/"))
        served = handler.get_cookie(GENERATION_COOKIE)
        if handler in LiveReloadHandler.waiters and served and served != str(preview.generation):
            handler.send_message({"command": "reload", "path": "*", "liveCSS": False, "liveImg": False})

    LiveReloadHandler.on_message = on_message


def open_pages():
    """The pages the connected browsers show (what a save remakes first)."""
    return {page for page in (getattr(w, "fangzha_page", None) for w in LiveReloadHandler.waiters) if page}


def snapshot(paths):
    """(mtime, size) of every file under the watched paths: cheap enough to poll often."""
    seen = {}
    for path in paths:
        if path.is_file():
            stat = path.stat()
            seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                full = os.path.join(folder, name)
                try:
                    stat = os.stat(full)
                except FileNotFoundError:  # deleted between listing and stat
                    continue
                seen[full] = (stat.st_mtime_ns, stat.st_size)
    return seen


def changed_files(before, after):
    """The paths added, removed or modified between two snapshots."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


class SaveWatcher(Watcher):
    """livereload's watcher, polling every POLL_SECONDS (or, where one poll takes longer than that share
    of POLL_SHARE, accordingly less often) and calling `on_change(paths)` itself."""

    def __init__(self, paths, on_change):
        super().__init__()
        self.paths, self.on_change = [Path(p) for p in paths], on_change
        for path in self.paths:
            self.watch(str(path))
        self.last = snapshot(self.paths)

    def start(self, callback):
        IOLoop.current().call_later(POLL_SECONDS, self.poll)
        return True  # tells livereload not to start its own slower polling

    def poll(self):
        started = time.thread_time()  # the poll's own work: waiting for a build thread's turn does not count
        now = snapshot(self.paths)
        took = time.thread_time() - started
        try:
            if now != self.last:
                changed, self.last = changed_files(self.last, now), now
                self.on_change(changed)
        finally:
            IOLoop.current().call_later(max(POLL_SECONDS, took / POLL_SHARE), self.poll)


def display_path(path, root, templates_dir):
    """A changed file as the user knows it: relative to the project (templates/… for templates)."""
    path = Path(path)
    base = root if path.is_relative_to(root) else Path(templates_dir).parent
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)


def say(*lines, stream=None):
    for line in lines:
        print(line, file=stream or sys.stdout, flush=True)


def report(ok, lines):
    """Print a rebuild's outcome: the summary, or the problems on stderr as `check` does."""
    stamp = time.strftime("%H:%M:%S")
    if ok:
        say(*lines[:-1], f"[{stamp}] {lines[-1]}")
    else:
        say(f"[{stamp}] 内容有问题，浏览器里显示的是下面这些问题（改好并保存后自动恢复）：", *lines, stream=sys.stderr)


def bind_message(error, host, port):
    """The one line that explains why the server could not listen."""
    if error.errno == errno.EADDRINUSE:
        return f"端口 {port} 已经被占用（可能另一个预览还开着）。请先关掉它，或换一个端口：{COMMAND} serve --port {port + 1 if port < 65535 else 8001}"
    if error.errno == errno.EACCES:
        return f"没有权限使用端口 {port}。请换一个 1024 以上的端口，例如 {COMMAND} serve --port 8000"
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return f"本机没有地址「{host}」，无法在上面预览。请去掉 --host（默认 127.0.0.1），或写本机的局域网地址。"
    return f"预览服务无法启动（{error}）。"


def serve(root, host="127.0.0.1", port=8000, templates_dir=TEMPLATES):
    """Run the preview until Ctrl-C. Raises ServeError when it cannot start."""
    workspace = Path(tempfile.mkdtemp(prefix="fangzha-preview-"))
    stop_on_sigterm()
    try:
        run(Path(root).resolve(), host, port, Path(templates_dir).resolve(), workspace)
    except KeyboardInterrupt:  # Ctrl-C, at any moment (even during the first build)
        pass
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    say("已停止预览。")


def run(root, host, port, templates_dir, workspace):
    """Listen, build once, then rebuild on every save until interrupted."""
    preview = Preview(root, workspace / "site", templates_dir)
    PreviewHandler.preview = preview
    reload_stale_pages(preview)

    def rebuild(changed):
        shown = "、".join(display_path(path, root, templates_dir) for path in changed[:3]) + (" 等" if len(changed) > 3 else "")
        say(f"[{time.strftime('%H:%M:%S')}] 发现改动：{shown}")
        showing = open_pages()
        first = preview.look_first(changed, showing)
        report(*(first or preview.rebuild(showing)))
        LiveReloadHandler.reload_waiters("*")  # a full reload: the page may switch to or from the problems page
        if first and first[0]:
            threading.Thread(target=finish, name="finish-build", daemon=True).start()
        else:
            preview.to_draw.set()

    def finish():
        preview.browsers_back()
        ok, lines, again = preview.finish()
        loop.add_callback(finished, ok, lines, again)

    def finished(ok, lines, again):
        report(ok, lines)
        if again:
            LiveReloadHandler.reload_waiters("*")
        preview.to_draw.set()

    loop = IOLoop.current()
    preview.on_problems = lambda: loop.add_callback(LiveReloadHandler.reload_waiters, "*")
    watcher = SaveWatcher([root / "config.yaml", root / "content", templates_dir], rebuild)
    server = Server(watcher=watcher)
    server.SFH = PreviewHandler
    server.root, server.default_filename = str(preview.folder), "index.html"
    try:
        server.application(port, host, live_css=False)
    except OSError as error:
        raise ServeError(bind_message(error, host, port)) from None

    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # no English line per 404
    report(*preview.rebuild())
    shown_host = f"[{host}]" if ":" in host else host
    say(f"正在预览：http://{shown_host}:{port}/",
        "保存 content/、templates/ 或 config.yaml 里的文件后，网页会自动刷新。按 Ctrl+C 停止预览。",
        f"（预览生成在临时文件夹 {workspace} 里，停止时自动删除，不会改动 site/；要生成正式的网站，请运行 {COMMAND}）")
    if host not in LOOPBACK:
        say(f"注意：预览开在 {host} 上，同一网络里的其他电脑也能打开它。")
    LiveReloadHandler.start_tasks()
    threading.Thread(target=preview.draw_in_background, name="draw-downloads", daemon=True).start()
    try:
        IOLoop.current().start()
    finally:
        preview.stop()


def stop_on_sigterm():
    """SIGTERM stops the preview the same clean way as Ctrl-C.

    Only in this process: the build's forked workers must keep the default, so that multiprocessing
    can end them with SIGTERM exactly as in a plain build.
    """
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    os.register_at_fork(after_in_child=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
