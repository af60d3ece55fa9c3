"""The words the pages' scripts write themselves (search results, the audience filter, the presenter view,
the kiosk clock), in the site's language.

The scripts carry these words in simplified Chinese as they are; a site in another language gets
assets/words.js, which sets `window.fangzhaWords` to the same keys translated through the catalogue.
`{name}` in a word is filled in by the script.
"""

import json

from .i18n import N_

WORDS = {
    "found": N_("找到 {count} 条结果"),
    "none": N_("没有找到与“{query}”有关的内容"),
    "filtered": N_("与{name}有关的有 {count} 种"),
    "list": N_("、"),
    "elapsed": N_("已用时 {time}"),
    "presenter": N_("讲者视图 · {title}"),
    "prev": N_("上一步"),
    "next": N_("下一步"),
    "blank": N_("黑屏（B）"),
    "restart": N_("重新计时"),
    "current": N_("当前"),
    "coming": N_("下一页"),
    "no_notes": N_("（这一页没有讲解提示）"),
    "slide_of": N_("第 {number} / {count} 页"),
    "answer_hidden": N_("（答案未显示）"),
    "answer_shown": N_("（答案已显示）"),
    "last": N_("（最后一页）"),
    "clock": N_("{year}年{month}{day}日　星期{weekday}　{time}"),
    "months": N_("1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月"),
    "weekdays": N_("日,一,二,三,四,五,六"),
    "new_version": N_("大屏轮播（新版本）"),
    "copied": N_("已复制。到公众号编辑器的正文里按 Ctrl+V 粘贴。"),
    "copy_by_hand": N_("没能自动复制：文章已经选中了，请按 Ctrl+C 复制。"),
}
DEST = "assets/words.js"


def needed(config):
    """Only a site that is not in simplified Chinese needs words.js (the scripts' own words are simplified Chinese)."""
    return config.get("language", "zh-Hans") != "zh-Hans"


def words_script(gettext):
    """assets/words.js: the scripts' words in the language of `gettext`."""
    words = {key: gettext(word) for key, word in WORDS.items()}
    return "window.fangzhaWords = " + json.dumps(words, ensure_ascii=False, sort_keys=True, indent=1) + ";\n"
