"""Story format 2, construct by construct: what the loader builds, how the engine plays it, what the checker says, and
what the JSON Schema accepts. Then a passage ported from format 1's workarounds, which must read the same in fewer
lines, and property tests of the inline text parser.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.authoring.checks import check_story
from game.authoring.json_schema import manifest_schema, story_file_schema, story_schema
from game.engine import (
    ChoiceInput,
    ChoicesOffered,
    EndingReached,
    Event,
    Narration,
    Problem,
    SceneShown,
    State,
    available_choices,
    new_game,
    step,
)
from game.explorer.random_explore import explore_random
from game.story.inline import Conditional, Hole, InlineError, Piece, parse_text
from game.story.loader import load_story, load_story_or_raise
from game.story.model import Condition, Story
from tests.conftest import console_script

DATA = Path(__file__).parent / "data" / "stories"
LIGHTHOUSE = DATA / "format2"
PORT_V1 = DATA / "port_v1"
PORT_V2 = DATA / "port_v2"


def write_story(folder: Path, scenes: str, variables: str = "", fmt: int = 2, start: str = "a") -> Path:
    """A story folder with one ending, `end`, and the scenes given (YAML, indented as a top-level document)."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = f"format: {fmt}\nid: t\ntitle: T\nversion: '1'\nstart: {start}\n"
    if variables:
        manifest += "variables:\n" + textwrap.indent(textwrap.dedent(variables).strip(), "  ") + "\n"
    manifest += "endings:\n  - {id: end, title: The End, text: Done.}\n"
    (folder / "story.yaml").write_text(manifest)
    (folder / "scenes.yaml").write_text("scenes:\n" + textwrap.indent(textwrap.dedent(scenes).strip(), "  ") + "\n")
    return folder


def build(tmp_path: Path, scenes: str, variables: str = "", fmt: int = 2, start: str = "a") -> Story:
    return load_story_or_raise(write_story(tmp_path / "story", scenes, variables, fmt, start))


def shown(events: list[Event]) -> list[str]:
    """Every paragraph the player reads, in order."""
    found: list[str] = []
    for event in events:
        if isinstance(event, (SceneShown, Narration, EndingReached)):
            found.extend(event.paragraphs)
    return found


def offered(events: list[Event]) -> tuple[str, ...]:
    return next(event.labels for event in reversed(events) if isinstance(event, ChoicesOffered))


def choose(story: Story, state: State, label: str) -> tuple[State, list[Event]]:
    labels = [choice.label.source for choice in available_choices(story, state)]
    return step(story, state, ChoiceInput(labels.index(label) + 1))


LOOP = """
- id: a
  text: "{TEXT}"
  choices:
    - {label: Again, to: a}
    - {label: Stop, to: end}
"""


def texts_of(tmp_path: Path, text: str, times: int = 4, seed: int = 0) -> list[str]:
    """The scene's text each time it is shown, entering it `times` times."""
    story = build(tmp_path, LOOP.replace("{TEXT}", text))
    state, events = new_game(story, seed)
    seen = [" ".join(shown(events))]
    for _ in range(times - 1):
        state, events = step(story, state, ChoiceInput(1))
        seen.append(" ".join(shown(events)))
    return seen


# -- inline conditions -------------------------------------------------------------------------------------------


def test_loader_builds_an_inline_condition_and_keeps_hole_only_text_as_it_was(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - id: a
          text: ["Mara {if trust > 2: smiles | frowns}.", "Trust is {trust}."]
          choices: [{label: Go, to: end}]
        """,
        "trust: {type: int, default: 0}",
    )
    conditional, plain = (block.variants[0] for block in story.scenes["a"].text)
    assert conditional.parts == () and isinstance(conditional.pieces[1], Conditional)
    assert conditional.pieces[1].condition.source == "trust > 2"
    assert plain.parts == ("Trust is ", "trust", ".") and plain.pieces == ()


def test_an_inline_condition_shows_its_branch(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - id: a
          text: "Mara {if trust > 2: smiles at you | does not look up}. {if trust > 5: She waves.}"
          choices:
            - {label: Warm, do: "trust += 3", to: a}
            - {label: Stop, to: end}
        """,
        "trust: {type: int, default: 0}",
    )
    state, events = new_game(story)
    assert shown(events) == ["Mara does not look up."]
    state, events = step(story, state, ChoiceInput(1))
    assert shown(events) == ["Mara smiles at you."]
    state, events = step(story, state, ChoiceInput(1))
    assert shown(events) == ["Mara smiles at you. She waves."]


