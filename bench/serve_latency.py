"""Save-to-reload time of `python build.py serve`, for the shipped content and for N synthetic scams.

    python3 bench/serve_latency.py              # shipped content and 1,000 scams
    python3 bench/serve_latency.py 0 5000       # chosen sizes (0 = the shipped content)

Three figures per size, each over REPEATS saves of one scam file in a running server:
- save → reload signal: the time from writing the file to the livereload "reload" message reaching a
  websocket client (what the server controls: noticing the save, making the open page, signalling);
- save → new page shown: the same save seen in a real Chromium page, up to the reloaded page's
  DOMContentLoaded (adds the browser's reload);
- save → whole preview current: until a page no browser shows is served (the server holds such a request
  until the full build after the open page is done). The next save waits for it, as a user would.
Prints a Markdown table for the README. Machines are shared and noisy: look at the medians.
"""

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from gen import generate  # noqa: E402

REPEATS = 15
SCAM = "content/scams/shuadan.md"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(project, port):
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(project), "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("serve did not start")


def edit_title(path, number):
    """Change the scam's title to a new one; return the new title."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    title = f"刷单返利诈骗{number}"
    lines[index] = f"title: {title}"
    # Whole or not at all, as an editor saving through a temporary file does: a server polling between
    # the truncation and the write would see an empty file, and measure that save twice.
    temporary = path.parents[2] / ".saving"
    temporary.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temporary, path)
    return title


async def signal_times(port, path):
    """Seconds from each save to the reload message, over REPEATS saves."""
    connection = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await connection.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    await connection.read_message()
    await connection.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/", "plugins": {}}))
    await asyncio.sleep(0.3)
    times, settled = [], []
    for number in range(REPEATS):
        started = time.perf_counter()
        edit_title(path, number)
        while json.loads(await connection.read_message())["command"] != "reload":
            pass
        times.append(time.perf_counter() - started)
        await asyncio.to_thread(current, port, "")  # what the browser would do: load the page again
        await asyncio.to_thread(current, port)
        settled.append(time.perf_counter() - started)
        await asyncio.sleep(0.2)
    connection.close()
    return times, settled


def current(port, page="scams/shuadan.html"):
    """Ask for a page the client does not show: served once the whole preview is current."""
    urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=120).read()


def page_times(port, path):
    """Seconds from each save to the new title showing in Chromium."""
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/scams/shuadan.html")
        page.wait_for_timeout(500)  # let livereload.js connect
        for number in range(100, 100 + REPEATS):
            saved = time.time() * 1000
            title = edit_title(path, number)
            page.locator("h1", has_text=title).wait_for(timeout=60000)
            # When the new page was ready, by the browser's own clock (same machine): Playwright's
            # polling of the locator would otherwise add up to half a second.
            ready = page.evaluate("performance.timeOrigin + performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            times.append((ready - saved) / 1000)
            current(port, "index.html")
            page.wait_for_timeout(300)  # the reloaded page reconnects before the next save
        browser.close()
    return times


def measure(size, workspace):
    project = workspace / f"project-{size}"
    if size:
        generate(size, project)
    else:
        generate(0, project)  # a plain copy of the shipped project
    port = free_port()
    process = start(project, port)
    try:
        signal, settled = asyncio.run(signal_times(port, project / SCAM))
        shown = page_times(port, project / SCAM)
    finally:
        process.terminate()
        process.wait(timeout=30)
    scams = len(list((project / "content/scams").glob("*.md")))
    return scams, signal, shown, settled


def row(times):
    ms = sorted(t * 1000 for t in times)
    return f"{statistics.median(ms):.0f} ms (最快 {ms[0]:.0f}，最慢 {ms[-1]:.0f})"


if __name__ == "__main__":
    sizes = [int(s) for s in sys.argv[1:]] or [0, 1000]
    print("| 内容 | 保存 → 发出刷新 | 保存 → 浏览器显示新页面 | 保存 → 整个预览更新完 |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            scams, signal, shown, settled = measure(size, Path(folder))
            label = f"自带内容（{scams} 种诈骗类型）" if size == 0 else f"{scams} 种诈骗类型"
            print(f"| {label} | {row(signal)} | {row(shown)} | {row(settled)} |", flush=True)
