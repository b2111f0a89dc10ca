"""Shared fixtures: the small test story, the shipped story, and a private data folder for every test; and the
Hypothesis profiles.

Hypothesis runs the `ci` profile unless `HYPOTHESIS_PROFILE=dev` is set: `ci` is derandomized (the same examples on
every run and every machine, so a red build is never a roll of the dice) and keeps each test's stated example budget
(`examples(N)`: N examples); `dev` draws new random examples on every run, ten times as many, for a longer hunt on a
developer's machine. Neither has a deadline: a busy CI machine is slow, not wrong.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from game.explorer.exhaustive import Exploration, explore_exhaustive
from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.story.model import Story

DATA = Path(__file__).parent / "data"
MINI = DATA / "stories" / "mini"

settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=100, print_blob=True)
settings.register_profile("dev", derandomize=False, deadline=None, max_examples=1000)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(budget: int) -> int:
    """A property test's number of examples: its `budget` under the `ci` profile, ten times it under `dev`."""
    return budget * 10 if HYPOTHESIS_PROFILE == "dev" else budget


def console_script() -> list[str]:
    """The `ruby-sparks` command as a player runs it: the venv's script beside this Python (when pytest runs without
    the venv on PATH), else the one on PATH, else `python -m game`."""
    beside = Path(sys.executable).parent / "ruby-sparks"
    found = str(beside) if beside.exists() else shutil.which("ruby-sparks")
    return [found] if found else [sys.executable, "-m", "game"]


def cap_memory() -> None:
    """A `preexec_fn` for a child that must not fill the machine: 1 GB of address space, so reading an endless input
    whole fails with MemoryError instead."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saves and records of a test go to its own folder, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RUBY_SPARKS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def mini_story() -> Story:
    return load_story_or_raise(MINI)


@pytest.fixture(scope="session")
def shipped_story() -> Story:
    return load_story_or_raise(shipped_story_dir())


@pytest.fixture(scope="session")
def shipped_exploration(shipped_story: Story) -> Exploration:
    """The exhaustive walk of the shipped story, once for the whole run: it takes seconds, and several tests need its
    paths. (Its dead-branch search is tested through the command, which runs it in full.)"""
    return explore_exhaustive(shipped_story, witness_runs=0)


@pytest.fixture
def story_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini story, for tests that break it."""
    target = tmp_path / "story"
    shutil.copytree(MINI, target)
    return target
