"""How far the little words reach: which negations deny a reading ("she is no longer sad", not "nothing, not even the
storm, scares her"), how strong it is ("very", "a little"), and which `except` phrases take it back ("French
fries").
"""

from __future__ import annotations

from game.typewriter.clause_parts import agrees_with_her, past_tense
from game.typewriter.closed_class import FUNCTION_WORDS
from game.typewriter.cues import AFTERWARD_NEGATIONS
from game.typewriter.fading import FADING
from game.typewriter.grammar import AUXILIARIES, BE, NEGATIVE_PRONOUNS
from game.typewriter.lexicon_index import WILDCARD, LexiconIndex
from game.typewriter.matching import Match
from game.typewriter.words import stem

WINDOW = 4
"""How far before or after a phrase an intensity word still counts: "she is always so very happy"."""


SLACK_NEVER = FUNCTION_WORDS | {stem(word) for word in FUNCTION_WORDS} | {","}
"""Words an `except` phrase never skips over: "tears up the letter" is one thing, "tears up when the music starts" another.
Asked of the keys, so the stems too ("during" is kept as "dur": "tears up during the film" is not "tears up the")."""


def excepted_phrases(index: LexiconIndex, keys: list[str]) -> list[tuple[str, frozenset[int]]]:
    """The words of every `except` phrase on the page ("french fries", "paints a * picture of"), with one word of slack.

    An exception belongs to the trait that lists it ("sings the blues" is not sad, but it is singing). Only a reading
    that holds every word of the phrase survives it ("draws a total blank" is forgetting). A `*` in the phrase stands
    for any one word."""
    found: list[tuple[str, frozenset[int]]] = []
    exceptions = index.exceptions
    if exceptions.keys().isdisjoint(keys):
        return found
    present = set(keys)
    firsts = exceptions.keys() & present
    present.add(WILDCARD)
    # only the words that start a phrase, where they stand: a sentence holds one or two of them, and most of its words
    # none (the phrases found are a set to their users, so in which order they are found does not matter)
    for first in firsts:
        by_anchor = exceptions[first]
        if by_anchor.keys().isdisjoint(present):  # the usual case, asked without making a set
            continue
        entries = [entry for anchor in by_anchor.keys() & present for entry in by_anchor[anchor] if present.issuperset(entry[1])]
        if entries:
            for start in [i for i, key in enumerate(keys) if key == first]:
                _excepted_at(keys, start, entries, found)
    return found


def _excepted_at(
    keys: list[str], start: int, entries: list[tuple[str, tuple[str, ...]]], found: list[tuple[str, frozenset[int]]]
) -> None:
    """The phrases of `entries` (each starting with the word at `start`) that stand there, added to `found`."""
    for trait, words in entries:
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


WITHOUT_WRITER = frozenset({"him", "me", "his", "my"})
"""After "without", the writer: his absence, not a denial ("without me she's a wreck")."""


def _after_a_depictive_comma(
    words: list[str], match: Match, negations: dict[int, tuple[int, tuple[str, ...]]], start: int, end: int
) -> int:
    """ "She hides under the bed and won't come out, petrified": a description after a comma at the end of the clause
    is how she is, which the denial of another verb does not reach ("she isn't sad, lonely or afraid" is one "is")."""
    if match.pattern.part != "is" or match.end != end:
        return start
    comma = match.start - 1
    while comma > start and words[comma] != "," and words[comma] in FUNCTION_WORDS:
        comma -= 1  # "..., utterly petrified"
    if comma <= start or words[comma] != ",":
        return start
    before = [p for p in negations if start <= p < comma]
    if before and all(p > 0 and words[p - 1] not in BE and words[p + 1] not in BE for p in before):
        return comma
    return start


