"""A game's state as saves, undo and the explorers keep it: a save that does not fit the story is refused with a
message that names what is wrong (never a crash later), a state survives pickling (the explorers' processes and the
story cache), and the history reads exactly as the tuple it replaces, errors included."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import ChoiceInput, PageInput, State, StateError, new_game, step
from game.engine.history import History
from game.engine.state import HistoryEntry
from game.story.model import Story
from tests.conftest import examples

Edit = Callable[[dict[str, Any]], None]


def played(story: Story) -> State:
    """The mini story after a promise, a page and a choice: variables, traits, counts and a history all set."""
    state, _ = new_game(story, seed=5)
    for action in (ChoiceInput(2), ChoiceInput(1), PageInput("Ruby is happy."), ChoiceInput(1)):
        state, _ = step(story, state, action)
    return state


def set_key(key: str, value: object) -> Edit:
    return lambda data: data.__setitem__(key, value)


def first_entry(key: str, value: object) -> Edit:
    return lambda data: data["history"][0].__setitem__(key, value)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (set_key("ending", "nowhere"), "the saved ending `nowhere` is not in this story"),
        (set_key("scene", "attic"), "the saved scene `attic` is not in this story"),
        (lambda data: data["variables"].pop("vow"), "the saved variables do not match this story's"),
        (lambda data: data["variables"].__setitem__("trust", "5"), "the saved variable `trust` has the wrong type"),
        (lambda data: data["variables"].__setitem__("vow", 1), "the saved variable `vow` has the wrong type"),
        (lambda data: data["traits"].__setitem__("sings", 1.0), "the saved traits do not match this story's lexicon"),
        (lambda data: data["traits"].__setitem__("happy", float("nan")), "the saved traits do not match"),
        (set_key("stack", ["attic"]), "the saved scene `attic` to return to is not in this story"),
        (set_key("counts", {"desk": -1}), "malformed (ValueError: a count below zero)"),
        (first_entry("paragraphs", "one string"), "malformed (TypeError: expected a list of strings, got a string)"),
        (lambda data: data.pop("seed"), "the saved state is incomplete or malformed (KeyError: 'seed')"),
    ],
    ids=[
        "unknown-ending",
        "unknown-scene",
        "variable-missing",
        "int-as-text",
        "bool-as-number",
        "unknown-trait",
        "trait-not-a-number",
        "unknown-return",
        "negative-count",
        "paragraphs-as-one-string",
        "no-seed",
    ],
)
def test_a_save_that_does_not_fit_the_story_is_refused_with_the_reason(mini_story: Story, edit: Edit, message: str) -> None:
    data = json.loads(json.dumps(played(mini_story).to_json()))
    assert State.from_json(copy.deepcopy(data), mini_story) == played(mini_story)  # the untouched save loads
    edit(data)
    with pytest.raises(StateError) as refused:
        State.from_json(data, mini_story)
    assert message in str(refused.value)


def test_a_save_that_is_not_an_object_is_refused(mini_story: Story) -> None:
    with pytest.raises(StateError, match="the saved state is not an object"):
        State.from_json(["desk"], mini_story)


def test_a_pickled_state_plays_on_as_the_original(mini_story: Story) -> None:
    """The explorers hand states between processes and the cache pickles them: what a step kept for the next (the
    names, the offer) is left out and worked out again, so the copy must play exactly as the original."""
    state = played(mini_story)
    copied = pickle.loads(pickle.dumps(state))
    assert copied == state and copied.history == state.history
    for action in (ChoiceInput(1), ChoiceInput(2)):
        assert step(mini_story, copied, action) == step(mini_story, state, action)


@settings(max_examples=examples(100), deadline=None)
@given(st.integers(0, 12), st.integers(-20, 20))
def test_a_history_reads_as_its_tuple_errors_hashes_and_pickles_included(length: int, index: int) -> None:
    entries = tuple(HistoryEntry(f"s{number}", "t", (str(number),)) for number in range(length))
    history = History(entries)
    try:
        expected: HistoryEntry | type[IndexError] = entries[index]
    except IndexError:
        expected = IndexError
    if expected is IndexError:
        with pytest.raises(IndexError):
            history[index]
    else:
        assert history[index] == expected
    assert hash(history) == hash(entries) and history == entries and history == History(entries)
    assert history != list(entries) and (history == object()) is False
    assert pickle.loads(pickle.dumps(history)) == history
    assert repr(history) == f"History({list(entries)!r})"
    if not entries:
        with pytest.raises(IndexError, match="the history is empty"):
            history.without_last()
        with pytest.raises(IndexError, match="the history is empty"):
            history.last  # noqa: B018  # reading it is the test
        with pytest.raises(IndexError, match="the history is empty"):
            history.with_last(HistoryEntry("s", "t", ()))
