"""Check everything loaded against the schema; return the Model or every problem at once."""

import datetime
from collections import defaultdict

from .. import icons
from ..problems import COMMAND, ContentError, Notice, Problem, place_order
from . import fields, pictures, placeholders, profiles, schema
from .fields import EDITOR_NOTE, SAFE_SLUG, SLUG_HINT, Where, did_you_mean
from .languages import LANGUAGES, is_latin
from .markup import convert_one, plain_text
from .model import Model, add_months, scam_order, show_channel
from .playlists import check_playlists, link_playlists

KIND_NAMES = {
    "scams": ("诈骗类型", "content/scams/"),
    "rules": ("凡是规则", "content/rules/"),
    "channels": ("举报渠道", "content/channels.yaml 或 config.yaml 的 local_channels"),
    "audiences": ("人群", "content/audiences.yaml"),
    "cases": ("案例", "content/cases/"),
}
# A channel id written with this prefix is a local slot: shown when config.yaml's local_channels has it,
# simply left out when it does not (every organisation replaces the shipped local channels with its own).
LOCAL_SLOT = "local-"


def _mapping(record, problems, what):
    """The record's data when it is a mapping, else a problem (unless already reported)."""
    if isinstance(record.data, dict):
        return record.data
    if record.broken:
        return None
    line = record.body_line - 1 if record.body_line else 1
    problems.append(Problem(record.path, line if record.data is not None else 1, "",
                            f"{what}应当是一组“字段: 值”，每个字段占一行。请对照示例检查格式（冒号要用半角「:」）。"))
    return None


def _slug(record, clean, problems):
    """The item's file name: its own `slug` (already checked) or the file's name."""
    if clean.get("slug") and SAFE_SLUG.match(clean["slug"]):
        return clean["slug"]
    slug = record.stem
    if not clean.get("slug") and not SAFE_SLUG.match(slug):
        problems.append(Problem(record.path, 1, "slug", f"文件名「{slug}」不能用作网页文件名：{SLUG_HINT} 请改文件名，或加一行「slug: 英文名」。"))
    return slug


# Many files of these kinds: each is checked on its own right after it is read (in the load
# workers), so only cross-file checks are left for validate().
PER_FILE = {
    "scams": (schema.SCAM, "诈骗类型文件的头部"),
    "cases": (schema.CASE, "案例文件的头部"),
    "campaigns": (schema.CAMPAIGN, "活动文件的头部"),
}


def check_record(kind, record, config_data, root=None):
    """One scam, case or campaign file on its own: (clean dict or None, problems, refs).

    Checks the fields, names the file, converts its Markdown once, checks the pictures it names
    (relative to the project folder `root`). Runs in worker processes: it touches nothing shared.
    """
    declared, what = PER_FILE[kind]
    problems, refs = [], []
    data = _mapping(record, problems, what)
    if data is None:
        return None, problems, refs
    clean = fields.check_fields(data, declared, Where(record.path, getattr(data, "line", 1), "", refs), problems)
    clean["file"] = record.path
    clean["slug"] = _slug(record, clean, problems)
    if kind == "scams":
        _check_quiz(record, clean, problems)
        _check_icon(record, clean, problems)
    allow_html = isinstance(config_data, dict) and config_data.get("allow_html") is True
    html, bad_links = convert_one((allow_html, record.body))
    body_lines = record.body.split("\n")
    for url, message in bad_links:
        offset = next((i for i, text in enumerate(body_lines) if url in text), 0)
        problems.append(Problem(record.path, record.body_line + offset, "正文", message))
    for offset, text in enumerate(body_lines):
        placeholders.scan(text, "正文", Where(record.path, record.body_line + offset, "正文", refs))
    clean["text"] = plain_text(html)
    clean["html"], clean["pictures"] = pictures.in_markdown(record.path, html, record.body_line, record.body, root, problems) \
        if root else (html, [])
    image = clean.get("image")
    if image and image["file"] and root:
        where = Where(record.path, data.key_lines.get("image", 1) if hasattr(data, "key_lines") else 1, "image", [])
        clean["image"] = pictures.picture(image["file"], image["alt"], where, root, problems)
        clean["pictures"] += [clean["image"]] if clean["image"] else []
    elif "image" in clean:
        clean["image"] = None
    return clean, problems, refs


COMMA_SPLIT = ("英文选项不能写在 [ ] 里：选项里的逗号会把一个选项拆成两个，正确答案就对不上了。"
               "请把每个选项单独写一行，以「- 」开头（这样选项里有逗号也没关系）。")


