"""From a sentence's matches to its readings: each match is kept only where it is about her, licensed, given the roles
its frame needs and not excepted; then, where two readings claim the same words, the more specific one wins and each
trait's last reading stands, with what it implies.
"""

# No `from __future__ import annotations`: the named tuple below is made with nothing compiled (see game.story.span).

from typing import NamedTuple

from game.typewriter.clause_parts import EMOTION, SentenceShape
from game.typewriter.cues import intensity_spans
from game.typewriter.fading import FADING
from game.typewriter.grammar import LINKING_STEMS
from game.typewriter.lexicon_index import LexiconIndex, Pattern
from game.typewriter.licensing import (
    acts_on_her,
    after_adverbs,
    clause_subject_is_thing,
    feeling_is_felt,
    her_as_experiencer,
    own_before_a_noun,
    subject_roles,
    surface_is,
    used_as_meant,
)
from game.typewriter.matching import Match
from game.typewriter.reading import TraitReading
from game.typewriter.roles import (
    absence_clauses,
    has_words,
    near_clauses,
    object_fits,
    other_object,
    role_after,
    said_of_a_thing,
    stands_alone,
)
from game.typewriter.scope import excepted_phrases, intensity_of, reading_denied


class Candidate(NamedTuple):
    match: Match
    negated: bool
    specific: int
    """2 when a role or cue the frame asked for was found, else 0; ties are broken by the number of words."""
    intensity: float
    role: tuple[int, ...] = ()
    """Where the object the frame asked for stands, for `page --explain`."""


def find_candidates(
    index: LexiconIndex,
    form: SentenceShape,
    found: list[Match],
    negations: dict[int, tuple[int, tuple[str, ...]]],
    away_before: bool = False,
) -> list[Candidate]:
    if not found:
        return []
    words, keys = form.words, form.keys
    intensities: dict[int, tuple[int, float]] | None = None  # found at the first reading kept: most sentences keep none
    excepted = excepted_phrases(index, keys)
    if excepted and negations:
        # "her tears dried up": a feeling's ending is no part of an exception ("tears ... up" is no tearing up)
        ending = {p for at, (stop, cue) in negations.items() if cue in FADING for p in range(at, stop)}
        excepted = [(trait, phrase) for trait, phrase in excepted if ending.isdisjoint(phrase)]
    absent: dict[bool, set[int]] = {}
    heads = {(m.pattern.trait, m.start) for m in found} if excepted else set()  # asked only about an exception
    described: set[int] | None = None  # these two are made when first asked: most matches never get so far
    idioms: list[frozenset[int]] | None = None
    candidates = []
    for match in found:
        pattern = match.pattern
        head = match.start
        if not form.real[head] or (
            excepted
            and any(
                (trait == pattern.trait or (trait, head) in heads) and phrase & match.positions and not phrase <= match.positions
                for trait, phrase in excepted
            )
        ):
            continue  # an exception holds for its trait, and for any trait read from the same word ("leaves me in
            # stitches" is neither leaving nor staying; "sings the blues" is singing, only not sad)
        number = form.clause_of[head]  # `clause_at`, without a call for each match
        clause = form.clauses[number] if number >= 0 else None
        if clause is None:
            continue  # inside the words that join two clauses ("every time")
        if pattern.part == "feels" and not (surface_is(words[head], pattern.text) and feeling_is_felt(form, head)):
            continue
        if pattern.part == "idiom" and own_before_a_noun(pattern.text, words, match.end):
            continue
        if pattern.part == "idiom" and pattern.text.startswith("as ") and head >= 2 and words[head - 2] == "as":
            continue  # "as happy as she's ever been" compares; it does not say she is as she was
        if pattern.part == "does" and keys[head] in LINKING_STEMS:
            if described is None:
                described = {m.start for m in found if m.pattern.part == "is"}
            if after_adverbs(words, match.end) in described:
                continue  # "she stays cheerful", "remains calm": a linking verb, which says how she is, not where
        about_her = (
            (form.who[head] == index.subject and not (pattern.part == "idiom" and _her_as_object(pattern.text)))
            or (form.who[head] == EMOTION and pattern.part == "feels")
            or (
                pattern.part == "idiom"
                and bool({"her", "she"} & set(pattern.text.split()))
                and _idiom_subject_fits(index, form, head, pattern)
            )  # "it slips her mind", "I'm the one she loves", "nothing cheers her up"
            or her_as_experiencer(words, match, index.subject_names)
        )
        if not about_her or not used_as_meant(index, form, clause, match):
            continue
        frame = pattern.frame
        specific = 0
        role: tuple[int, ...] = ()
        if pattern.part == "idiom" and len(pattern.slots) >= 3:
            specific = 2
        if frame.object is not None:
            where = role_after(index, form, match, frame.object, clause.end if not frame.with_ else len(words))
            if where is None or any(where in phrase for _, phrase in excepted):
                continue  # "loves hot dogs": the object's word is in a phrase where it means something else
            specific, role = 2, _name_at(index, words, where)
        elif (
            pattern.part in ("is", "does")
            and pattern.trait in index.role_traits
            and (frame.when != "absence" or frame.opposite)  # "cries on the stairs when I leave": a place
            and not frame.with_  # "can't go to the store without me": the words after it are asked for by `with`
            and other_object(index, form, match, clause.end)
        ):
            continue
        if frame.when == "absence":
            if frame.opposite not in absent:
                # once a sentence (a long one has many); "I was gone a week. She wept." is his absence said just before
                every = set(range(len(form.clauses))) if away_before and not frame.opposite else set()
                absent[frame.opposite] = every or absence_clauses(index, form)
            if not absent[frame.opposite] & near_clauses(form, clause, index.narrator):
                continue
            specific = 2
        if frame.when == "alone" and not stands_alone(words, match.start, match.end, clause.end):
            continue
        if frame.with_ and (not has_words(keys, frame.with_, match.end) or (role and said_of_a_thing(index, words, role[0] + 1))):
            continue
        if pattern.objects and not object_fits(index, form, match, clause.end):
            continue
        if idioms is None:
            idioms = [m.positions for m in found if m.pattern.part == "idiom" and len(m.pattern.slots) >= 3]
        # a denial inside another idiom is that idiom's ("the way she used to be"), unless the idiom reads the same
        # words as this one: "she doesn't go to the store without me" is not her staying, and its "not" is still there
        phrases = (
            frozenset(i for positions in idioms if positions.isdisjoint(match.positions) for i in positions) if idioms else _NONE
        )
        denied = reading_denied(words, match, negations, clause.start, clause.end, phrases, index.name_words) != clause.denied
        if frame.when == "denied" and not denied:
            continue  # "she goes to the store without me" says nothing of clinging; "she can't go ... without me" does
        if intensities is None:
            intensities = intensity_spans(words)
        intensity = intensity_of(intensities, match, clause.start, clause.end)
        if frame.opposite and not denied and head and words[head - 1] in _NEXT_TO_NONE:
            denied, intensity = True, 1.0  # "she barely eats while I'm away": next to none of the opposite is the misery
        negated = denied != frame.opposite
        candidates.append(Candidate(match, negated, specific, intensity, role))
    return candidates


