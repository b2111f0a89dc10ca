"""Write game/_record_methods.py: the methods of every record class the game's modules declare (see game/records.py).

Run after adding or changing a record class's fields: `python scripts/make_record_methods.py`. tests/test_records.py
fails while the file is stale.
"""

from __future__ import annotations

from pathlib import Path

import game
from game.records import game_methods_module

if __name__ == "__main__":
    target = Path(game.__file__).parent / "_record_methods.py"
    target.write_text(game_methods_module(), encoding="utf-8")
    print(f"wrote {target}")