def _check_quiz(record, scam, problems):
    """Each question's answer names one of its options, and no option was cut in two at a comma."""
    raw_quiz = record.data.get("quiz") or []
    for number, item in enumerate(scam["quiz"], start=1):
        raw = raw_quiz[number - 1] if isinstance(raw_quiz, list) and number <= len(raw_quiz) else {}
        lines = getattr(raw, "key_lines", {})
        options, answer = (item or {}).get("options"), (item or {}).get("answer")
        if not options or answer is None:
            continue
        written = raw.get("options") if isinstance(raw, dict) else None
        if getattr(written, "comma_split", False) and (scam.get("lang") == "en" or any(is_latin(o) for o in options)):
            problems.append(Problem(record.path, lines.get("options", 1), f"quiz[{number}].options", COMMA_SPLIT))
            continue
        if isinstance(answer, str):
            if answer not in options:
                problems.append(Problem(record.path, lines.get("answer", 1), f"quiz[{number}].answer",
                                        f"正确选项「{answer}」和哪个选项都对不上。请把正确的那个选项原样抄一遍，或者写它的序号（1 到 {len(options)}）。"))
                continue
            item["answer"] = options.index(answer) + 1
        elif answer > len(options):
            problems.append(Problem(record.path, lines.get("answer", 1), f"quiz[{number}].answer", f"正确选项是第 {answer} 个，但只有 {len(options)} 个选项。请改成 1 到 {len(options)} 之间的数字。"))


def _check_icon(record, scam, problems):
    if scam["icon"] and not icons.exists(scam["icon"]):
        line = getattr(record.data, "key_lines", {}).get("icon", 1)
        problems.append(Problem(record.path, line, "icon", f"图标集里没有「{scam['icon']}」。{did_you_mean(scam['icon'], sorted(icons.names()))}"
                                                           "图标名是 Lucide 图标集里的英文名，见 docs/office.md；不写就用盾牌图标。"))


def _checked_items(kind, records, config_data, problems, refs, root=None):
    """(record, clean) for each file of a per-file kind, using the load workers' result."""
    items = []
    for record in records:
        clean, found, found_refs = record.checked or check_record(kind, record, config_data, root)
        problems += found
        refs += found_refs
        if clean is not None:
            items.append((record, clean))
    return items


def _unique(items, key, what, problems):
    """Index items by key, reporting the second of any two that share it."""
    index = {}
    for record, clean in items:
        value = clean[key]
        if value in index:
            problems.append(Problem(record.path, 1, key, f"{what}编号「{value}」重复了：{index[value]['file']} 已经用了它。请给其中一个换个名字。"))
            continue
        index[value] = clean
    return index


def _sorted_notes(refs):
    """(references, editor notes, placeholders) from what the field checks noted."""
    kinds = {EDITOR_NOTE: [], placeholders.FOUND: []}
    references = []
    for note in refs:
        kinds.get(note[0], references).append(note)
    return references, kinds[EDITOR_NOTE], kinds[placeholders.FOUND]


def _check_refs(refs, known, problems):
    """Every reference names something that exists (a local slot may name nothing)."""
    for kind, ref, path, line, field in refs:
        what, where = KIND_NAMES[kind]
        target = ref.split(":", 1)[0] if kind == "rules" else ref
        if kind == "channels" and target not in known[kind] and target.startswith(LOCAL_SLOT):
            continue
        if target not in known[kind]:
            problems.append(Problem(path, line, field, f"找不到{what}「{target}」（应在 {where} 中）。{did_you_mean(target, list(known[kind]))}"))
        elif kind == "rules" and ":" in ref:
            number, count = ref.split(":", 1)[1], len(known["rules"][target]["items"])
            if not number.isdigit() or not 1 <= int(number) <= count:
                problems.append(Problem(path, line, field, f"「{ref}」的条目序号不对：{target} 共有 {count} 条，请写 1 到 {count} 之间的数字。"))


def _not_only_local(calls, path, line, field, problems):
    """A list of numbers to call needs one that is always there, not only local slots."""
    if calls and all(str(c).startswith(LOCAL_SLOT) for c in calls):
        problems.append(Problem(path, line, field, f"只写了本地渠道（{'、'.join(calls)}）。本地渠道由各单位在 config.yaml 的 "
                                                   "local_channels 里设置，可能没有；请再写一个全国性的渠道，例如 \"110\"。"))


