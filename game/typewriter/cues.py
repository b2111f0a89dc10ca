"""The little words that change what a sentence means: negations ("no longer") and intensities ("a little")."""

from __future__ import annotations

from game.typewriter.words import stem

NEGATIONS: tuple[tuple[str, ...], ...] = (
    ("no", "longer"),
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
_LONGEST = max(len(key) for key in INTENSITIES)
_INTENSITY_STARTS = frozenset(key[0] for key in INTENSITIES)
_NEGATION_STARTS = frozenset(cue[0] for cue in NEGATIONS)


def negation_spans(words: list[str]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """Where each negation starts: position -> (end, the words)."""
    spans: dict[int, tuple[int, tuple[str, ...]]] = {}
    i = 0
    while i < len(words):
        if words[i] not in _NEGATION_STARTS:
            after = words[i + 1] if i + 1 < len(words) else ""
            pausing = after == "to" and stem(words[i]) in ("stop", "quit", "ceas")  # "stops to giggle" pauses to giggle
            if len(words[i]) > 3 and stem(words[i]) in NEGATING_VERBS and not pausing:
                spans[i] = (i + 1, (words[i],))
            i += 1
            continue
        if words[i] == "not" and i + 1 < len(words) and words[i + 1] in ("only", "just", "merely"):
            i += 2  # "not only... but also" denies nothing
            continue
        for cue in NEGATIONS:
            if tuple(words[i : i + len(cue)]) == cue:
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
    while i < len(words):
        if words[i] not in _INTENSITY_STARTS:
            i += 1
            continue
        for size in range(_LONGEST, 0, -1):
            value = INTENSITIES.get(tuple(words[i : i + size]))
            if value is not None:
                spans[i] = (i + size, value)
                i += size
                break
        else:
            i += 1
    return spans
