"""Untrusted text (a file name, an id in a replay) shown on one line of a terminal.

Names and ids come from strangers' files: a newline in one would split a one-line verdict or diagnostic in two, and a
control character could move the cursor. Each character that is not printable is shown as Python escapes it.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
