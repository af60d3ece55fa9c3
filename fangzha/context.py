"""What one build is asked to do: the project, the templates, the day it is built for, the options."""

import datetime
from dataclasses import dataclass, field, replace
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class BuildContext:
    """Every input of a build that is not content.

    `today` is an input, never read from the clock inside a stage: review dates and the kiosk's
    date windows depend on it, and the golden build pins it. `options` holds what a render
    command asked for, by name (for example `{"pdf": PdfOptions(...)}`); families read only
    their own.
    """

    root: Path
    templates: Path = TEMPLATES
    today: datetime.date = field(default_factory=datetime.date.today)
    strict: bool = False
    allow_empty: bool = False  # build even without content/ or any scam (that replaces the site with an empty one)
    options: dict = field(default_factory=dict)
    output: Path = None  # set by the pipeline once config.yaml has been read
    memory: object = None  # a memory.Memory of the last build, kept by `serve` (a one-off build does everything)

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root))
        object.__setattr__(self, "templates", Path(self.templates).resolve())

    def with_output(self, output):
        return replace(self, output=Path(output))
