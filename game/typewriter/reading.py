"""What the typewriter made of a page: plain data, shared by the engine, `ruby-sparks page` and the front ends."""

from __future__ import annotations

from typing import Any, Literal

from game.records import attribute, prefab

MAX_PAGE_CHARS = 20_000
"""A page longer than this is cut here (and says so): a huge paste must not stall the game."""

Mood = Literal["asserts", "question", "answer", "wish", "condition", "reported", "quoted", "blank"]
"""How a sentence speaks: only `asserts` and `answer` make anything true; the rest are why nothing took."""


@prefab(frozen=True)
class TraitReading:
    """One trait a sentence asserted (or, `negated`, denied), and how strongly: 1 plain, 2 "very", 0.5 "a little"."""

    id: str
    negated: bool = False
    intensity: float = 1.0
    words: tuple[str, ...] = attribute(default=(), compare=False)
    """The words of the page that matched, for `page --explain` and the typewriter's margin."""
    frame: str = attribute(default="", compare=False)
    """Which of the trait's frames it was, in words ("does: love, object: calvin")."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "negated": self.negated, "intensity": self.intensity}


@prefab(frozen=True)
class SentenceReading:
    text: str
    about_ruby: bool
    traits: tuple[TraitReading, ...] = ()
    subject: str = attribute(default="", compare=False)
    """Who the sentence is about, as the reader found it: a character id, or "" for someone or something else."""
    mood: Mood = attribute(default="asserts", compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "about_ruby": self.about_ruby, "traits": [t.to_json() for t in self.traits]}


@prefab(frozen=True)
class PageReading:
    sentences: tuple[SentenceReading, ...]
    truncated: bool = False

    @property
    def about_ruby(self) -> bool:
        return any(sentence.about_ruby for sentence in self.sentences)

    def to_json(self) -> dict[str, Any]:
        """`truncated` says the page was longer than MAX_PAGE_CHARS and only its first part was read: a script must be
        able to tell a page read whole from one cut, as a person reading the text can."""
        return {"sentences": [s.to_json() for s in self.sentences], "truncated": self.truncated}
