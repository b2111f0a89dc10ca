"""Who "her", "him" and "she and I" stand for, before a sentence is read: "him" is the last man named (the writer
until someone else is), "she and I dance" is her dancing, "I give her a life" is her having one.
"""

from __future__ import annotations

from game.typewriter.compiled import REMEMBERED_WORDS, CompiledReader


def with_her(compiled: CompiledReader, raw: list[str]) -> list[str]:
    """ "She and I dance", "me and Ruby speak French": what the two of them do together, she does. The writer's half
    of the subject is dropped so the clause is hers; "Harry and I" stays someone else's."""
    her = compiled.her
    if "give" in raw or "gave" in raw or "grant" in raw or "granted" in raw:
        raw = _given(raw, her)
    if "and" not in raw:
        return raw
    writer = compiled.writer
    pairs: list[int] = []  # where "she and I" (or "me and Ruby") starts, each after the last one's end
    for j in [j for j, word in enumerate(raw) if word == "and"]:
        i = j - 1
        if i < 0 or j + 1 >= len(raw) or (pairs and i < pairs[-1] + 3):
            continue
        first, second = raw[i], raw[j + 1]
        if (i == 0 or raw[i - 1] in _PAIR_OPENERS) and (
            (first in her and second in writer) or (first in writer and second in her)
        ):
            pairs.append(i)
    if not pairs:
        return raw
    out: list[str] = []
    done = 0
    for i in pairs:
        out.extend(raw[done:i])
        out.append("she")
        done = i + 3
    out.extend(raw[done:])
    return out


_PAIR_OPENERS = frozenset({",", "and", "but", "then", "so", "because", "when", "while"})


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


def someone_met(raw: list[str], j: int) -> str | None:
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
    if len(compiled.roles) < REMEMBERED_WORDS:
        compiled.roles[word] = role
    return role


_FIRST_PERSON = frozenset({"me", "my", "myself", "mine"})


def moves_him(compiled: CompiledReader, word: str) -> str | None:
    """What naming this word does to "him", remembered: "" makes him the writer again (Calvin, "my boyfriend"), the
    word itself makes him that man or role ("Harry", "the dog"), None leaves him be."""
    index = compiled.index
    named = index.names.get((word,))
    if named is None and word.endswith("s"):
        named = index.names.get((word[:-1],))  # "scottys her fav, she luvs him": the apostrophe left out
    role = named or _role_of(compiled, word)
    move: str | None = None
    if named == index.narrator or (
        role is None and word in index.roles.get(index.narrator or "", ()) and word not in _FIRST_PERSON
    ):  # "Scotty chewed my shoe. Ruby adores him.": the writer saying "my" is never "him"
        move = ""
    elif named is not None and index.reader_pronoun(named) == "he":
        move = word
    elif named is None and role is not None:
        move = word  # a role that is not a character: "the dog"
    if len(compiled.him) < REMEMBERED_WORDS:
        compiled.him[word] = move
    return move
