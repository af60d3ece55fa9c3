"""What each printed item says, as parts of blocks placed on its sheet (the words live here, not in templates)."""

from ... import icons
from ...layout.blocks import split_phrases
from ...layout.budget import owner
from ...layout.place import Part

CALLS = "钱已转出，立即拨打 110；拿不准是不是诈骗，拨打 96110 咨询。"


def text(role, value, who=None, phrases=False):
    block = {"type": "text", "role": role, "text": value, "owner": who}
    if phrases:  # a big line that breaks only between its phrases
        block["phrases"] = split_phrases(value)
    return block


def remember_line(scam):
    """The one line to remember: the rule this scam breaks, else its first step."""
    rule = next((r for r in scam["rules"] if r["text"]), None)
    if rule:
        return rule["text"], owner(scam, "rules")
    return scam["steps"][0], owner(scam, "steps")


def number_cells(channels):
    return [{"number": c["number"] or c["name"], "text": c["when"], "dial": bool(c["number"])} for c in channels]


def scam_poster(scam, config):
    """The hero band (pictogram, name, the line to remember), signs and steps, the numbers, the foot."""
    line, line_owner = remember_line(scam)
    hero = [
        text("org", f"{config['organisation']} · 防骗提醒"),
        {"type": "title", "icon": icons.svg(scam.get("icon") or "shield-alert"), "kicker": scam["category"],
         "text": scam["title"], "owner": owner(scam, "title")},
        text("remember", line, line_owner, phrases=True),
        text("hero-lead", scam["summary"], owner(scam, "summary")),
    ]
    body = [{"type": "columns", "columns": [
        [{"type": "section", "title": "警惕信号", "icon": icons.svg("triangle-alert"), "items": scam["signs"], "owner": owner(scam, "signs")}],
        [{"type": "section", "title": "遇到了怎么办", "icon": icons.svg("shield-check"), "items": scam["steps"], "ordered": True, "owner": owner(scam, "steps")}],
    ]}]
    strip = [{"type": "numbers", "cells": number_cells(scam["call"]), "owner": owner(scam, "call")}]
    return [
        Part("标题", "hero", hero, band=True, pad=12, share=.45),
        Part("正文", "body", body, fill=True),
        Part("电话", "strip", strip, share=.25),
    ]
