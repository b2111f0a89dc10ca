"""Where a sentence's clauses begin: at a coordinator that starts a new predicate, a subordinator, a comma before a
subject, a relative pronoun, or a subject pronoun that starts a second clause with no comma ("she is not sad she is
happy"). Only the words of `_SPLIT_WORDS` can start one.
"""

from __future__ import annotations

from game.typewriter.clause_parts import OBJECTS, Clause, agrees_with_her, fear_at, name_at, past_tense
from game.typewriter.clause_words import COORDINATORS, EVERY_TIME, PREPOSITIONS, RELATIVES, SUBORDINATOR_WORDS
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.grammar import (
    AUXILIARIES,
    DETERMINERS,
    LINKING_STEMS,
    OTHER_NOUN_PHRASES,
    POSSESSIVES,
    REPORTING_STEMS,
    SUBJECT_PRONOUNS,
)
from game.typewriter.lexicon_index import LexiconIndex
from game.typewriter.words import stem

_PERSONAL_SUBJECTS = SUBJECT_PRONOUNS - {"that", "this", "it", "here"}


_SUBJECT_NOUN_PHRASES = OTHER_NOUN_PHRASES - {"who", "what", "which", "one"}


def _last_of_a_list(words: list[str], comma: int, heads: set[int]) -> bool:
    """ "no longer dances, sings, or laughs": the comma before the last of a list of her verbs joins it to the list,
    under what rules the first (a denial too); "she cries, and he leaves" is a new clause."""
    return words[comma + 1] in ("or", "nor") and comma >= 2 and words[comma - 2] == "," and comma - 1 in heads


def split_clauses(index: LexiconIndex, words: list[str], keys: list[str], heads: set[int]) -> list[Clause]:
    clauses: list[Clause] = []
    start = 0
    lead: tuple[str, ...] = ()
    her_names = index.subject_names  # looked up once: the loop asks it of every word
    known = _NONE if _KNOWING.isdisjoint(keys) else _known_facts(index, words, keys)  # most sentences know nothing
    fact = False
    i = 0
    while i < len(words):
        word = words[i]
        if word not in _SPLIT_WORDS and word not in her_names and i not in known:
            i += 1  # most words start no clause
            continue
        boundary: tuple[str, ...] | None = None
        skip = 0
        if i in known and i > start:
            # "she knows the dog is gone", "she sees that her mother is afraid": what she knows is a clause of its own,
            # about its own subject
            that = words[i] == "that"
            if i > start or clauses:
                clauses.append(Clause(start, i, lead, fact=fact))
            start, lead, fact = i, ("that",) if that else (), True
            i += that
            continue
        if word in COORDINATORS and i > start:
            if (
                word in ("or", "nor")
                or (word in ("and", "plus", "then") and not _new_clause_after(index, words, keys, i + 1, heads))
                or (fact and not _back_to_her(words, i + 1))  # "she knows Scotty is hungry and sad": Scotty's, both
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
                starts_subject(index, words, i + 1)
                or following in SUBORDINATOR_WORDS
                or (following in COORDINATORS and not _last_of_a_list(words, i, heads))
                or following in ("just", "only", "simply", "merely", "rather", "instead")
                or _relative_closed(words, i, heads)
                or (
                    lead[:1]
                    and lead[0] in SUBORDINATOR_WORDS
                    and _described_after(words, i + 1, heads)
                    and not _about_her(index, words[start:i])  # "while Ruby sleeps, content" is hers already
                )
            ):
                boundary, skip = (",",), 1
        elif word in RELATIVES and i > start and _relative_here(index, words, i):
            boundary, skip = (word,), 1
        elif word in her_names:
            if lead and lead[0] in SUBORDINATOR_WORDS and i > start + len(lead) + 1 and _named_main(words, i):
                boundary, skip = (), 0  # "When I get home Ruby is painting": her name starts the main clause
        elif (
            word in RUN_ON_SUBJECTS
            and words[i - 1] not in _NO_CLAUSE_AFTER
            and (
                lead[0] in SUBORDINATOR_WORDS
                if lead
                else (_run_on(words, keys, start, i, heads) or _run_on_verb(index, words, start, i, heads))
            )
            and i > start + len(lead) + 1
            and _main_after_subordinate(index, words, keys, i)
        ):
            # "When the sun goes down she walks home": the main clause needs no comma; nor, typed in a hurry, does a
            # second sentence ("shes not sad shes happy")
            boundary, skip = (), 0
        if boundary is not None:
            if i > start or clauses:
                clauses.append(Clause(start, i, lead, fact=fact))
            start, lead, fact = i, boundary, False
            i += skip
            continue
        i += 1
    clauses.append(Clause(start, len(words), lead, fact=fact))
    return [clause for clause in clauses if clause.end > clause.start] or [Clause(0, len(words))]


_DEGREE_WORDS = frozenset({"so", "very", "quite", "utterly", "completely", "totally", "absolutely", "too", "still", "all"})


def _about_her(index: LexiconIndex, span: list[str]) -> bool:
    return "she" in span or "her" in span or not index.subject_names.isdisjoint(span)


