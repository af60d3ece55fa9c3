"""The README's two commands: build.py finds the project's .venv by itself, says in one line how to
install when the packages are missing, and CI runs exactly the README's test command."""

import re
import shutil
import site
import subprocess
import sys

from conftest import ROOT

NOT_COPIED = {".git", ".venv", "site", ".site.building", ".site.old", ".site.lock", "node_modules", "tests", "bench"}


def tool_files(folder, names):
    """Only the tool itself is copied: not the built site, the packages or the tests."""
    return [n for n in names if n == "__pycache__" or (folder == str(ROOT) and n in NOT_COPIED)]


def readme_commands():
    """The shell commands of the README's "两条命令" section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 两条命令", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_ci_runs_exactly_the_readme_test_command():
    install, test = readme_commands()
    assert install == "bash scripts/install.sh && python3 build.py"
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").strip().splitlines()[-1] == test
    assert test == "bash scripts/install-test-tools.sh && .venv/bin/python -m pytest -q"


def run_without_packages(folder, *args):
    """build.py run by a Python that has none of the packages (-S: no site-packages), as on a fresh machine."""
    return subprocess.run([sys.executable, "-S", "build.py", *args], cwd=folder, capture_output=True, text=True, encoding="utf-8")


def test_build_py_uses_the_project_venv_without_activating_it(tmp_path):
    tool = shutil.copytree(ROOT, tmp_path / "tool", ignore=tool_files)
    missing = run_without_packages(tool, "check")
    assert missing.returncode == 1
    assert missing.stderr == "缺少运行所需的 Python 包（jinja2）。请先在项目文件夹里运行 README 里的安装命令：bash scripts/install.sh\n"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tool / ".venv")], check=True)
    venv_site = next((tool / ".venv/lib").glob("python3*/site-packages"))
    (venv_site / "test-packages.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")  # this Python's packages, seen from the venv
    found = run_without_packages(tool, "check")
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines()[-1].startswith("检查通过：")
    usage = run_without_packages(tool, "frobnicate")  # the venv's Python answers, arguments and exit code passed on
    assert usage.returncode == 2 and "命令写错了" in usage.stderr


def test_venv_and_lock_files_are_not_committed():
    ignored = subprocess.run(["git", "check-ignore", ".venv/", ".site.lock", "node_modules"], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == [".venv/", ".site.lock", "node_modules"]
