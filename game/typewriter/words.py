"""Word forms and small typos, so "spoke", "speaking" and "speeks" all reach the lexicon's "speaks".

A light suffix stemmer (not a dictionary) is enough because both the page and the lexicon go through the same one:
only agreement matters, not linguistic truth. Typos are found in `typos` (a deletion index over the lexicon's own
words), which uses the list of common English words kept here to spare real words.

Libraries measured against this (2026-11-29, this machine): lemminflect's import and first lemma take ~580 ms of
start-up for the irregular forms that `IRREGULAR` lists here; symspellpy loads its 82,765-word dictionary in ~4.4 s
and, ranking by frequency, repairs "sadd" to "add" and "rember" to "member"; simplemma's wheel is 19 MB, against a
budget of 5 MB. None beat agreement between two uses of one stemmer plus the lexicon-first repair, so none is a
dependency; WordNet (at build time, `scripts/make_word_list.py`) gives the list of real words a repair must spare.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from functools import lru_cache

IRREGULAR = {
    "an": "a",  # "an absolute wreck" is "a wreck"
    "quite": "quite",  # not "quit": "not quite herself" is one denial, not two
    "spoke": "speak",
    "spoken": "speak",
    "forgot": "forget",
    "forgotten": "forget",
    "drew": "draw",
    "drawn": "draw",
    "felt": "feel",
    "fell": "fall",
    "fallen": "fall",
    "ran": "run",
    "came": "come",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "won": "win",
    "stole": "steal",
    "stolen": "steal",
    "sent": "send",
    "spent": "spend",
    "paid": "pay",
    "struck": "strike",
    "woken": "wake",
    "forgiven": "forgive",
    "shone": "shine",
    "flown": "fly",
    "wrote": "write",
    "written": "write",
    "made": "make",
    "became": "become",
    "left": "leave",
    "knew": "know",
    "known": "know",
    "thought": "think",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "been": "be",
    "being": "be",
    "got": "get",
    "gotten": "get",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "said": "say",
    "says": "say",
    "had": "have",
    "has": "have",
    "did": "do",
    "does": "do",
    "done": "do",
    "lost": "lose",
    "stood": "stand",
    "sang": "sing",
    "sung": "sing",
    "grew": "grow",
    "grown": "grow",
    "kept": "keep",
    "slept": "sleep",
    "wept": "weep",
    "understood": "understand",
    "clung": "cling",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "found": "find",
    "heard": "hear",
    "held": "hold",
    "meant": "mean",
    "met": "meet",
    "saw": "see",
    "seen": "see",
    "sat": "sit",
    "fled": "flee",
    "fought": "fight",
    "began": "begin",
    "begun": "begin",
    "hid": "hide",
    "hidden": "hide",
    "shook": "shake",
    "woke": "wake",
    "swore": "swear",
    "sworn": "swear",
    "bore": "bear",
    "stuck": "stick",
    "hung": "hang",
    "spun": "spin",
    "sank": "sink",
    "sunk": "sink",
    "told": "tell",
    "sought": "seek",
    "brought": "bring",
    "bought": "buy",
    "caught": "catch",
    "taught": "teach",
    "led": "lead",
    "fed": "feed",
    "dreamt": "dream",
    "burnt": "burn",
    "let": "let",
    "put": "put",
    "drove": "drive",
    "driven": "drive",
    "rode": "ride",
    "chose": "choose",
    "chosen": "choose",
    "froze": "freeze",
    "frozen": "freeze",
    "broke": "break",
    "broken": "break",
    "threw": "throw",
    "thrown": "throw",
    "blew": "blow",
    "flew": "fly",
    "forgave": "forgive",
    "misunderstood": "misunderstand",
    "wore": "wear",
    "worn": "wear",
    "tore": "tear",
    "torn": "tear",
    "swam": "swim",
    "rang": "ring",
    "lay": "lie",
    "lain": "lie",
    "laid": "lay",
    "danced": "dance",
    "children": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "lonelier": "lonely",
    "loneliest": "lonely",
    "happier": "happy",
    "happiest": "happy",
    "sadder": "sad",
    "saddest": "sad",
    "better": "good",
    "best": "good",
    "freer": "free",
    "freest": "free",
    "freely": "free",
    "freedom": "free",
}
SUFFIXES = (
    ("iness", "y"),
    ("iest", "y"),
    ("ier", "y"),
    ("ily", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("fulness", "ful"),
    ("ness", ""),
    ("ment", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ing", ""),
    ("ly", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)
KEEP_ENDINGS = ("ss", "us", "is", "ous")
_ENDINGS = tuple(suffix for suffix, _ in SUFFIXES)


_IRREGULAR_FORMS: dict[str, set[str]] = {}
for _form, _base in IRREGULAR.items():
    _IRREGULAR_FORMS.setdefault(_base, set()).add(_form)


def irregular_forms(verb: str) -> frozenset[str]:
    """ "forget": forgot, forgotten. A typo of one of them ("frogot") is searched among the lexicon's words too."""
    return frozenset(_IRREGULAR_FORMS.get(verb, ()))


