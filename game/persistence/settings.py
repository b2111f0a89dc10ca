"""The player's settings (text speed, theme), kept between sessions.

A damaged settings file must not stop the game: it is moved aside (never deleted) and the defaults are used, and the
front end says so once.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.paths import user_data_dir
from game.persistence.atomic import write_atomic
from game.persistence.json_record import read_record, read_record_or_set_aside
from game.records import as_dict, prefab

TEXT_SPEEDS = {"instant": 0.0, "fast": 400.0, "normal": 120.0, "slow": 45.0}
"""Characters revealed per second (0: all at once)."""
MAX_SETTINGS_BYTES = 64_000


@prefab(frozen=True)
class Settings:
    text_speed: str = "normal"
    theme: str = "paper"
    """The game's own theme (game/tui/theme.py); any of Textual's may be chosen instead."""


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def load_settings() -> tuple[Settings, str]:
    """The saved settings and a message for the player ("" when all went well)."""
    path = settings_path()
    data = read_record(path, MAX_SETTINGS_BYTES)
    if data is None:
        _, aside = read_record_or_set_aside(path, MAX_SETTINGS_BYTES)
        kept = f"it was kept as {aside.name} and " if aside else ""
        return Settings(), f"The settings file could not be read; {kept}the defaults are used."
    speed = data.get("text_speed")
    theme = data.get("theme")
    return Settings(
        speed if isinstance(speed, str) and speed in TEXT_SPEEDS else Settings().text_speed,
        theme if isinstance(theme, str) and 0 < len(theme) <= 60 else Settings().theme,
    ), ""


def save_settings(settings: Settings) -> None:
    write_atomic(settings_path(), json.dumps(as_dict(settings), indent=1).encode())
