"""The words the public reads around the content (navigation, headings, labels, buttons, footers):
one message catalogue per language, read through gettext.

Templates and Python write these strings in simplified Chinese, marked `_("…")`; simplified Chinese
is the catalogue's source, so it needs no catalogue of its own. English is
fangzha/locale/en/LC_MESSAGES/messages.po, compiled by Babel when a build first needs it (the
repository keeps text only). 繁體中文 needs no catalogue either: every string is converted by OpenCC,
like the content (convert.py). Messages to the editor (problems, the summary line) stay Chinese.

    python3 -m fangzha.i18n      # after adding or changing a marked string: updates messages.pot and en's .po
"""

import functools
import gettext
import io
from pathlib import Path

import markupsafe
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .content.languages import html_lang

LOCALE = Path(__file__).resolve().parent / "locale"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DOMAIN = "messages"


class Converted(gettext.NullTranslations):
    """Traditional Chinese: each simplified string converted (once, then remembered)."""

    def __init__(self, variant):
        super().__init__()
        from .content.convert import converter
        self.convert = functools.lru_cache(maxsize=None)(converter(variant))

    def gettext(self, message):
        return self.convert(message)

    def ngettext(self, singular, plural, n):
        return self.convert(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return self.convert(message)


def catalogue_path(language):
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(language, variant="s2twp"):
    """The gettext translations of a site language (cached per process: workers build their own once)."""
    if language == "zh-Hant":
        return Converted(variant)
    path = catalogue_path(language)
    if language == "zh-Hans" or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=language.replace("-", "_"))
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_of(config):
    """(language, 繁體 variant) as config.yaml names them: what a site's translations depend on."""
    return config.get("language", "zh-Hans"), config.get("chinese_variant", "s2twp")


def of(config):
    """The translations of a built site (its config)."""
    return translations(*language_of(config))


def ui_of(language, message):
    return translations(language).gettext(message)


def page_lang(config):
    """What <html lang> says on every page of the site."""
    return html_lang(config.get("language", "zh-Hans"))


def other_lang(item, config):
    """An item's lang where it differs from the page's (its elements say lang="…"), else ""."""
    lang = html_lang(shown_language(item, config))
    return lang if lang and lang != page_lang(config) else ""


def lang_attr(item, config):
    """` lang="en"` for an item's element where its language differs from the page's, else nothing."""
    lang = other_lang(item, config)
    return markupsafe.Markup(' lang="{}"').format(lang) if lang else ""


def shown_language(item, config):
    """The language an item is shown in: simplified Chinese on a traditional site is converted, so it is shown traditional."""
    lang = (item or {}).get("lang") if hasattr(item, "get") else None
    if not lang:
        return ""
    if lang == "zh-Hans" and config.get("language") == "zh-Hant":
        return "zh-Hant"
    return lang


_active = [gettext.NullTranslations(), "zh-Hans", "s2twp"]


def activate(config):
    """The build's language for the Python that writes public text: in the main process before planning,
    and in a worker before it draws (spawned workers do not inherit it)."""
    _active[:] = [of(config), *language_of(config)]


def ui(message):
    """A marked public string in the active build's language: imported as `_` by the families."""
    return _active[0].gettext(message)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def written_date(day, language):
    """2026年11月27日 in Chinese (either script), 27 November 2026 in English; "" for no date."""
    if not day:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if language == "en" else f"{day.year}年{day.month}月{day.day}日"


def date(day):
    """A date as the active build writes it."""
    return written_date(day, _active[1])


def active_language():
    return _active[1]


def active_config():
    """The language settings of the active build, as config.yaml names them."""
    return {"language": _active[1], "chinese_variant": _active[2]}


def in_script(text):
    """Words the code writes itself (a number spelled as it is read: 幺幺零, 八千) in the site's script:
    converted on a 繁體中文 site, as they are written."""
    if _active[1] != "zh-Hant":
        return text
    from .content.convert import converter
    return converter(_active[2])(text)


def pgettext(context, message):
    """A marked string in a context, for languages that say it differently there (context "one": a unit
    after the number 1, "1 case" rather than "1 cases"; Chinese writes it the same)."""
    return _active[0].pgettext(context, message)


def shown(value):
    """A value written in simplified Chinese and marked elsewhere with N_ (a choice, a colour's name), in the site's language."""
    return _active[0].gettext(value)


def N_(message):
    """Marks a string for the catalogue where it is translated later (choices shown through the `ui` filter)."""
    return message


# Values of choices that pages show as written (a scam's 分类, a channel's 类型, a campaign's 形式).
SHOWN_CHOICES = [N_("常见手法"), N_("高发类型"), N_("专项治理"), N_("电话"), N_("短信"), N_("平台"),
                 N_("主题班会"), N_("签字活动"), N_("专项宣传"), N_("宣传周"), N_("专项行动")]

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def extract():
    """Every marked string of the templates and the Python code, as a Babel catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="fangzha", charset="utf-8")
    methods = [("**.py", "python"), ("**.html", "jinja2.ext:babel_extract"), ("**.txt", "jinja2.ext:babel_extract")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"},
               "**.txt": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    for folder, method_map in ((Path(__file__).resolve().parent, methods[:1]), (TEMPLATES, methods[1:])):
        for filename, line, message, comments, context in extract_from_dir(str(folder), method_map, options, KEYWORDS):
            catalog.add(message, None, [(f"{folder.name}/{filename}", line)], auto_comments=comments, context=context)
    return catalog


def update():
    """Write messages.pot and bring each language's .po up to date with it (new strings untranslated)."""
    from babel.messages.pofile import write_po

    template = extract()
    with (LOCALE / f"{DOMAIN}.pot").open("wb") as out:
        write_po(out, template, omit_header=True, sort_output=True, width=120)
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as source:
            catalog = read_po(source)
        catalog.update(template, no_fuzzy_matching=True)
        with po.open("wb") as out:
            write_po(out, catalog, omit_header=True, sort_output=True, width=120, ignore_obsolete=True)


if __name__ == "__main__":
    update()
