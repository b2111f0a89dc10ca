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
from bisect import bisect_left
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
    bytes, not built into one set: building one took longer than the rest of verifying a replay. The words sharing a
    typed word's first letter are found by halves once and kept as a sorted tuple of their bytes (a few thousand),
    which `bisect` searches in C. By first letter, not by two: typos make new two-letter starts all the time (a fresh
    page made four), and each cost a search by halves in Python, a tenth of reading the page; there are 26 letters."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._text = b""
        self._start = -1
        self._lines: dict[str, tuple[bytes, ...]] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isascii() or not word.isalpha():
            return False
        start = word[:1]
        lines = self._lines.get(start)
        if lines is None:
            lo, hi = self._span(start)
            lines = self._lines[start] = tuple(self._text[lo:hi].split())  # a tuple: the collector stops walking it
        wanted = word.encode("ascii")
        at = bisect_left(lines, wanted)
        return at < len(lines) and lines[at] == wanted

    def _span(self, start: str) -> tuple[int, int]:
        """Where the words beginning with `start` lie in the file: from the first line at or after it to the first at
        or after it followed by a byte past every letter."""
        if self._start < 0:
            self._load()
        wanted = start.encode("ascii")
        first = self._first_from(wanted, self._start, len(self._text))
        return first, self._first_from(wanted + b"\x7f", first, len(self._text))

    def _first_from(self, wanted: bytes, lo: int, hi: int) -> int:
        """Where the first line between `lo` and `hi` (both where lines begin) that sorts at or after `wanted` begins,
        or `hi` if none does."""
        text = self._text
        limit = hi
        while lo < hi:
            mid = (lo + hi) // 2
            begin = max(text.rfind(b"\n", lo, mid) + 1, lo) if mid > lo else lo
            end = text.find(b"\n", begin)
            end = len(text) if end < 0 else end
            if text[begin:end] < wanted:
                lo = end + 1
            else:
                hi = begin
        return min(lo, limit)

    def _load(self) -> None:
        with open(self.path, "rb") as handle:
            text = handle.read()
        start = 0
        while text.startswith(b"#", start):
            start = text.index(b"\n", start) + 1
        self._text, self._start = text, start


_ENGLISH = EnglishWords(os.path.join(os.path.dirname(__file__), "common_words.txt"))  # no `pathlib`: game/paths.py


def common_words() -> EnglishWords:
    return _ENGLISH
