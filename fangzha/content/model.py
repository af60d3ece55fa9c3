"""The validated content, cross-referenced, ready for the planner."""

import datetime
from dataclasses import dataclass, field

CATEGORY_ORDER = {"高发类型": 0, "常见手法": 1, "专项治理": 2}


@dataclass
class Model:
    config: dict
    audiences: list
    scams: list
    rules: list
    channels: list
    guide: list
    prevention: dict
    cases: list
    campaigns: list
    channels_reviewed: datetime.date = None
    channel_sources: list = field(default_factory=list)
    fakes: dict = None  # channels.yaml: how to spot a fake "official" app or number
    warnings: list = field(default_factory=list)
    playlists: list = field(default_factory=list)  # content/playlists/*.yaml (the kiosk adds its defaults)
    placeholders: list = field(default_factory=list)  # placeholders.Placeholder: also in warnings; index pages show them
    images: dict = field(default_factory=dict)  # site/images/… → the picture in the project it is copied from
    editor_notes: list = field(default_factory=list)  # Problem(path, line, field, note): `check` shows them, no page does
    top_types: list = field(default_factory=list)     # content/top-types.yaml: dated lists of the most common types

    @property
    def featured_rules(self):
        """The list shown as 新十个凡是 (the first one marked featured)."""
        return next((r for r in self.rules if r["featured"]), self.rules[0] if self.rules else None)

    @property
    def home_top_types(self):
        """The dated list of the most common types the home page shows, or None."""
        return next((t for t in self.top_types if t["home"]), None)

    @property
    def top_scams(self):
        """The high-incidence types in order of how common they are."""
        ranked = [s for s in self.scams if s["rank"]]
        return sorted(ranked, key=lambda s: s["rank"])

    @property
    def last_reviewed(self):
        """The newest review date of anything in the content (for pages without their own)."""
        dates = [item["reviewed"] for kind in (self.scams, self.rules, self.cases, self.campaigns) for item in kind]
        dates += [d for d in (self.channels_reviewed, self.prevention and self.prevention["reviewed"]) if d]
        return max(dates) if dates else None

    @property
    def scam_groups(self):
        """(category, scams) pairs in the order pages show them."""
        groups = {}
        for scam in self.scams:
            groups.setdefault(scam["category"], []).append(scam)
        return list(groups.items())


def show_channel(channel):
    """Add how a channel is written where numbers are listed (`label`) and the number to dial (`dial`):
    a 电话 shows its number and is dialled; a 短信 service is "12381 短信", never dialled; a 平台 shows its name."""
    kind, number = channel["kind"], channel["number"]
    channel["dial"] = number if kind == "电话" else ""
    sms = "SMS" if channel.get("lang") == "en" else "短信"
    channel["label"] = number if kind == "电话" and number else f"{number} {sms}" if kind == "短信" and number else channel["name"]
    return channel


def source_line(item):
    """出处：publisher-or-source，date（date note） for a rule list or the prevention list."""
    day = item.get("date")
    when = f"，{day.year}年{day.month}月{day.day}日" if day else ""
    note = f"（{item['date_note']}）" if item.get("date_note") else ""
    if item.get("lang") == "en":  # an English list is cited in English
        when = f", {day.day}/{day.month}/{day.year}" if day else ""
        return f"Source: {item['source']}{when}" + (f" ({item['date_note']})" if item.get("date_note") else "")
    from ..i18n import active_language, ui  # (imported here: i18n reads the content package)
    said = "出处：" if active_language() == "en" else ui("出处：")  # a Chinese list on an English site stays Chinese
    return f"{said}{item['source']}{when}{note}"


def add_months(day, months):
    """The same day `months` later (clamped to the month's end)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


def scam_order(scam):
    """High-incidence first (by rank), then the classic methods, then special topics."""
    return (CATEGORY_ORDER[scam["category"]], scam["rank"] or scam["order"] or 999, scam["slug"])
