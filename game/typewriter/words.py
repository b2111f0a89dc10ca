"""Word forms and small typos, so "spoke", "speaking" and "speeks" all reach the lexicon's "speaks".

A light suffix stemmer (not a dictionary) is enough because both the page and the lexicon go through the same one:
only agreement matters, not linguistic truth. Typos are found with a deletion index (the SymSpell idea) over the
lexicon's own words, so a page costs a few dictionary lookups per word, and a repair always lands on a word the
reader needs ("sadd" is "sad"), never on a frequent English word ("add").

Libraries measured against this (2026-11-29, this machine): lemminflect's import and first lemma take ~580 ms of
start-up for the irregular forms that `IRREGULAR` lists here; symspellpy loads its 82,765-word dictionary in ~4.4 s
and, ranking by frequency, repairs "sadd" to "add" and "rember" to "member"; simplemma's wheel is 19 MB, against a
budget of 5 MB. None beat agreement between two uses of one stemmer plus the lexicon-first repair, so none is a
dependency; WordNet (at build time, `scripts/make_word_list.py`) gives the list of real words a repair must spare.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

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

    The list is large (WordNet's words) and a page needs it only when a repair is at hand, a few times at most, so it
    is kept as the file's sorted bytes and searched by halves, not built into a set: building one took longer than the
    rest of verifying a replay."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._text = b""
        self._start = -1

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isascii() or not word.isalpha():
            return False
        if self._start < 0:
            self._load()
        wanted = word.encode("ascii")
        text = self._text
        lo, hi = self._start, len(text)
        while lo < hi:
            mid = (lo + hi) // 2
            begin = text.rfind(b"\n", lo, mid) + 1 if mid > lo else lo
            begin = max(begin, lo)
            end = text.find(b"\n", begin)
            end = len(text) if end < 0 else end
            line = text[begin:end]
            if line == wanted:
                return True
            if line < wanted:
                lo = end + 1
            else:
                hi = begin
        return False

    def _load(self) -> None:
        text = self.path.read_bytes()
        start = 0
        while text.startswith(b"#", start):
            start = text.index(b"\n", start) + 1
        self._text, self._start = text, start


_ENGLISH = EnglishWords(Path(__file__).with_name("common_words.txt"))


def common_words() -> EnglishWords:
    return _ENGLISH


LONGEST_TYPO = 30
"""Longer "words" are not English but pasted noise (a URL, a key, a held-down key) and are matched exactly: finding a
typo costs the square of a word's length, so a 20,000-letter word would have taken hours and gigabytes."""


def typo_allowance(word: str) -> int:
    """Longer words may carry more mistakes; short ones must be exact, or "sad" would read "mad"."""
    if len(word) > LONGEST_TYPO:
        return 0
    if len(word) >= 9:
        return 2
    return 1 if len(word) >= 3 else 0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def damerau(a: str, b: str, limit: int) -> int:
    """Edit distance counting a swap of neighbours as one edit; stops early past `limit` (anything over it is only
    "too far"). Within one edit, which nearly every typo is, it is decided without the full table."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if limit <= 1:
        return _within_one(a, b, limit)
    # what the two share at either end costs nothing (no edit reaches across it), so the table is only the middle
    start = _common_prefix(a, b)
    a, b = a[start:], b[start:]
    end = _common_prefix(a[::-1], b[::-1])
    a, b = a[: len(a) - end], b[: len(b) - end]
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _within_one(a: str, b: str, limit: int) -> int:
    """`damerau` for a limit of one (or none): 0, 1, or `limit + 1` for farther."""
    if a == b:
        return 0
    if limit < 1:
        return limit + 1
    if len(a) == len(b):
        first = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
        if a[first + 1 :] == b[first + 1 :]:
            return 1  # one letter changed
        swapped = first + 1 < len(a) and a[first] == b[first + 1] and a[first + 1] == b[first]
        return 1 if swapped and a[first + 2 :] == b[first + 2 :] else limit + 1  # two neighbours swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    first = next((i for i, (x, y) in enumerate(zip(shorter, longer, strict=False)) if x != y), len(shorter))
    return 1 if longer[first + 1 :] == shorter[first:] else limit + 1  # one letter added or left out


@lru_cache(maxsize=256)
def _deletes(word: str, depth: int) -> frozenset[str]:
    """Every spelling of `word` with up to `depth` letters left out; shared by the three vocabularies a typo is tried
    against (grammar, names, the lexicon), so each typed word is taken apart once."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return frozenset(found)


class Vocabulary:
    """The words a lexicon knows, with a deletion index for finding what a misspelt word meant."""

    def __init__(self, forms: Mapping[str, str], protected: Iterable[str] = (), deep: bool = True) -> None:
        """`forms` maps every spelling the lexicon uses ("lonely", and its stem "lon") to the key it stands for;
        `deep` lets a long word lose two letters ("rember"), which only the lexicon's own words need."""
        self.deep = deep
        self.forms = dict(forms)
        self.words = frozenset(self.forms.values())
        self.protected = frozenset(protected)
        self._index: dict[str, set[str]] | None = None
        self._cache: dict[str, str | None] = {}

    def __getstate__(self) -> dict[str, object]:
        """The deletion index is left out of the story cache: most pages never search for a typo, and it was most of
        what the cache had to read back."""
        return {"forms": self.forms, "words": self.words, "protected": self.protected, "deep": self.deep}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._index = None
        self._cache = {}

    @property
    def index(self) -> dict[str, set[str]]:
        if self._index is None:
            self._index = {}
            for word in self.forms:
                for variant in _deletes(word, 2 if len(word) >= 8 and typo_allowance(word) else typo_allowance(word)):
                    self._index.setdefault(variant, set()).add(word)
        return self._index

    def correct(self, word: str) -> str | None:
        """The known word `word` was meant to be, or None: deterministic (nearest, then alphabetical)."""
        if word in self._cache:
            return self._cache[word]
        result = None if word in self.protected else self._nearest(word)
        if len(self._cache) < 50_000:
            self._cache[word] = result
        return result

    def _nearest(self, word: str) -> str | None:
        if word in self.forms:
            return self.forms[word]
        allowance = typo_allowance(word)
        if allowance == 0:
            return None
        # one edit first: almost every typo is one, and the two-edit search costs the square of the word's length
        found = self._best(word, 1, allowance)
        deeper = allowance if len(word) < 5 or not self.deep else max(allowance, 2 if len(word) >= 6 else 1)
        if found is None and deeper > 1:
            found = self._best(word, deeper, allowance)
        return self.forms[found] if found else None

    def _best(self, word: str, depth: int, allowance: int) -> str | None:
        candidates: set[str] = set()
        index = self.index
        for variant in _deletes(word, depth):
            found = index.get(variant)
            if found:
                candidates |= found
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            if candidate[0] != word[0] or typo_allowance(candidate) == 0:
                continue
            swapped = len(candidate) == len(word) and sorted(candidate) == sorted(word)
            if len(word) <= 3 and len(candidate) != len(word) + 1 and not swapped:
                continue  # a three-letter typo is a letter left out ("dor": door) or two swapped ("teh"), never changed (dog)
            limit = min(allowance, typo_allowance(candidate))
            if len(word) >= 6 and len(candidate) >= 8:
                limit = 2  # "rember": long words lose two letters as easily as one
            distance = damerau(word, candidate, limit)
            # among equally near words, the one that keeps more of the start: slips happen further in ("cryng" is
            # "crying", not "cring[e]")
            ranked = (distance, -_common_prefix(word, candidate), candidate)
            if distance <= limit and (best is None or ranked < best):
                best = ranked
        return best[2] if best else None
