#!/usr/bin/env python3
"""防范诈骗宣传生成器：python3 build.py [build|check|serve|pdf|video|units|new]（Windows：py build.py）."""

import argparse
import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
INSTALL = (r"py -m venv .venv && .venv\Scripts\python -m pip install -r requirements.txt" if os.name == "nt"
           else "bash scripts/install.sh")


def run_in_project_venv():
    """The packages live in the project's .venv (README): use it when this Python lacks them.

    So `python3 build.py` works in any new terminal, without activating anything first.
    """
    try:
        import jinja2  # noqa: F401, E401
        import markdown  # noqa: F401
        import yaml  # noqa: F401
        return
    except ImportError as missing:
        if not VENV_PYTHON.exists() or Path(sys.prefix).resolve() == VENV.resolve():
            sys.stderr.write(f"缺少运行所需的 Python 包（{missing.name}）。请先在项目文件夹里运行 README 里的安装命令：{INSTALL}\n")
            sys.exit(1)
    command = [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]]
    if os.name != "nt":
        os.execv(command[0], command)
    child = subprocess.Popen(command)  # Windows has no exec: wait for the child and pass on its exit code
    while True:
        try:
            sys.exit(child.wait())
        except KeyboardInterrupt:  # Ctrl+C reaches the child too; it says so itself
            continue


if __name__ == "__main__":
    run_in_project_venv()

from fangzha.context import BuildContext  # noqa: E402 (after the check for the packages above)
from fangzha.pipeline import build, check  # noqa: E402
from fangzha.problems import COMMAND, ContentError, summary_line  # noqa: E402
from fangzha.write import OutputError  # noqa: E402

INTERRUPTED = "已中断（Ctrl+C）：本次没有生成任何文件，原来的网站保持不变。"


class ChineseParser(argparse.ArgumentParser):
    """Usage mistakes in Chinese, exit 2."""

    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"命令写错了：{translate_usage_error(message)}\n请运行 {COMMAND} --help 查看用法。\n")
        sys.exit(2)


def translate_usage_error(message):
    """argparse's English, in the users' words."""
    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        return f"没有「{choice.group(1)}」这个命令或选项。可以用的有：{choice.group(2).replace(chr(39), '')}。"
    extra = re.search(r"unrecognized arguments: (.*)", message)
    if extra:
        return f"看不懂这些参数：{extra.group(1)}。"
    bad_value = re.match(r"argument ([^:]+): (.*)", message)
    if bad_value and "invalid choice" not in message:
        return f"{bad_value.group(1).split('/')[0]}：{bad_value.group(2)}。"
    missing = re.search(r"the following arguments are required: (.*)", message)
    if missing:
        return f"缺少参数：{missing.group(1)}。"
    return message


def print_warnings(warnings):
    for warning in warnings:
        print(f"提示：{warning}")


def context_of(args):
    """The BuildContext a command asks for."""
    options = {}
    if args.command == "pdf":
        from fangzha.outputs.printkit.pdf import Options
        options["pdf"] = Options(bleed=args.bleed, folder=args.pdf_dir)
    if args.command == "video":
        from fangzha.outputs.video import Options, Progress
        options["video"] = Options(progress=Progress(sys.stderr))
    if args.command == "units":
        options["units"] = units_options(args)
    today = {"today": args.date} if args.date else {}
    return BuildContext(args.root, strict=getattr(args, "strict", False), allow_empty=args.allow_empty, options=options, **today)


def units_options(args):
    """`units FILE`: the units read and checked (their problems are reported with the build's)."""
    from fangzha.content.units import read_units
    from fangzha.outputs.printkit.pdf import Options as PdfOptions
    from fangzha.outputs.units import Options, Progress
    path = args.file if args.file.is_absolute() else Path.cwd() / args.file
    root = args.root.resolve()
    shown = path.resolve().relative_to(root).as_posix() if path.resolve().is_relative_to(root) else str(args.file)
    units, problems = read_units(path, shown)
    return Options(shown, tuple(units), tuple(problems), args.shard, PdfOptions(bleed=args.bleed) if args.pdf else None,
                   Progress(sys.stderr))


def command_build(args):
    built = build(context_of(args), args.output)
    print_warnings(built.warnings)
    print(built.summary)


def editor_note_lines(notes):
    """Each editor note once (the same remark on many sources is one line, saying how many more)."""
    places = {}
    for note in notes:
        places.setdefault(note.message, []).append(note)
    lines = []
    for found in places.values():
        more = f"（另有 {len(found) - 1} 处写着同样的备注）" if len(found) > 1 else ""
        lines.append(f"  {found[0]}{more}")
    return lines


def command_check(args):
    checked = check(context_of(args))
    print_warnings(checked.warnings)
    model = checked.model
    if model.editor_notes:
        print("编辑备注（只给编辑看，网页、印刷品、课件和大屏上都没有）：")
        print("\n".join(editor_note_lines(model.editor_notes)))
    print(f"检查通过：{len(model.scams)} 种诈骗类型，{len(model.rules)} 份凡是规则，{len(model.campaigns)} 个活动，没有发现问题。")


def command_serve(args):
    from fangzha.serve import ServeError, serve  # imported here: only serve needs livereload
    try:
        serve(args.root, args.host, args.port)
    except ServeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def command_new(args):
    from fangzha.scaffold import ScaffoldError, new_item
    try:
        lines = new_item(args.root, args.kind, args.slug)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def port_number(text):
    """--port: a whole number from 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"端口「{text}」不对，请写 1 到 65535 之间的数字，例如 8000")
    return int(text)


def build_date(text):
    """--date: the day to build for, 2026-11-27."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期「{text}」不对，请写成 2026-11-27 这样（年-月-日）") from None


