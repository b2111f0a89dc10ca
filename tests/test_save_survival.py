"""Saves survive the worst a machine and a player can do (issue 9).

- A process killed with SIGKILL while it writes a save leaves the slot holding the previous save or the new one,
  never half of each, and never loses a save that had finished.
- A damaged save (bad checksum, cut short, another story's) is listed with its problem, and playing on, saving and
  autosaving never delete or overwrite it.
- A save name that could escape the saves folder, or name a device, or is empty, too long, or holds control characters,
  is refused with a SaveError before any file is made.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.engine import ChoiceInput, new_game, step
from game.frontends.plain import play_plain
from game.persistence.saves import AUTOSAVE, SaveError, list_saves, load_game, save_game, saves_dir, slot_path
from game.story.model import Story
from tests.conftest import MINI

KILLS = 15

CHILD = textwrap.dedent(
    """
    import os, sys, time, types
    from ducktools.classbuilder.prefab import replace
    from game.engine import new_game
    from game.engine.state import HistoryEntry
    from game.persistence import atomic
    from game.persistence.saves import save_game
    from game.story.loader import load_story_or_raise

    class SlowFile:
        # A slow disk: the save goes out in small pieces, so most kills land in the middle of one.

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            for start in range(0, len(data), 65536):
                self.handle.write(data[start : start + 65536])
                self.handle.flush()
                time.sleep(0.005)

        def flush(self):
            self.handle.flush()

        def fileno(self):
            return self.handle.fileno()

    def slow_fsync(fd):
        time.sleep(0.02)
        os.fsync(fd)

    atomic.os = types.SimpleNamespace(
        fdopen=lambda fd, mode: SlowFile(os.fdopen(fd, mode)), fsync=slow_fsync, replace=os.replace, unlink=os.unlink,
        open=os.open, close=os.close, O_RDONLY=os.O_RDONLY,
    )

    story = load_story_or_raise(sys.argv[1])
    state, _ = new_game(story, seed=1)
    generation = int(sys.argv[2])
    while True:
        generation += 1
        marker = f"generation {generation}"
        history = tuple(HistoryEntry("desk", marker, (marker + " " + "x" * 400,) * 4) for _ in range(1500))
        save_game("slot", story, replace(state, turn=generation, history=history))
        print(generation, flush=True)
    """
)


def _generation(story: Story) -> int:
    state = load_game("slot", story)
    assert all(entry.title == f"generation {state.turn}" for entry in state.history), "one save holds two generations"
    return state.turn


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_save_killed_mid_write_leaves_a_loadable_slot(mini_story: Story) -> None:
    rng = random.Random(9)
    generation = 0
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(MINI), str(generation * 1000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
            cwd=Path(__file__).parent.parent,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # one whole save written: the kill comes during the ones after it
        assert first.strip(), child.stderr.read() if child.stderr else ""
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        finished = [int(line) for line in [first, *child.stdout.read().split()] if line.strip()]
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        loaded = _generation(mini_story)
        # The slot holds the last save that was reported finished, or the one being written when the kill came.
        assert loaded in (finished[-1], finished[-1] + 1), f"kill {kill}: finished {finished[-3:]}, slot holds {loaded}"
        generation = loaded // 1000 + 1
        listed = list_saves(mini_story)
        assert [(slot.name, slot.problem) for slot in listed] == [("slot", "")], "a temp file was listed as a save"
    leftovers = sorted(path.name for path in saves_dir().iterdir() if path.name != "slot.json")
    assert all(name.startswith(".slot.json.") and name.endswith(".tmp") for name in leftovers), leftovers
    print(f"{KILLS} kills, {len(leftovers)} of them in the middle of writing (a temp file left behind)")
    assert leftovers, "no kill landed in the middle of a write: the test did not test anything"


# -- damaged saves are listed and kept ----------------------------------------------------------------------------


def _played(story: Story):  # type: ignore[no-untyped-def]
    state, _ = new_game(story, seed=5)
    return step(story, state, ChoiceInput(2))[0]


@pytest.fixture
def damaged(mini_story: Story, story_copy: Path) -> dict[str, bytes]:
    """Three damaged saves beside a good one: their bytes, by slot name."""
    from game.story.loader import load_story_or_raise

    good = save_game("good", mini_story, _played(mini_story)).read_bytes()
    document = json.loads(good)
    document["state"]["variables"]["trust"] = 4  # the checksum no longer matches
    slot_path("bad checksum").write_text(json.dumps(document))
    slot_path("cut short").write_bytes(good[: len(good) // 3])
    (story_copy / "story.yaml").write_text((story_copy / "story.yaml").read_text().replace("id: mini", "id: other"))
    other = load_story_or_raise(story_copy)
    save_game("foreign", other, new_game(other)[0])
    return {name: slot_path(name).read_bytes() for name in ("bad checksum", "cut short", "foreign")}


def test_damaged_saves_are_listed_with_their_problem(mini_story: Story, damaged: dict[str, bytes]) -> None:
    listed = {slot.name: slot.problem for slot in list_saves(mini_story)}
    assert listed["good"] == ""
    assert "checksum" in listed["bad checksum"]
    assert "not readable JSON" in listed["cut short"]
    assert "another story" in listed["foreign"]
    for name in damaged:
        with pytest.raises(SaveError, match="left as it is"):
            load_game(name, mini_story)


def test_playing_on_never_touches_a_damaged_save(mini_story: Story, damaged: dict[str, bytes]) -> None:
    out = io.StringIO()
    commands = "saves\nload cut short\nload bad checksum\nload foreign\nload\n1\nsave\nsave other\n"
    assert play_plain(mini_story, io.StringIO(commands), out) == 0  # end of input: an autosave
    text = out.getvalue()
    assert "cut short: untitled (cannot be loaded:" in text and "Loaded `good`." in text and "Saved to `autosave`." in text
    assert load_game(AUTOSAVE, mini_story).scene == "page"
    save_game(AUTOSAVE, mini_story, _played(mini_story))
    for name, data in damaged.items():
        assert slot_path(name).read_bytes() == data, f"{name} was changed"
    listed = {slot.name for slot in list_saves(mini_story) if slot.problem}
    assert listed == set(damaged)


# -- save names ---------------------------------------------------------------------------------------------------

BAD_NAMES = [
    "a/b",
    "/etc/passwd",
    "a\\b",
    "..",
    "../escape",
    "..\\escape",
    ".",
    ".hidden",
    "con",
    "CON",
    "nul",
    "Nul",
    "com1",
    "COM9",
    "lpt1",
    "aux",
    "prn",
    "",
    "   ",
    "x" * 200,
    "x" * 41,
    "tab\tname",
    "new\nline",
    "nul\x00byte",
    "bell\x07",
    "\x1b[31mred",
    "del\x7f",
    "name.json",
    "C:drive",
    "-dash-first",
]


def _tree(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")}


@pytest.mark.parametrize("name", BAD_NAMES, ids=repr)
def test_bad_save_names_are_refused_and_make_no_file(
    name: str, mini_story: Story, private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    save_game("existing", mini_story, _played(mini_story))
    watched = [private_home.parent, tmp_path]
    before = [_tree(root) for root in watched]
    with pytest.raises(SaveError):
        save_game(name, mini_story, _played(mini_story))
    with pytest.raises(SaveError):
        load_game(name, mini_story)
    assert [_tree(root) for root in watched] == before
    assert [slot.name for slot in list_saves(mini_story)] == ["existing"]
