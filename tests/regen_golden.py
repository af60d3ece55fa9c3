"""Rebuild tests/golden/mini from tests/fixtures/mini after an intended change.

    python3 tests/regen_golden.py

Static assets that the build copies unchanged from templates/assets are left out: the golden test
checks them against their source instead of keeping a second copy.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests/golden/mini"
GOLDEN_DATE = "2026-11-27"  # the day the golden build is made for: it must not change with the calendar


def copied_assets(folder):
    """Files under folder/assets that are byte-for-byte copies of templates/assets."""
    source = ROOT / "templates/assets"
    return [p for p in sorted((folder / "assets").glob("**/*"))
            if p.is_file() and (source / p.relative_to(folder / "assets")).is_file()
            and p.read_bytes() == (source / p.relative_to(folder / "assets")).read_bytes()]


if __name__ == "__main__":
    subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", "tests/fixtures/mini", "--date", GOLDEN_DATE, "build",
                    "--output", str(GOLDEN)], cwd=ROOT, check=True)
    for path in copied_assets(GOLDEN):
        path.unlink()
