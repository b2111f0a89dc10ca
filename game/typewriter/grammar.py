"""The closed classes of English the reader needs: the small words that say who acts, whether it is so, and how.

Open-class words (what she is, what she does) belong to a story's lexicon; these belong to the language, so they live
here once for every story. Every entry is a lower-case word as it is typed, after contractions are opened.
"""

from __future__ import annotations

SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that", "there", "here"})
OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them", "it"})
POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their", "its"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "every", "each", "some", "any", "all", "both", "another", "no",
     "one", "two", "three", "many", "most", "several", "few", "such", "what", "which", "whose", "whatever"}
)
NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "noone"})
"""Subjects and objects that deny what they take part in: "nothing makes her happy", "she fears nothing"."""
OTHER_NOUN_PHRASES = frozenset(
    {"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "people", "everything", "something",
     "anything", "nothing", "nobody", "noone", "none", "who", "what", "which", "whoever", "one"}
)
BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
AUXILIARIES = BE | frozenset(
    {"do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "shall", "should", "may", "might",
     "must", "ought"}
)
LINKING = frozenset(
    {"seem", "look", "feel", "become", "get", "grow", "stay", "remain", "turn", "sound", "appear", "act", "go", "fall",
     "keep", "come", "prove", "end", "wake", "sit", "lie"}
)
"""Verbs (stems) after which an adjective says what the subject is: "she seems happy", "she grows sad", "she falls in love".
`be` is tested apart, because "is" + -ing is a tense, not a description ("she is wearing blue jeans")."""
IRREALIS_MODALS = frozenset({"might", "may", "should", "ought", "could", "would", "must"})
"""Modals that say what could be, not what is. `could not`, `would never` and `must` + be (a conclusion) still assert."""
IRREALIS_VERBS = frozenset(
    {"want", "wish", "hope", "try", "attempt", "plan", "intend", "pretend", "long", "yearn", "dream", "imagine",
     "suppose", "expect", "aim", "mean", "wanna", "desire", "seek", "ache", "strive", "struggle", "need", "deserve",
     "threaten", "promise", "offer", "ask", "beg", "dare", "fake", "act", "claim", "tend"}
)
"""Verbs (stems) whose "to"-complement has not happened: "she wants to dance", "she pretends to be happy"."""
IRREALIS_ADJECTIVES = frozenset({"free", "able", "ready", "eager", "keen", "afraid", "scared", "about", "supposed", "likely",
                                "unlikely", "willing", "unable", "desperate", "dying"})
REPORTING = frozenset(
    {"think", "believe", "say", "claim", "insist", "suspect", "guess", "suppose", "imagine", "assume", "wonder", "ask",
     "hear", "read", "doubt", "worry", "hope", "wish", "dream", "pretend", "swear", "promise", "admit", "agree", "complain",
     "whisper", "shout", "scream", "mention", "explain", "announce", "reply", "answer", "joke", "lie", "argue", "tell",
     "fear", "expect", "predict", "bet", "reckon", "feel", "decide", "confess", "deny", "yell", "hint",
     "warn", "convince", "figure", "fantasize", "fantasise", "insist", "murmur", "mutter", "tweet",
     "text", "blog", "gossip", "rumor", "rumour", "report", "state", "declare", "suggest", "remark"}
)
"""Verbs (stems) whose complement clause is someone's words or belief, not the page's: "Harry thinks she is sad"."""
CAUSATIVES = frozenset(
    {"make", "let", "have", "get", "help", "force", "cause", "keep", "leave", "drive", "write", "watch", "see", "hear",
     "notice", "find", "catch", "send", "set", "turn", "render", "bid", "order", "command", "teach", "train", "compel"}
)
"""Verbs (stems) whose object is the one who does or is what follows: "he makes her dance", "I find her crying"."""
EXPERIENCE_VERBS = frozenset(
    {"fill", "overwhelm", "overcome", "consume", "grip", "seize", "wash", "come", "sweep", "flood", "rush", "flow", "run",
     "stream", "roll", "pour", "spread", "creep", "settle", "take", "possess", "engulf", "envelop", "radiate", "shine",
     "light", "course", "surge", "well", "fall", "trickle", "wrap", "haunt", "strike", "hit", "descend"}
)
"""Verbs (stems) by which a feeling happens to her: "joy fills her", "a great calm comes over her"."""
COORDINATORS = frozenset({"and", "or", "but", "yet", "nor", "plus", "then"})
CONTRASTS = frozenset({"but", "yet", "although", "though", "however", "whereas", "while"})
CONDITIONALS = frozenset({"if", "unless", "whether", "suppose", "supposing", "provided", "lest"})
"""A sentence with one of these states a condition or a possibility: it asserts nothing (docs/typewriter.md)."""
NON_ASSERTING_SUBORDINATORS = frozenset({"when", "whenever", "until", "till", "before", "after", "once", "as soon as",
                                         "every time", "each time", "the moment", "as long as", "in case", "so that",
                                         "as if", "as though", "even if", "any time", "anytime"})
