"""The scenes of a playthrough so far: an immutable sequence that grows by sharing.

Every step adds an entry to the history or rewrites its last one (the action taken there). Kept as a tuple, each step
copied all of it, so a run cost the square of its length; here a step makes one small node that points at the history
before it, and the states before and after a step (and every state undo keeps) share the rest.

Generic in what it holds, so this module needs nothing of the state's (`State.history` is a `History[HistoryEntry]`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast, overload

T = TypeVar("T")


class History(Sequence[T]):
    __slots__ = ("_before", "_last", "_make", "length")

    def __init__(self, entries: Iterable[T] = ()) -> None:
        self._before: History[T] | None = None
        self._last: Any = None
        """The last entry; or, while `_make` is set, the arguments it is to be made from when first read."""
        self._make: Callable[..., T] | None = None
        self.length = 0
        """How many entries: read it where `len()` or a truth test would do in a step, as those call a Python method."""
        items = tuple(entries)
        if items:
            before: History[T] = History()
            for entry in items[:-1]:
                before = before.appended(entry)
            self._before, self._last, self.length = before, items[-1], len(items)

    def appended(self, entry: T) -> History[T]:
        node: History[T] = History.__new__(History)
        node._before, node._last, node.length, node._make = self, entry, self.length + 1, None
        return node

    def appended_later(self, make: Callable[..., T], args: tuple[Any, ...]) -> History[T]:
        """`appended(make(*args))`, with the entry made when first read: a step adds the scene it shows and the next
        step rewrites it with the action taken there, so making each entry at once made two records a step, and a
        random playthrough reads none of them."""
        node: History[T] = History.__new__(History)
        node._before, node._last, node.length, node._make = self, args, self.length + 1, make
        return node

    def later(self) -> tuple[Any, ...] | None:
        """The arguments the last entry is still to be made from (see `appended_later`), or None once it is made."""
        return cast("tuple[Any, ...]", self._last) if self._make is not None else None

    def _entry(self) -> T:
        make = self._make
        if make is not None:  # made once, on first reading: the node stays the same value, only made concrete
            self._last, self._make = make(*self._last), None
        return cast(T, self._last)

    @property
    def last(self) -> T:
        """The last entry: the one a step records the player's action in (`[-1]` walks the general way, for any index)."""
        if not self.length:
            raise IndexError("the history is empty")
        return self._entry()

    def with_last(self, entry: T) -> History[T]:
        """The same history with its last entry replaced (an action recorded where the player acted)."""
        before = self._before
        if before is None:
            raise IndexError("the history is empty")
        node: History[T] = History.__new__(History)
        node._before, node._last, node.length, node._make = before, entry, self.length, None
        return node

    def with_last_later(self, make: Callable[..., T], args: tuple[Any, ...]) -> History[T]:
        """`with_last(make(*args))`, with the entry made when first read (see `appended_later`)."""
        before = self._before
        if before is None:
            raise IndexError("the history is empty")
        node: History[T] = History.__new__(History)
        node._before, node._last, node.length, node._make = before, args, self.length, make
        return node

    def without_last(self) -> History[T]:
        if self._before is None:
            raise IndexError("the history is empty")
        return self._before

    def prefix(self, length: int) -> History[T]:
        """The history as it was when it held `length` entries: shared, not copied, so comparing two prefixes of the
        same playthrough is one identity test."""
        node = self
        while node.length > length and node._before is not None:
            node = node._before
        return node

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[T]:
        entries: list[T] = []
        node: History[T] | None = self
        while node is not None and node.length:
            entries.append(node._entry())
            node = node._before
        return reversed(entries)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> History[T]: ...

    def __getitem__(self, index: int | slice) -> T | History[T]:
        if isinstance(index, slice):
            return History(tuple(self)[index])
        position = index + self.length if index < 0 else index
        if not 0 <= position < self.length:
            raise IndexError("history index out of range")
        node = self
        for _ in range(self.length - 1 - position):
            assert node._before is not None
            node = node._before
        return node._entry()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, History):
            return self is other or (self.length == other.length and tuple(self) == tuple(other))
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"History({list(self)!r})"

    def __reduce__(self) -> tuple[type[History[T]], tuple[tuple[T, ...]]]:
        """Pickled flat: a long chain of nodes would go past the recursion limit."""
        return History, (tuple(self),)
