"""The visual system's choices in one place: the accent colour of each scam category and the pictogram
of an item that names none (docs/design.md explains them; config.yaml's design group sets the brand)."""

from . import icons

# One accent per scam category: told apart at a glance, each dark enough for white type on it (and
# still a clear dark grey on a mono printer).
ACCENTS = {"高发类型": "#a3161a", "常见手法": "#1d4e89", "专项治理": "#0b6e5c", "rules": "#1d4e89", "report": "#a3161a"}
CATEGORY_ICONS = {"高发类型": "siren", "常见手法": "shield-alert", "专项治理": "landmark"}
DEFAULT_ICON = "shield-alert"
KIT_ICONS = {"deck": "presentation", "handout": "notebook-text", "kiosk-loop": "monitor-play", "pptx": "presentation",
             "plan": "file-text", "summary": "clipboard-list", "lesson": "book-open", "broadcast-script": "megaphone",
             "wechat-article": "message-circle", "group-message": "messages-square", "video": "film"}


def accent(category):
    return ACCENTS.get(category, ACCENTS["高发类型"])


def icon_of(item):
    """An item's own pictogram (its `icon:`), else its category's."""
    return item.get("icon") or CATEGORY_ICONS.get(item.get("category"), DEFAULT_ICON)


def template_globals():
    """What templates use to draw the system: `icon(name, size, label)`, `icon_of(item)`, `accent(category)`."""
    return {"icon": icons.svg, "icon_of": icon_of, "accent": accent, "KIT_ICONS": KIT_ICONS}
