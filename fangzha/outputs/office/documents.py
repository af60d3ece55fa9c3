"""What each Word document says, as plain data: the 活动方案, its 总结, the 教案 and the annex forms.

A document is a dict: style (公文 or 普通), title, and a list of blocks the writer (docx_writer)
draws: headings with their numbers already set ("一、", "（一）", "1.", "（1）", the order of
GB/T 9704), paragraphs (optionally opened by an inline heading such as "（一）组织领导。"),
tables, labelled blanks for the organiser to fill in, page breaks, an annex mark, a signature.
Nothing here touches a file; the kit lists come from the planned pages.

Every word the documents write themselves goes through the catalogue (`_`), numbers and punctuation
included: an English document numbers its headings "1.", "(a)" and joins with ", "; a 繁體 one is
converted. The words taken from the content are in the content's own language.
"""

from ...i18n import N_, active_config, page_lang, shown
from ...i18n import ui as _
from ..slides import LETTERS

NUMERALS = "一二三四五六七八九十"


def rule(length):
    """A line to write on by hand: full-width low lines in Chinese, plain underscores in English."""
    return _("＿") * length


def chinese_number(n):
    """1 → 一, 12 → 十二, 20 → 二十 (headings rarely pass twenty)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def number(level, n):
    """The number of the n-th heading or item at a level: 一、 （一） 1. （1） (in English 1. (a) 1. (1))."""
    level = min(level, 4)
    pattern = _("{chinese}、") if level == 1 else _("（{chinese}）") if level == 2 else _("{n}.") if level == 3 else _("（{n}）")
    return pattern.format(chinese=chinese_number(n), n=n, letter="abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26])


def led(lead, before_text=True):
    """A numbered item's inline heading followed by its text: "（一）组织领导。", or "1. 标题：" further down."""
    return (_("{lead}。") if before_text else _("{lead}：")).format(lead=lead)


def in_brackets(text):
    """（text） in Chinese, " (text)" in English."""
    return _("（{text}）").format(text=text) if text else ""


def heading(level, text):
    return {"type": "heading", "level": level, "text": text}


def para(text, lead="", lead_level=0, indent=True, align="", size=None):
    return {"type": "para", "text": text, "lead": lead, "lead_level": lead_level, "indent": indent,
            "align": align, "size": size}


def table(header, rows, widths, row_height=None):
    """`widths` in mm; `row_height` in mm for rows to write in by hand."""
    return {"type": "table", "header": header, "rows": rows, "widths": widths, "row_height": row_height}


def blank(label, lines=1):
    """A label and room to write: one underlined line, or `lines` empty lines under it."""
    said = _("{label}：").format(label=label) if label else ""
    return {"type": "blank", "label": said + (rule(14) if lines == 1 else ""), "lines": lines}


PAGE_BREAK = {"type": "page_break"}


def annex_mark(text):
    return {"type": "annex", "text": text}


def signature(*lines):
    return {"type": "signature", "lines": list(lines)}


def document(style, title, blocks, campaign, subject):
    return {"style": style, "title": title, "blocks": blocks, "author": campaign["organiser"], "subject": subject,
            "language": page_lang(active_config()), "style_names": {"文件标题": _("文件标题"), "表格文字": _("表格文字")}}


def paragraphs(text):
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


# ---- the plan ----

def plan_title(campaign):
    if campaign["plan"] and campaign["plan"]["title"]:
        return campaign["plan"]["title"]
    title = campaign["title"]
    return (_("{title}方案") if title.endswith(("活动", "行动")) else _("{title}活动方案")).format(title=title)


def default_sections(campaign):
    """The plan of a campaign that has written none: its background, aims, organiser, time and place, flow."""
    sections = [{"heading": _("活动背景"), "text": campaign["text"]}, {"heading": _("活动目的"), "fill": "活动目的"},
                {"heading": _("主办单位"), "fill": "主办单位"}, {"heading": _("时间地点"), "fill": "时间地点"},
                {"heading": _("活动流程"), "fill": "活动流程"}, {"heading": _("宣传内容"), "fill": "诈骗手法"}]
    return [dict({"text": "", "items": [], "fill": None, "sections": []}, **s) for s in sections if filled(s, campaign)]


