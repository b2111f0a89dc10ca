"""Who a clause is about: past an introduction ("Every morning,", "In the kitchen") to its subject, a name, a pronoun,
a possessive ("her heart" is a feeling of hers, "her sister" someone else), the noun a relative clause hangs on, or
the subject carried on from the clause before ("and sings", "Very happy.").
"""

from __future__ import annotations

from game.typewriter.clause_parts import EMOTION, Clause, name_at, past_tense
from game.typewriter.clause_words import COORDINATORS, INTRODUCTORY, PREPOSITIONS, SUBORDINATOR_WORDS
from game.typewriter.cues import INTENSITY_STARTS, intensity_spans
from game.typewriter.embedding import object_named_at
from game.typewriter.grammar import (
    AUXILIARIES,
    BE,
    CAUSATIVE_STEMS,
    DETERMINERS,
    EXPERIENCE_STEMS,
    LINKING_STEMS,
    OTHER_NOUN_PHRASES,
    REPORTING_STEMS,
    SIZE_AND_AGE,
    SUBJECT_PRONOUNS,
)
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.nouns import EMOTION_CARRIERS, PEOPLE, PERSON_NOUNS, THINGS_AROUND_HER, TIME_NOUNS

TIME_DETERMINERS = frozenset(
    {"every", "each", "this", "that", "these", "those", "one", "last", "next", "all", "some", "later", "tomorrow", "most"}
)
"""Words that make a time noun an adverb: "every morning she paints"; "the night class teacher" is a subject."""


_MEALTIMES = frozenset({"breakfast", "lunch", "dinner", "supper", "bedtime", "sunset", "sunrise", "nightfall"})
"""Times of day said by what happens then: "By lunch her sadness was gone"."""


TITLES = frozenset({"dr", "doctor", "mr", "mrs", "ms", "mister", "uncle", "aunt", "professor", "officer", "sir", "madam"})
"""Words that put someone else's name after them: "Dr. Rosenthal laughs" is not about her."""


WH_WORDS = frozenset({"why", "how", "where", "when", "what"})


PREDICATE_STARTERS = AUXILIARIES | frozenset(
    {
        "not",
        "never",
        "no",
        "also",
        "too",
        "still",
        "now",
        "then",
        "even",
        "just",
        "suddenly",
        "again",
        "always",
        "often",
        "sometimes",
        "really",
        "truly",
        "very",
        "so",
        "and",
        "but",
        "or",
        ",",
        "finally",
        "only",
        "already",
        "soon",
        "later",
    }
)
"""Words a predicate with its subject left out starts with: "And never sad again.", "Still French." """


_PHRASE_ENDING_VERBS = LINKING_STEMS | CAUSATIVE_STEMS | REPORTING_STEMS | EXPERIENCE_STEMS


_OWNED_NOUNS = PERSON_NOUNS | EMOTION_CARRIERS


_BEFORE_A_VERB = AUXILIARIES | {"'s"}


INTRO_PARTICLES = frozenset(
    {"out", "up", "down", "back", "outside", "inside", "upstairs", "downstairs", "later", "halfway", "midway", "partway"}
    | {"somewhere", "right", "just", "sometime", "around", "over"}
)
"""Adverbs that open a place before the subject: "Out in the yard she..."."""


INTRO_PHRASES = (
    ("you", "know", "what"),
    ("guess", "what"),
    ("know", "what"),
    ("most", "of", "all"),
    ("above", "all"),
    ("best", "of", "all"),
    ("worst", "of", "all"),
    ("thank", "god"),
    ("thank", "goodness"),
    ("thank", "heavens"),
    ("every", "so", "often"),
    ("now", "and", "then"),
    ("once", "in", "a", "while"),
    ("from", "time", "to", "time"),
    ("all", "of", "a", "sudden"),
    ("at", "last"),
    ("at", "once"),
    ("all", "at", "once"),
    ("right", "now"),
    ("right", "away"),
    ("right", "then"),
    ("straight", "away"),
    ("just", "now"),
    ("at", "that", "moment"),
    ("at", "this", "moment"),
    ("at", "first"),
    ("in", "the", "end"),
    ("more", "and", "more"),
    ("day", "after", "day"),
    ("night", "after", "night"),
)


_INTRO_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}


for _intro in INTRO_PHRASES:
    _INTRO_BY_FIRST.setdefault(_intro[0], []).append(_intro)


