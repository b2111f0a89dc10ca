"""Where things live: the shipped story and assets (in the wheel or the source tree) and the player's data.

Installed, the top-level `scenes/`, `seeds/` and `assets/` folders are inside the package as `game/_data/`; in a source
checkout (an editable install) they are beside the package. Player data goes under `RUBY_SPARKS_HOME` when it is set
(tests and portable installs), else the platform's user data folder; what can be rebuilt (the story cache) goes in
the platform's user cache folder, which a player or a system may empty at any time.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


def _as_path(folder: str) -> Path:
    """`pathlib` is imported only when a `Path` is asked for: with the `urllib.parse` and `ipaddress` it brings, it
    was a twentieth of a `replay --verify`, which asks only for the `*_folder` texts below."""
    from pathlib import Path

    return Path(folder)


def _shipped(name: str) -> str:
    installed = os.path.join(_PACKAGE, "_data", name)
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(_PACKAGE), name)


def shipped_story_folder() -> str:
    return _shipped("scenes")


def shipped_story_dir() -> Path:
    return _as_path(shipped_story_folder())


def shipped_seeds_dir() -> Path:
    return _as_path(_shipped("seeds"))


def assets_dir() -> Path:
    return _as_path(_shipped("assets"))


def user_data_dir() -> Path:
    override = os.environ.get("RUBY_SPARKS_HOME")
    if override:
        return _as_path(override)
    from platformdirs import user_data_path

    return user_data_path("ruby-sparks", appauthor=False)


def user_cache_folder() -> str:
    override = os.environ.get("RUBY_SPARKS_HOME")
    if override:
        return os.path.join(override, "cache")
    if sys.platform == "linux" and "ANDROID_DATA" not in os.environ:
        # platformdirs' answer on Linux, worked out here: importing it was a tenth of a cached `replay --verify`
        base = os.environ.get("XDG_CACHE_HOME", "")
        home = os.environ.get("HOME", "")
        if not os.path.isabs(base) and os.path.isabs(home):
            base = os.path.join(home, ".cache")
        if os.path.isabs(base):
            return os.path.join(base, "ruby-sparks")
    from platformdirs import user_cache_path

    return str(user_cache_path("ruby-sparks", appauthor=False))


def user_cache_dir() -> Path:
    return _as_path(user_cache_folder())
