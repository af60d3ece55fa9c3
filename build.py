#!/usr/bin/env python3
"""防范诈骗宣传生成器：python build.py [build|check|serve|pdf|new]."""

import argparse
import sys
from pathlib import Path

from fangzha.pipeline import build, check
from fangzha.problems import ContentError, summary_line

ROOT = Path(__file__).resolve().parent


class ChineseParser(argparse.ArgumentParser):
    """Usage mistakes in Chinese, exit 2."""

    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"命令写错了：{message}\n请运行 python build.py --help 查看用法。\n")
        sys.exit(2)


def print_warnings(model):
    for warning in model.warnings:
        print(f"提示：{warning}")


def command_build(args):
    model, _, summary = build(args.root, args.output, strict=getattr(args, "strict", False))
    print_warnings(model)
    print(summary)


def command_check(args):
    model = check(args.root)
    print_warnings(model)
    print(f"检查通过：{len(model.scams)} 种诈骗类型，{len(model.rules)} 份凡是规则，{len(model.campaigns)} 个活动，没有发现问题。")


COMMANDS = {"build": command_build, "check": command_check}


def make_parser():
    parser = ChineseParser(prog="build.py", description="把 content/ 里的防诈宣传内容生成网站、海报、折页、班会课件和大屏轮播。")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目文件夹（含 config.yaml 和 content/；默认是 build.py 所在的文件夹）")
    sub = parser.add_subparsers(dest="command", parser_class=ChineseParser)
    build_parser = sub.add_parser("build", help="生成网站（默认）")
    build_parser.add_argument("--output", help="输出文件夹（默认读 config.yaml 的 output）")
    build_parser.add_argument("--strict", action="store_true", help="严格模式：课件或大屏上有文字放不下时当作错误，不生成")
    sub.add_parser("check", help="只检查内容，不生成")
    return parser


def main(argv=None):
    args = make_parser().parse_args(argv)
    args.command = args.command or "build"
    args.output = getattr(args, "output", None)
    try:
        COMMANDS[args.command](args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(summary_line(len(error.problems)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
