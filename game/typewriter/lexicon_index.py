"""A story's lexicon and characters, compiled once into lookup tables for reading pages fast.

Every way of saying a trait becomes a `Pattern`: a sequence of word slots (word stems, or a negation) with the part it
plays (`is`, `does`, `feels`, `idiom`) and the frame whose roles it needs. Patterns are found by their first stem, so a
page costs a dictionary lookup per word, whatever the size of the lexicon.
"""

# No `from __future__ import annotations`: the named tuple below is made with nothing compiled (see game.story.span).

from collections.abc import Mapping
from typing import Literal, NamedTuple

from game.records import attribute, prefab
from game.story.model import Character, Frame, Lexicon, Trait
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.cues import negation_spans
from game.typewriter.grammar import FIRST_PERSON
from game.typewriter.text import tokens
from game.typewriter.typos import Vocabulary
from game.typewriter.words import inflections, irregular_forms, stem

NEGATION = "\0not"
"""A phrase slot that any negation fills: "not remember" also reads "never remembers"."""
SLOT_NEGATIONS = frozenset({("not",), ("never",), ("no", "longer"), ("no", "more")})
"""Negations an author may write inside a phrase ("can not bear to be apart"); any of them fills the slot."""
_AS_HERS = {
    "he": {"he": "she", "him": "her", "his": "her", "himself": "herself"},
    "they": {"they": "she", "them": "her", "their": "her", "theirs": "hers", "themselves": "herself", "themself": "herself"},
}
_SHE_AS_HIM = {"she": "he", "her": "him", "hers": "his", "herself": "himself"}
_SHE_AS_THEM = {"she": "they", "her": "them", "hers": "theirs", "herself": "themselves"}


def pronoun_swaps(subject_pronoun: str, narrator_pronoun: str | None) -> dict[str, str]:
    """The reader's rules are written for a subject who is "she" and a writer who is "him": another subject's pronouns
    are read as hers, and then "she" is the writer's when the writer is a woman ("he trusts her": the narrator), or
    someone else's."""
    swaps = _AS_HERS.get(subject_pronoun)
    if swaps is None:
        return {}
    if subject_pronoun == "they" or narrator_pronoun == "she":
        return swaps | _SHE_AS_HIM
    return swaps | _SHE_AS_THEM


WILDCARD = "*"
"""In an `except` phrase, any one word: "paints a * picture of" (a gloomy, a rosy...)."""
OTHER = ""
"""The subject of a sentence about someone or something that is not the lexicon's subject."""

SUBJECTLESS_WORDS = frozenset({"she", "he", "they", "is", "are", "was", "were", "be", "been", "am"})
"""Dropped from format-1 phrases: authors wrote "is happy" or "she is happy", but the reader finds the subject itself."""
_SUBJECTLESS_STEMS = frozenset(stem(word) for word in SUBJECTLESS_WORDS)

Part = Literal["is", "does", "feels", "idiom"]
Alternative = tuple[str, ...]
Slot = tuple[Alternative, ...]


class Pattern(NamedTuple):
    """One way of saying a trait, compiled: `slots` of stems, the part they play, and the frame that owns them.

    A named tuple, not a record class: an index holds some 1,500 of them, and the story cache reads them back on every
    start, which a tuple does several times faster."""

    trait: str
    part: Part
    slots: tuple[Slot, ...]
    frame: Frame
    text: str
    """As the author wrote it, for `page --explain`."""
    objects: frozenset[str] = frozenset()
    """Stems of the frame's `objects`: empty when any object will do."""
    forms: frozenset[str] = frozenset()
    """For a verb, the forms its first word takes: "pins" stems like "pine" but is not one of its forms."""
    needs: frozenset[str] = frozenset()
    """Stems every reading of it must find on the page: a sentence without them is never tried, which keeps reading
    fast when many phrases start with the same small word ("her", "in", "a")."""


