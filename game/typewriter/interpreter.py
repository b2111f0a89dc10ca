"""Read a page: which sentences are about the subject, and which traits each asserts or denies, how strongly.

A page goes through four small steps, each a rule a player can be told: words are repaired and reduced to their
stems (`words`, `text`); the sentence is cut into clauses that say who each part is about and whether it is asserted
(`clauses`); the lexicon's frames are found with the roles they need (loves + Calvin, miserable + his absence); and
where two readings claim the same words, the more specific one wins ("she cries when he leaves" is misery without
him, not only tears). Deterministic, pure, and fast enough to read as the player types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from game.story.model import Character, Lexicon
from game.typewriter.clause_words import COORDINATORS, INTERJECTION_NO, INTERJECTION_YES, INTRODUCTORY, PREPOSITIONS
from game.typewriter.clauses import EMOTION, Clause, SentenceShape, shape
from game.typewriter.closed_class import CLOSED_CLASS, FUNCTION_WORDS
from game.typewriter.compiled import READERS, REMEMBERED_WORDS, CompiledReader
from game.typewriter.cues import AFTERWARD_NEGATIONS, INTENSITIES, NEGATING_VERBS, intensity_spans, negation_spans
from game.typewriter.grammar import (
    AUXILIARIES,
    BE,
    DETERMINERS,
    IRREALIS_ADJECTIVES,
    IRREALIS_VERB_STEMS,
    LINKING_STEMS,
    NEGATIVE_PRONOUNS,
    POSSESSIVES,
    SUBJECT_PRONOUNS,
)
from game.typewriter.lexicon_index import NEGATION, OTHER, WILDCARD, WRITER, LexiconIndex, Pattern
from game.typewriter.nouns import EMOTION_CARRIERS, PEOPLE, PERSON_NOUNS, TIME_NOUNS
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, SentenceReading, TraitReading
from game.typewriter.text import clean, split_sentences, tokens
from game.typewriter.words import Vocabulary, common_words, stem

MAX_GAP = {"does": 3, "is": 1, "feels": 1, "idiom": 1}
"""How many words may sit between the words of a phrase: a verb's object may be far ("speaks fluent, lovely French"), an
idiom's words stay close ("her heart is so heavy"), or "her ... French" would find French in "her mother speaks French"."""
WINDOW = 4
"""How far before or after a phrase an intensity word still counts: "she is always so very happy"."""
ROLE_WINDOW = 7
"""How far after its verb an object may stand: "she follows him", "she is completely and utterly devoted to me"."""

GRAMMAR_WORDS = Vocabulary(
    {word: word for word in FUNCTION_WORDS | {"loves", "doesn", "nothing", "nobody", "everyone", "everything", "someone"}},
    deep=False,
)
"""The small words a typo must not hide ("shee", "nevr", "whitout"): repaired like the lexicon's own words."""
ABSENCE_WORDS = frozenset(
    stem(word)
    for word in ("leave", "gone", "away", "out", "absent", "elsewhere", "apart", "travel", "depart", "abroad", "absence",
                 "miss", "late", "work", "trip", "business", "off", "goes", "go", "left")
)  # fmt: skip
"""What a clause says when Calvin is away ("when he leaves", "while I'm at work"), as stems."""
CAUSES = frozenset({"because", "since", "cause", "cuz", "coz"})
"""Leads of a clause that gives the reason for what she feels: "she is sad because I am away" is his absence."""
RETURN_WORDS = frozenset(stem(word) for word in ("home", "back", "return", "come", "get", "walk", "arrive"))
"""What "until..." says when he is away until then ("until he comes home")."""
COMING_BACK = frozenset(stem(word) for word in ("come", "get", "return", "arrive", "walk"))
"""What "when..." says when he has been away ("when I get back"); "when I'm home" is not it."""
ABSENCE_LEADS = frozenset(
    {
        "when",
        "whenever",
        "every time",
        "each time",
        "while",
        "after",
        "once",
        "as soon as",
        "the moment",
        "the minute",
        "the whole time",
        "the entire time",
        "any time",
        "anytime",
        "until",
        "before",
        "if",
        "since",
    }
)


def read_page(lexicon: Lexicon, characters: Mapping[str, Character], text: str) -> PageReading:
    """The whole page, sentence by sentence. Never raises on any text: a page is player input, not code."""
    compiled = READERS.reader(lexicon, characters)
    known = compiled.pages.get(text)
    if known is not None:
        return known
    truncated = len(text) > MAX_PAGE_CHARS
    page = clean(text[:MAX_PAGE_CHARS])
    reader = _Reader(compiled)
    reading = PageReading(tuple(reader.sentence(sentence) for sentence in split_sentences(page)), truncated)
    compiled.remember(text, reading)
    return reading


class _Match(NamedTuple):
    """Where a pattern was found: named tuples, since a page makes hundreds of them and a record class costs more."""

    pattern: Pattern
    start: int
    end: int
    positions: frozenset[int]
    consumed: frozenset[int]


class _Candidate(NamedTuple):
    match: _Match
    negated: bool
    specific: int
    """2 when a role or cue the frame asked for was found, else 0; ties are broken by the number of words."""
    intensity: float
    role: tuple[int, ...] = ()
    """Where the object the frame asked for stands, for `page --explain`."""


