"""Save slots: JSON files with a format version, the story's id and content hash, and a checksum.

A save is refused, with a clear reason, when it is damaged, foreign (another story), or newer than this game; a
refused save is never deleted or overwritten by loading, so nothing is lost. A save of the same story made before an
edit loads onto the story as it now is, by scene id and variable name (`game.engine.migrate`), and says what changed;
only a save whose scene is gone is refused, with the nearest earlier scene it passed through offered instead.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

from ducktools.classbuilder.prefab import prefab, replace

from game.engine.state import State, StateError
from game.files import read_at_most
from game.paths import user_data_dir
from game.persistence.atomic import write_atomic
from game.story.model import Story

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
class SlotInfo:
    name: str
    path: Path
    saved_at: float
    scene_title: str
    problem: str = ""  # empty when the save can be loaded


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


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a page typed with stray bytes keeps them as lone surrogates, which must not make a save impossible
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def save_game(name: str, story: Story, state: State) -> Path:
    """Write the slot, unless it holds another story's save or a damaged one: those are never overwritten."""
    path = slot_path(name)
    if path.exists() or path.is_symlink():
        try:
            origin = _read_document(path).get("story")
        except SaveError:
            raise SaveError(f"The slot `{path.stem}` holds a damaged save, kept as it is; choose another name.") from None
        if not isinstance(origin, dict) or origin.get("id") != story.id:
            raise SaveError(f"The slot `{path.stem}` holds a save of another story, which is kept as it is; choose another name.")
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
    document = body | {"checksum": _checksum(body)}
    try:
        write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1).encode())
    except OSError as error:
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            raise SaveError(f"Saves go in {folder}, but that is a file, not a folder; move it away to save.") from None
        raise SaveError(f"Could not write the save `{path.stem}`: {error.strerror or error}.") from None
    return path


def autosave(story: Story, state: State) -> Path:
    """Save to `autosave`; if that slot holds another story's save or a damaged one, to `autosave-STORY` instead."""
    try:
        return save_game(AUTOSAVE, story, state)
    except SaveError:
        return save_game(f"{AUTOSAVE}-{story.id}"[:40], story, state)


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
            return Loaded(State.from_json(data.get("state"), story))
        return _onto_edited(path.stem, State.read_json(data.get("state")), story, earlier)
    except StateError as error:
        raise SaveError(f"The save `{path.stem}` is damaged: {error}.") from None
    except OverflowError:  # a number too large for a float, e.g. a trait of 10**400
        raise SaveError(f"The save `{path.stem}` is damaged: a number in it is too large.") from None


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
                    title if isinstance(title, str) else "",
                    problem,
                )
            )
        except SaveError as error:
            slots.append(SlotInfo(path.stem, path, _mtime(path), "", str(error)))
    return sorted(slots, key=lambda slot: slot.saved_at, reverse=True)


def newest_loadable(story: Story) -> str | None:
    """The slot `continue` or a bare `load` should take: the newest save this story can load."""
    return next((slot.name for slot in list_saves(story) if not slot.problem), None)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
