"""繁體中文 from the simplified content: converted by OpenCC once per build, after validation, before
planning (so every family measures and prints the converted text)."""

import functools

# Keys whose values are names of files and pages, not words to read, or a choice the code compares
# (kind 电话, category 常见手法 …: shown through the catalogue, which converts them too).
NOT_WORDS = {"file", "slug", "id", "url", "src", "dest", "lang", "number", "dial", "output", "logo",
             "kind", "category", "format", "slides", "night_mode", "paper", "tile_paper", "insert", "rollup", "board",
             "icc_profile", "icc"}
QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@functools.cache
def converter(variant):
    """text → the same text in traditional characters of `variant` (s2twp, s2hk, s2t), quotation marks as 「」『』."""
    import opencc

    engine = opencc.OpenCC(variant)

    def convert(text):
        return engine.convert(text).translate(QUOTES) if text else text
    return convert


class _Walk:
    """Converts every string inside the model's items in place, each shared item once."""

    def __init__(self, convert):
        self.convert, self.seen = convert, set()

    def value(self, value, on):
        if isinstance(value, str):
            return self.convert(value) if on else value
        if isinstance(value, dict):
            self.mapping(value, on)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                value[index] = self.value(item, on)
        return value

    def mapping(self, mapping, on):
        if id(mapping) in self.seen:
            return
        self.seen.add(id(mapping))
        lang = mapping.get("lang")
        on = lang in (None, "zh-Hans") if lang else on  # written traditional or English: left as written
        for key in mapping:
            if key not in NOT_WORDS:
                mapping[key] = self.value(mapping[key], on)
        if on and lang == "zh-Hans":
            mapping["lang"] = "zh-Hant"


# The model's parts that hold words the public reads (warnings and editor notes are for the editor).
PUBLIC = ("config", "audiences", "scams", "rules", "channels", "guide", "prevention", "cases", "campaigns",
          "channel_sources", "fakes", "playlists", "top_types")


def to_site_language(model):
    """The model in the site's language: a 繁體中文 site's simplified items converted; others as they are."""
    config = model.config
    if config["language"] != "zh-Hant":
        return model
    walk = _Walk(converter(config["chinese_variant"]))
    for part in PUBLIC:
        setattr(model, part, walk.value(getattr(model, part), config["content_language"] == "zh-Hans"))
    return model