def _skip_intro(words: list[str], i: int, end: int, names: frozenset[str]) -> int:
    """Past "Every morning,", "Suddenly", "In the kitchen," to where the subject may stand."""
    while i < end:
        word = words[i]
        phrases = _INTRO_BY_FIRST.get(word)
        phrase = next((p for p in phrases if tuple(words[i : i + len(p)]) == p), None) if phrases else None
        if phrase is not None:
            i += len(phrase)
            continue
        if (
            word == ","
            or (word in INTRODUCTORY and word not in DETERMINERS)
            or (word.endswith("ly") and i + 1 < end and _subject_next(words[i + 1], names))  # "basically ruby is.."
        ):
            i += 1
        elif word in TIME_DETERMINERS and i + 1 < end and words[i + 1] in TIME_NOUNS:
            i += 2
        elif word in TIME_NOUNS and i + 1 < end and (words[i + 1] in TIME_NOUNS or _subject_next(words[i + 1], names)):
            i += 1  # "Monday night she sings", "saturday she paints": a day, with no comma after it
        elif word in TIME_DETERMINERS and i + 2 < end and words[i + 1] in ("single", "other") and words[i + 2] in TIME_NOUNS:
            i += 3  # "Every single day she tells me..."
        elif word in PREPOSITIONS and i + 1 < end and (words[i + 1] in TIME_NOUNS or words[i + 1] in _MEALTIMES):
            i += 2  # "By Sunday her fear had faded", "At dawn she sings"
        elif (word in PREPOSITIONS and word not in ("like", "as", "than", "to", "of")) or word in INTRO_PARTICLES:
            # "Without a word she rises...", "In the kitchen, Ruby dances": to the subject, or past the comma
            after = i + 1
            while after < end and (words[after] in names or words[after] == "'s"):
                after += 1  # "Without Calvin she is lost": the name is the preposition's, not the subject
            subject = next(
                (j for j in range(after, min(end, i + 11)) if words[j] in ("she", "he", "i", "we", "they") or words[j] in names),
                None,
            )
            comma = _first_comma(words, i + 1, min(end, i + 9))
            if subject is not None and (comma is None or subject < comma):
                i = subject
            elif comma is not None:
                i = comma + 1
            else:
                return i
        else:
            return i
    return i


def _subject_next(word: str, names: frozenset[str]) -> bool:
    """After an adverb that opens a sentence ("Suddenly, ...", "basically she..."): a comma, a pronoun or a name."""
    return word == "," or word in _PRONOUNS or word in names


_PRONOUNS = frozenset({"she", "he", "i", "we", "they"})


def _first_comma(words: list[str], start: int, stop: int) -> int | None:
    try:
        return words.index(",", start, max(start, stop))
    except ValueError:
        return None


def _noun_phrase_end(words: list[str], keys: list[str], i: int, end: int) -> int:
    """Where a noun phrase that starts at `i` ends: before its verb, which is an auxiliary or the first word that is not
    an adjective or noun we can tell; at most four words, since players write short subjects."""
    j = i
    verbs = _PHRASE_ENDING_VERBS
    while (
        j < end
        and j < i + 4
        and words[j] not in AUXILIARIES
        and words[j] not in (",", "not", "never")
        and (
            j == i
            or (
                (keys[j] not in verbs or words[j - 1] in SIZE_AND_AGE)
                and not words[j].endswith("ly")
                and words[j] not in PREDICATE_STARTERS
            )
        )
    ):
        if j > i and (words[j].endswith("s") and words[j] not in _OWNED_NOUNS and words[j - 1] not in DETERMINERS):
            break
        if j > i and past_tense(words[j]) and words[j - 1] not in DETERMINERS:
            break  # "her sister phoned in tears": a past tense is the verb
        j += 1
    return max(j, i + 1)


