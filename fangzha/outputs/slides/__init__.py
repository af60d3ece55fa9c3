"""Class-meeting slide decks: one per campaign, with teacher notes, a quiz and a notes handout.

The deck follows the class-meeting flow of the seeds (篇1, 篇4): title, 情境导入, case,
one slide per scam method, prevention measures, discussion, quiz, 凡是 rules, how to
report, pledge. A part the campaign has no content for is left out. Every slide is a
list of blocks (see templates/deck/blocks.html) so that fit.py can tell whether it fits.
"""

from ...content.model import source_line
from ...i18n import ui as _
from ...layout import fit
from ...problems import Notice
from ...page import Page

# The agenda's `slides` field names the parts of the deck in Chinese.
PARTS = {
    "title": "开场", "intro": "情境导入", "case": "案例", "scam": "诈骗手法", "prevention": "防范措施",
    "discussion": "分组讨论", "quiz": "测验", "rules": "凡是规则", "report": "举报电话", "pledge": "承诺",
}
LETTERS = "ABCDEFGH"
LARGE_LIST_LIMIT = 3  # older audiences: at most this many list items on a slide


def canvas_for(campaign):
    return fit.SLIDE_LARGE if campaign["large_type"] else fit.SLIDE


def slide(kind, title, blocks, notes, kicker="", steps=0, name=""):
    return {"kind": kind, "title": title, "blocks": blocks, "notes": [n for n in notes if n],
            "kicker": kicker, "steps": steps, "name": name or title or PARTS[kind]}


def with_counters(slides, label):
    """Number a run of slides of one part: '防范措施 1/3' (a lone slide keeps just the label)."""
    for index, item in enumerate(slides, start=1):
        item["kicker"] = f"{label} {index}/{len(slides)}" if len(slides) > 1 else ("" if item["title"] == label else label)
    return slides


def title_slide(campaign, notes):
    meta = [_("{label}：{value}").format(label=label, value=campaign[key])
            for key, label in (("organiser", _("主办")), ("date_text", _("时间")), ("place", _("地点"))) if campaign[key]]
    blocks = [{"type": "hero", "text": campaign["title"]}]
    if campaign["slogan"]:
        blocks.append({"type": "lead", "text": campaign["slogan"]})
    blocks.append({"type": "meta", "items": meta})
    return slide("title", "", blocks, [notes.get("title")], name=campaign["title"])


def case_slides(campaign, notes):
    out = []
    for case in campaign["cases"]:
        meta = [_("{label}：{value}").format(label=label, value=case[key])
                for key, label in (("date_text", _("时间")), ("place", _("地点")), ("loss", _("损失"))) if case[key]]
        blocks = [{"type": "meta", "items": [_("　").join(meta)]}] if meta else []
        blocks += [{"type": "para", "text": text} for text in case["text"].split("\n") if text.strip()]
        out.append(slide("case", case["title"], blocks, [notes.get("case")]))
    return with_counters(out, _("案例"))


def scam_slides(campaign, canvas):
    """One slide per method: how it works and its warning signs.

    Split in two (how; signs) when that does not fit, and always for older audiences.
    Kickers are set as placeholders first so the fit check counts their line.
    """
    out, scams, large = [], campaign["scams"], campaign["large_type"]
    for scam in scams:
        notes = [scam["teacher_notes"], _("遇到了怎么办：") + _("；").join(scam["steps"]) if scam["steps"] else ""]
        how = {"type": "lead" if large else "para", "label": _("怎么骗"), "text": scam["summary"]}

        def signs(chunk, start, scam=scam, notes=notes):
            return slide("scam", scam["title"], [{"type": "list", "label": _("警惕信号"), "items": chunk}], notes, kicker=_("诈骗手法"))

        whole = slide("scam", scam["title"], [how] + signs(scam["signs"], 0)["blocks"], notes, kicker=_("诈骗手法"))
        if not large and fit.fill_ratio(whole, [canvas]) <= 1:
            out.append(whole)
        else:
            out.append(slide("scam", scam["title"], [how], notes, kicker=_("诈骗手法")))
            out += fit.paginate(scam["signs"], signs, [canvas], LARGE_LIST_LIMIT if large else None)
    index = 0  # which method of how many, so the teacher can see how far along they are
    for item in out:
        index += item["blocks"][0].get("label") == _("怎么骗")
        item["kicker"] = _("诈骗手法 {index}/{count}").format(index=index, count=len(scams))
    return out


