"""A sentence cut into clauses, each with who it is about and whether it asserts anything.

This is not a parser: it is the few facts the typewriter needs, found with the closed classes of `grammar`. For each
word of a sentence it answers two questions: whose is the predicate this word stands in (Ruby's, Calvin's, someone
else's), and does the sentence say it is so (not a wish, a condition, a belief or a question)? Rules are ones a player
can be told in a sentence ("what Harry thinks is not your page"), so that a reading is never a surprise.
"""

from __future__ import annotations

from game.records import attribute, prefab
from game.typewriter.cues import intensity_spans
from game.typewriter.grammar import (
    AUXILIARIES,
    BE,
    CAUSATIVE_STEMS,
    CONDITIONALS,
    CONTRASTS,
    COORDINATORS,
    DETERMINERS,
    EMOTION_CARRIERS,
    EXPERIENCE_STEMS,
    FEAR_ADJECTIVES,
    INTRODUCTORY,
    IRREALIS_ADJECTIVES,
    IRREALIS_ADVERBS,
    IRREALIS_MODALS,
    IRREALIS_VERB_STEMS,
    LINKING_STEMS,
    NON_ASSERTING_SUBORDINATORS,
    OTHER_NOUN_PHRASES,
    PEOPLE,
    PERSON_NOUNS,
    PLANNED_MARKERS,
    POSSESSIVES,
    PREPOSITIONS,
    RELATIVES,
    REPORTING_STEMS,
    SUBJECT_PRONOUNS,
    SUBORDINATOR_WORDS,
    TIME_NOUNS,
)
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.words import IRREGULAR, stem

EMOTION = "\0emotion"
"""The subject of "joy fills her": a feeling, which makes the clause about whoever it fills."""
TIME_DETERMINERS = frozenset(
    {"every", "each", "this", "that", "these", "those", "one", "last", "next", "all", "some", "later", "tomorrow", "most"}
)
"""Words that make a time noun an adverb: "every morning she paints"; "the night class teacher" is a subject."""
WHETHER_VERBS = frozenset(stem(word) for word in ("ask", "wonder", "see", "check", "know", "doubt", "decide", "care"))
"""Verbs whose "if" means "whether": "she asks if I'm the author" states no condition."""
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
OBJECTS = frozenset({"me", "him", "her", "them", "us", "you", "everyone"})
"""Words that stand as someone's object ("tells him", "wants me to"); characters' names do too."""
NOT_VERBS_AFTER_TO = DETERMINERS | POSSESSIVES | frozenset({"death", "bits", "pieces", "him", "me", "her", "them", "us", "tears"})
"""After "scared to", "afraid to": a noun, not a verb, so nothing hoped for follows ("scared to death")."""


@prefab
class Clause:
    start: int
    end: int
    lead: tuple[str, ...] = ()
    """The word(s) that opened it: a coordinator or a subordinator ("when", "every time"), or nothing."""
    subject: str = OTHER
    subject_word: str = ""
    """The word the subject starts with ("it", "harry", "her"), or "" when it is carried on."""
    own_subject: bool = False
    """False when the subject is carried on from before ("She paints and sings", "Very happy.")."""
    predicate: int = 0
    """Where the predicate starts: after the subject and any auxiliary of a question."""
    asserts: bool = True
    denied: bool = False
    """Set for the clause after "it is not true that...": the whole of it is denied."""
    linking: list[int] = attribute(default_factory=list)
    """Positions of verbs after which an adjective describes the subject (is, seems, feels, becomes)."""


@prefab
class SentenceShape:
    words: list[str]
    keys: list[str]
    clauses: list[Clause]
    who: list[str]
    """For each word, whose predicate it stands in."""
    real: list[bool]
    """For each word, whether the sentence asserts what stands there."""
    mood: str = "asserts"
    subject: str = OTHER
    """The subject of the first main clause: who the sentence is about."""

    clause_of: list[int] = attribute(default_factory=list)
    """For each word, the number of its clause, or -1 for the words that join two clauses ("every time")."""

    def clause_at(self, position: int) -> int:
        return self.clause_of[position]


