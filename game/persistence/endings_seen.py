"""The endings gallery's memory: which endings of which story this player has reached."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from game.paths import user_data_dir
from game.persistence.atomic import set_aside, write_atomic


def _path() -> Path:
    return user_data_dir() / "endings_seen.json"


def _read() -> dict[str, Any] | None:
    """The record, {} when there is none yet, or None when it is damaged."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _seen(data: dict[str, Any], story_id: str) -> set[str]:
    seen = data.get(story_id)
    return {item for item in seen if isinstance(item, str)} if isinstance(seen, list) else set()


def endings_seen(story_id: str) -> set[str]:
    """The ids seen; an unreadable record counts as none seen (it is set aside on the next ending, never deleted)."""
    data = _read()
    return _seen(data, story_id) if data is not None else set()


def remember_ending(story_id: str, ending_id: str) -> None:
    data = _read()
    if data is None:
        with contextlib.suppress(OSError):
            set_aside(_path())
        data = {}
    data[story_id] = sorted(_seen(data, story_id) | {ending_id})
    write_atomic(_path(), json.dumps(data, indent=1).encode())
