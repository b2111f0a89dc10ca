"""Read a page: which sentences are about the subject, and which traits each asserts or denies, how strongly.

The reading is deliberately shallow and predictable: a sentence's subject is the first character it names (or a
pronoun), a fragment carries on the subject before it, and a trait is any of its phrases found in word order with a
few words between. Players learn the rules by seeing `ruby-sparks page` and the in-game feedback; surprises there
would feel like cheating, so every rule is one a reader can state in a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

from ducktools.classbuilder.prefab import prefab

from game.story.model import Character, Lexicon
from game.typewriter.cues import AFTERWARD_NEGATIONS, intensity_spans, negation_spans
from game.typewriter.lexicon_index import NEGATION, OTHER, LexiconIndex, Phrase, build_index
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, SentenceReading, TraitReading
from game.typewriter.text import POSSESSIVE, clean, split_sentences, tokens
from game.typewriter.words import common_words, stem

MAX_GAP = 3
"""How many words may sit between the words of a phrase: "speaks fluent, lovely French"."""
WINDOW = 4
"""How far before or after a phrase an intensity word still counts: "she is always so very happy"."""

CLAUSE_JOINERS = frozenset({"and", "but", "yet", "while", "whereas", "although", "though", "because", "however", "so"})
OTHER_SUBJECT_STARTERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "nobody",
        "people",
        "nothing",
        "everything",
        "something",
        "one",
        "what",
        "who",
        "which",
        "where",
        "if",
        "when",
    }
)
PREDICATE_STARTERS = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "be",
        "has",
        "had",
        "have",
        "does",
        "did",
        "do",
        "can",
        "could",
        "will",
        "would",
        "should",
        "might",
        "may",
        "must",
        "seems",
        "looks",
        "feels",
        "becomes",
        "became",
        "gets",
        "got",
        "grows",
        "stays",
        "remains",
        "keeps",
        "starts",
        "also",
        "too",
        "still",
        "now",
        "then",
        "even",
        "just",
        "suddenly",
        "again",
        "not",
        "never",
        "no",
        "always",
        "often",
        "sometimes",
        "really",
        "truly",
        "very",
    }
)

_indexes: dict[int, tuple[Lexicon, Mapping[str, Character], LexiconIndex]] = {}


def read_page(lexicon: Lexicon, characters: Mapping[str, Character], text: str) -> PageReading:
    """The whole page, sentence by sentence. Never raises on any text: a page is player input, not code."""
    index = _index_for(lexicon, characters)
    truncated = len(text) > MAX_PAGE_CHARS
    page = clean(text[:MAX_PAGE_CHARS])
    sentences = []
    previous_subject: str | None = index.subject
    for sentence in split_sentences(page):
        reading, previous_subject = _read_sentence(index, sentence, previous_subject)
        sentences.append(reading)
    return PageReading(tuple(sentences), truncated)


def _index_for(lexicon: Lexicon, characters: Mapping[str, Character]) -> LexiconIndex:
    if lexicon.index is not None and lexicon.index.built_for(lexicon, characters):
        return lexicon.index
    cached = _indexes.get(id(lexicon))
    if cached and cached[0] is lexicon and cached[1] is characters:
        return cached[2]
    index = build_index(lexicon, characters)
    if len(_indexes) > 16:
        _indexes.clear()
    _indexes[id(lexicon)] = (lexicon, characters, index)
    return index


@prefab(frozen=True)
class _Match:
    phrase: Phrase
    start: int
    end: int
    positions: frozenset[int]
    consumed_negations: frozenset[int]


def _read_sentence(index: LexiconIndex, text: str, previous: str | None) -> tuple[SentenceReading, str | None]:
    words = tokens(text)
    boundaries = _clause_boundaries(index, words)
    keys = [_key(index, word) for word in words]
    references = _references(index, words)
    negations = negation_spans(words)
    intensities = intensity_spans(words)
    found = _find_matches(index, keys, negations, boundaries)
    # "loves Calvin's dog" is about the dog: a phrase that ends on a possessor did not say what it seems to
    matches = _choose([m for m in found if m.end >= len(words) or words[m.end] != POSSESSIVE])
    asking = text.rstrip("\"') ").endswith("?")
    traits: dict[str, TraitReading] = {}
    about = False
    clause_starts = [0, *sorted(boundaries)]
    for number, start in enumerate(clause_starts):
        end = clause_starts[number + 1] if number + 1 < len(clause_starts) else len(words)
        if start >= end:
            continue
        clause_matches = [m for m in matches if start <= m.start < end]
        first_trait = min((m.start for m in clause_matches), default=end)
        subject = next((ref for pos, ref in references if start <= pos < first_trait), None)
        if subject is None and clause_matches and _continues(words, start, clause_matches[0].start == start):
            subject = previous
        elif subject is None and not clause_matches:
            subject = next((ref for pos, ref in references if start <= pos < end), None)
            if subject is None and _continues(words, start, False):
                subject = previous
        if subject is None:
            subject = OTHER
        previous = subject
        if subject != index.subject:
            continue
        about = True
        if asking:
            continue
        for match in clause_matches:
            reading = TraitReading(
                match.phrase.trait, _negated(match, negations, start, end), _intensity(intensities, match, start, end)
            )
            traits.pop(reading.id, None)
            traits[reading.id] = reading
    return SentenceReading(text, about, tuple(traits.values())), previous


def _key(index: LexiconIndex, word: str) -> str:
    """The lexicon's spelling of `word` (its stem, or what a misspelling was meant to be), remembered per index."""
    known = index.keys.get(word)
    if known is None:
        known = _lookup(index, word)
        if len(index.keys) < 100_000:
            index.keys[word] = known
    return known


