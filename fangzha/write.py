"""Write the rendered files atomically: build beside site/, then swap it in."""

import os
import shutil
from pathlib import Path

from .problems import ContentError, Problem

MARKER = ".fangzha-site"
BUILDING_SUFFIX, OLD_SUFFIX = ".building", ".old"
MARKER_TEXT = "此文件夹由 build.py 生成，每次构建都会整体替换。请不要在这里存放自己的文件。\n"


def check_output(output, label):
    """Refuse to replace a folder this tool did not make."""
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise ContentError([Problem("config.yaml", 0, "output", f"输出位置「{label}」是一个文件，不是文件夹。请在 config.yaml 里换一个输出文件夹名。")])
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ContentError([Problem("config.yaml", 0, "output", f"输出文件夹「{label}」里已经有别的文件，而且不是本工具生成的。为了不误删你的文件，本次没有写入。请换一个输出文件夹名，或先清空它。")])


def start(output):
    """A fresh, empty building folder beside `output`."""
    output = Path(output).resolve()
    building = output.with_name(f".{output.name}{BUILDING_SUFFIX}")
    for leftover in (building, output.with_name(f".{output.name}{OLD_SUFFIX}")):
        if leftover.exists():
            shutil.rmtree(leftover)
    building.mkdir(parents=True)
    return building


def make_folders(building, dests):
    """Every folder the files `dests` go in, made once (before workers write into them)."""
    for folder in sorted({os.path.dirname(dest) for dest in dests} - {""}):
        os.makedirs(os.path.join(building, folder), exist_ok=True)


def write_file(building, dest, data):
    """One output file (plain open/write: pathlib costs more than the I/O here)."""
    with open(os.path.join(building, dest), "wb") as target:
        target.write(data)


def finish(building, output):
    """Mark the building folder as ours and swap it in for `output`."""
    output = Path(output).resolve()
    old = output.with_name(f".{output.name}{OLD_SUFFIX}")
    (building / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    if output.exists():
        os.replace(output, old)
    os.replace(building, output)
    shutil.rmtree(old, ignore_errors=True)


def discard(building):
    """After a failure: drop the half-built folder; the last good site is untouched."""
    shutil.rmtree(building, ignore_errors=True)
