"""The one door to the record-class library (ducktools-classbuilder, a 0.x release with one maintainer).

Every record of the game (story model, state, events, saves) is declared with these names and nothing imports the
library elsewhere, so replacing it (by the standard library's dataclasses, should its start-up cost stop mattering or
the library stop being kept) is a change to this file, not to seventy. Its version is bounded in pyproject.toml: a
0.x minor may change what these do.

The library writes each record class's methods (`__init__`, `__eq__`...) as Python source when first used and
`exec`s it; a cached `replay --verify` made 25 of them, 7% of the verify itself. Here that source is compiled
once per text into `METHODS`, which the story cache keeps between processes as Python keeps bytecode
(`game.persistence.story_cache`). Only where the code comes from changes: the same source, run the same way, makes
the same methods.
"""

from __future__ import annotations

from types import CodeType
from typing import Any

from ducktools.classbuilder import GeneratedCode, MethodMaker
from ducktools.classbuilder.prefab import as_dict, attribute, prefab, replace

__all__ = ["METHODS", "as_dict", "attribute", "make_every_method", "prefab", "replace"]


class MethodCode(dict[str, CodeType]):
    """The code of each method source, by its text: a class's fields are names in that text, so each record class
    has its own (a hundred or so in all)."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: set[str] = set()
        """Sources this process ran that the memo lacked: compiled only when the memo is saved, since the first
        `compile()` of a process sets up Python's syntax-tree types, which alone cost a third of the methods."""

    def adopt(self, stored: dict[str, CodeType]) -> None:
        """Take the code an earlier process saved: what this one ran before (at import) is pending only if the
        file lacks it."""
        if len(stored) < _METHOD_LIMIT:
            self.update(stored)
        self.pending.difference_update(stored)

    def compile_pending(self) -> None:
        for source in sorted(self.pending):
            if len(self) >= _METHOD_LIMIT:
                self.clear()
            # as the library's own `exec(source)` compiles it: no `__future__` flag of this module is inherited
            self[source] = compile(source, "<string>", "exec", dont_inherit=True)
        self.pending.clear()


_METHOD_LIMIT = 1024
"""Sources the memo (and the story cache's file) keeps: the game's records need about a hundred."""
METHODS = MethodCode()


def _generate(self: GeneratedCode) -> Any:
    """`GeneratedCode.generate`, with the compiled source taken from `METHODS` when it is there."""
    made: dict[str, Any] = {}
    code = METHODS.get(self.source_code)
    if code is None:
        METHODS.pending.add(self.source_code)
        exec(self.source_code, self.globs, made)  # the library's own generated source, as it runs it
    else:
        exec(code, self.globs, made)
    return made.popitem()[1]


setattr(GeneratedCode, "generate", _generate)  # noqa: B010  # replaces the library's method of the same meaning


def make_every_method(cls: type) -> None:
    """Make now each method of a record class that is still to be made at first use, so their code is in `METHODS`."""
    for name, value in list(vars(cls).items()):
        if isinstance(value, MethodMaker):
            getattr(cls, name)