class _Reader:
    """Reads one page's sentences in order, for what one sentence leaves to the next: the subject a fragment carries
    on ("Very happy."), a question an ellipsis answers ("Can she paint? She can."), an open quotation."""

    def __init__(self, compiled: CompiledReader) -> None:
        self.compiled = compiled
        index = self.index = compiled.index
        self.carried = index.subject
        self.question: list[TraitReading] | None = None
        self.previous: list[TraitReading] = []
        """The last sentence's reading about her: "Not anymore." takes it back."""
        self.denied_before = False
        """Whether the last sentence held a denial: "She is not in love. Not anymore." confirms it, not undoes it."""
        self.last: tuple[SentenceShape, list[_Match], dict[int, tuple[int, tuple[str, ...]]]] | None = None
        """The last sentence, for a bare "Ruby is not." or "She does too." that borrows its predicate."""
        self.in_quote = False
        self.away = False
        """The sentence before said only that Calvin was away ("I was gone for a week.")."""
        self.him: str | None = None
        """The word for whoever "him" now means, when it is not Calvin: the last male named ("She met Scotty. She
        adores him." is the dog). None while "him" is Calvin, the writer, as it is until someone else is named."""

    def sentence(self, text: str) -> SentenceReading:
        unquoted, quoted = self._unquote(text) if '"' in text or self.in_quote else (text, False)
        raw = _with_her(self.compiled, self._antecedents(tokens(unquoted)))
        words, keys = _normalise(self.compiled, raw)
        asking = text.rstrip("\"') ").endswith("?")
        answer = self._answer(words)
        if answer is not None and "," in words[1:] and words[0] in _INTERJECTIONS:
            # "No, she is happy.": the answer, then a sentence of its own
            rest = self.sentence(text.split(",", 1)[1]) if "," in text else None
            combined = {t.id: t for t in answer} | {t.id: t for t in (rest.traits if rest else ())}
            self.previous = list(combined.values())
            return SentenceReading(text, True, tuple(combined.values()), self.index.subject, "answer")
        if answer is not None:
            self.previous = list(answer)
            return SentenceReading(text, True, answer, self.index.subject, "answer")
        self.question = None
        undone = self._taken_back(words)
        if undone is None:
            undone = self._ellipsis(words)
        if undone is None:
            undone = self._ellipsis_within(text, words)
        self.last = None
        if undone is not None:
            self.previous = []
            return SentenceReading(text, True, undone, self.index.subject, "answer")
        if not words:
            return SentenceReading(text, False, (), OTHER, "quoted" if quoted else "blank")
        negations = negation_spans(keys_for_negation(words))
        found = _find(self.compiled, keys, negations)
        heads = {m.start for m in found}
        form = shape(self.index, words, keys, self.carried, heads)
        about = any(c.subject == self.index.subject and (form.real[c.start] or not c.lead) for c in form.clauses) or any(
            who == self.index.subject and real for who, real in zip(form.who, form.real, strict=True)
        )  # "make her dance", "joy fills her": about her though she is not the subject
        # only a subject the words name is carried on: "Quiet." names none, so "Lonely." after it is still hers
        self.carried = next((c.subject for c in reversed(form.clauses) if c.own_subject and c.subject_word), self.carried)
        candidates = _readings(self.index, form, found, negations, self.away)
        traits = _resolve(self.index, candidates, words)
        # "I was gone for a week." says only that Calvin was away: what she feels in the sentences after it, until he
        # is back or someone else comes in, is in his absence ("She barely ate. She wept every night.")
        returned = not RETURN_WORDS.isdisjoint(keys)  # "I came home late." He is back: what she does, he sees
        only = {c.subject for c in form.clauses}
        self.away = not returned and (
            (not traits and only == {self.index.narrator} and bool(_absence(self.index, form)))
            or (self.away and only == {self.index.subject})
        )
        self.previous = list(traits)
        self.denied_before = bool(negations)
        self.last = (form, found, negations)
        if asking:
            self.question = [*traits] if about else None
            self.previous = []
            return SentenceReading(text, about, (), form.subject, "question")
        if form.mood != "asserts" and not traits:
            return SentenceReading(text, about, (), form.subject, form.mood)  # type: ignore[arg-type]
        if quoted and not traits and not about:
            return SentenceReading(text, False, (), form.subject, "quoted")
        return SentenceReading(text, about or bool(traits), tuple(traits), _shown(form.subject, self.index.subject, about))

    def _antecedents(self, raw: list[str]) -> list[str]:
        """ "him" stands for the last male named, read as that name: "I gave her Scotty and she loves him" is the dog.
        Naming Calvin (or his roles: "my boyfriend") makes "him" Calvin again; "I" and "me" do not, since a writer
        who says "I" is never "him"."""
        out = list(raw)
        moves = self.compiled.him
        for j, word in enumerate(raw):
            if word in ("him", "he") and self.him is not None:
                out[j] = self.him
                continue
            if word in ("a", "an"):
                met = _someone_met(raw, j)
                if met is not None:
                    self.him = met  # "she meets a sailor... she's crazy about him": the sailor, not the writer
                    continue
            move = moves[word] if word in moves else _moves_him(self.compiled, word)
            if move is not None:
                self.him = move or None
        return out

    def _unquote(self, text: str) -> tuple[str, bool]:
        """The sentence without what someone says in it: a quotation is their words, not the page's."""
        out = []
        quoted = False
        for ch in text:
            if ch == '"':
                self.in_quote = not self.in_quote
                quoted = True
                out.append(" , ")
            elif self.in_quote:
                quoted = True
            else:
                out.append(ch)
        return "".join(out), quoted

    def _answer(self, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "She can.", "A little." or "No." after a question about her answers it: the question's reading, asserted or
        denied (and "a little" makes it weak)."""
        if self.question is None or not words:
            return None
        if "," in words[1:]:
            words = words[: words.index(",", 1)]  # "She does, every day." ("No, she is happy." is read on after)
        if len(words) == 1 and words[0] in DEGREE_ANSWERS:
            readings = _flipped(self.question, words[0] in NEGATIVE_DEGREES, words)  # "Perfectly.", "Hardly."
            self.question = None
            if words[0] in STRONG_WORDS:
                readings = tuple(TraitReading(t.id, t.negated, 2.0, t.words, t.frame) for t in readings)
            return readings
        if len(words) <= 4 and words[0] in ("every", "all", "always", "each"):
            readings = _flipped(self.question, False, words)  # "Every single day."
            self.question = None
            return readings
        if len(words) <= 4 and words[0] in ("not", "never", "like"):
            readings = _flipped(self.question, words[0] != "like", words)  # "Not a step.", "Like an angel."
            self.question = None
            return readings
        if len(words) > 6 or any(word not in ANSWER_WORDS and word not in self.index.subject_names for word in words):
            return None
        denied = any(word in INTERJECTION_NO or word == "not" for word in words)
        readings = _flipped(self.question, denied, words)
        self.question = None
        return readings

    def _taken_back(self, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "She was sad. Not anymore." / "Ruby is sad. Then she isn't.": a bare denial takes back the sentence before
        (and confirms one that was already a denial: "She is not in love. Not anymore.")."""
        if not self.previous or len(words) > 6 or any(word not in _TAKE_BACK_OR_ANSWER for word in words):
            return None
        if not any(word in ("not", "never", "no") for word in words):
            return None
        return _flipped(self.previous, not self.denied_before, words)

    def _ellipsis_within(self, text: str, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "I'm sad tonight, but she isn't.": the same borrowing inside one sentence, after "but", "and" or a comma."""
        cut = len(words) - 1
        while cut >= 0 and words[cut] not in ("but", "and", ","):
            cut -= 1  # the last "but", "and" or comma
        if cut <= 0 or cut == len(words) - 1:
            return None
        tail = _uninverted(words[cut + 1 :])
        while tail and tail[0] in ("then", "now", "so", "yet", "still"):
            tail = tail[1:]  # "and then she isn't"
        if not tail or not (tail[0] == "she" or tail[0] in self.index.subject_names) or len(tail) > 5:
            return None
        if any(word not in _ELLIPTIC for word in tail[1:]) or len(tail) < 2:
            return None
        lowered = text.lower()
        marker = max(lowered.rfind(" but "), lowered.rfind(" and "), lowered.rfind(","))
        if marker <= 0:
            return None
        self.sentence(text[:marker])  # read the first part as the sentence before, then borrow from it
        return self._ellipsis(tail)

    def _ellipsis(self, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "Harry is sad. Ruby is not." / "Harry cries. She does too.": her name and an auxiliary borrow the predicate of
        the sentence before, whoever it was about, asserted or denied by what she is given."""
        if self.last is None or not words or len(words) > 6:
            return None
        words = _uninverted(words)
        while words and words[0] in ("now", "then", "but", "and", "yet", "so", "well", "today", ","):
            words = words[1:]  # "Now she does."
        if words[:2] in (["i", "write"], ["i", "type"]):
            words = words[3:] if words[2:3] == ["that"] else words[2:]  # "I write that she isn't."
        if not words:
            return None
        named = words[0] == "she" or words[0] in self.index.subject_names
        rest = [word for word in words[1:] if word != ","]
        if not named or not rest or any(word not in _ELLIPTIC for word in rest):
            return None
        form, found, negations = self.last
        count = len(form.words)
        as_hers = SentenceShape(
            form.words, form.keys, form.clauses, [self.index.subject] * count, [True] * count, clause_of=form.clause_of
        )
        readings = _resolve(self.index, _readings(self.index, as_hers, found, negations), form.words)
        denied = any(word in ("not", "never") for word in rest)
        return _flipped(readings, denied != bool(negations), rest)


def _uninverted(words: list[str]) -> list[str]:
    """ "so is she", "neither does Ruby" as "she is", "Ruby does not": the subject back before its auxiliary."""
    if len(words) == 3 and words[0] in ("so", "neither", "nor") and words[1] in AUXILIARIES:
        return [words[2], words[1], *(["not"] if words[0] != "so" else [])]
    return words


ANSWER_WORDS = (
    INTERJECTION_YES
    | INTERJECTION_NO
    | AUXILIARIES
    | frozenset(
        {
            "oh",
            "well",
            "ah",
            "she",
            "not",
            "so",
            ",",
            "of",
            "course",
            "it",
            "that",
            "every",
            "day",
            "all",
            "the",
            "time",
            "always",
            "a",
            "little",
            "bit",
            "lot",
            "sometimes",
            "often",
            "constantly",
            "at",
            "really",
            "very",
            "much",
            "night",
            "then",
            "now",
            "anymore",
            "more",
            "longer",
            "again",
            "ever",
            "too",
            "also",
        }
    )
)
"""The words of a bare answer: "She does.", "Not at all.", "All the time.", "A little."."""
ELLIPSIS_WORDS = frozenset({"not", "never", "too", "also", "either", "anymore", "so", "as", "well", "neither", "always"})
NEGATIVE_DEGREES = frozenset({"hardly", "barely", "rarely", "seldom", "scarcely", "never"})
STRONG_WORDS = frozenset(word for (word, *rest), value in INTENSITIES.items() if not rest and value > 1)
DEGREE_ANSWERS = (
    STRONG_WORDS
    | NEGATIVE_DEGREES
    | frozenset(
        {"perfectly", "fluently", "constantly", "often", "sometimes", "always", "never", "completely", "totally", "definitely"}
    )
)
"""One-word answers that say how much: "Does she speak French? Perfectly." ("Lonely." is not an answer but a word)."""
TAKE_BACK_WORDS = frozenset(
    {
        "though",
        "anyway",
        "however",
        "really",
        "then",
        "but",
        "now",
        "today",
        "any",
        "more",
        "longer",
        "anymore",
        "again",
        "ever",
        "since",
    }
)


def _flipped(readings: list[TraitReading], denied: bool, words: list[str]) -> tuple[TraitReading, ...]:
    weak = "little" in words or "bit" in words
    kept = [t for t in readings if not (denied and t.frame.startswith("implied by"))]
    return tuple(TraitReading(t.id, t.negated != denied, 0.5 if weak else t.intensity, t.words, t.frame) for t in kept)


def _shown(subject: str, hers: str, about: bool) -> str:
    """Who `page --explain` says a sentence is about: a feeling that fills her ("joy fills her") is her."""
    return hers if subject == EMOTION and about else (OTHER if subject == EMOTION else subject)


def keys_for_negation(words: list[str]) -> list[str]:
    """Negation cues are found on the words, with "no" at the head of a sentence ("No, she is happy") left out."""
    if words and words[0] in ("no", "nope", "nah") and (len(words) == 1 or words[1] == ","):
        return ["", *words[1:]]
    return words


def _normalise(compiled: CompiledReader, raw: list[str]) -> tuple[list[str], list[str]]:
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
    word = index.pronouns.get(word, word)
    if word in index.narrator_names:
        return (word, WRITER)  # the narrator by name, for phrases such as "only has eyes for him" ("...for Calvin")
    if word.endswith("s") and (word[:-1],) in index.names and word not in common_words():
        return (word[:-1], word[:-1], "'s", "'s")  # "harrys happy", "rubys dog": the apostrophe left out
    surface, _, key = _lookup(index, word).partition("\0")
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
    if word in common or (key in common and word.endswith(("s", "ed", "ing", "ly", "er", "est", "d"))):
        return True
    return word.endswith("s") and word[:-1] in common  # a plural the stemmer cuts further ("crepes": crep)


def _undouble(word: str) -> str:
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


NOTHING: frozenset[int] = frozenset()
_SINGLE = [frozenset((i,)) for i in range(256)]


def _at(position: int) -> frozenset[int]:
    """The one position of a one-word match, shared: a page makes a set like this for most of its words."""
    return _SINGLE[position] if position < len(_SINGLE) else frozenset((position,))


def _find(compiled: CompiledReader, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]]) -> list[_Match]:
    found = []
    present = set(keys)
    starts = compiled.starts
    for start, key in enumerate(keys):
        candidates = starts.get(key, ())
        if start in negations:
            candidates = candidates + compiled.negated_starts
        for pattern, single in candidates:
            if single:
                found.append(_Match(pattern, start, start + 1, _at(start), NOTHING))  # one word: it is here
                continue
            if not pattern.needs <= present:
                continue
            match = _match_at(pattern, keys, negations, start)
            if match is not None:
                found.append(match)
    return found


