"""Write the rendered files atomically: build beside the output folder, then swap it in.

The last good site is, at every instant, either the output folder itself or `.<name>.old` beside
it: a crash between the two renames of the swap leaves it there, and the next build puts it back
before anything else (`recover`). One build at a time writes to an output folder: it holds
`.<name>.lock` (released by the system even when the build is killed; deleted when it ends).
What the disk refuses (read-only, full, a mount point, no permission) becomes one Chinese line,
an `OutputError`.
"""

import errno
import os
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path

from .problems import ContentError, Problem

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

MARKER = ".fangzha-site"
BUILDING_SUFFIX, OLD_SUFFIX, LOCK_SUFFIX = ".building", ".old", ".lock"
MARKER_TEXT = "此文件夹由 build.py 生成，每次构建都会整体替换。请不要在这里存放自己的文件。\n"
KEPT = "原来的网站保持不变。"


class OutputError(Exception):
    """The output folder could not be written or swapped: one line for the user."""


def beside(output, suffix):
    """The hidden sibling `.<name><suffix>` of the output folder."""
    output = Path(output).resolve()
    return output.with_name(f".{output.name}{suffix}")


def describe(error, label):
    """What the disk refused, as one line naming the folder and what to do."""
    code = getattr(error, "errno", None)
    if code == errno.EROFS:
        return f"「{label}」所在的磁盘是只读的（例如写保护的 U 盘、只读的网络盘），写不进去。请解除写保护，或换一个输出文件夹（build --output 文件夹）。{KEPT}"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"磁盘空间不够，「{label}」没有生成完。请清理出空间后再生成。{KEPT}"
    if code in (errno.EACCES, errno.EPERM):
        return f"没有权限写入「{label}」或它所在的文件夹（文件夹是只读的，或有程序正在使用里面的文件）。请检查权限、关掉正在用它的程序，或换一个输出文件夹。{KEPT}"
    if code in (errno.EBUSY, errno.EXDEV):
        return f"「{label}」正被占用，或是单独挂上的一块磁盘（挂载点），无法整体替换。请关掉正在使用它的程序，或把输出放到它里面的一个子文件夹。{KEPT}"
    return f"写入「{label}」时出错：{getattr(error, 'strerror', None) or error}。{KEPT}"


def check_output(output, label):
    """Refuse to replace a folder this tool did not make, or one that cannot be swapped."""
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise ContentError([Problem("config.yaml", 0, "output", f"输出位置「{label}」是一个文件，不是文件夹。请在 config.yaml 里换一个输出文件夹名。")])
    if output.is_dir() and os.path.ismount(output):
        raise ContentError([Problem("config.yaml", 0, "output", f"输出文件夹「{label}」是单独挂上的一块磁盘（挂载点），每次构建要整体替换它，这做不到。请把 output 改成它里面的一个子文件夹，例如「{label}/网站」。")])
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ContentError([Problem("config.yaml", 0, "output", f"输出文件夹「{label}」里已经有别的文件，而且不是本工具生成的。为了不误删你的文件，本次没有写入。请换一个输出文件夹名，或先清空它。")])


def _try_lock(handle):
    """Take the lock without waiting; False when another build holds it."""
    try:
        if fcntl:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        raise
    return True


@contextmanager
def locked(output, label):
    """Hold the output folder's lock for a whole build; a second build at the same time is refused.

    The lock file goes when the build ends (no clutter beside site/); a build that opened it just
    before it went checks that what it locked is still the lock file, and else takes the new one.
    """
    lock = beside(output, LOCK_SUFFIX)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        while True:
            handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(handle):
                os.close(handle)
                raise OutputError(f"另一个构建正在写入「{label}」（同一个输出文件夹同时只能有一个构建）。请等它完成后再运行。{KEPT}")
            if _is_still(handle, lock):
                break
            os.close(handle)
    except OSError as error:
        raise OutputError(describe(error, label)) from None
    try:
        yield
    finally:
        try:
            os.unlink(lock)  # while still holding it (Windows refuses: the file then stays, harmless)
        except OSError:
            pass
        os.close(handle)  # closing releases the lock


def _is_still(handle, path):
    """Is the open file `handle` still the one at `path`?"""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(handle)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def remove_tree(path):
    """Delete a folder of ours, read-only folders inside it included (a read-only site/ is still ours)."""
    try:
        shutil.rmtree(path)
    except PermissionError:
        os.chmod(path, stat.S_IRWXU)
        for folder, dirs, _ in os.walk(path):  # top-down: each folder made writable before it is entered
            for name in dirs:
                inner = os.path.join(folder, name)
                if not os.path.islink(inner):
                    os.chmod(inner, stat.S_IRWXU)
        shutil.rmtree(path)


def recover(output, label):
    """Before anything else: bring back a last good site a crash left in `.<name>.old`.

    Returns a notice when it did. When both exist the swap had finished, and the old copy goes.
    """
    old = beside(output, OLD_SUFFIX)
    if not (old / MARKER).is_file():
        return None
    if not os.path.lexists(output):
        os.replace(old, output)
        return f"上次构建在替换「{label}」时中断了，已把原来的网站放回「{label}」。"
    try:
        remove_tree(old)
    except OSError as error:
        raise OutputError(f"删不掉上次留下的「{old.name}」（{error.strerror}）。请手动删掉「{old}」这个文件夹，再生成。{KEPT}") from None
    return None


def start(output):
    """A fresh, empty building folder beside `output` (under the lock, so a leftover is nobody's)."""
    building = beside(output, BUILDING_SUFFIX)
    if os.path.lexists(building):
        remove_tree(building)
    building.mkdir(parents=True)
    return building


def make_folders(building, dests):
    """Every folder the files `dests` go in, made once (before workers write into them)."""
    for folder in sorted({os.path.dirname(dest) for dest in dests} - {""}):
        os.makedirs(os.path.join(building, folder), exist_ok=True)


def write_file(building, dest, data, previous=None):
    """One output file (plain open/write: pathlib costs more than the I/O here). Where the last good
    output folder `previous` holds the same bytes at `dest`, that file is linked instead: on many disks
    a new file costs far more than reading an old one, and an unchanged file keeps its date."""
    if previous is not None and _linked_if_same(previous, building, dest, data):
        return
    with open(os.path.join(building, dest), "wb") as target:
        target.write(data)


def _linked_if_same(previous, building, dest, data):
    """Link `previous`/dest into the building folder when it holds exactly `data` (nothing in a build
    writes into a file it did not make, so the two folders may share it); False where it does not, or
    where the disk has no links (FAT)."""
    source = os.path.join(previous, dest)
    try:
        if os.stat(source).st_size != len(data):
            return False
        with open(source, "rb") as old:
            if old.read() != data:
                return False
        os.link(source, os.path.join(building, dest))
    except OSError:
        return False
    return True


def finish(building, output, label):
    """Mark the building folder as ours and swap it in for `output`; a notice if the old copy stays."""
    output = Path(output).resolve()
    old = beside(output, OLD_SUFFIX)
    (building / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    if output.exists():
        os.replace(output, old)
    try:
        os.replace(building, output)
    except BaseException:
        if old.exists() and not os.path.lexists(output):
            os.replace(old, output)  # put the last good site straight back
        raise
    try:
        remove_tree(old)
    except FileNotFoundError:
        pass
    except OSError as error:  # the new site is in place; the next build retries
        return f"新网站已经生成，但删不掉旧网站的备份「{old.name}」（{error.strerror}）。请手动删掉「{old}」。"
    return None


def discard(building):
    """After a failure: drop the half-built folder; the last good site is untouched."""
    shutil.rmtree(building, ignore_errors=True)
