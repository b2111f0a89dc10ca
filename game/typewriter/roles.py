"""The roles a frame asks for beyond its words: the object a verb takes ("loves *me*", "crazy about *the dog*") and
the cue of Calvin's absence anywhere near the clause ("when he leaves", "without me"). A trait is a frame, so its
combinations follow from these rules rather than from listed phrases.
"""

from __future__ import annotations

from game.typewriter.clause_parts import Clause, SentenceShape, agrees_with_her
from game.typewriter.clause_words import COORDINATORS, EVERY_TIME, INTRODUCTORY, PREPOSITIONS
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.grammar import BE, DETERMINERS, POSSESSIVES
from game.typewriter.lexicon_index import LexiconIndex, words_of_role
from game.typewriter.matching import Match
from game.typewriter.nouns import PEOPLE, TIME_NOUNS
from game.typewriter.text import tokens
from game.typewriter.words import stem

ROLE_WINDOW = 7
"""How far after its verb an object may stand: "she follows him", "she is completely and utterly devoted to me"."""


ABSENCE_WORDS = frozenset(
    stem(word)
    for word in ("leave", "gone", "away", "out", "absent", "elsewhere", "apart", "travel", "depart", "abroad", "absence",
                 "miss", "late", "work", "trip", "business", "off", "goes", "go", "left", "tour", "vacation", "holiday",
                 "outside", "fly", "flew", "flown")
)  # fmt: skip
"""What a clause says when Calvin is away ("when he leaves", "while I'm at work"), as stems."""


CAUSES = frozenset({"because", "since", "cause", "cuz", "coz"})
"""Leads of a clause that gives the reason for what she feels: "she is sad because I am away" is his absence."""


RETURN_WORDS = frozenset(stem(word) for word in ("home", "back", "return", "come", "get", "walk", "arrive"))
"""What "until..." says when he is away until then ("until he comes home")."""


COMING_BACK = frozenset(stem(word) for word in ("come", "get", "return", "arrive", "walk"))
"""What "when..." says when he has come back ("when I get back"); "when I'm home" is not it."""


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
    | EVERY_TIME
)


def _refs(index: LexiconIndex, role: str, subject_forms: bool) -> frozenset[str]:
    return _role_words(index, role, subject_forms)[0]


def _role_words(index: LexiconIndex, role: str, subject_forms: bool) -> tuple[frozenset[str], frozenset[str]]:
    """A role's words and every other role's, as the index made them (or, for a role it does not know, made now)."""
    found = index.role_words.get((role, subject_forms))
    if found is None:
        return words_of_role(index.roles, index.characters, index.narrator, role, subject_forms, index.pronouns)
    return found


def role_after(index: LexiconIndex, form: SentenceShape, match: Match, role: str, end: int) -> int | None:
    """Where the object the frame asks for stands ("loves *me*", "follows *Calvin*"), or None."""
    refs, other_roles = _role_words(index, role, subject_forms=end == len(form.words))
    for j in (*range(match.start + 1, match.end), *range(match.end, min(end, match.end + ROLE_WINDOW))):
        word = form.keys[j]
        if j >= match.end and form.words[j] in _NEXT_VERB_JOINS and j + 1 < end and _next_verb(form, j + 1, refs):
            break  # "says goodbye and leaves my apartment": what follows is the next verb's, not this one's
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
            # "adores Scotty and throws him a ball": the object was the dog; but in "loves me and my dog" both are
            return _coordinated(form, j, refs, end)
        if word in refs or form.words[j] in refs:
            following = form.keys[j + 1] if j + 1 < len(form.keys) else ""
            owned = form.keys[j + 2] if j + 2 < len(form.keys) else ""
            possessive = form.words[j] in _POSSESSIVES_OR_MINE or following == "'s"
            if possessive and (following in other_roles or owned in other_roles):
                if addressee:
                    continue  # "tells my mother I'm a genius": my mother is told, I am praised
                return None  # "my dog": the dog is the object, not me
            if possessive and match.pattern.part == "is":
                continue  # "into my study" is not into me (but "raves about my novel" praises me)
            if possessive and not addressee and not _THING_STARTS.isdisjoint(form.words[match.end : j]):
                return None  # "follows the plot of my novel": the plot is what she follows
            return int(j)
    relative = _relative_object(form, match, refs)
    return relative if relative is not None else _fronted_object(form, match, refs)