def test_an_inline_condition_is_checked_like_any_condition(tmp_path: Path) -> None:
    folder = write_story(
        tmp_path / "s", '- {id: a, text: "She {if trsut > 2: smiles}.", next: end}', "trust: {type: int, default: 0}"
    )
    _story, diagnostics = load_story(folder)
    (error,) = diagnostics.errors
    assert error.code == "unknown-name" and "did you mean `trust`" in error.message
    line = (folder / "scenes.yaml").read_text().splitlines()[error.line - 1]
    assert line[error.column - 1 :].startswith("trsut")  # at the name itself, within the text


# -- alternatives ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("sequence", ["A", "B", "C", "C", "C"]),
        ("cycle", ["A", "B", "C", "A", "B"]),
        ("once", ["A", "B", "C", "", ""]),
    ],
)
def test_sequence_cycle_and_once_advance_each_time_the_text_is_shown(tmp_path: Path, kind: str, expected: list[str]) -> None:
    assert texts_of(tmp_path, f"{{{kind}: A | B | C}}", times=5) == expected


def test_shuffle_is_fixed_by_the_seed_and_varies_with_it(tmp_path: Path) -> None:
    runs = {seed: texts_of(tmp_path / str(seed), "{shuffle: A | B | C | D}", times=6, seed=seed) for seed in range(6)}
    assert runs[0] == texts_of(tmp_path / "again", "{shuffle: A | B | C | D}", times=6, seed=0)
    assert len({tuple(run) for run in runs.values()}) > 1
    assert {text for run in runs.values() for text in run} == {"A", "B", "C", "D"}


def test_alternatives_keep_their_place_in_a_saved_state(tmp_path: Path) -> None:
    story = build(tmp_path, LOOP.replace("{TEXT}", "{sequence: A | B | C}"))
    state, _ = new_game(story)
    state, _ = step(story, state, ChoiceInput(1))
    restored = State.from_json(json.loads(json.dumps(state.to_json())), story)
    _, events = step(story, restored, ChoiceInput(1))
    assert shown(events) == ["C"]


def test_alternatives_are_refused_where_text_is_shown_again_without_moving(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "s", "- {id: a, choices: [{label: '{cycle: Go | Run}', to: end}]}")
    _story, diagnostics = load_story(folder)
    assert [d.code for d in diagnostics.errors] == ["bad-template"]
    assert "not here; use `{if ...}`" in diagnostics.errors[0].message


# -- glue --------------------------------------------------------------------------------------------------------


def test_glue_joins_a_choices_text_to_the_next_scene(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - id: a
          choices: [{label: Knock, text: "You knock, and <>", to: door}]
        - id: door
          title: The Door
          text: ["the door swings open.", "Mara is there."]
          next: end
        """,
    )
    state, _ = new_game(story)
    _, events = step(story, state, ChoiceInput(1))
    assert not [e for e in events if isinstance(e, Narration)]
    door = next(e for e in events if isinstance(e, SceneShown))
    assert door.paragraphs == ("You knock, and the door swings open.", "Mara is there.")


def test_glue_from_a_scene_with_next_into_the_following_scene(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - {id: a, text: "The stair turns <>", next: b}
        - {id: b, text: ", and turns again.", choices: [{label: Stop, to: end}]}
        """,
    )
    _, events = new_game(story)
    assert shown(events) == ["The stair turns, and turns again."]


# -- once-only and fallback choices --------------------------------------------------------------------------------

HUB = """
- id: a
  text: The hub.
  choices:
    - {id: ask, label: Ask, once: true, text: Asked., to: a}
    - {label: Look, once: true, text: Looked., to: a}
    - {fallback: true, text: Nothing is left., to: end}
"""


def test_loader_builds_once_and_fallback_choices(tmp_path: Path) -> None:
    scene = build(tmp_path, HUB).scenes["a"]
    assert [c.label.source for c in scene.choices] == ["Ask", "Look"] and all(c.once for c in scene.choices)
    assert [c.counter for c in scene.choices] == ["chosen(ask)", "chosen(a.2)"]
    assert scene.choices[0].condition is not None and scene.choices[0].condition.source == "once"
    assert [c.target for c in scene.fallbacks] == ["end"]


