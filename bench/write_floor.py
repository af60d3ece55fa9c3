"""What writing a built site's files costs on this disk, without making them: the same folders,
the same number of files, the same bytes, created anew in one process.

Prints seconds as JSON. Usage: python3 bench/write_floor.py SITE (the copy is made beside SITE and
deleted afterwards).
"""

import json
import os
import shutil
import sys
import time
from pathlib import Path


def main(site):
    site = Path(site)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    copy = site.with_name(site.name + ".written")
    started = time.perf_counter()
    for folder in sorted({os.path.dirname(dest) for dest in files}):
        os.makedirs(os.path.join(copy, folder), exist_ok=True)
    for dest, data in files.items():
        with open(os.path.join(copy, dest), "wb") as target:
            target.write(data)
    seconds = time.perf_counter() - started
    shutil.rmtree(copy)
    return seconds, len(files)


if __name__ == "__main__":
    seconds, count = main(sys.argv[1])
    print(json.dumps({"seconds": seconds, "files": count}))
