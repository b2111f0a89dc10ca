"""A sentence cut into clauses, each with who it is about and whether it asserts anything.

This is not a parser: it is the few facts the typewriter needs, found with the closed classes of `grammar`. For each
word of a sentence it answers two questions: whose is the predicate this word stands in (Ruby's, Calvin's, someone
else's), and does the sentence say it is so (not a wish, a condition, a belief or a question)? Rules are ones a player
can be told in a sentence ("what Harry thinks is not your page"), so that a reading is never a surprise. `shape` puts
the steps together: `clause_split` cuts, `subjects` finds who each clause is about, `embedding` what it embeds.
"""

from __future__ import annotations

from game.typewriter.clause_parts import OBJECTS, Clause, SentenceShape
from game.typewriter.clause_split import split_clauses, starts_subject
from game.typewriter.clause_words import CONDITIONALS, CONTRASTS, NON_ASSERTING_SUBORDINATORS, SUBORDINATOR_WORDS
from game.typewriter.embedding import embed
from game.typewriter.grammar import AUXILIARIES, BE, IRREALIS_MODALS, REPORTING_STEMS, SUBJECT_PRONOUNS
from game.typewriter.lexicon_index import OTHER, LexiconIndex
from game.typewriter.subjects import read_subject
from game.typewriter.words import stem

WHETHER_VERBS = frozenset(stem(word) for word in ("ask", "wonder", "see", "check", "know", "doubt", "decide", "care"))
"""Verbs whose "if" means "whether": "she asks if I'm the author" states no condition."""


_PERSONAL = frozenset({"i", "we", "you", "she", "he", "they"})


_OPAQUE_ENDS = CONTRASTS | {"and", "then"}
"""Words that start a clause which may end a report or wish before it ("..., but she is happy")."""


def shape(index: LexiconIndex, words: list[str], keys: list[str], carried: str, heads: set[int]) -> SentenceShape:
    """Clauses, and for each word its subject and whether it is asserted. `heads` are where lexicon words start, which
    tell a new clause ("and sings") from more of the same object ("him and the dog")."""
    clauses = split_clauses(index, words, keys, heads)
    who = [OTHER] * len(words)
    real = [True] * len(words)
    mood = "asserts"
    conditional = not CONDITIONALS.isdisjoint(words)
    if (
        conditional
        and any(
            word in CONDITIONALS
            and not _asked(index, words, keys, i)
            and not (i and words[i - 1] == "as")
            and not _habitual(words, i, heads)
            for i, word in enumerate(words)
        )  # "she sobs as if her heart will break" sobs: only what follows "as if" is not so
    ) or (len(words) > 1 and words[0] in ("were", "had", "should") and words[1] in SUBJECT_PRONOUNS):
        mood = "condition"  # "if she were...", "were she afraid..."
    opaque = ""
    opaque_is_subordinate = False  # "Although Harry says she is sad, she is happy": the report ends with its clause
    unreal_tail = False
    previous = carried
    speaker = ""  # the last third-person subject of a clause of its own: who may go on after a reported "I'm..."
    first_person = False  # whether the last clause's last subject was I, we or you
    first_subject: str | None = None
    for number, clause in enumerate(clauses):
        # "there isn't a morning | when she doesn't sing": the time is said not to exist, so its clause is not a
        # condition but all the mornings there are (the negations cancel: `scope._never_a_day_before`)
        before = words[clauses[number - 1].start : clauses[number - 1].end] if number else []
        none_such = bool(number) and _none_such(clause, before)
        if number and clause.lead == ("that",) and _denies_what_follows(before):
            clause.denied = True
        if (
            clause.lead
            and (clause.lead[0] in _OPAQUE_ENDS or (clause.lead == (",",) and opaque_is_subordinate))
            and starts_subject(index, words, clause.start + len(clause.lead))
        ):
            opaque = ""
        if (" ".join(clause.lead) in NON_ASSERTING_SUBORDINATORS and not none_such) or (
            clause.lead in (("if",), ("unless",)) and conditional and mood == "asserts"
        ):
            clause.asserts = False
        joined = _conjoined(words, clauses, number, index.narrator) if clause.lead in _AND_THEN else None
        read_subject(index, words, keys, clause, joined or previous, heads)
        if (
            not clause.asserts
            and number
            and clause.lead in _HABITUAL_WHEN
            and clause.own_subject
            and clause.subject == index.subject
            and mood == "asserts"
            and clauses[0].asserts
            and not clauses[0].lead
            and IRREALIS_MODALS.isdisjoint(words)
            and keys[clause.predicate : clause.predicate + 1] != ["be"]
            and "her" not in words[clause.predicate : clause.end]
        ):
            # "she smiles when she dances": what she does, every time she does the other; but "when she's gone" is a
            # time, not a deed, and "when Ruby tickles her" is about another woman
            clause.asserts = True
        if clause.subject_word == "she" and number and _another_woman_before(index, clauses[number - 1]):
            clause.subject = clauses[number - 1].subject  # "When Lila sees me, she bursts into tears": she is Lila
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
        result = clause.lead == ("so",)  # "Scotty is sick, so she stays with me and sings": she goes on, as after "and"
        relative = clause.lead in (("who",), ("which",)) and not clause.own_subject  # "a dog who lives in Paris and
        # learns French": the dog goes on
        if (
            (clause.own_subject or clause.subject != OTHER or relative)
            and (not subordinate or result or relative or clause.predicate >= clause.end)
            and not clause.fact
        ):
            previous = clause.subject  # a subordinate clause's subject is not carried on: "she cried because the toast
            # burned, and laughed" is her laughing; but one cut off by a comma goes on: "while Ruby, bored, stared"
        if first_subject is None and clause.asserts and not opaque:
            first_subject = clause.subject
        size = clause.end - clause.start
        asserted = clause.asserts and not opaque and mood != "condition" and not (unreal_tail and not clause.own_subject)
        who[clause.start : clause.end] = [clause.subject] * size
        real[clause.start : clause.end] = [asserted] * size
        embedded = embed(index, words, keys, clause, who, real)
        if clause.end > clause.start and who[clause.end - 1] == index.subject != clause.subject:
            previous = index.subject  # "make her giggle and dance": she is the one who goes on in the next clause
        if embedded and not opaque:
            opaque_is_subordinate = bool(clause.lead) and clause.lead[0] in SUBORDINATOR_WORDS
        opaque = embedded or opaque
        if not _PERSONAL.isdisjoint(words[clause.start : clause.end]):  # else the walk back finds none
            k = clause.end - 1
            while k >= clause.start and words[k] not in _PERSONAL:
                k -= 1
            first_person = words[k] in ("i", "we", "you")  # the clause's last personal pronoun
        unreal_tail = (
            clause.end > clause.start
            and not real[clause.end - 1]
            and clause.lead not in ((",",),)
            and not (subordinate and clause.subject != previous)  # "lonely when I'm away but cheerful": hers, asserted
        )
        if opaque and mood == "asserts":
            mood = opaque
        elif mood == "asserts" and clause.asserts and not all(real[clause.predicate : clause.end]):
            mood = "wish"
    asked = (
        next((i for i, word in enumerate(words) if word in CONDITIONALS and _asked(index, words, keys, i)), None)
        if conditional
        else None
    )
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


