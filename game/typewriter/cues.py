"""The little words that change what a sentence means: negations ("no longer") and intensities ("a little")."""

from __future__ import annotations

from itertools import compress

from game.typewriter.words import IRREGULAR, stem

NEGATIONS: tuple[tuple[str, ...], ...] = (
    ("no", "longer"),
    ("gives", "up"),  # "she gives up painting" ends it, as "stops painting" does
    ("give", "up"),
    ("gave", "up"),
    ("giving", "up"),
    ("given", "up"),
    ("no", "more"),
    ("not", "in", "the", "least"),  # "not in the least afraid": one denial, however many words
    ("not", "the", "least", "bit"),
    ("not", "one", "bit"),
    ("not", "a", "bit"),
    ("not",),
    ("never",),
    ("nor",),
    ("neither",),
    ("no", "one"),
    ("used", "to"),  # "she used to be clingy" says she is no longer
    ("no",),
    ("nothing",),
    ("nobody",),
    ("noone",),
    ("hardly",),  # "she hardly laughs these days": next to never ("barely" is only a little: "barely speaks French")
    ("scarcely",),
    ("rarely",),  # "she rarely laughs": next to never, as "hardly" is
    ("seldom",),
    ("none",),
    ("without",),
)
NEGATING_VERBS = frozenset({"stop", "quit", "ceas", "refus", "fail"})
"""Verbs that end a state ("stops being sad", "quit speaking French"): stems, so every form counts."""
AFTERWARD_NEGATIONS = frozenset({("no", "longer"), ("no", "more")})
"""Negations that may come after what they negate: "she is sad no more"."""

STRONG = 2.0
WEAK = 0.5
INTENSITIES: dict[tuple[str, ...], float] = {
    **{
        (word,): STRONG
        for word in (
            "very",
            "extremely",
            "really",
            "so",
            "incredibly",
            "terribly",
            "awfully",
            "deeply",
            "truly",
            "totally",
            "completely",
            "utterly",
            "absolutely",
            "always",
            "constantly",
            "madly",
            "desperately",
            "wildly",
            "hugely",
            "immensely",
            "intensely",
            "profoundly",
            "perfectly",
            "fluently",
            "fiercely",
            "endlessly",
            "forever",
            "super",
            "too",
            "entirely",
            "fully",
            "passionately",
            "hopelessly",
            "insanely",
            "ridiculously",
            "unbelievably",
            "tremendously",
            "enormously",
            "overwhelmingly",
            "unbearably",
            "exceedingly",
            "remarkably",
            "thoroughly",
        )
    },
    ("all", "the", "time"): STRONG,
    ("so", "much"): STRONG,
    ("very", "much"): STRONG,
    ("a", "lot"): STRONG,
    ("more", "than", "anything"): STRONG,
    ("beyond", "words"): STRONG,
    **{
        (word,): WEAK
        for word in (
            "slightly",
            "somewhat",
            "kinda",
            "sorta",
            "fairly",
            "mildly",
            "sometimes",
            "occasionally",
            "partly",
            "barely",
            "faintly",
            "vaguely",
            "marginally",
            "moderately",
        )
    },
    ("a", "little"): WEAK,
    ("a", "bit"): WEAK,
    ("a", "little", "bit"): WEAK,
    ("kind", "of"): WEAK,
    ("sort", "of"): WEAK,
    ("a", "tad"): WEAK,
    ("a", "touch"): WEAK,
    ("now", "and", "then"): WEAK,
}
_INTENSITY_SIZES: dict[str, tuple[int, ...]] = {}
"""For each word an intensity starts with, the lengths of its phrases, longest first: only those are tried."""
for _key in INTENSITIES:
    _INTENSITY_SIZES[_key[0]] = tuple(sorted({*_INTENSITY_SIZES.get(_key[0], ()), len(_key)}, reverse=True))
INTENSITY_STARTS = frozenset(_INTENSITY_SIZES)
_NEGATIONS_BY_START: dict[str, tuple[tuple[str, ...], ...]] = {}
"""The negations by their first word, in the order of NEGATIONS (a longer cue is tried before its own first word)."""
for _cue in NEGATIONS:
    _NEGATIONS_BY_START[_cue[0]] = (*_NEGATIONS_BY_START.get(_cue[0], ()), _cue)
_NEGATING_INITIALS = frozenset(verb[0] for verb in NEGATING_VERBS)
"""A regular form stems to a word with its own first letter, so no other word need be stemmed at all."""
_NEGATING_IRREGULARS = frozenset(form for form in IRREGULAR if stem(form) in NEGATING_VERBS)