_NEXT_VERB_JOINS = frozenset({"and", "or", "then", "but"})


def _next_verb(form: SentenceShape, j: int, refs: frozenset[str]) -> bool:
    word = form.words[j]
    return agrees_with_her(word) and word not in refs and form.keys[j] not in refs and word not in FUNCTION_WORDS


def _coordinated(form: SentenceShape, j: int, refs: frozenset[str], end: int) -> int | None:
    """The wanted object joined to another one by "and" or "or": "loves Scotty and me", "adores me and my dog"."""
    k = j + 1
    if k < end and form.words[k] == "'s":
        return None  # "Harry's dog and me": the word was an owner, not an object
    if k >= end or form.words[k] not in ("and", "or", "&"):
        return None
    k += 1
    while k < end and (form.words[k] in DETERMINERS or form.words[k] in POSSESSIVES):
        k += 1
    return k if k < end and (form.keys[k] in refs or form.words[k] in refs) else None


def _fronted_object(form: SentenceShape, match: Match, refs: frozenset[str]) -> int | None:
    """ "Me, she adores; Harry, she can barely stand": the object put first, before her and her verb."""
    words = form.words
    j = match.start - 1
    while j > 0 and (words[j] in _BETWEEN_SUBJECT_AND_VERB or words[j].endswith("ly")):
        j -= 1
    if j < 1 or words[j] != "she":
        return None
    k = j - 1 if words[j - 1] != "," else j - 2
    first = k == 0 or (k > 0 and words[k - 1] in (";", "but", "and"))
    return k if k >= 0 and first and (form.keys[k] in refs or words[k] in refs) else None


_BETWEEN_SUBJECT_AND_VERB = frozenset({"really", "truly", "just", "still", "does", "do", "can", "will", "would", "always"})


def _relative_object(form: SentenceShape, match: Match, refs: frozenset[str]) -> int | None:
    """ "Scotty, whom she adores": in a relative clause the object the verb wants is the noun before the pronoun."""
    number = form.clause_at(match.start)
    clause = form.clauses[number] if number >= 0 else None
    if clause is None or clause.lead not in (("whom",), ("who",), ("that",), ("which",)) or not clause.own_subject:
        return None
    j = clause.start - 1
    if j > 0 and form.words[j] == ",":
        j -= 1
    return j if j >= 0 and (form.keys[j] in refs or form.words[j] in refs) else None


def other_object(index: LexiconIndex, form: SentenceShape, match: Match, end: int) -> bool:
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
    {",", "again", "behind", "forever", "ever", "either", "anymore", "alone", "now", "tonight", "today", "yesterday", "tomorrow"}
    | {"early", "late", "soon", "there", "here", "too"}
)
"""Words after a pronoun object that leave the verb's sense as it is: "she leaves me tonight"."""


def object_fits(index: LexiconIndex, form: SentenceShape, match: Match, end: int) -> bool:
    """ "She draws Scotty" is art, "she draws the bolt" is not: a verb with `objects` keeps its sense only with one of
    them, a person, or no object at all ("she paints every day", "she draws in her sketchbook")."""
    words, keys = form.words, form.keys
    j = match.end
    if j >= end or words[j] in _PHRASE_BREAKS or words[j].endswith("ly") or words[j] in NOT_OBJECTS:
        return True
    people = ({word for role in index.roles.values() for word in role} | PEOPLE) - FUNCTION_WORDS
    if words[j] in ("him", "me", "her", "them", "us", "it", "herself"):
        k = j + 2 if j + 1 < end and words[j + 1] in ("all", "both") else j + 1  # "leaves us all at the table"
        following = words[k] if k < end else ""
        # "she leaves me tonight", "...last night"; but "she leaves me a note" gives, it does not go
        if (
            not following
            or following in _AFTER_AN_OBJECT
            or following.endswith("ly")
            or (following in ("last", "this", "that", "next", "every", "one") and k + 1 < end and words[k + 1] in TIME_NOUNS)
        ):
            return True
        if words[j] == "it" or following not in DETERMINERS:
            return False
        j = k  # "she draws me a sketch": whom it is for, then what she makes, which must be one of the objects
    phrase = []
    while j < end and j < match.end + 5 and words[j] not in _PHRASE_BREAKS:
        phrase.append(j)
        j += 1
    if any(words[k] in TIME_NOUNS for k in phrase):
        return True
    owned = [k for k in phrase if k > phrase[0] and words[k - 1] == "'s"]  # "Scotty's bowl": the bowl is the object
    phrase = [k for k in phrase if words[k] != "'s" and (not owned or k >= owned[0])]
    if phrase and words[phrase[0]] in people:
        return True  # "she draws Scotty asleep on the rug": a name first is the object, whatever follows it
    nouns = [k for k in phrase if not words[k].endswith("ly") and words[k] not in NOT_OBJECTS]
    if len(nouns) >= 2 and words[nouns[-2]] not in DETERMINERS and words[nouns[-1]] not in DETERMINERS:
        phrase = [nouns[-1]]  # "the car keys": the last noun is the thing itself, the one before only says which
    return any(keys[k] in match.pattern.objects or words[k] in people or keys[k] in people for k in phrase)


