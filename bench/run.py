"""Build benchmark: the shipped content, then 100 / 1,000 / 5,000 scams, each next to the floor.

    python3 bench/run.py            # prints a Markdown table for the README
    python3 bench/run.py 100 1000   # chosen sizes only

Each measurement is a fresh process (so peak memory is that run's own); the floor and the build run
alternately, best of `REPEATS`, because the machines are shared and noisy. Compare ratios, not seconds.
"""

import json
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


def best(script, *args):
    runs = [measure(script, *args) for _ in range(REPEATS)]
    return min(runs, key=lambda r: r["seconds"])


def row(label, scams, project, work):
    build = best("build_once.py", project, work / "site")
    floor = best("floor.py", project)
    ratio = build["seconds"] / floor["seconds"]
    return (f"| {label} | {scams} | {build['pages']} | {build['seconds']:.2f} s | {build['seconds'] / scams * 1000:.2f} ms "
            f"| {build['peak_mib']:.0f} MiB | {floor['seconds']:.2f} s | {floor['peak_mib']:.0f} MiB | {ratio:.2f}× |")


def main(sizes):
    print("| 内容 | 诈骗类型数 | 生成文件数 | 全量构建 | 每种用时 | 峰值内存 | 下限（floor） | 下限内存 | 倍数 |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shipped = len(list((ROOT / "content/scams").glob("*.md")))
        print(row("随附内容", shipped, ROOT, work), flush=True)
        for size in sizes:
            project = generate(size, work / f"project-{size}")
            print(row("合成", size, project, work), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