@prefab
class LexiconIndex:
    subject: str
    narrator: str | None
    patterns: dict[str, list[Pattern]]
    """Patterns by the stem of their first word."""
    exceptions: dict[str, dict[str, list[tuple[str, Alternative]]]]
    """(trait, stems) of each `except` phrase, by its first stem and then by its next stem that is not a `*` (or `*`
    when it has none): a page tries only the phrases whose second word it holds."""
    names: dict[tuple[str, ...], str]
    longest_name: int
    vocabulary: Vocabulary
    name_vocabulary: Vocabulary
    roles: dict[str, frozenset[str]]
    """Role name -> the stems that fill it: a character's names (and for the narrator, I, me, my), or a role's words."""
    implies: dict[str, tuple[str, ...]]
    trait_ids: tuple[str, ...]
    role_traits: frozenset[str]
    """Traits with a frame that needs an object: their role-free words must not take another object."""
    object_roles: dict[str, frozenset[str]]
    """For each such trait, the roles its frames take as object ("in love with *him*", "crazy about *the dog*")."""
    subject_names: frozenset[str] = frozenset()
    """One-word names of the subject ("ruby"): the reader's rules say "she or Ruby", in any story's names."""
    narrator_names: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    """One-word names of every character: someone named, who can be a subject or an object."""
    pronouns: dict[str, str] = attribute(default_factory=dict)
    """How this story's pronouns map onto the reader's, which is written for a subject called "she": for a subject
    who is "he", he/him/his are read as she/her/her, and she/her as they/them (someone else), or as he/him when the
    narrator is a "she" (see `pronoun_swaps`)."""

    def reader_pronoun(self, character: str) -> str:
        """A character's pronoun as the reader sees it once this story's pronouns are swapped: a narrator who is "she"
        is "he" to a reader of a story whose subject is "he"."""
        found = self.characters.get(character)
        pronoun = found.pronoun if found is not None else ""
        return self.pronouns.get(pronoun, pronoun)

    name_starts: frozenset[str] = frozenset()
    characters: Mapping[str, Character] = attribute(default_factory=dict, repr=False)
    feeling_keys: frozenset[str] = frozenset()
    """Stems that start a `feels` pattern ("joy", "sadness"): a feeling that can fill her or be the subject."""
    role_words: dict[tuple[str, bool], tuple[frozenset[str], frozenset[str]]] = attribute(default_factory=dict)
    """For each character and role, and whether a subject's forms ("he", "I") count: the words that name it, and the
    words of every other role but those (see `words_of_role`). Made once here: a frame that wants an object asked
    them of every role at each of its matches."""


def build_index(lexicon: Lexicon, characters: Mapping[str, Character]) -> LexiconIndex:
    wordnet = dict(lexicon.wordnet)
    heads = {word for trait in lexicon.traits for frame in trait.frames for word in (*frame.is_, *frame.does, *frame.feels)}
    owners: dict[str, set[str]] = {}
    for trait in lexicon.traits:
        for frame in trait.frames:
            for word in (*frame.is_, *frame.does):
                owners.setdefault(word, set()).add(trait.id)
    narrator = characters.get(lexicon.narrator or "")
    writer = (
        frozenset(word for name in (narrator.names or (narrator.name,)) if len(tokens(name)) == 1 for word in tokens(name))
        if narrator
        else frozenset()
    )
    patterns: dict[str, list[Pattern]] = {}
    exceptions: dict[str, dict[str, list[tuple[str, Alternative]]]] = {}
    spellings: set[str] = set()

    objects_of: dict[int, frozenset[str]] = {}
    """One set of objects per frame, shared by its patterns (and so pickled once in the story cache)."""

    def add(trait: Trait, part: Part, text: str, frame: Frame, synonyms: Mapping[str, list[Alternative]], legacy: bool) -> None:
        slots = _slots(text, synonyms, drop_subjectless=legacy, writer=writer)
        if not slots:
            return
        if id(frame) not in objects_of:
            objects_of[id(frame)] = frozenset(stem(word) for phrase in frame.objects for word in tokens(phrase))
        needs = frozenset(slot[0][0] for slot in slots if len(slot) == 1 and len(slot[0]) == 1 and slot[0][0] != NEGATION)
        words = tokens(text)
        forms = inflections(words[0]) if part == "does" and words else frozenset()
        pattern = Pattern(trait.id, part, slots, frame, text, objects_of[id(frame)], forms, needs)
        for alternative in slots[0]:
            patterns.setdefault(alternative[0], []).append(pattern)
        spellings.update(words)

    for trait in lexicon.traits:
        for frame in trait.frames:
            for part, words in (("is", frame.is_), ("does", frame.does), ("feels", frame.feels), ("idiom", frame.idioms)):
                for text in words:
                    add(trait, part, text, frame, {}, legacy=False)  # type: ignore[arg-type]
                    for synonym in wordnet.get(text, ()):
                        # a WordNet synonym never crosses into another trait, nor repeats a head of this one
                        if synonym not in heads and owners.get(text) == {trait.id}:
                            add(trait, part, synonym, frame, {}, legacy=False)  # type: ignore[arg-type]
            for text in frame.with_:
                spellings.update(tokens(text))
            for text in frame.except_:
                words = _alternative(text, writer)
                if words:
                    anchor = next((word for word in words[1:] if word != WILDCARD), WILDCARD)
                    exceptions.setdefault(words[0], {}).setdefault(anchor, []).append((trait.id, words))
        if trait.phrases:
            phrase_frame = Frame()
            synonyms = {stem(word): [_alternative(s, writer) for s in others] for word, others in trait.synonyms}
            for text in trait.phrases:
                add(trait, "idiom", text, phrase_frame, synonyms, legacy=True)
            for word, others in trait.synonyms:
                spellings.add(word)
                for other in others:
                    spellings.update(tokens(other))
    names: dict[tuple[str, ...], str] = {}
    for character in characters.values():
        for name in character.names or (character.name,):
            key = tuple(tokens(name))
            if key:
                names[key] = character.id
    if lexicon.subject not in characters:
        names[(lexicon.subject,)] = lexicon.subject
    roles: dict[str, frozenset[str]] = {}
    for character in characters.values():
        named = {word for name in (*character.names, character.name) for word in tokens(name)} - FUNCTION_WORDS
        if character.id == lexicon.narrator:
            named |= FIRST_PERSON - {"i"}  # "I" is a subject: "she sticks around, whatever I write" is not about me
        roles[character.id] = frozenset(stem(word) for word in named)
    for role, words in lexicon.roles:
        # a phrase counts by its last word, the thing it names: "the clock", "tower clock" are the clock, and "the"
        # or "tower" alone are not
        extra = {stem(found[-1]) for text in words if (found := [w for w in tokens(text) if w not in FUNCTION_WORDS])}
        roles[role] = roles.get(role, frozenset()) | frozenset(extra)
    single_names = {key[0] for key in names if len(key) == 1}
    subject_pronoun = characters[lexicon.subject].pronoun if lexicon.subject in characters else "she"
    narrator_character = characters.get(lexicon.narrator or "")
    swaps = pronoun_swaps(subject_pronoun, narrator_character.pronoun if narrator_character else None)
    role_words = {word for words in roles.values() for word in words}
    forms = {form: stem(form) for word in spellings - {","} for form in (word, stem(word), *irregular_forms(word))}
    forms.update({word: word for word in role_words})
    return LexiconIndex(
        lexicon.subject,
        lexicon.narrator,
        patterns,
        exceptions,
        names,
        max((len(k) for k in names), default=1),
        Vocabulary(forms, protected=single_names),
        Vocabulary({name: name for name in single_names}, protected=set(forms), deep=False),
        roles,
        {trait.id: trait.implies for trait in lexicon.traits},
        tuple(trait.id for trait in lexicon.traits),
        frozenset(trait.id for trait in lexicon.traits if any(frame.object for frame in trait.frames)),
        {trait.id: frozenset(f.object for f in trait.frames if f.object) for trait in lexicon.traits},
        subject_names=frozenset(key[0] for key, who in names.items() if len(key) == 1 and who == lexicon.subject),
        narrator_names=frozenset(key[0] for key, who in names.items() if len(key) == 1 and who == lexicon.narrator),
        name_words=frozenset(single_names),
        pronouns=swaps,
        name_starts=frozenset(key[0] for key in names),
        characters=dict(characters),  # a copy the index owns, and one that pickles: the story's is a read-only view
        feeling_keys=frozenset(key for key, found in patterns.items() if any(pattern.part == "feels" for pattern in found)),
        role_words={
            (role, forms): words_of_role(roles, characters, lexicon.narrator, role, forms, swaps)
            for role in {*roles, *characters}
            for forms in (False, True)
        },
    )


