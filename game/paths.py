"""Where things live: the shipped story and assets (in the wheel or the source tree) and the player's data.

Installed, the top-level `scenes/`, `seeds/` and `assets/` folders are inside the package as `game/_data/`; in a source
checkout (an editable install) they are beside the package. Player data goes under `RUBY_SPARKS_HOME` when it is set
(tests and portable installs), else the platform's user data folder; what can be rebuilt (the story cache) goes in
the platform's user cache folder, which a player or a system may empty at any time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def shipped_story_dir() -> Path:
    return _shipped("scenes")


def shipped_seeds_dir() -> Path:
    return _shipped("seeds")


def assets_dir() -> Path:
    return _shipped("assets")


def user_data_dir() -> Path:
    override = os.environ.get("RUBY_SPARKS_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("ruby-sparks", appauthor=False)


def user_cache_dir() -> Path:
    override = os.environ.get("RUBY_SPARKS_HOME")
    if override:
        return Path(override) / "cache"
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        # platformdirs' answer on Linux, worked out here: importing it was a tenth of a cached `replay --verify`
        base = os.environ.get("XDG_CACHE_HOME", "")
        home = os.environ.get("HOME", "")
        if not os.path.isabs(base) and os.path.isabs(home):
            base = os.path.join(home, ".cache")
        if os.path.isabs(base):
            return Path(base) / "ruby-sparks"
    from platformdirs import user_cache_path

    return user_cache_path("ruby-sparks", appauthor=False)
