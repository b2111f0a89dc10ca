"""What a predicate embeds, which changes who a word is about or whether it is asserted: a causative's object ("makes
her dance"), a wish, a modal, a report or a fear ("Harry thinks she is sad"), a plan to write ("I'll write that...").
"""

from __future__ import annotations

from game.typewriter.clause_parts import EMOTION, OBJECTS, Clause, fear_at, name_at
from game.typewriter.grammar import (
    CAUSATIVE_STEMS,
    DETERMINERS,
    EXPERIENCE_STEMS,
    FEAR_ADJECTIVES,
    IRREALIS_ADJECTIVES,
    IRREALIS_ADVERBS,
    IRREALIS_MODALS,
    IRREALIS_VERB_STEMS,
    PLANNED_MARKERS,
    POSSESSIVES,
    REPORTING_STEMS,
    SUBJECT_PRONOUNS,
)
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.nouns import PERSON_NOUNS
from game.typewriter.words import stem

NOT_VERBS_AFTER_TO = DETERMINERS | POSSESSIVES | frozenset({"death", "bits", "pieces", "him", "me", "her", "them", "us", "tears"})
"""After "scared to", "afraid to": a noun, not a verb, so nothing hoped for follows ("scared to death")."""


_COMPLEMENT_SUBJECTS = SUBJECT_PRONOUNS - {"that", "this", "it"}


def embed(index: LexiconIndex, words: list[str], keys: list[str], clause: Clause, who: list[str], real: list[bool]) -> str:
    """Who stands in the predicate after a causative ("makes her dance"), and where a wish, a belief or a modal starts."""
    j = clause.predicate
    while j < clause.end:
        word, key = words[j], keys[j]
        if word not in _EMBEDDING_WORDS and key not in _EMBEDDING_KEYS and word not in index.subject_names:
            j += 1  # most words start nothing below
            continue
        if _planned_page(words, clause, j, index.narrator):
            for k in range(j + (words[j] in _WRITING), len(words)):  # "I'll set her free": "set" is the idiom's own
                real[k] = False
            return "wish"
        if key in CAUSATIVE_STEMS and j + 1 < clause.end:
            target = object_named_at(index, words, j + 1, clause.end)
            if target is not None:
                who_now, after = target
                for k in range(after, clause.end):
                    who[k] = who_now
                j = after
                continue
        hers = word == "her" or word in index.subject_names
        if clause.subject_word == "there" and hers and j > clause.predicate and words[j - 1] == "in":
            for k in range(clause.start, clause.end):
                who[k] = index.subject  # "there is no joy in her": her feeling, though "there" is the subject
        if clause.subject == EMOTION and key in EXPERIENCE_STEMS:
            felt = next(
                (k for k in range(j + 1, clause.end) if words[k] in ("her", "herself") or words[k] in index.subject_names), None
            )
            if felt is not None:
                for k in range(clause.start, clause.end):
                    who[k] = index.subject
        to_complement = word == "to" and _to_complement(index, words, keys, j)
        if (word in IRREALIS_MODALS and not _still_asserts(words, j, clause.end)) or word in IRREALIS_ADVERBS or to_complement:
            for k in range(j, clause.end):
                real[k] = False
        if key in WISHING and j + 1 < len(words) and words[j + 1] not in ("to",):
            for k in range(j + 1, len(words)):
                real[k] = False
            return "wish"
        feared = word in FEAR_ADJECTIVES or key in CONTEMPLATING
        if feared and words[j + 1 : j + 2] in (["of"], ["about"]) and words[j + 2 : j + 3] and words[j + 2].endswith("ing"):
            for k in range(j + 2, clause.end):
                real[k] = False  # "terrified of losing her freedom", "thought about leaving": it has not happened
        reports = key in REPORTING_STEMS or (
            key in _WRITE_STEMS and clause.subject != index.narrator and "i" not in words[clause.start : j]
        )  # "last night I typed that..." is still Calvin's page
        if (reports and _complement_follows(index, words, j + 1, clause.end)) or (
            word in FEAR_ADJECTIVES and _fears_that(index, words, j)
        ):  # "the critic writes that she is a painter" reports; only what Calvin writes comes true
            for k in range(j + 1, len(words)):
                real[k] = False
            return "reported"
        j += 1
    return ""


