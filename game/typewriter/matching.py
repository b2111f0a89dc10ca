"""Where the lexicon's patterns stand in a sentence: each pattern is found from its first stem, its slots filled in
order with a little slack, a negation inside it counted as one word. Matching only finds; whether a match is a reading
is decided after (`candidates`).
"""

# No `from __future__ import annotations`: the named tuple below is made with nothing compiled (see game.story.span).

from typing import NamedTuple

from game.typewriter.clause_words import PREPOSITIONS
from game.typewriter.compiled import CompiledReader, Starts
from game.typewriter.grammar import POSSESSIVES
from game.typewriter.lexicon_index import NEGATION, Pattern

MAX_GAP = {"does": 3, "is": 1, "feels": 1, "idiom": 1}
"""How many words may sit between the words of a phrase: a verb's object may be far ("speaks fluent, lovely French"), an
idiom's words stay close ("her heart is so heavy"), or "her ... French" would find French in "her mother speaks French"."""


class Match(NamedTuple):
    """Where a pattern was found: named tuples, since a page makes hundreds of them and a record class costs more."""

    pattern: Pattern
    start: int
    end: int
    positions: frozenset[int]
    consumed: frozenset[int]


NOTHING: frozenset[int] = frozenset()

_new_match = tuple.__new__
"""A match made in C: the named tuple's own constructor is a Python function, and a page makes a match per word."""

_PARTICLE_SLOTS = frozenset(((word,),) for word in ("up", "down", "out", "off", "away", "back", "over"))
"""An idiom's closing particle comes right after what comes before it: in "make her jump up" the "up" is jumping's,
so it is not "made her up"."""


_SINGLE = [frozenset((i,)) for i in range(256)]


def _at(position: int) -> frozenset[int]:
    """The one position of a one-word match, shared: a page makes a set like this for most of its words."""
    return _SINGLE[position] if position < len(_SINGLE) else frozenset((position,))


def find_matches(compiled: CompiledReader, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]]) -> list[Match]:
    found: list[Match] = []
    present = set(keys)
    starts = compiled.starts
    for start, key in enumerate(keys):
        entry = starts[key]
        # most stems that start a pattern ("her", "in", "a") start only phrases filed under a stem the sentence lacks:
        # asked here, without a call for each such word
        if entry is not None and (entry.plain or not entry.guarded.keys().isdisjoint(present)):
            _found_at(entry, keys, negations, present, start, found)
        if start in negations:
            _found_at(compiled.negated_starts, keys, negations, present, start, found)
    return found


def _found_at(
    entry: Starts,
    keys: list[str],
    negations: dict[int, tuple[int, tuple[str, ...]]],
    present: set[str],
    start: int,
    found: list[Match],
) -> None:
    """The patterns `entry` starts that stand at `start`, added to `found` in the index's order."""
    hits: list[tuple[int, Match]] = []
    if entry.guarded and not entry.guarded.keys().isdisjoint(present):  # usually it is: no new set is made
        for guard in entry.guarded.keys() & present:
            for order, pattern in entry.guarded[guard]:
                if pattern.needs <= present:
                    match = _match_at(pattern, keys, negations, start)
                    if match is not None:
                        hits.append((order, match))
    for order, pattern, single in entry.plain:
        if single:
            match = _new_match(Match, (pattern, start, start + 1, _at(start), NOTHING))  # one word: it is here
        else:  # what a plain pattern needs is at most its first stem, which is here
            match = _match_at(pattern, keys, negations, start)
            if match is None:
                continue
        if hits:
            hits.append((order, match))
        else:
            found.append(match)
    if hits:
        hits.sort(key=_first)
        found.extend(match for _, match in hits)


def _first(hit: tuple[int, Match]) -> int:
    return hit[0]


def _match_at(pattern: Pattern, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], start: int) -> Match | None:
    positions: set[int] = set()
    consumed: set[int] = set()
    i = start
    for number, slot in enumerate(pattern.slots):
        gap = 0 if pattern.part == "idiom" and slot in _PARTICLE_SLOTS else MAX_GAP[pattern.part]
        limit = i if number == 0 else min(i + gap, len(keys) - 1)
        hit = None
        j = i
        while j <= limit and hit is None:
            if number and keys[j] == ",":
                break  # "never sings, not even in the shower": the comma ends "sings", and "sing in the shower"
            hit = _slot_at(slot, keys, negations, j)
            joined = hit is None and number and keys[j] in ("and", "but", "or")
            if joined and (j == i or _slot_at(slot, keys, negations, j + 1) is None):
                break  # "in tears and runs", "dreams of Paris and speaking French": "and" ends a phrase, unless it
                # joins two objects and the word the phrase wants is the second ("speaks Spanish and French")
            if hit is None and number and keys[i - 1] in POSSESSIVES and keys[j] in PREPOSITIONS:
                break  # "with her in French" is not "her French": what "her" owns comes next, not past a preposition
            if hit is None:
                # a denial inside the phrase counts as one word however long it is ("is no longer mine", as "is not mine")
                step = negations[j][0] - j if j in negations else 1
                limit = min(limit + step - 1, len(keys) - 1)
                j += step
        if hit is None:
            return None
        if any(NEGATION in alternative for alternative in slot) and j in negations:
            consumed.add(j)
        positions.update(range(j, hit))
        i = hit
    return Match(pattern, start, i, frozenset(positions), frozenset(consumed))


def _slot_at(
    slot: tuple[tuple[str, ...], ...], keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], j: int
) -> int | None:
    for alternative in slot:
        position = j
        for word in alternative:
            if word == NEGATION and position in negations:
                position = negations[position][0]
            elif position < len(keys) and keys[position] == word:
                position += 1
            else:
                break
        else:
            return position
    return None
