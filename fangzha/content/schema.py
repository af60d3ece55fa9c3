"""The one declared schema of config.yaml and every content type.

Each field says what it holds and, in Chinese, what it is for (the engine is fields.py).
"""

import re

from .fields import SAFE_SLUG, SLUG_HINT, Answer, Bool, Choice, Date, EditorNote, Group, Hours, Int, List, Ref, Text, Url
from .languages import LANGUAGES

IMAGE = Group("图片", {
    "file": Text("图片文件：相对于这个文件的路径，例如 pictures/shuadan.jpg（JPEG、PNG、WebP 或 SVG，不超过 5 MB）", required=True),
    "alt": Text("图片上是什么（写给看不见图片的人，读屏软件会读出来）", required=True),
})
# Which language an item is written in; left out, it is the language of its folder (content/en/… is
# English) or config.yaml's content_language. Its elements say so (lang="en") where the page's differs.
LANG = Choice("这一项用什么语言写（zh-Hans 简体中文、zh-Hant 繁體中文、en 英文；不写就和所在文件夹或 config.yaml 的 content_language 一样）", LANGUAGES)
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

SOURCE = Group("出处", {
    "title": Text("出处名称", required=True),
    "publisher": Text("发布者"),
    "date": Date("发布日期"),
    "url": Url("网址"),
    "editor_note": EditorNote(),
})

QUIZ = Group("测验题", {
    "question": Text("题目", required=True),
    "options": List("选项（英文选项请每项单独一行，以「- 」开头）", Text("选项"), required=True, min_items=2),
    "answer": Answer("正确选项：写它的序号（从 1 数起），或者把正确选项原样抄一遍", required=True),
    "explanation": Text("答案解析", required=True),
})

SCAM = {
    "title": Text("诈骗类型名称", required=True, max_len=30),
    "slug": Text("网页文件名", pattern=SAFE_SLUG, pattern_hint=SLUG_HINT),
    "aliases": List("别名", Text("别名")),
    "category": Choice("分类", ["常见手法", "高发类型", "专项治理"], required=True),
    "rank": Int("高发排名（1 最常见）", minimum=1),
    "order": Int("同一分类里的排列顺序（小的在前）", minimum=1),
    "summary": Text("一句话概括", required=True, max_len=60),
    "image": IMAGE,
    "audiences": List("面向人群", Ref("人群", "audiences"), required=True, min_items=1),
    "signs": List("警惕信号", Text("警惕信号"), required=True, min_items=1),
    "steps": List("遇到了怎么办", Text("步骤"), required=True, min_items=1),
    "call": List("该打的电话", Ref("举报渠道", "channels"), required=True, min_items=1),
    "rules": List("相关凡是规则", Ref("凡是规则", "rules")),
    "cases": List("相关案例", Ref("案例", "cases")),
    "quiz": List("测验题", QUIZ),
    "teacher_notes": Text("给老师的讲解提示"),
    "icon": Text("图标：Lucide 图标集里的英文名（例如 smartphone、banknote），用在课件上；不写就用盾牌图标"),
    "sources": List("出处", SOURCE, required=True, min_items=1),
    "reviewed": Date("最近审核日期", required=True),
    "review_by": Date("下次审核截止日期"),
    "editor_note": EditorNote(),
    "lang": LANG,  # last: a new file (build.py new) lists it after what must be filled in
}

RULE_LIST = {
    "lang": LANG,
    "title": Text("名称", required=True),
    "version": Text("版本", required=True),
    "source": Text("出处", required=True),
    "date": Date("发布日期"),
    "date_note": Text("日期说明"),
    "featured": Bool("是否作为“新十个凡是”展示"),
    "translation": Text("翻译说明（译文必须写：译自哪一份、谁翻译的；原文的名称和日期照样写在 source 和 date）"),
    "items": List("条目", Text("条目"), required=True, min_items=1),
    "reviewed": Date("最近审核日期", required=True),
    "editor_note": EditorNote(),
}

# Only a 电话 gets a tap-to-call link and a place among the numbers to remember; a 短信 (12381) is a
# message to take seriously, not a number to call; a 平台 (12337, the App) is reached its own way.
CHANNEL_KINDS = ["电话", "短信", "平台"]

