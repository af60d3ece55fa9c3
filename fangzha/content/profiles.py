"""The print shop's ICC profile named in config.yaml (`print_shop.icc_profile`): checked where it is named.

A profile is the shop's description of its press and paper; `build.py pdf` embeds it in the CMYK
PDFs it makes (outputs/printshop/cmyk.py). Only its header is read here: an ICC file says 'acsp' at
byte 36, its colour space at bytes 16–19 and its class (an output profile: 'prtr') at bytes 12–15.
"""

import struct
from pathlib import Path

FIELD = "print_shop.icc_profile"
ASK = "请向打印店要他们印刷用的 CMYK 色彩配置文件（.icc 或 .icm，例如 ISO Coated v2、Japan Color 2001 Coated）"


def profile(reference, where, root, problems):
    """{path, name} of the profile `reference` (relative to config.yaml, inside the project), or None with a problem."""
    root = Path(root).resolve()
    path = (root / reference).resolve()
    if not path.is_relative_to(root):
        where.report(problems, f"色彩配置文件「{reference}」在项目文件夹外面。请把它复制到项目文件夹里（例如 content/印刷/），再写它相对于 config.yaml 的路径。")
        return None
    if not path.is_file():
        where.report(problems, f"找不到色彩配置文件「{reference}」（应在 {path.relative_to(root).as_posix()}）。请检查文件名和文件夹，大小写也要一致；不要 CMYK 时删掉这一行。")
        return None
    data = path.read_bytes()
    if len(data) < 128 or data[36:40] != b"acsp":
        where.report(problems, f"「{reference}」不是 ICC 色彩配置文件（打不开，或者只是改了扩展名）。{ASK}，原样放进项目文件夹。")
        return None
    if data[16:20] != b"CMYK":
        space = data[16:20].decode("ascii", "replace").strip()
        where.report(problems, f"「{reference}」是 {space} 色彩配置文件，不是印刷用的 CMYK 配置文件。{ASK}。")
        return None
    if data[12:16] != b"prtr":
        where.report(problems, f"「{reference}」是 CMYK 色彩配置文件，但不是印刷机的输出配置文件（它用来转换别的东西）。{ASK}。")
        return None
    return {"path": str(path), "name": description(data) or path.stem}


def description(data):
    """The profile's own name (its 'desc' tag: ICC v2 text or v4 multilingual), or "" when it has none."""
    count = struct.unpack(">I", data[128:132])[0] if len(data) >= 132 else 0
    for index in range(min(count, 100)):
        signature, offset, size = struct.unpack(">4sII", data[132 + 12 * index:144 + 12 * index])
        if signature != b"desc":
            continue
        tag = data[offset:offset + size]
        if tag[:4] == b"desc":   # v2: a count, then ASCII ending in a zero byte
            length = struct.unpack(">I", tag[8:12])[0]
            return tag[12:12 + length].split(b"\0")[0].decode("latin-1").strip()
        if tag[:4] == b"mluc":   # v4: records of (language, country, length, offset) into UTF-16BE text
            length, start = struct.unpack(">II", tag[20:28])
            return tag[start:start + length].decode("utf-16-be", "replace").strip("\0 ")
    return ""
