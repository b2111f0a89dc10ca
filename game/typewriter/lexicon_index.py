"""A story's lexicon and characters, compiled once into lookup tables for reading pages fast."""

from __future__ import annotations

from collections.abc import Mapping

from ducktools.classbuilder.prefab import attribute, prefab

from game.story.model import Character, Lexicon, Trait
from game.typewriter.cues import negation_spans
from game.typewriter.text import tokens
from game.typewriter.words import Vocabulary, stem

NEGATION = "\0not"
"""A phrase slot that any negation fills: "not remember" also reads "never remembers"."""

SUBJECTLESS_WORDS = frozenset({"she", "he", "they", "is", "are", "was", "were", "be", "been", "am"})
"""Dropped from phrases: authors write "is happy" or "she is happy", but the reader finds the subject itself."""

OTHER_PRONOUNS = {
    "she": ("she", "her", "hers"),
    "he": ("he", "him", "his"),
    "they": ("they", "them", "their", "theirs"),
}
NARRATOR = ("i", "me", "my", "mine", "we", "us", "our", "you", "your", "it", "its")
OTHER = ""
"""The subject of a sentence about someone or something that is not a character the story names."""

_SUBJECTLESS_STEMS = frozenset(stem(word) for word in SUBJECTLESS_WORDS)

Alternative = tuple[str, ...]
Slot = tuple[Alternative, ...]


@prefab(frozen=True)
class Phrase:
    trait: str
    slots: tuple[Slot, ...]

    @property
    def size(self) -> int:
        return len(self.slots)


@prefab
class LexiconIndex:
    subject: str
    phrases_by_first: dict[str, list[Phrase]]
    names: dict[tuple[str, ...], str]
    longest_name: int
    vocabulary: Vocabulary
    name_vocabulary: Vocabulary
    references: dict[str, str] = attribute(default_factory=dict)
    keys: dict[str, str] = attribute(default_factory=dict)
    """Words already looked up: a page repeats its words, and typo search is the slow part."""
    name_starts: frozenset[str] = frozenset()
    characters: Mapping[str, Character] = attribute(default_factory=dict, repr=False)
    traits: tuple[Trait, ...] = attribute(default=(), repr=False)
    """What it was built from: a reader given other characters or other traits (a lexicon changed with `replace`)
    builds its own index."""

    def built_for(self, lexicon: Lexicon, characters: Mapping[str, Character]) -> bool:
        return self.characters is characters and self.traits is lexicon.traits and self.subject == lexicon.subject


def build_index(lexicon: Lexicon, characters: Mapping[str, Character]) -> LexiconIndex:
    phrases_by_first: dict[str, list[Phrase]] = {}
    forms: dict[str, str] = {}
    for trait in lexicon.traits:
        synonyms = {stem(word): [_alternative(s) for s in others] for word, others in trait.synonyms}
        words: set[str] = set()
        for text in trait.phrases:
            slots = _slots(text, synonyms)
            if not slots:
                continue
            phrase = Phrase(trait.id, slots)
            for alternative in slots[0]:
                phrases_by_first.setdefault(alternative[0], []).append(phrase)
            words.update(tokens(text))
        if words:
            for raw in _spellings(words, trait.synonyms):
                forms.setdefault(raw, stem(raw))
    names: dict[tuple[str, ...], str] = {}
    for character in characters.values():
        for name in character.names or (character.name,):
            key = tuple(tokens(name))
            if key:
                names[key] = character.id
    if lexicon.subject not in characters:
        names[(lexicon.subject,)] = lexicon.subject
    subject_pronoun = characters[lexicon.subject].pronoun if lexicon.subject in characters else "she"
    references = {word: OTHER for word in NARRATOR}
    for pronoun, pronoun_forms in OTHER_PRONOUNS.items():
        for form in pronoun_forms:
            references[form] = lexicon.subject if pronoun == subject_pronoun else OTHER
    single_names = {key[0] for key in names if len(key) == 1}
    return LexiconIndex(
        lexicon.subject,
        phrases_by_first,
        names,
        max((len(k) for k in names), default=1),
        Vocabulary(forms, protected=single_names | set(references)),
        Vocabulary({name: name for name in single_names}, protected=set(forms) | set(references)),
        references,
        name_starts=frozenset(key[0] for key in names),
        characters=characters,
        traits=lexicon.traits,
    )


def _spellings(words: set[str], synonyms: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    """A trait's phrase words and synonyms as written and as stemmed, so a typo is measured against both."""
    found = set(words)
    for word, others in synonyms:
        found.add(word)
        for other in others:
            found.update(tokens(other))
    return {form for word in found - {","} for form in (word, stem(word))}


def _alternative(text: str) -> Alternative:
    words = [word for word in tokens(text) if word != ","]
    cues = negation_spans(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        if i in cues:
            out.append(NEGATION)
            i = cues[i][0]
        else:
            out.append(stem(words[i]))
            i += 1
    return tuple(out)


def _slots(text: str, synonyms: dict[str, list[Alternative]]) -> tuple[Slot, ...]:
    words = _alternative(text)
    kept = [w for w in words if w not in _SUBJECTLESS_STEMS] or list(words)
    return tuple(((word,), *synonyms.get(word, ())) for word in kept)
