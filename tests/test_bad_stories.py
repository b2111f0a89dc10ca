"""A corpus of broken stories: each is rejected by `ruby-sparks check` with a precise `FILE:LINE:COL: ... [code]` line.

Every case is a copy of the mini story with exactly one thing broken. Most are committed folders under
`tests/data/bad_stories/`; the ones that would be awkward to commit (binary bytes, a 10 MB file, a symlink, a NUL
byte, a file that is not UTF-8) are made by the test in `tmp_path` from the mini story.

Each case goes through the real console script, as an author would run it. The expectations live in the table below
and not in the folders: the loader reads every `*.yaml` below a story folder.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import console_script

DATA = Path(__file__).parent / "data"
MINI = DATA / "stories" / "mini"
BAD = DATA / "bad_stories"

SECONDS = 2.0  # one loose bound on the processor time of each run of the checker


class Case(NamedTuple):
    file: str  # the file the diagnostic names (its name, relative to the story folder)
    line: int
    code: str | None  # None: any code (for a story the checker should refuse but has no code for)
    words: str = ""  # words the message must hold
    strict: bool = False  # run `check --strict` (the expected diagnostic is a warning)


# The committed cases: folder name -> what the checker must say.
COMMITTED: dict[str, Case] = {
    "01_yaml_unclosed_bracket": Case("lexicon.yaml", 8, "yaml-syntax", "did not find expected"),
    "02_tab_indent": Case("scenes.yaml", 21, "yaml-syntax", "tab"),
    "03_empty_manifest": Case("story.yaml", 1, "wrong-type", "must be a mapping, not nothing"),
    "04_top_level_list": Case("scenes.yaml", 1, "wrong-type", "must be a mapping, not a list"),
    "05_alias_bomb": Case("scenes.yaml", 1, "too-large", "alias bomb"),
    "06_nesting_200_deep": Case("scenes.yaml", 1, "too-deep", "more than 100 levels"),
    "07_duplicate_key": Case("story.yaml", 7, "duplicate-key", "duplicate key `author` (first at line 6)"),
    "08_unknown_key_did_you_mean": Case("story.yaml", 7, "unknown-key", "did you mean `content_note`"),
    "09_string_for_list": Case("scenes.yaml", 9, "wrong-type", "`choices` must be a list, not the string"),
    "10_number_for_title": Case("story.yaml", 3, "wrong-type", "must be a string, not the number 42"),
    "11_missing_start": Case("story.yaml", 1, "missing-key", "has no `start`"),
    "12_missing_scene_id": Case("scenes.yaml", 35, "missing-key", "a scene has no `id`"),
    "13_dangling_to": Case("scenes.yaml", 18, "unknown-target", "`nowhere_at_all`"),
    "14_unknown_scene_did_you_mean": Case("scenes.yaml", 11, "unknown-target", "did you mean `page`"),
    "15_undefined_variable_in_condition": Case("scenes.yaml", 13, "unknown-name", "unknown name `sworn`"),
    "16_bad_expression_syntax": Case("scenes.yaml", 13, "bad-expression", "unexpected '>'"),
    "17_call_in_effect": Case("scenes.yaml", 14, "bad-expression", "no function calls"),
    "18_attribute_access": Case("scenes.yaml", 13, "bad-expression", "no attribute access"),
    "19_unknown_interpolation": Case("scenes.yaml", 15, "unknown-name", "unknown name `nobody`"),
    "20_typewriter_without_fallback": Case("scenes.yaml", 34, "no-fallback", "last outcome"),
    "21_wrote_unknown_trait": Case("scenes.yaml", 25, "unknown-trait", "no trait `sings_opera`"),
    "22_duplicate_scene_across_files": Case("scenes.yaml", 35, "duplicate-id", "extra.yaml:2:9"),
    "23_default_out_of_range": Case("story.yaml", 12, "bad-default", "outside its range"),
    "24_unknown_variable_type": Case("story.yaml", 10, "bad-type", "did you mean `bool`"),
    "25_yes_as_boolean": Case("story.yaml", 10, "bad-default", "the string 'yes'"),
    # No way from the start to an ending is only a warning (unreachable-ending): it fails the check with --strict.
    "26_no_exit_cycle": Case("story.yaml", 25, "unreachable-ending", "`quiet`", strict=True),
    "27_merge_key": Case("story.yaml", 16, "yaml-syntax", "merge keys"),
    "28_python_tag": Case("story.yaml", 14, "yaml-syntax", "python/object"),
    "29_trait_clashes_with_variable": Case("lexicon.yaml", 8, "name-clash", "the trait `vow`"),
    "30_unknown_act": Case("scenes.yaml", 21, "unknown-act", "did you mean `two`"),
    "31_two_documents": Case("lexicon.yaml", 13, "yaml-syntax", "more than one YAML document"),
    "32_missing_story_id": Case("story.yaml", 1, "missing-key", "has no `id`"),
    "33_empty_choices": Case("scenes.yaml", 38, "empty-choices", "empty list of choices"),
    "34_typewriter_without_lexicon": Case("scenes.yaml", 22, "no-lexicon", "no lexicon"),
    "35_bad_template_brace": Case("story.yaml", 27, "bad-template", "lone `}`"),
    "36_number_for_scene_id": Case("scenes.yaml", 35, "wrong-type", "must be a string, not the number 7"),
    # The scenes `page` and `after` lead only to each other: once there, no ending can be reached. Nothing says so.
    "37_trap_cycle_without_exit": Case("scenes.yaml", 35, "no-exit", "no path leads to any ending"),
    "38_terminal_escape_in_text": Case("scenes.yaml", 7, "control-character", "U+001B"),
}

# Cases where the checker is wrong today: kept, and marked, so that a fix shows up as an XPASS failure.


# The generated cases: each breaks a fresh copy of the mini story in tmp_path.
def _binary_garbage(root: Path) -> None:
    (root / "garbage.yaml").write_bytes(bytes(range(255, 127, -1)) * 8)  # no NUL, not UTF-8


def _non_utf8(root: Path) -> None:
    path = root / "story.yaml"
    path.write_bytes(path.read_bytes().replace(b"author: Tests", b"author: Caf\xe9 Tests"))  # Latin-1 é


def _nul_byte(root: Path) -> None:
    path = root / "scenes.yaml"
    path.write_bytes(path.read_bytes().replace(b"title: The Page", b"title: The\x00Page"))


def _ten_megabytes(root: Path) -> None:
    (root / "huge.yaml").write_bytes(b"# padding\n" * 1_000_000)


def _utf16(root: Path) -> None:
    path = root / "scenes.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))  # as a Windows editor's "Unicode" saves it


def _scenes_too_large(root: Path) -> None:
    path = root / "scenes.yaml"
    path.write_bytes(path.read_bytes() + b"# padding\n" * 250_000)


def _emptied(root: Path) -> None:
    (root / "scenes.yaml").write_text("# the scenes go here\n\n")


def _symlink_outside(root: Path) -> None:
    secret = root.parent / "secret.yaml"
    secret.write_text("scenes: []\n")
    (root / "link.yaml").symlink_to(secret)


def _manifest_folder(root: Path) -> None:
    (root / "story.yaml").unlink()
    (root / "story.yaml").mkdir()


def _pipe(root: Path) -> None:
    os.mkfifo(root / "pipe.yaml")  # opening it for reading would wait for a writer that never comes


GENERATED: dict[str, tuple[Callable[[Path], None], Case]] = {
    "gen_binary_garbage": (_binary_garbage, Case("garbage.yaml", 1, "not-text", "not UTF-8")),
    "gen_non_utf8": (_non_utf8, Case("story.yaml", 6, "not-text", "not UTF-8")),
    "gen_nul_byte": (_nul_byte, Case("scenes.yaml", 20, "not-text", "NUL byte")),
    "gen_ten_megabytes": (_ten_megabytes, Case("huge.yaml", 1, "file-too-large", "10,000,000 bytes")),
    "gen_emptied": (_emptied, Case("scenes.yaml", 1, "empty-file", "nothing but blank lines and comments")),
    "gen_utf16": (_utf16, Case("scenes.yaml", 1, "not-text", "UTF-16")),
    "gen_scenes_too_large": (_scenes_too_large, Case("scenes.yaml", 1, "file-too-large", "bytes; story files")),
    "gen_symlink_outside": (_symlink_outside, Case("link.yaml", 1, "outside-folder", "outside the story folder")),
    "gen_pipe": (_pipe, Case("pipe.yaml", 1, "unreadable", "not a regular file")),
    "gen_manifest_folder": (_manifest_folder, Case("story.yaml", 1, "no-manifest", "is a folder")),
}

ALL = [*COMMITTED, *GENERATED]


def _params() -> list[object]:
    return [pytest.param(name, id=name) for name in ALL]


def _story(name: str, tmp_path: Path) -> tuple[Path, Case]:
    if name in COMMITTED:
        return BAD / name, COMMITTED[name]
    make, case = GENERATED[name]
    root = tmp_path / name
    shutil.copytree(MINI, root)
    make(root)
    return root, case


def _check(root: Path, case: Case, *extra: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """The check's result and the processor time it took: a bomb that was not stopped costs processor time on any
    machine, while the wall-clock time of a run also counts the other programs a busy CI machine is running."""
    args = [*console_script(), "check", str(root), *extra]
    if case.strict:
        args.append("--strict")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def test_the_corpus_is_all_in_the_table() -> None:
    folders = sorted(p.name for p in BAD.iterdir() if p.is_dir())
    assert folders == sorted(COMMITTED)
    assert len(ALL) >= 34
    for folder in folders:
        assert (BAD / folder / "story.yaml").is_file(), folder
        assert not any(p.is_symlink() for p in (BAD / folder).rglob("*")), folder


@pytest.mark.parametrize("name", _params())
def test_each_bad_story_is_rejected_precisely(name: str, tmp_path: Path) -> None:
    root, case = _story(name, tmp_path)
    result, seconds = _check(root, case)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    code = re.escape(case.code) if case.code else r"[a-z-]+"
    line = re.compile(rf"^(?:.*/)?{re.escape(case.file)}:{case.line}:\d+: (?:error|warning): (?P<message>.*) \[{code}\]$", re.M)
    found = line.search(result.stdout)
    assert found, f"expected {case.file}:{case.line}: ... [{case.code}] in:\n{output}"
    assert case.words in found["message"], found[0]
    assert seconds < SECONDS, f"the check took {seconds:.2f}s of processor time"


@pytest.mark.parametrize("name", ["gen_nul_byte", "gen_utf16", "gen_scenes_too_large"])
def test_a_scene_file_that_cannot_be_read_is_the_only_error(name: str, tmp_path: Path) -> None:
    """Its scenes are not then called unknown where other files go to them (docs/diagnostics.md: what only follows
    from an error is not reported)."""
    root, case = _story(name, tmp_path)
    result, _seconds = _check(root, case)
    assert result.stdout.count(": error: ") == 1 and ": warning: " not in result.stdout, result.stdout


@pytest.mark.parametrize("name", _params())
def test_each_bad_story_gives_valid_json(name: str, tmp_path: Path) -> None:
    root, case = _story(name, tmp_path)
    result, _seconds = _check(root, case, "--format", "json")
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert data["ok"] is False
    found = [
        d
        for d in data["diagnostics"]
        if Path(d["file"]).name == Path(case.file).name and d["line"] == case.line and case.code in (None, d["code"])
    ]
    assert found, data["diagnostics"]
    for diagnostic in data["diagnostics"]:
        assert set(diagnostic) == {"file", "line", "column", "severity", "code", "message"}


@pytest.mark.parametrize("name", ["27_merge_key", "gen_non_utf8"])
def test_a_manifest_that_exists_is_never_reported_missing(name: str, tmp_path: Path) -> None:
    root, case = _story(name, tmp_path)
    result, _seconds = _check(root, case)
    assert result.returncode == 1
    assert "[no-manifest]" not in result.stdout, result.stdout


def test_a_file_name_that_is_not_utf8_is_named_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "story"
    shutil.copytree(MINI, root)
    (root / os.fsdecode(b"x\xff.yaml")).write_text("endings:\n  - {id: q2, title: T}\n")
    text = subprocess.run([*console_script(), "check", str(root)], capture_output=True, text=True, timeout=60)
    assert text.returncode == 1 and "Traceback" not in text.stderr, text.stderr
    assert ".yaml:2:5: error: an ending has no `text`" in text.stdout
    as_json = subprocess.run([*console_script(), "check", str(root), "--format", "json"], capture_output=True, timeout=60)
    data = json.loads(as_json.stdout)
    assert [d["code"] for d in data["diagnostics"]] == ["missing-key"]


def test_an_empty_folder_name_is_a_usage_error_not_the_current_folder(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    for args in (["check", ""], ["play", "--plain", "--story", ""], ["page", "--story", "", "hello"], ["graph", ""]):
        result = subprocess.run([*console_script(), *args], capture_output=True, text=True, timeout=60, cwd=tmp_path, input="")
        assert result.returncode == 2 and "an empty folder name" in result.stderr, (args, result.stdout, result.stderr)


def test_a_file_name_with_a_line_break_stays_on_one_diagnostic_line(tmp_path: Path) -> None:
    root = tmp_path / "story"
    shutil.copytree(MINI, root)
    (root / "two\nlines.yaml").write_text("endings:\n  - {id: q2, title: T}\n")
    result = subprocess.run([*console_script(), "check", str(root)], capture_output=True, text=True, timeout=60)
    (line,) = [line for line in result.stdout.splitlines() if "missing-key" in line]
    assert "two\\nlines.yaml:2:5: error: an ending has no `text`" in line
