"""Whether a URL may be published: judged on what a browser will read, not on what was typed.

A browser decodes character references in the attribute (`&#58;` is ":"), drops every tab and
line break inside the URL, ignores leading and trailing control characters and spaces, reads a
backslash as a slash and the scheme in any case. `javascript&#58;…` or `jav<tab>ascript:…` is a
script to it, so the scheme is decided only after decoding the same way.
"""

import html
import re

LINK_SCHEMES = ("http", "https", "mailto", "tel")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
EDGE_CONTROLS = "".join(map(chr, range(0x21)))  # C0 controls and the space
TABS_AND_BREAKS = re.compile(r"[\t\n\r]")


def as_browser_reads(url):
    """The URL after the decoding an HTML attribute and a URL parser apply."""
    decoded = html.unescape(str(url)).strip(EDGE_CONTROLS)
    return TABS_AND_BREAKS.sub("", decoded).replace("\\", "/")


def scheme_of(url):
    """The lower-case scheme the browser sees ("" for a relative link)."""
    match = SCHEME.match(as_browser_reads(url))
    return match.group(1).lower() if match else ""


def url_problem(url, image=False, absolute=False):
    """Why `url` may not be published, in Chinese, or None when it may.

    Links may be http, https, mailto, tel or relative; an image must stay inside the folder (the
    site works offline); `absolute` asks for a whole http(s) address (config's base_url).
    """
    read = as_browser_reads(url)
    scheme = scheme_of(url)
    leaves_folder = bool(scheme) or read.startswith("/")  # "/x", "//host/x", "\\host\x" (read as //host/x)
    if image and leaves_folder:
        return f"图片「{url}」指向网站外面。网站要能离线使用，请把图片放进 content/ 并用相对路径。"
    if absolute and (scheme not in ("http", "https") or not read[len(scheme) + 1:].startswith("//")):
        return f"「{url}」不是完整的网址。请写成 https://example.org/fangzha/ 这样，以 https:// 或 http:// 开头。"
    if scheme and scheme not in LINK_SCHEMES:
        return f"链接「{url}」不安全：只允许 http、https、mailto、tel 开头的链接或相对链接。"
    if not scheme and read.startswith("//"):
        return f"链接「{url}」缺少 https:// 开头。请写完整的网址。"
    return None