def test_a_once_choice_is_offered_until_taken_then_the_fallback_is_taken(tmp_path: Path) -> None:
    story = build(tmp_path, HUB)
    state, events = new_game(story)
    assert offered(events) == ("Ask", "Look")
    state, events = step(story, state, ChoiceInput(1))
    assert offered(events) == ("Look",) and shown(events) == ["Asked.", "The hub."]
    state, events = step(story, state, ChoiceInput(1))
    assert shown(events) == ["Looked.", "The hub.", "Nothing is left.", "Done."]
    assert state.ending == "end" and state.counts == {"chosen(ask)": 1, "chosen(a.2)": 1}


def test_a_scene_with_nothing_to_offer_and_no_fallback_is_a_problem_not_a_silent_strand(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        "- {id: a, choices: [{label: Go, if: 'ready', to: end}]}",
        "ready: {type: bool, default: false}",
        fmt=1,
    )
    state, events = new_game(story)
    assert [e.message for e in events if isinstance(e, Problem)] == [
        "no choice can be offered here, and there is no fallback choice to take"
    ]
    _, events = step(story, state, ChoiceInput(1))
    assert "Choose a number from 1 to 0" not in str(events)


# -- next ----------------------------------------------------------------------------------------------------------


def test_next_goes_on_without_a_choice_in_the_same_turn(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - {id: a, title: Dawn, text: The sun comes up., next: b}
        - {id: b, title: Noon, text: It is hot., next: end}
        """,
    )
    state, events = new_game(story)
    assert [e.scene_id for e in events if isinstance(e, SceneShown)] == ["a", "b"]
    assert shown(events) == ["The sun comes up.", "It is hot.", "Done."] and state.ending == "end"
    assert not [e for e in events if isinstance(e, ChoicesOffered)]
    assert story.scenes["a"].next == "b"


def test_next_with_choices_is_an_error_and_a_loop_of_next_is_caught(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "both", "- {id: a, next: end, choices: [{label: Go, to: end}]}")
    assert [d.code for d in load_story(folder)[1].errors] == ["next-and-choices"]
    scenes = "- {id: a, choices: [{label: Go, to: b}, {label: Stop, to: end}]}\n- {id: b, next: c}\n- {id: c, next: b}"
    _story, diagnostics = check_story(write_story(tmp_path / "loop", scenes))
    (error,) = diagnostics.errors  # the loop, and not also "no way out" of each scene in it, which follows from it
    assert error.code == "next-loop" and "`b` -> `c` -> `b`" in error.message


# -- visit counts --------------------------------------------------------------------------------------------------

COUNTED = """
- id: a
  text: "Visit {visits(a)}. {if seen(b): You have been to b.} {if chosen(go_b): You chose b.}"
  choices:
    - {label: Again, to: a}
    - {id: go_b, label: To b, to: b}
    - {label: Stop, if: "visits(a) >= 3", to: end}
- {id: b, next: a}
- {id: c, next: end}
"""


def test_loader_counts_only_what_is_read(tmp_path: Path) -> None:
    story = build(tmp_path, COUNTED)
    assert story.scenes["a"].counter == "visits(a)" and story.scenes["b"].counter == "visits(b)"
    assert story.scenes["c"].counter is None
    assert [c.counter for c in story.scenes["a"].choices] == [None, "chosen(go_b)", None]


def test_seen_visits_and_chosen_follow_the_player(tmp_path: Path) -> None:
    story = build(tmp_path, COUNTED)
    state, events = new_game(story)
    assert shown(events) == ["Visit 1."] and offered(events) == ("Again", "To b")
    state, events = step(story, state, ChoiceInput(2))
    assert shown(events)[-1] == "Visit 2. You have been to b. You chose b."
    assert offered(events) == ("Again", "To b")
    state, events = step(story, state, ChoiceInput(1))
    assert offered(events) == ("Again", "To b", "Stop")
    assert state.counts == {"visits(a)": 3, "visits(b)": 1, "chosen(go_b)": 1}


def test_a_count_of_nothing_is_an_unknown_name_with_a_did_you_mean(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "s", "- {id: kitchen, choices: [{label: Go, if: 'seen(kitchn)', to: end}]}", start="kitchen")
    (error,) = load_story(folder)[1].errors
    assert error.code == "unknown-name" and error.message.startswith("no scene has the id `kitchn` (did you mean `kitchen`?)")
    folder = write_story(tmp_path / "c", "- {id: a, choices: [{id: ask, label: Go, if: 'not chosen(aks)', to: end}]}")
    (error,) = load_story(folder)[1].errors
    assert "no choice has the id `aks` (did you mean `ask`?)" in error.message


# -- call and return -----------------------------------------------------------------------------------------------

TUNNEL = """
- id: a
  text: The hub.
  choices:
    - {label: Ask, call: talk}
    - {label: Ask and leave, call: talk, to: b}
- id: talk
  text: "{cycle: The wind howls. | Rain falls.}"
  next: return
- id: b
  text: The door.
  choices:
    - {label: Deeper, call: outer, to: end}
- id: outer
  text: Outer.
  call: talk
  next: return
"""


def test_a_call_returns_to_its_scene_or_to_its_to(tmp_path: Path) -> None:
    story = build(tmp_path, TUNNEL)
    state, _ = new_game(story)
    state, events = step(story, state, ChoiceInput(1))
    assert shown(events) == ["The wind howls.", "The hub."] and state.scene == "a" and state.stack == ()
    state, events = step(story, state, ChoiceInput(2))
    assert shown(events) == ["Rain falls.", "The door."] and state.scene == "b" and state.stack == ()


def test_calls_nest_and_the_stack_is_kept_in_saves(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - {id: a, choices: [{label: Deeper, call: outer, to: end}]}
        - {id: outer, text: Outer., call: inner, next: return}
        - {id: inner, text: Inner., choices: [{label: Back, to: return}]}
        """,
    )
    state, _ = new_game(story)
    state, events = step(story, state, ChoiceInput(1))
    assert shown(events) == ["Outer.", "Inner."] and state.scene == "inner" and state.stack == ("end", "return")
    saved = State.from_json(json.loads(json.dumps(state.to_json())), story)
    assert saved.stack == state.stack
    state, events = step(story, saved, ChoiceInput(1))  # out of inner, out of outer, on to outer's caller's `to`
    assert shown(events) == ["Done."] and state.ending == "end" and state.stack == ()


