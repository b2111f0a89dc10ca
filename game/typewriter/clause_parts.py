"""What the clause reader makes and the word tests every step of it asks: a `Clause` (where it runs, who it is about,
whether it asserts) and the `SentenceShape` of a whole sentence; is a name here, is this a past tense, is this a fear
said with "be". Kept apart so the steps (`clause_split`, `subjects`, `embedding`) depend on it and not on each other.
"""

from __future__ import annotations

from game.records import attribute, prefab
from game.typewriter.grammar import BE, FEAR_ADJECTIVES
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.words import IRREGULAR

EMOTION = "\0emotion"
"""The subject of "joy fills her": a feeling, which makes the clause about whoever it fills."""


OBJECTS = frozenset({"me", "him", "her", "them", "us", "you", "everyone"})
"""Words that stand as someone's object ("tells him", "wants me to"); characters' names do too."""


@prefab
class Clause:
    start: int
    end: int
    lead: tuple[str, ...] = ()
    """The word(s) that opened it: a coordinator or a subordinator ("when", "every time"), or nothing."""
    subject: str = OTHER
    subject_word: str = ""
    """The word the subject starts with ("it", "harry", "her"), or "" when it is carried on."""
    own_subject: bool = False
    """False when the subject is carried on from before ("She paints and sings", "Very happy.")."""
    predicate: int = 0
    """Where the predicate starts: after the subject and any auxiliary of a question."""
    asserts: bool = True
    denied: bool = False
    """Set for the clause after "it is not true that...": the whole of it is denied."""
    fact: bool = False
    """A fact her verb of knowing or seeing takes ("she knows [the dog is gone]"): its subject goes no further."""
    linking: list[int] = attribute(default_factory=list)
    """Positions of verbs after which an adjective describes the subject (is, seems, feels, becomes)."""


@prefab
class SentenceShape:
    words: list[str]
    keys: list[str]
    clauses: list[Clause]
    who: list[str]
    """For each word, whose predicate it stands in."""
    real: list[bool]
    """For each word, whether the sentence asserts what stands there."""
    mood: str = "asserts"
    subject: str = OTHER
    """The subject of the first main clause: who the sentence is about."""

    clause_of: list[int] = attribute(default_factory=list)
    """For each word, the number of its clause, or -1 for the words that join two clauses ("every time")."""

    def clause_at(self, position: int) -> int:
        return self.clause_of[position]


def past_tense(word: str) -> bool:
    """ "phoned", "went": a verb's past form (irregular ones from the stemmer's own table), which no noun phrase holds."""
    return word in IRREGULAR or (word.endswith("ed") and len(word) > 3)


def name_at(index: LexiconIndex, words: list[str], i: int) -> tuple[int, str] | None:
    if words[i] not in index.name_starts:
        return None
    for size in range(min(index.longest_name, len(words) - i), 0, -1):
        character = index.names.get(tuple(words[i : i + size]))
        if character is not None:
            return i + size, character
    return None


def agrees_with_her(word: str) -> bool:
    """ "leaves", "paints": a verb in the form that agrees with "she" (a guess from the spelling, for the places
    where no lexicon head says so)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def fear_at(words: list[str], j: int) -> bool:
    """ "am afraid", "is scared": a fear said with "be", which a clause may follow."""
    return words[j] in FEAR_ADJECTIVES and j > 0 and words[j - 1] in BE