def _conjoined(words: list[str], clauses: list[Clause], number: int, narrator: str | None) -> str | None:
    """ "She dances while I stand by the bar and sulk": an "and" with no comma before it, after a clause of time whose
    own subject is the writer, goes on with him (with a comma, "..., and laughs", it goes back to the main clause)."""
    if not number or words[clauses[number].start - 1] == ",":
        return None
    before = clauses[number - 1]
    if not (before.own_subject and before.subject == narrator and before.lead[:1] and before.lead[0] in _TIME_OR_CAUSE):
        return None
    verb = words[before.predicate] if before.predicate < before.end else ""
    following = words[clauses[number].start + 1] if clauses[number].start + 1 < len(words) else ""
    if verb in BE or verb in AUXILIARIES or following in AUXILIARIES or following.endswith("s"):
        return None  # "happy when I'm home and miserable when I'm not", "while I type and won't let me...": hers
    return before.subject


def _another_woman_before(index: LexiconIndex, before: Clause) -> bool:
    """A clause of time or cause ("when", "after", "because") whose own subject is a woman of the story other than Ruby:
    the "she" that opens the next clause is that woman, as a reader takes it."""
    if not (before.own_subject and before.lead[:1] and before.lead[0] in _TIME_OR_CAUSE) or before.subject == index.subject:
        return False
    return index.reader_pronoun(before.subject) == "she"


_TIME_OR_CAUSE = frozenset({"when", "whenever", "after", "before", "once", "as", "because", "since", "while", "if"})


def _third_person_verb(words: list[str], clause: Clause) -> bool:
    """The clause's verb agrees with "she", not with "I": "sings", "is", "has"."""
    i = clause.predicate
    while i < clause.end and words[i] in ("then", "also", "just", "still", "always", "never", "simply"):
        i += 1
    if i >= clause.end:
        return False
    word = words[i]
    return word in ("is", "was", "has", "does") or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _habitual(words: list[str], i: int, heads: set[int]) -> bool:
    """ "She sulks if I close the door": after a clause that says what she does, with no modal to make it unreal,
    "if" or "unless" says when she does it, so only its own clause is a condition."""
    return (
        i > 0
        and words[i] in ("if", "unless")
        and words[0] not in AUXILIARIES
        and IRREALIS_MODALS.isdisjoint(words[:i])
        and any(h < i for h in heads)
    )


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


_RELATIVES = frozenset({"when", "where", "that", "which"})


def _none_such(clause: Clause, before: list[str]) -> bool:
    """ "There isn't a morning | when she doesn't sing": a time or place said not to exist before a clause about it."""
    if not (clause.lead[:1] and clause.lead[0] in _RELATIVES):
        return False
    return (
        len(before) >= 4
        and before[0] == "there"
        and before[1] in BE
        and (before[2] in ("no", "never") or before[2:4] in (["not", "a"], ["not", "an"], ["not", "one"], ["not", "any"]))
    )


def _denies_what_follows(words: list[str]) -> bool:
    """ "It isn't true that...", "It is false that...": a clause whose only job is to deny the next one."""
    if len(words) < 3 or words[0] not in ("it", "that") or words[1] not in BE:
        return False
    rest = [word for word in words[2:] if word not in ("simply", "just", "really")]
    return rest in (["not", "true"], ["false"], ["not", "the", "case"], ["untrue"], ["not"])  # "it's not that..."


_AND_THEN = frozenset({("and",), ("then",)})


_HABITUAL_WHEN = frozenset({("when",), ("whenever",), ("every", "time"), ("each", "time")})
"""After a clause of what she does, a time clause with her as its subject says what else she does then."""
