"""`ruby-sparks page`: how a page is read and what it would change, without playing.

The effects are computed by the engine's own code on a fresh game, so what this shows is what the game does.
"""

from __future__ import annotations

from typing import Any

from game.engine.feedback import page_feedback, writers_own
from game.engine.runtime import Runtime
from game.engine.state import State
from game.engine.step import apply_reading
from game.records import attribute, prefab
from game.story.model import Story
from game.typewriter import read_page
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, SentenceReading
from game.typewriter.text import clean, split_sentences

MOODS = {
    "asserts": "says what is so",
    "answer": "answers the question before it",
    "question": "asks (a question asserts nothing)",
    "wish": "wishes, hopes or supposes (asserts nothing)",
    "condition": "states a condition (asserts nothing)",
    "reported": "reports someone's words or beliefs (asserts nothing)",
    "quoted": "is someone's speech in quotation marks (asserts nothing)",
    "blank": "holds no words",
}
"""How `page --explain` says what a sentence does, by its mood."""
WRITERS_OWN_MOOD = "reports the writer's own belief or words (asserts nothing)"
"""A `reported` sentence whose subject is the writer: "I think she sings"."""


@prefab(frozen=True)
class PageExplanation:
    reading: PageReading
    effects: tuple[str, ...]
    lines: tuple[str, ...]

    subjects: dict[str, str] = attribute(default_factory=dict)
    """Character id -> the name `--explain` shows for it."""
    about: str = "her"
    """The story's subject as the object of a sentence ("about her", "about him")."""
    moods: tuple[str, ...] = ()
    """What each sentence does, in words (see MOODS): the writer's own belief is told from another's."""

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        data = self.reading.to_json() | {"effects": list(self.effects)}
        if explain:
            for sentence, shown in zip(self.reading.sentences, data["sentences"], strict=True):
                shown["subject"] = self.subjects.get(sentence.subject, "someone else")
                shown["mood"] = sentence.mood
                for trait, trait_shown in zip(sentence.traits, shown["traits"], strict=True):
                    trait_shown["frame"] = trait.frame
                    trait_shown["words"] = list(trait.words)
        return data

    def to_text(self, explain: bool = False) -> str:
        out = []
        if self.reading.truncated:
            out.append(
                f"(The page was longer than the typewriter takes; only its first {MAX_PAGE_CHARS:,} characters were read.)"
            )
        for number, sentence in enumerate(self.reading.sentences, 1):
            about = f"about {self.about}" if sentence.about_ruby else f"not about {self.about}"
            out.append(f"{number}. {sentence.text!r}: {about}")
            if explain:
                out.append(f"     subject: {self.subjects.get(sentence.subject, 'someone else')}; it {self.moods[number - 1]}")
            for trait in sentence.traits:
                polarity = "negated" if trait.negated else "asserted"
                out.append(f"     {trait.id}: {polarity}, intensity {trait.intensity:g}")
                if explain:
                    out.append(f"         frame: {trait.frame}; words: {' '.join(trait.words) or '-'}")
        if not self.reading.sentences:
            out.append("The page is blank.")
        out.append("Effects: " + ("; ".join(self.effects) if self.effects else "none"))
        out.append("What the writer sees when the page comes out:")
        out.extend(f"  {line}" for line in self.lines)
        return "\n".join(out)


def explain_page(story: Story, text: str) -> PageExplanation:
    if story.lexicon is None:
        sentences = tuple(SentenceReading(text, False) for text in split_sentences(clean(text[:MAX_PAGE_CHARS])))
        reading = PageReading(sentences, len(text) > MAX_PAGE_CHARS)
        return PageExplanation(reading, (), ("This story has no lexicon: pages change nothing.",), moods=_moods(story, reading))
    reading = read_page(story.lexicon, story.characters, text)
    traits = {trait.id: 0.0 for trait in story.lexicon.traits}
    state = State(story.start, {n: v.default for n, v in story.variables.items()}, traits, seed=0)
    runtime = Runtime(story, state)
    apply_reading(runtime, reading)
    trait_effects = [
        f"{t.id} = {-t.intensity if t.negated else t.intensity:g}" for s in reading.sentences if s.about_ruby for t in s.traits
    ]
    subjects = {character.id: character.name for character in story.characters.values()}
    effects = tuple(trait_effects + runtime.effect_log)
    return PageExplanation(
        reading, effects, page_feedback(reading, story), subjects, story.subject_object, _moods(story, reading)
    )


def _moods(story: Story, reading: PageReading) -> tuple[str, ...]:
    return tuple(WRITERS_OWN_MOOD if writers_own(s, story) else MOODS[s.mood] for s in reading.sentences)