def test_a_return_with_no_call_is_a_problem(tmp_path: Path) -> None:
    story = build(tmp_path, "- {id: a, choices: [{label: Back, to: return}, {label: On, to: b}]}\n- {id: b, next: return}")
    state, _ = new_game(story)
    after, events = step(story, state, ChoiceInput(1))
    assert [e.message for e in events if isinstance(e, Problem)] == [
        "`return` with no `call` to return to; the scene is shown again"
    ]
    assert after.scene == "a"
    after, events = step(story, state, ChoiceInput(2))
    assert [e.message for e in events if isinstance(e, Problem)] == ["`return` with no `call` to return to; the story stops here"]
    assert after.scene == "b" and offered(events) == ()


def test_return_is_a_word_in_format_2_and_an_id_in_format_1(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "v2", "- {id: a, choices: [{label: Go, to: end}]}\n- {id: return, next: end}")
    assert "bad-id" in [d.code for d in load_story(folder)[1].errors]
    story = build(tmp_path / "v1", "- {id: a, choices: [{label: Go, to: return}]}\n- {id: return, next: end}", fmt=1)
    state, _ = new_game(story)
    assert step(story, state, ChoiceInput(1))[0].ending == "end"


def test_the_checker_counts_return_as_a_way_out(tmp_path: Path) -> None:
    _story, diagnostics = check_story(write_story(tmp_path / "s", TUNNEL))
    assert not diagnostics.items


# -- format 1 stories, format 2 constructs, generic names ----------------------------------------------------------


def test_a_format_1_story_using_a_format_2_construct_is_asked_to_say_so(tmp_path: Path) -> None:
    _story, diagnostics = load_story(write_story(tmp_path / "s", HUB, fmt=1))
    (warning,) = diagnostics.warnings
    assert warning.code == "needs-format-2" and "a choice's `id` is format 2" in warning.message


def test_needs_format_2_names_the_construct_as_it_was_written(story_copy: Path) -> None:
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace('{if: "happy > 0"', '{if: "seen(desk) and happy > 0"'))
    _story, diagnostics = load_story(story_copy)
    (warning,) = diagnostics.warnings
    assert warning.code == "needs-format-2" and "`seen(...)` or `visits(...)` is format 2" in warning.message


