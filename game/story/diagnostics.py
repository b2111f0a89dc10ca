"""Diagnostics as a product: every problem in a story, all at once, in the form compilers and editors understand.

A stable `code` per kind of problem lets editors and tests match on the kind, not on the wording.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from game.printable import one_line
from game.records import as_dict, prefab
from game.story.model import Span

Severity = Literal["error", "warning"]
ROOT_CAUSES = frozenset({"yaml-syntax", "not-text", "file-too-large", "too-large", "too-deep", "unreadable", "no-manifest"})
"""Codes of a file that could not be read at all."""
CAUSES = frozenset({"duplicate-lexicon"})
"""Codes that explain other diagnostics (two lexicons: which traits exist), listed just after the root causes."""


@prefab(frozen=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]")

    def to_json(self) -> dict[str, object]:
        return as_dict(self)


class Diagnostics:
    """Collects diagnostics; builders report and carry on, so one run shows every mistake."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def error(self, span: Span, code: str, message: str) -> None:
        self.items.append(Diagnostic(span.file, span.line, span.column, "error", code, message))

    def warning(self, span: Span, code: str, message: str) -> None:
        self.items.append(Diagnostic(span.file, span.line, span.column, "warning", code, message))

    @property
    def errors(self) -> list[Diagnostic]:
        return [item for item in self.items if item.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [item for item in self.items if item.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        """Files that could not be read first: what they hold is missing from the rest, so they explain the rest."""
        return sorted(self.items, key=lambda d: (_rank(d.code), d.file, d.line, d.column, d.code, d.message))


def _rank(code: str) -> int:
    return 0 if code in ROOT_CAUSES else 1 if code in CAUSES else 2


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ` (did you mean `x`?)` suffix when a near match exists, else an empty string."""
    match = closest(word, candidates)
    return f" (did you mean `{match}`?)" if match else ""


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The near match `did_you_mean` offers, or None."""
    import difflib  # only a story with a mistake needs it: not imported on every start

    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None
