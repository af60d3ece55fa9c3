"""Class-meeting slide decks: one per campaign, with teacher notes, a quiz and a notes handout.

The deck follows the class-meeting flow of the seeds (篇1, 篇4): title, 情境导入, case,
one slide per scam method, prevention measures, discussion, quiz, 凡是 rules, how to
report, pledge. A part the campaign has no content for is left out. Every slide is a
list of blocks (see templates/deck/blocks.html) so that the layout model (fangzha/layout) can tell whether it fits.

The title slide, 情境导入 and 承诺 are coloured statement slides, and a coloured divider opens
the cases, the scam methods and the quiz. Every slide carries its part's pictogram (a scam its
own, `icon:`) and a scam is drawn in its category's accent. A list too long for one slide is
split evenly, its continuation titled "（续）".
"""

from ... import design
from ...content.model import source_line
from ...i18n import pgettext
from ...i18n import ui as _
from ...layout.blocks import screen_picture
from ...layout.canvas import SLIDE, SLIDE_4X3, SLIDE_LARGE, SLIDE_LARGE_4X3
from ...layout.paginate import Overflow, continued, fill_ratio, fitting_scale, grow_pictures, paginate
from ...memory import pure
from ...page import Page, naming
from ...problems import Notice

# The agenda's `slides` field names the parts of the deck in Chinese.
PARTS = {
    "title": "开场", "intro": "情境导入", "case": "案例", "scam": "诈骗手法", "prevention": "防范措施",
    "discussion": "分组讨论", "quiz": "测验", "rules": "凡是规则", "report": "举报电话", "pledge": "承诺",
}
# The pictogram of each part of the deck; a scam slide uses the scam's own (design.icon_of).
PART_ICONS = {"title": "shield-check", "intro": "message-circle-question-mark", "case": "file-text",
              "scam": "shield-alert", "prevention": "shield-check", "discussion": "users",
              "quiz": "circle-question-mark", "rules": "list-checks", "report": "phone-call", "pledge": "pen-line"}
# Parts opened by a divider slide, and what the divider counts.
LETTERS = "ABCDEFGH"
LARGE_LIST_LIMIT = 3  # older audiences: at most this many list items on a slide
CANVASES = {("16:9", False): SLIDE, ("16:9", True): SLIDE_LARGE,
            ("4:3", False): SLIDE_4X3, ("4:3", True): SLIDE_LARGE_4X3}
HANDOUT_WIDTH = 688  # px: a slide's picture in the notes handout
SMALLEST_SCALE = 0.75  # a slide too full is set down to this much of its canvas's type before it is reported


def canvas_for(campaign, aspect="16:9"):
    """The canvas of a campaign's slides: 16:9 or 4:3 (config.yaml slides.aspect), large type for older audiences."""
    return CANVASES[(aspect, bool(campaign["large_type"]))]


def slide(kind, title, blocks, notes, kicker="", steps=0, name="", icon=None, accent="", layout="content"):
    return {"kind": kind, "title": title, "blocks": blocks, "notes": [n for n in notes if n],
            "kicker": kicker, "steps": steps, "name": name or title or PARTS[kind],
            "icon": icon or PART_ICONS[kind], "accent": accent, "layout": layout}


def with_counters(slides, label):
    """Number a run of slides of one part: '防范措施 1/3' (a lone slide keeps just the label)."""
    for index, item in enumerate(slides, start=1):
        item["kicker"] = f"{label} {index}/{len(slides)}" if len(slides) > 1 else ("" if item["title"] == label else label)
    return slides


def title_slide(campaign, notes, logo=None):
    """The campaign's name and slogan, its picture (`image:`), who, when and where, and the organisation's logo."""
    meta = [_("{label}：{value}").format(label=label, value=campaign[key])
            for key, label in (("organiser", _("主办")), ("date_text", _("时间")), ("place", _("地点"))) if campaign[key]]
    blocks = [{"type": "hero", "text": campaign["title"]}]
    if campaign["slogan"]:
        blocks.append({"type": "lead", "text": campaign["slogan"]})
    if campaign.get("image"):
        blocks.append(screen_picture(campaign["image"]))
    blocks.append({"type": "meta", "items": meta})
    if logo:
        blocks.append(screen_picture(logo, "logo"))
    return slide("title", "", blocks, [notes.get("title")], name=campaign["title"], icon=campaign.get("icon"),
                 layout="statement")