def _described_after(words: list[str], j: int, heads: set[int]) -> bool:
    """ "She waits by the window when I'm gone, miserable.": after a subordinate clause, a comma and a bare predicate
    to the end of the sentence describe the main clause's subject, not the subordinate one's ("happy as a lark")."""
    while j < len(words) and words[j] in _DEGREE_WORDS:
        j += 1
    if j not in heads or len(words) - j > 5:
        return False
    rest = words[j + 1 :]
    return not rest or (rest[0] in ("as", "again", "and", "too", "inside") and AUXILIARIES.isdisjoint(rest))


_NO_CLAUSE_AFTER = frozenset({"that", "someday"})
"""Words a clause goes on after: "I told myself that someday I'll let her be free" is one clause, and a plan."""


RUN_ON_SUBJECTS = frozenset({"she", "he", "i", "we", "they"})
"""The subject pronouns that can start a main clause with no comma or "and" before it (tested first: it is cheap)."""


_SPLIT_WORDS = COORDINATORS | frozenset(SUBORDINATOR_WORDS) | {","} | RELATIVES | RUN_ON_SUBJECTS
"""The only words at which `split_clauses` may start a clause."""


def _run_on(words: list[str], keys: list[str], start: int, i: int, heads: set[int]) -> bool:
    """ "she is not sad she is happy": after a clause with its verb, a subject pronoun and its verb begin another; so
    does one after "I'm afraid" ("I'm afraid she left")."""
    if words[i] in ("she", "he", "i", "we", "they") and i >= 1 and fear_at(words, i - 1):
        return True
    if i + 1 >= len(words) or words[i] not in ("she", "he", "i", "we", "they") or words[i + 1] not in AUXILIARIES:
        return False
    if i >= 1 and keys[i - 1] in _KNOWING:
        return True  # "she hardly notices I'm gone": what she knows has a subject of its own
    return _has_verb(words, start, i, heads)


def _relative_closed(words: list[str], i: int, heads: set[int]) -> bool:
    """ "Mabel, who has painted since she was a girl, laughs": the comma that closes a relative clause opened after
    the sentence's first word gives the verb back to that word."""
    return (
        len(words) > i + 1
        and words[1:2] == [","]
        and (i + 1 in heads or agrees_with_her(words[i + 1]))
        and not _RELATIVE_OPENERS.isdisjoint(words[2:i])
    )


_RELATIVE_OPENERS = frozenset({"who", "which"})


def _has_verb(words: list[str], start: int, i: int, heads: set[int]) -> bool:
    """Whether the words from `start` to `i` hold a verb: an auxiliary or a word of the lexicon."""
    return any(words[k] in AUXILIARIES or k in heads for k in range(start, i))


def _run_on_verb(index: LexiconIndex, words: list[str], start: int, i: int, heads: set[int]) -> bool:
    """ "she dont need anybody she makes her own choices": typed with no stop, "she" and a verb that agrees with her
    (after an adverb or two: "she just does her own thing") start a second sentence once the first has a verb."""
    if words[i] != "she":
        return False
    verb = i + 1
    while verb < min(len(words), i + 3) and (words[verb] in _RUN_ON_ADVERBS or words[verb].endswith("ly")):
        verb += 1
    if verb >= len(words) or not (verb in heads or agrees_with_her(words[verb])):
        return False
    if words[i - 1] not in _ENDS_A_SENTENCE and i - 1 not in heads and words[i - 1] not in index.name_words:
        return False  # "I'm not sure she loves me", "it's possible she forgot": what follows is what is not sure
    return _has_verb(words, start, i, heads)


_RUN_ON_ADVERBS = frozenset({"just", "still", "always", "even", "now", "also", "only", "so", "actually", "really"})


_ENDS_A_SENTENCE = OBJECTS | frozenset(
    {"anybody", "anyone", "everybody", "nobody", "anything", "everything", "nothing", "something", "it", "now", "today"}
    | {"again", "too", "lot", "all", "much", "more", "anymore", "tonight", "yesterday", "away", "home", "here", "there"}
)
"""Words a sentence typed without a stop often ends on, before "she" starts the next."""


_KNOWING = frozenset(
    stem(word) for word in ("know", "notice", "realize", "realise", "see", "find", "discover", "learn", "understand", "sense")
)
"""Verbs whose clause after them, with no "that", is a fact with its own subject ("she knows I'm gone")."""


def _known_facts(index: LexiconIndex, words: list[str], keys: list[str]) -> frozenset[int]:
    """Where a fact known or seen starts with a subject of its own that is not a pronoun (those start a clause anyway):
    after "knows", "sees", "realizes" (and a "that"), a name or a noun phrase, then its verb."""
    found = set()
    for verb in range(len(words) - 2):
        if keys[verb] not in _KNOWING:
            continue
        at = verb + 1 + (words[verb + 1] == "that")
        if at < len(words) and (_named_then_verb(index, words, at) or _noun_phrase_then_verb(words, at)):
            found.add(verb + 1)
    return frozenset(found)


