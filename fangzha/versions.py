"""Versioned file names for the preview, so that a reload after a save takes the page's unchanged styles,
scripts and pictures from the browser's cache instead of asking the server for each one again.

The preview rewrites what a page loads (`<link href>`, `src`) to `name?v=<digest of the file>`. A request
for a file under the version it has now may be cached for good (the same name always means the same
bytes); any other request is not cached, as before. A changed file gets a new name in the next page
served, so the browser never keeps an old stylesheet. What the site on disk says is never changed.
"""

import posixpath
import re
from urllib.parse import unquote

from .memory import digest

REFERENCE = re.compile(rb'(<link\b[^>]*?\shref="|\ssrc=")([^"?#:]+)"')  # relative, with no query of its own
FOR_GOOD = "max-age=31536000, immutable"
NOT_AT_ALL = "no-store"


class Versions:
    """The digest of each file of a folder, read again only when the file's size or time changed."""

    def __init__(self, folder):
        self.folder = folder
        self.known = {}  # dest -> (stat key, version)

    def of(self, dest):
        """A short digest of the file `dest` (a path inside the folder), None for a page or no file."""
        if dest.endswith(".html"):
            return None  # pages are always asked for again: they change with every save
        path = self.folder / dest
        try:
            stat = path.stat()
            key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            if dest not in self.known or self.known[dest][0] != key:
                self.known[dest] = (key, digest(path.read_bytes()).hex()[:16])
        except OSError:  # not there, or the folder is being swapped for a new build
            return None
        return self.known[dest][1]

    def name(self, page, chunk):
        """The page's bytes (the first chunk served of page `page`) with every file it loads named by version."""
        folder = posixpath.dirname(page)

        def versioned(match):
            target = posixpath.normpath(posixpath.join(folder, unquote(match[2].decode("utf-8", "replace"))))
            version = None if target.startswith("..") else self.of(target)
            return match[0] if version is None else match[1] + match[2] + b"?v=" + version.encode() + b'"'

        return REFERENCE.sub(versioned, chunk)

    def caching(self, dest, asked):
        """The Cache-Control for file `dest` asked for under version `asked` (None when asked for by name alone)."""
        return FOR_GOOD if asked is not None and asked == self.of(dest) else NOT_AT_ALL