CHANNEL = Group("举报渠道", {
    "lang": LANG,
    "id": Text("编号", required=True),
    "name": Text("名称", required=True),
    "kind": Choice("渠道类型（电话：可以直接拨打；短信：只发提醒短信，不用回拨；平台：App、网站或公众号）", CHANNEL_KINDS, default="电话"),
    "number": Text("电话号码"),
    "for": Text("用途", required=True),
    "when": Text("什么时候用", required=True),
    "after": Text("举报以后会怎样"),
    "note": Text("备注"),
    "url": Url("网址"),
    "sources": List("出处", SOURCE),
    "editor_note": EditorNote(),
})

CHANNELS = {
    "lang": LANG,
    "channels": List("举报渠道", CHANNEL, required=True, min_items=1),
    "guide": List("该打哪个电话", Group("情形", {
        "situation": Text("情形", required=True),
        "call": List("该打的电话", Ref("举报渠道", "channels"), required=True, min_items=1),
        "advice": Text("怎么做", required=True),
    }), required=True),
    "fakes": Group("怎样识别假冒的官方 App 和号码", {
        "title": Text("标题", required=True),
        "items": List("识别方法", Text("识别方法"), required=True, min_items=1),
        "sources": List("出处", SOURCE),
    }),
    "sources": List("出处", SOURCE),
    "reviewed": Date("最近审核日期", required=True),
    "editor_note": EditorNote(),
}

AUDIENCE = Group("人群", {
    "lang": LANG,
    "id": Text("英文编号", required=True, pattern=SAFE_SLUG, pattern_hint=SLUG_HINT),
    "name": Text("名称", required=True),
    "source_name": Text("原文里的名称（翻译的人群表写：原来的内容仍然可以用这个名称引用它）"),
    "description": Text("说明（只给编辑看，不会印出来）"),
    "tagline": Text("印在这份折页封面上的一句话（写给这群人看）"),
    "leaflet": Bool("是否印一份折页"),
    "large_type": Bool("是否用大字"),
    "editor_note": EditorNote(),
})

PREVENTION = {
    "lang": LANG,
    "title": Text("标题", required=True),
    "source": Text("出处", required=True),
    "date": Date("出处的发布日期"),
    "reviewed": Date("最近审核日期", required=True),
    "measures": List("防范措施", Group("措施", {
        "number": Int("原文序号", required=True, minimum=1),
        "text": Text("内容", required=True),
    }), required=True, min_items=1),
    "editor_note": EditorNote(),
}

CASE = {
    "lang": LANG,
    "title": Text("标题", required=True),
    "slug": Text("网页文件名", pattern=SAFE_SLUG, pattern_hint=SLUG_HINT),
    "date_text": Text("发生时间"),
    "place": Text("地点"),
    "loss": Text("损失"),
    "scams": List("涉及的诈骗类型", Ref("诈骗类型", "scams")),
    "sources": List("出处", SOURCE, required=True, min_items=1),
    "reviewed": Date("最近审核日期", required=True),
    "editor_note": EditorNote(),
}

# The campaign's own plan (活动方案), in the structure of the plan it comes from: numbered parts
# (一、), their sub-parts (（一）) and items (1.). `fill` takes a part's list from fields the
# campaign already has, so nothing is written twice.
PLAN_FILLS = ["活动目的", "活动流程", "主题", "主办单位", "时间", "地点", "时间地点", "诈骗手法", "防范措施"]
PLAN_ITEM = Group("条目", {
    "title": Text("小标题"),
    "when": Text("时间（写在小标题后面的括号里）"),
    "text": Text("内容"),
    "unit": Text("责任单位"),
})
PLAN_SUBSECTION = Group("方案的下一级部分", {
    "heading": Text("标题（不用写序号）", required=True),
    "text": Text("正文（空一行是新的一段）"),
    "items": List("条目", PLAN_ITEM),
    "fill": Choice("用活动文件里已有的内容列出条目", PLAN_FILLS),
})
PLAN_SECTION = Group("方案的一部分", {
    "heading": Text("标题（不用写“一、”这样的序号，生成时自动编号）", required=True),
    "text": Text("正文（空一行是新的一段）"),
    "items": List("条目", PLAN_ITEM),
    "fill": Choice("用活动文件里已有的内容列出条目", PLAN_FILLS),
    "sections": List("下一级部分", PLAN_SUBSECTION),
})

