"""Units benchmark: `build.py units` of the shipped content with 1 unit and with 300 units (HTML kits).

    python3 bench/units.py              # one run of each; a Markdown table for the README
    python3 bench/units.py --repeat 3   # the fastest of three runs of each
    python3 bench/units.py --pdf        # PDF speed per page: `build.py pdf` against `units FILE --pdf` (minutes)

Each build is `build.py units FILE` as a user runs it (the website and every unit's print kit and
print-shop items), wall time, in one run so the ratios share the machine's load. A plain `build.py
build` is timed too, and what each unit beyond the first adds. Today's alternative, one copy of the
project per unit, costs 300 builds for 300 units (≥ 300× one unit's build). The target is ≤ 80×.

With --pdf: the wall time per PDF page of `build.py pdf` (the site's own PDFs) and of `build.py units FILE
--pdf` for PDF_UNITS units, in one run. The target: the units' pages are made no slower than a single build's.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "单位名称,联系电话,地址,派出所,派出所电话"
PDF_UNITS = 3


def units_file(folder, count):
    path = Path(folder) / f"units-{count}.csv"
    rows = [HEADER] + [f"第{n:03d}村卫生室,0571-8800{n:04d},幸福路{n}号,城东派出所,0571-8811{n:04d}" for n in range(1, count + 1)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def timed(args, output, repeat):
    """The fastest wall time of `repeat` runs of build.py with `args`, into `output`."""
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(ROOT), *args, "--output", str(output)],
                                capture_output=True, text=True, encoding="utf-8", check=False)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(result.stderr)
        best = seconds if best is None else min(best, seconds)
    return best


def pdf_pages(folder):
    """(PDF files, their pages) under `folder`."""
    from pypdf import PdfReader
    files = sorted(Path(folder).rglob("*.pdf"))
    return len(files), sum(len(PdfReader(path).pages) for path in files)


def main_pdf():
    with tempfile.TemporaryDirectory() as tmp:
        single, units = Path(tmp) / "single", Path(tmp) / "units"
        single_seconds = timed(["pdf"], single, 1)
        units_seconds = timed(["units", str(units_file(tmp, PDF_UNITS)), "--pdf"], units, 1)
        single_files, single_pages = pdf_pages(single)
        units_files, units_pages = pdf_pages(units / "units")
    single_rate, units_rate = single_seconds / single_pages, units_seconds / units_pages
    print("| 构建 | PDF 文件 | PDF 页数 | 用时 | 每页用时 |")
    print("|---|---|---|---|---|")
    print(f"| build.py pdf（网站自己的印刷品） | {single_files} | {single_pages} | {single_seconds:.1f} 秒 | {single_rate * 1000:.0f} 毫秒 |")
    print(f"| build.py units（{PDF_UNITS} 个单位）--pdf | {units_files} | {units_pages} | {units_seconds:.1f} 秒 | {units_rate * 1000:.0f} 毫秒 |")
    print()
    print(f"各单位的 PDF 每页用时 ÷ 单次构建的：{units_rate / single_rate:.2f}（目标：不超过 1）")


def main(repeat):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        plain = timed(["build"], site, repeat)
        one = timed(["units", str(units_file(tmp, 1))], site, repeat)
        many = timed(["units", str(units_file(tmp, 300))], site, repeat)
        pages = sum(1 for _ in (site / "units").rglob("*.html"))
    print("| 构建 | 用时 |")
    print("|---|---|")
    print(f"| build（只有网站，没有单位） | {plain:.1f} 秒 |")
    print(f"| units，1 个单位 | {one:.1f} 秒 |")
    print(f"| units，300 个单位（{pages} 页） | {many:.1f} 秒 |")
    print()
    print(f"300 个单位 ÷ 1 个单位：{many / one:.1f} 倍（目标 ≤ 80 倍；每个单位复制一份项目分别构建要 300 倍）")
    print(f"每多一个单位多用 {(many - one) / 299 * 1000:.0f} 毫秒（只有网站的构建 {plain:.1f} 秒；机器忙时请用 --repeat 3）")


if __name__ == "__main__":
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1
    main_pdf() if "--pdf" in sys.argv else main(repeat)