EMPTY_HINT = "生成的网站会是空的，并替换掉原来的网站，所以本次没有生成。"
ALLOW_EMPTY = f"确实要这样生成，请运行 {COMMAND} build --allow-empty。"


def _empty_content(loaded):
    """A missing content/ or no scam at all would build an empty site over the good one: say so."""
    if not loaded.content_found:
        return [Problem("content/", 0, "", f"找不到 content/ 文件夹。{EMPTY_HINT}请检查是不是在项目文件夹里运行（或用 --root 指定项目文件夹）；{ALLOW_EMPTY}")]
    if not loaded.records["scams"]:
        return [Problem("content/scams/", 0, "", f"这里一种诈骗类型也没有（没有 .md 文件）。{EMPTY_HINT}如果文件被移走了，请放回 content/scams/；{ALLOW_EMPTY}")]
    return []


def _reviewed_in_future(items, today):
    """A review date after today is a typo (2062 for 2026): a warning, so printed dates stay true."""
    return [Notice(item["file"], getattr(item, "key_lines", {}).get("reviewed", 1), "reviewed",
                   f"审核日期 {item['reviewed']} 比今天（{today}）还晚。请检查年份是不是写错了：这里写的是已经审核过的那一天。")
            for item in items if item and item.get("reviewed") and item["reviewed"] > today]


# Kinds of content kept one item per file (a folder), and one document per file (a single file):
# their declaration and how a file of them is named in messages. Scams, cases and campaigns were
# already checked in the load workers (PER_FILE).
FOLDERS = {
    "scams": PER_FILE["scams"], "rules": (schema.RULE_LIST, "凡是规则文件"),
    "cases": PER_FILE["cases"], "campaigns": PER_FILE["campaigns"],
}
DOCUMENTS = {
    "channels": (schema.CHANNELS, "channels.yaml ", {"channels": [], "guide": [], "fakes": None, "sources": [], "reviewed": None}),
    "prevention": (schema.PREVENTION, "prevention.yaml ", None),
    "top_types": (schema.TOP_TYPES, "top-types.yaml ", {"lists": []}),
}


def _config(loaded, problems, refs):
    """config.yaml checked, or every setting at its default when it is missing or unreadable."""
    if loaded.config is not None:
        data = _mapping(loaded.config, problems, "config.yaml ")
        if data is not None:
            return fields.check_fields(data, schema.CONFIG, Where(loaded.config.path, 1, "", refs), problems)
    return fields.check_fields({}, schema.CONFIG, Where("config.yaml", 0, "", []), [])


def _folder_items(kind, records, config_data, problems, refs, root):
    """(record, clean) for every readable file of a folder kind."""
    if kind in PER_FILE:
        return _checked_items(kind, records, config_data, problems, refs, root)
    declared, what = FOLDERS[kind]
    items = []
    for record in records:
        data = _mapping(record, problems, what)
        if data is not None:
            clean = fields.check_fields(data, declared, Where(record.path, 1, "", refs), problems)
            clean.update(id=record.stem, file=record.path)
            items.append((record, clean))
    return items


def _document(kind, records, problems, refs):
    """The one document of a single-file kind, checked (its default when there is none)."""
    declared, what, default = DOCUMENTS[kind]
    found = default
    for record in records:
        data = _mapping(record, problems, what)
        if data is not None:
            found = fields.check_fields(data, declared, Where(record.path, 1, "", refs), problems)
            found["file"] = record.path
    return found


def _after_scams(items, config, problems):
    for record, scam in items:
        _not_only_local(scam["call"], record.path, scam.key_lines.get("call", 1), "call", problems)
        if scam["reviewed"]:
            scam["review_by"] = scam["review_by"] or add_months(scam["reviewed"], config["review_months"])


def _after_rules(items, config, problems):
    for record, _ in items:
        if not SAFE_SLUG.match(record.stem):  # the id names the printed poster's file
            problems.append(Problem(record.path, 1, "", f"文件名「{record.stem}」不能用作网页文件名：{SLUG_HINT} 请改文件名，引用它的地方（如 rules: [...]）也要一起改。"))


def _after_campaigns(items, config, problems):
    for _, campaign in items:
        campaign["own_organiser"] = campaign["organiser"]  # the letter and pledge sheet are signed by it, never by config.yaml's
        campaign["organiser"] = campaign["organiser"] or config["organisation"]
        campaign["document_style"] = campaign["document_style"] or config["documents"]["style"]


AFTER = {"scams": _after_scams, "rules": _after_rules, "campaigns": _after_campaigns}


