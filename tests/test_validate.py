"""Bad input gets one clear Chinese line per problem, all at once, and nothing is written."""

import pytest
from conftest import FIXTURES, copy_project, run_build

MINI = FIXTURES / "mini"


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def check(project):
    result = run_build("check", cwd=project)
    return result.returncode, result.stderr.splitlines(), result.stdout


def write(project, relative, text, encoding="utf-8"):
    path = project / relative
    path.write_bytes(text.encode(encoding))
    return path


def edit(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_clean_fixture_passes(project):
    code, errors, out = check(project)
    assert code == 0, errors
    *warnings, note_heading, note, verdict = out.strip().splitlines()
    assert verdict == "检查通过：2 种诈骗类型，1 份凡是规则，1 个活动，没有发现问题。"
    # the fixture's editor note is shown to the editor, nowhere else
    assert [note_heading, note] == ["编辑备注（只给编辑看，网页、印刷品、课件和大屏上都没有）：",
                                    "  content/campaigns/class-meeting.md:19: editor_note: 测试用的编辑备注，不会印出来。"]
    # check shows the same warnings a build shows (here: the fixture's deck has slides without notes)
    built = run_build(cwd=project)
    assert warnings == built.stdout.strip().splitlines()[:-1] and len(warnings) == 4


def test_missing_field_and_unknown_key_reported_together(project):
    edit(project, "content/scams/shuadan.md", "summary: 先让你垫钱做任务，小额返利后骗走大钱。\n", "sumary: 先让你垫钱做任务。\n")
    code, errors, _ = check(project)
    assert code == 1
    assert errors == [
        "content/scams/shuadan.md:2: summary: 缺少必填字段（一句话概括）。请加上一行「summary: …」。",
        "content/scams/shuadan.md:6: sumary: 不认识这个字段。你是不是想写「summary」？",
        "共发现 2 个问题，本次没有生成任何文件（原来的网站保持不变）。",
    ]


def test_full_width_colon_gets_a_hint(project):
    edit(project, "content/scams/shuadan.md", "rank: 1", "rank：1")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/shuadan.md:5: rank: 用了全角冒号「：」。请把它改成半角冒号「:」，冒号后面再加一个空格（切换到英文输入法再输入）。"


def test_tab_indent_gets_a_hint(project):
    edit(project, "content/scams/shuadan.md", "signs:\n  - 要你先垫付", "signs:\n\t- 要你先垫付")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/shuadan.md:9: 行首用了 Tab 键缩进。YAML 只认空格：请把 Tab 换成两个空格。"


def test_key_written_twice(project):
    edit(project, "content/scams/shuadan.md", "rank: 1\n", "rank: 1\nrank: 3\n")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/shuadan.md:6: rank: 这个字段写了两遍（第一次在第 5 行）。请删掉其中一处，只保留一个。"


def test_yaml_syntax_error_names_the_line(project):
    edit(project, "content/scams/shuadan.md", "call: [110, 96110]", "call: [110, 96110")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0].startswith("content/scams/shuadan.md:")
    assert "YAML 格式有误" in errors[0]


def test_unknown_references_suggest_the_right_one(project):
    edit(project, "content/scams/shuadan.md", "call: [110, 96110]", "call: [110, 9611]")
    edit(project, "content/scams/shuadan.md", "audiences: [学生]", "audiences: [学牛, 老年人]")
    edit(project, "content/campaigns/class-meeting.md", "scams: [shuadan, fake-police]", "scams: [shuadan, fake-polise]")
    edit(project, "content/scams/fake-police.md", "rules: [ten]", "rules: [\"ten:9\"]")
    code, errors, _ = check(project)
    assert code == 1
    assert errors == [
        "content/campaigns/class-meeting.md:10: scams[2]: 找不到诈骗类型「fake-polise」（应在 content/scams/ 中）。你是不是想写「fake-police」？",
        "content/scams/fake-police.md:12: rules[1]: 「ten:9」的条目序号不对：ten 共有 2 条，请写 1 到 2 之间的数字。",
        "content/scams/shuadan.md:7: audiences[1]: 找不到人群「学牛」（应在 content/audiences.yaml 中）。你是不是想写「学生」？",
        "content/scams/shuadan.md:12: call[2]: 找不到举报渠道「9611」（应在 content/channels.yaml 或 config.yaml 的 local_channels 中）。你是不是想写「96110」？",
        "共发现 4 个问题，本次没有生成任何文件（原来的网站保持不变）。",
    ]


def test_unsafe_slug_refused(project):
    (project / "content/scams/shuadan.md").rename(project / "content/scams/Shua Dan.md")
    edit(project, "content/campaigns/class-meeting.md", "scams: [shuadan, fake-police]", "scams: [fake-police]")
    edit(project, "content/cases/case-one.md", "scams: [shuadan]", "scams: []")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/Shua Dan.md:1: slug: 文件名「Shua Dan」不能用作网页文件名：只能用小写英文字母、数字和连字符 -（例如 shua-dan），因为它会成为网页的文件名。 请改文件名，或加一行「slug: 英文名」。"