_NONE: frozenset[int] = frozenset()


_NEXT_TO_NONE = frozenset({"barely", "scarcely"})
"""Only a little of a trait's own words ("barely speaks French"); of its opposite's, next to none."""


def _name_at(index: LexiconIndex, words: list[str], at: int) -> tuple[int, ...]:
    """Where the object found at `at` stands, all of it when it is a name of several words ("loves *Monsieur Dubois*"),
    for the words `page --explain` shows; the object is still found by its first word, as before."""
    for length in range(min(index.longest_name, len(words) - at), 1, -1):
        if tuple(words[at : at + length]) in index.names:
            return tuple(range(at, at + length))
    return (at,)


def _her_as_object(text: str) -> bool:
    """ "cheers her up", "sets her free": an idiom whose "her" is what the verb acts on. Said by her of "her", it is
    another woman ("she sketches Mabel's portrait to cheer her up"): she would be "herself"."""
    words = text.split()
    at = words.index("her") if "her" in words else -1
    return at > 0 and (at + 1 == len(words) or words[at + 1] in _PARTICLES)


_PARTICLES = frozenset({"up", "down", "out", "off", "free", "away", "go", "be"})


def _idiom_subject_fits(index: LexiconIndex, form: SentenceShape, head: int, pattern: Pattern) -> bool:
    """Whether an idiom with "her" in it is said of her by this subject. For a trait with an object ("loves him",
    "likes the dog"), a subject that is one of its roles fills it: "Scotty is the apple of her eye" is her love of
    the dog, "I am the apple of her eye" her love of Calvin; for any other trait, a thing ("it slips her mind") or
    Calvin acting on her ("I cheer her up")."""
    if form.who[head] != index.subject and index.reader_pronoun(form.who[head]) == "she":
        return False  # "Mabel has her own life": her own, as another woman says it
    wanted = index.object_roles.get(pattern.trait)
    if wanted:
        roles = subject_roles(index, form, head)
        if roles:
            return not roles.isdisjoint(wanted)
    return clause_subject_is_thing(form, head) or (acts_on_her(pattern.text) and form.who[head] == index.narrator)


