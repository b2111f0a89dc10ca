"""Shared fixtures: the small test story, the shipped story, and a private data folder for every test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise
from game.story.model import Story

DATA = Path(__file__).parent / "data"
MINI = DATA / "stories" / "mini"


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


@pytest.fixture
def story_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini story, for tests that break it."""
    target = tmp_path / "story"
    shutil.copytree(MINI, target)
    return target