def test_slug_field_cannot_be_a_path(project):
    edit(project, "content/scams/fake-police.md", "category: 高发类型", "slug: ../../etc\ncategory: 高发类型")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/fake-police.md:3: slug: 「../../etc」不合适：只能用小写英文字母、数字和连字符 -（例如 shua-dan），因为它会成为网页的文件名。"


def test_duplicate_slug(project):
    text = (project / "content/scams/fake-police.md").read_text(encoding="utf-8")
    write(project, "content/scams/fake-police-copy.md", text.replace("category:", "slug: fake-police\ncategory:", 1))
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/fake-police.md:1: slug: 诈骗类型编号「fake-police」重复了：content/scams/fake-police-copy.md 已经用了它。请给其中一个换个名字。"


def test_bom_and_crlf_accepted(project):
    path = project / "content/scams/shuadan.md"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, errors, _ = check(project)
    assert code == 0, errors


def test_gbk_file_read_correctly_with_a_note(project):
    path = project / "content/scams/fake-police.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    code, errors, out = check(project)
    assert code == 0, errors
    assert "提示：content/scams/fake-police.md: 这个文件是 GBK（ANSI）编码，已按 GBK 正确读取。建议另存为 UTF-8，以免其他工具显示乱码。" in out
    result = run_build(cwd=project)
    assert result.returncode == 0
    assert "冒充公检法诈骗" in (project / "site/scams/fake-police.html").read_text(encoding="utf-8")


def test_unsafe_links_refused(project):
    path = project / "content/scams/fake-police.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[点我](javascript:alert(1))\n\n![图](https://cdn.example.com/x.png)\n", encoding="utf-8")
    code, errors, _ = check(project)
    assert code == 1
    assert errors == [
        "content/scams/fake-police.md:19: 正文: 链接「javascript:alert(1)」不安全：只允许 http、https、mailto、tel 开头的链接或相对链接。",
        "content/scams/fake-police.md:21: 正文: 图片「https://cdn.example.com/x.png」指向网站外面。网站要能离线使用，请把图片放进 content/ 并用相对路径。",
        "共发现 2 个问题，本次没有生成任何文件（原来的网站保持不变）。",
    ]


def test_raw_html_escaped_unless_allowed(project):
    assert run_build(cwd=project).returncode == 0
    page = (project / "site/scams/shuadan.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    edit(project, "config.yaml", "base_url:", "allow_html: true\nbase_url:")
    assert run_build(cwd=project).returncode == 0
    assert "<script>alert(1)</script>" in (project / "site/scams/shuadan.html").read_text(encoding="utf-8")


def test_wrong_types_named(project):
    edit(project, "content/scams/shuadan.md", "reviewed: 2026-11-01", "reviewed: 上个月")
    edit(project, "content/scams/shuadan.md", "rank: 1", "rank: 第一")
    edit(project, "content/scams/shuadan.md", "category: 高发类型", "category: 高发")
    code, errors, _ = check(project)
    assert code == 1
    assert errors == [
        "content/scams/shuadan.md:4: category: 只能是 常见手法、高发类型、专项治理 之一，现在是文字「高发」。你是不是想写「高发类型」？",
        "content/scams/shuadan.md:5: rank: 应当是一个整数（高发排名（1 最常见）），现在是文字「第一」。",
        "content/scams/shuadan.md:24: reviewed: 应当是日期，写成 2026-11-27 这样（年-月-日），现在是文字「上个月」。",
        "共发现 3 个问题，本次没有生成任何文件（原来的网站保持不变）。",
    ]


def test_no_traceback_for_broken_config(project):
    write(project, "config.yaml", "title: [unclosed\n")
    code, errors, _ = check(project)
    assert code == 1
    assert "Traceback" not in "\n".join(errors)
    assert errors[0].startswith("config.yaml:")


def test_quiz_answer_out_of_range(project):
    edit(project, "content/scams/shuadan.md", "    answer: 2", "    answer: 3")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/shuadan.md:18: quiz[1].answer: 正确选项是第 3 个，但只有 2 个选项。请改成 1 到 2 之间的数字。"


def test_impossible_date_is_explained_not_a_crash(project):
    edit(project, "content/scams/shuadan.md", "reviewed: 2026-11-01", "reviewed: 2026-02-30")
    code, errors, _ = check(project)
    assert code == 1
    assert errors[0] == "content/scams/shuadan.md:24: reviewed: 应当是日期，写成 2026-11-27 这样（年-月-日），现在是文字「2026-02-30」。"
