"""One full build of a project (every output family), timed in-process.

Prints seconds and peak memory (MiB) as JSON. Usage: python3 bench/build_once.py PROJECT OUTPUT
"""

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fangzha.context import BuildContext  # noqa: E402
from fangzha.pipeline import build  # noqa: E402

if __name__ == "__main__":
    started = time.perf_counter()
    pages = build(BuildContext(sys.argv[1]), sys.argv[2]).pages
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "pages": len(pages),
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