def shape(index: LexiconIndex, words: list[str], keys: list[str], carried: str, heads: set[int]) -> SentenceShape:
    """Clauses, and for each word its subject and whether it is asserted. `heads` are where lexicon words start, which
    tell a new clause ("and sings") from more of the same object ("him and the dog")."""
    clauses = _split(index, words, keys, heads)
    who = [OTHER] * len(words)
    real = [True] * len(words)
    mood = "asserts"
    if any(word in CONDITIONALS and not _asked(index, words, keys, i) for i, word in enumerate(words)) or (
        len(words) > 1 and words[0] in ("were", "had", "should") and words[1] in SUBJECT_PRONOUNS
    ):
        mood = "condition"  # "if she were...", "were she afraid..."
    opaque = ""
    opaque_is_subordinate = False  # "Although Harry says she is sad, she is happy": the report ends with its clause
    unreal_tail = False
    previous = carried
    speaker = ""  # the last third-person subject of a clause of its own: who may go on after a reported "I'm..."
    first_person = False  # whether the last clause's last subject was I, we or you
    first_subject: str | None = None
    for number, clause in enumerate(clauses):
        if (
            number
            and clause.lead == ("that",)
            and _denies_what_follows(words[clauses[number - 1].start : clauses[number - 1].end])
        ):
            clause.denied = True
        if (
            clause.lead
            and (clause.lead[0] in CONTRASTS | {"and", "then"} or (clause.lead == (",",) and opaque_is_subordinate))
            and _starts_subject(index, words, clause.start + len(clause.lead))
        ):
            opaque = ""
        if " ".join(clause.lead) in NON_ASSERTING_SUBORDINATORS:
            clause.asserts = False
        _read_subject(index, words, keys, clause, previous, heads)
        if (
            first_person
            and speaker
            and not clause.own_subject
            and clause.lead in (("and",), ("then",))
            and _third_person_verb(words, clause)
        ):
            # "She tells me I'm brilliant and sticks around": "sticks" cannot be mine, so it is hers, said, not reported
            clause.subject, opaque, unreal_tail = speaker, "", False
        if clause.own_subject and clause.subject_word not in ("i", "we", "you", "they", "it", ""):
            speaker = clause.subject
        subordinate = bool(clause.lead) and clause.lead[0] in SUBORDINATOR_WORDS
        if (clause.own_subject or clause.subject != OTHER) and (not subordinate or clause.predicate >= clause.end):
            previous = clause.subject  # a subordinate clause's subject is not carried on: "she cried because the toast
            # burned, and laughed" is her laughing; but one cut off by a comma goes on: "while Ruby, bored, stared"
        if first_subject is None and clause.asserts and not opaque:
            first_subject = clause.subject
        for i in range(clause.start, clause.end):
            who[i] = clause.subject
            real[i] = clause.asserts and not opaque and mood != "condition" and not (unreal_tail and not clause.own_subject)
        embedded = _embedded(index, words, keys, clause, who, real)
        if clause.end > clause.start and who[clause.end - 1] == index.subject != clause.subject:
            previous = index.subject  # "make her giggle and dance": she is the one who goes on in the next clause
        if embedded and not opaque:
            opaque_is_subordinate = bool(clause.lead) and clause.lead[0] in SUBORDINATOR_WORDS
        opaque = embedded or opaque
        pronouns = [word for word in words[clause.start : clause.end] if word in ("i", "we", "you", "she", "he", "they")]
        if pronouns:
            first_person = pronouns[-1] in ("i", "we", "you")
        unreal_tail = clause.end > clause.start and not real[clause.end - 1] and clause.lead not in ((",",),)
        if opaque and mood == "asserts":
            mood = opaque
        elif mood == "asserts" and clause.asserts and not all(real[clause.predicate : clause.end]):
            mood = "wish"
    asked = next((i for i, word in enumerate(words) if word in CONDITIONALS and _asked(index, words, keys, i)), None)
    if asked is not None:
        # "...and asks if she likes dogs": a question, not the page's; it runs until a main clause with its own subject
        # ("When I ask if she's okay she says she's fine")
        until = next(
            (
                clause.start
                for clause in clauses
                if clause.start > asked and clause.own_subject and not (clause.lead and clause.lead[0] in SUBORDINATOR_WORDS)
            ),
            len(words),
        )
        real[asked:until] = [False] * (until - asked)
        mood = "reported" if mood == "asserts" and until == len(words) else mood
    clause_of = [-1] * len(words)
    for number, clause in enumerate(clauses):
        clause_of[clause.start : clause.end] = [number] * (clause.end - clause.start)
    subject = first_subject if first_subject is not None else OTHER
    return SentenceShape(words, keys, clauses, who, real, mood, subject, clause_of)