# An annex form the plan names (篇6's 排查表): blanks to fill, yes/no checks, graded criteria.
FORM = Group("附件表格", {
    "title": Text("表格名称", required=True),
    "file": Text("文件名（英文，生成 plans/<活动>-<文件名>.docx）", required=True, pattern=SAFE_SLUG, pattern_hint=SLUG_HINT),
    "annex": Text("在方案里的附件编号（例如 附件2）"),
    "intro": Text("填表说明"),
    "fields": List("要填写的基本信息", Text("一项")),
    "checks": List("逐项排查的内容（每项打“是/否”）", Text("一项")),
    "levels": List("风险等级", Group("一个等级", {
        "name": Text("等级名称", required=True),
        "criteria": Text("判定标准", required=True),
        "action": Text("处置措施"),
    })),
})

CAMPAIGN = {
    "title": Text("活动名称", required=True, max_len=40),
    "slug": Text("网页文件名", pattern=SAFE_SLUG, pattern_hint=SLUG_HINT),
    "source": Text("依据的方案", required=True),
    "format": Choice("活动形式", ["主题班会", "签字活动", "专项宣传", "宣传周", "专项行动"], required=True),
    "slogan": Text("主题口号", max_len=30),
    "image": IMAGE,
    "banners": List("横幅和竖幅上的标语（不写就用主题口号，没有口号就用活动名称）", Text("标语", max_len=30)),
    "audiences": List("面向人群", Ref("人群", "audiences"), required=True, min_items=1),
    "organiser": Text("主办单位（不写则用 config.yaml 的 organisation）"),
    "signed_by": Group("告家长书和承诺书的落款（不写的项印成空白横线，可以手写）", {
        "school": Text("学校"),
        "class": Text("班级"),
        "teacher": Text("班主任或负责老师"),
        "phone": Text("联系电话"),
        "date": Date("落款日期"),
    }),
    "date_text": Text("时间"),
    "place": Text("地点"),
    "goals": List("活动目的", Text("目的")),
    "scams": List("涵盖的诈骗类型", Ref("诈骗类型", "scams"), required=True, min_items=1),
    "rules": List("涵盖的凡是规则", Ref("凡是规则", "rules")),
    "channels": List("举报渠道", Ref("举报渠道", "channels")),
    "cases": List("案例", Ref("案例", "cases")),
    "agenda": List("活动流程", Group("环节", {
        "title": Text("环节名称", required=True),
        "minutes": Int("分钟数", minimum=1),
        "notes": Text("给组织者的提示"),
        "slides": List("这一环节对应的课件部分", Choice("课件部分", ["开场", "情境导入", "案例", "诈骗手法", "防范措施", "分组讨论", "测验", "凡是规则", "举报电话", "承诺"])),
    })),
    "intro": Group("情境导入", {"question": Text("导入问题", required=True), "notes": Text("提示")}),
    "discussion": Group("分组讨论", {"prompts": List("讨论题", Text("讨论题"), required=True, min_items=1), "notes": Text("提示")}),
    "pledge": Group("承诺书", {"title": Text("标题", required=True), "text": Text("承诺内容", required=True), "rows": Int("签名行数：一张 A4 纸最多 20 行，人多请多印几份", default=10, minimum=1, maximum=20)}),
    "prevention": Bool("课件里是否讲“诈骗的防范措施”"),
    "slide_notes": Group("课件各页的讲解提示", defaults=True, fields={
        "title": Text("开场页"),
        "case": Text("案例页"),
        "prevention": Text("防范措施页"),
        "quiz": Text("测验页"),
        "rules": Text("凡是规则页"),
        "report": Text("举报电话页"),
        "pledge": Text("承诺页"),
    }),
    "letter_to_parents": Bool("是否印告家长书"),
    "large_type": Bool("是否用大字（老年人）"),
    "plan": Group("活动方案（Word 文档，按原方案的结构）", {
        "title": Text("方案标题（不写就用活动名称加“方案”）"),
        "preamble": Text("开头的一段话（写在“一、”前面）"),
        "sections": List("方案的各部分", PLAN_SECTION),
    }),
    "report": Group("总结和报送", {
        "due": Text("总结什么时候交（例如 20xx年5月1日前）"),
        "to": Text("交给谁"),
        "how": Text("怎么交（例如 通过浙政钉报送pdf盖章扫描件和电子稿）"),
        "monthly": Text("每月什么时候报当月情况（例如 每月25日前）；写了就在总结里附每月台账"),
        "months": List("台账的月份", Text("月份")),
        "columns": List("台账每一栏的名称（不写就用默认的几栏）", Text("栏目")),
    }),
    "forms": List("方案的附件表格", FORM),
    "document_style": Choice("Word 文档的版式（不写就用 config.yaml 的 documents.style）", ["公文", "普通"]),
    "sources": List("出处", SOURCE, required=True, min_items=1),
    "reviewed": Date("最近审核日期", required=True),
    "editor_note": EditorNote(),
    "lang": LANG,  # last: a new file (build.py new) lists it after what must be filled in
}