"""Clauses that say when or on what condition, not that: "when she is sad, she sings" asserts only `sings`."""
ASSERTING_SUBORDINATORS = frozenset({"because", "since", "although", "though", "even though", "while", "whereas", "as",
                                     "cause", "cuz", "so"})
SUBORDINATOR_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in NON_ASSERTING_SUBORDINATORS | ASSERTING_SUBORDINATORS | CONDITIONALS:
    _words = tuple(_phrase.split())
    SUBORDINATOR_WORDS.setdefault(_words[0], ())
    SUBORDINATOR_WORDS[_words[0]] = tuple(sorted({*SUBORDINATOR_WORDS[_words[0]], _words}, key=len, reverse=True))
RELATIVES = frozenset({"who", "that", "which", "whom"})
PREPOSITIONS = frozenset(
    {"in", "at", "on", "after", "before", "during", "by", "from", "for", "with", "without", "since", "through", "across",
     "around", "into", "onto", "over", "under", "behind", "beside", "near", "about", "of", "to", "toward", "towards",
     "against", "among", "between", "beyond", "inside", "outside", "past", "upon", "within", "throughout", "like", "than",
     "as"}
)
INTRODUCTORY = frozenset(
    {"yes", "yeah", "yep", "yup", "oh", "well", "now", "then", "today", "tonight", "suddenly", "finally", "also", "still",
     "so", "and", "but", "later", "soon", "meanwhile", "sometimes", "often", "usually", "always", "ok", "okay",
     "plus", "anyway", "besides", "instead", "afterwards", "afterward", "eventually", "lately", "recently", "tomorrow",
     "yesterday", "already", "again", "somehow", "honestly", "really", "actually", "clearly", "obviously", "luckily",
     "thankfully", "morning", "night", "day", "evening", "every", "each", "all", "this", "that", "next", "last",
     "one", "week", "year", "month", "from", "on", "wow", "hey", "ah", "alas", "please", "just", "even", "thus", "hence",
     "therefore", "now,"}
)
TIME_NOUNS = frozenset({"morning", "night", "day", "evening", "afternoon", "week", "weekend", "year", "month", "time", "moment",
                        "minute", "hour", "summer", "winter", "spring", "autumn", "fall", "season", "sunday", "monday",
                        "tuesday", "wednesday", "thursday", "friday", "saturday", "dawn", "dusk", "noon", "midnight", "today",
                        "tonight", "tomorrow", "yesterday", "once", "twice", "while"})