def read_subject(index: LexiconIndex, words: list[str], keys: list[str], clause: Clause, carried: str, heads: set[int]) -> None:
    first = clause.start + len(clause.lead)
    if clause.lead in (("who",), ("which",)) and first < clause.end and words[first] not in SUBJECT_PRONOUNS:
        referent = _antecedent(index, words, clause.start)
        if referent is not None:
            # "the waiter, who grins": a relative clause is about the noun before it, not the sentence's subject
            clause.subject, clause.predicate, clause.own_subject = referent, first, False
            clause.linking = _linking(words, keys, first, clause.end)
            return
    i = _skip_intro(words, first, clause.end, index.name_words)
    if i > first and not (i < clause.end and (words[i] in _PRONOUNS or words[i] in index.name_words)):
        # never skip past the words of a trait ("on cloud nine, happy as a lark"); but a place said before her, with
        # no comma ("On the drive down she...", "In front of the painting Ruby..."), is only where
        i = next((h for h in range(first, i) if h in heads), i)
    if i + 1 < clause.end and words[i] in WH_WORDS and words[i + 1] in AUXILIARIES:
        i += 1  # "Why is Ruby sad?": the question word, then the inverted subject
    elif i + 1 < clause.end and words[i] in ("me", "him") and words[i + 1] in ("she", "he", "i"):
        i += 1  # "Me she loves": the object put first, then the subject
    # "Have her sing a song." is an order, not a question: a causative, then its object
    ordered = i + 1 < clause.end and words[i] == "have" and object_named_at(index, words, i + 1, clause.end) is not None
    if (
        i < clause.end
        and words[i] in AUXILIARIES
        and i + 1 < clause.end
        and not (clause.lead and clause.lead[0] in COORDINATORS)
        and not ordered
    ):
        # a question ("Can she paint?", "Is Ruby happy?"): the subject stands after its auxiliary; after "and" it is
        # more of the same subject's predicate ("Susie is calm and has her own career")
        found = _subject_at(index, words, keys, i + 1, clause.end)
        if found is not None:
            clause.subject, clause.predicate, clause.own_subject = found[0], found[1], True
            clause.subject_word = words[i + 1]
            clause.linking = _linking(words, keys, i, clause.end)
            return
    degree = intensity_spans(words[i : i + 4]).get(0) if i < len(words) and words[i] in INTENSITY_STARTS else None
    # "A little sad." is a degree; "A little boy dances." is someone: the degree's words were a determiner and adjective
    starts_with_degree = degree is not None and not (i + degree[0] < clause.end and words[i + degree[0]] in PEOPLE)
    found = _subject_at(index, words, keys, i, clause.end) if i < clause.end and not starts_with_degree else None
    if found is not None:
        clause.subject_word = words[i]
    if found is None:
        # a clause with no subject of its own carries on the one before when it starts like a predicate ("Very happy.",
        # "and sings"); anything else ("Asdf!") is about nobody
        predicate_like = (
            i >= clause.end
            or i in heads
            or (i + 1 in heads and (words[i] in PREDICATE_STARTERS or words[i].endswith("ly")))
            or (
                bool(clause.lead)
                and clause.lead[0] not in SUBORDINATOR_WORDS  # "while Cyrus Modi sings" has a subject of its own
                and any(h in heads for h in range(i, min(i + 4, clause.end)))
            )  # "and easy, happy"
            or words[i] in PREDICATE_STARTERS
            or keys[i] in LINKING_STEMS
            or (
                words[i].endswith(("s", "ed"))
                and words[i] not in PERSON_NOUNS
                and bool(clause.lead)
                and (i + 1 >= clause.end or not {i + 1, i + 2} & heads)
                # "while Cyrus Modi sings": a name the story does not know, then its verb; but "and leaps | and dances"
            )
        )
        clause.subject, clause.predicate = (carried if predicate_like or starts_with_degree else OTHER), i
        clause.own_subject = not (predicate_like or starts_with_degree)  # "Asdf!" is about something, not her
    else:
        clause.subject, clause.predicate, clause.own_subject = found[0], found[1], True
    clause.linking = _linking(words, keys, clause.predicate, clause.end)


GENERIC_ANTECEDENTS = frozenset({"one", "kind", "sort", "type", "girl", "woman", "person", "only", "first", "last"})
"""Nouns a relative clause after "is" describes the subject by ("she is the one who loves me"): it is still hers."""


def _antecedent(index: LexiconIndex, words: list[str], relative: int) -> str | None:
    """Who the relative pronoun at `relative` stands for; None when it stands for the sentence's own subject."""
    j = relative - 1
    if j >= 0 and words[j] == ",":
        j -= 1
    if j < 0 or words[j] in GENERIC_ANTECEDENTS:
        return None
    word = words[j]
    if word in ("her", "herself") or word in index.subject_names:
        return index.subject
    if word in ("me", "myself") or word in index.narrator_names:
        return index.narrator
    named = index.names.get((word,))
    return named if named is not None else OTHER


