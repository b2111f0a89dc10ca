"""Parallel random explore where processes are spawned, not forked (macOS, Windows): each worker starts empty and
loads the story itself, and the report must not depend on how the runs were shared out.

The `fork` path is covered through the command (`test_authoring.py`); on Linux `explore_random` always forks, so here
the platform is made to offer no `fork`, and the work is shared from a handful of runs instead of hundreds.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from game.explorer import random_explore
from game.explorer.random_explore import explore_random
from game.story.loader import load_story_or_raise
from tests.conftest import DATA, MINI


@pytest.mark.parametrize(
    ("folder", "shows"),
    [(MINI, "traits"), (DATA / "stories" / "planted", "issues")],
    ids=["pages-move-traits", "planted-problems"],
)
def test_a_spawned_parallel_explore_covers_what_the_serial_one_does(
    folder: Path, shows: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = load_story_or_raise(folder)
    runs, first_seed = 12, 40
    serial = explore_random(story, runs, first_seed)
    assert getattr(serial, shows), f"the serial run must show {shows}, or comparing them proves little"
    started: list[str] = []
    get_context = multiprocessing.get_context

    def recording_context(method: str | None = None) -> multiprocessing.context.BaseContext:
        started.append(str(method))
        return get_context(method)

    monkeypatch.setattr(random_explore.multiprocessing, "get_all_start_methods", lambda: ["spawn", "forkserver"])
    monkeypatch.setattr(random_explore.multiprocessing, "get_context", recording_context)
    monkeypatch.setattr(random_explore, "SERIAL_BELOW", 2)
    spawned = explore_random(story, runs, first_seed, jobs=2)
    assert started == ["spawn"]
    assert serial.runs == spawned.runs == runs
    assert (spawned.scenes, spawned.choices, spawned.traits, spawned.endings) == (
        serial.scenes,
        serial.choices,
        serial.traits,
        serial.endings,
    )
    assert spawned.issues == serial.issues
