"""The closed classes of English the reader needs: the small words that say who acts, whether it is so, and how.

Open-class words (what she is, what she does) belong to a story's lexicon; these belong to the language, so they live
here once for every story. Every entry is a lower-case word as it is typed, after contractions are opened. This module
holds the words of a subject and its verb (pronouns, determiners, auxiliaries, the verb classes that change what a
clause asserts); `clause_words` holds what joins clauses, `nouns` the nouns the reader tells apart, `closed_class` the
whole closed class.
"""

from __future__ import annotations

SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that", "there", "here"})


POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their", "its"})


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "some",
        "any",
        "all",
        "both",
        "another",
        "no",
        "one",
        "two",
        "three",
        "many",
        "most",
        "several",
        "few",
        "such",
        "what",
        "which",
        "whose",
        "whatever",
    }
)


NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "noone"})
"""Subjects and objects that deny what they take part in: "nothing makes her happy", "she fears nothing"."""


OTHER_NOUN_PHRASES = frozenset(
    {
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "people",
        "everything",
        "something",
        "anything",
        "nothing",
        "nobody",
        "noone",
        "none",
        "who",
        "what",
        "which",
        "whoever",
        "one",
    }
)


BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})


FEAR_ADJECTIVES = frozenset({"afraid", "scared", "worried", "terrified", "frightened", "anxious", "nervous"})
"""Before a clause ("I'm afraid she'll leave") these say a fear, as "I fear" does: what follows is not asserted."""


AUXILIARIES = BE | frozenset(
    {
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "ought",
    }
)


LINKING = frozenset(
    {
        "seem",
        "look",
        "feel",
        "become",
        "get",
        "grow",
        "stay",
        "remain",
        "turn",
        "sound",
        "appear",
        "act",
        "go",
        "fall",
        "keep",
        "prove",
    }
)
"""Verbs (stems) after which an adjective says what the subject is: "she seems happy", "she grows sad", "she falls in love".
`be` is tested apart, because "is" + -ing is a tense, not a description ("she is wearing blue jeans")."""


IRREALIS_MODALS = frozenset({"might", "may", "should", "ought", "could", "would", "must"})
"""Modals that say what could be, not what is. `could not`, `would never` and `must` + be (a conclusion) still assert."""


IRREALIS_VERBS = frozenset(
    {
        "want",
        "wish",
        "hope",
        "try",
        "attempt",
        "plan",
        "intend",
        "pretend",
        "long",
        "yearn",
        "dream",
        "imagine",
        "suppose",
        "expect",
        "aim",
        "mean",
        "wanna",
        "desire",
        "seek",
        "ache",
        "strive",
        "struggle",
        "need",
        "deserve",
        "threaten",
        "promise",
        "offer",
        "ask",
        "beg",
        "dare",
        "fake",
        "act",
        "claim",
        "tend",
        "tell",
        "order",
        "urge",
        "invite",
        "command",
        "instruct",
        "remind",
        "warn",
        "encourage",
        "persuade",
        "advise",
    }
)
"""Verbs (stems) whose "to"-complement has not happened: "she wants to dance", "she pretends to be happy", "she tells
Scotty to stay" (an order to someone else; "tell her to stay", an order to the page, comes true as any order does)."""


IRREALIS_ADJECTIVES = frozenset(
    {
        "free",
        "able",
        "ready",
        "eager",
        "keen",
        "afraid",
        "scared",
        "about",
        "supposed",
        "likely",
        "unlikely",
        "willing",
        "unable",
        "desperate",
        "dying",
    }
)


