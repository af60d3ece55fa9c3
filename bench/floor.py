"""The floor: the least work any generator must do per scam, in one process.

Parse the same front matter (PyYAML's C loader), convert the same Markdown once, render one trivial
template. Prints seconds and peak memory (MiB) as JSON. Usage: python3 bench/floor.py PROJECT
"""

import json
import resource
import sys
import time
from pathlib import Path

import jinja2
import markdown
import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def main(project):
    started = time.perf_counter()
    template = jinja2.Template("<h1>{{ title }}</h1>{{ body }}")
    md = markdown.Markdown()
    for path in sorted(Path(project, "content/scams").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.load(front, Loader=Loader)
        md.reset()
        template.render(title=data["title"], body=md.convert(body))
    return time.perf_counter() - started


if __name__ == "__main__":
    seconds = main(sys.argv[1])
    print(json.dumps({"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