CONTEMPLATING = frozenset(stem(word) for word in ("think", "thought", "dream", "talk", "worry", "consider"))
"""Verbs of turning something over in the mind: what follows "of"/"about" has not happened."""


WISHING = frozenset({"wish", "hope", "pretend", "imagin", "dream", "suppos"})


_WRITING = frozenset({"write", "type", "make", "writing", "typing", "making", "wrote", "typed", "written"})
"""Calvin's verbs of writing a page: with a plan ("I'll write that...") or a near miss ("I almost typed that...")."""

_WRITE_STEMS = frozenset(stem(word) for word in _WRITING - {"make", "making"})
"""Stems of writing: someone else's "writes that..." reports, as "says that..." does."""


_EMBEDDING_WORDS = _WRITING | frozenset({"her", "to"}) | IRREALIS_MODALS | IRREALIS_ADVERBS | FEAR_ADJECTIVES


_EMBEDDING_KEYS = CAUSATIVE_STEMS | EXPERIENCE_STEMS | WISHING | CONTEMPLATING | REPORTING_STEMS | _WRITE_STEMS
"""The only words and stems at which `embed` does anything (besides the subject's names)."""


def _planned_page(words: list[str], clause: Clause, j: int, narrator: str | None) -> bool:
    """Calvin planning a page is not the page: "I'll write that she sings", "tomorrow I'm going to make her dance".
    A bare "will" counts before "write" (writing later) but not before "make": "I will make her dance", typed at the
    typewriter, is the order itself."""
    ordered = words[j] == "make" or (words[j] in ("have", "let", "set") and words[j + 1 : j + 2] == ["her"])  # "let her"
    if words[j] not in _WRITING and not ordered:
        return False  # "I'm thinking of writing that she barks" plans as "I'll write" does
    # "Tomorrow, after coffee, I'll make her...": a time said before the clause, with no one in it, still counts
    # ("I will sit down and write that...": the whole sentence when he is the subject it carries on)
    said_before = words[: clause.start]
    carried = not clause.own_subject and clause.subject == narrator and "i" in said_before
    own_clause = words[clause.start : j]
    if carried:  # from where he last became the subject: "I wanted to quit, but I sat down and wrote..." is no plan
        said_before = said_before[len(said_before) - 1 - said_before[::-1].index("i") :]
    before = said_before + own_clause if carried or _PEOPLE_WORDS.isdisjoint(said_before) else own_clause
    # "maybe I should write that...": an adverb first hides the subject from the clause, not the plan from the reader
    hidden = not clause.subject_word and bool(before) and before[0] in IRREALIS_ADVERBS and "i" in before
    part_of_me = len(before) >= 3 and before[1:3] == ["of", "me"]  # "part of me wants to type that she adores me"
    if not (clause.subject_word == "i" or carried or hidden or part_of_me):
        return False
    future = not _FUTURE.isdisjoint(before)
    # a time to come plans only with a future form: "Tonight I'll make her sing" plans, "Tonight I make her sing" is
    # the order; "one day I'll make her speak French" as "someday" does
    return (
        any(word in PLANNED_MARKERS and (future or word not in _TIMES_TO_COME) for word in before)
        or (future and "day" in before and "one" in before)
        or (not ordered and "will" in before)
    )


_FUTURE = frozenset({"will", "going", "gonna", "shall"})
_TIMES_TO_COME = frozenset({"tomorrow", "later", "someday", "soon", "next", "tonight"})


_PEOPLE_WORDS = SUBJECT_PRONOUNS | OBJECTS


def _to_complement(index: LexiconIndex, words: list[str], keys: list[str], j: int) -> bool:
    """The "to" at `j` starts what someone wants, tries or is told to do ("wants me to", "is eager to"): not done."""
    governor = j - 2 if j >= 2 and (words[j - 1] in OBJECTS or words[j - 1] in index.name_words) else j - 1
    return (
        governor >= 0
        and (keys[governor] in IRREALIS_VERB_STEMS or words[governor] in IRREALIS_ADJECTIVES)
        and (j + 1 >= len(words) or words[j + 1] not in NOT_VERBS_AFTER_TO)
    )