def filled(section, campaign):
    """Whether a default section has something to say."""
    fill = section.get("fill")
    return bool(section.get("text") or (fill and fill_items(fill, campaign, None) or fill_text(fill, campaign)))


def fill_items(fill, campaign, prevention):
    """The items a `fill` takes from fields the campaign already has ({title, when, text, unit, number})."""
    if fill == "活动目的":
        return [{"text": goal} for goal in campaign["goals"]]
    if fill == "活动流程":
        return [{"title": a["title"], "when": _("约 {minutes} 分钟").format(minutes=a["minutes"]) if a["minutes"] else "",
                 "text": a["notes"]} for a in campaign["agenda"]]
    if fill == "时间地点":
        return [{"title": label, "text": campaign[key]} for key, label in (("date_text", _("活动时间")), ("place", _("活动地点")))
                if campaign[key]]
    if fill == "诈骗手法":
        return [{"title": s["title"], "text": s["summary"]} for s in campaign["scams"]]
    if fill == "防范措施" and prevention:
        return [{"text": m["text"], "number": m["number"]} for m in prevention["measures"]]
    return []


def fill_text(fill, campaign):
    """The paragraph a `fill` of one value gives (主题, 主办单位, 时间, 地点)."""
    key = {"主题": "slogan", "主办单位": "organiser", "时间": "date_text", "地点": "place"}.get(fill)
    return campaign[key] if key else ""


def item_blocks(item, level, n):
    """One numbered item: "（一）小标题（时间）。内容（责任单位：…）", further paragraphs after it."""
    mark = number(level, item.get("number") or n)
    texts = paragraphs(item.get("text"))
    if item.get("unit"):
        suffix = _("（责任单位：{unit}）").format(unit=item["unit"])
        texts = texts[:-1] + [texts[-1].rstrip("。.") + suffix + _("。")] if texts else [suffix]
    if item.get("title"):
        lead = mark + item["title"] + in_brackets(item.get("when"))
        first = [para(texts[0] if texts else "", lead=led(lead, level <= 2) if texts else lead, lead_level=level)]
    else:
        first = [para(mark + (texts[0] if texts else ""))]
    return first + [para(text) for text in texts[1:]]


def section_blocks(section, level, n, campaign, prevention):
    """A numbered part of the plan: heading, paragraphs, items (its own or filled), sub-parts."""
    out = [heading(level, number(level, n) + section["heading"])]
    out += [para(text) for text in paragraphs(section["text"])]
    fill = section.get("fill")
    if fill and fill_text(fill, campaign):
        out.append(para(fill_text(fill, campaign)))
    items = list(section["items"]) + (fill_items(fill, campaign, prevention) if fill else [])
    for index, item in enumerate(items, start=1):
        out += item_blocks(item, level + 1, index)
    for index, sub in enumerate(section.get("sections") or [], start=1):
        out += section_blocks(dict({"sections": []}, **sub), level + 1, index, campaign, prevention)
    return out


def kit_rows(kit, leave_out=""):
    """No., material, file, purpose for each file of the campaign's kit."""
    return [[str(i), item["label"], item["href"], item["purpose"]]
            for i, item in enumerate((k for k in kit if k["href"] != leave_out), start=1)]


