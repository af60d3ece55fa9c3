"""规格说明.txt: what to tell the print shop about one item, beside its files."""

from ...i18n import N_
from ...i18n import ui as _
from .formats import EDGE, ROLLUP_BOTTOM, ROLLUP_TOP, size_text
from .items import KINDS

NAME = N_("规格说明.txt")  # named in the site's language, like what it says
QUANTITY_KEYS = {"rollup": "rollup", "board": "board", "tent-card": "tent_card", "banner": "banner",
                 "vertical-banner": "vertical_banner", "wall-notice": "wall_notice", "booklet": "booklet"}


def spec_text(planned, files, bleed, colour):
    """The lines of one item's 规格说明.txt; `files` is [(file name, what it is)]."""
    width, height = planned.real
    lines = [_("规格说明：") + planned.title, "",
             _("成品尺寸：%(size)s 毫米（宽 × 高）") % {"size": size_text(width, height)}]
    lines += planned.spec
    if planned.kind == "rollup":
        lines.append(_("安全区：上边 %(top)s 毫米（挂杆压住）和下边 %(bottom)s 毫米（卷进底座）里没有文字。") % {"top": ROLLUP_TOP, "bottom": ROLLUP_BOTTOM})
    lines.append(_("文字离每条边至少 %(mm)s 毫米，裁切时不会切到字。") % {"mm": EDGE})
    lines.append(_("出血：四边各 3 毫米，四角有裁切线（python3 build.py pdf --bleed）。") if bleed else
                 _("出血：无。打印店需要出血时，运行 python3 build.py pdf --bleed（四边各加 3 毫米，印裁切线）。"))
    lines.append(_("颜色：") + colour)
    lines.append(_("材料建议：") + _(KINDS[planned.kind][1]) + _("。"))
    key = QUANTITY_KEYS[planned.kind]
    lines.append(_("数量：%(count)s 份（config.yaml 的 print_shop.quantity.%(key)s）。") % {"count": planned.quantity, "key": key})
    listed = files + [(_(NAME), _("这份说明"))]
    lines += ["", _("文件：")] + ["  " + name + _("：") + what for name, what in listed] + [""]
    return "\r\n".join(lines)  # CRLF: it opens as it should in Windows Notepad
