"""The whole truth of a playthrough, as plain data.

`State` is frozen and small: the engine returns a new one for every input, so undo, saves, replays and the explorer are
copies of it. `to_json`/`from_json` round-trip exactly; `from_json` checks what it is given, because saves come from disk.
"""

from __future__ import annotations

import math
from typing import Any

from game.engine.history import History
from game.printable import control_character
from game.records import as_dict, attribute, prefab, replace
from game.story.model import RETURN, Choice, Scene, Story, Value


class Offer:
    """What a scene offered when it was shown: the scene (so an offer is used only for the story that made it), the
    choices whose conditions held, in the order they are numbered, and their labels (None when the offer was worked
    out from a state rather than shown: nothing was interpolated).

    Not a record: never saved or compared, and read about five times a step, by the step and the explorer. A slotted
    class's attributes are read by Python 3.11's fastest path; a frozen record's (its fields set through its
    `__dict__`) are looked up in full each time."""

    __slots__ = ("choices", "labels", "scene")

    def __init__(self, scene: Scene, choices: tuple[Choice, ...], labels: tuple[str, ...] | None) -> None:
        self.scene, self.choices, self.labels = scene, choices, labels

    def __repr__(self) -> str:
        return f"Offer({self.scene.id!r}, {[choice.target for choice in self.choices]!r}, {self.labels!r})"


class StateError(Exception):
    """A state (from a save or a replay) that does not fit the story; the message is for the player."""


@prefab(frozen=True)
class Written:
    """A trait a page made true or denied, and the sentence that did it: the subject's screen says where each thing
    about her came from."""

    trait: str
    sentence: str


@prefab(frozen=True)
class HistoryEntry:
    """One scene as the player saw it, and what they did there (`action`, empty until they act): with the rest, the
    whole transcript the history screen shows and exports."""

    scene: str
    title: str
    paragraphs: tuple[str, ...]
    action: str = ""
    after: tuple[str, ...] = ()
    """What the choice or the page led to, before the next scene."""
    page: str = ""
    """The whole page written here, as the typewriter read it (`action` quotes only its start)."""
    reading: tuple[str, ...] = ()
    """How the page was read, line by line, as the player saw it when it was pulled out."""
    written: tuple[Written, ...] = ()