def _pictures(loaded, config, items, problems):
    """{site path: source} of every picture the content names (checked with each file) and the logo."""
    found = {p["dest"]: p["src"] for kind in PER_FILE for _, item in items[kind] for p in item["pictures"]}
    logo = config["design"]["logo"]
    config["logo"] = None
    if logo and loaded.root is not None:
        line = getattr(loaded.config.data, "key_lines", {}).get("design", 1) if loaded.config else 0
        config["logo"] = pictures.picture(logo, config["organisation"], Where("config.yaml", line, "design.logo", []),
                                          loaded.root, problems)
        if config["logo"]:
            found[config["logo"]["dest"]] = config["logo"]["src"]
    return found


def _icc_profile(loaded, config, problems):
    """The print shop's CMYK profile config.yaml names (profiles.py), or None."""
    config["icc"] = None
    reference = config["print_shop"]["icc_profile"]
    if reference and loaded.root is not None:
        data = loaded.config.data if loaded.config else {}
        shop = data.get("print_shop") if isinstance(data, dict) else None
        line = getattr(shop, "key_lines", {}).get("icc_profile") or getattr(data, "key_lines", {}).get("print_shop", 1)
        config["icc"] = profiles.profile(reference, Where("config.yaml", line, profiles.FIELD, []), loaded.root, problems)
        if config["icc"]:
            config["icc"].update(line=line, field=profiles.FIELD)  # for the problems `pdf` may find later


def validate(loaded, today=None, allow_empty=False):
    """Turn loaded records into a Model, or raise ContentError with every problem.

    `today` is the build's date (the review-date check); `allow_empty` lets a site without any scam
    replace the last one.
    """
    today = today or datetime.date.today()
    problems = list(loaded.problems) + ([] if allow_empty else _empty_content(loaded))
    refs = []
    config = _config(loaded, problems, refs)
    records = loaded.records
    config_data = loaded.config.data if loaded.config is not None else None

    audiences = []
    for record in records["audiences"]:
        if not record.broken:  # (already reported)
            clean = fields.List("人群", schema.AUDIENCE).clean(record.data, Where(record.path, 1, "audiences", refs), problems)
            for audience in clean:
                if audience:
                    audience["lang"] = audience["lang"] or folder_language(record.path, config)
                    audiences.append(audience)
    items = {kind: _folder_items(kind, records[kind], config_data, problems, refs, loaded.root) for kind in FOLDERS}
    for kind, check_more in AFTER.items():
        check_more(items[kind], config, problems)
    docs = {kind: _document(kind, records[kind], problems, refs) for kind in DOCUMENTS}
    channel_doc = docs["channels"]
    for row in channel_doc["guide"]:
        if row:
            _not_only_local(row["call"], channel_doc["file"], getattr(channel_doc, "key_lines", {}).get("guide", 1), "guide", problems)
    playlists = check_playlists(records["playlists"], [c for _, c in items["campaigns"]], problems, refs)
    images = _pictures(loaded, config, items, problems)
    _icc_profile(loaded, config, problems)
    _item_languages(config, items, docs)
    refs, editor_notes, found = _sorted_notes(refs)
    found = sorted(placeholders.placeholders(found), key=place_order)
    held = placeholders.withheld(found, config)  # example numbers are never printed
    channels = [show_channel(dict(c, local=False)) for c in channel_doc["channels"] if c]
    channels += [show_channel(dict(c, local=True, withheld=index in held))
                 for index, c in enumerate(config["local_channels"]) if c]
    known = _known(records, items, channels, audiences, problems)
    unreadable = {kind for kind in ("audiences", "channels") if any(r.broken for r in records[kind])}
    unreadable |= {"channels"} if loaded.config is not None and loaded.config.broken else set()  # local channels
    _check_refs([ref for ref in refs if ref[0] not in unreadable], known, problems)  # no "not found" for an unreadable file's items

    if problems:
        raise ContentError(problems)

    listed = {kind: [clean for _, clean in items[kind]] for kind in FOLDERS}
    model = Model(
        config=config,
        audiences=audiences,
        scams=sorted(listed["scams"], key=scam_order),
        rules=listed["rules"],
        channels=[c for c in channels if not c.get("withheld")],
        guide=channel_doc["guide"],
        prevention=docs["prevention"],
        cases=listed["cases"],
        campaigns=listed["campaigns"],
        channels_reviewed=channel_doc["reviewed"],
        channel_sources=channel_doc["sources"],
        fakes=channel_doc["fakes"],
        warnings=list(loaded.warnings) + found + _reviewed_in_future(
            [i for kind in FOLDERS for i in listed[kind]] + [channel_doc if channel_doc.get("file") else None, docs["prevention"]], today),
        playlists=playlists,
        placeholders=found,
        editor_notes=[Problem(path, line, field, text) for _, text, path, line, field in editor_notes],
        top_types=[t for t in docs["top_types"]["lists"] if t],
        images=images,
    )
    link(model, known)
    link_playlists(model.playlists, known)
    return model


