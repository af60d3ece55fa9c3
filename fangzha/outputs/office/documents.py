"""What each Word document says, as plain data: the 活动方案, its 总结, the 教案 and the annex forms.

A document is a dict: style (公文 or 普通), title, and a list of blocks the writer (docx_writer)
draws: headings with their numbers already set ("一、", "（一）", "1.", "（1）", the order of
GB/T 9704), paragraphs (optionally opened by an inline heading such as "（一）组织领导。"),
tables, labelled blanks for the organiser to fill in, page breaks, an annex mark, a signature.
Nothing here touches a file; the kit lists come from the planned pages.
"""

from ..slides import LETTERS

NUMERALS = "一二三四五六七八九十"
BLANK = "＿" * 8


def chinese_number(n):
    """1 → 一, 12 → 十二, 20 → 二十 (headings rarely pass twenty)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def number(level, n):
    """The number of the n-th heading or item at a level: 一、 （一） 1. （1）."""
    return [f"{chinese_number(n)}、", f"（{chinese_number(n)}）", f"{n}.", f"（{n}）"][min(level, 4) - 1]


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
    return {"type": "blank", "label": label, "lines": lines}


PAGE_BREAK = {"type": "page_break"}


def annex_mark(text):
    return {"type": "annex", "text": text}


def signature(*lines):
    return {"type": "signature", "lines": list(lines)}


def document(style, title, blocks, campaign, subject):
    return {"style": style, "title": title, "blocks": blocks, "author": campaign["organiser"], "subject": subject}


def paragraphs(text):
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


# ---- the plan ----

def plan_title(campaign):
    if campaign["plan"] and campaign["plan"]["title"]:
        return campaign["plan"]["title"]
    title = campaign["title"]
    return title + ("方案" if title.endswith(("活动", "行动")) else "活动方案")


def default_sections(campaign):
    """The plan of a campaign that has written none: its background, aims, organiser, time and place, flow."""
    sections = [{"heading": "活动背景", "text": campaign["text"]}, {"heading": "活动目的", "fill": "活动目的"},
                {"heading": "主办单位", "fill": "主办单位"}, {"heading": "时间地点", "fill": "时间地点"},
                {"heading": "活动流程", "fill": "活动流程"}, {"heading": "宣传内容", "fill": "诈骗手法"}]
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
        return [{"title": a["title"], "when": f"约 {a['minutes']} 分钟" if a["minutes"] else "", "text": a["notes"]}
                for a in campaign["agenda"]]
    if fill == "时间地点":
        return [{"title": label, "text": campaign[key]} for key, label in (("date_text", "活动时间"), ("place", "活动地点"))
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
        suffix = f"（责任单位：{item['unit']}）"
        texts = texts[:-1] + [texts[-1].rstrip("。") + suffix + "。"] if texts else [suffix]
    if item.get("title"):
        when = f"（{item['when']}）" if item.get("when") else ""
        joint = "" if not texts else "。" if level <= 2 else "："
        first = [para(texts[0] if texts else "", lead=f"{mark}{item['title']}{when}{joint}", lead_level=level)]
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
    """序号, 材料, 文件, 用途 for each file of the campaign's kit."""
    return [[str(i), item["label"], item["href"], item["purpose"]]
            for i, item in enumerate((k for k in kit if k["href"] != leave_out), start=1)]


def plan_document(campaign, prevention, kit, dest):
    """The 活动方案: the seed plan's own parts, then the 宣传材料清单 (and the forms) as annexes."""
    plan = campaign["plan"] or {}
    sections = plan.get("sections") or default_sections(campaign)
    blocks = [para(text) for text in paragraphs(plan.get("preamble"))]
    for index, section in enumerate(sections, start=1):
        blocks += section_blocks(section, 1, index, campaign, prevention)
    annexes = ["宣传材料清单"] + [form["title"] for form in campaign["forms"]]
    blocks.append(para("", indent=False))
    blocks.append(para("　　".join(f"{i}. {name}" for i, name in enumerate(annexes, start=1)), lead="附件：", indent=True))
    blocks.append(signature(campaign["organiser"], "年　　月　　日"))
    blocks += [PAGE_BREAK, annex_mark("附件1"), {"type": "annex_title", "text": "宣传材料清单"},
               para(f"本清单由生成器按本次构建自动列出：共 {len(kit_rows(kit, dest))} 份，都在网站文件夹（site/）里。", indent=True),
               table(["序号", "材料", "文件", "用途"], kit_rows(kit, dest), [12, 38, 50, 56])]
    return document(campaign["document_style"], plan_title(campaign), blocks, campaign, "活动方案")


