"""The type roles of a kind of surface: size, line height and spacing, declared once.

The block measurer reads these numbers; `Style.css()` writes the same numbers as the stylesheet's
rules for each role (`.r-<role>`), so a layout number is never written twice. Sizes are in em of
the region's base size (the base itself is the item's type size times its fit).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    size: float = 1.0    # em of the region's base size
    line: float = 1.5    # line height, times the size
    before: float = 0.0  # space above, em of this role's size (none for a region's first block)
    after: float = 0.0   # space below, em of this role's size


def num(value):
    return f"{round(value, 4):g}"


@dataclass(frozen=True)
class Style:
    """Roles by name, plus the few lengths that blocks other than text need (borders, paddings, gaps)."""

    roles: dict
    lengths: dict = field(default_factory=dict)  # name → em of the base size (or mm where the name ends in _mm)

    def __getitem__(self, name):
        return self.roles[name]

    def length(self, name):
        return self.lengths[name]

    def css(self, scope):
        """The rules that give each role its size, line height and spacing, and the lengths as custom properties."""
        rules = []
        for name, role in sorted(self.roles.items()):
            rules.append(f"{scope} .r-{name}{{font-size:{num(role.size)}em;line-height:{num(role.line)};"
                         f"margin:{num(role.before)}em 0 {num(role.after)}em}}")
            rules.append(f"{scope} .r-{name}:first-child{{margin-top:0}}")
        props = ";".join(f"--{name.replace('_', '-')}:{num(value)}{'mm' if name.endswith('_mm') else 'em'}"
                         for name, value in sorted(self.lengths.items()))
        rules.insert(0, f"{scope}{{{props}}}")
        return "\n".join(rules) + "\n"
