"""Shared test fixtures: a built copy of the shipped site, and a real headless Chromium."""

import datetime
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_build(*args, cwd=ROOT):
    """Run build.py as a user would, on the project at `cwd`; return the finished process."""
    root = ["--root", str(cwd)] if Path(cwd).resolve() != ROOT else []
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *root, *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def edit(project, relative, old, new):
    """Replace the first `old` in one of the project's files (it must be there)."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused_build(project, *args):
    """Run a build that must be refused: exit 1, no traceback, the last site byte for byte as it was.

    Returns the problem lines (without the summary line, which is checked here)."""
    from test_build import tree
    before = tree(project / "site")
    result = run_build(*args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert tree(project / "site") == before
    lines = result.stderr.splitlines()
    assert lines[-1] == f"共发现 {len(lines) - 1} 个问题，本次没有生成任何文件（原来的网站保持不变）。", lines
    return lines[:-1]


def serious_accessibility_problems(page):
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the open page, one short line each."""
    axe = ROOT / "node_modules/axe-core/axe.min.js"
    assert axe.exists(), "缺少 node_modules/axe-core：请先运行 npm ci"
    page.evaluate(axe.read_text(encoding="utf-8") + "\n;0")  # through the debugger: the page's policy allows no inline script
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
    }""")


def edit_front_matter(path, change):
    """Rewrite a Markdown file's YAML front matter through `change(dict)` (tests break content on purpose)."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(head)
    change(data)
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body, encoding="utf-8")


def refuse_links(monkeypatch):
    """The output disk has no links (FAT): every file of a rebuild is written anew."""
    def refused(source, target):
        raise OSError(errno.EPERM, "links are not supported on this disk")
    monkeypatch.setattr(os, "link", refused)


def copy_project(source, target):
    """A throwaway copy of a project (config.yaml + content/) to break on purpose."""
    shutil.copytree(source / "content", target / "content")
    shutil.copy(source / "config.yaml", target / "config.yaml")
    return target


BUILT_ON = datetime.date.today().isoformat()  # the day mini_with_site is built for: a test comparing a build with it
# builds for the same day, or a suite run that crosses midnight would find the dated Word files changed


@pytest.fixture(scope="session")
def mini_with_site(tmp_path_factory):
    """The mini fixture project, built once: its site/ is the last good site a refused build must keep."""
    project = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("mini-built") / "project")
    result = run_build("--date", BUILT_ON, cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def built_project(mini_with_site, tmp_path):
    """A throwaway copy of the built mini project (config.yaml, content/, site/) to break on purpose."""
    return Path(shutil.copytree(mini_with_site, tmp_path / "project", symlinks=True))


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory):
    """The shipped content built once into a temporary folder."""
    from fangzha.context import BuildContext
    from fangzha.pipeline import build
    out = tmp_path_factory.mktemp("shipped") / "site"
    build(BuildContext(ROOT), out)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing browser = failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"找不到 {CHROMIUM}：浏览器测试需要 Debian 的 chromium（apt-get install chromium）。")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page that records console errors and every request leaving a folder."""

    def __init__(self, page, folder):
        self.page, self.folder = page, Path(folder).resolve()
        self.errors, self.outside = [], []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", self._check)

    def _check(self, request):
        url = request.url
        if url.startswith("file://"):
            path = Path(url[len("file://"):].split("?")[0].split("#")[0])
            from urllib.parse import unquote
            if not Path(unquote(str(path))).resolve().is_relative_to(self.folder):
                self.outside.append(url)
        elif not url.startswith(("data:", "about:", "blob:")):
            self.outside.append(url)

    def open(self, relative):
        """Open a page of the folder; `relative` may end in ?query and #fragment."""
        rest, _, fragment = relative.partition("#")
        path, _, query = rest.partition("?")
        self.page.goto((self.folder / path).as_uri() + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else ""))
        return self.page


@pytest.fixture
def watched(browser):
    """Factory: watched(folder, **context options) -> Watched page."""
    contexts = []

    def make(folder, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        return Watched(context.new_page(), folder)

    yield make
    for context in contexts:
        context.close()