TOP_TYPES = {
    "lang": LANG,
    "lists": List("高发诈骗类型清单", Group("清单", {
        "title": Text("清单名称", required=True),
        "figure": Text("公布的数字（例如：这十类案件占全部案件的 88.4%）"),
        "home": Bool("是否放在首页"),
        "items": List("类型", Group("类型", {
            "name": Text("清单里的名称", required=True),
            "scam": Ref("诈骗类型（网页）", "scams"),
        }), required=True, min_items=1),
        "source": Group("出处", SOURCE.fields, required=True),
        "editor_note": EditorNote(),
    }), required=True, min_items=1),
    "reviewed": Date("最近审核日期", required=True),
}

PLAYLIST = {
    "title": Text("轮播名称", required=True, max_len=30),
    "description": Text("说明（例如放在哪块屏幕上）"),
    "seconds": Int("每一屏默认显示多少秒", minimum=3),
    "items": List("轮播内容", Group("一屏", {
        "scam": Ref("诈骗类型", "scams"),
        "rules": Ref("凡是规则", "rules"),
        "report": Bool("“该打哪个电话”卡片"),
        "campaign": Text("活动口号卡片（写活动的文件名）"),
        "seconds": Int("这一屏显示多少秒", minimum=3),
        "from": Date("从哪天开始显示"),
        "until": Date("显示到哪天为止"),
        "hours": Hours("每天几点到几点显示"),
    }), required=True, min_items=1),
    "editor_note": EditorNote(),
}

VIDEO_SIZE = re.compile(r"^(横屏|竖屏|[1-9]\d{1,2}[02468][xX×][1-9]\d{1,2}[02468])$")
VIDEO_SIZE_HINT = "请写 横屏（1920×1080）、竖屏（1080×1920），或者按屏幕的像素写 宽x高，例如 1280x720（两个偶数，中间是字母 x）。"