def _match_at(pattern: Pattern, keys: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], start: int) -> _Match | None:
    positions: set[int] = set()
    consumed: set[int] = set()
    i = start
    for number, slot in enumerate(pattern.slots):
        limit = i if number == 0 else min(i + MAX_GAP[pattern.part], len(keys) - 1)
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
    return _Match(pattern, start, i, frozenset(positions), frozenset(consumed))


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


def _readings(
    index: LexiconIndex,
    form: SentenceShape,
    found: list[_Match],
    negations: dict[int, tuple[int, tuple[str, ...]]],
    away_before: bool = False,
) -> list[_Candidate]:
    if not found:
        return []
    words, keys = form.words, form.keys
    intensities = intensity_spans(words)
    excepted = _excepted(index, keys)
    absent: dict[bool, set[int]] = {}
    heads = {(m.pattern.trait, m.start) for m in found}
    described = {m.start for m in found if m.pattern.part == "is"}
    phrases = frozenset(i for m in found if m.pattern.part == "idiom" and len(m.pattern.slots) >= 3 for i in m.positions)
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
        number = form.clause_at(head)
        clause = form.clauses[number] if number >= 0 else None
        if clause is None:
            continue  # inside the words that join two clauses ("every time")
        if pattern.part == "feels" and not (_surface_is(words[head], pattern.text) and _felt(form, head)):
            continue
        if pattern.part == "idiom" and _own_before_a_noun(pattern.text, words, match.end):
            continue
        if pattern.part == "idiom" and pattern.text.startswith("as ") and head >= 2 and words[head - 2] == "as":
            continue  # "as happy as she's ever been" compares; it does not say she is as she was
        if pattern.part == "does" and keys[head] in LINKING_STEMS and _after_adverbs(words, match.end) in described:
            continue  # "she stays cheerful", "remains calm": a linking verb, which says how she is, not where
        about_her = (
            form.who[head] == index.subject
            or (form.who[head] == EMOTION and pattern.part == "feels")
            or (
                pattern.part == "idiom"
                and bool({"her", "she"} & set(pattern.text.split()))
                and (
                    clause_subject_is_thing(form, head)
                    or (_acts_on_her(pattern.text) and form.who[head] == index.narrator)  # "I cheer her up"
                )
            )  # "it slips her mind", "I'm the one she loves", "nothing cheers her up"
            or _experiencer(words, match, index.subject_names)
        )
        if not about_her or not _licensed(index, form, clause, match):
            continue
        frame = pattern.frame
        specific = 0
        role: tuple[int, ...] = ()
        if pattern.part == "idiom" and len(pattern.slots) >= 3:
            specific = 2
        if frame.object is not None:
            where = _role_after(index, form, match, frame.object, clause.end if not frame.with_ else len(words))
            if where is None:
                continue
            specific, role = 2, (where,)
        elif (
            pattern.part in ("is", "does")
            and pattern.trait in index.role_traits
            and _other_object(index, form, match, clause.end)
        ):
            continue
        if frame.when == "absence":
            if frame.opposite not in absent:
                # once a sentence (a long one has many); "I was gone a week. She wept." is his absence said just before
                every = set(range(len(form.clauses))) if away_before and not frame.opposite else set()
                absent[frame.opposite] = every or _absence(index, form, frame.opposite)
            if not absent[frame.opposite] & _near(form, clause, index.narrator):
                continue
            specific = 2
        if frame.with_ and not _has_words(keys, frame.with_, match.end):
            continue
        if pattern.objects and not _object_fits(index, form, match, clause.end):
            continue
        negated = (_negated(words, match, negations, clause.start, clause.end, phrases) != frame.opposite) != clause.denied
        intensity = _intensity(intensities, match, clause.start, clause.end)
        candidates.append(_Candidate(match, negated, specific, intensity, role))
    return candidates