def _third_person_verb(words: list[str], clause: Clause) -> bool:
    """The clause's verb agrees with "she", not with "I": "sings", "is", "has"."""
    i = clause.predicate
    while i < clause.end and words[i] in ("then", "also", "just", "still", "always", "never", "simply"):
        i += 1
    if i >= clause.end:
        return False
    word = words[i]
    return word in ("is", "was", "has", "does") or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _asked(index: LexiconIndex, words: list[str], keys: list[str], i: int) -> bool:
    """ "Whether" always asks, wherever it stands ("...or whether I'm the one who broke it"); "if" asks only after a
    verb of asking or knowing."""
    return words[i] == "whether" or _asks_whether(index, words, keys, i)


def _asks_whether(index: LexiconIndex, words: list[str], keys: list[str], i: int) -> bool:
    """ "asks if I'm the author", "wonders whether she..." is a question inside a sentence, not a condition on it."""
    j = i - 1
    if j >= 0 and (words[j] in OBJECTS or words[j] in index.name_words):
        j -= 1
    return j >= 0 and (keys[j] in REPORTING_STEMS or keys[j] in WHETHER_VERBS)


def _denies_what_follows(words: list[str]) -> bool:
    """ "It isn't true that...", "It is false that...": a clause whose only job is to deny the next one."""
    if len(words) < 3 or words[0] not in ("it", "that") or words[1] not in BE:
        return False
    rest = [word for word in words[2:] if word not in ("simply", "just", "really")]
    return rest in (["not", "true"], ["false"], ["not", "the", "case"], ["untrue"], ["not"])  # "it's not that..."


def _split(index: LexiconIndex, words: list[str], keys: list[str], heads: set[int]) -> list[Clause]:
    clauses: list[Clause] = []
    start = 0
    lead: tuple[str, ...] = ()
    i = 0
    while i < len(words):
        word = words[i]
        boundary: tuple[str, ...] | None = None
        skip = 0
        if word in COORDINATORS and i > start:
            if word in ("or", "nor") or (
                word in ("and", "plus", "then") and not _new_clause_after(index, words, keys, i + 1, heads)
            ):
                i += 1
                continue
            boundary, skip = (word,), 1
        elif word in SUBORDINATOR_WORDS and i >= start:
            for phrase in SUBORDINATOR_WORDS[word]:
                if tuple(words[i : i + len(phrase)]) == phrase and _subordinator_here(index, words, i, phrase):
                    boundary, skip = phrase, len(phrase)
                    break
        elif word == "," and i + 1 < len(words):
            following = words[i + 1]
            if (
                _starts_subject(index, words, i + 1)
                or following in SUBORDINATOR_WORDS
                or following in COORDINATORS
                or following in ("just", "only", "simply", "merely", "rather", "instead")
            ):
                boundary, skip = (",",), 1
        elif word in RELATIVES and i > start and _relative_here(index, words, i):
            boundary, skip = (word,), 1
        elif (
            word in RUN_ON_SUBJECTS
            and (lead[0] in SUBORDINATOR_WORDS if lead else _run_on(words, start, i, heads))
            and i > start + len(lead) + 1
            and _main_after_subordinate(index, words, keys, i)
        ):
            # "When the sun goes down she walks home": the main clause needs no comma; nor, typed in a hurry, does a
            # second sentence ("shes not sad shes happy")
            boundary, skip = (), 0
        if boundary is not None:
            if i > start or clauses:
                clauses.append(Clause(start, i, lead))
            start, lead = i, boundary
            i += skip
            continue
        i += 1
    clauses.append(Clause(start, len(words), lead))
    return [clause for clause in clauses if clause.end > clause.start] or [Clause(0, len(words))]


