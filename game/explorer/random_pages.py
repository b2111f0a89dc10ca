"""Pages a random player might type, made from the story's own lexicon so they exercise its traits.

A page asserts or negates a trait's phrase about the subject, says it about someone else, or is junk; the mix is what
an author needs to see every branch of a typewriter scene taken.
"""

from __future__ import annotations

import random

from game.story.model import Story, Trait

JUNK = ("", "asdf qwer", "The weather is grey.", "Calvin stares at the wall.", "!!!", "12345")


def random_page(story: Story, rng: random.Random) -> str:
    lexicon = story.lexicon
    if lexicon is None or not lexicon.traits or rng.random() < 0.1:
        return rng.choice(JUNK)
    trait = rng.choice(lexicon.traits)
    phrase = rng.choice(trait.phrases)
    roll = rng.random()
    if roll < 0.6:
        return f"{rng.choice((_subject_name(story), 'She'))} {_verb_phrase(phrase)}."
    if roll < 0.85:
        return _negation(story, phrase)
    return page_about_someone_else(story, trait)


def page_asserting(story: Story, trait: Trait) -> str:
    return f"{_subject_name(story)} {_verb_phrase(trait.phrases[0])}."


def negated_page(story: Story, trait: Trait) -> str:
    return _negation(story, trait.phrases[0])


def page_about_someone_else(story: Story, trait: Trait) -> str:
    subject = story.lexicon.subject if story.lexicon else ""
    other = next((c.name.split()[0] for c in story.characters.values() if c.id != subject), "Harry")
    return f"{other} {_verb_phrase(trait.phrases[0])}."


def _subject_name(story: Story) -> str:
    return story.subject.name.split()[0] if story.subject else "She"


def _negation(story: Story, phrase: str) -> str:
    subject = _subject_name(story)
    return f"{subject} is no longer {phrase}." if _is_adjective(phrase) else f"{subject} never {phrase}."


def _is_adjective(phrase: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    return not first.endswith("s") or first in ("is", "was")


def _verb_phrase(phrase: str) -> str:
    return phrase if not _is_adjective(phrase) or phrase.split()[0] in ("is", "was") else f"is {phrase}"