def plan_document(campaign, prevention, kit, dest):
    """The 活动方案: the seed plan's own parts, then the 宣传材料清单 (and the forms) as annexes."""
    plan = campaign["plan"] or {}
    sections = plan.get("sections") or default_sections(campaign)
    blocks = [para(text) for text in paragraphs(plan.get("preamble"))]
    for index, section in enumerate(sections, start=1):
        blocks += section_blocks(section, 1, index, campaign, prevention)
    annexes = [_("宣传材料清单")] + [form["title"] for form in campaign["forms"]]
    blocks.append(para("", indent=False))
    blocks.append(para(_("　　").join(f"{i}. {name}" for i, name in enumerate(annexes, start=1)), lead=_("附件："), indent=True))
    blocks.append(signature(campaign["organiser"], undated()))
    blocks += [PAGE_BREAK, annex_mark(_("附件{n}").format(n=1)), {"type": "annex_title", "text": _("宣传材料清单")},
               para(_("本清单由生成器按本次构建自动列出：共 {count} 份，都在网站文件夹（site/）里。").format(count=len(kit_rows(kit, dest))),
                    indent=True),
               table([_("序号"), _("材料"), _("文件"), _("用途")], kit_rows(kit, dest), [12, 38, 50, 56])]
    return document(campaign["document_style"], plan_title(campaign), blocks, campaign, _("活动方案"))


def undated():
    """The date line under a signature, to fill in by hand."""
    return _("年　　月　　日")


# ---- the summary ----

DEFAULT_COLUMNS = [N_("月份"), N_("开展的宣传活动"), N_("发放材料（份）"), N_("覆盖人数"), N_("存在问题和整改"), N_("报送日期")]


def planned_steps(campaign):
    """What the plan set out to do: its agenda, and the measures that name who is responsible."""
    steps = [{"title": a["title"], "text": a["notes"]} for a in campaign["agenda"]]
    for section in (campaign["plan"] or {}).get("sections") or []:
        for item in list(section["items"]) + [i for sub in section["sections"] for i in sub["items"]]:
            if item["unit"]:
                steps.append({"title": item["title"] or item["text"], "text": _("责任单位：{unit}").format(unit=item["unit"])})
    return steps


def summary_title(campaign):
    written = (campaign["plan"] or {}).get("title")
    if written:
        return written.removesuffix("方案") + _("总结")
    title = campaign["title"]
    return (_("{title}总结") if title.endswith(("活动", "行动")) else _("{title}活动总结")).format(title=title)


def summary_document(campaign, kit, dest):
    """The 总结 skeleton: what was planned and what the kit held, filled in; what only the organiser
    knows left as labelled blanks; the monthly 台账 where the plan asks for monthly reports."""
    report = campaign["report"] or {}
    blocks = [para(_("按照《{plan}》的要求，现将{campaign}开展情况总结如下。").format(plan=plan_title(campaign), campaign=campaign["title"]))]
    people = _("　　　　人")
    blocks += [heading(1, number(1, 1) + _("基本情况")), table([_("项目"), _("计划"), _("实际情况")], [
        [_("活动主题"), campaign["slogan"] or campaign["title"], ""],
        [_("主办单位"), campaign["organiser"], ""],
        [_("时间"), campaign["date_text"] or "", ""],
        [_("地点"), campaign["place"] or "", ""],
        [_("对象"), _("、").join(campaign["audiences"]), ""],
        [_("参与人数"), "", people],
        [_("覆盖人数"), "", people],
    ], [28, 70, 58])]
    blocks.append(heading(1, number(1, 2) + _("主要做法")))
    for index, step in enumerate(planned_steps(campaign), start=1):
        lead = number(2, index) + step["title"]
        blocks.append(para(step["text"], lead=led(lead) if step["text"] else lead, lead_level=2))
        blocks.append(blank(_("完成情况"), 2))
    blocks += [heading(1, number(1, 3) + _("宣传材料发放情况")),
               para(_("下表前四栏按本次生成的材料自动填好，请填写发放或张贴的数量和地点。")),
               table([_("序号"), _("材料"), _("用途"), _("发放数量（份）"), _("张贴、播放地点")],
                     [[row[0], row[1], row[3], "", ""] for row in kit_rows(kit, dest)], [12, 36, 50, 26, 32])]
    blocks += [heading(1, number(1, 4) + _("取得的成效")), blank(_("参与人数")), blank(_("发放数量")), blank(_("群众反映"), 3)]
    blocks += [heading(1, number(1, 5) + _("经验做法")), blank("", 5)]
    blocks += [heading(1, number(1, 6) + _("存在问题和下步打算")), blank(_("存在问题"), 3), blank(_("下步打算"), 3)]
    blocks += [heading(1, number(1, 7) + _("活动照片")), para(_("每张照片下面写明时间、地点和内容。")),
               table([_("照片"), _("说明")], [["", _("照片1：时间、地点、内容")], ["", _("照片{n}：").format(n=2)], ["", _("照片{n}：").format(n=3)]],
                     [96, 60], row_height=55)]
    how = in_brackets(report.get("how"))
    if report.get("due") or report.get("to"):
        blocks.append(para(_("本总结于{due}报送{to}{how}。").format(due=report.get("due") or _("活动结束后"), to=report.get("to") or _("主办单位"),
                                                             how=how)))
    blocks.append(signature(campaign["organiser"], undated()))
    if report.get("monthly"):
        columns = report["columns"] or [shown(column) for column in DEFAULT_COLUMNS]
        months = report["months"] or [""] * 6
        width = 156 / len(columns)
        blocks += [PAGE_BREAK, annex_mark(_("附件")), {"type": "annex_title", "text": _("每月工作台账")},
                   para(_("{when}报送当月情况{how}：每月一行。").format(when=report["monthly"], how=how)),
                   table(columns, [[month] + [""] * (len(columns) - 1) for month in months], [width] * len(columns), row_height=16)]
    return document(campaign["document_style"], summary_title(campaign), blocks, campaign, _("工作总结"))


