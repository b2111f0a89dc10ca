"""A story's lexicon compiled for reading, owned by the typewriter: the index and what reading pages learns about it.

The index (`lexicon_index`) is built once from the story's lexicon and characters. Reading then keeps a few tables
that only grow and never change a reading: how each typed word normalises (typo search is the slow part), the page
readings already made, which patterns each stem starts, and how each word moves "him". They live here, in one object
per story that its owner keeps, rather than in module-level memos or inside the frozen story.
"""

# No `from __future__ import annotations`: the named tuple below is made with nothing compiled (see game.story.span).

import functools
from collections.abc import Callable, Mapping
from typing import NamedTuple

from game.story.model import Character, Lexicon
from game.typewriter.lexicon_index import NEGATION, LexiconIndex, Pattern, build_index
from game.typewriter.reading import PageReading

REMEMBERED_PAGES = 4096
REMEMBERED_PAGE_CHARS = 2000
"""Pages up to this long are remembered (a few megabytes at most); a longer paste is rare enough to read again."""
REMEMBERED_WORDS = 100_000
"""How many typed words each memo keeps: a long paste of noise must not grow them without end."""


class Starts(NamedTuple):
    """The patterns a stem starts, numbered in the index's order (the order matches are reported in).

    A phrase that needs a further stem is filed under it (the longest, as the rarest), so a sentence without that stem
    never tries it: "her" starts 44 patterns, and a sentence holds the rest of very few of them."""

    plain: tuple[tuple[int, Pattern, bool], ...]
    """Patterns tried wherever the stem is, each with whether it is one word only (found as soon as its stem is)."""
    guarded: dict[str, tuple[tuple[int, Pattern], ...]]
    """Patterns tried only where the sentence holds the stem they are filed under."""


NO_STARTS = Starts((), {})


def _starts(key: str, patterns: list[Pattern]) -> Starts:
    plain: list[tuple[int, Pattern, bool]] = []
    guarded: dict[str, list[tuple[int, Pattern]]] = {}
    for order, pattern in enumerate(patterns):
        single = len(pattern.slots) == 1 and len(pattern.slots[0]) == 1 and len(pattern.slots[0][0]) == 1
        others = pattern.needs - {key}
        if single or not others:
            plain.append((order, pattern, single))
        else:
            guarded.setdefault(max(others, key=lambda word: (len(word), word)), []).append((order, pattern))
    return Starts(tuple(plain), {word: tuple(found) for word, found in guarded.items()})


class StartsByStem(dict[str, "Starts | None"]):
    """The patterns each stem starts (None: none), worked out when a page first holds the stem: a verify reads a few
    hundred stems of the index's 800, and working them all out at the first page was a fifth of its reading."""

    def __init__(self, patterns: Mapping[str, list[Pattern]]) -> None:
        super().__init__()
        self.patterns = patterns

    def __missing__(self, key: str) -> Starts | None:
        found = self.patterns.get(key)
        starts = None if found is None else _starts(key, found)
        if starts is not None or len(self) < REMEMBERED_WORDS:  # a long paste of noise must not grow it without end
            self[key] = starts
        return starts


