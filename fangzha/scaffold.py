"""`build.py new scam|campaign <slug>`: a new content file written from the schema.

Every declared field is there with a Chinese comment above it. Required fields are left
empty, so `check` names exactly those as still to fill in; optional ones left empty are
simply not used. Because the file is generated from `schema.SCAM` / `schema.CAMPAIGN`,
a new field in the schema appears in new files without touching this module.
"""

from pathlib import Path

from .content import fields as spec_types
from .content import schema
from .content.load import load_project
from .content.validate import validate
from .problems import COMMAND, ContentError

KINDS = {
    # kind: (schema, folder under content/, what users call it, what the Markdown body is for)
    "scam": (schema.SCAM, "scams", "诈骗类型", "这种骗局是怎么一步步骗人的"),
    "campaign": (schema.CAMPAIGN, "campaigns", "宣传活动", "活动的背景和介绍"),
}

# What the schema's labels cannot say. Keys are field paths; a test checks they all exist.
FIELD_NOTES = {
    "slug": "已按文件名填好，一般不用改",
    "rank": "只有公安部公布的高发类型才写，1 表示最常见；其他类型留空",
    "order": "留空就按名称排",
    "teacher_notes": "只出现在班会课件的讲者备注里，学生看不到",
    "review_by": "留空就按 config.yaml 的 review_months 自动推算",
    "reviewed": "写上你核对这份内容的日期",
    "quiz.answer": "第几个选项是对的，从 1 数起",
    "sources.title": "例如某份活动方案或某篇官方通报的名称",
    "source": "这个活动依据的方案或文件名称；自己设计的可以写“本班自拟”",
    "agenda.minutes": "这个环节大约几分钟",
}

REF_HINTS = {
    "audiences": "（content/audiences.yaml 里的人群）",
    "channels": "（content/channels.yaml 和 config.yaml 里的举报渠道编号）",
    "rules": "（content/rules/ 里的文件名；写 new-ten:2 表示其中第 2 条）",
    "cases": "（content/cases/ 里的文件名）",
    "scams": "（content/scams/ 里的文件名）",
}


class ScaffoldError(Exception):
    """Why no file was written, as one Chinese line."""


def known_ids(root):
    """The ids a new file may refer to, read from the project as it is (valid or not)."""
    loaded = load_project(root)

    def entries(kind):
        return [entry for record in loaded.records.get(kind, []) if isinstance(record.data, list)
                for entry in record.data if isinstance(entry, dict)]

    def slugs(kind):
        return [str(record.data.get("slug") or record.stem) if isinstance(record.data, dict) else record.stem
                for record in loaded.records.get(kind, [])]

    channel_docs = [record.data for record in loaded.records.get("channels", []) if isinstance(record.data, dict)]
    config = loaded.config.data if loaded.config and isinstance(loaded.config.data, dict) else {}
    channels = [c for doc in channel_docs for c in doc.get("channels") or [] if isinstance(c, dict)]
    channels += [c for c in config.get("local_channels") or [] if isinstance(c, dict)]
    return {
        "audiences": [str(a.get("name")) for a in entries("audiences") if a.get("name")],
        "channels": [str(c.get("id")) for c in channels if c.get("id")],
        "rules": [record.stem for record in loaded.records.get("rules", [])],
        "cases": slugs("cases"),
        "scams": slugs("scams"),
    }


def describe(spec, path, ids):
    """The comment line for one field: its label, required or not, and how to write it."""
    parts = ["必填" if spec.required else "选填"]
    if isinstance(spec, spec_types.List):
        item = spec.item
        if isinstance(item, spec_types.Ref):
            shown = "、".join(ids.get(item.kind, [])) or "（还没有）"
            parts.append(f"写成 [甲, 乙]，可以写：{shown}{REF_HINTS[item.kind]}")
        elif isinstance(item, spec_types.Choice):
            parts.append(f"每项单独一行，写在「- 」后面，可以写：{'、'.join(map(str, item.choices))}")
        elif isinstance(item, spec_types.Group):
            parts.append("可以有多项，每项以「- 」开头，照下面的样子再写一组")
        else:
            parts.append("每项单独一行，写在「- 」后面；要多写几项就多加几行")
        if spec.min_items:
            parts.append(f"至少 {spec.min_items} 项")
    elif isinstance(spec, spec_types.Choice):
        parts.append(f"从这几个里选一个：{'、'.join(map(str, spec.choices))}")
    elif isinstance(spec, spec_types.Bool):
        parts.append("写 true（是）或 false（否）")
    elif isinstance(spec, spec_types.Date):
        parts.append("写成 2026-11-27 这样（年-月-日）")
    elif isinstance(spec, spec_types.Int):
        limits = [f"不小于 {spec.minimum}" if spec.minimum is not None else "",
                  f"不大于 {spec.maximum}" if getattr(spec, "maximum", None) is not None else ""]
        parts.append("写一个整数" + "".join(f"，{limit}" for limit in limits if limit))
    elif isinstance(spec, spec_types.Text):
        if spec.max_len:
            parts.append(f"最多 {spec.max_len} 个字")
        if spec.pattern is not None:
            parts.append(spec_types.SLUG_HINT.rstrip("。"))
    if spec.default not in (None, "", False) and not isinstance(spec, spec_types.List):
        parts.append(f"留空就是 {spec.default}")
    if path in FIELD_NOTES:
        parts.append(FIELD_NOTES[path])
    return f"{spec.label}：{'；'.join(parts)}。"


