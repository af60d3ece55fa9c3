"""What the user typed is what is published (YAML 1.1 surprises), and every YAML mistake or attack
gets one Chinese line on the line of the mistake: never a traceback, never a hang."""

import pytest
from conftest import edit, refused_build, run_build


@pytest.fixture
def project(built_project):
    return built_project


def page(project, relative):
    return (project / "site" / relative).read_text(encoding="utf-8")


def test_text_fields_keep_exactly_what_was_typed(project):
    edit(project, "content/channels.yaml", '    number: "96110"', "    number: 01065123456")
    edit(project, "content/channels.yaml", "    when: 拿不准是不是诈骗", "    when: 9:30")
    edit(project, "content/rules/ten.yaml", "version: 测试版", "version: 1.10")
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", "  - yes\n  - 2024-05-18\n  - 0x1F")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    report = page(project, "report.html")
    assert "01065123456" in report and "148154158" not in report
    assert "9:30" in report and ">570<" not in report
    assert "（1.10）" in page(project, "rules.html")
    scam = page(project, "scams/shuadan.html")
    assert "<li>yes</li>" in scam and "<li>2024-05-18</li>" in scam and "<li>0x1F</li>" in scam


def test_references_keep_their_leading_zero(project):
    edit(project, "config.yaml", "  - id: local-test", "  - id: 0110")
    edit(project, "content/scams/shuadan.md", "call: [110, 96110]", "call: [110, 0110]")
    edit(project, "content/scams/fake-police.md", "local-test", "0110")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert "12345678" in page(project, "scams/shuadan.html")  # the local channel's number, found by "0110"


def test_numbers_yaml_would_read_in_another_base_are_refused(project):
    edit(project, "content/scams/shuadan.md", "rank: 1", "rank: 010")
    edit(project, "content/campaigns/class-meeting.md", "    minutes: 5", "    minutes: 1:30")
    assert refused_build(project) == [
        "content/campaigns/class-meeting.md:16: agenda[1].minutes: 应当是一个整数（分钟数），只写 0 到 9 的数字，现在是「1:30」。",
    ]  # rank 010 is ten, as typed (YAML 1.1 would make it 8)
    edit(project, "content/campaigns/class-meeting.md", "    minutes: 1:30", "    minutes: 5")
    assert run_build(cwd=project).returncode == 0


def test_a_binary_tag_is_refused_not_published_as_bytes(project):
    edit(project, "content/scams/shuadan.md", "summary: 先让你垫钱做任务，小额返利后骗走大钱。", "summary: !!binary 5Yi35Y2V")
    assert refused_build(project) == [
        "content/scams/shuadan.md:6: summary: 不能用 YAML 标记「!!binary」：网页上只能显示文字。请删掉「!!binary」，直接写要显示的内容。",
    ]


def test_text_after_a_hash_is_not_silently_dropped(project):
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", "  - 看到 #高薪兼职# 的广告")
    edit(project, "content/scams/shuadan.md", "aliases: [网络兼职]", "aliases: [网络兼职] #刷单")
    edit(project, "config.yaml", "title: 测试防诈网站", "title: #反诈#")
    dropped = "被 YAML 当成了注释，不会出现在网页上。如果它是内容的一部分，请用引号把整个值括起来（\"…\"）；如果是给自己看的说明，请把它单独写在上面一行。"
    assert refused_build(project) == [
        f"config.yaml:1: title: 「 #」后面的「#反诈#」{dropped}",
        "config.yaml:1: title: 还没有填写（网站名称）。这是必填项，请在「title:」后面写上内容。",
        f"content/scams/shuadan.md:3: aliases: 「 #」后面的「#刷单」{dropped}",
        f"content/scams/shuadan.md:9: signs[1]: 「 #」后面的「#高薪兼职# 的广告」{dropped}",
    ]