def item_kind(text):
    """new's first word: what to create."""
    if text not in ("scam", "campaign"):
        raise argparse.ArgumentTypeError(f"只能新建 scam（诈骗类型）或 campaign（宣传活动），你写的是「{text}」")
    return text


def shard_part(text):
    """--shard: K/N, the K-th of N parts (1 ≤ K ≤ N)."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise argparse.ArgumentTypeError(f"「{text}」不对，请写成 K/N，表示 N 份里的第 K 份，例如 2/3（K 从 1 数到 N）")
    return int(match[1]), int(match[2])


COMMANDS = {"build": command_build, "units": command_build, "pdf": command_build, "video": command_build, "check": command_check, "serve": command_serve, "new": command_new}


def make_parser():
    parser = ChineseParser(prog="build.py", description="把 content/ 里的防诈宣传内容生成网站、海报、折页、班会课件和大屏轮播。")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目文件夹（含 config.yaml 和 content/；默认是 build.py 所在的文件夹）")
    parser.add_argument("--date", type=build_date, default=None,
                        help="按这一天生成（默认今天）：决定大屏轮播放哪些内容、哪些内容已过审核日期")
    sub = parser.add_subparsers(dest="command", parser_class=ChineseParser)
    build_parser = sub.add_parser("build", help="生成网站（默认）")
    build_parser.add_argument("--output", help="输出文件夹（默认读 config.yaml 的 output）")
    build_parser.add_argument("--strict", action="store_true", help="严格模式：课件或大屏上有文字放不下、还有没换掉的示例内容（如 20xx、示例电话）时当作错误，不生成")
    check_parser = sub.add_parser("check", help="只检查内容，不生成")
    pdf_parser = sub.add_parser("pdf", help="生成网站，并把每份海报和折页另存为 PDF，放在输出文件夹的 pdf/ 里（需要 WeasyPrint）")
    pdf_parser.add_argument("--output", help="输出文件夹（默认读 config.yaml 的 output）")
    pdf_parser.add_argument("--bleed", action="store_true", help="给打印店用：每页四边加 3 毫米出血和裁切线")
    pdf_parser.add_argument("--pdf-dir", type=Path, help="PDF 放到这个文件夹（默认放在输出文件夹的 pdf/ 里）")
    video_parser = sub.add_parser("video", help="生成网站，并把每个大屏轮播做成 MP4 视频，放在输出文件夹的 video/ 里，给只能插 U 盘的电视和 LED 屏（需要 requirements-video.txt）")
    video_parser.add_argument("--output", help="输出文件夹（默认读 config.yaml 的 output）")
    units_parser = sub.add_parser("units", help="生成网站，并按单位名单给每个单位生成一套印着它自己名称和电话的印刷品，放在输出文件夹的 units/ 里（见 docs/units.md）")
    units_parser.add_argument("file", type=Path, metavar="单位名单", help="单位名单文件：Excel 另存为的 CSV（第 1 行是列名：单位名称、联系电话、地址、派出所、派出所电话），或 YAML")
    units_parser.add_argument("--shard", type=shard_part, default=(1, 1), metavar="K/N",
                              help="只生成 N 份里的第 K 份单位（例如 2/3），给多台电脑分着做；各份的 units/ 合在一起和一次全做完全一样")
    units_parser.add_argument("--pdf", action="store_true", help="同时把每个单位的印刷品另存为 PDF（需要 WeasyPrint）")
    units_parser.add_argument("--bleed", action="store_true", help="和 --pdf 一起用：每页四边加 3 毫米出血和裁切线")
    units_parser.add_argument("--output", help="输出文件夹（默认读 config.yaml 的 output）")
    units_parser.add_argument("--strict", action="store_true", help="严格模式：还有没换掉的示例内容（如示例电话）时当作错误，不生成")
    for command_parser in (build_parser, check_parser, pdf_parser, video_parser, units_parser):
        command_parser.add_argument("--allow-empty", action="store_true",
                                    help="允许没有 content/ 文件夹、或 content/scams/ 里一种诈骗类型也没有时照样生成（会用空网站替换原来的网站）")
    serve_parser = sub.add_parser("serve", help="边改边看：在浏览器里预览，保存后自动刷新")
    serve_parser.add_argument("--host", default="127.0.0.1", help="预览地址（默认 127.0.0.1，只有本机能打开；写 0.0.0.0 则局域网里都能打开）")
    serve_parser.add_argument("--port", type=port_number, default=8000, help="端口（默认 8000）")
    new_parser = sub.add_parser("new", help="新建一个诈骗类型或活动文件（每个字段都带中文说明）")
    new_parser.add_argument("kind", type=item_kind, metavar="{scam,campaign}", help="scam：诈骗类型；campaign：宣传活动")
    new_parser.add_argument("slug", help="英文文件名，只用小写字母、数字和连字符，例如 shua-dan")
    return parser


def main(argv=None):
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command == "units" and args.bleed and not args.pdf:
        parser.error("--bleed（出血）只用于 PDF，请和 --pdf 一起写：units 单位名单 --pdf --bleed。")
    args.command = args.command or "build"
    args.output = getattr(args, "output", None)
    args.allow_empty = getattr(args, "allow_empty", False)
    try:
        code = COMMANDS[args.command](args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(summary_line(len(error.problems)), file=sys.stderr)
        return 1
    except OutputError as error:  # the disk refused: read-only, full, busy, or another build is writing
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