def _subject_at(index: LexiconIndex, words: list[str], keys: list[str], i: int, end: int) -> tuple[str, int] | None:
    if words[i] == "all" and i + 1 < end and words[i + 1] == "her":
        i += 1  # "All her sadness melts away"
    word = words[i]
    subject = index.subject
    if word in ("she", "herself"):
        return subject, i + 1
    if word == "i":
        return index.narrator or OTHER, i + 1
    if word == "my" and i + 1 < end and name_at(index, words, i + 1) is not None:
        after, character = name_at(index, words, i + 1) or (i + 2, OTHER)
        return character, after  # "my Ruby is happy"
    if (
        word in ("her", "his", "my", "their", "your", "our")
        and i + 1 < end
        and words[i + 1] not in AUXILIARIES
        and name_at(index, words, i) is None  # "my brother", "my girlfriend": a name the story gives, not a possession
    ):
        stop = _noun_phrase_end(words, keys, i + 1, end)
        owned = words[i + 1 : stop]
        if any(index.names.get((w,)) == subject for w in owned):
            return subject, stop  # "my girlfriend Ruby is an artist": her name, after who she is to him
        head = next((owned[:k] for k, noun in enumerate(owned) if noun in PREPOSITIONS), owned)
        if word == "her" and not any(_person(noun) or noun in THINGS_AROUND_HER for noun in head):
            # "her fear of strangers" is a fear of hers; "her bicycle is chained to the fence" is the bicycle's
            return (EMOTION if _feeling(index, keys[i + 1 : stop]) else subject), stop
        return OTHER, stop  # "my sadness fades", "his love is gone": his feelings, not hers
    named = name_at(index, words, i)
    if named is not None:
        after, character = named
        if after < end and words[after] == "'s":
            stop = _noun_phrase_end(words, keys, after + 1, end)
            if (
                character == subject
                and not any(noun in PERSON_NOUNS for noun in words[after + 1 : stop])
                and (after + 1 >= end or words[after + 1] not in THINGS_AROUND_HER)  # "Ruby's pants are blue"
            ):
                return subject, stop
            return OTHER, stop
        return character, after
    if word in ("that", "this") and i + 1 < end and _feeling(index, keys[i + 1 : i + 2]):
        return EMOTION, i + 2  # "She was afraid of me once. That fear is gone now.": the feeling just named
    if word in SUBJECT_PRONOUNS or word in OTHER_NOUN_PHRASES:
        return OTHER, i + 1
    if word in TITLES and i + 1 < end:
        named = name_at(index, words, i + 1)
        return (named[1], named[0]) if named is not None else (OTHER, i + 2)  # "Dr. Rosenthal laughs"
    if word == "no" and i + 1 < end and words[i + 1] in ("longer", "more"):
        return None  # "and no longer sad": a denial, not a subject
    if word in DETERMINERS:
        stop = _noun_phrase_end(words, keys, i + 1, end)
        if any(index.names.get((w,)) == subject for w in _before_a_preposition(words[i + 1 : stop])):
            return subject, stop  # "the old Ruby is back"; but "the neighbours laugh at Ruby" is theirs
        return (EMOTION if _feeling(index, keys[i + 1 : stop]) else OTHER), stop
    if _feeling(index, keys[i : i + 1]) and i + 1 < end and keys[i + 1] in EXPERIENCE_STEMS:
        return EMOTION, i + 1
    if i + 1 < end and words[i + 1] in _BEFORE_A_VERB and keys[i] not in index.patterns and word not in AUXILIARIES:
        return OTHER, i + 1
    return None


def _before_a_preposition(phrase: list[str]) -> list[str]:
    return next((phrase[:k] for k, word in enumerate(phrase) if word in PREPOSITIONS and word != "of"), phrase)


def _person(noun: str) -> bool:
    """ "her classmates", "her friends", "her mother": people (or things she owns or wears), not her."""
    return noun in PERSON_NOUNS or noun in THINGS_AROUND_HER or (noun.endswith("s") and noun[:-1] in PERSON_NOUNS)


def _feeling(index: LexiconIndex, keys: list[str]) -> bool:
    return not index.feeling_keys.isdisjoint(keys)


def _linking(words: list[str], keys: list[str], start: int, end: int) -> list[int]:
    found = []
    for j in range(start, end):
        if words[j] in BE:
            following = words[j + 1] if j + 1 < end else ""
            if following.endswith("ing") and keys[j + 1] not in LINKING_STEMS and following not in ("being",):
                continue  # "is wearing blue jeans": a tense, not a description
            found.append(j)
        elif keys[j] in LINKING_STEMS and words[j] not in ("like",):
            found.append(j)
    return found