RUN_ON_SUBJECTS = frozenset({"she", "he", "i", "we", "they"})
"""The subject pronouns that can start a main clause with no comma or "and" before it (tested first: it is cheap)."""


def _run_on(words: list[str], start: int, i: int, heads: set[int]) -> bool:
    """ "she is not sad she is happy": after a clause with its verb, a subject pronoun and its verb begin another; so
    does one after "I'm afraid" ("I'm afraid she left")."""
    if words[i] in ("she", "he", "i", "we", "they") and i >= 1 and _fear_at(words, i - 1):
        return True
    if i + 1 >= len(words) or words[i] not in ("she", "he", "i", "we", "they") or words[i + 1] not in AUXILIARIES:
        return False
    return any(words[k] in AUXILIARIES or k in heads for k in range(start, i))


def _main_after_subordinate(index: LexiconIndex, words: list[str], keys: list[str], i: int) -> bool:
    """A subject pronoun after the subordinate clause has had its own subject and verb starts the main clause."""
    if words[i] not in ("she", "he", "i", "we", "they"):
        return False
    before = words[i - 1]
    named = before in OBJECTS or before in index.name_words
    said = keys[i - 1] in REPORTING_STEMS or (named and i >= 2 and keys[i - 2] in REPORTING_STEMS)
    return before not in ("that", ",", "and", "but") and not said and before not in AUXILIARIES


TIME_PHRASES = frozenset(
    {
        ("the", "moment"),
        ("the", "minute"),
        ("the", "second"),
        ("any", "time"),
        ("every", "time"),
        ("each", "time"),
        ("by", "the", "time"),
        ("the", "whole", "time"),
        ("the", "entire", "time"),
    }
)