def folder_language(path, config):
    """The language a file is written in when it does not say: its language folder's (content/en/…), or content_language."""
    parts = str(path).split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "content" and parts[1] in LANGUAGES else config["content_language"]


def _item_languages(config, items, docs):
    """Every item's `lang`, written or by default: its folder's, or config.yaml's content_language."""
    for kind in FOLDERS:
        for record, clean in items[kind]:
            clean["lang"] = clean.get("lang") or folder_language(record.path, config)
    for doc in docs.values():
        if doc and doc.get("file"):
            doc["lang"] = doc.get("lang") or folder_language(doc["file"], config)
    channel_doc = docs["channels"]
    for channel in channel_doc["channels"]:
        if channel:
            channel["lang"] = channel["lang"] or channel_doc.get("lang") or config["content_language"]
    for channel in config["local_channels"]:
        if channel:
            channel["lang"] = channel["lang"] or config["content_language"]


def _known(records, items, channels, audiences, problems):
    """Everything a reference may name, by id (and the second of two items that share an id, reported)."""
    known = {
        "scams": _unique(items["scams"], "slug", "诈骗类型", problems),
        "rules": _unique(items["rules"], "id", "凡是规则", problems),
        "cases": _unique(items["cases"], "slug", "案例", problems),
        "channels": {},
        "audiences": {},
    }
    _unique(items["campaigns"], "slug", "活动", problems)
    for channel in channels:
        if channel["id"] in known["channels"]:
            problems.append(Problem("config.yaml", 0, "local_channels", f"举报渠道编号「{channel['id']}」重复了。请换一个编号。"))
        known["channels"][channel["id"]] = channel
    for audience in audiences:
        known["audiences"][audience["name"]] = audience
        known["audiences"][audience["id"]] = audience
        if audience["source_name"]:  # a translated list: the original content still names it in Chinese
            known["audiences"].setdefault(audience["source_name"], audience)
    for kind in ("scams", "rules", "cases"):
        for record in records[kind]:
            if record.broken:  # already reported; do not add "not found" noise for it
                known[kind].setdefault(record.stem, {"items": [], "file": record.path})
    return known


def link(model, known):
    """Replace ids with the items they name, so templates stay simple."""
    def resolve_rule(ref):
        list_id, _, number = ref.partition(":")
        rule_list = known["rules"][list_id]
        return {"list": rule_list, "number": int(number) if number else None,
                "text": rule_list["items"][int(number) - 1] if number else None}

    def audience_names(names):
        return [known["audiences"][n]["name"] for n in names]

    def channels(ids):
        """The channels named, leaving out local slots that are not set and example numbers withheld."""
        found = [known["channels"].get(c) for c in ids]
        return [c for c in found if c and not c.get("withheld")]

    for scam in model.scams:
        scam["audiences"] = audience_names(scam["audiences"])
        scam["call"] = channels(scam["call"])
        scam["rules"] = [resolve_rule(r) for r in scam["rules"]]
        scam["cases"] = [known["cases"][c] for c in scam["cases"]]
    for case in model.cases:
        case["scams"] = [known["scams"][s] for s in case["scams"]]
    for guide in model.guide:
        guide["call"] = channels(guide["call"])
    for campaign in model.campaigns:
        campaign["audiences"] = audience_names(campaign["audiences"])
        campaign["scams"] = [known["scams"][s] for s in campaign["scams"]]
        campaign["rules"] = [known["rules"][r.partition(":")[0]] for r in campaign["rules"]]
        campaign["channels"] = channels(campaign["channels"])
        campaign["cases"] = [known["cases"][c] for c in campaign["cases"]]
    grouped = defaultdict(list)
    for scam in model.scams:
        for name in scam["audiences"]:
            grouped[name].append(scam)
    for audience in model.audiences:
        audience["scams"] = grouped[audience["name"]]
    for top in model.top_types:
        for item in top["items"]:
            item["scam"] = known["scams"][item["scam"]] if item["scam"] else None