def field_lines(fields, ids, slug, indent="", path=""):
    """YAML lines for a mapping of fields: a comment above each, the value left to fill."""
    lines = []
    for name, spec in fields.items():
        key = f"{path}{name}"
        lines.append(f"{indent}# {describe(spec, key, ids)}")
        if name == "slug":
            lines.append(f"{indent}{name}: {slug}")
        elif isinstance(spec, spec_types.Bool):
            lines.append(f"{indent}{name}: {'true' if spec.default else 'false'}")
        elif isinstance(spec, spec_types.Group):
            lines.append(f"{indent}{name}:")
            lines += field_lines(spec.fields, ids, slug, indent + "  ", key + ".")
        elif isinstance(spec, spec_types.List) and isinstance(spec.item, spec_types.Group):
            lines.append(f"{indent}{name}:")
            group = field_lines(spec.item.fields, ids, slug, indent + "    ", key + ".")
            first = next(i for i, line in enumerate(group) if not line.lstrip().startswith("#"))
            group[first] = f"{indent}  - {group[first].lstrip()}"  # the first key opens the list item
            lines += group
        elif isinstance(spec, spec_types.List) and isinstance(spec.item, spec_types.Ref):
            lines.append(f"{indent}{name}: []")
        elif isinstance(spec, spec_types.List):
            lines += [f"{indent}{name}:", f"{indent}  -"]
        else:
            lines.append(f"{indent}{name}:")
    return lines


def template(kind, slug, ids):
    """The whole new file: front matter with every field, then an empty Markdown body."""
    fields, _, what, body = KINDS[kind]
    head = [
        f"# 新的{what}。每个字段上面一行（# 开头）是说明，不会出现在网站上。",
        "# 冒号用半角「:」，冒号后面空一格再写内容；缩进只用空格，不用 Tab。",
        "# 标着“必填”的都要填；“选填”的不需要就空着。",
    ]
    tail = [f"# 最后一行 --- 下面写正文（Markdown 格式）：{body}。空一行就是新的一段。"]
    return "\n".join(["---", *head, *field_lines(fields, ids, slug), *tail, "---", ""])


def new_item(root, kind, slug):
    """Write content/<folder>/<slug>.md; return the lines to print. Raises ScaffoldError."""
    root = Path(root)
    fields, folder, what, _ = KINDS[kind]
    if not spec_types.SAFE_SLUG.match(slug):
        raise ScaffoldError(f"「{slug}」不能用作文件名：{spec_types.SLUG_HINT}")
    if not (root / "config.yaml").is_file():
        raise ScaffoldError(f"在 {root} 里找不到 config.yaml：请在项目文件夹（build.py 和 config.yaml 所在的地方）里运行。")
    ids = known_ids(root)
    label = f"content/{folder}/{slug}.md"
    target = root / label
    existing = [p for p in (target, target.with_suffix(".yaml"), target.with_suffix(".yml")) if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0].relative_to(root).as_posix()} 已经存在，没有覆盖它。请换一个名字，或直接打开那个文件修改。")
    if slug in ids.get(folder, []):
        raise ScaffoldError(f"已经有一个{what}用了「{slug}」这个名字（写在某个文件的 slug 里）。请换一个名字。")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template(kind, slug, ids), encoding="utf-8")
    todo = still_to_fill(root, label)
    lines = [f"已新建 {label}。请打开它，按每个字段上面的说明填写。"]
    if todo:
        lines.append(f"还需要填写的必填项：{'、'.join(todo)}。")
    lines.append(f"填好后运行 {COMMAND} check 检查；也可以运行 {COMMAND} serve，边改边在浏览器里看。")
    return lines


def still_to_fill(root, label):
    """The fields `check` reports in the new file, in file order."""
    try:
        validate(load_project(root))
    except ContentError as error:
        return [p.field for p in sorted(error.problems, key=lambda p: p.line) if p.path == label and p.field]
    return []
