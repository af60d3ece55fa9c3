"""PDF benchmark: PDF pages per second and WeasyPrint layouts per page, for the print kit and the print shop.

    python3 bench/pdf.py           # a Markdown table for docs/print-shop.md and the README
    python3 bench/pdf.py --full    # and the wall time of a whole `build.py pdf` of the shipped content

The shipped content is built once (the HTML the PDFs are made from); then every printed item is laid
out in this one process, exactly as `build.py pdf` does it in its workers, while the layouts are
counted (each call of printkit/pdf._render is one WeasyPrint layout of a whole document). Times are
CPU seconds of this process, so other work on a shared machine does not count; `build.py pdf` spreads
the same jobs over the cores (parallel.ordered_map).
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fangzha.context import BuildContext  # noqa: E402
from fangzha.outputs import printkit, printshop  # noqa: E402
from fangzha.outputs.printkit import pdf  # noqa: E402
from fangzha.outputs.printshop import finish  # noqa: E402
from fangzha.pipeline import build  # noqa: E402
from fangzha.render import make_environment  # noqa: E402

LAYOUTS = [0]
_render = pdf._render


def counted(*args, **kwargs):
    LAYOUTS[0] += 1
    return _render(*args, **kwargs)


def measure(label, items, site, assets, make):
    LAYOUTS[0] = 0
    pages = sum(p.sheets for p in items)
    started = time.process_time()
    for page in items:
        make(page, (site / page.dest).read_text(encoding="utf-8"))
    seconds = time.process_time() - started
    return (f"| {label} | {len(items)} | {pages} | {LAYOUTS[0]} | {LAYOUTS[0] / pages:.2f} | {seconds:.1f} s "
            f"| {pages / seconds:.2f} |")


def main(full):
    pdf._render = counted
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = build(BuildContext(ROOT), site)
        assets = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "assets").iterdir()}
        env = make_environment(ROOT / "templates")
        kit = printkit.printable([p for p in built.pages if p.family == "print"])
        shop = printshop.printable([p for p in built.pages if p.family == "printshop"])

        def kit_pdf(page, html):
            pdf.fit_pdf(page.dest, html, page.context["min_fit"], page.context["source"], page.sheets, assets)

        def shop_pdf(page, html):
            pdf.fit_pdf(page.dest, html, page.context["min_fit"], page.context["source"], page.sheets, assets)

        def shop_all(page, html):  # the PDF and what is made from it: picture, imposed or tiled copy
            planned = page.context["shop"]
            marks = env.get_template("printshop/tiles.html").render(finish.marks_context(planned)) if planned.tiling else ""
            finish.make(assets, (page.dest, html, page.context["min_fit"], page.context["source"], page.sheets, False,
                                 planned, planned.tiling, marks))

        print("| 印制品 | 份数 | PDF 页数 | 排版次数 | 每页排版次数 | CPU 用时 | 每秒页数（单核） |")
        print("|---|---|---|---|---|---|---|")
        print(measure("印刷品（海报、折页）", kit, site, assets, kit_pdf), flush=True)
        print(measure("打印店印制品：只算 PDF", shop, site, assets, shop_pdf), flush=True)
        print(measure("打印店印制品：PDF 加图片、印刷版、拼贴版", shop, site, assets, shop_all), flush=True)
    if full:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "build.py"), "pdf", "--output", str(Path(tmp) / "site")],
                           check=True, capture_output=True)
            print(f"\n`build.py pdf`（随附内容，全部）：墙钟 {time.perf_counter() - started:.1f} 秒")


if __name__ == "__main__":
    main("--full" in sys.argv[1:])
