"""The command line: exit codes and Chinese usage errors."""

from conftest import FIXTURES, run_build


def test_usage_error_exits_2_in_chinese():
    result = run_build("frobnicate")
    assert result.returncode == 2
    assert "命令写错了：没有「frobnicate」这个命令或选项。可以用的有：" in result.stderr
    assert "请运行 python3 build.py --help 查看用法。" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_exits_0_on_shipped_content():
    result = run_build("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("检查通过：")


def test_default_command_builds(tmp_path):
    result = run_build("build", "--output", str(tmp_path / "out"), cwd=FIXTURES / "mini")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/index.html").is_file()