def _licensed(index: LexiconIndex, form: SentenceShape, clause: Clause, match: _Match) -> bool:
    """Is the word used as the lexicon means it? An adjective must describe her ("she is blue", not "blue jeans"); a
    verb must be a verb ("she dances", not "a dance"); what follows "wants to" has not happened."""
    words, keys = form.words, form.keys
    head = match.start
    part = match.pattern.part
    before = words[head - 1] if head > 0 else ""
    if before == "to" and head >= 2 and (keys[head - 2] in IRREALIS_VERB_STEMS or words[head - 2] in IRREALIS_ADJECTIVES):
        return False
    if part == "is":
        if _attributive(words, match):
            return False
        surface = words[head]
        if (
            _participle(match.pattern.text)
            and surface != match.pattern.text
            and (surface.endswith(("s", "ing")) or surface in common_words())
        ):
            return _experiencer(words, match, index.subject_names)  # "goes" is not "gone", "scares her" is "scared"
        described = any(clause.predicate <= j < head and _describes(form, j, head) for j in clause.linking)
        right_after = head <= clause.predicate or (head == clause.predicate + 1 and before in BETWEEN_VERB_AND_ADJECTIVE)
        if described or right_after:  # "ruby so happy", typed in a hurry; not "she climbs down"
            return True
        if not clause.own_subject and not clause.linking:
            return True  # a fragment: "Not happy, not sad."
        if _after_a_comma(words, head) and form.who[head] == index.subject:
            return True  # "She hides under the bed, terrified.", "She sits in the corner, quietly happy."
        return _after_object_her(words, head, index.subject_names) or (
            not clause.own_subject and head <= _after_adverbs(words, clause.predicate)
        )
    if part == "does":
        if before in DETERMINERS and before not in ("that", "all"):
            return False
        if keys[head] in NEGATING_VERBS and match.end < len(words) and words[match.end].endswith("ing"):
            return False  # "she quit painting": quitting ends the painting; she does not quit, as one leaves
        if words[head] == "left" and (before in REMAINING or (head >= 2 and words[head - 2] in REMAINING)):
            return False  # "there's no joy left in her", "nothing left": what remains, not a leaving
        gap = [words[j] for j in range(head + 1, match.end) if j not in match.positions]
        if match.pattern.frame.object is None and any(word in ("me", "him", "them", "us", "it", "her") for word in gap):
            return False  # "she cracks me up", "she tears it up": the verb acts on someone, it is not her laughing or crying
        surface = words[head]
        if match.pattern.forms and surface not in match.pattern.forms and surface in common_words():
            return False  # "pins" is a word, and not a form of "pine", though they share a stem ("leavs" is a typo)
        adjective = (
            before not in FUNCTION_WORDS
            and not before.endswith("ly")
            and (before,) not in index.names
            and before not in PERSON_NOUNS  # "the waiter speaks French": a person, then the verb
        )
        gerund = words[head].endswith("ing")
        participle = gerund and before.endswith("s")  # "splits her sides laughing", "comes down the stairs humming"
        if (before == "of" and not gerund) or (adjective and not participle and head >= 2 and words[head - 2] in NOUN_MARKERS):
            return False  # "a fresh coat of paint", "a can of blue paint", "my old painting": a noun
        if before in _OTHER_POSSESSIVES:
            return False  # "my painting", "his drawings": someone else's work
        if before == "her" and words[head].endswith("s") and not words[head].endswith("ss"):
            return False  # "packs up her paints": after "her" a verb is bare ("watch her paint"), so this is a noun
        # "like" after a noun or a verb is a preposition ("barks like a dog"), not liking
        return not (words[head] == "like" and before not in _LIKE_AS_VERB_BEFORE)
    return True


SIZE_AND_AGE = frozenset({"little", "old", "young", "big", "small", "tiny", "poor", "sweet", "lovely", "pretty", "new"})
SAY_HOW_SHE_IS = frozenset(
    {"person", "one", "woman", "lady", "thing", "creature", "soul", "mess", "wreck", "state", "place", "way", "spell"}
    | {"mood", "frame", "streak", "phase", "sort", "kind", "type", "camper", "trooper", "bunny", "puppy", "child"}
)
"""Nouns an adjective can be said of her through: "a happy person", "in a sad mood", "a lonely soul"."""


def _attributive(words: list[str], match: _Match) -> bool:
    """ "a blue Fiat", "a sad little cactus": an adjective after "a" and before a thing describes the thing, not her.
    Before a person, a time or a part of her it is still hers: "a sad girl", "a happy day", "a sad smile"."""
    head = match.start
    if head == 0 or words[head - 1] not in ("a", "an") or " " in match.pattern.text:
        return False
    j = match.end
    while j < len(words) and words[j] in SIZE_AND_AGE:
        j += 1
    if j >= len(words):
        return False
    noun = words[j]
    if not noun.isalpha() or noun in FUNCTION_WORDS or noun.endswith("ly"):
        return False
    return noun not in _NOT_ATTRIBUTED


FEELING_CONTEXT = frozenset(
    {"with", "of", "in", "her", "no", "into", "by", "any", "felt", "feel", "feels", "feeling", "from", "for"}
)
FEELING_ADJECTIVES = frozenset(
    {
        "great",
        "pure",
        "sheer",
        "deep",
        "sudden",
        "overwhelming",
        "quiet",
        "wild",
        "such",
        "a",
        "some",
        "little",
        "new",
        "strange",
        "warm",
        "cold",
        "real",
        "true",
        "utter",
        "total",
        "complete",
        "fresh",
    }
)


def _own_before_a_noun(text: str, words: list[str], end: int) -> bool:
    """ "A life of her own" ends with "own"; in "the name of her own street" the same words are only how a noun is
    owned. (Idioms that say what she owns, "has her own", are meant for the noun that follows, and keep it.)"""
    if not (text.startswith(("of ", "all ")) and text.endswith(" own")) or end >= len(words):
        return False
    following = words[end]
    return following not in FUNCTION_WORDS and following not in (",", "'s") and not following.endswith("ly")