def test_a_format_1_story_without_them_plays_as_before_and_counts_nothing(mini_story: Story) -> None:
    assert mini_story.format == 1
    assert all(s.counter is None and s.next is None and not s.fallbacks for s in mini_story.scenes.values())
    state, _ = new_game(mini_story)
    for number in (2, 1):
        state, _ = step(mini_story, state, ChoiceInput(number))
    assert state.counts == {} and state.stack == ()
    assert "counts" in state.to_json() and State.from_json(state.to_json(), mini_story) == state


def test_about_subject_and_page_about_subject_replace_the_old_names(story_copy: Path) -> None:
    scenes = story_copy / "scenes.yaml"
    scenes.write_text(scenes.read_text().replace("about_ruby: false", "about_subject: false"))
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace('{if: "happy > 0"', '{if: "page_about_subject and happy > 0"'))
    story, diagnostics = load_story(story_copy)
    assert story is not None and [d.code for d in diagnostics.items] == ["needs-format-2"]
    manifest.write_text(manifest.read_text().replace("format: 1", "format: 2"))
    story, diagnostics = load_story(story_copy)
    assert story is not None and not diagnostics.items
    assert story.scenes["page"].typewriter is not None and story.scenes["page"].typewriter.outcomes[2].about_ruby is False
    scenes.write_text(scenes.read_text().replace("about_subject: false", "about_ruby: false"))
    _story, diagnostics = load_story(story_copy)
    assert [(d.code, d.line) for d in diagnostics.items] == [("deprecated", 31)]


