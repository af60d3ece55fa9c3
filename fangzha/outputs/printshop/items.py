"""Which print-shop items exist and what each is drawn on: one Page per item, its files planned.

Every item is a preview page (print/item.html, the print kit's template and block macros) in
print-shop/; `build.py pdf` turns each into the files its `shop` entry lists (finish.py).
"""

from dataclasses import dataclass, field

from ...content.languages import is_latin
from ...i18n import N_, other_lang, shown
from ...i18n import ui as _
from ...layout.blocks import stack_height
from ...layout.budget import Owner
from ...layout.sheet import MM, Region, Sheet
from ...page import Page
from ..printkit import compose as kit
from ..printkit.kit import TYPE, qr_code, shortest
from ..printkit.kit import oldest as kit_oldest
from ..printkit.sheets import problems_of, region_context
from . import booklet, compose, formats, sheets
from .cmyk import STANDARD, SUFFIX
from .finish import picture_dpi
from .formats import BANNER_COLOURS, EDGE

FOLDER = "print-shop"
STYLES = ["assets/print-shop.css", "assets/print-shop-style.css"]
SCREEN_WIDTH_MM = 297  # a preview wider than this is shown smaller on screen (never in print)
BACK = N_("全部打印店印制品")

# What each format is called, where the print centre lists it, what it is printed on.
KINDS = {
    "rollup": (N_("易拉宝"), N_("PP 合成纸或 PET 相纸喷绘，配易拉宝铝合金底座和撑杆")),
    "board": (N_("展板"), N_("KT 板或 PVC 板（雪弗板）裱喷绘画面，四角打孔或配展架")),
    "tent-card": (N_("台卡"), N_("200 克以上铜版纸或卡纸，单面印；插页可放进亚克力台卡")),
    "banner": (N_("横幅"), N_("布质横幅（旗帜布或春亚纺），热转印或喷绘，两端留绳扣")),
    "vertical-banner": (N_("竖幅"), N_("布质竖幅，上下两端穿杆，适合垂挂在楼体上")),
    "wall-notice": (N_("上墙告示"), N_("背胶 PP 纸或海报纸，贴在公告栏或墙上；也可以装进 A3、A2 框")),
    "booklet": (N_("宣传册"), N_("内页 105 至 128 克铜版纸，封面 157 克以上；A4 横向双面，对折，骑马钉两枚")),
}
BOOKLET_SCAMS = 12  # scams in one booklet: 24 pages of spreads, about 40 with the rest, still saddle-stitched
SECTIONS = ["易拉宝", "展板", "台卡", "横幅", "竖幅", "上墙告示", "宣传册"]  # shown through the catalogue


