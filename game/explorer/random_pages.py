"""Pages a random player might type, made from the story's own lexicon so they exercise its traits.

A page asserts or negates one or more traits' phrases about the subject (by a name the interpreter knows, or by the
subject's pronoun), says something about someone else, or is junk; the mix is what an author needs to see every
branch of a typewriter scene taken, including outcomes that need several traits at once, and (with "very", "always")
conditions that need a strong trait, such as `joyful >= 2`.
"""

from __future__ import annotations

import random

from game.story.model import Story, Trait, TraitTest
from game.typewriter.examples import base_form, predicates

JUNK = ("", "asdf qwer", "The weather is grey.", "!!!", "12345")
PRONOUNS = {"she": "She", "he": "He", "they": "They"}


class PageWriter:
    """Writes a story's random pages. Each trait's plain sentences are worked out once, when first needed: a thousand
    playthroughs type thousands of pages, and building them again for each page cost more than reading them."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._ways: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._subjects = (story.subject_name, _pronoun(story))
        self._sentences: dict[tuple[str, tuple[str, bool], bool, bool], str] = {}
        """Each sentence made, by what makes it: the same few come back thousands of times."""

    def random(self, rng: random.Random) -> str:
        lexicon = self.story.lexicon
        if lexicon is None or not lexicon.traits or rng.random() < 0.1:
            return rng.choice(JUNK)
        if rng.random() < 0.15:
            return self.about_someone_else(rng.choice(lexicon.traits))
        traits = rng.sample(lexicon.traits, k=min(len(lexicon.traits), rng.choice((1, 1, 1, 2, 3))))
        subject = rng.choice(self._subjects)
        sentences = self._sentences
        said = []
        for trait in traits:
            key = (subject, rng.choice(self.ways(trait)), rng.random() < 0.3, rng.random() < 0.25)
            sentence = sentences.get(key)
            if sentence is None:
                sentence = sentences[key] = _sentence(*key)
            said.append(sentence)
        return " ".join(said)

    def for_tests(self, tests: tuple[TraitTest, ...]) -> str:
        """One page that asserts (or negates) every trait in `tests`: what an outcome's `wrote:` asks for."""
        lexicon = self.story.lexicon
        sentences = []
        for test in tests:
            trait = lexicon.trait(test.trait) if lexicon else None
            if trait is not None:
                sentences.append(_sentence(self.story.subject_name, self.ways(trait)[0], test.negated))
        return " ".join(sentences)

    def asserting(self, trait: Trait) -> str:
        return _sentence(self.story.subject_name, self.ways(trait)[0], negated=False)

    def about_someone_else(self, trait: Trait) -> str:
        story = self.story
        subject = story.lexicon.subject if story.lexicon else ""
        other = next((c for c in story.characters.values() if c.id != subject), None)
        name = (other.names[0] if other.names else other.name).title() if other else "The weather"
        return _sentence(name, self.ways(trait)[0], negated=False)

    def ways(self, trait: Trait) -> tuple[tuple[str, bool], ...]:
        known = self._ways.get(trait.id)
        if known is None:
            assert self.story.lexicon is not None
            narrator = self.story.characters.get(self.story.lexicon.narrator or "")
            way = predicates(self.story.lexicon, trait, narrator.pronoun if narrator else "he")
            known = way or ((trait.id.replace("_", " "), True),)
            self._ways[trait.id] = known
        return known


def random_page(story: Story, rng: random.Random) -> str:
    """One random page, for a caller that types only a few (a test); the explorer keeps one `PageWriter`."""
    return PageWriter(story).random(rng)


def _pronoun(story: Story) -> str:
    return PRONOUNS.get(story.subject.pronoun, "She") if story.subject else "She"


def _sentence(subject: str, way: tuple[str, bool], negated: bool, strong: bool = False) -> str:
    predicate, adjective = way
    if not negated and strong:
        if adjective:
            return (
                f"{subject} is very {predicate.removeprefix('is ')}."
                if predicate.startswith("is ")
                else f"{subject} {predicate}."
            )
        return f"{subject} always {predicate}."
    if not negated:
        return f"{subject} {predicate}."
    if adjective:
        return f"{subject} is no longer {predicate.removeprefix('is ').removeprefix('was ')}."
    return f"{subject} never {_base(predicate)}."


def _base(predicate: str) -> str:
    """ "laughs at him" -> "laugh at him", for "never": the reader reads both, but players write it this way."""
    first, _, rest = predicate.partition(" ")
    return f"{base_form(first)} {rest}".strip()