# ---- the summary ----

DEFAULT_COLUMNS = ["月份", "开展的宣传活动", "发放材料（份）", "覆盖人数", "存在问题和整改", "报送日期"]


def planned_steps(campaign):
    """What the plan set out to do: its agenda, and the measures that name who is responsible."""
    steps = [{"title": a["title"], "text": a["notes"]} for a in campaign["agenda"]]
    for section in (campaign["plan"] or {}).get("sections") or []:
        for item in list(section["items"]) + [i for sub in section["sections"] for i in sub["items"]]:
            if item["unit"]:
                steps.append({"title": item["title"] or item["text"], "text": f"责任单位：{item['unit']}"})
    return steps


def summary_title(campaign):
    return plan_title(campaign).removesuffix("方案") + "总结"


def summary_document(campaign, kit, dest):
    """The 总结 skeleton: what was planned and what the kit held, filled in; what only the organiser
    knows left as labelled blanks; the monthly 台账 where the plan asks for monthly reports."""
    report = campaign["report"] or {}
    blocks = [para(f"按照《{plan_title(campaign)}》的要求，现将{campaign['title']}开展情况总结如下。")]
    blocks += [heading(1, "一、基本情况"), table(["项目", "计划", "实际情况"], [
        ["活动主题", campaign["slogan"] or campaign["title"], ""],
        ["主办单位", campaign["organiser"], ""],
        ["时间", campaign["date_text"] or "", ""],
        ["地点", campaign["place"] or "", ""],
        ["对象", "、".join(campaign["audiences"]), ""],
        ["参与人数", "", "　　　　人"],
        ["覆盖人数", "", "　　　　人"],
    ], [28, 70, 58])]
    blocks.append(heading(1, "二、主要做法"))
    for index, step in enumerate(planned_steps(campaign), start=1):
        blocks.append(para(step["text"], lead=f"{number(2, index)}{step['title']}。" if step["text"] else f"{number(2, index)}{step['title']}", lead_level=2))
        blocks.append(blank("完成情况", 2))
    blocks += [heading(1, "三、宣传材料发放情况"),
               para("下表前四栏按本次生成的材料自动填好，请填写发放或张贴的数量和地点。"),
               table(["序号", "材料", "用途", "发放数量（份）", "张贴、播放地点"],
                     [[row[0], row[1], row[3], "", ""] for row in kit_rows(kit, dest)], [12, 36, 50, 26, 32])]
    blocks += [heading(1, "四、取得的成效"), blank("参与人数"), blank("发放数量"), blank("群众反映", 3)]
    blocks += [heading(1, "五、经验做法"), blank("", 5)]
    blocks += [heading(1, "六、存在问题和下步打算"), blank("存在问题", 3), blank("下步打算", 3)]
    blocks += [heading(1, "七、活动照片"), para("每张照片下面写明时间、地点和内容。"),
               table(["照片", "说明"], [["", "照片1：时间、地点、内容"], ["", "照片2："], ["", "照片3："]], [96, 60], row_height=55)]
    if report.get("due") or report.get("to"):
        how = f"（{report['how']}）" if report.get("how") else ""
        blocks.append(para(f"本总结于{report.get('due') or '活动结束后'}报送{report.get('to') or '主办单位'}{how}。"))
    blocks.append(signature(campaign["organiser"], "年　　月　　日"))
    if report.get("monthly"):
        columns = report["columns"] or DEFAULT_COLUMNS
        months = report["months"] or [""] * 6
        width = 156 / len(columns)
        blocks += [PAGE_BREAK, annex_mark("附件"), {"type": "annex_title", "text": "每月工作台账"},
                   para(f"{report['monthly']}报送当月情况{('（' + report['how'] + '）') if report.get('how') else ''}：每月一行。"),
                   table(columns, [[month] + [""] * (len(columns) - 1) for month in months], [width] * len(columns), row_height=16)]
    return document(campaign["document_style"], summary_title(campaign), blocks, campaign, "工作总结")


# ---- the lesson plan ----