def test_quoted_hash_and_comment_lines_are_fine(project):
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", '  # 这是说明\n  - "看到 #高薪兼职# 的广告"')
    assert run_build(cwd=project).returncode == 0
    assert "看到 #高薪兼职# 的广告" in page(project, "scams/shuadan.html")


def test_full_width_colon_inside_a_value_is_text(project):
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", "  - QQ：12345\n  - 微信号：abc")
    result = run_build(cwd=project)
    assert result.returncode == 0, result.stderr
    assert "<li>QQ：12345</li>" in page(project, "scams/shuadan.html")


def test_a_full_width_colon_in_a_value_is_not_blamed_for_the_next_line(project):
    edit(project, "content/scams/shuadan.md", "  - 要你先垫付", "  - QQ：12345\n - 少了一个空格")
    assert refused_build(project) == [
        "content/scams/shuadan.md:10: YAML 格式有误：缩进没有对齐，或列表项前少了「- 」。请让同一层的行左边对齐（只用空格）。",
    ]


def test_full_width_colon_as_a_key_is_named_in_a_group(project):
    edit(project, "content/scams/shuadan.md", "  - title: 测试方案\n    publisher: 测试者\n    date: 2024-05-18", "  - title：测试方案")
    assert refused_build(project) == [
        "content/scams/shuadan.md:21: sources[1]: 应当是一组字段（出处），这里用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。",
    ]


@pytest.mark.parametrize("old, new, line, field, message", [
    ("rank: 1", "rank:\u30001", 5, "rank: ", "冒号后面是全角空格。YAML 只认半角空格：请删掉它，切换到英文输入法再打一个空格。"),
    ("rank: 1", "rank:\u00a01", 5, "rank: ", "冒号后面是从网页复制来的不换行空格（看起来和空格一样）。YAML 只认半角空格：请删掉它，切换到英文输入法再打一个空格。"),
    ("  - 要你先垫付", "\u3000\u3000- 要你先垫付", 9, "", "行首的缩进用了全角空格。YAML 只认半角空格：请删掉这一行开头的空白，切换到英文输入法再用空格键缩进。"),
    ("    publisher: 测试者", "\u00a0\u00a0\u00a0\u00a0publisher: 测试者", 22, "",
     "行首的缩进用了从网页复制来的不换行空格（看起来和空格一样）。YAML 只认半角空格：请删掉这一行开头的空白，切换到英文输入法再用空格键缩进。"),
    ("summary: 先让你垫钱做任务，小额返利后骗走大钱。", 'summary: "先让你垫钱做任务，小额返利后骗走大钱。', 6, "",
     "这一行的引号没有闭合：开头有引号，结尾却没有。请在值的末尾补上同样的引号（\" 或 '），或者把开头的引号删掉。"),
    ("  - 要你先垫付", "  - '要你先垫付", 9, "", "这一行的引号没有闭合：开头有引号，结尾却没有。请在值的末尾补上同样的引号（\" 或 '），或者把开头的引号删掉。"),
    ("call: [110, 96110]", "call: [110, 96110", 12, "",
     "YAML 格式有误：这一行的方括号 [ ] 或花括号 { } 没有成对。请检查它是不是在同一行里闭合了，各项之间是否用半角逗号「,」分开。"),
])
def test_line_numbers_point_at_the_mistake(project, old, new, line, field, message):
    edit(project, "content/scams/shuadan.md", old, new)
    assert refused_build(project) == [f"content/scams/shuadan.md:{line}: {field}{message}"]


def test_every_mistake_of_the_input_method_in_a_file_at_once(project):
    edit(project, "content/scams/shuadan.md", "rank: 1", "rank：1")
    edit(project, "content/scams/shuadan.md", "  - 立即停止转账", "\u3000\u3000- 立即停止转账")
    edit(project, "content/scams/shuadan.md", "reviewed: 2026-11-01", "reviewed：2026-11-01")
    assert refused_build(project) == [
        "content/scams/shuadan.md:5: rank: 用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。",
        "content/scams/shuadan.md:11: 行首的缩进用了全角空格。YAML 只认半角空格：请删掉这一行开头的空白，切换到英文输入法再用空格键缩进。",
        "content/scams/shuadan.md:24: reviewed: 用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。",
    ]