_GIVING_UP_ENDS = frozenset({"and", "on", ",", "but", "then", "so", "."})
"""What may follow "gives up" when it ends nothing named after it ("gives up on me" is not a denial either)."""


def _negating_verb(word: str) -> bool:
    """ "stops", "quit", "refused": a verb that ends a state, whatever its form (the stem decides, as it always did)."""
    if word in _NEGATING_IRREGULARS:
        return True
    return word[:1] in _NEGATING_INITIALS and word not in IRREGULAR and stem(word) in NEGATING_VERBS


class _MayNegate(dict[str, bool]):
    """Whether a word may start a negation: a cue's first word, or a negating verb ("stops", "refused")."""

    def __missing__(self, word: str) -> bool:
        found = word in _NEGATIONS_BY_START or (
            len(word) > 3 and (word[0] in _NEGATING_INITIALS or word in _NEGATING_IRREGULARS) and _negating_verb(word)
        )
        if len(self) < 100_000:  # a long paste of noise must not grow it without end
            self[word] = found
        return found


_MAY_NEGATE = _MayNegate()


_NOT_DENIED_AFTER_NO = frozenset({"sooner", "doubt", "wonder", "matter"})
_CONCORD = frozenset({"nothing", "nothin", "nobody", "noone"})
_SPANS_OF_TIME = frozenset({"second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "day", "days"})
"""The time "can't go a day without..." counts in: a habit, not a denial (but "can't go anywhere without her")."""


def negation_spans(words: list[str]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """Where each negation starts: position -> (end, the words)."""
    spans: dict[int, tuple[int, tuple[str, ...]]] = {}
    i = 0
    count = len(words)
    # only the words that may start a negation are visited (asked of each word once, then found in C): most are none
    for at in compress(range(count), map(_MAY_NEGATE.__getitem__, words)):
        if at < i:
            continue  # inside a negation already read
        i = at
        word = words[i]
        cues = _NEGATIONS_BY_START.get(word)
        if cues is None:  # a negating verb
            after = words[i + 1] if i + 1 < count else ""
            if not (after == "to" and stem(word) in ("stop", "quit", "ceas")):  # "stops to giggle" pauses
                spans[i] = (i + 1, (word,))
            i += 1
            continue
        if word == "not" and i + 1 < count and words[i + 1] in ("only", "just", "merely"):
            i += 2  # "not only... but also" denies nothing
            continue
        if word == "not" and words[i + 1 : i + 3] == ["a", "little"] and words[i + 3 : i + 4] != ["bit"]:
            i += 3  # "not a little happy, wildly happy": more than a little, as "not a little surprised" is
            continue
        if word in _CONCORD and words[i - 1] != "that" and any(words[k] in ("not", "never") for k in range(max(0, i - 4), i)):
            i += 1  # "ruby cant remember nothin": typed speech doubles the denial; it says it once
            continue
        if word in ("nothing", "none") and i + 1 < count and words[i + 1] == "but":
            i += 2  # "she speaks nothing but French" speaks only French
            continue
        if word == "no" and i + 1 < count and words[i + 1] in _NOT_DENIED_AFTER_NO:
            i += 2  # "no sooner do I leave than...", "no wonder she laughs": nothing is denied
            continue
        if word == "not" and words[i + 1 : i + 2] == ["go"] and "without" in words[i + 2 : i + 7]:
            without = words.index("without", i + 2)
            if not _SPANS_OF_TIME.isdisjoint(words[i + 2 : without]):
                i = without + 1  # "can't go a day without painting": she paints every day
                continue
        for cue in cues:
            if len(cue) == 1 or tuple(words[i : i + len(cue)]) == cue:
                if cue[-1] == "up" and (i + 2 == count or words[i + 2] in _GIVING_UP_ENDS):
                    i += len(cue)  # "she gives up and leaves": giving up ends nothing that follows it
                    break
                spans[i] = (i + len(cue), cue)
                i += len(cue)
                break
        else:
            i += 1
    return spans


def intensity_spans(words: list[str]) -> dict[int, tuple[int, float]]:
    """Where each intensity word or phrase starts: position -> (end, intensity), longest first."""
    spans: dict[int, tuple[int, float]] = {}
    i = 0
    count = len(words)
    while i < count:
        sizes = _INTENSITY_SIZES.get(words[i])
        if sizes is None:
            i += 1
            continue
        for size in sizes:
            value = INTENSITIES.get(tuple(words[i : i + size]))
            if value is not None:
                spans[i] = (i + size, value)
                i += size
                break
        else:
            i += 1
    return spans