PEOPLE = frozenset(
    {"mother", "mom", "mum", "mama", "father", "dad", "papa", "brother", "sister", "friend", "friends", "boyfriend",
     "girlfriend", "husband", "wife", "ex", "family", "parents", "parent", "aunt", "uncle", "cousin", "grandmother",
     "grandma", "grandfather", "grandpa", "son", "daughter", "neighbor", "neighbour", "neighbors", "neighbours", "boss",
     "teacher", "doctor", "therapist", "roommate", "date", "lover", "partner", "fan", "fans", "agent", "editor", "publisher",
     "dog", "cat", "puppy", "pet", "dogs", "cats", "bird", "kid", "kids", "child", "children", "baby", "nephew", "niece",
     "coworker", "colleague", "classmate", "guest", "guests", "visitor", "landlord", "waiter", "waitress", "stepmother",
     "stepfather", "folks", "relatives", "sibling", "siblings", "pal", "pals", "buddy", "crush", "man", "woman", "guy",
     "girl", "boy", "people", "everyone", "somebody", "someone", "stepdad", "stepmom", "fiance", "fiancee", "exes",
     "students", "student", "customers", "customer", "stranger", "strangers", "men", "women", "girls", "boys", "person"}
)
"""People and animals: an object that keeps a verb's everyday sense ("she draws the children")."""
POSSESSIONS = frozenset(
    {"book", "novel", "painting", "paintings", "art", "drawing", "drawings", "story", "character", "page", "pages", "house",
     "car", "plants", "garden", "room", "apartment", "work", "job", "phone", "song", "songs", "music", "cooking", "food",
     "dress", "clothes", "shoes", "hair", "jeans", "shirt", "coat", "hat", "cat", "bike", "plan", "plans", "idea", "ideas"}
)
PERSON_NOUNS = PEOPLE | POSSESSIONS
"""Nouns whose owner is not their subject: "her mother is sad" is about her mother, "her heart is light" about her.
Things she owns or makes are here too: "her painting is sad" says nothing about her."""
EMOTION_CARRIERS = frozenset({"heart", "face", "eyes", "mind", "soul", "spirit", "spirits", "mood", "voice", "smile", "laugh",
                              "laughter", "cheeks", "lips", "hands", "whole", "body", "world", "head", "memory", "memories",
                              "french", "tears", "expression", "demeanor", "demeanour", "attitude", "nerves", "blood",
                              "outlook", "self", "life", "days", "nights", "heartbeat", "breath", "knees", "legs", "feet"})
INTERJECTION_NO = frozenset({"no", "nope", "nah", "never"})
INTERJECTION_YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "certainly", "absolutely", "definitely", "indeed", "of",
                              "course", "totally", "obviously", "aye", "ya", "yea"})


def _stems(words: frozenset[str]) -> frozenset[str]:
    from game.typewriter.words import stem

    return frozenset(stem(word) for word in words)


LINKING_STEMS = _stems(LINKING)
IRREALIS_VERB_STEMS = _stems(IRREALIS_VERBS)
REPORTING_STEMS = _stems(REPORTING)
CAUSATIVE_STEMS = _stems(CAUSATIVES)
EXPERIENCE_STEMS = _stems(EXPERIENCE_VERBS)
"""The verb classes as the reader compares them: by stem, so every form counts ("made her", "makes her")."""
IRREALIS_ADVERBS = frozenset({"maybe", "perhaps", "possibly", "probably", "hopefully", "supposedly", "allegedly", "someday",
                              "one day"})
"""Adverbs that make what follows a guess or a hope: "maybe she forgets"."""
FUNCTION_WORDS = frozenset(
    """a about above across after again against all almost alone along already also although always am among an and
    another any anybody anyone anything anyway anywhere are around as at away back be because been before behind being
    below beside besides between beyond both but by can cannot could did do does doing done down during each either else
    enough even ever every everybody everyone everything everywhere few for from further had has have having he her here
    hers herself him himself his how however i if in inside instead into is it its itself just least less like many may
    me might mine more most much must my myself near neither never next no nobody none nor not nothing now nowhere of off
    often on once one only onto or other others otherwise our ours ourselves out outside over own per perhaps quite rather
    same shall she should since so some somebody someone something sometimes somewhere soon still such than that the their
    theirs them themselves then there these they this those though through throughout thus till to together too toward
    towards under until up upon us very was we well were what whatever when whenever where wherever whether which while
    who whoever whole whom whose why will with within without would yet you your yours yourself yourselves ok okay yes no
    oh ah hey wow gosh hmm um uh gonna wanna""".split()
)
"""The words of English that carry grammar, not content: always known, never read as a typo of a lexicon word."""
