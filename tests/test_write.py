"""The last good site stays in every case: a crash in the middle of the swap, two builds at once,
a read-only site/ or disk, a full disk, a mount point, Ctrl+C. Each refusal is one Chinese line."""

import errno
import os
import shutil
import stat
import subprocess
import sys
import textwrap

import pytest
from conftest import BUILT_ON, ROOT, refuse_links, run_build
from test_build import tree

import build as build_py
from fangzha import write

KEPT = "原来的网站保持不变。"


def run_patched(project, patch, *args):
    """Run build.py's main in a fresh process after `patch` (Python source) changed something in it."""
    script = "\n".join([
        "import os, signal, sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from fangzha import parallel, write",
        textwrap.dedent(patch),
        "import build",
        f"sys.exit(build.main(['--root', {str(project)!r}, *sys.argv[1:]]))",
    ])
    return subprocess.run([sys.executable, "-c", script, *args], cwd=project, capture_output=True, text=True,
                          encoding="utf-8", start_new_session=True)


CRASH_BETWEEN_RENAMES = """
    real_replace = os.replace
    def replace(source, target):
        if str(source).endswith(".site.building"):
            os._exit(9)  # the machine stops after site/ became .site.old, before the new one moved in
        return real_replace(source, target)
    os.replace = replace
"""


def break_content(project):
    scam = project / "content/scams/shuadan.md"
    scam.write_text(scam.read_text(encoding="utf-8").replace("title: 刷单返利诈骗\n", ""), encoding="utf-8")


def test_a_crash_between_the_renames_loses_nothing(built_project):
    before = tree(built_project / "site")
    crashed = run_patched(built_project, CRASH_BETWEEN_RENAMES)
    assert crashed.returncode == 9
    assert not (built_project / "site").exists() and (built_project / ".site.old").is_dir()
    break_content(built_project)  # the next build fails: it must still give the last good site back first
    failed = run_build(cwd=built_project)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert tree(built_project / "site") == before
    assert not (built_project / ".site.old").exists()