@dataclass
class Planned:
    """What `build.py pdf` makes of one item (the argument of finish.make: plain data only)."""

    kind: str              # manifest kind of the item and its PDF
    name: str              # the folder and the files' stem
    label: str             # 易拉宝 …
    title: str
    real: tuple            # (width, height) mm, real size
    drawn_scale: float = 1.0   # the PDF is drawn at this scale of the real size
    jpeg: bool = False     # a 1:1 picture for machines that take only images
    tiles: str = ""        # paper to tile the notice onto ("" none)
    impose: bool = False   # a saddle-stitched print PDF
    pages: int = 1
    spec: list = field(default_factory=list)  # lines of 规格说明.txt about the item itself
    quantity: int = 1
    campaign: str = ""
    tiling: object = None      # formats.Tiling of the tiled copy
    cmyk: str = ""             # the print shop's ICC profile (its name) its PDF is converted with; "" sRGB

    def files(self):
        """[(file name, what it is, manifest kind)] that `build.py pdf` makes for this item."""
        scale = _("1:1 原大") if self.drawn_scale == 1 else _("1:10 缩小（按 10 倍放大制作）")
        if self.cmyk:
            out = [(f"{self.name}{SUFFIX}.pdf", _("PDF，CMYK（%(standard)s，色彩配置：%(profile)s），%(scale)s，%(pages)s 页，矢量，字体已嵌入")
                    % {"standard": STANDARD, "profile": self.cmyk, "scale": scale, "pages": self.pages}, self.kind)]
        else:
            out = [(f"{self.name}.pdf", _("PDF，%(scale)s，%(pages)s 页，矢量，字体已嵌入") % {"scale": scale, "pages": self.pages}, self.kind)]
        if self.impose:
            out.append((f"{self.name}-print.pdf", _("印刷版：A4 横向，%(sides)s 面，已按骑马钉顺序排好") % {"sides": self.pages // 2},
                        "booklet-print"))
        if self.tiling:
            t = self.tiling
            out.append((f"{self.name}-tiled-{self.tiles.lower()}.pdf",
                        _("拼贴版：%(paper)s 纸 %(count)s 张（%(rows)s 行 × %(columns)s 列），相邻两张重叠 %(overlap)s 毫米")
                        % {"paper": self.tiles, "count": t.rows * t.columns, "rows": t.rows, "columns": t.columns, "overlap": formats.OVERLAP},
                        "tiled"))
        dpi = picture_dpi(self.real) if self.jpeg else None
        if dpi:
            width, height = (round(side / 25.4 * dpi) for side in self.real)
            out.append((f"{self.name}.jpg", _("1:1 原大图片，%(dpi)s dpi，%(width)s × %(height)s 像素（给只收图片的机器）")
                        % {"dpi": dpi, "width": width, "height": height}, self.kind))
        return out


class Shop:
    """Builds the print-shop pages for one model."""

    def __init__(self, model):
        self.model = model
        self.config = model.config
        self.settings = model.config["print_shop"]
        self.large_names = {a["name"] for a in model.audiences if a["large_type"]}
        self.pages = []

    def is_large(self, campaign):
        return campaign["large_type"] or any(name in self.large_names for name in campaign["audiences"])

    def add(self, planned, sides, over, sheet, source, section, settings, kit_of="", type_pt=15, low=.6, high=1.0,
            scale=1.0, extra_class="", subject=None):
        """One item's preview page; `subject` is the content item it prints (its lang marks the page where it differs)."""
        dest = f"{FOLDER}/{planned.name}.html"
        for drawn in sides:
            drawn["css"] += f";--accent:{BANNER_COLOURS['ground'] if planned.kind.endswith('banner') else '#a3161a'}"
        zoom = min(1.0, SCREEN_WIDTH_MM / sheet.width)
        context = {
            "title": planned.title, "section": section, "source": source, "folder": FOLDER, "sheets": sides,
            "type_pt": round(type_pt * scale, 2), "min_fit": low, "max_fit": high, "paper": _("%(label)s %(size)s 毫米") % {"label": _(planned.label), "size": formats.size_text(*planned.real)},
            "page_size": sheet.page_size(), "pdf_dest": f"{FOLDER}/{planned.name}/{planned.name}.pdf",
            "thumb": "shop", "too_long": problems_of(over, planned.label, dest), "settings": settings,
            "back": _(BACK), "pages_text": _("一页") if len(sides) == 1 else _("%(count)s 页") % {"count": len(sides)}, "extra_styles": STYLES,
            "main_class": " ".join(c for c in ("ps-zoomed" if zoom < 1 else "", extra_class) if c),
            "main_style": f"--preview-zoom:{zoom:.4f}", "shop": planned,
            "lang": other_lang(subject, self.config) if subject else "",
            "preview": {"width": round(sheet.width * zoom * 96 / 25.4), "height": round(sheet.height * zoom * 96 / 25.4)},
        }
        planned.pages = len(sides)
        self.pages.append(Page(dest, "print/item.html", context, kit_of=kit_of, label=_(planned.label), kind=planned.kind,
                               size=sheet.size(), sheets=len(sides)))

    def foot(self, sources, reviewed, web, source, share=None):
        qr = qr_code(self.config["base_url"], web)
        part = kit.foot(self.config, sources, reviewed, qr, Owner(source, "sources"))
        part.share = share or part.share
        return part

    def large(self, kind, name, title, parts, shape, campaign, source, section, sources, reviewed, web, large=False):
        """A roll-up, a board or a wall notice: parts and foot on a Shape, drawn at real size."""
        size, smallest, largest = TYPE["poster"][large]
        low, high = round(smallest / size, 3), round(largest / size, 3)
        parts = parts + [self.foot(sources, reviewed, web, source, .22 if shape.width > shape.height else None)]
        drawn, over, sheet = sheets.single(parts, shape, size, low, high)
        label = KINDS[kind][0]
        planned = Planned(kind, name, label, title, (shape.width, shape.height), jpeg=True,
                          quantity=self.settings["quantity"]["wall_notice" if kind == "wall-notice" else kind],
                          campaign=campaign["slug"] if campaign else "")
        settings = _("这是给打印店的预览：%(label)s，%(size)s。运行 python3 build.py pdf 后，把 site/%(folder)s/ "
                     "这个文件夹整个交给打印店（里面有 PDF、JPG 图片和规格说明）。") % {"label": _(label), "size": shape.label(),
                                                                  "folder": f"{FOLDER}/{name}"}
        self.add(planned, [drawn], over, sheet, source, section, settings, campaign["slug"] if campaign else "",
                 size, low, high, shape.factor, subject=campaign)
        return planned

    # ---- the formats

    def rollups_and_boards(self):
        for campaign in self.model.campaigns:
            slug, large = campaign["slug"], self.is_large(campaign)
            web = f"campaigns/{slug}.html"
            rollup = formats.rollup(self.config)
            self.large("rollup", f"rollup-{slug}", _("易拉宝：") + campaign["title"], compose.display(self.model, campaign, 1),
                       rollup, campaign, campaign["file"], "易拉宝", campaign["sources"], campaign["reviewed"], web, large)
            board = formats.board(self.config)
            self.large("board", f"board-{slug}", _("展板：") + campaign["title"], compose.display(self.model, campaign, 2),
                       board, campaign, campaign["file"], "展板", campaign["sources"], campaign["reviewed"], web, large)

    def tents(self):
        face = formats.Shape(210, 148.5, 210)
        insert = formats.paper(self.settings["insert"])
        guide_title = _("遇到诈骗，打哪个电话")
        items = [(f"tent-{c['slug']}", c["title"], compose.tent_face(self.model, c), c, c["file"], self.is_large(c))
                 for c in self.model.campaigns]
        if self.model.guide:
            items.append(("tent-guide", guide_title, compose.guide_face(self.model, guide_title), None,
                          "content/channels.yaml", False))
        size_name = self.settings["insert"]
        for name, title, parts, campaign, source, large in items:
            size, smallest, largest = TYPE["poster"][large]
            low, high = round(smallest / size, 3), round(largest / size, 3)
            slug = campaign["slug"] if campaign else ""
            quantity = self.settings["quantity"]["tent_card"]
            drawn, over, sheet = sheets.tent(parts, face, size, low, high)
            planned = Planned("tent-card", name, "台卡", _("台卡：") + title, (210, 297), quantity=quantity, campaign=slug)
            planned.spec = [_("A4 纸印两个 A5 面，上面一面倒着印；沿中间虚线对折，立在桌上，两面都是正的。")]
            self.add(planned, [drawn], over, sheet, source, "台卡",
                     _("打印设置：A4 纸，纵向，单面，边距选“无”，缩放 100%。印好后沿中间虚线对折，立在桌上（朝上的一面是倒着印的，折好后两面都是正的）。"),
                     slug, size, low, high, subject=campaign)
            drawn, over, sheet = sheets.single(parts, insert, size, low, high)
            planned = Planned("tent-card", f"{name}-{size_name.lower()}", N_("台卡插页"),
                              _("台卡插页（%(paper)s）：") % {"paper": size_name} + title,
                              (insert.width, insert.height), quantity=quantity, campaign=slug)
            planned.spec = [_("%(paper)s 纸单面印，放进 %(paper)s 亚克力台卡。") % {"paper": size_name}]
            self.add(planned, [drawn], over, sheet, source, "台卡",
                     _("打印设置：%(paper)s 纸，纵向，单面，边距选“无”，缩放 100%%。印好后放进 %(paper)s 亚克力台卡。") % {"paper": size_name},
                     slug, size, low, high, insert.factor, subject=campaign)

    def banners(self):
        height, width = self.settings["banner_height"], self.settings["vertical_width"]
        for campaign in self.model.campaigns:
            for number, (slogan, who) in enumerate(compose.banner_slogans(self.model, campaign), start=1):
                vertical = [] if is_latin(slogan) else [formats.vertical_banner(slogan, width)]  # letters do not stack
                for made in [formats.horizontal_banner(slogan, height)] + vertical:
                    self.banner(made, who, campaign, number)

    def banner(self, made, who, campaign, number):
        kind = "vertical-banner" if made.vertical else "banner"
        label = KINDS[kind][0]
        name = f"{'vbanner' if made.vertical else 'banner'}-{campaign['slug']}-{number}"
        base = made.char * MM
        if made.vertical:
            region = Region("标语", "banner", EDGE, made.width / 2, made.width - 2 * EDGE, made.height - made.width, True)
        else:
            region = Region("标语", "banner", made.height / 2, EDGE, made.width - made.height, made.height - 2 * EDGE, True)
        blocks = compose.banner_blocks(made, who)
        over_pt = max(0.0, stack_height(blocks, sheets.SHOP, base, region.width * MM) - region.height * MM - 0.01)
        scale = made.drawn_scale
        context = region_context(region, 1.0, base, blocks, who.path, "banner", True, (0, made.height), scale)
        context["turned"] = False
        sheet = Sheet("banner", made.width * scale, made.height * scale)
        drawn = {"kind": "landscape", "label": label, "css": sheet.css() + f";--banner-ink:{BANNER_COLOURS['ink']}",
                 "folds": [], "placed": [context]}
        scale_note = "" if scale == 1 else _("PDF 按 1:10 缩小（太长的 PDF 很多软件打不开），请按 10 倍放大制作；")
        planned = Planned(kind, name, label, _(label) + _("：") + made.text, (made.width, made.height), scale, jpeg=True,
                          quantity=self.settings["quantity"]["vertical_banner" if made.vertical else "banner"],
                          campaign=campaign["slug"])
        count = len(made.text.replace(chr(12288), ""))
        planned.spec = [(_("文字：%(text)s（%(count)s 个字，一字一行竖排）") if made.vertical else _("文字：%(text)s（%(count)s 个字）"))
                        % {"text": made.text, "count": count},
                        _("字高：约 %(mm)s 毫米（每个字约 %(mm)s × %(mm)s 毫米）") % {"mm": made.char},
                        _("配色：%(ground_name)s底（%(ground)s），%(ink_name)s字（%(ink)s），字体用黑体（粗）")
                        % dict(BANNER_COLOURS, ground_name=shown(BANNER_COLOURS["ground_name"]), ink_name=shown(BANNER_COLOURS["ink_name"])),
                        scale_note + _("两端各留约 %(mm)s 毫米空白，可以穿杆或打绳扣。") % {"mm": round((made.width if made.vertical else made.height) / 2)}]
        over = [("标语", over_pt, blocks, base, region.width)] if over_pt > 0 else []
        self.add(planned, [drawn], over, sheet, who.path, label,
                 _("这是给打印店的预览：%(label)s，%(size)s 毫米%(scaled)s。运行 python3 build.py pdf 后，把 site/%(folder)s/ 这个文件夹交给打印店。")
                 % {"label": _(label), "size": formats.size_text(made.width, made.height), "folder": f"{FOLDER}/{name}",
                    "scaled": _("（预览和 PDF 按 1:10 缩小）") if scale != 1 else ""},
                 campaign["slug"], base / MM, 1.0, 1.0, scale, subject=campaign)

    def wall_notices(self):
        model = self.model
        notices = []
        if model.guide:
            notices.append(("wall-report", _("上墙告示：") + _("举报渠道"), compose.report_notice(model, _("防范诈骗 举报渠道")), None,
                            "content/channels.yaml", model.channel_sources, model.channels_reviewed, "report.html"))
        for campaign in model.campaigns:
            if campaign["slogan"]:
                notices.append((f"wall-{campaign['slug']}", _("上墙告示：") + campaign["slogan"],
                                compose.slogan_notice(model, campaign, campaign["slogan"]), campaign, campaign["file"],
                                campaign["sources"], campaign["reviewed"], f"campaigns/{campaign['slug']}.html"))
        sizes = formats.wall_sizes(self.config)
        for name, title, parts, campaign, source, sources, reviewed, web in notices:
            for size in sizes:
                planned = self.large("wall-notice", f"{name}-{size.lower()}", title + kit.noted(size), parts,
                                     formats.paper(size), campaign, source, "上墙告示", sources, reviewed, web,
                                     bool(campaign) and self.is_large(campaign))
                if size == sizes[-1]:
                    planned.tiles = self.settings["tile_paper"]
                    planned.tiling = formats.tiling(*planned.real, planned.tiles)
                planned.spec = [_("%(paper)s 纸单面印；没有打印店时，可以用 %(tiles)s 纸拼贴。") % {"paper": size, "tiles": planned.tiles or self.settings["tile_paper"]}]

    def booklets(self):
        model = self.model
        featured = [model.featured_rules] if model.featured_rules else []
        short = shortest(model.rules)
        audience_rules = featured + ([short] if short and short not in featured else [])
        if not model.scams:
            return
        books = [("booklet-all", _("防骗手册"), "", None, model.scams, model.rules, False)]
        books += [(f"booklet-{a['id']}", _("防骗手册·%(audience)s") % {"audience": a["name"]}, a["tagline"], Owner("content/audiences.yaml", "tagline"),
                   a["scams"], audience_rules, a["large_type"]) for a in model.audiences if a["scams"]]
        for name, title, lead, lead_owner, scams, rules, large in books:
            self.booklet(name, title, lead, lead_owner, scams, rules, large)

    def booklet(self, name, title, lead, lead_owner, scams, rules, large):
        """One A5 booklet: its first BOOKLET_SCAMS scams (the model lists the most frequent first), a spread each."""
        left_out = max(0, len(scams) - BOOKLET_SCAMS)  # more spreads would not staple
        scams = scams[:BOOKLET_SCAMS]
        size, smallest, largest = TYPE["leaflet"][large]
        low, high = round(smallest / size, 3), round(largest / size, 3)
        qr = qr_code(self.config["base_url"], "index.html")
        reviewed = kit_oldest(*(s["reviewed"] for s in scams), *(r["reviewed"] for r in rules), self.model.channels_reviewed)
        sources = list({(s["title"], s["date"]): s for item in scams for s in item["sources"]}.values())[:6]

        def fits(parts):
            return not sheets.overs(sheets.place(parts + [booklet.number_part(0)], booklet.A5, size, low, high), low)

        planned_pages = booklet.plan(self.model, title, lead, lead_owner, scams, rules, large, qr, sources, reviewed, fits, left_out)
        sides, over = [], []
        for item in planned_pages:
            parts = item["parts"] + ([booklet.number_part(item["number"])] if item["numbered"] else [])
            placed = sheets.place(parts, booklet.A5, size, low, high)
            drawn, sheet = sheets.side("a5", 148, 210, sheets.contexts(placed, 1.0), label=_("第 %(number)s 页") % {"number": item["number"]})
            sides.append(drawn)
            over += [(f"第 {item['number']} 页的{n}", *rest) for n, *rest in sheets.overs(placed, low)]
        planned = Planned("booklet", name, "宣传册", title, (148, 210), impose=True,
                          quantity=self.settings["quantity"]["booklet"])
        planned.spec = [_("A5 小册子，%(pages)s 页（含封面、封底）；印刷版是 A4 横向，%(sides)s 面，%(sheets)s 张纸。")
                        % {"pages": len(sides), "sides": len(sides) // 2, "sheets": len(sides) // 4},
                        _("印刷：双面打印，翻转短边；整叠对折，在折线上钉两枚骑马钉。")]
        source = scams[0]["file"] if scams else "content/channels.yaml"
        self.add(planned, sides, over, sheet, source, "宣传册",
                 _("这是宣传册的阅读版（A5，%(pages)s 页）。印成小册子：运行 python3 build.py pdf，用 site/%(file)s："
                   "A4 纸横向，双面打印、翻转短边，缩放 100%%；整叠对折，在折线上钉两枚骑马钉。") % {"pages": len(sides), "file": f"{FOLDER}/{name}/{name}-print.pdf"}, type_pt=size, low=low, high=high,
                 extra_class="ps-booklet")


def all_items(model):
    shop = Shop(model)
    shop.rollups_and_boards()
    shop.tents()
    shop.banners()
    shop.wall_notices()
    shop.booklets()
    icc = model.config.get("icc")
    for page in shop.pages:  # each item's PDF for the shop is the CMYK one when config.yaml names the shop's profile
        page.context["shop"].cmyk, page.context["icc"] = (icc["name"] if icc else ""), icc
    return shop.pages

