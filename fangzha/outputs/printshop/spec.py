"""规格说明.txt: what to tell the print shop about one item, beside its files."""

from .formats import ROLLUP_TOP, ROLLUP_BOTTOM, EDGE, size_text
from .items import KINDS

NAME = "规格说明.txt"
QUANTITY_KEYS = {"rollup": "rollup", "board": "board", "tent-card": "tent_card", "banner": "banner",
                 "vertical-banner": "vertical_banner", "wall-notice": "wall_notice", "booklet": "booklet"}


def spec_text(planned, files, bleed, colour):
    """The lines of one item's 规格说明.txt; `files` is [(file name, what it is)]."""
    width, height = planned.real
    lines = [f"规格说明：{planned.title}", "",
             f"成品尺寸：{size_text(width, height)} 毫米（宽 × 高）"]
    lines += planned.spec
    if planned.kind == "rollup":
        lines.append(f"安全区：上边 {ROLLUP_TOP} 毫米（挂杆压住）和下边 {ROLLUP_BOTTOM} 毫米（卷进底座）里没有文字。")
    lines.append(f"文字离每条边至少 {EDGE} 毫米，裁切时不会切到字。")
    lines.append("出血：四边各 3 毫米，四角有裁切线（python3 build.py pdf --bleed）。" if bleed else
                 "出血：无。打印店需要出血时，运行 python3 build.py pdf --bleed（四边各加 3 毫米，印裁切线）。")
    lines.append(f"颜色：{colour}")
    lines.append(f"材料建议：{KINDS[planned.kind][1]}。")
    key = QUANTITY_KEYS[planned.kind]
    lines.append(f"数量：{planned.quantity} 份（config.yaml 的 print_shop.quantity.{key}）。")
    lines += ["", "文件："] + [f"  {name}：{what}" for name, what in files] + [f"  {NAME}：这份说明", ""]
    return "\r\n".join(lines)  # CRLF: it opens as it should in Windows Notepad
