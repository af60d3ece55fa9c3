"""`build.py new scam|campaign <slug>`: a file with every field, which check accepts once filled in."""

import re

import pytest
import yaml
from conftest import FIXTURES, copy_project, run_build

from fangzha.content import schema
from fangzha.scaffold import FIELD_NOTES

MINI = FIXTURES / "mini"

SOURCES = r"(sources:\n(?:\s+#.*\n))  - title:"  # the first source's title, under its comment
# What a user types into the required blanks (line as `new` writes it → line as filled in).
FILLS = {
    "scam": {
        "title:": "title: 虚假中奖诈骗",
        "category:": "category: 常见手法",
        "summary:": "summary: 说你中了大奖，先交“手续费”才能领奖。",
        "audiences: []": "audiences: [学生]",
        "signs:\n  -": "signs:\n  - 说你中奖，却要你先交钱",
        "steps:\n  -": "steps:\n  - 不交任何费用",
        "call: []": "call: [110]",
        SOURCES: r"\1  - title: 本校保卫处通知",
        "reviewed:": "reviewed: 2026-11-27",
    },
    "campaign": {
        "title:": "title: 我们班的防诈班会",
        "source:": "source: 本班自拟",
        "format:": "format: 主题班会",
        "audiences: []": "audiences: [学生]",
        "scams: []": "scams: [shuadan]",
        SOURCES: r"\1  - title: 本班自拟方案",
        "reviewed:": "reviewed: 2026-11-27",
    },
}
REQUIRED = {kind: [key.split(":")[0].strip(" -(") for key in fills] for kind, fills in FILLS.items()}
FOLDERS = {"scam": ("scams", schema.SCAM), "campaign": ("campaigns", schema.CAMPAIGN)}


@pytest.fixture
def project(tmp_path):
    return copy_project(MINI, tmp_path / "project")


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def declared_paths(fields, prefix=""):
    """Every field path of a schema, nested groups included."""
    for name, spec in fields.items():
        yield prefix + name
        inner = spec.item if isinstance(spec, schema.List) else spec
        if isinstance(inner, schema.Group):
            yield from declared_paths(inner.fields, prefix + name + ".")


def written_paths(mapping, prefix=""):
    for name, value in mapping.items():
        yield prefix + name
        inner = value[0] if isinstance(value, list) and value and isinstance(value[0], dict) else value
        if isinstance(inner, dict):
            yield from written_paths(inner, prefix + name + ".")