def _acts_on_her(text: str) -> bool:
    """An idiom whose verb acts on her ("cheer her up", "make her day"), not one about her own ("of her own")."""
    words = text.split()
    return len(words) > 1 and words[1] == "her" and words[0] not in FUNCTION_WORDS


def clause_subject_is_thing(form: SentenceShape, head: int) -> bool:
    """ "It slips her mind": an idiom with her in it is about her when its subject is a thing, not a person."""
    number = form.clause_at(head)
    clause = form.clauses[number] if number >= 0 else None
    if clause is None or (clause.predicate > clause.start and form.words[clause.predicate - 1] in PEOPLE):
        return False  # "her sister does her own thing"; but "the dentist appointment slips her mind"
    if clause.subject == OTHER and clause.subject_word in _DETERMINERS_OR_POSSESSIVES:
        return True  # "the dentist appointment slips her mind", "my birthday slips her mind"
    if clause.subject_word == "i":
        return bool(clause.linking)  # "I am the love of her life", not "I paint her portrait"
    return clause.subject_word in ("it", "this", "that", "something", "everything", "nothing", "her")


def _felt(form: SentenceShape, head: int) -> bool:
    """A feeling's noun counts where someone has it ("full of joy", "trembling with fear", "she feels joy", "joy fills
    her"), not where it names a kind of thing ("horror films", "a joy ride")."""
    if form.who[head] == EMOTION:
        return True
    j = head - 1
    while j >= 0 and form.words[j] in FEELING_ADJECTIVES:
        j -= 1
    return j < 0 or form.words[j] in FEELING_CONTEXT or form.keys[j] == "feel"


def _participle(text: str) -> bool:
    return " " not in text and text.endswith(("ed", "en", "one", "set"))


def _experiencer(words: list[str], match: _Match, subject_names: frozenset[str]) -> bool:
    """ "Nothing scares her", "the news delights her", "I frighten her", "he scared her": a feeling's verb with her as
    its object is about her. Not "she was scared her mother would call", where "scared" is hers and "her" an owner."""
    if match.pattern.part != "is" or not _participle(match.pattern.text):
        return False
    if match.end >= len(words) or (words[match.end] != "her" and words[match.end] not in subject_names):
        return False
    if words[match.start].endswith("s"):
        return True
    before = words[match.start - 1] if match.start else ""
    after = words[match.end + 1] if match.end + 1 < len(words) else ""
    ends_the_object = (
        not after or after in FUNCTION_WORDS or after in AFTER_OBJECT or after in ("half", "anymore") or after.endswith("ly")
    )
    return before not in BE and before not in ("feel", "feels", "felt", "get", "gets", "got", "look", "looks") and ends_the_object


REMAINING = frozenset({"no", "nothing", "none", "any", "anything", "some", "much", "little", "not", "all"})
"""Words of amount before "left" that make it "remaining": "no joy left", "not much left", "nothing left"."""

NOUN_MARKERS = frozenset({"a", "an", "the", "some", "any", "of", "her", "his", "my", "their", "your", "our", "these", "those"})
"""Words before an adjective and a noun: "a can of *blue paint*", "her *new dance*"."""
LIKE_AS_VERB_AFTER = frozenset({"to", "not", "never", "really", "also", "still", "always", "truly"})


def _surface_is(word: str, text: str) -> bool:
    """A feeling is a noun: "sadness", "tears", not the adjective "sad" that shares its stem."""
    first = text.split()[0]
    return word in (first, first + "s", first + "es")


BETWEEN_VERB_AND_ADJECTIVE = frozenset(
    {
        "a",
        "an",
        "the",
        "so",
        "this",
        "that",
        "very",
        "really",
        "quite",
        "too",
        "more",
        "most",
        "less",
        "always",
        "never",
        "not",
        "no",
        "longer",
        "still",
        "even",
        "just",
        "kind",
        "of",
        "sort",
        "bit",
        "little",
        "lot",
        "such",
        "as",
        "ever",
        "to",
        "be",
        "been",
        "being",
        "getting",
        "becoming",
        "feeling",
        "pretty",
        "rather",
        "all",
        "at",
        "now",
        "again",
        "suddenly",
        "finally",
        "simply",
        "utterly",
        "totally",
        "completely",
        ",",
        "and",
        "or",
        "but",
        "only",
        "almost",
        "fairly",
        "somewhat",
        "like",
        "anymore",
        "neither",
        "nor",
        "either",
        "already",
        "super",
        "real",
        "extra",
        "hella",
    }
)


NAMING_VERBS = frozenset(stem(word) for word in ("is", "be", "become", "seem", "remain", "stay", "feel", "look", "sound"))
"""Verbs after which a noun phrase names what she is ("she is a gifted painter"), with its adjectives."""


def _describes(form: SentenceShape, verb: int, head: int) -> bool:
    """Does the adjective describe the subject of the verb before it? Only adverbs and a list of other adjectives may
    stand between: "she is so very happy", "she seems tired, lonely and sad", not "she turns the music down"."""
    for j in range(verb + 1, head):
        word = form.words[j]
        listed = j + 1 < len(form.words) and form.words[j + 1] in (",", "and", "or", "nor", "'s")
        # "she is a gifted painter", "my own creation"; but "she turns the music down" is not the music being sad
        after_determiner = form.words[j - 1] in _DETERMINERS_OR_POSSESSIVES and form.keys[verb] in NAMING_VERBS
        if not (
            word in _BETWEEN_OR_POSSESSIVE
            or word.endswith("ly")
            or listed
            or after_determiner
            or word == "'s"
            or form.keys[j] in LINKING_STEMS
        ):
            return False
    return True


def _after_a_comma(words: list[str], head: int) -> bool:
    """ "..., happy", "..., quietly happy", "..., a little scared", "..., bored and a little sad": words set off by a
    comma that describe the subject."""
    j = head - 1
    while (
        j >= 0
        and words[j] != ","
        and ((words[j].endswith("ly") and words[j] not in ("only", "early")) or words[j] in BETWEEN_VERB_AND_ADJECTIVE)
    ):
        j -= 1
    if j >= 1 and words[j] != "," and words[j - 1] == "," and j + 1 < head and words[j + 1] in ("and", "or"):
        j -= 1  # one more adjective before "and"
    return j >= 0 and words[j] == ","


def _after_object_her(words: list[str], head: int, subject_names: frozenset[str]) -> bool:
    j = head - 1
    while j >= 0 and (words[j].endswith("ly") or words[j] in ("so", "very", "really", "too", "quite", "a", "little", "bit")):
        j -= 1
    return j >= 0 and (words[j] in ("her", "herself") or words[j] in subject_names)


def _after_adverbs(words: list[str], i: int) -> int:
    while i < len(words) and (
        words[i].endswith("ly")
        or words[i]
        in (
            "no",
            "longer",
            "more",
            "so",
            "very",
            "really",
            "too",
            "quite",
            "not",
            "never",
            "always",
            "still",
            "a",
            "little",
            "bit",
            "kind",
            "of",
            "sort",
            "and",
            "but",
            ",",
        )
    ):
        i += 1
    return i


def _refs(index: LexiconIndex, role: str, subject_forms: bool) -> frozenset[str]:
    words = set(index.roles.get(role, ()))
    character = index.characters.get(role)
    if character is not None and character.pronoun == "he":
        words |= {"him", "his", "himself"} | ({"he"} if subject_forms else set())
    if role == index.narrator:
        words |= {"me", "my", "mine", "myself"} | ({"i"} if subject_forms else set())
    return frozenset(words)