def test_front_ends_name_the_subject_by_its_pronoun(story_copy: Path) -> None:
    manifest = story_copy / "story.yaml"
    manifest.write_text(manifest.read_text().replace("pronoun: she}", "pronoun: he}"))
    home = story_copy.parent / "home"
    result = subprocess.run(
        [*console_script(), "play", "--plain", "--story", str(story_copy)],
        input="1\n\n/quit\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={"RUBY_SPARKS_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    assert "type a line about him" in result.stdout
    page = subprocess.run(
        [*console_script(), "page", "--story", str(story_copy), "Ruby is happy."],
        capture_output=True,
        text=True,
        timeout=60,
        env={"RUBY_SPARKS_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    assert "'Ruby is happy.': about him" in page.stdout


# -- the schema ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("root", [LIGHTHOUSE, PORT_V2], ids=["lighthouse", "port"])
def test_format_2_stories_match_the_schema(root: Path) -> None:
    validator = jsonschema.Draft202012Validator(story_schema())
    for path in sorted(root.glob("*.yaml")):
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
        assert not errors, f"{path}: {errors[0].message}"


def test_the_schema_knows_format_2_keys_and_values() -> None:
    validator = jsonschema.Draft202012Validator(story_file_schema())
    choice = {"label": "Ask", "once": True, "id": "ask", "call": "talk", "to": "return"}
    assert not list(validator.iter_errors({"scenes": [{"id": "a", "choices": [choice, {"fallback": True, "to": "b"}]}]}))
    assert list(validator.iter_errors({"scenes": [{"id": "a", "choices": [{**choice, "once": "yes"}]}]}))
    assert not list(validator.iter_errors({"scenes": [{"id": "a", "next": "b", "call": "c"}]}))
    manifest = jsonschema.Draft202012Validator(manifest_schema())
    base = {"id": "s", "title": "S", "version": "1", "start": "a", "endings": None}
    assert not list(manifest.iter_errors({**base, "format": 2}))
    assert list(manifest.iter_errors({**base, "format": 3}))


def test_a_misspelt_key_is_reported_by_the_part_of_the_schema_it_breaks() -> None:
    """An editor places an error where the failing rule is: an `anyOf` of both kinds of file failed as a whole, at the
    top of the file; the manifest's own rule fails at its key."""
    manifest = {"format": 2, "id": "s", "title": "S", "version": "1", "start": "a", "contnet_note": "x"}
    (error,) = jsonschema.Draft202012Validator(story_schema()).iter_errors(manifest)
    assert error.validator == "additionalProperties" and "contnet_note" in error.message
    scenes = {"scenes": [{"id": "a", "nxet": "b"}]}
    (error,) = jsonschema.Draft202012Validator(story_schema()).iter_errors(scenes)
    assert error.validator == "additionalProperties" and list(error.absolute_path) == ["scenes", 0]


def test_the_schema_command_prints_each_half(tmp_path: Path) -> None:
    env = {"RUBY_SPARKS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for flag, expected in (("--manifest", manifest_schema()), ("--story-file", story_file_schema())):
        result = subprocess.run([*console_script(), "schema", flag], capture_output=True, text=True, timeout=60, env=env)
        assert result.returncode == 0 and json.loads(result.stdout) == expected
    both = subprocess.run([*console_script(), "schema", "--manifest", "--story-file"], capture_output=True, text=True, env=env)
    assert both.returncode == 2


# -- a port: the same passage with format 1's workarounds and with format 2 ---------------------------------------


def _lines(root: Path) -> int:
    return sum(
        1
        for path in root.glob("*.yaml")
        for line in path.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def _play(story: Story, labels: list[str]) -> tuple[list[str], str | None]:
    """Read the story choosing by label; a lone "(continue)" (format 1's workaround) is pressed as the reader would."""
    state, events = new_game(story)
    read = shown(events)
    for label in labels:
        state, events = choose(story, state, label)
        read += shown(events)
        while state.ending is None and [c.label.source for c in available_choices(story, state)] == ["(continue)"]:
            state, events = choose(story, state, "(continue)")
            read += shown(events)
    return read, state.ending


PLAYS = [
    ["Ask his name", "Offer him a cigarette", "Ask about the war", "Leave the cell", "Walk on", "Lie"],
    ["Ask about the war", "Ask his name", "Leave the cell", "Go back with one more cigarette", "Tell him the truth"],
    ["Offer him a cigarette", "Offer him a cigarette", "Ask his name", "Ask about the war", "Leave the cell", "Walk on",
     "Tell him the truth"],
]  # fmt: skip


@pytest.mark.parametrize("labels", PLAYS, ids=["lie", "truth", "smoke"])
def test_a_port_from_format_1_workarounds_is_shorter_and_reads_the_same(labels: list[str]) -> None:
    """Gathers, inline conditions, visit flags, "(continue)" choices and a tunnel copied per caller, against format
    2: at least 30% fewer lines, and every paragraph the reader sees is the same."""
    old, new = load_story_or_raise(PORT_V1), load_story_or_raise(PORT_V2)
    assert _lines(PORT_V2) <= 0.7 * _lines(PORT_V1)
    read_old, ending_old = _play(old, labels)
    read_new, ending_new = _play(new, labels)
    assert read_new == read_old and ending_new == ending_old == "reported"
    assert len(read_old) > 12


def test_the_port_checks_clean_and_every_ending_is_reachable() -> None:
    for root in (PORT_V1, PORT_V2, LIGHTHOUSE):
        _story, diagnostics = check_story(root)
        assert not diagnostics.items, [str(d) for d in diagnostics.items]


def test_random_play_of_format_2_stories_finds_no_problem() -> None:
    for root in (PORT_V2, LIGHTHOUSE):
        coverage = explore_random(load_story_or_raise(root), 200)
        assert not coverage.issues, coverage.issues[:3]
        assert sum(coverage.endings.values()) == 200


# -- the inline parser, property tests -----------------------------------------------------------------------------

PLAIN = st.text(st.characters(whitelist_categories=("L", "N", "P", "Zs"), blacklist_characters="{}|"), max_size=12)


def _no_condition(source: str, offset: int) -> Condition | None:
    from game.story.expressions import Constant

    return Condition(source, Constant(True))


def _keys() -> object:
    made = iter(range(1_000_000))
    return lambda kind: f"k{next(made)}"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_or_says_where_it_went_wrong(source: str) -> None:
    try:
        parse_text(source, _no_condition, _keys())  # type: ignore[arg-type]
    except InlineError as error:
        assert 0 <= error.offset <= len(source) and error.message


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_characters="{}"), max_size=40))
def test_text_without_braces_is_one_literal(source: str) -> None:
    pieces, ok = parse_text(source, _no_condition, _keys())  # type: ignore[arg-type]
    assert ok and pieces == ((source,) if source else ())


@st.composite
def templates(draw: st.DrawFn, depth: int = 0) -> tuple[str, str]:
    """A well-formed text and what it shows the first time, with `{x}` = 7 and every condition `flag` true."""
    source, expected = "", ""
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["text", "hole", "if", "alternatives"] if depth < 3 else ["text", "hole"]))
        if kind == "text":
            text = draw(PLAIN).replace("<>", "")
            source, expected = source + text, expected + text
        elif kind == "hole":
            source, expected = source + "{x}", expected + "7"
        elif kind == "if":
            then, shown_then = draw(templates(depth + 1))
            other, _ = draw(templates(depth + 1))
            source += f"{{if flag: {then} | {other}}}"
            expected += shown_then.strip()
        else:
            options = [draw(templates(depth + 1)) for _ in range(draw(st.integers(1, 3)))]
            source += f"{{{draw(st.sampled_from(['sequence', 'cycle', 'once']))}: " + " | ".join(o[0] for o in options) + "}"
            expected += options[0][1].strip()
    return source, expected