# ---- the lesson plan ----

SENTENCE_ENDS = "。！？.!?"


def run_on(notes):
    """A slide's notes as one paragraph: "；" between two, but after a note that ends its sentence only
    a space in English (nothing in Chinese), so no "。；" or ".;"."""
    text = ""
    for note in notes:
        if text:
            text += (" " if text[-1].isascii() else "") if text[-1] in SENTENCE_ENDS else _("；")
        text += note
    return text


def lesson_document(campaign, kit, deck, dest):
    """The teacher's 教案: aims, flow with minutes, notes for every slide, quiz with answers.
    Slide numbers are the PowerPoint deck's (a quiz question and its answer are two slides)."""
    slides = deck["slides"]
    blank_ = rule(8)
    blocks = [heading(1, number(1, 1) + _("教学目标"))]
    blocks += [para(number(3, i) + goal) for i, goal in enumerate(campaign["goals"], start=1)] or [para(_("（请填写）"))]
    blocks += [heading(1, number(1, 2) + _("对象、时间和地点")),
               para(_("对象：{audiences}；主讲：{organiser}；时间：{date}；地点：{place}。").format(
                   audiences=_("、").join(campaign["audiences"]), organiser=campaign["organiser"],
                   date=campaign["date_text"] or blank_, place=campaign["place"] or blank_))]
    blocks += [heading(1, number(1, 3) + _("课前准备"))]
    blocks += [para(_("{mark}{label}（{file}）：{purpose}").format(mark=number(3, i), label=item["label"], file=item["href"],
                                                             purpose=item["purpose"]))
               for i, item in enumerate((k for k in kit if k["href"] != dest), start=1)]
    blocks += [heading(1, number(1, 4) + _("教学过程")),
               table([_("环节"), _("时间"), _("内容和提示"), _("课件页码")], flow_rows(campaign, slides), [34, 16, 80, 26])]
    blocks.append(heading(1, number(1, 5) + _("逐页讲解提示")))
    for planned in slides:
        if planned["answer"]:
            continue  # the answer slide's notes are the question slide's
        numbers = [s["number"] for s in slides if s["html_number"] == planned["html_number"]]
        where = (_("第 {number} 页").format(number=numbers[0]) if len(numbers) == 1
                 else _("第 {first}—{last} 页").format(first=numbers[0], last=numbers[-1]))
        blocks.append(para(run_on(planned["notes"]) or _("（没有讲解提示）"),
                           lead=_("{where}　{name}：").format(where=where, name=planned["name"]), lead_level=3))
    quiz = [item for scam in campaign["scams"] for item in scam["quiz"]]
    if quiz:
        blocks.append(heading(1, number(1, 6) + _("课堂测验及答案")))
        for i, item in enumerate(quiz, start=1):
            options = _("　").join(f"{LETTERS[k]}. {text}" for k, text in enumerate(item["options"]))
            blocks.append(para(_("{question}　{options}").format(question=item["question"], options=options), lead=number(3, i), lead_level=3))
            blocks.append(para(_("答案：{letter}。{explanation}").format(letter=LETTERS[item["answer"] - 1], explanation=item["explanation"])))
    extra = []
    if campaign["discussion"]:
        extra += [para(number(3, i) + prompt) for i, prompt in enumerate(campaign["discussion"]["prompts"], start=1)]
    if extra:
        blocks += [heading(1, number(1, 7 if quiz else 6) + _("分组讨论题"))] + extra
    if campaign["pledge"]:
        blocks += [heading(1, number(1, 6 + bool(quiz) + bool(extra)) + _("课后延伸")),
                   para(_("全班齐读并签署《{title}》：{text}").format(title=campaign["pledge"]["title"], text=campaign["pledge"]["text"]))]
    return document("普通", _("{title}教案").format(title=campaign["title"]), blocks, campaign, _("教案"))