def divider(kind, count):
    """The coloured slide that opens a part: its name, how many there are, and a word for the teacher."""
    label, unit = {"case": (_("案例"), _("个案例")), "scam": (_("诈骗手法"), _("种诈骗手法")), "quiz": (_("测验"), _("道题"))}[kind]
    if count == 1:
        unit = {"case": pgettext("one", "个案例"), "scam": pgettext("one", "种诈骗手法"), "quiz": pgettext("one", "道题")}[kind]
    blocks = [{"type": "hero", "text": label}, {"type": "lead", "text": _("共 {count} {unit}").format(count=count, unit=unit)}]
    return dict(slide(kind, "", blocks, [_("过渡页：下面进入「{label}」（共 {count} {unit}）。").format(label=label, count=count, unit=unit)], name=label,
                      layout="statement"), divider=True)


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
    """One slide per method, with its pictogram in its category's colour: how it works and its warning signs.

    Split (how; then the signs, continued) when that does not fit, and always for older audiences.
    Kickers are set as placeholders first so the fit check counts their line.
    """
    out, scams, large = [], campaign["scams"], campaign["large_type"]
    for scam in scams:
        notes = [scam["teacher_notes"], _("遇到了怎么办：") + _("；").join(scam["steps"]) if scam["steps"] else ""]
        look = {"icon": design.icon_of(scam), "accent": design.accent(scam["category"]), "kicker": _("诈骗手法")}
        how = [{"type": "lead" if large else "para", "label": _("怎么骗"), "text": scam["summary"]}]
        how += [screen_picture(scam["image"])] if scam.get("image") else []

        def signs(chunk, start, scam=scam, notes=notes, look=look):
            return slide("scam", continued(scam["title"], True), [{"type": "list", "label": _("警惕信号"), "items": chunk}], notes, **look)

        whole = slide("scam", scam["title"], how + [{"type": "list", "label": _("警惕信号"), "items": scam["signs"]}], notes, **look)
        if not large and fill_ratio(whole, [canvas]) <= 1:
            out.append(whole)
        else:
            out.append(slide("scam", scam["title"], how, notes, **look))
            out += paginate(scam["signs"], signs, [canvas], LARGE_LIST_LIMIT if large else None)
    index = 0  # which method of how many, so the teacher can see how far along they are
    for item in out:
        index += item["blocks"][0].get("label") == _("怎么骗")
        item["kicker"] = _("诈骗手法 {index}/{count}").format(index=index, count=len(scams))
    return out


def list_slides(kind, title, items, notes, canvas, large, label, block_type="list", extra=None, accent=""):
    """A titled list split evenly over as many slides as it needs."""
    def make(chunk, start):
        blocks = [{"type": block_type, "items": chunk}]
        if extra:
            blocks.append(extra)
        return slide(kind, continued(title, start), blocks, notes, kicker=label, accent=accent)  # with_counters sets the real kicker
    limit = LARGE_LIST_LIMIT if large else None
    return with_counters(paginate(items, make, [canvas], limit), label)


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
                           _("凡是规则"), extra=source, accent=design.ACCENTS["rules"])
    return out


def report_slides(model, campaign, notes, canvas):
    """The numbers to call (a platform by its name); an SMS service (12381) is a message to take
    seriously, never a number to call, so it gets its own line under the list."""
    channels = campaign["channels"] or [c for c in model.channels if c["id"] in ("110", "96110")]
    items = [{"strong": c["label"], "text": c["when"]} for c in channels if c["kind"] != "短信"]
    messages = [c for c in channels if c["kind"] == "短信"]
    extra = {"type": "para", "label": messages[0]["name"], "text": messages[0]["when"]} if messages else None
    return list_slides("report", _("遇到了，打哪个电话"), items, [notes.get("report")], canvas, campaign["large_type"], _("举报求助"),
                       extra=extra, accent=design.ACCENTS["report"])


