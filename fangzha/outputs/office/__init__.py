"""Office files: an editable PowerPoint deck and the campaign's own Word documents.

For each campaign: slides/<campaign>.pptx (the HTML deck's slides, drawn natively with
python-pptx: real titles and bullet placeholders, notes on every slide, the quiz answer on its
own slide); plans/<campaign>-plan.docx (the 活动方案 in its seed plan's structure, with the
宣传材料清单 of this build), -summary.docx (the 总结 to fill in, with the monthly 台账 where the
plan asks for one), -lesson.docx (the 教案, for class meetings) and the annex forms the campaign
declares (plans/<campaign>-<file>.docx).

pages() only plans: each file is drawn at render time by make=(function, argument), where the
argument is the page's own context, into which plan() puts the campaign's kit (as it does for
the campaign page), so the documents can list what this build produced.
"""

from ...i18n import N_, activate, active_config
from ...i18n import ui as _
from ...layout.paginate import Overflow
from ...page import Page
from ..slides import deck as html_deck
from . import deck_layout, documents
from .package import stable

CLASS_MEETING = "主题班会"
A4 = {"unit": "mm", "width": 210, "height": 297}
SHELF = N_("可以编辑的 Word 和 PowerPoint 文件")  # shown through the catalogue


# The writers import python-pptx and python-docx only when a file is drawn: a build that copies
# every office file from the last site (see render.write_drawn) never loads them.

def write_pptx(deck):
    from .pptx_writer import pptx_bytes
    return stable(pptx_bytes(deck))


def write_document(context):
    """One Word document, from the page's context (the kit filled in by plan())."""
    from .docx_writer import docx_bytes
    activate(context["language"])  # the language it was planned in, wherever and whenever it is drawn
    campaign, kit, dest, kind = context["campaign"], context["kit"], context["dest"], context["document"]
    if kind == "plan":
        spec = documents.plan_document(campaign, context["prevention"], kit, dest)
    elif kind == "summary":
        spec = documents.summary_document(campaign, kit, dest)
    elif kind == "lesson":
        spec = documents.lesson_document(campaign, kit, context["deck"], dest)
    else:
        spec = documents.form_document(campaign, context["form"])
    return stable(docx_bytes(dict(spec, today=context["today"])))


def slide_size(aspect):
    width = deck_layout.SLIDE_WIDTH[aspect] * 25.4 / 72
    return {"unit": "mm", "width": round(width, 1), "height": round(deck_layout.SLIDE_HEIGHT * 25.4 / 72, 1)}


def document_page(dest, kind, label, purpose, campaign, ctx, **extra):
    context = {"campaign": campaign, "kit_for": campaign["slug"], "document": kind, "dest": dest, "today": ctx.today,
               "language": active_config(), **extra}  # the document's words are translated when it is drawn
    return Page(dest, context=context, kit_of=campaign["slug"], label=label, purpose=purpose, shelf=SHELF,
                kind=kind, size=A4, make=(write_document, context), download=True)


def campaign_pages(model, campaign, ctx):
    slug, aspect = campaign["slug"], model.config["slides"]["aspect"]
    deck = dict(deck_layout.plan_deck(html_deck(model, campaign), campaign, aspect), today=ctx.today)
    monthly = _("；附每月工作台账") if (campaign["report"] or {}).get("monthly") else ""
    out = [
        Page(f"slides/{slug}.pptx", context={"campaign": campaign, "deck": deck}, kit_of=slug, kind="pptx",
             label=_("班会课件（PowerPoint，可以编辑）"), shelf=SHELF,
             purpose=_("用 PowerPoint 或 WPS 打开，上课前可以改字、删页；讲解提示在每页的备注里，测验的答案在下一页"),
             size=slide_size(aspect), sheets=len(deck["slides"]), make=(write_pptx, deck), download=True),
        document_page(f"plans/{slug}-plan.docx", "plan", _("活动方案（Word）"),
                      _("按原方案的结构写好的活动方案，改好后可以报送或存档；附宣传材料清单"), campaign, ctx,
                      prevention=model.prevention),
        document_page(f"plans/{slug}-summary.docx", "summary", _("活动总结（Word，活动后填写）"),
                      _("已填好计划和宣传材料，活动后填写参与人数、发放数量、照片、经验做法和存在问题") + monthly, campaign, ctx),
    ]
    if campaign["format"] == CLASS_MEETING:
        out.append(document_page(f"plans/{slug}-lesson.docx", "lesson", _("教案（Word）"),
                                 _("教学目标、流程和时间、逐页讲解提示、测验答案；不用讲者视图时打印出来对照着讲"), campaign, ctx, deck=deck))
    for form in campaign["forms"]:
        out.append(document_page(f"plans/{slug}-{form['file']}.docx", "form", form["title"] + _("（Word）"),
                                 _("附件表格：打印出来逐项填写，每个机构一张"), campaign, ctx, form=form))
    return out


def pages(model, ctx):
    """Every campaign's PPTX deck and Word documents."""
    return [page for campaign in model.campaigns for page in campaign_pages(model, campaign, ctx)]


def check(model, pages, ctx):
    """A PowerPoint slide whose text does not fit even at the smallest size (a warning; an error with --strict)."""
    found = []
    for page in pages:
        if page.kind != "pptx":
            continue
        campaign = page.context["campaign"]
        for planned in page.context["deck"]["slides"]:
            if not planned["fits"]:
                where = f"{page.dest} 第 {planned['number']} 页「{planned['name']}」"
                found.append(Overflow(campaign["file"], 0, where, (
                    f"文字太多，缩小到 {deck_layout.FLOOR:.0%} 也放不下（需要大约 {planned['overflow']:.0%} 的版面）。"
                    "请删减这一页的文字。")))
    return found