def lesson_document(campaign, kit, deck, dest):
    """The teacher's 教案: aims, flow with minutes, notes for every slide, quiz with answers.
    Slide numbers are the PowerPoint deck's (a quiz question and its answer are two slides)."""
    slides = deck["slides"]
    blocks = [heading(1, "一、教学目标")]
    blocks += [para(number(3, i) + goal) for i, goal in enumerate(campaign["goals"], start=1)] or [para("（请填写）")]
    blocks += [heading(1, "二、对象、时间和地点"), para(f"对象：{'、'.join(campaign['audiences'])}；主讲：{campaign['organiser']}；"
                                                     f"时间：{campaign['date_text'] or BLANK}；地点：{campaign['place'] or BLANK}。")]
    blocks += [heading(1, "三、课前准备")]
    blocks += [para(f"{number(3, i)}{item['label']}（{item['href']}）：{item['purpose']}") for i, item in
               enumerate((k for k in kit if k["href"] != dest), start=1)]
    blocks += [heading(1, "四、教学过程"), table(["环节", "时间", "内容和提示", "课件页码"], flow_rows(campaign, slides), [34, 16, 80, 26])]
    blocks.append(heading(1, "五、逐页讲解提示"))
    for planned in slides:
        if planned["kicker"].endswith("（答案）"):
            continue  # the answer slide's notes are the question slide's
        numbers = [s["number"] for s in slides if s["html_number"] == planned["html_number"]]
        where = f"第 {numbers[0]} 页" if len(numbers) == 1 else f"第 {numbers[0]}—{numbers[-1]} 页"
        blocks.append(para("；".join(planned["notes"]) or "（没有讲解提示）", lead=f"{where}　{planned['name']}：", lead_level=3))
    quiz = [item for scam in campaign["scams"] for item in scam["quiz"]]
    if quiz:
        blocks.append(heading(1, "六、课堂测验及答案"))
        for i, item in enumerate(quiz, start=1):
            options = "　".join(f"{LETTERS[k]}. {text}" for k, text in enumerate(item["options"]))
            blocks.append(para(f"{item['question']}　{options}", lead=number(3, i), lead_level=3))
            blocks.append(para(f"答案：{LETTERS[item['answer'] - 1]}。{item['explanation']}"))
    extra = []
    if campaign["discussion"]:
        extra += [para(number(3, i) + prompt) for i, prompt in enumerate(campaign["discussion"]["prompts"], start=1)]
    if extra:
        blocks += [heading(1, f"{number(1, 7 if quiz else 6)}分组讨论题")] + extra
    if campaign["pledge"]:
        blocks += [heading(1, f"{number(1, 6 + bool(quiz) + bool(extra))}课后延伸"),
                   para(f"全班齐读并签署《{campaign['pledge']['title']}》：{campaign['pledge']['text']}")]
    return document("普通", f"{campaign['title']}教案", blocks, campaign, "教案")


def flow_rows(campaign, slides):
    """One row per agenda step: its minutes, notes and the PowerPoint slides it covers; then the total."""
    rows, total = [], 0
    for step in campaign["agenda"]:
        numbers = [s["number"] for s in slides if s.get("agenda_title") == step["title"]]
        pages = f"{numbers[0]}—{numbers[-1]}" if len(numbers) > 1 else (str(numbers[0]) if numbers else "")
        rows.append([step["title"], f"{step['minutes']} 分钟" if step["minutes"] else "", step["notes"], pages])
        total += step["minutes"] or 0
    if total:
        rows.append(["合计", f"{total} 分钟", "", ""])
    return rows


# ---- annex forms ----

def form_document(campaign, form):
    """An annex form to print and fill in: basic facts, yes/no checks, the graded criteria."""
    blocks = [annex_mark(form["annex"])] if form["annex"] else []
    blocks += [para(text) for text in paragraphs(form["intro"])]
    if form["fields"]:
        pairs = [form["fields"][i:i + 2] for i in range(0, len(form["fields"]), 2)]
        blocks += [heading(1, "一、基本情况"),
                   table([], [[pair[0], "", pair[1] if len(pair) > 1 else "", ""] for pair in pairs], [34, 44, 34, 44], row_height=12)]
    if form["checks"]:
        blocks += [heading(1, f"{number(1, 1 + bool(form['fields']))}排查内容"),
                   table(["序号", "排查内容", "是", "否", "情况说明"],
                         [[str(i), text, "□", "□", ""] for i, text in enumerate(form["checks"], start=1)], [12, 74, 10, 10, 50])]
    if form["levels"]:
        blocks += [heading(1, f"{number(1, 1 + bool(form['fields']) + bool(form['checks']))}风险等级判定"),
                   para("对照下表判定风险等级，在“判定”一栏打“√”；符合多个等级的，按最高的等级。"),
                   table(["等级", "判定标准", "处置措施", "判定"],
                         [[f"{level['name']}名单", level["criteria"], level["action"], "□"] for level in form["levels"]], [20, 76, 48, 12])]
    blocks += [para(""), para(f"排查人员（签字）：{BLANK}　　机构负责人（签字）：{BLANK}　　日期：{BLANK}", indent=False)]
    return document(campaign["document_style"], form["title"], blocks, campaign, "附件表格")