@pytest.mark.parametrize("kind", ["scam", "campaign"])
def test_new_file_has_every_field_with_a_comment(project, kind):
    folder, fields = FOLDERS[kind]
    result = run_build("new", kind, "my-new", cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / f"content/{folder}/my-new.md"
    assert result.stdout.splitlines()[0] == f"已新建 content/{folder}/my-new.md。请打开它，按每个字段上面的说明填写。"
    assert result.stdout.splitlines()[1] == f"还需要填写的必填项：{'、'.join(REQUIRED[kind])}。"
    assert list(written_paths(front_matter(path))) == list(declared_paths(fields))
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^\s*(- )?[a-z_]+:", line):
            assert lines[number - 1].lstrip().startswith("# "), f"no comment above: {line}"
            assert re.search("[\u4e00-\u9fff]", lines[number - 1])


@pytest.mark.parametrize("kind", ["scam", "campaign"])
def test_check_names_only_the_fields_to_fill_in_then_accepts_them(project, kind):
    folder, _ = FOLDERS[kind]
    run_build("new", kind, "my-new", cwd=project)
    path = project / f"content/{folder}/my-new.md"
    result = run_build("check", cwd=project)
    assert result.returncode == 1
    problems = result.stderr.splitlines()[:-1]
    assert [re.match(r"[^:]+:\d+: ([a-z_]+): ", line).group(1) for line in problems] == REQUIRED[kind]
    assert all(line.startswith(f"content/{folder}/my-new.md:") and ": 还没有填写（" in line and "这是必填项" in line
               for line in problems)
    assert result.stderr.splitlines()[-1] == f"共发现 {len(REQUIRED[kind])} 个问题，本次没有生成任何文件（原来的网站保持不变）。"

    text = path.read_text(encoding="utf-8")
    for blank, filled in FILLS[kind].items():
        pattern = blank if blank == SOURCES else re.escape(blank)
        text, count = re.subn(rf"^{pattern}$", filled, text, count=1, flags=re.M)
        assert count == 1, blank
    path.write_text(text, encoding="utf-8")
    result = run_build("check", cwd=project)
    assert result.returncode == 0, result.stderr
    result = run_build("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / f"site/{folder}/my-new.html").is_file()


def test_exact_messages_for_one_required_field(project):
    run_build("new", "scam", "my-new", cwd=project)
    errors = run_build("check", cwd=project).stderr.splitlines()
    assert errors[0] == "content/scams/my-new.md:6: title: 还没有填写（诈骗类型名称）。这是必填项，请在「title:」后面写上内容。"
    assert "content/scams/my-new.md:13: category: 还没有填写（分类）。这是必填项，请在「category:」后面写上内容。可以写：常见手法、高发类型、专项治理。" in errors


def test_comments_list_what_references_may_name(project):
    run_build("new", "scam", "my-new", cwd=project)
    text = (project / "content/scams/my-new.md").read_text(encoding="utf-8")
    assert "# 该打的电话：必填；写成 [甲, 乙]，可以写：110、96110" in text
    assert "可以写：fake-police、shuadan（content/scams/ 里的文件名）" not in text  # scams list is for campaigns
    run_build("new", "campaign", "my-new", cwd=project)
    text = (project / "content/campaigns/my-new.md").read_text(encoding="utf-8")
    assert "可以写：fake-police、my-new、shuadan（content/scams/ 里的文件名）" in text


def test_existing_slug_is_refused(project):
    before = (project / "content/scams/shuadan.md").read_bytes()
    result = run_build("new", "scam", "shuadan", cwd=project)
    assert result.returncode == 1
    assert result.stderr == "content/scams/shuadan.md 已经存在，没有覆盖它。请换一个名字，或直接打开那个文件修改。\n"
    assert (project / "content/scams/shuadan.md").read_bytes() == before


def test_slug_used_inside_another_file_is_refused(project):
    path = project / "content/scams/shuadan.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "slug: shua-dan\ntitle: ", 1), encoding="utf-8")
    result = run_build("new", "scam", "shua-dan", cwd=project)
    assert result.returncode == 1
    assert result.stderr == "已经有一个诈骗类型用了「shua-dan」这个名字（写在某个文件的 slug 里）。请换一个名字。\n"
    assert not (project / "content/scams/shua-dan.md").exists()


@pytest.mark.parametrize("slug", ["../evil", "Shua", "刷单", "a b", "a--b", "a-"])
def test_unsafe_slug_is_refused(project, slug):
    result = run_build("new", "campaign", slug, cwd=project)
    assert result.returncode == 1
    assert result.stderr == f"「{slug}」不能用作文件名：只能用小写英文字母、数字和连字符 -（例如 shua-dan），因为它会成为网页的文件名。\n"
    assert sorted(p.name for p in (project / "content/campaigns").iterdir()) == ["class-meeting.md"]
    assert not (project / "evil.md").exists() and not (project / "content/evil.md").exists()


def test_unknown_kind_is_a_usage_error(project):
    result = run_build("new", "poster", "x", cwd=project)
    assert result.returncode == 2
    assert "只能新建 scam（诈骗类型）或 campaign（宣传活动），你写的是「poster」" in result.stderr


def test_field_notes_name_real_fields():
    paths = set(declared_paths(schema.SCAM)) | set(declared_paths(schema.CAMPAIGN))
    assert set(FIELD_NOTES) <= paths
