"""What `check` leaves out because it only follows from another mistake, and what it says once instead of at every use.

docs/diagnostics.md: root causes come first, and what only follows from them is not reported. Each test breaks a copy
of the mini story in one place and expects that one place, and nothing that follows from it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from game.story.loader import load_story
from tests.conftest import MINI


def mini(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


def edit(root: Path, file: str, old: str, new: str, count: int = 1) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def found(root: Path) -> list[tuple[str, str, str]]:
    """(file, code, message) of each diagnostic, in the order `check` prints them."""
    _story, diagnostics = load_story(root)
    return [(Path(d.file).name, d.code, d.message) for d in diagnostics.sorted()]


def test_a_category_ending_an_unreadable_file_seems_to_hold_is_not_called_unknown(tmp_path: Path) -> None:
    root = mini(tmp_path)
    (root / "more.yaml").write_text("endings:\n  - id: far\n    title: Far\n    text: She said: go\n", encoding="utf-8")
    edit(root, "story.yaml", "endings:\n", "categories:\n  - {name: far%, endings: [far, quiet]}\nendings:\n")
    edit(root, "scenes.yaml", "        to: quiet\n", "        to: far\n")
    assert [code for _file, code, _message in found(root)] == ["yaml-syntax"]


def test_a_category_ending_no_file_holds_is_still_unknown(tmp_path: Path) -> None:
    root = mini(tmp_path)
    (root / "more.yaml").write_text("endings:\n  - id: near\n    title: Near\n    text: She said: go\n", encoding="utf-8")
    edit(root, "story.yaml", "endings:\n", "categories:\n  - {name: far%, endings: [far]}\nendings:\n")
    assert [code for _file, code, _message in found(root)] == ["yaml-syntax", "unknown-target"]


def test_a_second_lexicon_is_said_first_and_the_traits_it_holds_are_not_unknown(tmp_path: Path) -> None:
    """The empty lexicon comes first (a.yaml), so the traits in use are all in the second: none is unknown for it."""
    root = mini(tmp_path)
    (root / "a.yaml").write_text(
        "lexicon: {subject: ruby, traits: []}\n"
        "scenes:\n  - {id: extra, text: x, choices: [{label: Go, to: nowhere}]}\n",
        encoding="utf-8",
    )
    assert found(root) == [
        ("lexicon.yaml", "duplicate-lexicon", f"a second lexicon (the first is in {root / 'a.yaml'})"),
        ("a.yaml", "unknown-target", "no scene or ending has the id `nowhere`"),
    ]


def test_a_name_refused_for_a_letter_outside_ascii_is_one_error_not_one_at_every_use(tmp_path: Path) -> None:
    """`trüst` is refused where it is declared, with the rule; its uses (in effects, conditions and texts) follow from
    that, and the other names of the texts that hold it are still read, so none is called unused."""
    root = mini(tmp_path)
    for file in ("story.yaml", "scenes.yaml", "lexicon.yaml"):
        edit(root, file, "trust", "trüst", count=-1)
    edit(root, "scenes.yaml", "Language: {language}.", "Language: {language}. {trüst}")
    assert found(root) == [
        (
            "story.yaml",
            "bad-id",
            "`trüst` is not a valid variable name: an ASCII letter (a-z, A-Z), then ASCII letters, digits (0-9) or `_`;"
            " `ü` is not ASCII",
        )
    ]


def test_a_name_outside_ascii_that_nothing_declares_is_unknown_with_the_rule(tmp_path: Path) -> None:
    root = mini(tmp_path)
    edit(root, "scenes.yaml", '"trust += 10"', '"trüst += 10"')
    edit(root, "scenes.yaml", "Trust is {trust}.", "Trust is {trüst}.")
    rule = "(a name is an ASCII letter (a-z, A-Z), then ASCII letters, digits (0-9) or `_`; `ü` is not ASCII)"
    assert found(root) == [
        ("scenes.yaml", "unknown-name", f"unknown name `trüst` in `trüst += 10` (did you mean `trust`?) {rule}"),
        ("scenes.yaml", "unknown-name", f"unknown name `trüst` in text (did you mean `trust`?) {rule}"),
    ]


def test_a_text_that_cannot_be_read_leaves_its_names_read(tmp_path: Path) -> None:
    """`{a b}` is the mistake; `language` and `warmth`, read nowhere else, are not also unused."""
    root = mini(tmp_path)
    edit(root, "scenes.yaml", "Warmth: {warmth}.", "Warmth: {warmth}. {a b}")
    assert [code for _file, code, _message in found(root)] == ["bad-template"]


def test_a_condition_that_does_not_type_check_leaves_its_names_read(tmp_path: Path) -> None:
    """`language` and `warmth` are read only in a condition that mixes types: the mistake is that, not two unused."""
    root = mini(tmp_path)
    edit(root, "scenes.yaml", "Language: {language}. Warmth: {warmth}.", "Later.")
    edit(root, "scenes.yaml", '        if: "not vow"', "        if: \"not vow and warmth > language\"")
    assert [code for _file, code, _message in found(root)] == ["bad-expression"]


def test_a_misspelt_required_key_is_one_unknown_key_with_its_did_you_mean(tmp_path: Path) -> None:
    root = mini(tmp_path)
    edit(root, "scenes.yaml", "      - label: Give up\n", "      - lable: Give up\n")
    edit(root, "scenes.yaml", "        to: page\n", "        too: page\n")
    edit(root, "story.yaml", "title: A Small Story", "titel: A Small Story")
    assert found(root) == [
        ("scenes.yaml", "unknown-key", "unknown key `too` in a choice (did you mean `to`?)"),
        ("scenes.yaml", "unknown-key", "unknown key `lable` in a choice (did you mean `label`?)"),
        ("story.yaml", "unknown-key", "unknown key `titel` in story.yaml (did you mean `title`?)"),
    ]


def test_a_required_key_that_is_missing_with_no_near_match_is_still_missing(tmp_path: Path) -> None:
    root = mini(tmp_path)
    edit(root, "scenes.yaml", "      - label: Give up\n", "      - colour: Give up\n")
    assert [code for _file, code, _message in found(root)] == ["missing-key", "unknown-key"]


def checked(root: Path) -> list[tuple[str, str]]:
    from game.authoring.checks import check_story

    _story, diagnostics = check_story(root)
    return [(d.severity, d.code) for d in diagnostics.sorted()]


def test_a_division_by_a_written_zero_is_an_error_where_it_is_written(tmp_path: Path) -> None:
    root = mini(tmp_path)
    edit(root, "scenes.yaml", '"warmth += 0.75"', '"warmth /= 0"')
    edit(root, "story.yaml", '{if: "control > 0"', '{if: "control / -0.0 > 0"')
    assert [(file, code) for file, code, _message in found(root)] == [
        ("scenes.yaml", "division-by-zero"),
        ("story.yaml", "division-by-zero"),
    ]


def test_a_division_by_a_name_is_left_to_run_time(tmp_path: Path) -> None:
    root = mini(tmp_path)
    edit(root, "scenes.yaml", '"warmth += 0.75"', '"warmth /= warmth"')
    assert found(root) == []


FORMAT2 = """format: 2
id: calls
title: Calls
version: "1"
start: hall
endings:
  - {id: out, title: Out, text: Bye.}
"""
SCENES = """scenes:
  - id: hall
    text: A hall.
    choices:
      - {label: Ask, call: ask, to: hall}
      - {label: Back, to: return}
      - {label: Leave, to: out}
  - id: ask
    text: You ask.
    choices:
      - {label: More, to: more}
  - id: more
    next: return
"""


def test_a_return_in_a_scene_no_call_leads_to_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "story.yaml").write_text(FORMAT2, encoding="utf-8")
    (tmp_path / "scenes.yaml").write_text(SCENES, encoding="utf-8")
    assert checked(tmp_path) == [("error", "return-without-call")]


def test_a_return_a_call_leads_to_is_not_reported(tmp_path: Path) -> None:
    (tmp_path / "story.yaml").write_text(FORMAT2, encoding="utf-8")
    (tmp_path / "scenes.yaml").write_text(SCENES.replace("      - {label: Back, to: return}\n", ""), encoding="utf-8")
    assert checked(tmp_path) == []
