"""What the engine tells front ends. Events are plain, frozen data: a front end renders them and decides nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.records import prefab
from game.story.model import Span
from game.typewriter.reading import PageReading


class Later:
    """A text worked out the first time it is read, then kept: a scene's status line, which the explorer and the
    replay verifier never read. Compared, hashed and pickled as the text it comes to."""

    __slots__ = ("_make", "_of", "_text")

    def __init__(self, text: str | None, make: Callable[[Any], str] | None = None, of: object = None) -> None:
        """The text, or the function that makes it from `of` (a function and its argument, not a closure: a scene
        shown made one, and the closure cost as much again)."""
        self._text, self._make, self._of = text, make, of

    @property
    def text(self) -> str:
        text = self._text
        if text is None:
            assert self._make is not None
            text = self._text = self._make(self._of)
            self._make = self._of = None
        return text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Later) and self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return repr(self.text)

    def __reduce__(self) -> tuple[Any, ...]:
        return Later, (self.text,)


@prefab(frozen=True)
class SceneShown:
    scene_id: str
    title: str
    act_title: str
    paragraphs: tuple[str, ...]
    status: Later

    @property
    def seems(self) -> str:
        """How the subject seems, from the story's status lines: worked out when a front end first asks."""
        return self.status.text


@prefab(frozen=True)
class ActStarted:
    act_id: str
    title: str


@prefab(frozen=True)
class Narration:
    """Text that follows an input: what a choice or a page led to, before the next scene."""

    paragraphs: tuple[str, ...]


@prefab(frozen=True)
class ChoicesOffered:
    labels: tuple[str, ...]


@prefab(frozen=True)
class TypewriterReady:
    prompt: tuple[str, ...]


@prefab(frozen=True)
class PageRead:
    """How a page was read, and what took, in Calvin's eyes (`lines`), with the reading for `page --json`."""

    reading: PageReading
    lines: tuple[str, ...]
    effects: tuple[str, ...]
    outcome: int = 0
    """Which of the scene's outcomes the page led to, numbered as written from 1: what `explore` counts, so that
    `graph --coverage` can tell an outcome no page took."""


@prefab(frozen=True)
class EndingReached:
    ending_id: str
    title: str
    paragraphs: tuple[str, ...]
    act_title: str = ""
    """The act the story ended in, for a header that always says where the player is (also after a load)."""


@prefab(frozen=True)
class Rejected:
    """The input does not fit this moment; the state is unchanged. `reason` is one line for the player."""

    reason: str


@prefab(frozen=True)
class Problem:
    """A mistake in the story that shows only at run time (division by zero, a value outside `values`).

    `context` says what was being done ("a choice of `kitchen`"), and `span` where in the story's files the thing that
    failed was written, kept as a file, line and column so a tool can take the author there."""

    message: str
    context: str
    span: Span | None = None

    @property
    def where(self) -> str:
        """The place as a reader is shown it: `scenes.yaml:12:5 (a choice of `kitchen`)`."""
        return f"{self.span} ({self.context})" if self.span else self.context


Event = SceneShown | ActStarted | Narration | ChoicesOffered | TypewriterReady | PageRead | EndingReached | Rejected | Problem
