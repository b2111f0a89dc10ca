"""Sentences that say a trait, made from its frames, for random playtest pages; and the verb forms they need.

They are built the way a player would write them ("is happy", "laughs", "loves him", "is miserable when he leaves"),
so a page made of them goes through the whole reader, not a back door.
"""

from __future__ import annotations

from game.story.model import Frame, Lexicon, Trait

ES_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


def third_person(verb: str) -> str:
    """ "laugh" -> "laughs", "cry" -> "cries", "fall apart" -> "falls apart": the first word of a verb phrase."""
    first, _, rest = verb.partition(" ")
    if first == "be":
        first = "is"
    elif first == "have":
        first = "has"
    elif first.endswith("y") and len(first) > 2 and first[-2] not in "aeiou":
        first = first[:-1] + "ies"
    elif first.endswith(ES_ENDINGS):
        first += "es"
    else:
        first += "s"
    return f"{first} {rest}".strip()


def base_form(verb: str) -> str:
    """ "laughs" -> "laugh", "cries" -> "cry", "watches" -> "watch": the form after "never" or "will"."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("shes", "ches", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


_WRITER_FORMS = {"he": ("him", "he"), "she": ("her", "she"), "they": ("them", "they")}
"""The writer as an object and as a subject, by the narrator's pronoun: "loves him", "is miserable when she leaves"."""


def predicates(lexicon: Lexicon, trait: Trait, narrator_pronoun: str = "he") -> tuple[tuple[str, bool], ...]:
    """(predicate, is_adjective) for each way the trait is said plainly: "is happy", "laughs", "loves him"."""
    found: list[tuple[str, bool]] = []
    for frame in trait.frames:
        if frame.opposite or frame.with_ or frame.objects:
            continue
        tail = _tail(lexicon, frame, _WRITER_FORMS.get(narrator_pronoun, _WRITER_FORMS["he"]))
        found.extend((f"is {word}{tail}", True) for word in frame.is_)
        found.extend((f"{third_person(word)}{tail}", False) for word in frame.does)
    found.extend((phrase, phrase.split()[0] in ("is", "was")) for phrase in trait.phrases)
    if not found:
        found.extend((idiom, False) for frame in trait.frames if not frame.opposite for idiom in frame.idioms)
    return tuple(found)


def _tail(lexicon: Lexicon, frame: Frame, writer: tuple[str, str]) -> str:
    tail = ""
    if frame.object is not None:
        words = dict(lexicon.roles).get(frame.object)
        tail += f" {words[0]}" if words and frame.object != lexicon.narrator else f" {writer[0]}"
    if frame.when == "absence":
        tail += f" when {writer[1]} leaves"
    return tail