def reading_denied(
    words: list[str],
    match: Match,
    negations: dict[int, tuple[int, tuple[str, ...]]],
    start: int,
    end: int,
    phrases: frozenset[int] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> bool:
    """An odd number of negations before the words in their clause (or "no longer" after them) denies them; those inside
    another idiom ("the way she used to be") belong to it."""
    count = 0
    if negations:  # with none, neither of these moves the clause's start
        for comma in range(start, match.start):
            if words[comma] == "," and any(comma < position < match.start for position in negations):
                start = comma  # "never barks, never fetches": each denial has its own verb
        start = _after_a_depictive_comma(words, match, negations, start, end)
    if (match.end == end - 1 and words[match.end] == "not") or (
        match.end < end and words[end - 1] == "not" and end - match.end <= 2
    ):
        count += 1  # "She loves me not."
    for position, (stop, cue) in negations.items():
        if position in match.consumed or position in match.positions or position in phrases:
            continue
        if cue == ("without",) and (_someone_after(words, stop, names) or match.start - stop > 2):
            continue  # "without fear" denies; "without Harry around she is a wreck" only says where
        if cue == ("nor",) and "neither" in words[start:position]:
            continue  # "neither sings nor dances": one denial for both
        if cue == ("not",) and _finite_verb_after(words, position, match.start):
            continue  # "she can't sleep and wanders the halls in tears": "can't" rules "sleep", not "wanders"
        if _object_of_an_earlier_verb(words, position, cue, match.start):
            continue  # "she remembers nothing, fears everything": the "nothing" was what she remembers
        inside_gap = match.start < position < match.end
        afterward = (
            match.end <= position < end
            and cue in AFTERWARD_NEGATIONS
            and _closes(words, position + len(cue), end)
            and not any(start <= before < match.start for before in negations)  # "ain't sad no more": one denial
        ) or (cue in FADING and match.start < position <= match.end)  # "her sadness is gone": the feeling just before
        if start <= position < match.start or inside_gap or afterward:
            if cue == ("no",) and _helpless(words, position):
                continue
            count += 1
        object_at = match.end + 1 if match.end < len(words) and words[match.end] in ("of", "about", "for") else match.end
        if position == object_at and words[position] in NEGATIVE_PRONOUNS:
            count += 1  # "she fears nothing", "she is afraid of nothing"
    if not count and _fronted_negation(words, negations, start, match.start):
        count += 1  # "Not once, in all these months, has she sung a note."
    if count and _cannot_help(words, start, match.start):
        count += 1
    if (count or any(position < start for position in negations)) and _never_a_day_before(words, start):
        count += 1  # with no denial inside, "there is no day when she is sad" denies (its "no" is a denial before)
    if count and _never_been_this(words, match.start):
        count += 1
    return count % 2 == 1


def _someone_after(words: list[str], stop: int, names: frozenset[str]) -> bool:
    """ "without me", "without Calvin": the one she is without, which is his absence, not a denial of what she does."""
    return stop < len(words) and (words[stop] in WITHOUT_WRITER or words[stop] in names)


def _finite_verb_after(words: list[str], position: int, head: int) -> bool:
    """A verb joined by "and" after a "can't", "doesn't" or "didn't" in the form of its own ("wanders", and after
    "didn't" "wandered") is not ruled by that auxiliary, so the denial stops before it."""
    if position == 0 or words[position - 1] not in AUXILIARIES:
        return False
    for k in range(position + 1, head):
        if words[k] in ("and", "but", "then"):
            verb = k + 2 if words[k + 1] in _BEFORE_A_VERB else k + 1
            if verb <= head and (agrees_with_her(words[verb]) or (words[position - 1] == "did" and past_tense(words[verb]))):
                return True
    return False


_BEFORE_A_VERB = frozenset({"then", "always", "still", "just", "instead", "now"})


def _fronted_negation(words: list[str], negations: dict[int, tuple[int, tuple[str, ...]]], start: int, head: int) -> bool:
    """A "not once" or "never" that opens the sentence, cut from its verb by an aside: "Not once, in all these
    months, has she sung", "She never once, in all this time, has walked out". The aside starts a clause of its own,
    whose auxiliary (and her, after it) still belongs to the denial."""
    if not negations or start == 0:
        return False
    comma = max((k for k in range(start, head) if words[k] == ","), default=head)
    if not (comma + 1 < head and words[comma + 1] in AUXILIARIES):
        return False
    first = min(negations)
    opened = first == 0 or (first == 1 and words[0] == "she")
    return opened and first < start and words[first] in ("not", "never")


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
    return (
        any(
            words[i] in ("never", "not", "no", "hardly", "scarcely")
            and words[i + 1] in ("a", "an", "one", "single")
            and words[i + 2] in EVERY_SPAN
            for i in range(max(0, start - 8), start - 2)
        )
        or any(words[i] == "no" and words[i + 1] in EVERY_SPAN for i in range(max(0, start - 8), start - 1))
        or _none_such_place(words, start)
    )


def _none_such_place(words: list[str], start: int) -> bool:
    """ "There isn't a party where she doesn't dance": any place or occasion said not to exist, just before the
    clause about it."""
    if start == 0 or (words[start - 1] not in _RELATIVES and words[start] not in _RELATIVES and words[start] != "she"):
        return False  # "there is no party where | she...", "...no day | when she...", "...a single dinner | she..."
    for i in range(max(0, start - 8), start - 3):
        if words[i] == "there" and words[i + 1] in BE:
            rest = words[i + 2 : start]
            if not _CERTAINTY.isdisjoint(rest):
                return False  # "there is no doubt that she loves me" is sure of it
            return rest[:1] in (["no"], ["never"]) or rest[:2] in (["not", "a"], ["not", "an"], ["not", "one"], ["not", "any"])
    return False


_RELATIVES = frozenset({"where", "when", "that"})
_CERTAINTY = frozenset({"doubt", "doubting", "question", "denying", "mistaking", "hiding", "secret"})


def _helpless(words: list[str], position: int) -> bool:
    """ "no" as an answer ("No, she is happy") negates nothing in what follows."""
    return position == 0 and position + 1 < len(words) and words[position + 1] == ","


def _cannot_help(words: list[str], start: int, head: int) -> bool:
    """ "She can't help laughing": a denied "help" asserts what follows."""
    return any(words[j] == "help" for j in range(start, head))


def intensity_of(spans: dict[int, tuple[int, float]], match: Match, start: int, end: int) -> float:
    if not spans:
        return 1.0  # most sentences say nothing of how much
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