def resolve(index: LexiconIndex, candidates: list[Candidate], words: list[str]) -> list[TraitReading]:
    """Where readings share words, the more specific wins (of the same trait too: "not bound by" over "bound"); a denied
    word and its opposite asserted ("never leaves": stays) keep the assertion. A frame that says *when* a thing is done
    leaves the doing standing: "she cries whenever I go out" is miserable without him, and crying. Then each trait's
    last reading stands, with what it implies, except one after "without", which only says how the thing before it
    was done."""
    at: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        for position in candidate.match.positions:
            at.setdefault(position, []).append(candidate)
    if sum(map(len, at.values())) == len(at):
        kept = candidates  # no two readings share a word (most sentences): none can beat another
    else:
        kept = [candidate for candidate in candidates if not _beaten(index, candidate, at)]
    traits: dict[str, TraitReading] = {}
    for candidate in sorted(kept, key=_start):
        pattern = candidate.match.pattern
        if pattern.trait in traits and candidate.match.start > 0 and words[candidate.match.start - 1] == "without":
            continue  # "she leaves without saying goodbye": how she leaves, which does not take the leaving back
        matched = tuple(words[i] for i in sorted(candidate.match.positions | set(candidate.role)))
        reading = TraitReading(pattern.trait, candidate.negated, candidate.intensity, matched, _frame_words(pattern))
        traits.pop(pattern.trait, None)
        traits[pattern.trait] = reading
        if not candidate.negated:
            for implied in index.implies.get(pattern.trait, ()):
                traits.pop(implied, None)
                traits[implied] = TraitReading(implied, False, candidate.intensity, matched, f"implied by {pattern.trait}")
    return list(traits.values())


def _beaten(index: LexiconIndex, candidate: Candidate, at: dict[int, list[Candidate]]) -> bool:
    """Whether a reading sharing a word with this one wins over it."""
    beaten = False
    rivals = {id(other): other for position in candidate.match.positions for other in at[position]}
    for other in rivals.values():
        if other is candidate:
            continue
        if _rank(other) > _rank(candidate):
            beaten = not _done_when(index, candidate, other)
        elif _rank(other) == _rank(candidate) and other.match.pattern.trait != candidate.match.pattern.trait:
            if other.match.pattern.frame.opposite != candidate.match.pattern.frame.opposite:
                # the same words read two ways: a direct word denied loses to its opposite asserted, and the reverse
                beaten = candidate.negated and not other.negated
            else:
                # an idiom loses to the same words said of his absence: "a nervous wreck whenever I'm away" is no fear
                beaten = (
                    candidate.match.pattern.part == "idiom"
                    and other.match.pattern.frame.when == "absence"
                    and other.match.positions == candidate.match.positions
                )
        if beaten:
            break
    return beaten


def _start(candidate: Candidate) -> int:
    return candidate.match.start


def _done_when(index: LexiconIndex, plain: Candidate, framed: Candidate) -> bool:
    """ "cries" read plainly, beside "cries when I leave" read as a frame with a time: both are true. Only for an
    action that shows a mood (crying shows sadness: the lexicon says it `implies` it), which is seen, not inferred;
    "she mopes whenever I'm out" is the misery, and says no more."""
    return (
        plain.match.pattern.part == "does"
        and bool(index.implies.get(plain.match.pattern.trait))
        and framed.match.pattern.frame.when is not None
        and framed.match.pattern.trait != plain.match.pattern.trait
        and plain.match.start == framed.match.start
        and not plain.negated
        and not framed.negated  # "she never cries when I leave" says nothing of her crying at other times
    )


def _rank(candidate: Candidate) -> tuple[int, int]:
    return (candidate.specific, len(candidate.match.positions))


def _frame_words(pattern: Pattern) -> str:
    frame = pattern.frame
    parts = [f"{pattern.part}: {pattern.text}"]
    if frame.object:
        parts.append(f"object: {frame.object}")
    if frame.when:
        parts.append(f"when: {frame.when}")
    if frame.opposite:
        parts.append("opposite")
    return ", ".join(parts)
