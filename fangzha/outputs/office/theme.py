"""The class-meeting look shared by the PowerPoint deck and the Word documents: colours and fonts.

Fonts are named, never shipped: Windows PCs (and WPS) have 微软雅黑 and 黑体; government PCs
have the 公文 fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体). Each 公文 font names a font that
every Windows PC has, for a PC without it.
"""

BRAND = "A3161A"      # the deck's red (deck.css --brand)
INK = "1A1A1A"
MUTED = "4A4A4A"      # labels
META = "333333"       # dates, places, sources
CORRECT = "1C7C3A"    # the quiz answer once revealed
PAPER = "FFFFFF"
TINT = "F7F1EA"       # section slides

SLIDE_FONT = "微软雅黑"          # East-Asian text on slides (a:ea)
SLIDE_LATIN = "Microsoft YaHei"  # the same font's Latin name, for letters and digits

# Word: (East-Asian font, Latin font) by role, per document style.
DOCUMENT_FONTS = {
    "公文": {"title": "方正小标宋简体", "body": "仿宋_GB2312", "h1": "黑体", "h2": "楷体_GB2312",
             "h3": "仿宋_GB2312", "h4": "仿宋_GB2312", "latin": "Times New Roman", "number": "宋体"},
    "普通": {"title": "黑体", "body": "宋体", "h1": "黑体", "h2": "黑体", "h3": "宋体", "h4": "宋体",
             "latin": "Times New Roman", "number": "宋体"},
}
# What Word may use where a named 公文 font is not installed (w:altName in the font table).
ALTERNATES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}