def _lookup(index: LexiconIndex, word: str) -> str:
    if word == ",":
        return word
    key = stem(word)
    if key in index.vocabulary.words:
        return key
    corrected = index.vocabulary.correct(word) or index.vocabulary.correct(key)
    if corrected is None or word in common_words() or key in common_words():
        return key
    return corrected


def _clause_boundaries(index: LexiconIndex, words: list[str]) -> set[int]:
    """Where a new clause starts: at "and", "but"... and at a comma that a new subject follows."""
    boundaries: set[int] = set()
    for i, word in enumerate(words):
        if word in CLAUSE_JOINERS and i > 0:
            boundaries.add(i + 1)
        elif word == "," and i + 1 < len(words):
            following = words[i + 1]
            if following in index.references or following in OTHER_SUBJECT_STARTERS or _name_at(index, words, i + 1):
                boundaries.add(i + 1)
    return boundaries


def _continues(words: list[str], start: int, starts_with_trait: bool) -> bool:
    """Does a clause with no subject of its own carry on the one before ("Very happy.", "A little sad.")?"""
    if 0 in intensity_spans(words[start : start + 4]):
        return True
    word = words[start]
    if word in OTHER_SUBJECT_STARTERS:
        return False
    return starts_with_trait or word in PREDICATE_STARTERS or word == ","


def _name_at(index: LexiconIndex, words: list[str], i: int) -> tuple[int, str] | None:
    if words[i] not in index.name_starts and len(words[i]) < 5:
        return None
    for size in range(min(index.longest_name, len(words) - i), 0, -1):
        character = index.names.get(tuple(words[i : i + size]))
        if character is not None:
            return i + size, character
    if len(words[i]) >= 5:
        corrected = index.name_vocabulary.correct(words[i])
        if corrected is not None and (corrected,) in index.names:
            return i + 1, index.names[(corrected,)]
    return None


def _references(index: LexiconIndex, words: list[str]) -> list[tuple[int, str]]:
    """Every mention of a character (by name or pronoun), in order; reflexives never start a sentence's subject."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        named = _name_at(index, words, i)
        if named is not None:
            found.append((i, OTHER if _possessed_subject(index, words, named[0]) else named[1]))
            i = named[0]
            continue
        if words[i] in index.references:
            found.append((i, index.references[words[i]]))
        i += 1
    return found


COPULAS = frozenset({"is", "was", "are", "were", "has", "had", "seems", "looks", "becomes", "became", "gets", "got"})


def _possessed_subject(index: LexiconIndex, words: list[str], after: int) -> bool:
    """ "Ruby's mother is sad" is about her mother; "Ruby's French is perfect" is still about Ruby's French."""
    if after + 2 >= len(words) or words[after] != POSSESSIVE or words[after + 2] not in COPULAS:
        return False
    return _key(index, words[after + 1]) not in index.phrases_by_first


def _find_matches(
    index: LexiconIndex, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], boundaries: set[int]
) -> list[_Match]:
    found = []
    for start, key in enumerate(keys):
        candidates = index.phrases_by_first.get(NEGATION if start in negations else key, [])
        if start in negations:
            candidates = candidates + index.phrases_by_first.get(key, [])
        for phrase in candidates:
            match = _match_at(phrase, keys, negations, boundaries, start)
            if match is not None:
                found.append(match)
    return found


def _match_at(
    phrase: Phrase, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], boundaries: set[int], start: int
) -> _Match | None:
    positions: set[int] = set()
    consumed: set[int] = set()
    i = start
    for number, slot in enumerate(phrase.slots):
        limit = i if number == 0 else min(i + MAX_GAP, len(keys) - 1)
        hit = None
        j = i
        while j <= limit and hit is None:
            if j > i and j in boundaries:
                break
            hit = _slot_at(slot, keys, negations, j)
            if hit is None:
                j += 1
        if hit is None:
            return None
        if NEGATION in slot[0] and j in negations:
            consumed.add(j)
        positions.update(range(j, hit))
        i = hit
    return _Match(phrase, start, i, frozenset(positions), frozenset(consumed))


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


def _choose(matches: list[_Match]) -> list[_Match]:
    """Longest phrases first, so "miserable without him" is one trait and not also "miserable"."""
    taken: set[int] = set()
    chosen = []
    for match in sorted(matches, key=lambda m: (-len(m.positions), -m.phrase.size, m.start)):
        if taken.isdisjoint(match.positions):
            chosen.append(match)
            taken |= match.positions
    return sorted(chosen, key=lambda m: m.start)


def _negated(match: _Match, negations: dict[int, tuple[int, tuple[str, ...]]], start: int, end: int) -> bool:
    count = 0
    for position, (_, cue) in negations.items():
        if position in match.consumed_negations or (position in match.positions and cue not in AFTERWARD_NEGATIONS):
            continue
        if start <= position < match.end or (match.end <= position < end and cue in AFTERWARD_NEGATIONS):
            count += 1
    return count % 2 == 1


def _intensity(spans: dict[int, tuple[int, float]], match: _Match, start: int, end: int) -> float:
    before = [
        value for position, (stop, value) in spans.items() if max(start, match.start - WINDOW) <= position and stop <= match.start
    ]
    if before:
        return before[-1]
    after = [
        value
        for position, (stop, value) in spans.items()
        if match.end <= position < min(end, match.end + WINDOW) and position not in match.positions
    ]
    return after[0] if after else 1.0
