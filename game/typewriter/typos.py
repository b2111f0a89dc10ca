"""Small typos, found so that a repair always lands on a word the reader needs ("sadd" is "sad"), never on a frequent
English word ("add").

A deletion index (the SymSpell idea) over the lexicon's own words: a page costs a few dictionary lookups per word,
and the index is built only when a page first holds a word the lexicon does not know.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import combinations

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
    """Every spelling of `word` with up to `depth` (at most two) letters left out; shared by the three vocabularies a
    typo is tried against (grammar, names, the lexicon), so each typed word is taken apart once. The spellings that
    leave out n letters are the word's letters taken `len - n` at a time, in order: made in C."""
    if depth <= 0:
        return frozenset((word,))
    found = {word, *map("".join, combinations(word, max(len(word) - 1, 0)))}
    if depth >= 2:
        found.update(map("".join, combinations(word, max(len(word) - 2, 0))))
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
        self._reach: frozenset[tuple[str, int]] = frozenset()
        self._deep_reach: frozenset[tuple[str, int]] = frozenset()
        self._cache: dict[str, str | None] = {}

    def __getstate__(self) -> dict[str, object]:
        """The deletion index is left out of the story cache: most pages never search for a typo, and it was most of
        what the cache had to read back."""
        return {"forms": self.forms, "words": self.words, "protected": self.protected, "deep": self.deep}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._index = None
        self._reach = self._deep_reach = frozenset()
        self._cache = {}

    @property
    def index(self) -> dict[str, set[str]]:
        if self._index is None:
            self._index = {}
            reach: set[tuple[str, int]] = set()
            deep_reach: set[tuple[str, int]] = set()
            for word in self.forms:
                own = typo_allowance(word)
                for variant in _deletes(word, 2 if len(word) >= 8 and own else own):
                    self._index.setdefault(variant, set()).add(word)
                if own:
                    size = len(word)
                    reach.update((word[0], near) for near in range(size - 2, size + 3))
                    if size >= 8:
                        deep_reach.update((word[0], near) for near in range(max(8, size - 2), size + 3))
            self._reach, self._deep_reach = frozenset(reach), frozenset(deep_reach)
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
        index = self.index
        if (word[0], len(word)) not in self._reach:
            return None  # no word here starts with its letter and is within two letters of its length: none can be near
        # one edit first: almost every typo is one, and the two-edit search costs the square of the word's length
        found = self._best(index, word, 1, allowance)
        deeper = allowance if len(word) < 5 or not self.deep else max(allowance, 2 if len(word) >= 6 else 1)
        if found is None and deeper > 1 and (word[0], len(word)) in self._deep_reach:
            # Only a word of 8 letters or more may be two edits away (below that the limit is one), and any word one
            # edit away shares a one-letter deletion with it, so the search above already saw and refused it. Such a
            # long word's deletions are 6 letters or more, which a typed word of 7 or fewer reaches in one deletion,
            # so here too the search above saw it: only a typed word of 8 letters or more can find anything new.
            found = self._best(index, word, deeper, allowance)
        return self.forms[found] if found else None

    def _best(self, index: dict[str, set[str]], word: str, depth: int, allowance: int) -> str | None:
        variants = index.keys() & _deletes(word, depth)  # the few spellings the index holds, found in one step
        if not variants:
            return None  # two searches in five: no known word shares a spelling with this one
        candidates: set[str] = set()
        for variant in variants:
            candidates |= index[variant]
        best: tuple[int, int, str] | None = None
        first, size = word[0], len(word)
        for candidate in candidates:
            if candidate[0] != first:
                continue
            own = typo_allowance(candidate)
            if own == 0:
                continue
            if size <= 3 and len(candidate) != size + 1 and not (len(candidate) == size and sorted(candidate) == sorted(word)):
                continue  # a three-letter typo is a letter left out ("dor": door) or two swapped ("teh"), never changed (dog)
            # "rember": long words lose two letters as easily as one
            limit = 2 if size >= 6 and len(candidate) >= 8 else min(allowance, own)
            distance = damerau(word, candidate, limit)
            if distance > limit:
                continue
            # among equally near words, the one that keeps more of the start: slips happen further in ("cryng" is
            # "crying", not "cring[e]")
            ranked = (distance, -_common_prefix(word, candidate), candidate)
            if best is None or ranked < best:
                best = ranked
        return best[2] if best else None