def inflections(verb: str) -> frozenset[str]:
    """Every form a verb takes ("pine": pines, pined, pining): its stem is shared with other words ("pins"), so a page
    word that stems like a lexicon verb must also be one of its forms to be read as it."""
    forms = {
        verb,
        verb + "s",
        verb + "es",
        verb + "d",
        verb + "ed",
        verb + "ing",
        verb + verb[-1:] + "ing",
        verb + verb[-1:] + "ed",
    }
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith("ie"):
        forms.add(verb[:-2] + "ying")
    forms |= irregular_forms(verb)
    return frozenset(forms)


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A shared key for the forms of one word: speaks/speaking/spoke -> speak, happiness/happily -> happy."""
    if word in IRREGULAR:
        # through the same tidy step as every other form, so "has" and "have" (hav), "made" and "make" agree
        return stem(IRREGULAR[word]) if IRREGULAR[word] != word else IRREGULAR[word]
    if len(word) <= 3:
        return word
    if not word.endswith(_ENDINGS):
        return _tidy(word)  # no suffix at all (most typos): one test in C instead of one per suffix
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= 3:
            if suffix in ("es", "s") and word.endswith(KEEP_ENDINGS):
                break
            if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                suffix, replacement = "s", ""
            base = word[: len(word) - len(suffix)] + replacement
            if suffix == "s" and len(base) > 3:
                return stem(base)  # a plural is its singular's stem: "compliments" and "compliment" agree
            return _tidy(base)
    return _tidy(word)


def _tidy(base: str) -> str:
    """Undo the spelling changes suffixes make: lov(e), stopp(ed), so love/loved/loving agree."""
    if len(base) > 3 and base.endswith("e") and not base.endswith("ee"):
        base = base[:-1]
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        base = base[:-1]
    return base


class EnglishWords:
    """Real words that are never read as a typo of a lexicon word, however close: "point" must not become "paint".

    The list is large (WordNet's words) and a page needs only a few of its words, so it is kept as the file's sorted
    bytes, not built into one set: building one took longer than the rest of verifying a replay. Nor is any part of
    it cut into words: cutting the words of each first letter into a tuple, when a page first asked for that letter,
    was 5% of reading a fresh page (every page of a fresh process meets new letters). Only the first word of every
    `BLOCK` bytes of the file is kept (some 850, sliced once); `bisect` finds in C the one block a word can be in, and
    the word is looked for, also in C, in that block's kilobyte."""

    BLOCK = 1024

    def __init__(self, path: str) -> None:
        self.path = path
        self._text = b""
        self._starts: list[int] = []
        """Where each block's first line begins in `_text` (each after a line break), and last where the text ends."""
        self._firsts: list[bytes] = []
        """The first word of each block, in order."""

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isascii() or not word.isalpha():
            return False
        if not self._starts:
            self._load()
        wanted = word.encode("ascii")
        block = bisect_right(self._firsts, wanted) - 1
        if block < 0:
            return False
        return self._text.find(b"\n" + wanted + b"\n", self._starts[block] - 1, self._starts[block + 1]) >= 0

    def _load(self) -> None:
        with open(self.path, "rb") as handle:
            text = b"\n" + handle.read().rstrip(b"\n") + b"\n"  # every word between two line breaks
        start = 1
        while text.startswith(b"#", start):
            start = text.index(b"\n", start) + 1
        # a line is shorter than a block, so each block starts a line of its own; the last ends at the end of the text
        starts = [start, *(text.index(b"\n", at) + 1 for at in range(start + self.BLOCK, len(text), self.BLOCK))]
        if starts[-1] < len(text):
            starts.append(len(text))
        self._firsts = [text[line : text.index(b"\n", line)] for line in starts[:-1]]
        self._text, self._starts = text, starts


_ENGLISH = EnglishWords(os.path.join(os.path.dirname(__file__), "common_words.txt"))  # no `pathlib`: game/paths.py


def common_words() -> EnglishWords:
    return _ENGLISH