REPORTING = frozenset(
    {
        "sure",  # "Harry is sure she's depressed": a belief said with an adjective
        "certain",
        "convinced",
        "think",
        "believe",
        "say",
        "claim",
        "insist",
        "suspect",
        "guess",
        "suppose",
        "imagine",
        "assume",
        "wonder",
        "ask",
        "hear",
        "read",
        "doubt",
        "worry",
        "hope",
        "wish",
        "dream",
        "pretend",
        "swear",
        "promise",
        "admit",
        "agree",
        "complain",
        "whisper",
        "shout",
        "scream",
        "mention",
        "explain",
        "announce",
        "reply",
        "answer",
        "joke",
        "lie",
        "argue",
        "tell",
        "fear",
        "expect",
        "predict",
        "bet",
        "reckon",
        "feel",
        "decide",
        "confess",
        "deny",
        "yell",
        "hint",
        "warn",
        "convince",
        "figure",
        "fantasize",
        "fantasise",
        "murmur",
        "mutter",
        "tweet",
        "text",
        "blog",
        "gossip",
        "rumor",
        "rumour",
        "report",
        "state",
        "declare",
        "suggest",
        "remark",
    }
)
"""Verbs (stems) whose complement clause is someone's words or belief, not the page's: "Harry thinks she is sad"."""


CAUSATIVES = frozenset(
    {
        "make",
        "let",
        "have",
        "get",
        "help",
        "force",
        "cause",
        "keep",
        "leave",
        "drive",
        "write",
        "watch",
        "see",
        "hear",
        "notice",
        "find",
        "catch",
        "send",
        "set",
        "turn",
        "render",
        "bid",
        "order",
        "command",
        "teach",
        "train",
        "compel",
    }
)
"""Verbs (stems) whose object is the one who does or is what follows: "he makes her dance", "I find her crying"."""


EXPERIENCE_VERBS = frozenset(
    {
        "fill",
        "overwhelm",
        "overcome",
        "consume",
        "grip",
        "seize",
        "wash",
        "come",
        "sweep",
        "flood",
        "rush",
        "flow",
        "run",
        "stream",
        "roll",
        "pour",
        "spread",
        "creep",
        "settle",
        "take",
        "possess",
        "engulf",
        "envelop",
        "radiate",
        "shine",
        "light",
        "course",
        "surge",
        "well",
        "fall",
        "trickle",
        "wrap",
        "haunt",
        "strike",
        "hit",
        "descend",
    }
)
"""Verbs (stems) by which a feeling happens to her: "joy fills her", "a great calm comes over her"."""


def _stems(words: frozenset[str]) -> frozenset[str]:
    from game.typewriter.words import stem

    return frozenset(stem(word) for word in words)


LINKING_STEMS = _stems(LINKING)


IRREALIS_VERB_STEMS = _stems(IRREALIS_VERBS)


REPORTING_STEMS = _stems(REPORTING)


CAUSATIVE_STEMS = _stems(CAUSATIVES)


EXPERIENCE_STEMS = _stems(EXPERIENCE_VERBS)
"""The verb classes as the reader compares them: by stem, so every form counts ("made her", "makes her")."""


IRREALIS_ADVERBS = frozenset(
    {"maybe", "perhaps", "possibly", "probably", "hopefully", "supposedly", "allegedly", "someday", "one day"}
)
"""Adverbs that make what follows a guess or a hope: "maybe she forgets"."""


PLANNED_MARKERS = frozenset(
    {"should", "could", "would", "might", "may", "must", "ought", "shall", "going", "gonna", "plan", "planning", "want"}
    | {"wanna", "need", "tomorrow", "later", "someday", "soon", "next", "tonight", "thinking", "considering"}
    | {"wants", "wanted", "wanting", "almost", "nearly", "think", "thought", "meaning", "mean", "meant", "intend", "intending"}
    | {"hope", "hoping", "try", "trying", "tried"}
)
"""Before Calvin's "write" or "make", words that make it a plan, not a page: "Tomorrow I'm going to make her...";
or a page not written: "I almost typed that...", "I should have written that..."."""

SIZE_AND_AGE = frozenset({"little", "old", "young", "big", "small", "tiny", "poor", "sweet", "lovely", "pretty", "new"})
"""Adjectives before a noun that never describe her mood: "a little dance", "her old fear", "my sweet Ruby"."""
