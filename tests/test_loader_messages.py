"""The loader's own words, in process: one break in a good story gives exactly these diagnostics, each with its file,
line, column, message and code, as `ruby-sparks check` prints them (paths shown relative to the story folder).

`test_loader_diagnostics.py` checks the code and a few words of many diagnostics; here the whole line is checked, for
the mistakes nothing else loads in process: a broken lexicon (a trait defined twice, implying itself or an unknown
trait, an empty phrase, an unknown role or cue), declarations of the wrong shape, format 2's inline text and choice
ids, and folders that cannot be read as they stand (a link loop, a pipe, too many files, a file too large).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.authoring.checks import check_story
from game.story.diagnostics import Diagnostics
from game.story.folder import MAX_FILES
from game.story.limits import MAX_FILE_BYTES
from game.story.loader import load_story
from tests.conftest import DATA, MINI

FORMAT2 = DATA / "stories" / "format2"
DOOR = '    text: "the door swings open. Mara looks {cycle: tired | wary}."'


def shown(diagnostics: Diagnostics, root: Path) -> list[str]:
    return [str(item).replace(f"{root}{os.sep}", "") for item in diagnostics.items]


def copy_of_mini(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    return root


def broken(source: Path, tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    root = tmp_path / source.name
    shutil.copytree(source, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    story, diagnostics = load_story(root)
    assert (story is None) == bool(diagnostics.errors)
    return shown(diagnostics, root)


HAPPY = "      phrases: [happy, cheerful]"
MINI_CASES = {
    "trait-implies-itself": (
        ("lexicon.yaml", '      negated: ["trust -= 1"]', '      negated: ["trust -= 1"]\n      implies: [happy]'),
        ["lexicon.yaml:8:7: error: `happy` implies itself [bad-implies]"],
    ),
    "trait-implies-unknown": (
        ("lexicon.yaml", '      negated: ["trust -= 1"]', '      negated: ["trust -= 1"]\n      implies: [joyful]'),
        ["lexicon.yaml:8:7: error: `happy` implies `joyful`, which is not a trait [unknown-trait]"],
    ),
    "empty-phrase": (
        ("lexicon.yaml", HAPPY, "      is: [happy, '  ']"),
        ["lexicon.yaml:10:20: error: each entry of `is` must be a non-empty string, not the string '' [wrong-type]"],
    ),
    "phrase-with-nothing-to-read": (
        ("lexicon.yaml", HAPPY, "      is: [happy, '*', not]"),
        [
            "lexicon.yaml:10:20: error: `*` in `is` has no word to read (a negation or `*` alone matches every page or "
            "none) [empty-phrase]",
            "lexicon.yaml:10:24: error: `not` in `is` has no word to read (a negation or `*` alone matches every page or "
            "none) [empty-phrase]",
        ],  # each at its own place in the list, not both at its `[`
    ),
    "unknown-role": (
        ("lexicon.yaml", HAPPY, "      does: [love]\n      object: calvin"),
        ["lexicon.yaml:11:15: error: no character or role is called `calvin` [unknown-role]"],
    ),
    "unknown-cue": (
        ("lexicon.yaml", HAPPY, "      does: [cry]\n      when: presence"),
        [
            "lexicon.yaml:11:13: error: the cues are `absence`, `alone` or `denied`, not `presence` (did you mean"
            " `absence`?) [unknown-cue]"
        ],
    ),
    "frame-not-a-mapping": (
        ("lexicon.yaml", HAPPY, "      frames:\n        - 7\n        - is: [happy]"),
        ["lexicon.yaml:11:11: error: a frame must be a mapping, not the number 7 [wrong-type]"],
    ),
    "wrote-a-number": (
        ("scenes.yaml", "        - wrote: [not happy]", "        - wrote: [7]"),
        ["scenes.yaml:29:19: error: `wrote` takes trait ids, not the number 7 [wrong-type]"],
    ),
    "unknown-name-in-status-line": (
        ("story.yaml", '  - {text: "You cannot read her yet."}', '  - {text: "You cannot read her {nobody}."}'),
        ["story.yaml:23:13: error: unknown name `nobody` in text [unknown-name]"],
    ),
    "bad-variable-name": (
        ("story.yaml", "  control: {type: int", "  2control: {type: int"),
        [
            "story.yaml:13:3: error: `2control` is not a valid variable name: an ASCII letter (a-z, A-Z),"
            " then ASCII letters, digits (0-9) or `_` [bad-id]",
            "lexicon.yaml:3:14: error: unknown name `control` in `control += 1` [unknown-name]",
            "story.yaml:22:11: error: unknown name `control` in `control > 0` [unknown-name]",
        ],
    ),
    "built-in-name": (
        (
            "story.yaml",
            "  vow: {type: bool, default: false}",
            "  vow: {type: bool, default: false}\n  turn: {type: int, default: 0}",
        ),
        ["story.yaml:11:3: error: `turn` is a built-in name [name-clash]"],
    ),
    "range-on-a-bool": (
        ("story.yaml", "  vow: {type: bool, default: false}", "  vow: {type: bool, default: false, min: 0}"),
        ["story.yaml:10:42: error: `min` is only for int and number variables [bad-range]"],
    ),
    "range-not-a-number": (
        ("story.yaml", "default: 0.5, min: 0, max: 1}", "default: 0.5, min: zero, max: 1}"),
        ["story.yaml:12:45: error: `min` in variable `warmth` must be a number, not the string 'zero' [wrong-type]"],
    ),
    "characters-as-a-list": (
        ("story.yaml", "characters:\n", "characters: [ruby]\nxcharacters:\n"),
        [
            "story.yaml:15:1: error: unknown key `xcharacters` in story.yaml (did you mean `characters`?) [unknown-key]",
            "story.yaml:14:13: error: `characters` must be a mapping of ids, not a list [wrong-type]",
        ],  # `ruby` is listed, only in the wrong shape: the lexicon's `subject: ruby` is not a second error
    ),
    "last-outcome-without-to": (
        ("scenes.yaml", "        - to: after\n  - id: after", "        - text: And then?\n  - id: after"),
        ["scenes.yaml:34:11: error: an outcome has no `to` (a scene or ending id, or `return`) [missing-key]"],
    ),  # the outcome before it is not also told that the last one must be a fallback
    "text-item-with-a-colon": (
        ("scenes.yaml", "      - The typewriter waits.", "      - The typewriter {if vow: hums | waits}."),
        [
            "scenes.yaml:6:9: error: this text holds `: `, so YAML read it as a key and a value: quote it, or write it as "
            "a block with `|` [yaml-syntax]"
        ],
    ),  # not "unknown key `The typewriter {if vow`" and "a text block has either `text` or `one_of`"
    "quote-never-closed": (
        ("scenes.yaml", 'if: "not vow"', 'if: "not vow'),
        [
            'scenes.yaml:13:13: error: the " that opens this value is never closed on its line, so the value runs on to '
            'line 14; close it with " [yaml-syntax]'
        ],
    ),  # YAML reads the lines below into the value and stumbles further down, where the mistake is not
    "traits-not-a-list": (
        ("lexicon.yaml", "  traits:\n", "  traits: none\n  unused:\n"),
        [
            "lexicon.yaml:5:3: error: unknown key `unused` in the lexicon [unknown-key]",
            "lexicon.yaml:4:11: error: `traits` must be a list, not the string 'none' [wrong-type]",
        ],
    ),  # the pages that ask for a trait, and the conditions that read one, are not told it is unknown
    "max-below-min": (
        ("story.yaml", "min: 0, max: 5", "min: 6, max: 5"),
        ["story.yaml:9:47: error: `max` (5) is below `min` (6) [bad-range]"],
    ),  # not also "the default is outside 6..5", nor "`trust > 4` can never hold"
    "trait-named-as-a-variable": (
        ("lexicon.yaml", "    - id: happy\n", "    - id: trust\n      phrases: [trusting]\n    - id: happy\n"),
        ["lexicon.yaml:8:11: error: the trait `trust` has the name of the variable `trust`; rename one of them [name-clash]"],
    ),
    "trait-named-as-a-variable-and-used": (
        ("story.yaml", "variables:\n", "variables:\n  happy: {type: int, default: 0}\n"),
        ["lexicon.yaml:8:11: error: the trait `happy` has the name of the variable `happy`; rename one of them [name-clash]"],
    ),  # the page outcome that asks for `not happy` is not told the lexicon has no such trait
    "subject-not-a-character": (
        ("lexicon.yaml", "subject: ruby", "subject: rubby"),
        ["lexicon.yaml:2:12: error: no character has the id `rubby` (did you mean `ruby`?) [unknown-character]"],
    ),
    "category-twice": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: any%}\n  - {name: any%}\nendings:\n"),
        ["story.yaml:26:12: error: the category `any%` is defined twice [duplicate-id]"],
    ),
    "category-name-with-a-space": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: 'any %'}\nendings:\n"),
        [
            "story.yaml:25:13: error: `any %` is not a category name: up to 40 ASCII letters, digits and `%+._-`,"
            " no spaces [bad-id]"
        ],
    ),
    "category-unknown-ending": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: any%, endings: [qiet]}\nendings:\n"),
        [
            "story.yaml:25:27: error: the category `any%` names `qiet`, which is no ending (did you mean `quiet`?) "
            "[unknown-target]"
        ],
    ),
    "category-no-ending": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: any%, endings: []}\nendings:\n"),
        ["story.yaml:25:27: error: the category `any%` lists no ending to finish at [bad-category]"],
    ),
    "category-finish": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: any%, finish: some}\nendings:\n"),
        ["story.yaml:25:26: error: `finish` is `any` (one of the endings) or `all` (every one), not `some` [bad-category]"],
    ),
    "category-seed": (
        ("story.yaml", "endings:\n", "categories:\n  - {name: any%, seed: -1}\nendings:\n"),
        ["story.yaml:25:24: error: a category's `seed` is a whole number from 0 to 2147483647 [bad-category]"],
    ),
    "category-no-name": (
        ("story.yaml", "endings:\n", "categories:\n  - {endings: [quiet]}\nendings:\n"),
        ["story.yaml:25:5: error: a category has no `name` (what runners call it: any%, film%, all-endings) [missing-key]"],
    ),
    "list-not-closed": (
        ("story.yaml", "author: Tests", "author: [Tests"),
        [
            "story.yaml:7:13: error: a list in `[...]` is not closed with `]`, or an item in it holds `:` or `,` and must be "
            "quoted (YAML: did not find expected ',' or ']') [yaml-syntax]"
        ],
    ),
    "condition-not-a-string": (
        ("scenes.yaml", '        if: "not vow"', "        if: 7"),
        ["scenes.yaml:13:13: error: `if` in a choice must be a string, not the number 7 (quote it) [wrong-type]"],
    ),
    "visits-of-a-number": (
        ("scenes.yaml", '        if: "not vow"', '        if: "visits(3) > 1"'),
        ["scenes.yaml:13:21: error: `visits(...)` takes a scene id, as in `visits(kitchen)` in `visits(3) > 1` [bad-expression]"],
    ),
    "condition-that-is-a-number": (
        ("scenes.yaml", '        if: "not vow"', '        if: "-(1)"'),
        ["scenes.yaml:13:14: error: a condition must be true or false, but `-(1)` is a number [bad-expression]"],
    ),
    "unknown-escape": (
        ("scenes.yaml", "      - The typewriter waits.", '      - "The typewriter \\q waits."'),
        [
            "scenes.yaml:6:25: error: a backslash inside double quotes starts an escape: write `\\\\` for a backslash, "
            "or use single quotes (YAML: found unknown escape character) [yaml-syntax]"
        ],
    ),
    "wordnet-not-a-mapping": (
        ("lexicon.yaml", "lexicon:\n", "wordnet: 7\nlexicon:\n"),
        ["lexicon.yaml:1:10: error: the WordNet synonyms must be a mapping, not the number 7 [wrong-type]"],
    ),
    "wordnet-unknown-key": (
        ("lexicon.yaml", "lexicon:\n", "wordnet: {synonyms: 7}\nlexicon:\n"),
        ["lexicon.yaml:1:11: error: unknown key `synonyms` in the WordNet synonyms [unknown-key]"],
    ),
    "second-lexicon": (
        ("scenes.yaml", "scenes:\n", "lexicon: {subject: ruby, traits: []}\nscenes:\n"),
        ["scenes.yaml:1:10: error: a second lexicon (the first is in lexicon.yaml) [duplicate-lexicon]"],
    ),
    "roles-not-a-mapping": (
        ("lexicon.yaml", "  subject: ruby", "  subject: ruby\n  roles: 7"),
        ["lexicon.yaml:3:10: error: `roles` must map a word to a list of words, not the number 7 [wrong-type]"],
    ),
}


@pytest.mark.parametrize(("edit", "expected"), MINI_CASES.values(), ids=MINI_CASES)
def test_a_broken_story_is_told_exactly_what_and_where(tmp_path: Path, edit: tuple[str, str, str], expected: list[str]) -> None:
    assert broken(MINI, tmp_path, *edit) == expected


def test_a_variables_entry_that_is_not_a_mapping_is_named_where_it_is(tmp_path: Path) -> None:
    found = broken(MINI, tmp_path, "story.yaml", "variables:\n  trust:", "variables: [1]\nxvariables:\n  trust:")
    assert found[:2] == [
        "story.yaml:9:1: error: unknown key `xvariables` in story.yaml (did you mean `variables`?) [unknown-key]",
        "story.yaml:8:12: error: `variables` must be a mapping of names, not a list [wrong-type]",
    ]


def test_variables_written_as_a_list_are_one_error_not_one_at_every_use(tmp_path: Path) -> None:
    """A compiler does not cascade: the names are there, in the wrong shape, so what uses them is not unknown."""
    root = copy_of_mini(tmp_path)
    manifest = root / "story.yaml"
    text = manifest.read_text(encoding="utf-8")
    for name in ("trust", "vow", "language", "warmth", "control"):
        text = text.replace(f"\n  {name}: {{type", f"\n  - {name}: {{type", 1)
    manifest.write_text(text.replace("{trust}", "{trustt}"), encoding="utf-8")
    assert shown(load_story(root)[1], root) == [
        "story.yaml:9:3: error: `variables` must be a mapping of names, not a list [wrong-type]",
        "story.yaml:27:12: error: unknown name `trustt` in text [unknown-name]",
    ]  # a name the list does not hold is still a typo


def test_a_trait_defined_twice_is_named(tmp_path: Path) -> None:
    found = broken(
        MINI, tmp_path, "lexicon.yaml", "    - id: happy\n", "    - id: speaks_french\n      phrases: [french]\n    - id: happy\n"
    )
    assert found == ["lexicon.yaml:8:11: error: the trait `speaks_french` is defined twice [duplicate-id]"]


def test_a_second_file_of_wordnet_synonyms_is_refused(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    (root / "a.wordnet.yaml").write_text("wordnet: {}\n")
    (root / "b.wordnet.yaml").write_text("wordnet: {}\n")
    story, diagnostics = load_story(root)
    assert story is None
    assert shown(diagnostics, root) == ["b.wordnet.yaml:1:10: error: a second file of WordNet synonyms [duplicate-lexicon]"]


def test_two_yaml_documents_in_one_file_is_the_one_error(tmp_path: Path) -> None:
    """What the unreadable file declares (the trait `happy`) is not reported missing where it is used, and an outcome
    whose trait could not be read is not taken for a fallback that shadows the ones after it."""
    found = broken(MINI, tmp_path, "lexicon.yaml", "lexicon:\n", "lexicon:\n  subject: ruby\n---\nlexicon:\n")
    assert found == [
        "lexicon.yaml:3:1: error: the file holds more than one YAML document (`---`); use one per file [yaml-syntax]"
    ]


def test_a_typo_is_still_reported_beside_an_unreadable_file(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    lexicon = root / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "---\nmore: 1\n", encoding="utf-8")
    manifest = root / "story.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("{trust}", "{trustt}"), encoding="utf-8")
    found = shown(load_story(root)[1], root)
    assert "story.yaml:27:12: error: unknown name `trustt` in text (did you mean `trust`?) [unknown-name]" in found
    assert not [line for line in found if "`happy`" in line or "shadowed" in line]


def test_yaml_not_a_number_is_read_as_the_text_written(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    manifest = root / "story.yaml"
    manifest.write_text(manifest.read_text().replace("author: Tests", "author: .nan"))
    story, diagnostics = load_story(root)
    assert story is not None and not diagnostics.items
    assert story.author == ".nan"


def test_a_whole_number_default_of_a_number_variable_is_a_number(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    manifest = root / "story.yaml"
    manifest.write_text(manifest.read_text().replace("default: 0.5, min: 0", "default: 0, min: 0"))
    story, diagnostics = load_story(root)
    assert story is not None and not diagnostics.items
    default = story.variables["warmth"].default
    assert default == 0 and isinstance(default, float)


def text_of_door(text: str) -> tuple[str, str, str]:
    return ("scenes.yaml", DOOR, f'    text: "{text}"')


NEEDS_COLON = "`{if ...}` needs a `:` after its condition, as in `{if trust > 2: she smiles | she looks away}`"
FORMAT2_CASES = {
    "if-without-colon": (
        text_of_door("the door {if trust > 2 swings open}."),
        [f"scenes.yaml:20:21: error: {NEEDS_COLON}: `the door {{if trust > 2 swings ope…` [bad-template]"],
    ),
    "if-brace-before-colon": (
        text_of_door("the door {if trust > 2 {cycle: a | b}}."),
        [f"scenes.yaml:20:21: error: {NEEDS_COLON}: `the door {{if trust > 2 {{cycle: a…` [bad-template]"],
    ),
    "if-without-condition": (
        text_of_door("the door {if : swings open}."),
        ["scenes.yaml:20:21: error: `{if ...}` has no condition before its `:`: `the door {if : swings open}.` [bad-template]"],
    ),
    "if-with-three-branches": (
        text_of_door("the door {if trust > 2: opens | shuts | stays}."),
        [
            "scenes.yaml:20:50: error: `{if ...}` has two branches at most: `{if COND: when true | when false}`: "
            "`…rust > 2: opens | shuts | stays}.` [bad-template]"
        ],
    ),
    "brace-not-closed": (
        text_of_door("the door {if trust > 2: opens"),
        ["scenes.yaml:20:21: error: `{` is not closed: `the door {if trust > 2: opens` [bad-template]"],
    ),
    "unknown-kind": (
        text_of_door("the door {sequnce: opens | shuts}."),
        [
            "scenes.yaml:20:21: error: `{sequnce: ...}` is not a kind of text; use `if`, `sequence`, `cycle`, `shuffle`, "
            "`once` (did you mean `sequence`?): `the door {sequnce: opens | shuts}…` [bad-template]"
        ],
    ),
    "unknown-kind-in-a-text-over-lines": (  # the text's own position: a column within it would be on another line
        ("scenes.yaml", '    text: "the door swings open', '    text: "the door\n\n      {sequnce: a | b} swings open'),
        [
            "scenes.yaml:20:12: error: `{sequnce: ...}` is not a kind of text; use `if`, `sequence`, `cycle`, `shuffle`, "
            "`once` (did you mean `sequence`?): `the door {sequnce: a | b} swings…` [bad-template]"
        ],
    ),
    "nested-too-deep": (
        text_of_door("the door " + "{if trust > 0: " * 17 + "x" + "}" * 17),
        [
            "scenes.yaml:20:261: error: braces are nested more than 16 deep: "
            "`…ust > 0: {if trust > 0: {if trust > 0: x}}}}}}}}…` [bad-template]"
        ],
    ),
    "choice-id-twice": (
        ("scenes.yaml", "      - label: Ask about the storm\n", "      - label: Ask about the storm\n        id: knock\n"),
        ["scenes.yaml:13:13: error: the choice id `knock` is used twice (first at scenes.yaml:6:13) [duplicate-id]"],
    ),
}


@pytest.mark.parametrize(("edit", "expected"), FORMAT2_CASES.values(), ids=FORMAT2_CASES)
def test_a_broken_format_2_text_is_told_exactly_what_and_where(
    tmp_path: Path, edit: tuple[str, str, str], expected: list[str]
) -> None:
    assert broken(FORMAT2, tmp_path, *edit) == expected


def test_a_story_folder_that_is_a_link_loop_says_so_and_only_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "round")
    (tmp_path / "round").symlink_to(loop)
    story, diagnostics = load_story(loop)
    assert story is None
    assert [str(item) for item in diagnostics.items] == [
        f"{loop}:1:1: error: a link that leads round in a loop (or through too many links); it is not read [unreadable]"
    ]  # and nothing else: no "no story.yaml" on top


def test_a_pipe_in_the_folder_is_not_read(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    os.mkfifo(root / "pipe.yaml")  # opening it would wait for a writer that never comes
    story, diagnostics = load_story(root)
    assert story is None
    assert shown(diagnostics, root) == [
        "pipe.yaml:1:1: error: not a regular file (a pipe or a device); it is not read [unreadable]"
    ]


def test_a_folder_with_too_many_files_is_refused_in_one_line(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    for number in range(MAX_FILES):
        (root / f"extra{number:04}.yaml").write_text("{}\n")
    story, diagnostics = load_story(root)
    assert story is None
    assert [str(item) for item in diagnostics.items] == [
        f"{root}:1:1: error: the folder holds {MAX_FILES + 3} YAML files; a story may have at most {MAX_FILES} [too-many-files]"
    ]


def test_a_file_too_large_is_refused_by_its_size_and_an_editors_buffer_by_the_limit(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    big = root / "big.yaml"
    big.write_bytes(b"# x\n" * (MAX_FILE_BYTES // 4 + 1))
    story, diagnostics = load_story(root)
    assert story is None
    limit = f"story files may be at most {MAX_FILE_BYTES:,} [file-too-large]"
    assert shown(diagnostics, root) == [f"big.yaml:1:1: error: the file is {MAX_FILE_BYTES + 4:,} bytes; {limit}"]
    big.write_text("{}\n")
    story, diagnostics = load_story(root, overlay={big: b"# x\n" * (MAX_FILE_BYTES // 4 + 1)})  # unsaved, in an editor
    assert shown(diagnostics, root) == [f"big.yaml:1:1: error: the file is more than {MAX_FILE_BYTES:,} bytes; {limit}"]


@pytest.mark.parametrize(
    ("outline", "expected"),
    [
        (
            "beats: []\nbeats: []\n",
            ["outline.yaml:2:1: error: in the outline: duplicate key `beats` (first at line 1) [duplicate-key]"],
        ),
        ("beats: 7\n", ["outline.yaml:1:1: error: the outline must be a mapping with a list of `beats` [bad-outline]"]),
        ("- start\n", ["outline.yaml:1:1: error: the outline must be a mapping with a list of `beats` [bad-outline]"]),
        (
            "beats:\n  - {act: one}\n  - {id: start}\n",
            [
                "outline.yaml:2:5: error: each beat of the outline needs an `id` [bad-outline]",
                "outline.yaml:3:5: warning: no scene plays the beat `start` of the outline [uncovered-beat]",
            ],
        ),
        (
            "beats: [start\n",
            [
                "outline.yaml:2:1: error: in the outline: a list in `[...]` is not closed with `]`, or an item in it holds "
                "`:` or `,` and must be quoted (YAML: did not find expected ',' or ']') [yaml-syntax]"
            ],
        ),
    ],
    ids=["duplicate-key", "beats-not-a-list", "not-a-mapping", "beat-without-id", "not-yaml"],
)
def test_a_broken_outline_is_told_exactly_what_and_where(tmp_path: Path, outline: str, expected: list[str]) -> None:
    """`check` reads the story's `outline.yaml` (the beats the scenes should play); a broken one is named, not a crash."""
    root = copy_of_mini(tmp_path)
    (root / "outline.yaml").write_text(outline, encoding="utf-8")
    _story, diagnostics = check_story(root)
    assert [str(item).replace(f"{root}{os.sep}", "") for item in diagnostics.sorted()] == expected


