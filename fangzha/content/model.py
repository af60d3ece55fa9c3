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
    warnings: list = field(default_factory=list)
    playlists: list = field(default_factory=list)  # content/playlists/*.yaml (the kiosk adds its defaults)

    @property
    def featured_rules(self):
        """The list shown as 新十个凡是 (the first one marked featured)."""
        return next((r for r in self.rules if r["featured"]), self.rules[0] if self.rules else None)

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
