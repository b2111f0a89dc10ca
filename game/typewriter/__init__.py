"""The typewriter: reads what Calvin writes, so the engine can make it true. No Textual, no I/O: pure text in, data out."""

from game.typewriter.interpreter import read_page
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, SentenceReading, TraitReading

__all__ = ["MAX_PAGE_CHARS", "PageReading", "SentenceReading", "TraitReading", "read_page"]