CONFIG = {
    "title": Text("网站名称", required=True),
    "organisation": Text("单位名称（印在每一页上）", required=True),
    "base_url": Url("网站正式地址（用于 sitemap.xml 和二维码）", absolute=True),
    "output": Text("输出文件夹", default="site"),
    "allow_html": Bool("是否允许 Markdown 里写 HTML"),
    "language": Choice("网站、印刷品、课件和大屏上的界面文字用什么语言（zh-Hans 简体中文、zh-Hant 繁體中文、en 英文）", LANGUAGES, default="zh-Hans"),
    "content_language": Choice("content/ 里的内容是用什么语言写的（content/en/ 这样的语言文件夹除外）", LANGUAGES, default="zh-Hans"),
    "chinese_variant": Choice("繁體中文的用字习惯（language 写 zh-Hant 时用）：s2twp 台湾用字和用词、s2hk 香港用字、s2t 只转字形", ["s2twp", "s2hk", "s2t"], default="s2twp"),
    "review_months": Int("内容多少个月后需要重新审核", default=12, minimum=1),
    "contact": Group("联系方式", defaults=True, fields={
        "name": Text("联系人或部门"),
        "phone": Text("电话"),
        "address": Text("地址"),
        "police_station": Text("辖区派出所"),
        "police_phone": Text("派出所电话"),
    }),
    "local_channels": List("本地举报渠道", CHANNEL),
    "design": Group("外观", defaults=True, fields={
        "brand": Text("主色（网站、海报、课件和大屏用的颜色，写成 #a3161a 这样）", default="#a3161a", pattern=COLOUR,
                      pattern_hint="请写成 # 加六位十六进制数字，例如 #a3161a（红色）、#1d4e89（蓝色）。"),
        "logo": Text("单位标志的图片文件（相对于 config.yaml，例如 content/logo.png；印在每份印刷品、课件首页和大屏底部）"),
    }),
    "print": Group("印刷品", defaults=True, fields={
        "paper": Choice("海报的纸张大小（A3 把海报和承诺书放大印满一张 A3 纸；三折页和告家长书总是 A4）", ["A4", "A3"], default="A4"),
    }),
    "print_shop": Group("打印店印制品（易拉宝、展板、台卡、横幅、上墙告示、宣传册；python3 build.py pdf）", defaults=True, fields={
        "rollup": Choice("易拉宝尺寸（宽x高，毫米）", ["800x2000", "850x2000", "1000x2000"], default="800x2000"),
        "board": Choice("展板尺寸（宽x高，毫米）", ["1200x900", "900x1200", "1200x2400"], default="1200x900"),
        "banner_height": Int("横幅的高度（毫米）：字高约是它的 65%，长度按字数算出", default=700, minimum=300, maximum=1500),
        "vertical_width": Int("竖幅（垂楼标语）的宽度（毫米）：字高约是它的 70%，长度按字数算出", default=900, minimum=400, maximum=2000),
        "wall_sizes": List("上墙告示的纸张（A3、A2）", Choice("纸张", ["A3", "A2"])),
        "tile_paper": Choice("没有打印店时，把上墙告示拼贴打印在哪种纸上", ["A4", "A3"], default="A4"),
        "insert": Choice("亚克力台卡插页的纸张", ["A5", "A6"], default="A5"),
        "icc_profile": Text("打印店给的 CMYK 色彩配置文件（.icc 或 .icm，相对于 config.yaml，例如 content/印刷/ISOcoated_v2.icc）；"
                            "写了它，python3 build.py pdf 就另做 CMYK 的 PDF/X-1a 文件（需要 Ghostscript），不写就是 sRGB"),
        "quantity": Group("每种印几份（写进规格说明）", defaults=True, fields={
            "rollup": Int("易拉宝", default=1, minimum=1),
            "board": Int("展板", default=1, minimum=1),
            "tent_card": Int("台卡", default=1, minimum=1),
            "banner": Int("横幅", default=1, minimum=1),
            "vertical_banner": Int("竖幅", default=1, minimum=1),
            "wall_notice": Int("上墙告示", default=1, minimum=1),
            "booklet": Int("宣传册", default=1, minimum=1),
        }),
    }),
    "slides": Group("课件", defaults=True, fields={
        "aspect": Choice("幻灯片的长宽比：16:9 适合大多数投影和电子白板，老式投影仪用 4:3", ["16:9", "4:3"], default="16:9"),
    }),
    "documents": Group("Word 文档", defaults=True, fields={
        "style": Choice("活动方案、总结和附件表格的版式：公文（GB/T 9704 党政机关公文格式）或 普通（小四宋体、1.5 倍行距）", ["公文", "普通"], default="公文"),
    }),
    "kiosk": Group("大屏轮播", defaults=True, fields={
        "seconds": Int("每一屏默认显示多少秒", default=15, minimum=3),
        "night": Hours("夜间时段（例如 22:00-06:00；留空则整夜照常播放）"),
        "night_mode": Choice("夜间时段怎么显示", ["黑屏", "调暗"], default="黑屏"),
        "check_minutes": Int("放在网站上播放时，每隔几分钟检查一次新版本", default=5, minimum=1),
        "shift_minutes": Int("每隔几分钟把画面挪动几个像素（防止烧屏）", default=3, minimum=1),
    }),
    "video": Group("视频（python build.py video）", defaults=True, fields={
        "sizes": List("视频尺寸（不写就只做横屏 1920×1080）", Text("视频尺寸", pattern=VIDEO_SIZE, pattern_hint=VIDEO_SIZE_HINT)),
        "playlists": List("只做这些轮播的视频（不写就全部都做）", Text("轮播的文件名")),
        "silent_audio": Bool("是否加一条静音音轨（有的播放器不肯播没有声音的视频）"),
    }),
}
