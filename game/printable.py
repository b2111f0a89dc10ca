"""Untrusted text shown in a terminal: names and ids on one line, and prose that must never carry control codes.

Stories, saves and replays come from strangers' files. A newline in a name would split a one-line verdict or
diagnostic in two; an escape sequence in prose (`ESC ] 52`) would write the player's clipboard or retitle the window
when printed. Line breaks and tabs are prose; every other control character is not.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


CONTROL_ALLOWED = frozenset("\n\t")


def control_character(text: str) -> str | None:
    """The first control character in `text` other than a line break or a tab, or None."""
    if text.isprintable():
        return None
    return next((char for char in text if _control(char)), None)


def shown_safely(text: str) -> str:
    """Prose as it may reach a terminal: each control character (but line breaks and tabs) becomes U+FFFD."""
    if control_character(text) is None:
        return text
    return "".join("\ufffd" if _control(char) else char for char in text)


def _control(char: str) -> bool:
    return char not in CONTROL_ALLOWED and (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0)
