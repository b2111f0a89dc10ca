"""Read a page: which sentences are about the subject, and which traits each asserts or denies, how strongly.

A page goes through four small steps, each a rule a player can be told: words are repaired and reduced to their
stems (`repair`, `words`, `text`); the sentence is cut into clauses that say who each part is about and whether it is
asserted (`clauses`); the lexicon's frames are found (`matching`) with the roles they need (`roles`, `licensing`,
`scope`); and where two readings claim the same words, the more specific one wins (`candidates`: "she cries when he
leaves" is misery without him, not only tears). This module reads a page sentence by sentence, with what one sentence
leaves to the next: answers, ellipses, denials of the sentence before. Deterministic, pure, and fast enough to read as
the player types.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from itertools import compress
from operator import attrgetter

from game.story.model import Character, Lexicon
from game.typewriter.candidates import find_candidates, resolve
from game.typewriter.clause_parts import EMOTION, SentenceShape
from game.typewriter.clause_words import INTERJECTION_NO, INTERJECTION_YES, PREPOSITIONS
from game.typewriter.clauses import shape
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.compiled import READERS, CompiledReader
from game.typewriter.cues import INTENSITIES, negation_spans
from game.typewriter.fading import fading_spans
from game.typewriter.grammar import AUXILIARIES
from game.typewriter.lexicon_index import OTHER
from game.typewriter.matching import Match, find_matches
from game.typewriter.nouns import TIME_NOUNS
from game.typewriter.pronouns import moves_him, someone_met, with_her
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, SentenceReading, TraitReading
from game.typewriter.repair import normalise
from game.typewriter.roles import RETURN_WORDS, absence_clauses, came_back
from game.typewriter.text import clean, lazy_pattern, split_sentences, tokens


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
        self.last: tuple[SentenceShape, list[Match], dict[int, tuple[int, tuple[str, ...]]]] | None = None
        """The last sentence, for a bare "Ruby is not." or "She does too." that borrows its predicate."""
        self.in_quote = False
        self.after_quote = False
        """The sentence before ended on a quotation: '"Over here!" she cries' is her speaking, not weeping."""
        self.away = False
        """The sentence before said only that Calvin was away ("I was gone for a week.")."""
        self.him: str | None = None
        """The word for whoever "him" now means, when it is not Calvin: the last male named ("She met Scotty. She
        adores him." is the dog). None while "him" is Calvin, the writer, as it is until someone else is named."""

    def sentence(self, text: str) -> SentenceReading:
        said = _spoken_cry(text, self.after_quote)
        self.after_quote = text.rstrip().endswith('"')
        unquoted, quoted = self._unquote(said) if '"' in said or self.in_quote else (said, False)
        typed = tokens(unquoted)
        if self.index.pronouns:
            typed = _as_the_reader_says(typed, self.index.pronouns)
        raw = with_her(self.compiled, self._antecedents(typed))
        words, keys = normalise(self.compiled, raw)
        asking = text.rstrip("\"')! ").endswith("?") or (
            "?" not in text
            and len(words) > 2
            and words[0] in _ASKING
            and (words[1] == "she" or words[1] in self.index.subject_names)
        )  # "is she happy idk": typed with no question mark, the order of the words still asks
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
        found = matched = find_matches(self.compiled, keys, negations)
        starts = set(map(_START, found))  # a word starts several matches: each is asked about once
        if starts and any(words[start][:4].capitalize() in unquoted for start in starts):  # rare: heads are lower-case
            titled = self._titled(unquoted)
            if titled:
                found = [m for m in found if words[m.start] not in titled]  # "she watches Dirty Dancing"
        fading = fading_spans(self.index, words, keys)
        if fading:  # "her sadness is gone": a denial of the feeling, and the "gone" is not her leaving
            negations = {**negations, **fading}
            # "her tears dried up": no reading takes a word of the ending ("tears ... up" is no tearing up)
            found = [m for m in found if not any(at <= p < stop for at, (stop, _) in fading.items() for p in m.positions)]
        heads = starts if found is matched else set(map(_START, found))
        form = shape(self.index, words, keys, self.carried, heads)
        about = any(c.subject == self.index.subject and (form.real[c.start] or not c.lead) for c in form.clauses) or (
            self.index.subject in compress(form.who, form.real)  # whose each asserted word is, asked in C
        )  # "make her dance", "joy fills her": about her though she is not the subject
        # only a subject the words name is carried on: "Quiet." names none, so "Lonely." after it is still hers
        self.carried = next((c.subject for c in reversed(form.clauses) if c.own_subject and c.subject_word), self.carried)
        # "I was gone for a week." says only that Calvin was away: what she feels in the sentences after it, until he
        # is back or someone else comes in, is in his absence ("She barely ate. She wept every night."); "When I got
        # back, she was crying." is what he found on his return
        returned = not RETURN_WORDS.isdisjoint(keys)  # "I came home late." He is back: what she does, he sees
        away = self.away and not (returned and came_back(self.index, form))
        candidates = find_candidates(self.index, form, found, negations, away)
        traits = _as_denials(resolve(self.index, candidates, words), self.compiled.denied_as)
        if words[0] in ("or", "nor") and self.denied_before and not negations and not any(c.own_subject for c in form.clauses):
            # "She doesn't cry anymore. Or laugh.": more of the denial before, as ", or laugh" would be
            traits = [TraitReading(t.id, True, t.intensity, t.words, t.frame) for t in traits if t.frame[:7] != "implied"]
        only = {c.subject for c in form.clauses}
        # he is away until he is back: a sentence about the hotel or the weather between does not bring him home ("I
        # flew to Chicago. The hotel was grim. She moped all week.")
        self.away = not returned and (
            (
                not traits
                and self.index.narrator in only
                and only <= {self.index.narrator, OTHER}
                and bool(absence_clauses(self.index, form))
            )
            or (self.away and only <= {self.index.subject, OTHER})
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
        if self.compiled.moving.isdisjoint(raw):
            return out  # no name, role, "a" or "him" in the sentence: most sentences
        moving = self.compiled.moving
        moves = self.compiled.him
        owners: list[int] = []
        # only the words that may move "him" are visited (found in C): any other leaves him as he is
        for j in compress(range(len(raw)), map(moving.__contains__, raw)):
            word = raw[j]
            if word in ("him", "he") and self.him is not None:
                out[j] = self.him
                continue
            if word == "his" and self.him is not None:
                out[j] = self.him
                owners.append(j)  # "she tells Harry his book is great": Harry's book, not Calvin's
                continue
            if word in ("a", "an"):
                met = someone_met(raw, j)
                if met is not None:
                    self.him = met  # "she meets a sailor... she's crazy about him": the sailor, not the writer
                    continue
            move = moves[word] if word in moves else moves_him(self.compiled, word)
            if move is not None:
                self.him = move or None
        for j in reversed(owners):
            out.insert(j + 1, "'s")
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

    def _titled(self, text: str) -> frozenset[str]:
        """Words capitalised inside a sentence name something ("Dirty Dancing", "her friend Joy", "the Sad Cafe"): not
        the trait the word would be lower-case. Not in a sentence typed in title case, where every word is."""
        chunks = text.split()
        capitals = [
            word
            for before, chunk in itertools.pairwise(chunks)
            for word in (chunk.strip("'\"(),.!?;:"),)
            if word[:1].isupper() and word[1:].islower() and before.lower() not in _EMPHASIS_BEFORE
        ]  # "she is Happy" is emphasis, not a name
        if not capitals or (
            2 * len(capitals) >= len(chunks)
            and not any(chunk[:1].islower() and len(chunk.strip("'\"(),.!?;:")) > 3 for chunk in chunks[1:])
        ):
            return frozenset()  # typed in title case ("She Loves Me"), which leaves only short words in lower case
        names = self.index.name_words
        typed = [
            token
            for word in capitals
            if word.lower() not in names and word.lower() not in _ALWAYS_CAPITALISED  # most capitals: asked without tokens
            for token in tokens(word)
            if token not in names
        ]
        return frozenset(normalise(self.compiled, typed)[0]) - _ALWAYS_CAPITALISED if typed else frozenset()

    def _answer(self, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "She can.", "A little." or "No." after a question about her answers it: the question's reading, asserted or
        denied (and "a little" makes it weak)."""
        if self.question is None or not words:
            return None
        if "," in words[1:]:
            words = words[: words.index(",", 1)]  # "She does, every day." ("No, she is happy." is read on after)
        if len(words) == 1 and words[0] in DEGREE_ANSWERS:
            readings = _flipped(
                self.question, words[0] in NEGATIVE_DEGREES, words, self.compiled.denied_as
            )  # "Perfectly.", "Hardly."
            self.question = None
            if words[0] in STRONG_WORDS:
                readings = tuple(TraitReading(t.id, t.negated, 2.0, t.words, t.frame) for t in readings)
            return readings
        if len(words) <= 4 and words[0] in ("every", "all", "always", "each"):
            readings = _flipped(self.question, False, words, self.compiled.denied_as)  # "Every single day."
            self.question = None
            return readings
        if len(words) <= 4 and words[0] in ("not", "never", "like"):
            readings = _flipped(
                self.question, words[0] != "like", words, self.compiled.denied_as
            )  # "Not a step.", "Like an angel."
            self.question = None
            return readings
        if len(words) > 6 or any(word not in ANSWER_WORDS and word not in self.index.subject_names for word in words):
            return None
        denied = any(word in INTERJECTION_NO or word == "not" for word in words)
        readings = _flipped(self.question, denied, words, self.compiled.denied_as)
        self.question = None
        return readings

    def _taken_back(self, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "She was sad. Not anymore." / "Ruby is sad. Then she isn't.": a bare denial takes back the sentence before
        (and confirms one that was already a denial: "She is not in love. Not anymore.")."""
        if not self.previous or len(words) > 10:
            return None
        # "Then, suddenly, she isn't.": the commas do not count; asked in C before any list is made
        if len(words) - words.count(",") > 6 or not _TAKE_BACK_OR_COMMA.issuperset(words):
            return None
        words = [word for word in words if word != ","]
        if not any(word in ("not", "never", "no") for word in words):
            return None
        return _flipped(
            self.previous, not self.denied_before, words, {}
        )  # "She leaves. Then she doesn't." takes the leaving back

    def _ellipsis_within(self, text: str, words: list[str]) -> tuple[TraitReading, ...] | None:
        """ "I'm sad tonight, but she isn't.": the same borrowing inside one sentence, after "but", "and" or a comma."""
        if "," not in words and "and" not in words and "but" not in words:
            return None  # most sentences: three scans in C instead of a walk back over every word
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
        if self.last is None or not words:
            return None
        if "," in words[1:6] and not _TIME_WORDS.isdisjoint(words[: words.index(",")]):
            words = words[words.index(",") + 1 :]  # "A minute later, so does Ruby.": when, then the ellipsis
        while len(words) > 2 and (words[0] in TIME_NOUNS or (words[0] in ("on", "by", "at") and words[1] in TIME_NOUNS)):
            words = words[1:] if words[0] in TIME_NOUNS else words[2:]  # "On Sunday she was.", "Monday she does."
        if words[0] in PREPOSITIONS and "she" in words[2:5]:
            words = words[words.index("she") :]  # "By the coast she was.": where, then the ellipsis
        if len(words) > 6:
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
        if "might" in rest or "may" in rest:
            return ()  # "She might laugh. She might not.": a possibility either way, nothing written as so
        form, found, _ = self.last
        count = len(form.words)
        as_hers = SentenceShape(
            form.words, form.keys, form.clauses, [self.index.subject] * count, [True] * count, clause_of=form.clause_of
        )
        # she is given the predicate, not the sentence's own denials: "Harry isn't sad. She is." asserts, and "He was
        # sad he couldn't come. She was not." denies (the "couldn't" was not about the sadness); a frame that is itself
        # a denial stays one ("She is my creation. She always will be.")
        readings = resolve(self.index, find_candidates(self.index, as_hers, found, {}), form.words)
        denied = any(word in ("not", "never", "neither") for word in rest)  # "Ruby does neither."
        return _flipped(readings, denied, rest, self.compiled.denied_as)


def _as_the_reader_says(typed: list[str], swaps: Mapping[str, str]) -> list[str]:
    """A story whose subject is "he" or "they", in the pronouns the reader's rules are written with (see
    `LexiconIndex.pronouns`), before "him" is worked out: "Oskar pets the cat. He is strong." is still Oskar. A "her"
    read as the writer's is "his" before a noun ("he carries her tools") and "him" otherwise ("he obeys her")."""
    out = [swaps.get(word, word) for word in typed]
    if swaps.get("her") == "him":
        for j in compress(range(len(typed) - 1), map("her".__eq__, typed)):
            following = typed[j + 1]
            if following not in FUNCTION_WORDS and following != "," and not following.endswith("ly"):
                out[j] = "his"
    return out


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
            "kind",  # "Is she happy? Kinda.": a little
            "sort",
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


_TIME_WORDS = TIME_NOUNS | {"later", "soon", "after", "afterwards", "afterward", "then", "moments", "seconds", "minutes"}


ELLIPSIS_WORDS = frozenset({"not", "never", "too", "also", "either", "anymore", "so", "as", "well", "neither", "always"})


NEGATIVE_DEGREES = frozenset({"hardly", "barely", "rarely", "seldom", "scarcely", "never"})


STRONG_WORDS = frozenset(word for (word, *rest), value in INTENSITIES.items() if not rest and value > 1)


DEGREE_ANSWERS = (
    STRONG_WORDS
    | NEGATIVE_DEGREES
    | frozenset(
        {"perfectly", "fluently", "constantly", "often", "sometimes", "always", "never", "completely", "totally", "definitely"}
        | {"beautifully", "wonderfully", "brilliantly", "superbly", "marvellously", "marvelously", "gracefully"}
        | {"nicely", "splendidly", "daily", "nightly", "regularly", "frequently", "usually", "occasionally"}
        | {"deliriously", "blissfully", "wildly", "madly", "incredibly", "terribly", "hugely", "immensely", "deeply"}
    )
)
"""One-word answers that say how much, how often or how well: "Does she speak French? Perfectly.", "Can she sing?
Beautifully." ("Lonely." is not an answer but a word)."""


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
        "suddenly",
        "soon",
        "later",
        "finally",
        "eventually",
        "one",
        "day",
        "morning",
        "night",
        "week",
    }
)


def _flipped(
    readings: list[TraitReading], denied: bool, words: list[str], denied_as: Mapping[str, str]
) -> tuple[TraitReading, ...]:
    """The readings of a sentence, answered or taken back; a denial the lexicon reads as another trait is that trait
    ("Will she leave me? No." is her staying)."""
    weak = "little" in words or "bit" in words
    kept = [t for t in readings if not (denied and t.frame.startswith("implied by"))]
    flipped = []
    for t in kept:
        negated = t.negated != denied
        twin = denied_as.get(t.id) if negated and not t.negated else None
        flipped.append(TraitReading(twin or t.id, negated and twin is None, 0.5 if weak else t.intensity, t.words, t.frame))
    return tuple(flipped)


def _as_denials(readings: list[TraitReading], denied_as: Mapping[str, str]) -> list[TraitReading]:
    """A denial the lexicon reads as another trait is that trait wherever it is said, not only in an answer:
    "Nobody can make her go" is her staying, as "she won't leave" is."""
    if not any(t.negated and t.id in denied_as for t in readings):
        return readings
    out: dict[str, TraitReading] = {}
    for t in readings:
        twin = denied_as.get(t.id) if t.negated else None
        if twin is not None:
            t = TraitReading(twin, False, t.intensity, t.words, t.frame)
        out.setdefault(t.id, t)
    return list(out.values())


_START = attrgetter("start")
"""Where a match starts, asked in C."""

_ASKING = frozenset({"is", "was", "does", "did", "can", "could", "will", "would", "has", "should"})
"""Auxiliaries that open a question when they come before her: "does she love me", "can ruby paint"."""


def _shown(subject: str, hers: str, about: bool) -> str:
    """Who `page --explain` says a sentence is about: a feeling that fills her ("joy fills her") is her."""
    return hers if subject == EMOTION and about else (OTHER if subject == EMOTION else subject)


def keys_for_negation(words: list[str]) -> list[str]:
    """Negation cues are found on the words, with "no" at the head of a sentence ("No, she is happy") left out."""
    if words and words[0] in ("no", "nope", "nah") and (len(words) == 1 or words[1] == ","):
        return ["", *words[1:]]
    return words


_ALWAYS_CAPITALISED = frozenset(
    {"i", "french", "english", "spanish", "italian", "german", "russian", "chinese", "japanese", "greek", "latin"}
    | {"portuguese", "dutch", "arabic", "hebrew", "polish", "swedish", "korean", "hindi", "paris", "parisian"}
)
"""Words English always capitalises (languages, "I"): a capital says nothing about them naming a title."""
_EMPHASIS_BEFORE = frozenset({"is", "was", "am", "are", "feels", "seems", "looks", "so", "very", "really", "she's", "i'm"})

# Unions of the tables above, made once here rather than again at every word that asks.
_INTERJECTIONS = INTERJECTION_YES | INTERJECTION_NO


_TAKE_BACK_OR_COMMA = ANSWER_WORDS | TAKE_BACK_WORDS | {","}
"""The words of a bare denial or answer, and the commas between them ("Then, suddenly, she isn't.")."""


_ELLIPTIC = AUXILIARIES | ELLIPSIS_WORDS


_CRY = r"cr(?:y|ies|ied|ying)\b"
_CRY_WORD = lazy_pattern(_CRY, re.IGNORECASE)
_CRY_BEFORE_QUOTE = lazy_pattern(rf"\b{_CRY}(?=\s*(?:out\s*)?[,:]?\s*\")", re.IGNORECASE)
_CRY_AFTER_QUOTE = lazy_pattern(rf"(\"\s*(?:she|he|i|ruby|[a-z]+)\s+){_CRY}", re.IGNORECASE)
_CRY_OPENS = lazy_pattern(rf"^(\s*(?:she|he|i|ruby|[a-z]+)\s+){_CRY}", re.IGNORECASE)


def _spoken_cry(text: str, after_quote: bool) -> str:
    """To cry, next to a quotation, is to call out: '"Over here!" she cries' and 'she cries, "Wait!"' say something,
    and the sentence splitter may have left the quotation in the sentence before."""
    if "cr" not in text.lower() or _CRY_WORD().search(text) is None:  # each pattern below needs a cry
        return text
    text = _CRY_BEFORE_QUOTE().sub("says", text)
    text = _CRY_AFTER_QUOTE().sub(r"\1says", text)
    return _CRY_OPENS().sub(r"\1says", text) if after_quote else text
