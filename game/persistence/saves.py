"""Save slots: JSON files with a format version, the story's id and content hash, and a checksum.

A save is refused, with a clear reason, when it is damaged, foreign (another story), or newer than this game; a
refused save is never deleted or overwritten by loading, so nothing is lost. A save of the same story made before an
edit loads onto the story as it now is, by scene id and variable name (`game.engine.migrate`), and says what changed;
only a save whose scene is gone is refused, with the nearest earlier scene it passed through offered instead. Two games
may run at once (two terminals, two stories): writing a slot takes a lock on the saves folder, so the check that a slot
is this story's and the write that replaces it cannot be split by the other game's write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from game.engine.state import State, StateError
from game.files import read_at_most
from game.paths import user_data_dir
from game.persistence.atomic import remove_stale_temps, write_atomic
from game.printable import one_line, shown_safely
from game.records import as_dict, attribute, prefab, replace
from game.story.expressions import within_magnitude
from game.story.model import TRAIT_MAX, TRAIT_MIN, Story

if sys.platform != "win32":
    import fcntl

SAVE_FORMAT = "ruby-sparks-save"
SAVE_VERSION = 1
AUTOSAVE = "autosave"
QUICKSAVE = "quicksave"
MAX_SAVE_BYTES = 20_000_000
_SLOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


class SaveError(Exception):
    """A save that cannot be written or read; the message is one line for the player."""


class SceneGone(SaveError):
    """A save of an edited story whose scene (or ending) is no longer in it. `earlier` is the nearest earlier scene of
    its history still in the story, which `load_save(..., earlier=True)` goes on from (None: there is none)."""

    def __init__(self, message: str, earlier: str | None) -> None:
        super().__init__(message)
        self.earlier = earlier


@prefab(frozen=True)
class Loaded:
    state: State
    note: str = ""
    """What changed since the save, when the story was edited after it (one line), else empty."""


@prefab(frozen=True)
class SaveSummary:
    """What a slot list shows of a save without loading it: where it is, how long it has been played, how the subject
    seemed, and the first words of the last page written."""

    act: str = ""
    scene: str = ""
    played: float = 0.0
    """Seconds of play, over every session of this game."""
    seems: str = ""
    page: str = ""

    @classmethod
    def read(cls, data: Any) -> SaveSummary:
        """From a save file, which may be old (no summary) or tampered with: anything odd is left out, and text is made
        safe to show in a terminal."""
        if not isinstance(data, dict):
            return cls()
        texts = {
            key: shown_safely(data[key])[:200] for key in ("act", "scene", "seems", "page") if isinstance(data.get(key), str)
        }
        played = data.get("played")
        seconds = float(played) if isinstance(played, (int, float)) and not isinstance(played, bool) else 0.0
        return cls(**texts, played=seconds if 0 <= seconds < 1e9 else 0.0)


@prefab(frozen=True)
class SlotInfo:
    name: str
    path: Path
    saved_at: float
    scene_title: str
    problem: str = ""  # empty when the save can be loaded
    summary: SaveSummary = attribute(default_factory=SaveSummary)


def saves_dir() -> Path:
    return user_data_dir() / "saves"


def check_slot_name(name: str) -> str:
    """The slot name, trimmed, or a SaveError saying why it cannot name a file on every system."""
    slot = name.strip()
    if not _SLOT.match(slot):
        raise SaveError("A save name is 1 to 40 letters, digits, spaces, `-` or `_`, starting with a letter or digit.")
    if slot.split(".")[0].lower() in _RESERVED:
        raise SaveError(f"`{slot}` is a reserved name on some systems; choose another.")
    return slot


def slot_path(name: str) -> Path:
    return saves_dir() / f"{check_slot_name(name)}.json"


LOCK_FILE = ".lock"
"""In the saves folder; never removed (removing a lock file lets two processes hold "the" lock at once)."""
_lock_in_process = threading.RLock()
_lock_depth = 0


@contextlib.contextmanager
def _slots_locked(folder: Path) -> Iterator[None]:
    """Hold the saves folder's lock (`flock` on its lock file) against other processes, and this lock against other
    threads. A signal handler that autosaves while this thread already holds it runs inside that holding (the
    interrupted write cannot go on until the handler returns, so waiting for it would never end)."""
    global _lock_depth
    with _lock_in_process:
        if _lock_depth:
            yield
            return
        _lock_depth += 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if sys.platform != "win32":
                    fcntl.flock(descriptor, fcntl.LOCK_EX)
                yield
            finally:
                os.close(descriptor)  # which releases the flock
        finally:
            _lock_depth -= 1


def tidy_saves() -> None:
    """At start-up: remove what killed writes left behind (a day old) in the saves folder and the data folder."""
    for folder in (saves_dir(), user_data_dir()):
        remove_stale_temps(folder)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a page typed with stray bytes keeps them as lone surrogates, which must not make a save impossible
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def save_game(name: str, story: Story, state: State, summary: SaveSummary | None = None) -> Path:
    """Write the slot, unless it holds another story's save or a damaged one: those are never overwritten."""
    path = slot_path(name)
    title = state.history[-1].title if state.history else ""
    body = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "story": {"id": story.id, "version": story.version, "hash": story.content_hash},
        "name": path.stem,
        "saved_at": time.time(),
        "scene_title": title,
        "state": state.to_json(),
    }
    if summary is not None:
        body["summary"] = as_dict(summary)
    document = body | {"checksum": _checksum(body)}
    data = json.dumps(document, ensure_ascii=False, indent=1).encode()
    try:
        with _slots_locked(path.parent):
            _check_ours(path, story)
            write_atomic(path, data)
    except OSError as error:
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            raise SaveError(f"Saves go in {folder}, but that is a file, not a folder; move it away to save.") from None
        raise SaveError(f"Could not write the save `{path.stem}`: {error.strerror or error}.") from None
    return path