def _role_after(index: LexiconIndex, form: SentenceShape, match: _Match, role: str, end: int) -> int | None:
    """Where the object the frame asks for stands ("loves *me*", "follows *Calvin*"), or None."""
    refs = _refs(index, role, subject_forms=end == len(form.words))
    other_roles = {word for name, words in index.roles.items() if name != role for word in words} - refs
    for j in (*range(match.start + 1, match.end), *range(match.end, min(end, match.end + ROLE_WINDOW))):
        word = form.keys[j]
        owner = j + 1 < len(form.words) and (form.words[j + 1] == "'s" or form.words[j] in POSSESSIVES)
        addressee = bool(match.pattern.frame.with_)  # "tells Langdon that I am a genius": Langdon is told, I am praised
        if (
            j >= match.end
            and (word in other_roles or (form.words[j],) in index.names)
            and word not in refs
            and form.words[j] not in refs
            and not owner
            and not addressee
        ):
            return None  # "adores Scotty and throws him a ball": the object was the dog
        if word in refs or form.words[j] in refs:
            following = form.keys[j + 1] if j + 1 < len(form.keys) else ""
            owned = form.keys[j + 2] if j + 2 < len(form.keys) else ""
            possessive = form.words[j] in _POSSESSIVES_OR_MINE or following == "'s"
            if possessive and (following in other_roles or owned in other_roles):
                return None  # "my dog": the dog is the object, not me
            if possessive and match.pattern.part == "is":
                continue  # "into my study" is not into me (but "raves about my novel" praises me)
            return int(j)
    return _relative_object(form, match, refs)


def _relative_object(form: SentenceShape, match: _Match, refs: frozenset[str]) -> int | None:
    """ "Scotty, whom she adores": in a relative clause the object the verb wants is the noun before the pronoun."""
    number = form.clause_at(match.start)
    clause = form.clauses[number] if number >= 0 else None
    if clause is None or clause.lead not in (("whom",), ("who",), ("that",), ("which",)) or not clause.own_subject:
        return None
    j = clause.start - 1
    if j > 0 and form.words[j] == ",":
        j -= 1
    return j if j >= 0 and (form.keys[j] in refs or form.words[j] in refs) else None


def _other_object(index: LexiconIndex, form: SentenceShape, match: _Match, end: int) -> bool:
    """ "She is in love with Harry": a word that could take Calvin as object names someone else."""
    j = match.end
    if j < end and form.words[j] in ("with", "for", "about", "of", "on", "to", "over", "by"):
        j += 1
        while j < end and form.words[j] in DETERMINERS:
            j += 1
        if j < end:
            wanted = index.object_roles.get(match.pattern.trait, frozenset())
            known = frozenset(word for role in wanted for word in _refs(index, role, subject_forms=False))
            return form.words[j] not in known and form.keys[j] not in known
    return False


NOT_OBJECTS = (INTRODUCTORY - DETERMINERS) | frozenset(
    {
        "anymore",
        "well",
        "much",
        "either",
        "ever",
        "more",
        "less",
        "together",
        "alone",
        "outside",
        "inside",
        "too",
        "again",
        "all",
        "not",
        "never",
    }
)


AFTER_OBJECT = frozenset(
    {",", "again", "behind", "forever", "alone", "now", "tonight", "today", "yesterday", "tomorrow", "early", "late", "soon"}
)
"""Words after a pronoun object that leave the verb's sense as it is: "she leaves me tonight"."""


def _object_fits(index: LexiconIndex, form: SentenceShape, match: _Match, end: int) -> bool:
    """ "She draws Scotty" is art, "she draws the bolt" is not: a verb with `objects` keeps its sense only with one of
    them, a person, or no object at all ("she paints every day", "she draws in her sketchbook")."""
    words, keys = form.words, form.keys
    j = match.end
    if j >= end or words[j] in _PHRASE_BREAKS or words[j].endswith("ly") or words[j] in NOT_OBJECTS:
        return True
    people = ({word for role in index.roles.values() for word in role} | PEOPLE) - FUNCTION_WORDS
    if words[j] in ("him", "me", "her", "them", "us", "it", "herself"):
        following = words[j + 1] if j + 1 < end else ""
        # "she leaves me tonight", "...last night"; but "she leaves me a note" gives, it does not go
        return (
            not following
            or following in _AFTER_AN_OBJECT
            or following.endswith("ly")
            or (following in ("last", "this", "that", "next", "every", "one") and j + 2 < end and words[j + 2] in TIME_NOUNS)
        )
    phrase = []
    while j < end and j < match.end + 5 and words[j] not in _PHRASE_BREAKS:
        phrase.append(j)
        j += 1
    if any(words[k] in TIME_NOUNS for k in phrase):
        return True
    owned = [k for k in phrase if k > phrase[0] and words[k - 1] == "'s"]  # "Scotty's bowl": the bowl is the object
    phrase = [k for k in phrase if words[k] != "'s" and (not owned or k >= owned[0])]
    nouns = [k for k in phrase if not words[k].endswith("ly") and words[k] not in NOT_OBJECTS]
    if len(nouns) >= 2 and words[nouns[-2]] not in DETERMINERS and words[nouns[-1]] not in DETERMINERS:
        phrase = [nouns[-1]]  # "the car keys": the last noun is the thing itself, the one before only says which
    return any(keys[k] in match.pattern.objects or words[k] in people or keys[k] in people for k in phrase)


def _has_words(keys: list[str], wanted: tuple[str, ...], start: int) -> bool:
    text = " " + " ".join(keys[start:]) + " "
    return any(" " + " ".join(stem(w) for w in tokens(phrase)) + " " in text for phrase in wanted)


def _absence(index: LexiconIndex, form: SentenceShape, opposite: bool = False) -> set[int]:
    """The clauses in which Calvin is away: "without me", "when he leaves", "until he comes home", "in his absence"."""
    words, keys = form.words, form.keys
    calvin = _refs(index, index.narrator or "", subject_forms=True) if index.narrator else frozenset({"he", "him", "his"})
    found: set[int] = set()
    for number, clause in enumerate(form.clauses):
        span = words[clause.start : clause.end]
        for j, word in enumerate(span):
            if word in ("without", "apart", "away") and any(w in calvin for w in span[j + 1 : j + 4]):
                found.add(number)
            away = keys[clause.start + j + 2] if j + 2 < len(span) else ""
            if word == "with" and away in ABSENCE_WORDS and span[j + 1] in calvin:
                found.add(number)  # "with me out of the house, she falls to pieces"
            if word in ("his", "my") and j + 1 < len(span) and keys[clause.start + j + 1] == "absence":
                found.add(number)
        lead = " ".join(clause.lead)
        first = clause.start + len(clause.lead)
        if not any(w in calvin for w in words[first : max(clause.predicate, first + 2)]):
            continue
        rest = keys[clause.predicate : min(clause.end, clause.predicate + 5)]  # "I'm away on business"; but in "I find
        # her crying in the bath with the water gone cold" the water is gone, not I
        returning = (lead in ("until", "till") and any(k in RETURN_WORDS for k in rest)) or (
            lead in ("when", "once", "as soon as", "the moment") and any(k in COMING_BACK for k in rest) and not opposite
        )  # "when I get back she's a wreck" was missing him; "when I get back she's fine" says nothing of his absence
        if returning:
            found.add(number)  # "until he comes home" she is without him; "when I get back" she has been
        elif lead in ("until", "till"):
            continue
        elif (lead in ABSENCE_LEADS or lead in CAUSES or not lead) and (
            any(k in ABSENCE_WORDS for k in rest) or _not_there(words[clause.predicate : clause.end])
        ):
            found.add(number)
    return found