class CompiledReader:
    """One story's lexicon, compiled, with the memos of reading it. Built once per story by whoever holds the story
    (`READERS` keeps one for each story in use; the story cache hands it the index it saved)."""

    def __init__(self, lexicon: Lexicon, characters: Mapping[str, Character], index: LexiconIndex | None = None) -> None:
        self.lexicon = lexicon
        self.characters = characters
        self.index = index if index is not None else build_index(lexicon, characters)
        self.pages: dict[str, PageReading] = {}
        """Pages already read, whole: the explorer types the same pages again and again, and the typewriter's margin
        reads the page so far at every finished sentence. A reading is frozen data, so it is safe to hand out twice."""
        self.words: dict[str, tuple[str, ...]] = {}
        """Typed word -> its normalised (surface, key) pairs, flattened: a page repeats its words."""
        self.roles: dict[str, str | None] = {}
        """Words already looked up as a role's word that is not a character's name ("the dog"): None for no role."""
        self.him: dict[str, str | None] = {}
        """How a word moves "him": "" back to the writer, the word itself for a new man or role, None for no change."""
        index = self.index
        self.starts = StartsByStem(index.patterns)
        """The patterns whose first word has this stem."""
        self.negated_starts: Starts = self.starts[NEGATION] or NO_STARTS
        self.her = frozenset({"she", "her", *index.subject_names})
        self.moving = frozenset(
            {"him", "he", "his", "a", "an"}
            | {name[0] for name in index.names if len(name) == 1}
            | {name[0] + "s" for name in index.names if len(name) == 1}  # "scottys her fav": the apostrophe left out
            | {word for words in index.roles.values() for word in words}
        )
        """Every word that may change whom "him" means, or stand for him (and more): a sentence without one keeps him."""
        self.writer = frozenset({"i", "me", *index.narrator_names})

    @functools.cached_property
    def denied_as(self) -> dict[str, str]:
        """Trait -> the trait its denial asserts, where the lexicon says so: a frame of `stays` is `leave` with
        `opposite`, so "Will she leave me? No." is her staying, as "she won't leave me" is. Only a plain frame (no
        object, cue or following words) counts, and the first trait the lexicon gives for a word wins."""
        denied: dict[str, str] = {}
        for trait in self.lexicon.traits:
            for frame in trait.frames:
                if not frame.opposite or frame.when or frame.with_ or frame.object:
                    continue
                words = {*frame.is_, *frame.does}
                for other in self.lexicon.traits:
                    if other.id != trait.id and any(
                        not f.opposite and not words.isdisjoint((*f.is_, *f.does)) for f in other.frames
                    ):
                        denied.setdefault(other.id, trait.id)
        return denied

    def built_for(self, lexicon: Lexicon, characters: Mapping[str, Character]) -> bool:
        return self.characters is characters and self.lexicon.traits is lexicon.traits and self.lexicon.subject == lexicon.subject

    def remember(self, text: str, reading: PageReading) -> None:
        if len(text) <= REMEMBERED_PAGE_CHARS:
            if len(self.pages) >= REMEMBERED_PAGES:
                self.pages.clear()
            self.pages[text] = reading


class Readers:
    """The compiled reader of each story in use, found by its lexicon. A process reads one story (a test, a few), so
    a handful are kept; each holds its lexicon, so a lexicon's id is never reused while its reader is kept."""

    def __init__(self, keep: int = 16) -> None:
        self.keep = keep
        self._by_lexicon: dict[int, CompiledReader] = {}
        self._promised: dict[int, tuple[Lexicon, Mapping[str, Character], Callable[[], LexiconIndex | None]]] = {}

    def reader(self, lexicon: Lexicon, characters: Mapping[str, Character]) -> CompiledReader:
        """This story's reader, compiled on first use (or handed over by the story cache with `adopt`)."""
        found = self._by_lexicon.get(id(lexicon))
        if found is not None and found.built_for(lexicon, characters):
            return found
        promised = self._promised.pop(id(lexicon), None)
        index = promised[2]() if promised is not None and promised[1] is characters else None
        return self.adopt(CompiledReader(lexicon, characters, index))

    def promise(self, lexicon: Lexicon, characters: Mapping[str, Character], index: Callable[[], LexiconIndex | None]) -> None:
        """The index of this lexicon can be had without compiling it (the story cache keeps one): `index` is called
        when a page is first read (None from it: compile after all), so a command that reads no page never pays."""
        if len(self._promised) >= self.keep:
            self._promised.clear()
        self._promised[id(lexicon)] = (lexicon, characters, index)

    def adopt(self, reader: CompiledReader) -> CompiledReader:
        if len(self._by_lexicon) >= self.keep:
            self._by_lexicon.clear()
        self._by_lexicon[id(reader.lexicon)] = reader
        return reader


READERS = Readers()
"""The typewriter's readers: one per story, built once. `read_page` asks it; the story cache hands it the index it
saved with a story, so a cached start never compiles the lexicon again."""
