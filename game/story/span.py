"""Where a node of a story came from (`Span`), in a module of its own with no `from __future__ import annotations`.

A named tuple's fields are read by `typing`, which turns a field's annotation written as text into a `ForwardRef` by
calling `compile()`; the first `compile()` of a process builds Python's syntax-tree types, which cost as much as all
of `game.story.model` (9M instructions, a thirtieth of a cached `replay --verify`, where nothing else compiles). Here
the annotations are the types themselves, so nothing is compiled; the typewriter's named tuples do the same.
"""

from typing import Any, NamedTuple


class Span(NamedTuple):
    """Where a node came from, so that errors found after loading still name a file, line and column.

    A named tuple, not a record class: a story holds thousands, and the story cache reads each back as one tuple."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[Any, ...]:
        """Unpickled by `tuple.__new__` itself, with no call into Python for each (a named tuple's own way runs its
        `__new__`)."""
        return tuple.__new__, (Span, (self.file, self.line, self.column))