def has_words(keys: list[str], wanted: tuple[str, ...], start: int) -> bool:
    text = " " + " ".join(_spelled(key) for key in keys[start:]) + " "
    return any(" " + " ".join(stem(w) for w in tokens(phrase)) + " " in text for phrase in wanted)


_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = (
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)


def _spelled(key: str) -> str:
    """A number typed in digits as the words a lexicon lists ("calls me like 20 times": "twenty times")."""
    if not key.isdigit() or len(key) > 3:
        return key
    number = int(key)
    if number < 20:
        words = [_UNITS[number]]
    elif number < 100:
        tens, units = divmod(number, 10)
        words = [_TENS[tens - 2], _UNITS[units]] if units else [_TENS[tens - 2]]
    else:
        words = ["a", "hundred"] if number == 100 else [key]
    return " ".join(map(stem, words))  # the keys are stems, and so are the words asked for


_THING_STARTS = frozenset({"the", "this", "that", "these", "those", "a", "an"})
_BE_SAID = frozenset({"is", "are", "was", "were", "'s", "tastes", "looks", "smells", "sounds"})
_HIM = frozenset({"i", "me", "my", "him", "his", "he", "you", "your"})
_HIS_WORK = frozenset(
    {"book", "books", "novel", "novels", "writing", "story", "stories", "work", "page", "pages", "manuscript", "prose"}
    | {"poem", "poems", "chapter", "chapters", "idea", "ideas", "sentence", "sentences", "words", "plot", "draft", "mind"}
    | {"jokes"}
)


def said_of_a_thing(index: LexiconIndex, words: list[str], j: int) -> bool:
    """ "She tells me the French fries are brilliant": after whom she tells, a thing of no one's (or someone else,
    or theirs) that "is" what follows is praised, not him ("she tells me the book I wrote is brilliant" is his, as his
    book or novel is)."""
    if j < len(words) and words[j] == "that":
        j += 1
    # "she tells me my coffee is brilliant" praises his coffee, not him; "my book is brilliant" is his work
    owned = j + 1 < len(words) and words[j] in ("my", "his")
    named = index.names.get((words[j],)) if j + 1 < len(words) else None
    if named is not None and named != index.narrator and words[j + 1] in _BE_SAID:
        return True  # "she tells me Harry's a genius", "Susie's salad is brilliant": theirs, not his
    if not owned and (j >= len(words) or words[j] not in _THING_STARTS):
        return False
    for k in range(j + 1, min(j + 6, len(words))):
        word = words[k]
        if word in _HIS_WORK or word in _POSSESSIVES_OR_MINE or word in ("i", "me", "him", "he") or (word,) in index.names:
            return False
        if word in _BE_SAID:
            return _HIM.isdisjoint(words[k + 1 :])  # "the world is lucky to have a genius like me" is his praise
    return False


_ALONE_AFTER = AFTER_OBJECT | {"for", "good", "forever", "too", "at", "once", "last", "then", "anyway", "instead"}