@prefab(frozen=True)
class State:
    scene: str
    variables: dict[str, Value]
    traits: dict[str, float]
    seed: int
    rng_counter: int = 0
    turn: int = 0
    act: str | None = None
    ending: str | None = None
    page_about_ruby: bool = False
    history: History[HistoryEntry] = attribute(default_factory=History)
    counts: dict[str, int] = attribute(default_factory=dict)
    """What format 2 counts, by name: visits to a scene (`visits(kitchen)`), a choice taken (`chosen(ask)`), and how far
    each sequence, cycle or once-only text has gone (`kitchen#1`). Only what the story reads is counted: empty for a
    story that uses none of them."""
    stack: tuple[str, ...] = ()
    """Where each `return` goes, innermost last: a subroutine scene's callers."""
    names: dict[str, Value] | None = attribute(default=None, init=False, compare=False, repr=False, serialize=False)
    """Every value above in the one mapping the story's conditions read (see `game.engine.compiled`): kept by the step
    that made this state, for the next step to start from without building it again; None until then (a state read
    from a save, or made by `replace`, which leaves it out)."""
    offered: Offer | None = attribute(default=None, init=False, compare=False, repr=False, serialize=False)
    """The choices the step that made this state offered, and their labels as shown: choosing one, the explorer and
    `available_choices` take them from here instead of testing every condition again. None when not known."""

    def with_history(self, history: History[HistoryEntry]) -> State:
        """The same state with another history, keeping what its step worked out (neither reads the history)."""
        state = replace(self, history=history)
        object.__setattr__(state, "names", self.names)
        object.__setattr__(state, "offered", self.offered)
        return state

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without what a step kept for the next one: the offer holds parts of the story."""
        return {key: value for key, value in self.__dict__.items() if key not in ("names", "offered")}

    def __setstate__(self, data: dict[str, Any]) -> None:
        self.__dict__.update(data, names=None, offered=None)

    def to_json(self) -> dict[str, Any]:
        return as_dict(self) | {
            "variables": dict(self.variables),
            "traits": dict(self.traits),
            "history": [_entry_json(entry) for entry in self.history],
            "counts": dict(self.counts),
            "stack": list(self.stack),
        }

    @classmethod
    def from_json(cls, data: Any, story: Story) -> State:
        """A state read back from JSON, checked against the story so a bad save cannot crash the engine later."""
        state = cls.read_json(data)
        state.check(story)
        return state

    @classmethod
    def read_json(cls, data: Any) -> State:
        """A state read back from JSON, well formed but not yet checked against any story (a save of an edited story
        is first carried onto the story as it is now: see `game.engine.migrate`)."""
        if not isinstance(data, dict):
            raise StateError("the saved state is not an object")
        try:
            state = cls(
                scene=_text(data["scene"]),
                variables=dict(data["variables"]),
                traits={str(k): float(v) for k, v in dict(data["traits"]).items()},
                seed=_integer(data["seed"]),
                rng_counter=_integer(data.get("rng_counter", 0)),
                turn=_integer(data.get("turn", 0)),
                act=None if data.get("act") is None else _text(data["act"]),
                ending=None if data.get("ending") is None else _text(data["ending"]),
                page_about_ruby=bool(data.get("page_about_ruby", False)),
                history=read_history(data.get("history", [])),
                counts=read_counts(data.get("counts", {})),
                stack=tuple(_text(target) for target in data.get("stack", [])),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StateError(f"the saved state is incomplete or malformed ({error.__class__.__name__}: {error})") from None
        return state

    def check(self, story: Story) -> None:
        if self.ending is not None:
            if self.ending not in story.endings:
                raise StateError(f"the saved ending `{self.ending}` is not in this story")
        elif self.scene not in story.scenes:
            raise StateError(f"the saved scene `{self.scene}` is not in this story")
        if set(self.variables) != set(story.variables):
            raise StateError("the saved variables do not match this story's")
        for name, variable in story.variables.items():
            value = self.variables[name]
            expected = {"bool": (bool,), "str": (str,), "int": (int,), "number": (int, float)}[variable.type]
            if isinstance(value, bool) != (variable.type == "bool") or not isinstance(value, expected):
                raise StateError(f"the saved variable `{name}` has the wrong type")
        trait_ids = {trait.id for trait in story.lexicon.traits} if story.lexicon else set()
        if set(self.traits) != trait_ids or not all(math.isfinite(v) for v in self.traits.values()):
            raise StateError("the saved traits do not match this story's lexicon")
        for target in self.stack:
            if target not in story.scenes and target not in story.endings and target != RETURN:
                raise StateError(f"the saved scene `{target}` to return to is not in this story")


def read_history(entries: Any) -> History[HistoryEntry]:
    """The history of a saved state; raises TypeError, ValueError or KeyError when it is not one."""
    return History(_entry(e) for e in entries)


def read_counts(data: Any) -> dict[str, int]:
    """The counts of a saved state: names and whole numbers from 0 (a save comes from disk)."""
    counts = {_text(name): _integer(value) for name, value in dict(data).items()}
    if any(value < 0 for value in counts.values()):
        raise ValueError("a count below zero")
    return counts


_ALWAYS = ("scene", "title", "paragraphs", "action")


def _entry_json(entry: HistoryEntry) -> dict[str, Any]:
    """An entry as JSON, without the parts a scene left empty (most have no page): saves stay small."""
    data = as_dict(entry) | {"paragraphs": list(entry.paragraphs), "after": list(entry.after), "reading": list(entry.reading)}
    data["written"] = [as_dict(written) for written in entry.written]
    return {key: value for key, value in data.items() if value or key in _ALWAYS}


def _entry(data: Any) -> HistoryEntry:
    """An entry read back; saves made before the transcript kept pages and aftermaths load with those left empty."""
    return HistoryEntry(
        _text(data["scene"]),
        _text(data["title"]),
        _texts(data["paragraphs"]),
        _text(data.get("action", "")),
        _texts(data.get("after", ())),
        _text(data.get("page", "")),
        _texts(data.get("reading", ())),
        tuple(Written(_text(w["trait"]), _text(w["sentence"])) for w in data.get("written", ())),
    )


def _texts(values: Any) -> tuple[str, ...]:
    if isinstance(values, str):
        raise TypeError("expected a list of strings, got a string")
    return tuple(_text(value) for value in values)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    if control_character(value) is not None:
        raise ValueError("a text holds a control character (a save's text is shown in a terminal)")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value
