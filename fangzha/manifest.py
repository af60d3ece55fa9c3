"""site/manifest.json: every file the build (and any render command) wrote, and what it is.

One list for users and print shops: path, family, kind, campaign, size (paper in mm, canvas in
px), pages (printed pages or slides) where the file has them, and colour for a print-shop PDF
converted to CMYK (space, PDF/X standard, the shop's profile).
"""

import json

NAME = "manifest.json"


def entry(page):
    row = {"path": page.dest, "family": page.family, "kind": page.kind, "campaign": page.kit_of or None}
    if page.size:
        row["size"] = page.size
    if page.sheets is not None:
        row["pages"] = page.sheets
    if page.colour:
        row["colour"] = page.colour
    return row


def asset_entry(dest):
    return {"path": dest, "family": "site", "kind": "asset", "campaign": None}


def manifest(pages, assets):
    """The manifest's bytes: one row per file, sorted by path (so two builds give the same bytes)."""
    rows = [entry(p) for p in pages] + [asset_entry(d) for d in assets]
    rows.sort(key=lambda row: row["path"])
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) for row in rows)
    return ('{"generator": "fangzha", "files": [\n' + lines + "\n]}\n").encode("utf-8")
