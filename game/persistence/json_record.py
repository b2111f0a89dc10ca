"""Small JSON files the game keeps for the player (settings, endings seen, speed-run records).

They share one rule: a missing file is an empty record, and a damaged one (too large, not UTF-8, not JSON, nested too
deeply, not an object) is moved aside with `set_aside` and never deleted, so a bad file costs a default, not a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.files import read_at_most
from game.persistence.atomic import set_aside

MAX_RECORD_BYTES = 2_000_000


def read_record(path: Path, max_bytes: int = MAX_RECORD_BYTES) -> dict[str, Any] | None:
    """The record; {} when there is none yet; None when the file is damaged (left where it is)."""
    try:
        raw = read_at_most(path, max_bytes)
        if len(raw) > max_bytes:
            return None
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def read_record_or_set_aside(path: Path, max_bytes: int = MAX_RECORD_BYTES) -> tuple[dict[str, Any], Path | None]:
    """The record, or {} and where a damaged file was moved (None when nothing was damaged or it could not move)."""
    data = read_record(path, max_bytes)
    if data is not None:
        return data, None
    try:
        return {}, set_aside(path)
    except OSError:
        return {}, None
