"""Kiosk playlists in content/playlists/*.yaml: check them, then point them at what they show."""

from ..problems import Problem
from . import schema
from .fields import SAFE_SLUG, SLUG_HINT, Where, check_fields, did_you_mean

WHAT = ("scam", "rules", "report", "campaign")
RESERVED = {"index": "kiosk/index.html 是选择轮播的目录页"}


def check_playlists(records, campaigns, problems, refs):
    """Clean each playlist file; every item shows exactly one thing, with sensible windows."""
    slugs = {c["slug"] for c in campaigns}
    playlists = []
    for record in records:
        if record is None:
            continue
        if not isinstance(record.data, dict):
            problems.append(Problem(record.path, 1, "", "轮播文件应当是一组“字段: 值”：title、items 等，每个字段占一行。请对照 docs/kiosk.md 的示例检查格式。"))
            continue
        clean = check_fields(record.data, schema.PLAYLIST, Where(record.path, getattr(record.data, "line", 1), "", refs), problems)
        clean.update(slug=record.stem, file=record.path)
        if not SAFE_SLUG.match(record.stem):
            problems.append(Problem(record.path, 1, "", f"文件名「{record.stem}」不能用作网页文件名：{SLUG_HINT}"))
        elif record.stem in RESERVED:
            problems.append(Problem(record.path, 1, "", f"文件名不能叫「{record.stem}」：{RESERVED[record.stem]}。请换一个文件名。"))
        raw_items = record.data.get("items") if isinstance(record.data.get("items"), list) else []
        lines = getattr(raw_items, "item_lines", [1] * len(raw_items))
        for number, (item, line) in enumerate(zip(clean["items"], lines), start=1):
            _check_item(item, f"items[{number}]", record.path, line, slugs, problems)
        playlists.append(clean)
    return playlists


def _check_item(item, field, path, line, slugs, problems):
    chosen = [key for key in WHAT if item.get(key)]
    if len(chosen) != 1:
        said = "没有写" if not chosen else f"同时写了 {'、'.join(chosen)}"
        problems.append(Problem(path, line, field, f"每一屏只能放一样内容，这里{said}。请写 scam（诈骗类型）、rules（凡是规则）、report: true（该打哪个电话）或 campaign（活动口号）中的一项。"))
    if item.get("campaign") and item["campaign"] not in slugs:
        problems.append(Problem(path, line, field + ".campaign", f"找不到活动「{item['campaign']}」（应在 content/campaigns/ 中）。{did_you_mean(item['campaign'], sorted(slugs))}"))
    if item.get("from") and item.get("until") and item["from"] > item["until"]:
        problems.append(Problem(path, line, field + ".until", f"结束日期 {item['until']} 早于开始日期 {item['from']}。请检查是不是写反了。"))
    if item.get("hours"):
        start, end = item["hours"].split("-")
        if start == end:
            problems.append(Problem(path, line, field + ".hours", "开始和结束是同一时刻，这一屏永远不会显示。全天显示请删掉 hours 这一行。"))


def link_playlists(playlists, known):
    """Replace scam and rule ids with the items they name."""
    for playlist in playlists:
        for item in playlist["items"]:
            if item.get("scam"):
                item["scam"] = known["scams"][item["scam"]]
            if item.get("rules"):
                item["rules"] = known["rules"][item["rules"].partition(":")[0]]
