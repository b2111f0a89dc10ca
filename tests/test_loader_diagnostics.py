"""One test per diagnostic: a small break in a good story gives exactly that diagnostic, at the right place.

Each case edits one file of the mini story; the expected line is the line of the edit's `marker` in the edited file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.authoring.checks import check_story
from game.story.loader import load_story

CASES = [
    # (file, old, new, marker, code, words)
    ("story.yaml", "format: 1", "format: 3", "format: 3", "bad-format", "format 3 is not supported"),
    ("story.yaml", "start: desk", "start: dsk", "start: dsk", "unknown-target", "did you mean `desk`"),
    ("story.yaml", "start: desk", "start: quiet", "start: quiet", "unknown-target", "is an ending"),
    ("story.yaml", "title: A Small Story", "titel: A Small Story", "titel:", "unknown-key", "did you mean `title`"),
    ("story.yaml", "title: A Small Story\n", "", "format: 1", "missing-key", "has no `title`"),
    ("story.yaml", 'version: "1.0"', "version: 1.0", "version: 1.0", "wrong-type", "must be a string"),
    ("story.yaml", "id: mini", "id: Mini Story", "id: Mini", "bad-id", "story id"),
    ("story.yaml", "type: int, default: 1", "type: integer, default: 1", "type: integer", "bad-type", "did you mean `int`"),
    ("story.yaml", "default: 1, min: 0", "default: 9, min: 0", "default: 9", "bad-default", "outside its range"),
    ("story.yaml", "default: english", "default: german", "default: german", "bad-default", "not one of its values"),
    (
        "story.yaml",
        "vow: {type: bool, default: false}",
        "vow: {type: bool, default: no}",
        "default: no",
        "bad-default",
        "the string 'no'",
    ),
    ("story.yaml", "min: 0, max: 5", "min: 6, max: 5", "min: 6", "bad-range", "below `min`"),
    ("story.yaml", "default: 0.5, min: 0", "default: 1" + "0" * 400 + ", min: 0", "default: 1000", "bad-default", "too large"),
    ("story.yaml", "default: 0.5, min: 0", "default: -.inf, min: 0", "default: -.inf", "bad-default", "too large"),
    ("story.yaml", "min: 0, max: 5", "min: 0, max: .inf", "max: .inf", "bad-range", "stay within ±9,007,199,254,740,992"),
    ("scenes.yaml", '"trust += 10"', '"trust += 99999999999999999999"', "trust += 9999", "bad-expression", "too large"),
    ("story.yaml", "pronoun: she}", "pronoun: it}", "pronoun: it", "bad-pronoun", "she, he or they"),
    (
        "story.yaml",
        'text: "Trust was {trust}. The end."',
        'text: "Trust was {trsut}."',
        "{trsut}",
        "unknown-name",
        "did you mean `trust`",
    ),
    (
        "story.yaml",
        'text: "Trust was {trust}. The end."',
        'text: "Trust was {trust."',
        "{trust.",
        "bad-template",
        "`{` is not closed",
    ),
    ("story.yaml", 'if: "happy > 0"', 'if: "hapy > 0"', "hapy", "unknown-name", "did you mean `happy`"),
    ("story.yaml", "id: one, title", "id: two, title", '{id: two, title: "Act Two"}', "duplicate-id", "declared twice"),
    (
        "story.yaml",
        "  vow: {type: bool, default: false}\n",
        "  vow: {type: bool, default: false}\n  unused: {type: int, default: 0}\n",
        "unused:",
        "unused-variable",
        "never used",
    ),
    (
        "story.yaml",
        "  vow: {type: bool, default: false}\n",
        "  vow: {type: bool, default: false}\n  turn: {type: int, default: 0}\n",
        "turn:",
        "name-clash",
        "built-in",
    ),
    ("scenes.yaml", "    act: one\n", "    act: three\n", "act: three", "unknown-act", "no act has the id `three`"),
    ("scenes.yaml", "  - id: after", "  - id: desk", "- id: desk\n    title: After", "duplicate-id", "used twice"),
    ("scenes.yaml", "        to: page\n", "        to: pgae\n", "to: pgae", "unknown-target", "did you mean `page`"),
    ("scenes.yaml", "      - label: Give up\n", "      - lable: Give up\n", "lable:", "unknown-key", "did you mean `label`"),
    ("scenes.yaml", '        if: "not vow"', '        if: "not vow and"', "not vow and", "bad-expression", "ends too soon"),
    ("scenes.yaml", '        if: "not vow"', '        if: "trust"', 'if: "trust"', "bad-expression", "must be true or false"),
    ("scenes.yaml", '        if: "not vow"', '        if: "not vw"', "not vw", "unknown-name", "did you mean `vow`"),
    ("scenes.yaml", '"vow = true"', '"vow = 1"', "vow = 1", "bad-expression", "cannot put a number into the bool"),
    ("scenes.yaml", '"vow = true"', '"turn = 1"', "turn = 1", "read-only", "cannot be assigned"),
    ("scenes.yaml", '"vow = true"', '"vow == true"', "vow == true", "bad-expression", "`==` compares"),
    ("scenes.yaml", '"vow = true"', "\"__import__('os') = 1\"", "__import__", "bad-expression", "expected `=`"),
    (
        "scenes.yaml",
        "        - wrote: speaks_french\n",
        "        - wrote: speaks_frnch\n",
        "speaks_frnch",
        "unknown-trait",
        "did you mean `speaks_french`",
    ),
    (
        "scenes.yaml",
        "        - to: after\n",
        '        - if: "vow"\n          to: after\n',
        '- if: "vow"',
        "no-fallback",
        "last outcome",
    ),
    (
        "scenes.yaml",
        "    act: two\n",
        "    act: two\n    choices: [{label: x, to: desk}]\n",
        "    typewriter:",
        "choices-and-typewriter",
        "both",
    ),
    (
        "scenes.yaml",
        '      - {if: "vow", text: "You promised."}',
        '      - {if: "vow"}',
        '{if: "vow"}',
        "missing-key",
        "either `text` or `one_of`",
    ),
    (
        "scenes.yaml",
        "  - id: after\n    title: After\n",
        "  - id: after\n    title: After\n    title: Again\n",
        "title: Again",
        "duplicate-key",
        "duplicate key `title`",
    ),
    ("scenes.yaml", "    title: The Page\n", "    title: The Page\n\ttext: x\n", "\ttext", "yaml-syntax", "tab"),
    (
        "scenes.yaml",
        "        to: quiet\n",
        "        to: quiet\n  - id: orphan\n    choices: [{label: x, to: quiet}]\n",
        "- id: orphan",
        "unreachable-scene",
        "orphan",
    ),
    ("scenes.yaml", "        to: quiet\n", "        to: quiet\n  - id: orphan\n", "- id: orphan", "dead-end", "no choices"),
    ("lexicon.yaml", "subject: ruby", "subject: rubi", "subject: rubi", "unknown-character", "did you mean `ruby`"),
    ("lexicon.yaml", "    - id: happy\n", "    - id: vow\n", "- id: vow", "name-clash", "name of the variable `vow`"),
    ("lexicon.yaml", "      phrases: [speaks french]\n", "", "- id: speaks_french", "missing-key", "has no words"),
]


def _edit(root: Path, file: str, old: str, new: str) -> str:
    path = root / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    edited = text.replace(old, new, 1)
    path.write_text(edited)
    return edited


@pytest.mark.parametrize(("file", "old", "new", "marker", "code", "words"), CASES, ids=[f"{c[4]}:{c[3][:20]}" for c in CASES])
def test_each_diagnostic(story_copy: Path, file: str, old: str, new: str, marker: str, code: str, words: str) -> None:
    edited = _edit(story_copy, file, old, new)
    line = edited[: edited.index(marker)].count("\n") + 1 + marker[: len(marker) - len(marker.lstrip("\n"))].count("\n")
    _story, diagnostics = check_story(story_copy)
    matching = [d for d in diagnostics.items if d.code == code]
    assert matching, f"expected {code}, got {[str(d) for d in diagnostics.items]}"
    found = matching[0]
    assert Path(found.file).name == file
    assert found.line == line, str(found)
    assert words in found.message


def test_the_good_story_has_no_diagnostics(story_copy: Path) -> None:
    _story, diagnostics = check_story(story_copy)
    assert diagnostics.items == []


def test_all_errors_are_reported_at_once(story_copy: Path) -> None:
    _edit(story_copy, "story.yaml", "start: desk", "start: nowhere")
    _edit(story_copy, "scenes.yaml", "        to: page\n", "        to: pgae\n")
    _edit(story_copy, "lexicon.yaml", "subject: ruby", "subject: rubi")
    _story, diagnostics = check_story(story_copy)
    assert {d.code for d in diagnostics.errors} >= {"unknown-target", "unknown-character"}
    assert len(diagnostics.errors) >= 3


def test_yaml_booleans_of_yaml_1_1_are_strings(story_copy: Path) -> None:
    _edit(story_copy, "scenes.yaml", "      - label: Give up\n", "      - label: no\n")
    story, diagnostics = check_story(story_copy)
    assert story is not None, [str(d) for d in diagnostics.items]
    assert story.scenes["desk"].choices[2].label.source == "no"


def test_no_manifest(tmp_path: Path) -> None:
    (tmp_path / "scenes.yaml").write_text("scenes: []\n")
    _story, diagnostics = check_story(tmp_path)
    assert [d.code for d in diagnostics.errors] == ["no-manifest"]


def test_a_link_outside_the_folder_is_refused(story_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("scenes: []\n")
    (story_copy / "link.yaml").symlink_to(secret)
    _story, diagnostics = check_story(story_copy)
    assert [d.code for d in diagnostics.errors] == ["outside-folder"]


def test_outline_beats(story_copy: Path) -> None:
    (story_copy / "outline.yaml").write_text("beats:\n  - {id: start, act: one}\n  - {id: middle, act: two}\n")
    _edit(story_copy, "scenes.yaml", "    act: one\n", "    act: one\n    beat: strat\n")
    _story, diagnostics = check_story(story_copy)
    found = sorted((Path(d.file).name, d.line, d.code) for d in diagnostics.items)
    assert found == [
        ("outline.yaml", 2, "uncovered-beat"),
        ("outline.yaml", 3, "uncovered-beat"),
        ("scenes.yaml", 2, "unknown-beat"),
    ]
    unknown = next(d for d in diagnostics.items if d.code == "unknown-beat")
    assert "did you mean `start`" in unknown.message


def test_json_output_through_the_console_script(story_copy: Path) -> None:
    import subprocess
    import sys

    _edit(story_copy, "story.yaml", "start: desk", "start: dsk")
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", str(story_copy), "--format", "json"], capture_output=True, text=True
    )
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 1
    diagnostic = data["diagnostics"][0]
    assert set(diagnostic) == {"file", "line", "column", "severity", "code", "message"}
    assert (diagnostic["line"], diagnostic["code"]) == (5, "unknown-target")


def test_a_number_too_long_to_read_is_a_message(story_copy: Path) -> None:
    """Found by the fuzzer: PyYAML raises ValueError for an integer of more than 4,300 digits."""
    (story_copy / "story.yaml").write_text("9" * 5000 + "\n")
    story, diagnostics = load_story(story_copy)
    assert story is None
    assert any(d.code == "wrong-type" and "too long" in d.message and d.line == 1 for d in diagnostics.items)


def test_a_key_that_is_not_a_string_is_described_in_words(tmp_path: Path) -> None:
    (tmp_path / "story.yaml").write_text("format: 1\n? [" + ", ".join(["a"] * 50_000) + "]\n: c\n")
    _story, diagnostics = load_story(tmp_path)
    (problem,) = [d for d in diagnostics.items if d.code == "wrong-type"]
    assert problem.message == "a key must be a string, not a list" and (problem.line, problem.column) == (2, 3)