def stands_alone(words: list[str], start: int, j: int, end: int) -> bool:
    """Nothing after the verb in its clause but when or how: "she packs and goes", "off she goes for good"; not "she
    goes to the kitchen", "she goes quiet", "wherever she goes" (a place, not a leaving), "she forgot to go"."""
    if not _PLACE_OR_MANNER.isdisjoint(words[max(0, start - 3) : start]) or not _ANY_PLACE.isdisjoint(words[:start]):
        return False  # "she sings as she goes"; "wherever I go, she goes" follows, it does not leave
    if start and words[start - 1] in BE:
        return False  # "I'm gone", "she is gone" are said by `is` words, with their own rules
    if start and words[start - 1] == "to":
        return False  # "she forgot to go", "she has to go", "begs me not to go": a going not done
    return all(word in _ALONE_AFTER or word.endswith("ly") for word in words[j:end])


_ANY_PLACE = frozenset({"wherever", "everywhere", "anywhere", "evrywhere", "everyplace"})
_PLACE_OR_MANNER = frozenset({"where", "as"})


def absence_clauses(index: LexiconIndex, form: SentenceShape) -> set[int]:
    """The clauses in which Calvin is away: "without me", "when he leaves", "until he comes home", "in his absence"."""
    words, keys = form.words, form.keys
    calvin = _refs(index, index.narrator or "", subject_forms=True) if index.narrator else frozenset({"he", "him", "his"})
    found: set[int] = set()
    for number, clause in enumerate(form.clauses):
        span = words[clause.start : clause.end]
        for j, word in enumerate(span) if not _ABSENCE_MARKS.isdisjoint(span) else ():
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
        if lead in ("until", "till") and any(k in RETURN_WORDS for k in rest):
            found.add(number)  # "until he comes home" she is without him (but see `came_back`)
        elif lead in ("until", "till"):
            continue
        elif (
            (lead in ABSENCE_LEADS or lead in CAUSES or not lead)
            and not ((lead in _BACK_LEADS or not lead) and _returning(rest))  # "I came home late and she...": he is back
            and (
                any(k in ABSENCE_WORDS for k in (rest[1:] if rest[:1] == ["work"] else rest))  # "at work", "to work"; but
                # "while I work" he may be at his desk
                or _not_there(words[clause.predicate : clause.end])
                or (words[clause.predicate : clause.end] in (["am", "not"], ["is", "not"]) and _there_before(words, clause.start))
                or _somewhere_else(words[clause.predicate : min(clause.end, clause.predicate + 6)])
            )
        ):
            found.add(number)
    return found


def _returning(keys: list[str]) -> bool:
    """ "when I come home late", "when I get back from work": his coming back, which the words of his going
    ("late", "work") only date; what she does then is what he finds (see `came_back`)."""
    return any(k in COMING_BACK for k in keys) and any(k in _HOME_AGAIN for k in keys)


_HOME_AGAIN = frozenset(stem(word) for word in ("home", "back", "return", "arrive"))


def came_back(index: LexiconIndex, form: SentenceShape) -> bool:
    """ "When I got back, she was crying.": what she does on his return he sees; it says nothing of his absence."""
    return any(
        " ".join(clause.lead) in _BACK_LEADS
        and clause.subject == index.narrator
        and any(k in COMING_BACK for k in form.keys[clause.predicate : clause.end])
        for clause in form.clauses
    )


_BACK_LEADS = frozenset({"when", "once", "as soon as", "the moment", "the minute"})


