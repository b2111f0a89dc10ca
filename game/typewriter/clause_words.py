"""The words that join, open or answer clauses: coordinators, subordinators, relatives, prepositions, introductions,
yes and no. Kept apart from `grammar` (the words of a subject and its verb) because the clause splitter reads these and
little else.
"""

from __future__ import annotations

COORDINATORS = frozenset({"and", "or", "but", "yet", "nor", "plus", "then"})


CONTRASTS = frozenset({"but", "yet", "although", "though", "however", "whereas", "while"})


CONDITIONALS = frozenset({"if", "unless", "whether", "suppose", "supposing", "provided", "lest"})
"""A sentence with one of these states a condition or a possibility: it asserts nothing (docs/typewriter.md)."""


NON_ASSERTING_SUBORDINATORS = frozenset(
    {
        "when",
        "whenever",
        "once",
        "as soon as",
        "every time",
        "each time",
        "the moment",
        "the minute",
        "the second",
        "the whole time",
        "the entire time",
        "as long as",
        "in case",
        "so that",
        "as if",
        "as though",
        "like",  # "like I'd been gone a year": as if (`clause_split` takes it only before a subject and its verb)
        "even if",
        "any time",
        "anytime",
    }
)
"""Clauses that say when or on what condition, not that: "when she is sad, she sings" asserts only `sings`."""

EVERY_TIME_UNITS = ("minute", "hour", "day", "night", "evening", "morning", "afternoon", "weekend", "week", "moment")
EVERY_TIME = frozenset(f"{every} {unit}" for every in ("every", "each") for unit in EVERY_TIME_UNITS) | frozenset(
    f"on the {unit}s" for unit in EVERY_TIME_UNITS
)
"""Leads like "every time": "every evening I'm away, she is miserable", "on the nights I stay late, she..." (a clause
only with a subject after it)."""
NON_ASSERTING_SUBORDINATORS |= EVERY_TIME


ASSERTING_SUBORDINATORS = frozenset(
    {
        "until",
        "till",
        "by the time",
        "before",
        "after",
        "because",
        "since",
        "although",
        "though",
        "even though",
        "while",
        "whereas",
        "as",
        "cause",
        "cuz",
        "so",
    }
)


SUBORDINATOR_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {}


for _phrase in NON_ASSERTING_SUBORDINATORS | ASSERTING_SUBORDINATORS | CONDITIONALS:
    _words = tuple(_phrase.split())
    SUBORDINATOR_WORDS.setdefault(_words[0], ())
    SUBORDINATOR_WORDS[_words[0]] = tuple(sorted({*SUBORDINATOR_WORDS[_words[0]], _words}, key=len, reverse=True))


RELATIVES = frozenset({"who", "that", "which", "whom"})


PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "on",
        "after",
        "before",
        "during",
        "by",
        "from",
        "for",
        "with",
        "without",
        "since",
        "through",
        "across",
        "around",
        "into",
        "onto",
        "over",
        "under",
        "behind",
        "beside",
        "near",
        "about",
        "of",
        "to",
        "toward",
        "towards",
        "against",
        "among",
        "between",
        "beyond",
        "inside",
        "outside",
        "past",
        "upon",
        "within",
        "throughout",
        "like",
        "than",
        "as",
    }
)


INTRODUCTORY = frozenset(
    {
        "yes",
        "ever",
        "yeah",
        "yep",
        "yup",
        "oh",
        "well",
        "now",
        "then",
        "today",
        "tonight",
        "suddenly",
        "finally",
        "also",
        "still",
        "so",
        "and",
        "but",
        "later",
        "soon",
        "meanwhile",
        "sometimes",
        "often",
        "usually",
        "always",
        "ok",
        "okay",
        "plus",
        "anyway",
        "besides",
        "instead",
        "afterwards",
        "afterward",
        "eventually",
        "lately",
        "recently",
        "tomorrow",
        "yesterday",
        "already",
        "again",
        "somehow",
        "honestly",
        "really",
        "actually",
        "clearly",
        "obviously",
        "luckily",
        "thankfully",
        "morning",
        "night",
        "day",
        "evening",
        "every",
        "each",
        "all",
        "this",
        "that",
        "next",
        "last",
        "one",
        "week",
        "year",
        "month",
        "wow",
        "hey",
        "ah",
        "alas",
        "please",
        "just",
        "even",
        "thus",
        "hence",
        "therefore",
        "now,",
    }
)


INTERJECTION_NO = frozenset({"no", "nope", "nah", "never"})


INTERJECTION_YES = frozenset(
    {
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "certainly",
        "absolutely",
        "definitely",
        "indeed",
        "of",
        "course",
        "totally",
        "obviously",
        "aye",
        "ya",
        "yea",
    }
)