def test_an_alias_bomb_is_stopped_at_the_stated_limit(project):
    laughs = 'lol: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        laughs += f"lol{level}: &{level} [{', '.join([f'*{previous}'] * 9)}]\n"
    config = project / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8") + laughs, encoding="utf-8")
    assert refused_build(project) == [
        "config.yaml:19: 内容太多：用别名（&名字 和 *名字）展开后超过 100000 个值。请不要用别名层层引用，直接把内容写出来。",
    ]


def test_an_alias_to_itself_or_to_nothing_is_explained(project):
    edit(project, "content/scams/shuadan.md", "aliases: [网络兼职]", "aliases: &me [*me]")
    edit(project, "content/scams/fake-police.md", "category: 高发类型", "category: *typo")
    assert refused_build(project) == [
        "content/scams/fake-police.md:3: category: 「*typo」指向的「&typo」不存在（或者还没写完就用了它）。请检查拼写，或者直接把内容写在这里。",
        "content/scams/shuadan.md:3: aliases[1]: 「*me」指向的「&me」不存在（或者还没写完就用了它）。请检查拼写，或者直接把内容写在这里。",
    ]


def test_deep_nesting_is_refused_without_a_crash(project):
    mappings = "".join("  " * level + f"k{level}:\n" for level in range(1000)) + "  " * 1000 + "v\n"
    (project / "content/channels.yaml").write_text("channels:\n" + "".join("  " + line for line in mappings.splitlines(True)), encoding="utf-8")
    edit(project, "content/scams/shuadan.md", "aliases: [网络兼职]", "aliases: " + "[" * 10000 + "]" * 10000)
    edit(project, "content/scams/fake-police.md", "category: 高发类型", "category:\n  " + "- " * 10000 + "x")
    deep = "嵌套太深：超过 50 层。内容最多只需要四五层，请检查缩进或括号是不是写错了。"
    assert refused_build(project) == [
        f"content/channels.yaml:51: channels: {deep}",
        f"content/scams/fake-police.md:4: category: {deep}",
        f"content/scams/shuadan.md:3: aliases: {deep}",
    ]


def test_a_second_document_is_explained(project):
    (project / "content/rules/ten.yaml").write_text("---\ntitle: 新十个凡是\n---\nversion: 测试版\n", encoding="utf-8")
    assert refused_build(project)[0] == "content/rules/ten.yaml:3: 一个文件里只能写一份内容，这里又出现了一行 ---。请删掉这一行（Markdown 文件的头部只用开头和结尾两行 ---）。"


HOURS_MESSAGE = "不合适：开始和结束之间只能用半角减号「-」，冒号也要用半角「:」。请写成 11:30-13:30。"


@pytest.mark.parametrize("hours", ["11:30~13:30", "11:30～13:30", "11:30—13:30", "11:30至13:30", "11：30-13：30"])
def test_hours_with_the_wrong_dash_get_one_clear_line_in_playlists_and_config(project, hours):
    (project / "content/playlists").mkdir()
    (project / "content/playlists/hall.yaml").write_text(f'title: 大厅\nitems:\n  - report: true\n    hours: "{hours}"\n', encoding="utf-8")
    with open(project / "config.yaml", "a", encoding="utf-8") as config:
        config.write(f'kiosk:\n  night: "{hours}"\n')
    assert refused_build(project) == [
        f"config.yaml:15: kiosk.night: 「{hours}」{HOURS_MESSAGE}",
        f"content/playlists/hall.yaml:4: items[1].hours: 「{hours}」{HOURS_MESSAGE}",
    ]