def _near(form: SentenceShape, clause: Clause, narrator: str | None) -> set[int]:
    """A clause and the subordinate clauses that hang on it: "she cries | when I leave", "every time he goes out, | she..."."""
    number = form.clause_at(clause.start)
    near = {number}
    if number + 1 < len(form.clauses):
        after = form.clauses[number + 1]
        lead = " ".join(after.lead)
        if lead in _ABSENCE_OR_UNTIL or (lead in CAUSES and after.subject != clause.subject):
            near.add(number + 1)  # "she is sad because I am away"; not "she sleeps... because she can't bear..."
    if number > 0:
        before = form.clauses[number - 1]
        if " ".join(before.lead) in _ABSENCE_OR_UNTIL or not before.subject_word:
            near.add(number - 1)  # "every time he goes out, she...", "without me around, she..."
        elif clause.lead[:1] in (("and",), ("then",)) and before.subject == narrator and not before.lead:
            near.add(number - 1)  # "I leave and she goes to pieces": his going, and then what she does
        elif clause.lead[:1] == ("and",) and not clause.own_subject:
            near |= _near(form, before, narrator)  # "whenever I leave, she whimpers | and cries": the same predicate's
    return near


def _not_there(words: list[str]) -> bool:
    return any(w in ("not", "never") for w in words) and any(
        w in ("there", "around", "home", "here", "near", "with") for w in words
    )


SLACK_NEVER = FUNCTION_WORDS | {","}
"""Words an `except` phrase never skips over: "tears up the letter" is one thing, "tears up when the music starts" another."""


def _excepted(index: LexiconIndex, keys: list[str]) -> list[tuple[str, frozenset[int]]]:
    """The words of every `except` phrase on the page ("french fries", "paints a * picture of"), with one word of slack.

    An exception belongs to the trait that lists it ("sings the blues" is not sad, but it is singing). Only a reading
    that holds every word of the phrase survives it ("draws a total blank" is forgetting). A `*` in the phrase stands
    for any one word."""
    found: list[tuple[str, frozenset[int]]] = []
    if index.exceptions.keys().isdisjoint(keys):
        return found
    present = set(keys) | {WILDCARD}
    for start, key in enumerate(keys):
        by_anchor = index.exceptions.get(key)
        if by_anchor is None:
            continue
        for trait, words in (entry for anchor in present if anchor in by_anchor for entry in by_anchor[anchor]):
            if not present.issuperset(words):
                continue
            positions = [start]
            j = start + 1
            for word in words[1:]:
                if j < len(keys) and (keys[j] == word or word == WILDCARD):
                    positions.append(j)
                elif word != WILDCARD and j + 1 < len(keys) and keys[j + 1] == word and keys[j] not in SLACK_NEVER:
                    j += 1
                    positions.append(j)
                else:
                    break
                j += 1
            if len(positions) == len(words):
                found.append((trait, frozenset(p for p, w in zip(positions, words, strict=True) if w != WILDCARD)))
    return found


WITHOUT_WRITER = frozenset({"him", "me", "his", "my"})
"""After "without", the writer: his absence, not a denial ("without me she's a wreck")."""


def _negated(
    words: list[str],
    match: _Match,
    negations: dict[int, tuple[int, tuple[str, ...]]],
    start: int,
    end: int,
    phrases: frozenset[int] = frozenset(),
) -> bool:
    """An odd number of negations before the words in their clause (or "no longer" after them) denies them; those inside
    another idiom ("the way she used to be") belong to it."""
    count = 0
    for comma in range(start, match.start):
        if words[comma] == "," and any(comma < position < match.start for position in negations):
            start = comma  # "never barks, never fetches": each denial has its own verb
    if (match.end == end - 1 and words[match.end] == "not") or (
        match.end < end and words[end - 1] == "not" and end - match.end <= 2
    ):
        count += 1  # "She loves me not."
    for position, (stop, cue) in negations.items():
        if position in match.consumed or position in match.positions or position in phrases:
            continue
        if cue == ("without",) and ((stop < len(words) and words[stop] in WITHOUT_WRITER) or match.start - stop > 2):
            continue  # "without fear" denies; "without Harry around she is a wreck" only says where
        if cue == ("nor",) and "neither" in words[start:position]:
            continue  # "neither sings nor dances": one denial for both
        if _object_of_an_earlier_verb(words, position, cue, match.start):
            continue  # "she remembers nothing, fears everything": the "nothing" was what she remembers
        inside_gap = match.start < position < match.end
        afterward = match.end <= position < end and cue in AFTERWARD_NEGATIONS and _closes(words, position + len(cue), end)
        if start <= position < match.start or inside_gap or afterward:
            if cue == ("no",) and _helpless(words, position):
                continue
            count += 1
        object_at = match.end + 1 if match.end < len(words) and words[match.end] in ("of", "about", "for") else match.end
        if position == object_at and words[position] in NEGATIVE_PRONOUNS:
            count += 1  # "she fears nothing", "she is afraid of nothing"
    if count and _cannot_help(words, start, match.start):
        count += 1
    if count and _never_a_day_before(words, start):
        count += 1
    if count and _never_been_this(words, match.start):
        count += 1
    return count % 2 == 1


def _closes(words: list[str], after: int, end: int) -> bool:
    """ "she is sad no more": a "no longer" after the words denies them when nothing of its own follows; in "free
    now, no longer my creation" it starts a denial of something else."""
    return all(word in (",", ".", "!", "now", "anymore", "again", "today", "tonight") for word in words[after:end])


OBJECT_NEGATIONS = frozenset({("nothing",), ("nobody",), ("noone",), ("none",), ("no", "one")})


def _object_of_an_earlier_verb(words: list[str], position: int, cue: tuple[str, ...], head: int) -> bool:
    """A "nothing" after a verb is that verb's object; past a comma it denies nothing more. As a subject ("Nothing,
    not even the storm, scares her") it still does."""
    return (
        cue in OBJECT_NEGATIONS
        and position > 0
        and words[position - 1] not in (",", "and", "but", "that", "because")
        and "," in words[position + len(cue) : head]
    )


def _never_been_this(words: list[str], head: int) -> bool:
    """ "She's never been this happy", "never been so happy", "never been happier": a superlative, not a denial."""
    before = words[max(0, head - 4) : head]
    return (
        any(word in ("never", "not") for word in before)
        and "been" in before
        and (words[head - 1] in ("this", "so", "more") or words[head].endswith("ier"))
    )


EVERY_SPAN = frozenset({"day", "night", "morning", "evening", "week", "hour", "minute", "moment", "time", "meal"})


def _never_a_day_before(words: list[str], start: int) -> bool:
    """ "There's never a day she doesn't sing", "not a night goes by that she doesn't...": a denial of every day with
    a denial inside is an "always", the two negations cancelling across the clauses."""
    return any(
        words[i] in ("never", "not", "no", "hardly", "scarcely")
        and words[i + 1] in ("a", "one", "single")
        and words[i + 2] in EVERY_SPAN
        for i in range(max(0, start - 8), start - 2)
    ) or any(words[i] == "no" and words[i + 1] in EVERY_SPAN for i in range(max(0, start - 8), start - 1))


