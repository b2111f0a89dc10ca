"""The core never imports the UI: the engine, the loader and the typewriter load without Textual."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys, game.engine, game.engine.session, game.story.loader, game.authoring.checks, game.typewriter, "
        "game.persistence.saves, game.frontends.plain\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