def test_the_next_good_build_after_a_crash_says_it_recovered(built_project):
    assert run_patched(built_project, CRASH_BETWEEN_RENAMES).returncode == 9
    result = run_build(cwd=built_project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "提示：上次构建在替换「site」时中断了，已把原来的网站放回「site」。"
    assert sorted(p.name for p in built_project.iterdir() if p.name.startswith(".site")) == []  # nothing left beside site/


def test_a_crash_after_the_swap_leaves_the_new_site_and_the_old_copy_goes(built_project, mini_with_site):
    crashed = run_patched(built_project, """
        import shutil
        real_rmtree = shutil.rmtree
        def rmtree(path, *args, **kwargs):
            if str(path).endswith(".site.old"):
                os._exit(9)  # the machine stops after the new site moved in, before the old copy was deleted
            return real_rmtree(path, *args, **kwargs)
        shutil.rmtree = rmtree
    """, "--date", BUILT_ON)
    assert crashed.returncode == 9
    assert tree(built_project / "site") == tree(mini_with_site / "site")
    break_content(built_project)
    assert run_build(cwd=built_project).returncode == 1
    assert tree(built_project / "site") == tree(mini_with_site / "site")
    assert not (built_project / ".site.old").exists()


def test_a_second_build_while_one_is_writing_is_refused(built_project):
    before = tree(built_project / "site")
    with write.locked(built_project / "site", "site"):  # another build holds the output folder
        result = run_build(cwd=built_project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"另一个构建正在写入「site」（同一个输出文件夹同时只能有一个构建）。请等它完成后再运行。{KEPT}"]
    assert tree(built_project / "site") == before
    assert run_build(cwd=built_project).returncode == 0  # the lock went with the build that held it


def test_builds_started_together_never_mix_or_break_the_site(built_project, mini_with_site, tmp_path):
    other = shutil.copytree(built_project, tmp_path / "other")  # a second project writing to the same output
    output = str(built_project / "site")
    command = [sys.executable, str(ROOT / "build.py"), "--date", BUILT_ON, "--root"]
    builds = [subprocess.Popen([*command, str(project), "build", "--output", output], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
              for project in (built_project, other, built_project, other)]
    outcomes = [(b.wait(), b.stderr.read()) for b in builds]
    for code, errors in outcomes:
        assert (code, errors) == (0, "") or (code == 1 and errors.startswith("另一个构建正在写入")), errors
    assert any(code == 0 for code, _ in outcomes)
    assert tree(built_project / "site") == tree(mini_with_site / "site")
    assert not (built_project / ".site.building").exists() and not (built_project / ".site.old").exists()


def as_ordinary_user():
    """The command prefix that makes file permissions count (root ignores them; tests run as root in CI)."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "需要 setpriv（util-linux）：以 root 运行时用它去掉越过文件权限的能力"
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def run_as_ordinary_user(project, *args):
    return subprocess.run([*as_ordinary_user(), sys.executable, str(ROOT / "build.py"), "--root", str(project), *args],
                          cwd=project, capture_output=True, text=True, encoding="utf-8")


def make_read_only(folder):
    for path in sorted(folder.rglob("*"), reverse=True) + [folder]:
        path.chmod(stat.S_IRUSR | stat.S_IXUSR if path.is_dir() else stat.S_IRUSR)


def test_a_read_only_site_is_replaced_and_leaves_nothing_behind(built_project):
    make_read_only(built_project / "site")
    denied = subprocess.run([*as_ordinary_user(), sys.executable, "-c", f"open({str(built_project / 'site/x')!r}, 'w')"],
                            capture_output=True, text=True)
    assert denied.returncode == 1 and "PermissionError" in denied.stderr  # the folder really is read-only to the build
    for _ in range(2):  # and the build after it too (a leftover .site.old used to crash every later build)
        result = run_as_ordinary_user(built_project)
        assert result.returncode == 0, result.stderr
        assert not (built_project / ".site.old").exists()
    assert (built_project / "site/index.html").is_file()


def test_a_project_folder_without_write_permission_is_one_line(built_project):
    before = tree(built_project / "site")
    built_project.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_as_ordinary_user(built_project)
    finally:
        built_project.chmod(stat.S_IRWXU)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"没有权限写入「site」或它所在的文件夹（文件夹是只读的，或有程序正在使用里面的文件）。请检查权限、关掉正在用它的程序，或换一个输出文件夹。{KEPT}"]
    assert tree(built_project / "site") == before


def main_in_process(project, capsys, *args):
    """build.py's main, in this process (so the disk can be made to fail); its exit code and stderr lines."""
    code = build_py.main(["--root", str(project), *args])
    return code, capsys.readouterr().err.splitlines()


def test_a_read_only_disk_is_one_line(built_project, monkeypatch, capsys):
    before = tree(built_project / "site")
    real_open = os.open

    def read_only_disk(path, *args, **kwargs):
        if str(path).startswith(str(built_project)) and args and args[0] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_disk)
    code, lines = main_in_process(built_project, capsys)
    monkeypatch.undo()
    assert (code, lines) == (1, [f"「site」所在的磁盘是只读的（例如写保护的 U 盘、只读的网络盘），写不进去。请解除写保护，或换一个输出文件夹（build --output 文件夹）。{KEPT}"])
    assert tree(built_project / "site") == before


def test_a_full_disk_is_one_line_and_nothing_half_written_stays(built_project, monkeypatch, capsys):
    before = tree(built_project / "site")
    written = {"files": 0}

    def filling(path, mode="r", *args, **kwargs):
        written["files"] += "w" in mode
        if written["files"] == 7:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(write, "open", filling, raising=False)
    refuse_links(monkeypatch)  # every file written anew (unchanged ones would be linked)
    code, lines = main_in_process(built_project, capsys)
    monkeypatch.undo()
    assert (code, lines) == (1, [f"磁盘空间不够，「site」没有生成完。请清理出空间后再生成。{KEPT}"])
    assert tree(built_project / "site") == before
    assert not (built_project / ".site.building").exists()


def test_a_mount_point_as_the_output_is_refused(built_project, monkeypatch, capsys):
    before = tree(built_project / "site")
    monkeypatch.setattr(os.path, "ismount", lambda path: os.path.basename(os.fspath(path)) == "site")
    code, lines = main_in_process(built_project, capsys)
    assert (code, lines) == (1, [
        "config.yaml: output: 输出文件夹「site」是单独挂上的一块磁盘（挂载点），每次构建要整体替换它，这做不到。请把 output 改成它里面的一个子文件夹，例如「site/网站」。",
        "共发现 1 个问题，本次没有生成任何文件（原来的网站保持不变）。"])
    assert tree(built_project / "site") == before


def test_an_output_the_system_will_not_move_is_one_line(built_project, monkeypatch, capsys):
    """A bind mount on the same disk does not look like a mount point; the rename then says EBUSY."""
    before = tree(built_project / "site")
    real_replace = os.replace

    def busy(source, target):
        if os.path.basename(os.fspath(source)) == "site":
            raise OSError(errno.EBUSY, "Device or resource busy", os.fspath(source))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", busy)
    code, lines = main_in_process(built_project, capsys)
    monkeypatch.undo()
    assert (code, lines) == (1, [f"「site」正被占用，或是单独挂上的一块磁盘（挂载点），无法整体替换。请关掉正在使用它的程序，或把输出放到它里面的一个子文件夹。{KEPT}"])
    assert tree(built_project / "site") == before
    assert not (built_project / ".site.building").exists()


@pytest.mark.parametrize("writes", [1, 5])
def test_ctrl_c_during_a_build_is_one_line(built_project, writes):
    """A real SIGINT to every process of the build, as a terminal sends it, while pages are being written."""
    before = tree(built_project / "site")
    result = run_patched(built_project, f"""
        from fangzha import render
        parallel.MIN_ITEMS = 1  # render in worker processes, as a big project does
        real_write = render.write_file
        count = [0]
        def write_file(*args):
            count[0] += 1
            if count[0] == {writes}:
                os.killpg(0, signal.SIGINT)
            return real_write(*args)
        render.write_file = write_file
    """)
    assert result.returncode == 130, result.stderr
    assert result.stderr.splitlines() == ["已中断（Ctrl+C）：本次没有生成任何文件，原来的网站保持不变。"]
    assert result.stdout == ""
    assert tree(built_project / "site") == before
    assert not (built_project / ".site.building").exists()
