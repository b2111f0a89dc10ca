"""Pages a random player might type, made from the story's own lexicon so they exercise its traits.

A page asserts or negates one or more traits' phrases about the subject (by a name the interpreter knows, or by the
subject's pronoun), says something about someone else, or is junk; the mix is what an author needs to see every
branch of a typewriter scene taken, including outcomes that need several traits at once.
"""

from __future__ import annotations

import random

from game.story.model import Story, Trait, TraitTest
from game.typewriter.examples import base_form, predicates

JUNK = ("", "asdf qwer", "The weather is grey.", "!!!", "12345")
PRONOUNS = {"she": "She", "he": "He", "they": "They"}


def random_page(story: Story, rng: random.Random) -> str:
    lexicon = story.lexicon
    if lexicon is None or not lexicon.traits or rng.random() < 0.1:
        return rng.choice(JUNK)
    if rng.random() < 0.15:
        return page_about_someone_else(story, rng.choice(lexicon.traits))
    traits = rng.sample(lexicon.traits, k=min(len(lexicon.traits), rng.choice((1, 1, 1, 2, 3))))
    subject = rng.choice((story.subject_name, _pronoun(story)))
    return " ".join(_sentence(subject, rng.choice(_ways(story, t)), negated=rng.random() < 0.3) for t in traits)


def page_for(story: Story, tests: tuple[TraitTest, ...]) -> str:
    """One page that asserts (or negates) every trait in `tests`: what an outcome's `wrote:` asks for."""
    lexicon = story.lexicon
    sentences = []
    for test in tests:
        trait = lexicon.trait(test.trait) if lexicon else None
        if trait is not None:
            sentences.append(_sentence(story.subject_name, _ways(story, trait)[0], test.negated))
    return " ".join(sentences)


def page_asserting(story: Story, trait: Trait) -> str:
    return _sentence(story.subject_name, _ways(story, trait)[0], negated=False)


def page_about_someone_else(story: Story, trait: Trait) -> str:
    subject = story.lexicon.subject if story.lexicon else ""
    other = next((c for c in story.characters.values() if c.id != subject), None)
    name = (other.names[0] if other.names else other.name).title() if other else "The weather"
    return _sentence(name, _ways(story, trait)[0], negated=False)


def _pronoun(story: Story) -> str:
    return PRONOUNS.get(story.subject.pronoun, "She") if story.subject else "She"


def _ways(story: Story, trait: Trait) -> tuple[tuple[str, bool], ...]:
    assert story.lexicon is not None
    return predicates(story.lexicon, trait) or ((trait.id.replace("_", " "), True),)


def _sentence(subject: str, way: tuple[str, bool], negated: bool) -> str:
    predicate, adjective = way
    if not negated:
        return f"{subject} {predicate}."
    if adjective:
        return f"{subject} is no longer {predicate.removeprefix('is ').removeprefix('was ')}."
    return f"{subject} never {_base(predicate)}."


def _base(predicate: str) -> str:
    """ "laughs at him" -> "laugh at him", for "never": the reader reads both, but players write it this way."""
    first, _, rest = predicate.partition(" ")
    return f"{base_form(first)} {rest}".strip()
