"""The player's settings (text speed, theme), kept between sessions.

A damaged settings file must not stop the game: it is moved aside (never deleted) and the defaults are used, and the
front end says so once.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from game.paths import user_data_dir
from game.persistence.atomic import set_aside, write_atomic

TEXT_SPEEDS = {"instant": 0.0, "fast": 400.0, "normal": 120.0, "slow": 45.0}
"""Characters revealed per second (0: all at once)."""
MAX_SETTINGS_BYTES = 64_000


@dataclass(frozen=True)
class Settings:
    text_speed: str = "normal"
    theme: str = "textual-dark"


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def load_settings() -> tuple[Settings, str]:
    """The saved settings and a message for the player ("" when all went well)."""
    path = settings_path()
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, ValueError, RecursionError) as error:
        return Settings(), _set_aside(path, str(error))
    if not isinstance(data, dict):
        return Settings(), _set_aside(path, "not a JSON object")
    speed = data.get("text_speed")
    theme = data.get("theme")
    return Settings(
        speed if isinstance(speed, str) and speed in TEXT_SPEEDS else Settings.text_speed,
        theme if isinstance(theme, str) and 0 < len(theme) <= 60 else Settings.theme,
    ), ""


def save_settings(settings: Settings) -> None:
    write_atomic(settings_path(), json.dumps(asdict(settings), indent=1).encode())


def _set_aside(path: Path, reason: str) -> str:
    try:
        aside = set_aside(path)
    except OSError:
        return f"The settings file could not be read ({reason}); using the defaults."
    return f"The settings file could not be read ({reason}); it was kept as {aside.name} and the defaults are used."
