"""Problems found in the user's files, reported all at once in Chinese."""

import os
from dataclasses import dataclass

# How the README tells users to run the tool, so every message names a command that works there.
COMMAND = "py build.py" if os.name == "nt" else "python3 build.py"
PIP = r".venv\Scripts\python -m pip" if os.name == "nt" else ".venv/bin/python -m pip"  # the project's own packages


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place: `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class Notice(Problem):
    """A warning: printed as 提示, never stops a build."""


class StrictNotice(Notice):
    """A warning that `build --strict` treats as an error (text that does not fit, a placeholder)."""


def split_notices(found, strict=False):
    """(errors, warnings) of what the checks found; with `strict`, strict notices are errors."""
    def is_error(problem):
        return not isinstance(problem, Notice) or (strict and isinstance(problem, StrictNotice))
    return [p for p in found if is_error(p)], [p for p in found if not is_error(p)]


def place_order(problem):
    """Problems of different kinds (notices promoted by --strict) sort together by place."""
    return (problem.path, problem.line, problem.field, problem.message)


class ContentError(Exception):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems):
        self.problems = sorted(set(problems), key=place_order)
        super().__init__("\n".join(map(str, self.problems)))


def summary_line(count):
    """The one line after the list of problems."""
    return f"共发现 {count} 个问题，本次没有生成任何文件（原来的网站保持不变）。"
