"""Every generated page passes the W3C Nu HTML checker (vnu.jar) with no error."""

import shutil
import subprocess

from conftest import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_w3c_checker_finds_no_error(shipped_site):
    assert VNU.exists(), "缺少 node_modules/vnu-jar：请先运行 npm ci"
    assert shutil.which("java"), "缺少 Java：W3C 检查器需要 default-jre-headless"
    pages = sorted(str(p) for p in shipped_site.rglob("*.html"))
    assert len(pages) > 40
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
                            capture_output=True, text=True)
    assert result.stderr.strip() == "" and result.returncode == 0, result.stderr[:3000]


def test_w3c_checker_is_really_checking(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><p><div></p></body></html>', encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and "error" in result.stderr
