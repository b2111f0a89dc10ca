"""Write game/_record_methods.py: the methods of every record class the game's modules declare (see game/records.py).

Run after adding or changing a record class's fields: `python scripts/make_record_methods.py`. tests/test_records.py
fails while the file is stale.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import game
from game.records import RECORDS, methods_module

TARGET = Path(game.__file__).parent / "_record_methods.py"


def current_text() -> str:
    """The file's text for the record classes of every module of the game (its `__main__` excepted: it plays)."""
    for module in pkgutil.walk_packages(game.__path__, "game."):
        if module.name != "game.__main__":
            importlib.import_module(module.name)
    return methods_module(RECORDS.values())


if __name__ == "__main__":
    TARGET.write_text(current_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