def _check_ours(path: Path, story: Story) -> None:
    """A slot may be written when it is empty or holds a readable save of this story (checked under the lock)."""
    if not (path.exists() or path.is_symlink()):
        return
    try:
        origin = _read_document(path).get("story")
    except SaveError:
        raise SaveError(f"The slot `{path.stem}` holds a damaged save, kept as it is; choose another name.") from None
    if not isinstance(origin, dict) or origin.get("id") != story.id:
        raise SaveError(f"The slot `{path.stem}` holds a save of another story, which is kept as it is; choose another name.")


def autosave(story: Story, state: State, summary: SaveSummary | None = None) -> Path:
    """Save to `autosave`; if that slot holds another story's save or a damaged one, to `autosave-STORY` instead."""
    try:
        return save_game(AUTOSAVE, story, state, summary)
    except SaveError:
        return save_game(f"{AUTOSAVE}-{story.id}"[:40], story, state, summary)


def delete_save(name: str) -> None:
    """Remove a slot the player chose to delete (any slot, a damaged one too: the player has seen why it is listed)."""
    path = slot_path(name)
    try:
        path.unlink()
    except FileNotFoundError:
        raise SaveError(f"There is no save called `{path.stem}`.") from None
    except OSError as error:
        raise SaveError(f"Could not delete the save `{path.stem}`: {error.strerror or error}.") from None


def saved_summary(name: str) -> SaveSummary:
    """The summary kept in a slot (time played goes on from it after a load); empty when there is none to read."""
    try:
        return SaveSummary.read(_read_document(slot_path(name)).get("summary"))
    except SaveError:
        return SaveSummary()


def _read_document(path: Path) -> dict[str, Any]:
    try:
        raw = read_at_most(path, MAX_SAVE_BYTES)
        if len(raw) > MAX_SAVE_BYTES:
            raise SaveError(f"The save `{path.stem}` is too large to be a save.")
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise SaveError(f"There is no save called `{path.stem}`.") from None
    except (OSError, ValueError, RecursionError):  # ValueError: bad UTF-8, bad JSON, or a number too long to read
        raise SaveError(f"The save `{path.stem}` is damaged (it is not readable JSON); it was left as it is.") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"`{path.stem}` is not a Ruby Sparks save; it was left as it is.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SaveError(f"The save `{path.stem}` is damaged (no format version); it was left as it is.")
    if version > SAVE_VERSION:
        raise SaveError(f"The save `{path.stem}` was made by a newer version of the game (save format {version}).")
    body = {key: value for key, value in data.items() if key != "checksum"}
    if data.get("checksum") != _checksum(body):
        raise SaveError(f"The save `{path.stem}` is damaged (its checksum does not match); it was left as it is.")
    return data


def load_game(name: str, story: Story) -> State:
    return load_save(name, story).state