_NONE: frozenset[int] = frozenset()


def _named_then_verb(index: LexiconIndex, words: list[str], i: int) -> bool:
    """ "Scotty is", "Harry was": a name and its auxiliary ("sees Harry and waves" has none)."""
    named = name_at(index, words, i)
    return named is not None and named[0] < len(words) and words[named[0]] in AUXILIARIES


def _main_after_subordinate(index: LexiconIndex, words: list[str], keys: list[str], i: int) -> bool:
    """A subject pronoun after the subordinate clause has had its own subject and verb starts the main clause."""
    if words[i] not in ("she", "he", "i", "we", "they"):
        return False
    before = words[i - 1]
    named = before in OBJECTS or before in index.name_words
    said = keys[i - 1] in REPORTING_STEMS or (named and i >= 2 and keys[i - 2] in REPORTING_STEMS)
    return before not in ("that", ",", "and", "but") and not said and before not in AUXILIARIES


def _named_main(words: list[str], i: int) -> bool:
    """Her name after a subordinate clause that ended on a word no object follows ("when I get home", "when the sun
    goes down"), with a verb after it: not "when I leave Ruby cries", where she may be who is left."""
    return (
        words[i - 1] in _ENDS_A_CLAUSE and i + 1 < len(words) and (words[i + 1] in AUXILIARIES or agrees_with_her(words[i + 1]))
    )


_ENDS_A_CLAUSE = frozenset(
    {"home", "back", "down", "up", "out", "in", "away", "there", "here", "gone", "late", "early", "asleep", "inside"}
    | {"outside", "again", "over", "done", "finished", "ready", "tonight", "today"}
)


TIME_PHRASES = frozenset(tuple(phrase.split()) for phrase in EVERY_TIME) | frozenset(
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
    if phrase == ("like",):  # "waited like I'd been gone a year", as if; not "barks like a dog", "like she was before"
        return (
            i > 0
            and words[i + 1 : i + 2] in (["i"], ["she"], ["he"], ["we"], ["they"])
            and words[i + 2 : i + 3]
            in (
                ["had"],
                ["would"],
                ["were"],
            )
        )
    if phrase in TIME_PHRASES:
        # "the whole time I'm gone" starts a clause; "she waited the whole time and wept" is how long she waited
        following = words[i + len(phrase)] if i + len(phrase) < len(words) else ""
        if " ".join(phrase) in EVERY_TIME and (following == "she" or following in index.subject_names):
            return False  # "every evening I'm away, she..." says when; "every morning she tells me..." how often
        after = i + len(phrase)
        # "every time thunder rolls in": a noun and its verb are a subject too
        bare_noun = following not in FUNCTION_WORDS and after + 1 < len(words) and agrees_with_her(words[after + 1])
        return following in SUBJECT_PRONOUNS or following in index.name_words or bare_noun or _noun_phrase_then_verb(words, after)
    if phrase == ("once",) and i > 0 and words[i - 1] == "at":
        return False  # "At once she dances": at once is now, not a time to come
    if phrase in (("before",), ("after",), ("since",), ("once",), ("until",), ("till",)):
        # "after me", "until dawn" are prepositions; "after he leaves", "until Calvin comes home" start a clause
        following = words[i + 1] if i + 1 < len(words) else ""
        subject = following in ("she", "he", "i", "we", "they", "you", "everyone", "nobody") or following in index.name_words
        thing = following == "it" and (phrase in (("until",), ("till",), ("once",)) or _verb_at(words, i + 2))
        return subject or thing or _noun_phrase_then_verb(words, i + 1)  # "until it disappears"; "runs after it"
    return True


def _back_to_her(words: list[str], j: int) -> bool:
    """After a fact ("she sees Harry is upset"), a verb or a new subject goes back to her: "...and cries"."""
    j += j < len(words) and words[j] == "then"
    return _verb_at(words, j) or (j < len(words) and words[j] in SUBJECT_PRONOUNS)


def _verb_at(words: list[str], j: int) -> bool:
    return j < len(words) and (words[j] in AUXILIARIES or past_tense(words[j]) or words[j].endswith("s"))


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
        if word in AUXILIARIES or past_tense(word):
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
    if starts_subject(index, words, i):
        return True
    if words[i] in LEADING_ADVERBS and starts_subject(index, words, i + 1):
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


def starts_subject(index: LexiconIndex, words: list[str], i: int) -> bool:
    if i >= len(words):
        return False
    word = words[i]
    if word in _PERSONAL_SUBJECTS or name_at(index, words, i) is not None:
        return i + 1 < len(words) and words[i + 1] not in (",",)
    if word == "it" and i + 1 < len(words) and (words[i + 1] in AUXILIARIES or past_tense(words[i + 1])):
        return True  # "and it began to sing": the kettle, not her; but "puts it on" keeps "it" an object
    if word in _SUBJECT_NOUN_PHRASES:
        return True
    return word in ("the", "her", "his", "my") and i + 2 < len(words) and words[i + 2] in AUXILIARIES
