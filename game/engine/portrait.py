"""The subject as the writer has made her so far: the pages written, each trait in force and the sentence that set it,
how she seems, and how much of her is his writing.

The subject's screen (ChoiceScript's stats screen is the model) draws this and decides nothing: every line comes from
the state, so plain mode or a test can show the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from game.engine.feedback import said
from game.engine.runtime import Runtime
from game.engine.state import State
from game.records import prefab
from game.story.model import Story
from game.typewriter.reading import TraitReading

CONTROL_WORDS = (
    (0, "None of her is your writing: what she is, she is by herself."),
    (1, "A little of her is your writing."),
    (3, "Much of her is your writing."),
    (6, "Most of what she is, you wrote."),
    (10, "She is almost all your writing now."),
)
"""Calvin's control in words, by the number of pages that changed her: a line, never a number (VISION §1)."""


@prefab(frozen=True)
class PageWritten:
    number: int
    scene_title: str
    text: str


@prefab(frozen=True)
class TraitInForce:
    trait: str
    said: str
    """The trait as it stands, in words: "She speaks French.", "She will never be sad."."""
    page: int = 0
    """The number of the page that set it last; 0 when the story, not a page, set it."""
    sentence: str = ""


@prefab(frozen=True)
class Portrait:
    name: str
    seems: str
    pages: tuple[PageWritten, ...]
    traits: tuple[TraitInForce, ...]
    control: str


def portrait(story: Story, state: State) -> Portrait:
    pages: list[PageWritten] = []
    set_by: dict[str, tuple[int, str]] = {}
    changed_her = 0
    for entry in state.history:
        if not entry.page:
            continue
        pages.append(PageWritten(len(pages) + 1, entry.title, entry.page))
        changed_her += bool(entry.written)
        for written in entry.written:
            set_by[written.trait] = (len(pages), written.sentence)
    traits = []
    if story.lexicon is not None:
        for trait in story.lexicon.traits:
            value = state.traits.get(trait.id, 0.0)
            if value:
                page, sentence = set_by.get(trait.id, (0, ""))
                words = said(TraitReading(trait.id, negated=value < 0, intensity=abs(value)), story.lexicon)
                traits.append(TraitInForce(trait.id, words, page, sentence))
    traits.sort(key=lambda trait: (trait.page == 0, trait.page))  # the pages' doing first, in the order written
    control = next(words for least, words in reversed(CONTROL_WORDS) if changed_her >= least)
    return Portrait(story.subject_name, Runtime(story, state).seems(), tuple(pages), tuple(traits), control)


SheetPart = Literal["name", "label", "value", "heading", "none", "trait", "source", "page", "text"]


def sheet(portrait: Portrait) -> Iterator[tuple[SheetPart, str]]:
    """The subject's sheet in order, each line with what it is: the TUI's screen and plain mode lay it out, and say
    the same."""
    yield "name", portrait.name
    if portrait.seems:
        yield "label", "How she seems"
        yield "value", portrait.seems
    yield "label", "Your hold on her"
    yield "value", portrait.control
    yield "heading", "What is true of her"
    if not portrait.traits:
        yield "none", "Nothing you have written about her has taken."
    for trait in portrait.traits:
        yield "trait", trait.said
        yield "source", f"page {trait.page}: “{trait.sentence}”" if trait.page else "the story made it so, not a page"
    yield "heading", f"Pages written ({len(portrait.pages)})"
    if not portrait.pages:
        yield "none", "None yet."
    for page in portrait.pages:
        yield "page", f"Page {page.number} · {page.scene_title}"
        yield "text", page.text.rstrip()
