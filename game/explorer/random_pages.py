"""Pages a random player might type, made from the story's own lexicon so they exercise its traits.

A page asserts or negates a trait's phrase about the subject, says it about someone else, or is junk; the mix is what
an author needs to see every branch of a typewriter scene taken.
"""

from __future__ import annotations

import random

from game.story.model import Lexicon, Story

JUNK = ("", "asdf qwer", "The weather is grey.", "Calvin stares at the wall.", "!!!", "12345")


def random_page(story: Story, rng: random.Random) -> str:
    lexicon: Lexicon | None = story.lexicon
    if lexicon is None or not lexicon.traits or rng.random() < 0.1:
        return rng.choice(JUNK)
    trait = rng.choice(lexicon.traits)
    phrase = rng.choice(trait.phrases)
    subject = story.subject.name.split()[0] if story.subject else "She"
    roll = rng.random()
    if roll < 0.6:
        return f"{rng.choice((subject, 'She'))} {_verb_phrase(phrase)}."
    if roll < 0.85:
        return f"{subject} is no longer {phrase}." if _is_adjective(phrase) else f"{subject} never {phrase}."
    other = next((c.name.split()[0] for c in story.characters.values() if c.id != lexicon.subject), "Harry")
    return f"{other} {_verb_phrase(phrase)}."


def _is_adjective(phrase: str) -> bool:
    first = phrase.split()[0] if phrase.split() else ""
    return not first.endswith("s") or first in ("is", "was")


def _verb_phrase(phrase: str) -> str:
    return phrase if not _is_adjective(phrase) or phrase.split()[0] in ("is", "was") else f"is {phrase}"