def flow_rows(campaign, slides):
    """One row per agenda step: its minutes, notes and the PowerPoint slides it covers; then the total."""
    rows, total = [], 0
    for step in campaign["agenda"]:
        numbers = [s["number"] for s in slides if s.get("agenda_title") == step["title"]]
        pages = _("{first}—{last}").format(first=numbers[0], last=numbers[-1]) if len(numbers) > 1 else (str(numbers[0]) if numbers else "")
        rows.append([step["title"], _("{minutes} 分钟").format(minutes=step["minutes"]) if step["minutes"] else "", step["notes"], pages])
        total += step["minutes"] or 0
    if total:
        rows.append([_("合计"), _("{minutes} 分钟").format(minutes=total), "", ""])
    return rows


# ---- annex forms ----

def form_document(campaign, form):
    """An annex form to print and fill in: basic facts, yes/no checks, the graded criteria."""
    blocks = [annex_mark(form["annex"])] if form["annex"] else []
    blocks += [para(text) for text in paragraphs(form["intro"])]
    if form["fields"]:
        pairs = [form["fields"][i:i + 2] for i in range(0, len(form["fields"]), 2)]
        blocks += [heading(1, number(1, 1) + _("基本情况")),
                   table([], [[pair[0], "", pair[1] if len(pair) > 1 else "", ""] for pair in pairs], [34, 44, 34, 44], row_height=12)]
    if form["checks"]:
        blocks += [heading(1, number(1, 1 + bool(form["fields"])) + _("排查内容")),
                   table([_("序号"), _("排查内容"), _("是"), _("否"), _("情况说明")],
                         [[str(i), text, "□", "□", ""] for i, text in enumerate(form["checks"], start=1)], [12, 74, 10, 10, 50])]
    if form["levels"]:
        blocks += [heading(1, number(1, 1 + bool(form["fields"]) + bool(form["checks"])) + _("风险等级判定")),
                   para(_("对照下表判定风险等级，在“判定”一栏打“√”；符合多个等级的，按最高的等级。")),
                   table([_("等级"), _("判定标准"), _("处置措施"), _("判定")],
                         [[_("{name}名单").format(name=level["name"]), level["criteria"], level["action"], "□"] for level in form["levels"]],
                         [20, 76, 48, 12])]
    blocks += [para(""), para(_("排查人员（签字）：{blank}　　机构负责人（签字）：{blank}　　日期：{blank}").format(blank=rule(8)), indent=False)]
    return document(campaign["document_style"], form["title"], blocks, campaign, _("附件表格"))