def pledge_slides(campaign, notes):
    pledge = campaign["pledge"]
    if not pledge:
        return []
    blocks = [{"type": "lead", "text": pledge["text"]}, {"type": "meta", "items": [_("签名：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿")]}]
    return [slide("pledge", pledge["title"], blocks, [notes.get("pledge")], kicker=_("承诺"), layout="statement")]


def opened(kind, slides, count):
    """A part's slides, opened by its divider (the cases, the scam methods, the quiz)."""
    return [divider(kind, count)] + slides if slides else []


@pure
def deck(model, campaign, aspect="16:9"):
    """The slides of one campaign's deck, in the class-meeting order."""
    notes = campaign["slide_notes"]
    canvas = canvas_for(campaign, aspect)
    intro = campaign["intro"]
    parts = [
        [title_slide(campaign, notes, model.config.get("logo"))],
        [slide("intro", "", [{"type": "hero", "text": intro["question"]}], [intro["notes"]], kicker=_("情境导入"),
               layout="statement")] if intro else [],
        opened("case", case_slides(campaign, notes), len(campaign["cases"])),
        opened("scam", scam_slides(campaign, canvas), len(campaign["scams"])),
        prevention_slides(model, campaign, notes, canvas),
        discussion_slides(campaign, canvas),
        opened("quiz", quiz_slides(campaign, notes), sum(len(s["quiz"]) for s in campaign["scams"])),
        rule_slides(campaign, notes, canvas),
        report_slides(model, campaign, notes, canvas),
        pledge_slides(campaign, notes),
    ]
    slides = [s for part in parts for s in part]
    for item in slides:  # a slide a little too full (a 4:3 canvas, long quiz options) is set a little smaller
        item["scale"] = fitting_scale(item, canvas, smallest=SMALLEST_SCALE)
        grow_pictures(item, canvas)
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


def check_deck(campaign, slides, dest, canvas):
    """Warnings: a slide whose text does not fit, a slide without teacher notes."""
    found = []
    for number, item in enumerate(slides, start=1):
        where = f"{dest} 第 {number} 页「{item['name']}」"
        ratio = fill_ratio(item, [canvas])
        if ratio > 1:
            found.append(Overflow(campaign["file"], 0, where, f"文字太多，放不下（需要大约 {ratio:.0%} 的版面）。请删减这一页的文字。"))
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


def aspect_of(model):
    """16:9, or 4:3 for old projectors (config.yaml slides.aspect)."""
    return model.config["slides"]["aspect"]


def pages(model, ctx):
    """slides/index.html, slides/<campaign>.html and its notes handout slides/notes/<campaign>.html."""
    out, decks = [], []
    aspect = aspect_of(model)
    for campaign in model.campaigns:
        slides = deck(model, campaign, aspect)
        canvas = canvas_for(campaign, aspect)
        size = canvas.size()
        handout = f"--frame-w:{HANDOUT_WIDTH}px;--zoom:{HANDOUT_WIDTH / canvas.width:.4g}"
        context = {"campaign": campaign, "slides": slides, "canvas": canvas, "handout": handout}
        out.append(Page(f"slides/{campaign['slug']}.html", "slides/deck.html", context, kit_of=campaign["slug"],
                        label=_("班会课件（幻灯片）"), named_after=naming(campaign),
                        purpose=_("在教室电脑或电子白板上用浏览器放映，按 S 打开讲者视图"),
                        kind="deck", size=size, sheets=len(slides), about=shown(campaign, slides)))
        out.append(Page(f"slides/notes/{campaign['slug']}.html", "slides/notes.html", dict(context),
                        kit_of=campaign["slug"], label=_("课件讲稿（含讲解提示，可打印）"),
                        purpose=_("每张幻灯片和它的讲解提示印在一页上，讲课时对照"), kind="handout"))
        decks.append({"campaign": campaign, "count": len(slides),
                      "minutes": sum(a["minutes"] or 0 for a in campaign["agenda"])})
    out.append(Page("slides/index.html", "slides/index.html", {"decks": decks, "aspect": aspect}))
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
            for problem in check_deck(page.context["campaign"], page.context["slides"], page.dest, page.context["canvas"])]