def words_of_role(
    roles: Mapping[str, frozenset[str]],
    characters: Mapping[str, Character],
    narrator: str | None,
    role: str,
    forms: bool,
    swaps: Mapping[str, str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The words that name a role ("me", "calvin", and "i" too with a subject's `forms`), and the words of every other
    role but those."""
    words = set(roles.get(role, ()))
    character = characters.get(role)
    if character is not None and swaps.get(character.pronoun, character.pronoun) == "he":
        words |= {"him", "his", "himself"} | ({"he"} if forms else set())
    if role == narrator:
        words |= {"me", "my", "mine", "myself"} | ({"i"} if forms else set())
    others = {word for name, found in roles.items() if name != role for word in found} - words
    return frozenset(words), frozenset(others)


def _alternative(text: str, writer: frozenset[str] = frozenset()) -> Alternative:
    if "*" in text:
        return tuple(WILDCARD if part == "*" else stem(word) for part in text.split() for word in (tokens(part) or [part]))
    words = [word for word in tokens(text.replace("-", " ")) if word != ","]
    cues = negation_spans(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        if i in cues and cues[i][1] in SLOT_NEGATIONS:
            out.append(NEGATION)
            i = cues[i][0]
        else:
            out.append(WRITER if words[i] in writer else stem(words[i]))
            i += 1
    return tuple(out)


def _slots(
    text: str, synonyms: Mapping[str, list[Alternative]], drop_subjectless: bool, writer: frozenset[str]
) -> tuple[Slot, ...]:
    words = _alternative(text, writer)
    if drop_subjectless:
        words = tuple(w for w in words if w not in _SUBJECTLESS_STEMS) or words
    return tuple(((word,), *synonyms.get(word, ()), *WRITER_FORMS.get(word, ())) for word in words)


WRITER = "\0writer"
"""In a phrase, the narrator's one-word name, whatever the story calls them."""
WRITER_FORMS: dict[str, tuple[Alternative, ...]] = {
    "him": (("me",), (WRITER,)),
    "me": (("him",), (WRITER,)),
    "his": (("my",), (WRITER, "'s")),
    "my": (("his",), (WRITER, "'s")),
    "he": (("i",), (WRITER,)),
    "i": (("he",), (WRITER,)),
}
"""In a phrase, the writer may be named any way: "only has eyes for him" reads "...for me" and "...for Calvin" too."""