def _fears_that(index: LexiconIndex, words: list[str], j: int) -> bool:
    """ "I'm afraid she'll leave" is a fear, like "I fear she'll leave": what follows is not the page's. Said of what
    has happened, it is only a polite way to tell it: "I'm afraid she's walked out" asserts `leaves`."""
    if not fear_at(words, j) or j + 1 >= len(words):
        return False
    following = words[j + 1]
    if following not in ("that", "she", "he", "i", "we", "they", "you") and following not in index.name_words:
        return False
    return any(word in ("will", "would", "might", "may", "could", "going", "gonna") for word in words[j + 2 : j + 6])


_NO_ONE = frozenset({"nothing", "nobody", "noone", "none"})


def _still_asserts(words: list[str], j: int, end: int) -> bool:
    """ "could not", "would never" and "must be" still say what is so: a denial, a habit, a conclusion."""
    following = words[j + 1] if j + 1 < end else ""
    if words[j] in ("could", "would") and following in ("not", "never"):
        return True
    if words[j] in ("could", "would", "can") and j and (words[j - 1] in _NO_ONE or words[j - 2 : j] == ["no", "one"]):
        return True  # "nothing could make her happy", "no one could make her cry": a denial, as "nothing makes her" is
    return words[j] == "must" and following in ("be", "have", "not")


def _complement_follows(index: LexiconIndex, words: list[str], i: int, end: int) -> bool:
    """ "thinks she is sad", "says that...", "tells him she is happy": a clause follows, not an object."""
    k = i
    if k + 1 < len(words) and words[k] in POSSESSIVES and words[k + 1] in PERSON_NOUNS:
        k += 2  # "tells her mother that..."
    elif k < len(words) and (words[k] in OBJECTS or words[k] in index.name_words):
        k += 1
    if k + 1 < len(words) and (words[k], words[k + 1]) in _TIMES_SAID:
        k += 2  # "told me last night that..."
    elif k + 2 < len(words) and words[k] in ("in", "on") and words[k + 1] in POSSESSIVES | DETERMINERS:
        k += 3  # "writes in her letter that..."
    elif k + 3 < len(words) and words[k] in ("in", "on") and words[k + 2] == "'s":
        k += 4  # "Langdon writes in his review that": "his" is read as "Langdon's", the man just named
    if k < len(words) and (words[k] in ("that", ":") or (words[k] == "so" and k + 1 >= end)):
        return True  # "says that...", "thinks so"; but "feels so down" is how she feels
    return k < len(words) and (words[k] in _COMPLEMENT_SUBJECTS or name_at(index, words, k) is not None)


_TIMES_SAID = frozenset(
    {("last", "night"), ("last", "week"), ("this", "morning"), ("this", "afternoon"), ("this", "evening")}
    | {("over", "dinner"), ("over", "coffee"), ("on", "sunday"), ("at", "dinner")}
)


def _someone(index: LexiconIndex, word: str) -> bool:
    return word in PERSON_NOUNS or any(word in role for role in index.roles.values())


def object_named_at(index: LexiconIndex, words: list[str], i: int, end: int) -> tuple[str, int] | None:
    word = words[i]
    if word in ("her", "herself") and (i + 1 >= end or (words[i + 1] not in PERSON_NOUNS and words[i + 1] != "own")):
        return index.subject, i + 1  # "makes her dance"; but "has her own career" is the subject's own
    named = name_at(index, words, i)
    if named is not None and (named[0] >= end or words[named[0]] != "'s"):
        return named[1], named[0]
    if word in ("him", "me", "them", "us", "everyone", "everybody", "people"):
        return OTHER, i + 1
    if word in ("the", "his", "my", "their", "our", "your") and i + 2 < end and _someone(index, words[i + 1]):
        return OTHER, i + 2  # "she makes the baby laugh", "makes the dog bark": they do it
    return None