@settings(max_examples=100, deadline=None)
@given(templates())
def test_a_well_formed_text_shows_what_its_first_branches_say(case: tuple[str, str]) -> None:
    source, expected = case
    assume(source.strip())  # a text of only spaces is no text: the loader says so, as it should
    with tempfile.TemporaryDirectory() as folder:
        scenes = yaml.safe_dump([{"id": "a", "text": source, "next": "end"}], allow_unicode=True)
        story = load_story_or_raise(
            write_story(Path(folder), scenes, "x: {type: int, default: 7}\nflag: {type: bool, default: true}")
        )
    _, events = new_game(story)
    assert " ".join(shown(events)[:-1]) == " ".join(expected.split())


def test_the_checker_on_fallbacks_and_calls(tmp_path: Path) -> None:
    folder = write_story(
        tmp_path / "s",
        """
        - id: a
          choices:
            - {label: Go, if: "ready", to: end}
            - {fallback: true, label: Never shown, if: "not ready", to: b}
            - {fallback: true, to: end}
        - {id: b, call: a}
        """,
        "ready: {type: bool, default: false}",
    )
    _story, diagnostics = load_story(folder)
    assert [(d.code, d.severity) for d in diagnostics.sorted()] == [("unused-label", "warning"), ("missing-key", "error")]
    assert "has `call` but no `next`" in diagnostics.errors[0].message


def test_the_first_fallback_that_holds_is_taken(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        - id: a
          choices:
            - {label: Go, if: "ready", to: end}
            - {fallback: true, if: "not ready", do: "ready = true", text: Not yet., to: a}
            - {fallback: true, to: end}
        """,
        "ready: {type: bool, default: false}",
    )
    state, events = new_game(story)
    assert shown(events) == ["Not yet."] and offered(events) == ("Go",) and state.variables["ready"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["seen", "visits", "chosen"]), st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,12}", fullmatch=True))
def test_counts_parse_to_the_names_the_engine_keeps(function: str, subject: str) -> None:
    from game.story.expression_parser import parse_condition
    from game.story.expressions import Binary, Name, count_subject, names_in

    expr = parse_condition(
        f"{function}({subject}) or {function}( {subject} )" if function != "visits" else f"visits({subject}) > 1"
    )
    (name, *_rest) = names_in(expr)
    assert isinstance(name, Name) and count_subject(name.name) == ("chosen" if function == "chosen" else "visits", subject)
    assert isinstance(expr, Binary)


def _holes_only(pieces: tuple[Piece, ...]) -> tuple[str, ...] | None:
    """The format 1 form (text, name, text, ...) read from the full parser's pieces, else None: the oracle `holes` is
    checked against (the game itself never needs it)."""
    parts: list[str] = [""]
    for piece in pieces:
        if isinstance(piece, str):
            parts[-1] += piece
        elif isinstance(piece, Hole):
            parts.extend([piece.name, ""])
        else:
            return None
    return tuple(parts)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab {}x_ \n", max_size=30))
def test_the_fast_reading_of_plain_text_agrees_with_the_full_parser(source: str) -> None:
    """Text with only holes is read by a regular expression; the character-by-character parser must agree."""
    from game.story.inline import holes

    fast = holes(source)
    try:
        full = _holes_only(parse_text(source, _no_condition, _keys())[0])  # type: ignore[arg-type]
    except InlineError:
        full = None
    assert fast == full