def load_save(name: str, story: Story, earlier: bool = False) -> Loaded:
    """The saved state on `story`; with `earlier`, a save whose scene is gone goes on from the nearest earlier one."""
    path = slot_path(name)
    data = _read_document(path)
    origin = data.get("story")
    if not isinstance(origin, dict) or origin.get("id") != story.id:
        other = origin.get("id") if isinstance(origin, dict) else "?"
        raise SaveError(f"The save `{path.stem}` belongs to another story (`{other}`); it was left as it is.")
    try:
        if origin.get("hash") == story.content_hash:
            loaded = Loaded(State.from_json(data.get("state"), story))
        else:
            loaded = _onto_edited(path.stem, State.read_json(data.get("state")), story, earlier)
        _check_ranges(loaded.state, story)
    except StateError as error:
        raise SaveError(f"The save `{path.stem}` is damaged: {error}; it was left as it is.") from None
    except OverflowError:  # a number too large for a float, e.g. a trait of 10**400
        raise SaveError(f"The save `{path.stem}` is damaged: a number in it is too large; it was left as it is.") from None
    return loaded


def _check_ranges(state: State, story: Story) -> None:
    """What the story's own rules could never have made, refused as the loader refuses such a default: a value
    outside its variable's range or list of values, a trait past its bounds, an ending the saved scene is not."""
    for name, variable in story.variables.items():
        value = state.variables[name]
        if isinstance(value, str):
            if variable.values and value not in variable.values:
                raise StateError(f"`{name}` is {value!r}, which is not one of its values")
            continue
        if isinstance(value, bool):
            continue
        low, high = variable.minimum, variable.maximum
        if not within_magnitude(value) or (low is not None and value < low) or (high is not None and value > high):
            shown = "" if low is None and high is None else f" {'' if low is None else low}..{'' if high is None else high}"
            raise StateError(f"`{name}` is {value}, outside its range{shown}")
    for trait, value in state.traits.items():
        if not TRAIT_MIN <= value <= TRAIT_MAX:
            raise StateError(f"the trait `{trait}` is {value}, outside {TRAIT_MIN}..{TRAIT_MAX}")
    if state.ending is not None and state.scene != state.ending:
        raise StateError(f"it is at the ending `{state.ending}` without having reached it (the scene is `{state.scene}`)")
    if state.act is not None and state.act not in {act.id for act in story.acts}:
        raise StateError(f"the saved act `{state.act}` is not in this story")


def _onto_edited(slot: str, state: State, story: Story, earlier: bool) -> Loaded:
    """A save made before the story was edited, carried onto it (see the module's docstring)."""
    from game.engine.migrate import carry_over, nearest_earlier
    from game.engine.step import rerender

    carried = carry_over(state, story)
    moved = carried.state
    place = moved.ending if moved.ending is not None else moved.scene
    notes = []
    if place not in (story.endings if moved.ending is not None else story.scenes):
        nearest = nearest_earlier(state, story)
        if nearest is None:
            raise SceneGone(f"The save `{slot}` was made at `{place}`, which is no longer in the story, nor is any scene "
                            "before it; it was left as it is.", None)  # fmt: skip
        if not earlier:
            raise SceneGone(f"The save `{slot}` was made at `{place}`, which is no longer in the story; it can go on from "
                            f"`{nearest}`, the nearest earlier scene it passed through.", nearest)  # fmt: skip
        moved = replace(moved, scene=nearest, ending=None)
        notes.append(f"`{place}` is gone from the story, so you go on from `{nearest}`")
    moved.check(story)
    summary = carried.summary()
    notes.append(f"the story was edited since this save{': ' + summary if summary else ''}")
    note = "; ".join(notes)
    return Loaded(rerender(story, moved), note[0].upper() + note[1:] + ".")


def list_saves(story: Story) -> list[SlotInfo]:
    """Every save file, newest first; the ones that cannot be loaded say why (they are listed, never removed)."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    slots = []
    for path in folder.glob("*.json"):
        try:
            check_slot_name(path.stem)  # a file the game could not have written (`my.save.json`) cannot be loaded by name
            data = _read_document(path)
            problem = ""
            origin = data.get("story")
            if not isinstance(origin, dict) or origin.get("id") != story.id:
                problem = "made with another story"
            saved_at = data.get("saved_at")
            title = data.get("scene_title")
            slots.append(
                SlotInfo(
                    path.stem,
                    path,
                    saved_at if isinstance(saved_at, (int, float)) else 0.0,
                    one_line(title) if isinstance(title, str) else "",  # shown in the list, not checked by loading
                    problem,
                    SaveSummary.read(data.get("summary")),
                )
            )
        except SaveError as error:  # a file named by hand may hold anything a file name can
            slots.append(SlotInfo(one_line(path.stem), path, _mtime(path), "", one_line(str(error))))
    return sorted(slots, key=lambda slot: slot.saved_at, reverse=True)


def newest_loadable(story: Story) -> str | None:
    """The slot `continue` or a bare `load` should take: the newest save this story can load."""
    return next((slot.name for slot in list_saves(story) if not slot.problem), None)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
