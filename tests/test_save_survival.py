"""Saves survive the worst a machine and a player can do (issue 9).

- A process killed with SIGKILL while it writes a save leaves the slot holding the previous save or the new one,
  never half of each, and never loses a save that had finished.
- Two games saving to the same slot name at once never overwrite each other's save.
- A damaged save (bad checksum, cut short, another story's) is listed with its problem, and playing on, saving and
  autosaving never delete or overwrite it.
- A save name that could escape the saves folder, or name a device, or is empty, too long, or holds control characters,
  is refused with a SaveError before any file is made.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import IO

import pytest

from game.engine import ChoiceInput, new_game, step
from game.frontends.plain import play_plain
from game.persistence.saves import AUTOSAVE, SaveError, list_saves, load_game, save_game, saves_dir, slot_path
from game.story.model import Story
from tests.conftest import MINI

PHASES = ("writing", "before-replace", "after-replace")
"""Where a kill lands in a save's write: the temporary file made but its bytes not yet all there, all written and
synced but not yet renamed over the slot, renamed but the folder not yet synced. The child stops there and waits to be
killed, so every kill lands where it says."""
KILLS_PER_PHASE = 3

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from game.records import replace
    from game.engine import new_game
    from game.engine.state import HistoryEntry
    from game.persistence.saves import save_game
    from game.story.loader import load_story_or_raise

    story_dir, first, saves, phase = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    generation = first
    last = first + saves + 1  # the generation whose save is killed at `phase`, after `saves` that finish
    made = renamed = False

    def stop_here(where):
        print(where, flush=True)
        time.sleep(300)  # killed here; the parent never lets this run out

    def temporary(path):
        return os.path.basename(str(path)).startswith(".slot.json.")

    def watch(event, args):
        # Python's audit events name what the process asks of the system (a temporary file made, a rename, a file
        # opened): the save is stopped between those steps, however the saving code is written.
        global made, renamed
        if generation != last:
            return
        if phase == "writing" and made:
            stop_here(phase)  # the next thing asked after the temporary file is made: it is there, still empty
        elif event == "open" and temporary(args[0]):
            made = True
        elif event == "os.rename" and temporary(args[0]):
            if phase == "before-replace":
                stop_here(phase)
            renamed = True
        elif phase == "after-replace" and renamed and event == "open":
            stop_here(phase)  # the next thing opened after the rename: the folder, to sync it

    sys.addaudithook(watch)
    story = load_story_or_raise(story_dir)
    state, _ = new_game(story, seed=1)
    while generation <= last:
        generation += 1
        marker = f"generation {generation}"
        history = tuple(HistoryEntry("desk", marker, (marker + " " + "x" * 400,) * 4) for _ in range(300))
        save_game("slot", story, replace(state, turn=generation, history=history))
        print(generation, flush=True)
    """
)


def _generation(story: Story) -> int:
    state = load_game("slot", story)
    assert all(entry.title == f"generation {state.turn}" for entry in state.history), "one save holds two generations"
    return state.turn


def _lines(stream: IO[str], count: int, timeout: float = 60.0) -> list[str]:
    """The next `count` lines a child prints, or fewer if they do not come within `timeout` seconds."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(stream.readline().strip() for _ in range(count)), daemon=True)
    reader.start()
    reader.join(timeout)
    return list(lines)


def _temp_files() -> list[str]:
    return sorted(path.name for path in saves_dir().glob(".*.tmp"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("phase", PHASES)
def test_a_save_killed_while_it_is_written_leaves_a_loadable_slot(mini_story: Story, phase: str) -> None:
    """The slot holds the last finished save (or, once the rename is done, the new one), never a mixture; a kill
    before the rename leaves its temporary file, which is never listed as a save."""
    generation = 0
    for kill in range(KILLS_PER_PHASE):
        before = _temp_files()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(MINI), str(generation), str(kill + 1), phase],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
            cwd=Path(__file__).parent.parent,
        )
        assert child.stdout is not None
        try:
            lines = _lines(child.stdout, kill + 2)  # the finished saves, then the phase
            assert lines[-1:] == [phase], lines
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
            if child.stderr:
                child.stderr.close()
        finished = int(lines[-2])
        loaded = _generation(mini_story)
        assert loaded == (finished + 1 if phase == "after-replace" else finished), f"kill {kill}: finished {finished}"
        left = [name for name in _temp_files() if name not in before]
        if phase == "after-replace":
            assert left == []
        else:
            assert len(left) == 1 and left[0].startswith(".slot.json."), left
        listed = list_saves(mini_story)
        assert [(slot.name, slot.problem) for slot in listed] == [("slot", "")], "a temp file was listed as a save"
        generation = loaded


RACER = textwrap.dedent(
    """
    import os, sys, time
    from game.engine import new_game
    from game.persistence.saves import SaveError, save_game
    from game.story.loader import load_story_or_raise

    story_dir, go, slots, tries = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    story = load_story_or_raise(story_dir)
    state, _ = new_game(story, seed=1)
    deadline = time.monotonic() + 60
    while not os.path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.001)
    for slot in range(slots):
        for _ in range(tries):
            try:
                save_game(f"race {slot}", story, state)
                print("saved", slot, flush=True)
            except SaveError:
                pass
    """
)
RACE_SLOTS = 60
RACE_TRIES = 5


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_two_games_saving_to_the_same_slots_never_overwrite_each_other(story_copy: Path, private_home: Path) -> None:
    """Two stories race for the same slot names, each trying each name several times, both starting at once: a slot
    belongs to the first story that wrote it, and the other's saves to it are all refused. (Without the lock around
    the owner check and the write, both found some slot empty and both wrote it.)"""
    (story_copy / "story.yaml").write_text((story_copy / "story.yaml").read_text().replace("id: mini", "id: other"))
    go = private_home / "go"
    racers = {
        story_id: subprocess.Popen(
            [sys.executable, "-c", RACER, str(folder), str(go), str(RACE_SLOTS), str(RACE_TRIES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
            cwd=Path(__file__).parent.parent,
        )
        for story_id, folder in (("mini", MINI), ("other", story_copy))
    }
    go.touch()
    saved: dict[str, set[int]] = {}
    for story_id, racer in racers.items():
        out, err = racer.communicate(timeout=300)
        assert racer.returncode == 0, err
        saved[story_id] = {int(line.split()[1]) for line in out.splitlines()}
    assert not saved["mini"] & saved["other"], f"both stories wrote the slots {sorted(saved['mini'] & saved['other'])}"
    for slot in range(RACE_SLOTS):
        owner = json.loads(slot_path(f"race {slot}").read_text())["story"]["id"]
        assert slot in saved[owner], f"`race {slot}` holds a save of {owner}, which was never told it saved there"


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
