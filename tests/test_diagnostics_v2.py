"""The checker's second edition: the root cause first and nothing that only follows from it, YAML errors in plain
words with the fix, and the mistakes a loaded story can still hold (a value a variable can never take, a condition
that can never hold, one phrase in two traits).

Each case edits a copy of the mini story (tests/data/stories/mini) the way an author would get it wrong.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from game.authoring.checks import check_story
from game.story.diagnostics import Diagnostic
from tests.conftest import console_script


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))


def checked(root: Path) -> list[Diagnostic]:
    _story, diagnostics = check_story(root)
    return diagnostics.sorted()


def test_a_manifest_whose_endings_are_nothing_loads(story_copy: Path) -> None:
    """`endings:` with its entries commented out (or not written yet) is no list, and no mistake either."""
    manifest = (story_copy / "story.yaml").read_text()
    head, endings = manifest.split("endings:\n")
    (story_copy / "story.yaml").write_text(head + "endings:\n" + "".join(f"#{line}\n" for line in endings.splitlines()))
    (story_copy / "endings.yaml").write_text("endings:\n" + endings)
    edit(story_copy, "story.yaml", "acts:\n", "acts:\n#")
    edit(story_copy, "scenes.yaml", "    act: one\n", "")
    edit(story_copy, "scenes.yaml", "    act: two\n", "")
    assert checked(story_copy) == []


def test_a_file_that_is_not_yaml_is_the_only_error_not_the_first_of_many(story_copy: Path) -> None:
    """The scene `after` moved to its own file, with one line indented wrong: the scenes that lead to it and the
    variables only it reads would otherwise be "no scene" errors and "never used" warnings."""
    scenes = (story_copy / "scenes.yaml").read_text()
    before, after = scenes.split("  - id: after\n")
    (story_copy / "scenes.yaml").write_text(before)
    broken = "scenes:\n  - id: after\n" + after.replace("    choices:", "   choices:")
    (story_copy / "after.yaml").write_text(broken)
    found = checked(story_copy)
    assert [(Path(d.file).name, d.code) for d in found] == [("after.yaml", "yaml-syntax")]
    assert "indented differently from the keys above it" in found[0].message


def test_the_root_cause_is_listed_first(story_copy: Path) -> None:
    (story_copy / "zz_broken.yaml").write_text("scenes:\n  - id: x\n   to: y\n")
    edit(story_copy, "scenes.yaml", "to: page", "to: pgae")
    codes = [d.code for d in checked(story_copy)]
    assert codes[0] == "yaml-syntax" and "unknown-target" in codes[1:]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("trust: {type: int, default: 1,", 'trust: {type: int, default: "high",', "bad-default"),
        ("trust: {type: int, default: 1,", "trust: {type: int, default: 99999999999999999999,", "bad-default"),
        ("trust: {type: int,", "trust: {type: integer,", "bad-type"),
        ("trust: {type: int, default: 1,", "trust: {type: int,", "missing-key"),
    ],
)
def test_a_bad_declaration_is_one_error_not_one_per_use(story_copy: Path, old: str, new: str, code: str) -> None:
    """`trust` is read and written in six places: a mistake in its declaration is reported once, where it is."""
    edit(story_copy, "story.yaml", old, new)
    found = checked(story_copy)
    assert [(Path(d.file).name, d.code) for d in found] == [("story.yaml", code)], [str(d) for d in found]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("title: The Desk", "title: Calvin says: write", "a text containing `: ` must be quoted, or written as a block with `|`"),
        (
            'text: "Language: {language}. Warmth: {warmth}."',
            "text: {language} is spoken",
            "a text that starts with `{` must be quoted",
        ),
        ("label: Give up", "label: 'it's over'", "a text that starts with a quote must end with it"),
        ("label: Give up", "label: @home", "a text cannot start with `@` in YAML: put it in quotes"),
        ("label: Give up", "label: Give up\n         to: quiet", "this key is indented more than the key above it"),
    ],
)
def test_yaml_errors_are_said_in_plain_words_with_the_fix(story_copy: Path, old: str, new: str, words: str) -> None:
    edit(story_copy, "scenes.yaml", old, new)
    (found,) = checked(story_copy)
    assert found.code == "yaml-syntax" and words in found.message and "(YAML: " in found.message


def test_an_equals_sign_in_a_condition_suggests_two(story_copy: Path) -> None:
    edit(story_copy, "scenes.yaml", 'if: "not vow"', 'if: "vow = false"')
    (found,) = checked(story_copy)
    assert found.code == "bad-expression" and "to compare, write `==`" in found.message
    line = (story_copy / "scenes.yaml").read_text().splitlines()[found.line - 1]
    assert line[found.column - 1] == "="


def test_a_lone_brace_is_shown_in_the_excerpt_and_pointed_at(story_copy: Path) -> None:
    long_text = "You promise, and you mean it, every word of it, more than anything you have written in years { or since."
    edit(story_copy, "scenes.yaml", "text: You promise. Trust is {trust}.", f"text: {long_text}")
    (found,) = checked(story_copy)
    assert found.code == "bad-template" and "`{` is not closed" in found.message
    assert "years { or since." in found.message
    line = (story_copy / "scenes.yaml").read_text().splitlines()[found.line - 1]
    assert line[found.column - 1] == "{"


def test_a_value_outside_a_variables_values_is_an_error(story_copy: Path) -> None:
    edit(story_copy, "scenes.yaml", "language = 'french'", "language = 'frnech'")
    (found,) = checked(story_copy)
    assert found.code == "bad-value" and found.severity == "error"
    assert found.message == "`frnech` is not one of the values of `language` (english, french) (did you mean `french`?)"


@pytest.mark.parametrize(
    ("condition", "why"),
    [
        ("trust > 5", "`trust` is never above 5"),
        ("trust < 0", "`trust` is never below 0"),
        ("trust == 2.5", "`trust` is a whole number"),
        ("happy > 3 and not vow", "`happy` is never above 3"),
        ("language == 'german'", "`language` is never `german`: its values are english, french"),
        ("warmth >= 1.5 or warmth < -1", "`warmth` is never above 1"),
    ],
)
def test_a_condition_that_can_never_hold_is_a_warning(story_copy: Path, condition: str, why: str) -> None:
    edit(story_copy, "scenes.yaml", 'if: "not vow"', f'if: "{condition}"')
    (found,) = checked(story_copy)
    assert (found.code, found.severity) == ("never-holds", "warning")
    assert found.message == f"`{condition}` can never hold: {why}"


@pytest.mark.parametrize(
    "condition", ["trust >= 5", "trust > 4.5", "happy > 2.5 or vow", "not (trust > 5)", "language != 'german'"]
)
def test_a_condition_that_can_hold_is_not_warned_about(story_copy: Path, condition: str) -> None:
    edit(story_copy, "scenes.yaml", 'if: "not vow"', f'if: "{condition}"')
    assert checked(story_copy) == []


def test_one_phrase_in_two_traits_is_a_warning_in_format_2(story_copy: Path) -> None:
    edit(story_copy, "lexicon.yaml", "phrases: [speaks french]", "phrases: [speaks french, Cheerful]")
    assert checked(story_copy) == []  # format 1 stories (the shipped one) share phrases on purpose
    edit(story_copy, "story.yaml", "format: 1", "format: 2")
    edit(story_copy, "scenes.yaml", "about_ruby: false", "about_subject: false")
    (found,) = checked(story_copy)
    assert (found.code, found.severity, found.line) == ("shared-phrase", "warning", 8)
    assert found.message.startswith("`cheerful` is in `phrases` of both `speaks_french` and `happy`")


def test_check_prints_the_plain_words_through_the_console_script(story_copy: Path, tmp_path: Path) -> None:
    edit(story_copy, "scenes.yaml", "title: The Desk", "title: Calvin says: write")
    result = subprocess.run(
        [*console_script(), "check", str(story_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"RUBY_SPARKS_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{story_copy}/scenes.yaml:3:") and "must be quoted" in first and "[yaml-syntax]" in first