def _helpless(words: list[str], position: int) -> bool:
    """ "no" as an answer ("No, she is happy") negates nothing in what follows."""
    return position == 0 and position + 1 < len(words) and words[position + 1] == ","


def _cannot_help(words: list[str], start: int, head: int) -> bool:
    """ "She can't help laughing": a denied "help" asserts what follows."""
    return any(words[j] == "help" for j in range(start, head))


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


def _with_her(compiled: CompiledReader, raw: list[str]) -> list[str]:
    """ "She and I dance", "me and Ruby speak French": what the two of them do together, she does. The writer's half
    of the subject is dropped so the clause is hers; "Harry and I" stays someone else's."""
    her = compiled.her
    if "give" in raw or "gave" in raw or "grant" in raw or "granted" in raw:
        raw = _given(raw, her)
    if "and" not in raw:
        return raw
    writer = compiled.writer
    out: list[str] = []
    i = 0
    while i < len(raw):
        pair = (raw[i], raw[i + 2]) if i + 2 < len(raw) and raw[i + 1] == "and" else None
        at_start = i == 0 or raw[i - 1] in (",", "and", "but", "then", "so", "because", "when", "while")
        if pair is not None and at_start and ((pair[0] in her and pair[1] in writer) or (pair[0] in writer and pair[1] in her)):
            out.append("she")
            i += 3
            continue
        out.append(raw[i])
        i += 1
    return out


GIVING = frozenset({"give", "gave", "grant", "granted"})


def _given(raw: list[str], her: frozenset[str]) -> list[str]:
    """ "I give her a life of her own": what the writer gives her, she has ("she has a life of her own")."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        if (
            raw[i] == "i"
            and i + 2 < len(raw)
            and raw[i + 1] in GIVING
            and raw[i + 2] in her
            and (i == 0 or raw[i - 1] in (",", "and", "so", "then"))
        ):
            out.extend(("she", "has"))
            i += 3
            continue
        out.append(raw[i])
        i += 1
    return out


MEETING = frozenset({"meet", "meets", "met", "meeting", "see", "sees", "saw", "spot", "spots", "spotted", "notice", "notices",
                     "noticed", "find", "finds", "found"})  # fmt: skip
NOT_HIM = frozenset({"woman", "girl", "lady", "waitress", "actress", "mother", "sister", "aunt", "wife", "girlfriend", "widow",
                     "nun", "queen", "princess", "bride", "mom", "grandmother", "niece", "daughter", "book", "dress", "house",
                     "job", "place", "way", "room", "car"})  # fmt: skip
NOUN_PHRASE_ENDS = frozenset({",", "in", "at", "on", "from", "who", "and", "with", "near", "by", "to", "that", "there"})


def _someone_met(raw: list[str], j: int) -> str | None:
    """The man she meets, sees or finds, when a stranger ("a sailor", "a young painter"): whom a later "him" means."""
    if raw[j] not in ("a", "an") or j == 0 or raw[j - 1] not in MEETING or j + 1 >= len(raw):
        return None
    noun = raw[j + 2] if j + 2 < len(raw) and raw[j + 2] not in NOUN_PHRASE_ENDS else raw[j + 1]
    return None if noun in NOT_HIM or not noun.isalpha() else noun


def _role_of(compiled: CompiledReader, word: str) -> str | None:
    """The role a word fills that is not a character's ("dog" fills the dog's), remembered: a page asks for each word."""
    if word in compiled.roles:
        return compiled.roles[word]
    index = compiled.index
    role = next((r for r, words in index.roles.items() if word in words and r not in index.characters), None)
    compiled.roles[word] = role
    return role


def _moves_him(compiled: CompiledReader, word: str) -> str | None:
    """What naming this word does to "him", remembered: "" makes him the writer again (Calvin, "my boyfriend"), the
    word itself makes him that man or role ("Harry", "the dog"), None leaves him be."""
    index = compiled.index
    named = index.names.get((word,))
    role = named or _role_of(compiled, word)
    move: str | None = None
    if named == index.narrator or (role is None and word in index.roles.get(index.narrator or "", ())):
        move = ""
    elif named is not None and index.characters[named].pronoun == "he":
        move = word
    elif named is None and role is not None:
        move = word  # a role that is not a character: "the dog"
    compiled.him[word] = move
    return move


def _resolve(index: LexiconIndex, candidates: list[_Candidate], words: list[str]) -> list[TraitReading]:
    """Where readings share words, the more specific wins (of the same trait too: "not bound by" over "bound"); a denied
    word and its opposite asserted ("never leaves": stays) keep the assertion. A frame that says *when* a thing is done
    leaves the doing standing: "she cries whenever I go out" is miserable without him, and crying. Then each trait's
    last reading stands, with what it implies, except one after "without", which only says how the thing before it
    was done."""
    at: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        for position in candidate.match.positions:
            at.setdefault(position, []).append(candidate)
    kept = []
    for candidate in candidates:
        beaten = False
        rivals = {id(other): other for position in candidate.match.positions for other in at[position]}
        for other in rivals.values():
            if other is candidate:
                continue
            if _rank(other) > _rank(candidate):
                beaten = not _done_when(index, candidate, other)
            elif (
                _rank(other) == _rank(candidate)
                and other.match.pattern.trait != candidate.match.pattern.trait
                and other.match.pattern.frame.opposite != candidate.match.pattern.frame.opposite
            ):
                # the same words read two ways: a direct word denied loses to its opposite asserted, and the reverse
                beaten = candidate.negated and not other.negated
            if beaten:
                break
        if not beaten:
            kept.append(candidate)
    traits: dict[str, TraitReading] = {}
    for candidate in sorted(kept, key=lambda c: c.match.start):
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


def _done_when(index: LexiconIndex, plain: _Candidate, framed: _Candidate) -> bool:
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


def _rank(candidate: _Candidate) -> tuple[int, int]:
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


# Unions of the tables above, made once here rather than again at every word that asks.
_INTERJECTIONS = INTERJECTION_YES | INTERJECTION_NO
_TAKE_BACK_OR_ANSWER = ANSWER_WORDS | TAKE_BACK_WORDS
_ELLIPTIC = AUXILIARIES | ELLIPSIS_WORDS
_OTHER_POSSESSIVES = POSSESSIVES - {"her"}
_LIKE_AS_VERB_BEFORE = SUBJECT_PRONOUNS | AUXILIARIES | LIKE_AS_VERB_AFTER
_NOT_ATTRIBUTED = PEOPLE | EMOTION_CARRIERS | TIME_NOUNS | SAY_HOW_SHE_IS
_DETERMINERS_OR_POSSESSIVES = DETERMINERS | POSSESSIVES
_BETWEEN_OR_POSSESSIVE = BETWEEN_VERB_AND_ADJECTIVE | POSSESSIVES
_POSSESSIVES_OR_MINE = POSSESSIVES | {"mine"}
_PHRASE_BREAKS = PREPOSITIONS | COORDINATORS | {","}
_AFTER_AN_OBJECT = PREPOSITIONS | COORDINATORS | TIME_NOUNS | AFTER_OBJECT
_ABSENCE_OR_UNTIL = ABSENCE_LEADS | {"until", "till"}
