"""Build benchmark: the shipped content, then 100 / 1,000 / 5,000 scams, each next to the floor.

    python3 bench/run.py            # prints a Markdown table for the README
    python3 bench/run.py 100 1000   # chosen sizes only

Two builds of each project: the first (no output folder yet: every file is new) and a rebuild (the
last good site is there: files that did not change are taken over instead of written). Next to them:
the floor (parse, convert, render one trivial template; nothing written) and what only writing the
first build's files costs on this disk, in one process. Each measurement is a fresh process (so peak
memory is that run's own); they run in turn, best of `REPEATS`, because the machines are shared and
noisy. Compare ratios, not seconds.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from gen import generate  # noqa: E402

REPEATS = 3


def measure(script, *args):
    out = subprocess.run([sys.executable, str(HERE / script), *map(str, args)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def best_of(runs):
    return min(runs, key=lambda r: r["seconds"])


def row(label, scams, project, work):
    again = work / f"again-{label}-{scams}"
    measure("build_once.py", project, again)  # the last good site the rebuilds start from
    runs = {"first": [], "again": [], "floor": [], "written": []}
    for n in range(REPEATS):
        first = work / f"first-{n}"
        runs["first"].append(measure("build_once.py", project, first))
        runs["written"].append(measure("write_floor.py", first))
        shutil.rmtree(first)
        runs["again"].append(measure("build_once.py", project, again))
        runs["floor"].append(measure("floor.py", project))
    first, rebuilt, floor, written = (best_of(runs[k]) for k in ("first", "again", "floor", "written"))
    return (f"| {label} | {scams} | {first['pages']} | {first['seconds']:.2f} s | {rebuilt['seconds']:.2f} s "
            f"| {max(first['peak_mib'], rebuilt['peak_mib']):.0f} MiB | {floor['seconds']:.2f} s | {floor['peak_mib']:.0f} MiB "
            f"| {written['seconds']:.2f} s | {first['seconds'] / floor['seconds']:.2f}× | {rebuilt['seconds'] / floor['seconds']:.2f}× |")


def main(sizes):
    print("| 内容 | 诈骗类型数 | 生成文件数 | 首次构建 | 再次构建 | 峰值内存 | 下限（floor） | 下限内存 | 只写这些文件 "
          "| 首次 / 下限 | 再次 / 下限 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shipped = len(list((ROOT / "content/scams").glob("*.md")))
        print(row("随附内容", shipped, ROOT, work), flush=True)
        for size in sizes:
            project = generate(size, work / f"project-{size}")
            print(row("合成", size, project, work), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
