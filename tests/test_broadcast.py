"""Broadcast scripts (broadcast/<campaign>.txt): readable aloud, numbers as spoken, two lengths."""

import json
import re

import pytest
from conftest import FIXTURES, copy_project, edit_front_matter, run_build

from fangzha.outputs.broadcast.spoken import cardinal, characters, sentences, spoken

KEY = "钱已经转出去了，马上打幺幺零报警。"


def versions(text):
    """{version name: its lines} of a script."""
    found, current = {}, None
    for line in text.splitlines():
        heading = re.match(r"【(.+)】（约(.+)字，读完约(.+)秒）$", line)
        if heading:
            current = found.setdefault(heading.group(1), [])
        elif current is not None and line:
            current.append(line)
    return found


def scripts(site):
    return {p.stem: p.read_bytes() for p in sorted((site / "broadcast").glob("*.txt"))}


@pytest.mark.parametrize("written, said", [
    ("拨打 110 报警", "拨打幺幺零报警"), ("96110", "九六幺幺零"), ("收到 12381 短信", "收到幺二三八幺短信"),
    ("88501037", "八八五零幺零三七"), ("区民政局 24 小时举报电话", "区民政局二十四小时举报电话"),
    ("被骗 8000 元", "被骗八千元"), ("返回 105%", "返回百分之一百零五"), ("占 62.1%", "占百分之六十二点一"),
    ("2021 年 7 月 14 日起", "二零二一年七月十四日起"), ("2024-05-18", "二零二四年五月十八日"),
    ("200 元至 20 万元", "二百元至二十万元"), ("18–40 岁", "十八到四十岁"), ("电话 010-0000000", "电话零幺零，零零零零零零零"),
    ("s1103 教室", "s幺幺零三教室"), ("20xx年", "20xx年"), ("2,746 名学生", "二千七百四十六名学生"),
    ("超过 6 倍", "超过六倍"), ("国家反诈中心 App 里", "国家反诈中心App里"),
])
def test_numbers_are_written_as_they_are_read(written, said):
    assert spoken(written) == said


def test_quantities():
    assert [cardinal(n) for n in (0, 10, 12, 20, 105, 110, 1001, 10010, 15000, 100005, 123456789)] == [
        "零", "十", "十二", "二十", "一百零五", "一百一十", "一千零一", "一万零一十", "一万五千", "十万零五",
        "一亿二千三百四十五万六千七百八十九"]


def test_long_sentences_are_split_at_their_commas():
    assert sentences("请大家记住：") == ["请大家记住："]
    assert sentences("养老机构以优惠为名一次性收取大额预付费，资金可能被挪用甚至卷走，一旦经营不下去，老人的钱就很难追回；先查一查") == [
        "养老机构以优惠为名一次性收取大额预付费。", "资金可能被挪用甚至卷走，一旦经营不下去。", "老人的钱就很难追回。", "先查一查。"]


def test_every_campaign_has_a_script_that_reads_aloud(shipped_site):
    found = scripts(shipped_site)
    assert sorted(found) == sorted(p.stem for p in (shipped_site / "campaigns").glob("*.html") if p.stem != "index")
    for name, data in found.items():
        assert data.startswith("\ufeff".encode("utf-8")), name  # Notepad and browsers then read it as UTF-8
        text = data.decode("utf-8-sig")
        assert not re.search(r"[0-9]", text), (name, re.findall(r".{0,8}[0-9]+.{0,8}", text)[:3])
        assert "幺幺零" in text and "九六幺幺零" in text
        parts = versions(text)
        assert list(parts) == ["一分钟版", "三分钟版"]
        short, long = parts["一分钟版"], parts["三分钟版"]
        assert characters(short) <= 60 * 4 < characters(long) <= 180 * 4, name  # about four characters a second
        assert short.count(KEY) == 2 and long.count(KEY) == 3, name  # the key warning, said again
        assert all(len(line) <= 40 for line in short + long), name


def test_header_states_length_and_reading_speed(shipped_site):
    text = (shipped_site / "broadcast/elderly-care.txt").read_text(encoding="utf-8-sig")
    assert "时长按每秒约四个字估算" in text
    short = versions(text)["一分钟版"]
    heading = next(line for line in text.splitlines() if line.startswith("【一分钟版】"))
    assert heading == f"【一分钟版】（约{cardinal(characters(short))}字，读完约{cardinal(round(characters(short) / 4))}秒）"
    assert "八八五零幺零三七" not in text  # the shipped 区民政局 number is the seed's example: withheld


def test_the_local_contact_is_in_both_versions(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit_front_matter(project / "content/campaigns/class-meeting.md", lambda data: data.update(channels=["110", "96110", "local-test"]))
    assert run_build(cwd=project).returncode == 0
    text = (project / "site/broadcast/class-meeting.txt").read_text(encoding="utf-8-sig")
    for lines in versions(text).values():
        assert "测试本地电话，电话幺二三四五六七八。" in lines  # the campaign's local line from config.yaml
        assert "有问题，请联系测试居委会，电话零幺零，零零零零零零零。" in lines  # config.yaml's contact


def test_scripts_are_in_the_kit_and_the_manifest(shipped_site):
    rows = {r["path"]: r for r in json.loads((shipped_site / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert rows["broadcast/elderly-care.txt"] == {"path": "broadcast/elderly-care.txt", "family": "broadcast",
                                                   "kind": "broadcast-script", "campaign": "elderly-care"}
    page = (shipped_site / "campaigns/elderly-care.html").read_text(encoding="utf-8")
    assert '<a href="../broadcast/elderly-care.txt">广播稿</a>' in page


def test_plain_text_is_not_escaped(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit_front_matter(project / "content/campaigns/class-meeting.md", lambda data: data.update(slogan="不信&不转<账户>"))
    assert run_build(cwd=project).returncode == 0
    assert "不信&不转<账户>！" in (project / "site/broadcast/class-meeting.txt").read_text(encoding="utf-8-sig")
    assert "不信&amp;不转&lt;账户&gt;" in (project / "site/campaigns/class-meeting.html").read_text(encoding="utf-8")


def test_a_script_too_long_for_its_minute_is_pointed_out(tmp_path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    edit_front_matter(project / "content/campaigns/class-meeting.md", lambda data: data.update(organiser="测试" * 60))
    result = run_build(cwd=project)
    assert result.returncode == 0
    assert re.search(r"^提示：content/campaigns/class-meeting\.md: broadcast/class-meeting\.txt 的一分钟版读完约 \d+ 秒，"
                     r"超过了 1 分钟。请缩短主办单位（organiser）、口号（slogan）或 config\.yaml 里本地电话的名称。$", result.stdout, re.M)