def list_slides(kind, title, items, notes, canvas, large, label, block_type="list", extra=None):
    """A titled list split over as many slides as it needs."""
    def make(chunk, start):
        blocks = [{"type": block_type, "items": chunk}]
        if extra:
            blocks.append(extra)
        return slide(kind, title, blocks, notes, kicker=label)  # with_counters sets the real kicker
    limit = LARGE_LIST_LIMIT if large else None
    return with_counters(fit.paginate(items, make, [canvas], limit), label)


def prevention_slides(model, campaign, notes, canvas):
    prevention = model.prevention
    if not campaign["prevention"] or not prevention:
        return []
    items = [{"strong": f"{m['number']}.", "text": m["text"]} for m in prevention["measures"]]
    source = {"type": "meta", "items": [source_line(prevention)]}
    return list_slides("prevention", prevention["title"], items, [notes.get("prevention")], canvas,
                       campaign["large_type"], _("防范措施"), extra=source)


def discussion_slides(campaign, canvas):
    discussion = campaign["discussion"]
    if not discussion:
        return []
    return list_slides("discussion", _("分组讨论"), discussion["prompts"], [discussion["notes"]], canvas,
                       campaign["large_type"], _("分组讨论"))


def quiz_slides(campaign, notes):
    """One question per slide; the answer and its explanation appear on the next key press."""
    out = []
    for scam in campaign["scams"]:
        for item in scam["quiz"]:
            letter = LETTERS[item["answer"] - 1]
            options = [{"strong": f"{LETTERS[i]}.", "text": text, "correct": i + 1 == item["answer"]}
                       for i, text in enumerate(item["options"])]
            blocks = [
                {"type": "lead", "text": item["question"]},
                {"type": "options", "items": options},
                {"type": "para", "label": _("答案：{letter}").format(letter=letter), "text": item["explanation"], "step": 1},
            ]
            out.append(slide("quiz", "", blocks, [notes.get("quiz"), _("正确答案：{letter}。").format(letter=letter) + item["explanation"]],
                             steps=1, name=item["question"]))
    return with_counters(out, _("小测验"))


def rule_slides(campaign, notes, canvas):
    out = []
    for rule in campaign["rules"]:
        items = [{"strong": f"{n}.", "text": text} for n, text in enumerate(rule["items"], start=1)]
        source = {"type": "meta", "items": [source_line(rule)]}
        out += list_slides("rules", rule["title"], items, [notes.get("rules")], canvas, campaign["large_type"],
                           _("凡是规则"), extra=source)
    return out


def report_slides(model, campaign, notes, canvas):
    """The numbers to call (a platform by its name); an SMS service (12381) is a message to take
    seriously, never a number to call, so it gets its own line under the list."""
    channels = campaign["channels"] or [c for c in model.channels if c["id"] in ("110", "96110")]
    items = [{"strong": c["label"], "text": c["when"]} for c in channels if c["kind"] != "短信"]
    messages = [c for c in channels if c["kind"] == "短信"]
    extra = {"type": "para", "label": messages[0]["name"], "text": messages[0]["when"]} if messages else None
    return list_slides("report", _("遇到了，打哪个电话"), items, [notes.get("report")], canvas, campaign["large_type"], _("举报求助"), extra=extra)


def pledge_slides(campaign, notes):
    pledge = campaign["pledge"]
    if not pledge:
        return []
    blocks = [{"type": "lead", "text": pledge["text"]}, {"type": "meta", "items": [_("签名：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿")]}]
    return [slide("pledge", pledge["title"], blocks, [notes.get("pledge")], kicker=_("承诺"))]


def deck(model, campaign):
    """The slides of one campaign's deck, in the class-meeting order."""
    notes = campaign["slide_notes"]
    canvas = canvas_for(campaign)
    intro = campaign["intro"]
    parts = [
        [title_slide(campaign, notes)],
        [slide("intro", "", [{"type": "hero", "text": intro["question"]}], [intro["notes"]], kicker=_("情境导入"))] if intro else [],
        case_slides(campaign, notes),
        scam_slides(campaign, canvas),
        prevention_slides(model, campaign, notes, canvas),
        discussion_slides(campaign, canvas),
        quiz_slides(campaign, notes),
        rule_slides(campaign, notes, canvas),
        report_slides(model, campaign, notes, canvas),
        pledge_slides(campaign, notes),
    ]
    slides = [s for part in parts for s in part]
    attach_agenda(slides, campaign["agenda"])
    return slides