def test_an_outcome_with_both_names_for_about_the_subject_is_told_to_keep_one(tmp_path: Path) -> None:
    root = tmp_path / "format2"
    shutil.copytree(FORMAT2, root)
    (root / "lexicon.yaml").write_text("lexicon:\n  subject: mara\n  traits:\n    - {id: calm, is: [calm]}\n")
    page = "  - id: page\n    typewriter:\n      prompt: Write.\n      outcomes:\n"
    outcomes = "        - {about_ruby: true, about_subject: true, to: dawn}\n        - to: dawn\n"
    with (root / "scenes.yaml").open("a", encoding="utf-8") as scenes:
        scenes.write(page + outcomes)
    story, diagnostics = load_story(root)
    assert story is None
    assert shown(diagnostics, root) == [
        "scenes.yaml:38:12: error: `about_ruby` is the old name of `about_subject`: keep one [duplicate-key]",
        "scenes.yaml:38:12: warning: `about_ruby` is now called `about_subject`; the old name still works [deprecated]",
    ]


def test_an_outline_too_large_or_not_a_file_is_named_not_read(tmp_path: Path) -> None:
    root = copy_of_mini(tmp_path)
    (root / "outline.yaml").write_bytes(b"# x\n" * (MAX_FILE_BYTES // 4 + 1))
    _story, diagnostics = check_story(root)
    assert [str(item).replace(f"{root}{os.sep}", "") for item in diagnostics.sorted()] == [
        "outline.yaml:1:1: error: in the outline: the file is over 2,000,000 bytes, the most a story file may hold "
        "[file-too-large]"
    ]
    pipe = tmp_path / "outline-pipe"
    os.mkfifo(pipe)  # `--outline` given a pipe: opening it to read would wait for a writer that never comes
    _story, diagnostics = check_story(root, pipe)
    assert [str(item) for item in diagnostics.sorted()] == [
        f"{pipe}:1:1: error: cannot read the outline: not a regular file (a pipe, a device or a folder) [unreadable]"
    ]
