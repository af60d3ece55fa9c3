"""Text as it is read aloud: numbers spelled out the way an announcer says them, short sentences,
and how long it takes to read.

Phone numbers and other codes are read digit by digit, with 幺 for 1 (110 → 幺幺零, 96110 →
九六幺幺零), so that nobody mishears 1 as 7; amounts, counts and dates are read as quantities
(8000 元 → 八千元, 24 小时 → 二十四小时, 2021 年 → 二零二一年).
"""

import re

from ...i18n import active_language, in_script

DIGITS = "零一二三四五六七八九"
PHONE_DIGITS = "零幺二三四五六七八九"
# A number followed by one of these is a quantity (read 八千元), not a code (read digit by digit).
UNITS = ("小时", "分钟", "个月", "周岁", "公里", "平方米", "元", "角", "万", "亿", "千", "百", "个", "岁", "天", "日",
         "月", "号", "倍", "次", "人", "条", "名", "项", "张", "份", "家", "户", "页", "屏", "位", "分", "秒", "周",
         "年", "步", "种", "点", "折", "斤", "米", "层", "楼", "所", "起", "期", "批", "届", "班", "多", "余")
READING_SPEED = 4  # characters a second: an unhurried announcer, about 240 a minute
WORDS_PER_SECOND = 2.5  # an English script: about 150 words a minute
SENTENCE_LIMIT = 28  # characters: a longer sentence is split at its commas

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
RANGE = re.compile(r"(\d+)\s*[-–—~～]\s*(\d+)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
SPACE_IN_CHINESE = re.compile(r"(?<=[^\x00-\x7f]) +|(?<=\w) +(?=[^\x00-\x7f])")
SPOKEN_CHARACTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]")
SPOKEN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’,.-]*")
ENGLISH_SENTENCE = re.compile(r".+?(?:[.!?;:](?=\s|$)|$)")


def in_english():
    """An English site's scripts: digits stay digits (an English reader reads 110 as one-one-zero), words are counted."""
    return active_language() == "en"


def reading_speed():
    """What a second of reading holds: characters, or words in English."""
    return WORDS_PER_SECOND if in_english() else READING_SPEED


def number_word(number):
    """A count in the script's own words: 二十 in Chinese, 20 in English."""
    return str(number) if in_english() else cardinal(number)


def _four(number):
    """1 … 9999 as a quantity, without the leading 一 of 十 handled here."""
    out, gap = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            out += ("零" if gap else "") + DIGITS[digit] + name
            gap = False
        elif out:
            gap = True
    return out


def cardinal(number):
    """A whole number as a quantity: 105 → 一百零五, 200000 → 二十万, 12 → 十二."""
    if number == 0:
        return "零"
    text, gap = "", False
    for value, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1, "")):
        group = number // value % 10000 if value < 10 ** 8 else number // value
        if group:
            if text and (gap or group < 1000):
                text += "零"
            text += (cardinal(group) if group >= 10000 else _four(group)) + name
            gap = False
        elif text:
            gap = True
    return text[1:] if text.startswith("一十") else text


def quantity(digits):
    """A number with an optional decimal part as a quantity: 62.1 → 六十二点一."""
    whole, _, decimals = digits.partition(".")
    text = cardinal(int(whole))
    return text + ("点" + "".join(DIGITS[int(d)] for d in decimals) if decimals else "")


def digit_by_digit(digits, ones="幺"):
    """A code read one digit at a time: 96110 → 九六幺幺零 (years keep 一: 2021 → 二零二一)."""
    table = PHONE_DIGITS if ones == "幺" else DIGITS
    return "".join(table[int(d)] for d in digits if d.isdigit())


def _read_number(text, match):
    """How one number in `text` is read, from what stands round it."""
    digits, start, end = match.group(), match.start(), match.end()
    after = text[end:].lstrip(" ")
    before = text[:start]
    if after[:1] in ("%", "％"):
        return "百分之" + quantity(digits), len(text[end:]) - len(after) + 1
    if "." in digits:
        return quantity(digits), 0
    if after[:2] in ("xx", "XX"):
        return digits, 0  # the seeds' placeholder year (20xx): left as written, the build warns about it
    if (before[-1:].isascii() and before[-1:].isalpha()) or (after[:1].isascii() and after[:1].isalpha()):
        return digit_by_digit(digits), 0  # part of a code such as a room number (s1103) or 20xx
    if len(digits) == 4 and after.startswith("年"):
        return digit_by_digit(digits, ones="一"), 0
    if after.startswith(UNITS) or len(digits) < 3:
        return quantity(digits), 0
    return digit_by_digit(digits), 0  # a phone number or another code: 110, 12381, 88501037


def _date(match):
    year, month, day = match.groups()
    return f"{digit_by_digit(year, ones='一')}年{cardinal(int(month))}月{cardinal(int(day))}日"


def _range(match):
    """18–40 → 十八到四十; 0000-0000000 (a phone number with its area code) → read with a pause."""
    first, second = match.groups()
    if len(first) >= 3 and len(second) >= 3 and not match.string[match.end():].lstrip().startswith(UNITS):
        return f"{digit_by_digit(first)}，{digit_by_digit(second)}"
    return f"{quantity(first)}到{quantity(second)}"


def spoken(text):
    """`text` with every Arabic number spelled out as it is read, and no spaces inside Chinese."""
    if in_english():
        return " ".join(str(text).split())
    text = ISO_DATE.sub(lambda match: in_script(_date(match)), str(text))
    text = THOUSANDS.sub("", text)
    text = RANGE.sub(lambda match: in_script(_range(match)), text)
    out, position = [], 0
    for match in NUMBER.finditer(text):
        if match.start() < position:
            continue
        word, skip = _read_number(text, match)
        out.append(text[position:match.start()])
        out.append(in_script(word))
        position = match.end() + skip
    out.append(text[position:])
    return SPACE_IN_CHINESE.sub("", "".join(out))


def sentences(text, limit=SENTENCE_LIMIT):
    """`text` as short sentences, each ending in its stop: split at 。！？；, and a sentence longer
    than `limit` characters also at its commas (a pause for breath either way). English sentences end at . ! ? ; or :."""
    if in_english():
        return [s.strip() if s.strip()[-1] in ".!?:" else s.strip().rstrip(";,") + "."
                for s in ENGLISH_SENTENCE.findall(str(text)) if s.strip(" .;,")]
    found = []
    for part in re.findall(r"[^。！？；]+[。！？；]?", str(text)):
        part = part.strip()
        if not part.strip("。！？；，、 "):
            continue
        if part.endswith("："):  # a lead-in ("请大家记住：") keeps its colon
            found.append(part)
            continue
        stop = part[-1] if part[-1] in "。！？" else "。"
        body = part.rstrip("。！？；，、 ")
        if len(body) <= limit:
            found.append(body + stop)
            continue
        chunk = ""
        for piece in re.split(r"(?<=，)", body):
            if chunk and len(chunk) + len(piece) > limit:
                found.append(chunk.rstrip("，") + "。")
                chunk = ""
            chunk += piece
        found.append(chunk.rstrip("，") + stop)
    return found


def characters(lines):
    """How many characters are read aloud (punctuation is not); in English, how many words."""
    pattern = SPOKEN_WORD if in_english() else SPOKEN_CHARACTER
    return sum(len(pattern.findall(line)) for line in lines)


def reading_seconds(lines):
    """About how long the lines take to read aloud, in whole seconds."""
    return round(characters(lines) / reading_speed())