def attach_agenda(slides, agenda):
    """Tie slides to the agenda step that covers them: title, minutes and notes for the presenter."""
    owner = {}
    for step in agenda:
        for part in step["slides"]:
            owner.setdefault(part, step)
    seen = set()
    for item in slides:
        step = owner.get(PARTS[item["kind"]])
        item["agenda"] = None
        if step:
            item["agenda"] = {"title": step["title"], "minutes": step["minutes"],
                              "notes": step["notes"] if id(step) not in seen else ""}
            seen.add(id(step))


def check_deck(campaign, slides, dest):
    """Warnings: a slide whose text does not fit, a slide without teacher notes."""
    found = []
    canvas = canvas_for(campaign)
    for number, item in enumerate(slides, start=1):
        where = f"{dest} 第 {number} 页「{item['name']}」"
        ratio = fit.fill_ratio(item, [canvas])
        if ratio > 1:
            found.append(fit.Overflow(campaign["file"], 0, where, f"文字太多，放不下（需要大约 {ratio:.0%} 的版面）。请删减这一页的文字。"))
        if not item["notes"] and not (item["agenda"] and item["agenda"]["notes"]):
            found.append(Notice(campaign["file"], 0, where, f"这一页没有讲解提示。{NOTES_HINT[item['kind']]}"))
    return found


NOTES_HINT = {
    "title": "请在活动文件里写 slide_notes 下的 title。",
    "intro": "请在活动文件里写 intro 下的 notes。",
    "case": "请在活动文件里写 slide_notes 下的 case。",
    "scam": "请在这种诈骗类型的文件里写 teacher_notes。",
    "prevention": "请在活动文件里写 slide_notes 下的 prevention。",
    "discussion": "请在活动文件里写 discussion 下的 notes。",
    "quiz": "请在活动文件里写 slide_notes 下的 quiz。",
    "rules": "请在活动文件里写 slide_notes 下的 rules。",
    "report": "请在活动文件里写 slide_notes 下的 report。",
    "pledge": "请在活动文件里写 slide_notes 下的 pledge。",
}


def pages(model, ctx):
    """slides/index.html, slides/<campaign>.html and its notes handout slides/notes/<campaign>.html."""
    out, decks = [], []
    for campaign in model.campaigns:
        slides = deck(model, campaign)
        canvas = canvas_for(campaign)
        size = canvas.size()
        context = {"campaign": campaign, "slides": slides, "canvas": canvas}
        out.append(Page(f"slides/{campaign['slug']}.html", "slides/deck.html", context, kit_of=campaign["slug"],
                        label=_("班会课件（幻灯片）"), purpose=_("在教室电脑或电子白板上用浏览器放映，按 S 打开讲者视图"),
                        kind="deck", size=size, sheets=len(slides), about=shown(campaign, slides)))
        out.append(Page(f"slides/notes/{campaign['slug']}.html", "slides/notes.html", dict(context),
                        kit_of=campaign["slug"], label=_("课件讲稿（含讲解提示，可打印）"),
                        purpose=_("每张幻灯片和它的讲解提示印在一页上，讲课时对照"), kind="handout"))
        decks.append({"campaign": campaign, "count": len(slides),
                      "minutes": sum(a["minutes"] or 0 for a in campaign["agenda"])})
    out.append(Page("slides/index.html", "slides/index.html", {"decks": decks}))
    return out


def shown(campaign, slides):
    """(("scam", slug), "#n"): the first slide of each scam the deck explains (the deck opens at #n)."""
    first = {}
    for number, item in enumerate(slides, start=1):
        if item["kind"] == "scam":
            first.setdefault(item["title"], number)
    return tuple((("scam", s["slug"]), f"#{first[s['title']]}") for s in campaign["scams"] if s["title"] in first)


def check(model, pages, ctx):
    """Each deck's slides that do not fit or have no teacher notes."""
    return [problem for page in pages if page.kind == "deck"
            for problem in check_deck(page.context["campaign"], page.context["slides"], page.dest)]
