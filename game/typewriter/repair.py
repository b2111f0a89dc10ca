"""From typed words to the words the reader knows: each word repaired where it was meant as a word of the lexicon, of
the grammar or a name, and reduced to its stem. Kept apart because typo search is the slow part of reading, and its
results are remembered per story by the compiled reader.
"""

from __future__ import annotations

from game.typewriter.closed_class import CLOSED_CLASS, FUNCTION_WORDS
from game.typewriter.compiled import REMEMBERED_WORDS, CompiledReader
from game.typewriter.cues import NEGATING_VERBS
from game.typewriter.lexicon_index import WRITER, LexiconIndex
from game.typewriter.typos import Vocabulary
from game.typewriter.words import common_words, stem

GRAMMAR_WORDS = Vocabulary(
    {word: word for word in FUNCTION_WORDS | {"loves", "doesn", "nothing", "nobody", "everyone", "everything", "someone"}},
    deep=False,
)
"""The small words a typo must not hide ("shee", "nevr", "whitout"): repaired like the lexicon's own words."""


def normalise(compiled: CompiledReader, raw: list[str]) -> tuple[list[str], list[str]]:
    """Words with typos repaired where they were meant as the lexicon's or grammar's words or a name, and their stems."""
    words: list[str] = []
    keys: list[str] = []
    known = compiled.words
    for word in raw:
        pairs = known.get(word)
        if pairs is None:
            pairs = _normalised(compiled.index, word)
            if len(known) < REMEMBERED_WORDS:
                known[word] = pairs
        if len(pairs) == 2:
            words.append(pairs[0])
            keys.append(pairs[1])
        else:
            words.extend(pairs[0::2])
            keys.extend(pairs[1::2])
    return words, keys


def _normalised(index: LexiconIndex, word: str) -> tuple[str, ...]:
    """One typed word as (surface, key) pairs, flattened: usually one pair; two for a name with its 's left bare."""
    if word in index.narrator_names:
        return (word, WRITER)  # the narrator by name, for phrases such as "only has eyes for him" ("...for Calvin")
    if word.endswith("s") and (word[:-1],) in index.names and word not in common_words():
        return (word[:-1], word[:-1], "'s", "'s")  # "harrys happy", "rubys dog": the apostrophe left out
    surface, _, key = _lookup(index, word).partition("\0")
    if surface != word and surface in index.pronouns:
        return _normalised(index, index.pronouns[surface])  # "Tehy are happy": the typo mended, then read as hers
    return (surface, key)


def _lookup(index: LexiconIndex, word: str) -> str:
    """ "surface\0key" for one typed word: cached per index, since typo search is the slow part of reading.

    A word the lexicon or the grammar knows is itself. Any other word is either English the lexicon has no use for
    ("kitchen", and "point", which is never read as "paint") or a slip of the fingers, searched for what it was meant
    to be."""
    if word == "," or word == "'s":
        return f"{word}\0{word}"
    key = stem(word)
    if key in index.name_vocabulary.forms and key != word and not _english(word, key):
        return f"{key}\0{key}"  # "Rubyy": a name with a letter held down
    if key in index.vocabulary.words or word in index.vocabulary.forms or len(word) < 3:
        return f"{word}\0{key}"
    if word.endswith("s") and stem(word[:-1]) in index.vocabulary.words:
        return f"{word}\0{stem(word[:-1])}"  # "boogies": an -s form the stemmer cuts otherwise than its base
    if word in GRAMMAR_WORDS.forms or word in CLOSED_CLASS:
        return f"{word}\0{key}"
    spelled = _spelling(index, word)
    if spelled is not None:
        return spelled
    if _english(word, key):
        return f"{word}\0{key}"
    return _repair(index, word, key) or f"{word}\0{key}"


def _spelling(index: LexiconIndex, word: str) -> str | None:
    """Spoken spellings of words the reader needs, repaired even when a word list has them: "lovin", "feelin" (the g
    left off), "soo". Words the reader has no use for are left as they are, so this never loads the word list."""
    if word.endswith("in") and (word,) not in index.names and len(word) >= 4:
        dropped = word + "g"
        # "lovin" is "loving"; "begin" is not "beging", which is no word
        if dropped in CLOSED_CLASS or (stem(dropped) in index.vocabulary.words and dropped in common_words()):
            return f"{dropped}\0{stem(dropped)}"
    if word.endswith("d") and not word.endswith("ed") and len(word) >= 4:
        past = word[:-1] + "ed"  # "stopd", "stoppd", "lovd": the e of -ed left out
        if stem(past) in index.vocabulary.words or stem(past) in NEGATING_VERBS:
            return f"{past}\0{stem(past)}"
    single = _undouble(word)
    if single != word and (single in CLOSED_CLASS or stem(single) in index.vocabulary.words) and word not in common_words():
        return f"{single}\0{stem(single)}"  # a letter held down
    return None


def _repair(index: LexiconIndex, word: str, key: str) -> str | None:
    """What a word that nobody knows was meant to be, as "surface\0key", or None."""
    grammar = GRAMMAR_WORDS.correct(word)
    if grammar is not None:
        return f"{grammar}\0{stem(grammar)}"
    name = index.name_vocabulary.correct(word)
    if name is not None:
        return f"{name}\0{name}"
    corrected = index.vocabulary.correct(word) or index.vocabulary.correct(key)
    return f"{word}\0{corrected}" if corrected else None


def _english(word: str, key: str) -> bool:
    """Is the word real English ("point", "buys", "rubies", "crepes"), never to be read as a typo?"""
    common = common_words()
    if word in common or (word.endswith(("s", "ed", "ing", "ly", "er", "est", "d")) and key in common):
        return True
    if word.endswith("ed") and word[:-1] in common:
        return True  # "died", "freed": the past of a word ending in e, which the stemmer leaves whole
    return word.endswith("s") and word[:-1] in common  # a plural the stemmer cuts further ("crepes": crep)


def _undouble(word: str) -> str:
    if not any(map(str.__eq__, word, word[1:])):
        return word  # no letter twice in a row (most words): asked in C
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])
