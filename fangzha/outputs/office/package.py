"""Office files are zip packages: write them with fixed entry dates, so two builds of the same
content give the same bytes (the golden build, and a site folder that does not change for nothing)."""

import io
import zipfile

FIXED = (1980, 1, 1, 0, 0, 0)


def stable(data):
    """The same package with every entry dated FIXED, in the order the library wrote them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
