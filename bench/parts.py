"""Where a full build's work goes, part by part, next to the floor.

    python3 bench/parts.py          # 5,000 synthetic scams; prints a Markdown table for the README
    python3 bench/parts.py 1000

Everything runs on one core (this process pins itself, so no part is spread over workers and each
row is that part's own work): reading and checking the content, each family's planning and checks,
rendering each family's files to bytes (nothing written), and, each in a fresh process, the floor
(bench/floor.py) and writing the files (bench/write_floor.py). The last row is a build with the
preview's memory of an identical build just before it: it lays out and renders nothing, taking every
layout and file over. Best of `REPEATS`; compare ratios, not seconds.
"""

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen import generate  # noqa: E402
from run import measure  # noqa: E402

from fangzha import pipeline  # noqa: E402
from fangzha import plan as planner  # noqa: E402
from fangzha.context import BuildContext  # noqa: E402
from fangzha.memory import Memory  # noqa: E402
from fangzha.render import RenderJob, render_page  # noqa: E402

REPEATS = 3


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def parts(project, work):
    """{"read": s, "check": s, family name: (files, planning s, rendering s)} of one build's work."""
    ctx = BuildContext(project)
    found = {}
    found["read"], model = timed(lambda: pipeline.site_model(ctx, pipeline.load(ctx)))
    ctx = ctx.with_output(work / "site")
    own, planned = {}, {}
    for family in planner.FAMILIES:
        planned[family.name], own[family.name] = timed(lambda family=family: family.module.pages(model, ctx))
        for page in own[family.name]:
            page.family = family.name
    pages = [page for family in planner.FAMILIES for page in own[family.name]]
    planner.link(pages, pages)
    found["check"], _ = timed(lambda: planner.check(model, pages, ctx))
    job = RenderJob(pages, model, ctx.templates, work / "site")
    for family in planner.FAMILIES:
        rendered, _ = timed(lambda family=family: [render_page(job, page) for page in own[family.name]])
        found[family.name] = (len(own[family.name]), planned[family.name], rendered)
    return found


def remembered_build(project, work):
    """Seconds of a build whose memory holds an identical last build (serve's rebuild of an unchanged save)."""
    memory = Memory()
    ctx = BuildContext(project, memory=memory)
    pipeline.build(ctx, work / "remembered")
    memory.begin()
    return timed(lambda: pipeline.build(ctx, work / "remembered"))[0]


def main(scams):
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = generate(scams, work / "project")
        measure("build_once.py", project, work / "built")  # on every core: only its files are wanted
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # from here on, a build starts no workers
        gc.disable()  # as in a build
        floor = min(measure("floor.py", project)["seconds"] for _ in range(REPEATS))
        written = min(measure("write_floor.py", work / "built")["seconds"] for _ in range(REPEATS))
        runs = [parts(project, work) for _ in range(REPEATS)]
        remembered = min(remembered_build(project, work) for _ in range(REPEATS))
    fastest = {key: min((run[key] for run in runs), key=seconds_of) for key in runs[0]}

    def ratio(seconds):
        return f"{seconds:.2f} s | {seconds / floor:.2f}×"

    print(f"{scams} 种诈骗类型，一个核；下限（bench/floor.py）{floor:.2f} s\n")
    print("| 部分 | 文件数 | 规划 | 渲染 | 合计 | 是下限的 |")
    print("|---|---|---|---|---|---|")
    print(f"| 读取、检查全部内容 | | | | {ratio(fastest['read'])} |")
    total = fastest["read"] + fastest["check"] + written
    for family in planner.FAMILIES:
        files, planned, rendered = fastest[family.name]
        total += planned + rendered
        print(f"| {family.label} | {files} | {planned:.2f} s | {rendered:.2f} s | {ratio(planned + rendered)} |")
    print(f"| 各类输出的检查 | | | | {ratio(fastest['check'])} |")
    print(f"| 写出这些文件（bench/write_floor.py） | | | | {ratio(written)} |")
    print(f"| **合计** | | | | {ratio(total)} |")
    print(f"| 有上次相同构建的记忆时的整个构建（不排版、不渲染，沿用全部文件） | | | | {ratio(remembered)} |")


def seconds_of(part):
    """A part's seconds: a number, or a family's (files, planning, rendering)."""
    return part if isinstance(part, float) else part[1] + part[2]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