def near_clauses(form: SentenceShape, clause: Clause, narrator: str | None) -> set[int]:
    """A clause and the subordinate clauses that hang on it: "she cries | when I leave", "every time he goes out, | she..."."""
    number = form.clause_at(clause.start)
    near = {number}
    ahead = number + 1
    while ahead + 1 < len(form.clauses) and form.words[form.clauses[ahead].start : form.clauses[ahead].end] == [","]:
        ahead += 1  # "she is curled up, weeping, | , | because I was gone": a lone comma between them
    if ahead < len(form.clauses):
        after = form.clauses[ahead]
        lead = " ".join(after.lead)
        if lead in _ABSENCE_OR_UNTIL or (lead in CAUSES and (after.subject != clause.subject or clause.subject == narrator)):
            near.add(ahead)  # "she is sad because I am away"; not "she sleeps... because she can't bear..."; but "I
            # find her wretched because I was gone": his clause, her state
    if number > 0:
        back = number - 1
        while back > 0 and form.clauses[back].lead == (",",) and not form.clauses[back].subject_word:
            lone = form.clauses[back].end - form.clauses[back].start == 1
            if not (clause.lead == (",",) and not lone) and not (lone and clause.lead[:1] in (("and",), ("then",))):
                break
            back -= 1  # "whenever I'm away, even for an afternoon, she mopes": an aside; "I leave, and she...": a comma
        before = form.clauses[back]
        lead = " ".join(before.lead)
        if lead in _ABSENCE_OR_UNTIL or lead in CAUSES or not before.subject_word:
            near.add(back)  # "every time he goes out, she...", "without me around, she...", "because I'm away, she..."
        elif clause.lead[:1] in (("and",), ("then",)) and before.subject == narrator and not before.lead:
            near.add(back)  # "I leave and she goes to pieces": his going, and then what she does
        elif clause.lead[:1] == ("and",) and not clause.own_subject:
            near |= near_clauses(form, before, narrator)  # "whenever I leave, she whimpers | and cries": the same predicate's
    return near


def _somewhere_else(words: list[str]) -> bool:
    """ "while I am at the store", "when I'm at Harry's", "while I was in New York", "I spent the weekend at Harry's":
    he is somewhere she is not."""
    if words and words[0] in _SPENT:
        at = next((k for k in range(2, len(words) - 1) if words[k] in ("at", "in")), None)
        return at is not None and _a_place(words[at : at + 4])
    if len(words) >= 3 and words[0] in _STAYED and words[1] in ("at", "in"):
        return _a_place(words[1:5])  # "I stayed at Harry's", "I slept in the office"
    return len(words) >= 3 and words[0] in BE and _a_place(words[1:5])


_STAYED = frozenset({"stay", "stays", "stayed", "staying", "sleep", "sleeps", "slept", "sleeping"})


def _a_place(words: list[str]) -> bool:
    if words[0] == "at" and words[1] in ("my", "his") and len(words) > 2:
        return words[2] in _AWAY_PLACES or (len(words) > 3 and words[3] == "'s")  # "at my therapist's"; not "at my desk"
    if words[0] == "at":
        return words[1] not in _NOT_A_PLACE
    return words[0] == "in" and words[1] not in FUNCTION_WORDS and words[1] not in _IN_A_STATE


_SPENT = frozenset({"spent", "spend", "spends", "spending"})


_AWAY_PLACES = frozenset({"office", "work", "job", "club", "gym", "school", "class", "studio", "publisher", "agent"})


_IN_A_STATE = frozenset(
    {"bed", "love", "town", "charge", "trouble", "pain", "tears", "shock", "denial", "debt", "danger", "luck", "time"}
    | {"order", "place", "shape", "form", "mourning", "bits", "pieces", "heaven", "agony", "despair", "awe", "control"}
    | {"public", "private", "person", "earnest", "vain", "front", "between", "touch", "sight", "here", "there", "now"}
)
"""What "in" says of someone who is not away: "while I'm in bed", "when I am in love", "while I'm in town"."""


_NOT_A_PLACE = frozenset({"home", "her", "last", "least", "first", "peace", "ease", "my", "his", "all", "it", "this"})


def _there_before(words: list[str], start: int) -> bool:
    """ "happy when I'm home and miserable when I'm not": "not" stands for "not home", said before it."""
    return any(w in ("there", "around", "home", "here") for w in words[:start])


def _not_there(words: list[str]) -> bool:
    return any(w in ("not", "never") for w in words) and any(
        w in ("there", "around", "home", "here", "near", "with") for w in words
    )


# Unions of the tables above, made once here rather than again at every word that asks.
_POSSESSIVES_OR_MINE = POSSESSIVES | {"mine"}


_PHRASE_BREAKS = PREPOSITIONS | COORDINATORS | {","}


_AFTER_AN_OBJECT = PREPOSITIONS | COORDINATORS | TIME_NOUNS | AFTER_OBJECT


_ABSENCE_OR_UNTIL = ABSENCE_LEADS | {"until", "till"}


_ABSENCE_MARKS = frozenset({"without", "apart", "away", "with", "his", "my"})
"""The words `absence_clauses` looks at one by one: a clause with none of them is not walked word by word."""
