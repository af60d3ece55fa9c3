"""The languages content and pages may be written in, and how long a text is in its own script.

Chinese is counted in characters (字); text in Latin script (English) in words, because a word is
what a reader takes in at once and what the layout model moves to the next line whole.
"""

import re

LANGUAGES = ["zh-Hans", "zh-Hant", "en"]
LANGUAGE_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "英文"}
LANGUAGE_HINT = "zh-Hans（简体中文）、zh-Hant（繁體中文）、en（英文）"
# The value of <html lang> and of an element's lang: simplified Chinese keeps the zh-CN the site has always said.
HTML_LANG = {"zh-Hans": "zh-CN", "zh-Hant": "zh-Hant", "en": "en"}

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
WORD = re.compile(r"[^\s]+")


def is_latin(text):
    """Written in Latin script: letters of it and no Chinese character at all (so 「App」 inside Chinese stays Chinese)."""
    return bool(LATIN_LETTER.search(text)) and not CJK.search(text)


def word_count(text):
    """Words as a reader counts them: runs between spaces ("call 110," is two)."""
    return len(WORD.findall(text))


def words_allowed(max_len):
    """The word limit of a field whose limit in Chinese is `max_len` 字: an English word takes about two 字 of room."""
    return max(1, max_len // 2)


def html_lang(language):
    return HTML_LANG.get(language, language)