def _subordinator_here(index: LexiconIndex, words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """ "as" and "so" are subordinators only between clauses; "since" and "before" also stand alone as adverbs."""
    if phrase == ("so",):
        return i > 0 and words[i - 1] == ","
    if phrase == ("as",):
        return i == 0 or words[i - 1] == ","
    if phrase in TIME_PHRASES:
        # "the whole time I'm gone" starts a clause; "she waited the whole time and wept" is how long she waited
        following = words[i + len(phrase)] if i + len(phrase) < len(words) else ""
        return following in SUBJECT_PRONOUNS or following in index.name_words
    if phrase in (("before",), ("after",), ("since",), ("once",), ("until",), ("till",)):
        # "after me", "until dawn" are prepositions; "after he leaves", "until Calvin comes home" start a clause
        following = words[i + 1] if i + 1 < len(words) else ""
        subject = following in ("she", "he", "i", "we", "they", "you", "everyone", "nobody") or following in index.name_words
        return subject or _noun_phrase_then_verb(words, i + 1)
    return True


def _past_tense(word: str) -> bool:
    """ "phoned", "went": a verb's past form (irregular ones from the stemmer's own table), which no noun phrase holds."""
    return word in IRREGULAR or (word.endswith("ed") and len(word) > 3)


NOUN_PHRASE_STARTS = frozenset({"the", "a", "an", "her", "his", "my", "their", "our", "your"})


def _noun_phrase_then_verb(words: list[str], j: int) -> bool:
    """ "until the last guest went home", "after her sister calls": a noun phrase and then its verb make a clause;
    "until the end of the night" is a preposition and its object."""
    if j >= len(words) or words[j] not in NOUN_PHRASE_STARTS:
        return False
    for k in range(j + 2, min(j + 5, len(words))):
        word = words[k]
        if word in PREPOSITIONS or word in (",", "and", "or", "but"):
            return False
        if word in AUXILIARIES or _past_tense(word):
            return True
    return False


def _relative_here(index: LexiconIndex, words: list[str], i: int) -> bool:
    """ "who" after a noun starts a clause about that noun; "that" does only after a noun, not after a verb of saying."""
    if words[i] == "that":
        return i + 1 < len(words) and (words[i + 1] in SUBJECT_PRONOUNS or words[i + 1] in index.name_words)
    return words[i] in ("who", "whom", "which")


def _new_clause_after(index: LexiconIndex, words: list[str], keys: list[str], i: int, heads: set[int]) -> bool:
    """After "and": a new predicate (a verb, an adjective, a subject) starts a clause; a noun phrase is more object."""
    if i >= len(words):
        return False
    if _starts_subject(index, words, i):
        return True
    if words[i] in LEADING_ADVERBS and _starts_subject(index, words, i + 1):
        return True  # "and soon it began to sing", "and then Harry laughs"
    if words[i] in DETERMINERS and words[i] not in ("no", "that"):
        # "and the waiter smiles" is a new clause, "and the dog" more object: look for the noun phrase's verb
        return any(words[j] in AUXILIARIES or j in heads for j in range(i + 2, min(i + 5, len(words))))
    for j in range(i, min(i + 3, len(words))):
        if words[j] in AUXILIARIES or keys[j] in LINKING_STEMS or j in heads or words[j] in ("not", "never", "no"):
            return True
        if words[j] in DETERMINERS or words[j] in POSSESSIVES or words[j] in ("him", "me", "them", "us"):
            return False
    return False


LEADING_ADVERBS = frozenset({"soon", "then", "suddenly", "later", "now", "finally", "still", "instantly"})


def _starts_subject(index: LexiconIndex, words: list[str], i: int) -> bool:
    if i >= len(words):
        return False
    word = words[i]
    if word in SUBJECT_PRONOUNS - {"that", "this", "it", "here"} or _name_at(index, words, i) is not None:
        return i + 1 < len(words) and words[i + 1] not in (",",)
    if word == "it" and i + 1 < len(words) and (words[i + 1] in AUXILIARIES or _past_tense(words[i + 1])):
        return True  # "and it began to sing": the kettle, not her; but "puts it on" keeps "it" an object
    if word in OTHER_NOUN_PHRASES - {"who", "what", "which", "one"}:
        return True
    return word in ("the", "her", "his", "my") and i + 2 < len(words) and words[i + 2] in AUXILIARIES


def _name_at(index: LexiconIndex, words: list[str], i: int) -> tuple[int, str] | None:
    if words[i] not in index.name_starts:
        return None
    for size in range(min(index.longest_name, len(words) - i), 0, -1):
        character = index.names.get(tuple(words[i : i + size]))
        if character is not None:
            return i + size, character
    return None


INTRO_PARTICLES = frozenset(
    {"out", "up", "down", "back", "outside", "inside", "upstairs", "downstairs", "later", "halfway", "midway", "partway"}
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
        phrase = next((p for p in _INTRO_BY_FIRST.get(word, ()) if tuple(words[i : i + len(p)]) == p), None)
        if phrase is not None:
            i += len(phrase)
            continue
        if (
            word == ","
            or (word in INTRODUCTORY and word not in DETERMINERS)
            or (word.endswith("ly") and i + 1 < end and words[i + 1] == ",")
        ):
            i += 1
        elif word in TIME_DETERMINERS and i + 1 < end and words[i + 1] in TIME_NOUNS:
            i += 2
        elif (word in PREPOSITIONS and word not in ("like", "as", "than", "to", "of")) or word in INTRO_PARTICLES:
            # "Without a word she rises...", "In the kitchen, Ruby dances": to the subject, or past the comma
            after = i + 1
            while after < end and (words[after] in names or words[after] == "'s"):
                after += 1  # "Without Calvin she is lost": the name is the preposition's, not the subject
            subject = next(
                (j for j in range(after, min(end, i + 11)) if words[j] in ("she", "he", "i", "we", "they") or words[j] in names),
                None,
            )
            comma = next((j for j in range(i + 1, min(end, i + 9)) if words[j] == ","), None)
            if subject is not None and (comma is None or subject < comma):
                i = subject
            elif comma is not None:
                i = comma + 1
            else:
                return i
        else:
            return i
    return i


def _noun_phrase_end(words: list[str], keys: list[str], i: int, end: int) -> int:
    """Where a noun phrase that starts at `i` ends: before its verb, which is an auxiliary or the first word that is not
    an adjective or noun we can tell; at most four words, since players write short subjects."""
    j = i
    verbs = LINKING_STEMS | CAUSATIVE_STEMS | REPORTING_STEMS | EXPERIENCE_STEMS
    while (
        j < end
        and j < i + 4
        and words[j] not in AUXILIARIES
        and words[j] not in (",", "not", "never")
        and (j == i or (keys[j] not in verbs and not words[j].endswith("ly") and words[j] not in PREDICATE_STARTERS))
    ):
        if j > i and (
            words[j].endswith("s") and words[j] not in PERSON_NOUNS | EMOTION_CARRIERS and words[j - 1] not in DETERMINERS
        ):
            break
        if j > i and _past_tense(words[j]) and words[j - 1] not in DETERMINERS:
            break  # "her sister phoned in tears": a past tense is the verb
        j += 1
    return max(j, i + 1)


def _read_subject(index: LexiconIndex, words: list[str], keys: list[str], clause: Clause, carried: str, heads: set[int]) -> None:
    first = clause.start + len(clause.lead)
    if clause.lead in (("who",), ("which",)) and first < clause.end and words[first] not in SUBJECT_PRONOUNS:
        referent = _antecedent(index, words, clause.start)
        if referent is not None:
            # "the waiter, who grins": a relative clause is about the noun before it, not the sentence's subject
            clause.subject, clause.predicate, clause.own_subject = referent, first, False
            clause.linking = _linking(words, keys, first, clause.end)
            return
    i = _skip_intro(words, first, clause.end, index.name_words)
    i = next((h for h in range(first, i) if h in heads), i)  # never skip past the words of a trait ("on cloud nine")
    if i + 1 < clause.end and words[i] in WH_WORDS and words[i + 1] in AUXILIARIES:
        i += 1  # "Why is Ruby sad?": the question word, then the inverted subject
    # "Have her sing a song." is an order, not a question: a causative, then its object
    ordered = i + 1 < clause.end and words[i] == "have" and _object_at(index, words, i + 1, clause.end) is not None
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
    degree = intensity_spans(words[i : i + 4]).get(0)
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
                and not {i + 1, i + 2} & heads  # "while Cyrus Modi sings": a name the story does not know, then its verb
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
    word = words[i]
    subject = index.subject
    if word in ("she", "herself"):
        return subject, i + 1
    if word == "i":
        return index.narrator or OTHER, i + 1
    if word == "my" and i + 1 < end and _name_at(index, words, i + 1) is not None:
        after, character = _name_at(index, words, i + 1) or (i + 2, OTHER)
        return character, after  # "my Ruby is happy"
    if (
        word in ("her", "his", "my", "their", "your", "our")
        and i + 1 < end
        and words[i + 1] not in AUXILIARIES
        and _name_at(index, words, i) is None  # "my brother", "my girlfriend": a name the story gives, not a possession
    ):
        stop = _noun_phrase_end(words, keys, i + 1, end)
        owned = words[i + 1 : stop]
        if word == "her" and not any(_person(noun) for noun in owned):
            return subject, stop
        return (EMOTION if _feeling(index, keys[i + 1 : stop]) else OTHER), stop
    named = _name_at(index, words, i)
    if named is not None:
        after, character = named
        if after < end and words[after] == "'s":
            stop = _noun_phrase_end(words, keys, after + 1, end)
            if character == subject and not any(noun in PERSON_NOUNS for noun in words[after + 1 : stop]):
                return subject, stop
            return OTHER, stop
        return character, after
    if word in SUBJECT_PRONOUNS or word in OTHER_NOUN_PHRASES:
        return OTHER, i + 1
    if word in TITLES and i + 1 < end:
        named = _name_at(index, words, i + 1)
        return (named[1], named[0]) if named is not None else (OTHER, i + 2)  # "Dr. Rosenthal laughs"
    if word == "no" and i + 1 < end and words[i + 1] in ("longer", "more"):
        return None  # "and no longer sad": a denial, not a subject
    if word in DETERMINERS:
        stop = _noun_phrase_end(words, keys, i + 1, end)
        if any(index.names.get((w,)) == subject for w in words[i + 1 : stop]):
            return subject, stop  # "the old Ruby is back"
        return (EMOTION if _feeling(index, keys[i + 1 : stop]) else OTHER), stop
    if _feeling(index, keys[i : i + 1]) and i + 1 < end and keys[i + 1] in EXPERIENCE_STEMS:
        return EMOTION, i + 1
    if i + 1 < end and words[i + 1] in AUXILIARIES | {"'s"} and keys[i] not in index.patterns and word not in AUXILIARIES:
        return OTHER, i + 1
    return None


def _person(noun: str) -> bool:
    """ "her classmates", "her friends", "her mother": people (or things she owns), not her."""
    return noun in PERSON_NOUNS or (noun.endswith("s") and noun[:-1] in PERSON_NOUNS)


def _feeling(index: LexiconIndex, keys: list[str]) -> bool:
    return any(pattern.part == "feels" for key in keys for pattern in index.patterns.get(key, ()))


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


def _embedded(index: LexiconIndex, words: list[str], keys: list[str], clause: Clause, who: list[str], real: list[bool]) -> str:
    """Who stands in the predicate after a causative ("makes her dance"), and where a wish, a belief or a modal starts."""
    j = clause.predicate
    while j < clause.end:
        word, key = words[j], keys[j]
        if _planned_page(words, clause, j):
            for k in range(j + 1, len(words)):
                real[k] = False
            return "wish"
        if key in CAUSATIVE_STEMS and j + 1 < clause.end:
            target = _object_at(index, words, j + 1, clause.end)
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
        if key in ("wish", "hope", "pretend", "imagin", "dream", "suppos") and j + 1 < len(words) and words[j + 1] not in ("to",):
            for k in range(j + 1, len(words)):
                real[k] = False
            return "wish"
        feared = word in FEAR_ADJECTIVES or key in CONTEMPLATING
        if feared and words[j + 1 : j + 2] in (["of"], ["about"]) and words[j + 2 : j + 3] and words[j + 2].endswith("ing"):
            for k in range(j + 2, clause.end):
                real[k] = False  # "terrified of losing her freedom", "thought about leaving": it has not happened
        if (key in REPORTING_STEMS and _complement_follows(index, words, j + 1, clause.end)) or (
            word in FEAR_ADJECTIVES and _fears_that(index, words, j)
        ):
            for k in range(j + 1, len(words)):
                real[k] = False
            return "reported"
        j += 1
    return ""


CONTEMPLATING = frozenset(stem(word) for word in ("think", "thought", "dream", "talk", "worry", "consider"))
"""Verbs of turning something over in the mind: what follows "of"/"about" has not happened."""


def _planned_page(words: list[str], clause: Clause, j: int) -> bool:
    """Calvin planning a page is not the page: "I'll write that she sings", "tomorrow I'm going to make her dance".
    A bare "will" counts before "write" (writing later) but not before "make": "I will make her dance", typed at the
    typewriter, is the order itself."""
    before = words[clause.start : j]
    # "maybe I should write that...": an adverb first hides the subject from the clause, not the plan from the reader
    hidden = not clause.subject_word and bool(before) and before[0] in IRREALIS_ADVERBS and "i" in before
    writer = clause.subject_word == "i" or hidden
    if not writer or words[j] not in ("write", "type", "make"):
        return False
    return any(word in PLANNED_MARKERS for word in before) or (words[j] != "make" and "will" in before)


def _to_complement(index: LexiconIndex, words: list[str], keys: list[str], j: int) -> bool:
    """The "to" at `j` starts what someone wants, tries or is told to do ("wants me to", "is eager to"): not done."""
    governor = j - 2 if j >= 2 and (words[j - 1] in OBJECTS or words[j - 1] in index.name_words) else j - 1
    return (
        governor >= 0
        and (keys[governor] in IRREALIS_VERB_STEMS or words[governor] in IRREALIS_ADJECTIVES)
        and (j + 1 >= len(words) or words[j + 1] not in NOT_VERBS_AFTER_TO)
    )


def _fear_at(words: list[str], j: int) -> bool:
    """ "am afraid", "is scared": a fear said with "be", which a clause may follow."""
    return words[j] in FEAR_ADJECTIVES and j > 0 and words[j - 1] in BE


def _fears_that(index: LexiconIndex, words: list[str], j: int) -> bool:
    """ "I'm afraid she'll leave" is a fear, like "I fear she'll leave": what follows is not the page's. Said of what
    has happened, it is only a polite way to tell it: "I'm afraid she's walked out" asserts `leaves`."""
    if not _fear_at(words, j) or j + 1 >= len(words):
        return False
    following = words[j + 1]
    if following not in ("that", "she", "he", "i", "we", "they", "you") and following not in index.name_words:
        return False
    return any(word in ("will", "would", "might", "may", "could", "going", "gonna") for word in words[j + 2 : j + 6])


def _still_asserts(words: list[str], j: int, end: int) -> bool:
    """ "could not", "would never" and "must be" still say what is so: a denial, a habit, a conclusion."""
    following = words[j + 1] if j + 1 < end else ""
    if words[j] in ("could", "would") and following in ("not", "never"):
        return True
    return words[j] == "must" and following in ("be", "have", "not")


def _complement_follows(index: LexiconIndex, words: list[str], i: int, end: int) -> bool:
    """ "thinks she is sad", "says that...", "tells him she is happy": a clause follows, not an object."""
    k = i
    if k < len(words) and (words[k] in OBJECTS or words[k] in index.name_words):
        k += 1
    if k < len(words) and (words[k] in ("that", ":") or (words[k] == "so" and k + 1 >= end)):
        return True  # "says that...", "thinks so"; but "feels so down" is how she feels
    return k < len(words) and (words[k] in SUBJECT_PRONOUNS - {"that", "this", "it"} or _name_at(index, words, k) is not None)


def _object_at(index: LexiconIndex, words: list[str], i: int, end: int) -> tuple[str, int] | None:
    word = words[i]
    if word in ("her", "herself") and (i + 1 >= end or (words[i + 1] not in PERSON_NOUNS and words[i + 1] != "own")):
        return index.subject, i + 1  # "makes her dance"; but "has her own career" is the subject's own
    named = _name_at(index, words, i)
    if named is not None and (named[0] >= end or words[named[0]] != "'s"):
        return named[1], named[0]
    if word in ("him", "me", "them", "us", "everyone", "everybody", "people"):
        return OTHER, i + 1
    return None
