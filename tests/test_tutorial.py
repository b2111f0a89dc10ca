"""The tutorial in docs/authoring.md stays true: its story checks clean, explores fully, and reads its example page.

Every ```yaml block of the tutorial whose first line is `# file: NAME` is a file of the tutorial story. A file may be
shown more than once as it grows; the last block naming it wins, as a reader copying the page would end up with.
Each command goes through the real console script, as an author would run it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from game.story.schema import SCHEMAS
from tests.conftest import console_script

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"^```yaml[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
FILE_LINE = re.compile(r"#\s*file:\s*(\S+)\s*$")

EXAMPLE_PAGE = "Marisol is fearless. She always arrives on time. The gulls are homesick."
"""The page the tutorial reads with `ruby-sparks page`: it asserts `brave` and `punctual`; the gulls are not the subject."""

SECONDS = 60


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RUBY_SPARKS_HOME": str(home)}
    return subprocess.run([*console_script(), *args], capture_output=True, text=True, timeout=SECONDS, env=env, cwd=ROOT)


def tutorial_files(markdown: str) -> dict[str, str]:
    """File name -> content of the tutorial story: the last ```yaml block naming each file."""
    files: dict[str, str] = {}
    for match in BLOCK.finditer(markdown):
        body = match.group(1)
        first, _, rest = body.partition("\n")
        named = FILE_LINE.fullmatch(first.strip())
        if named:
            files[named.group(1)] = rest
    return files


@pytest.fixture(scope="module")
def story_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = tutorial_files(TUTORIAL.read_text(encoding="utf-8"))
    assert "story.yaml" in files, "the tutorial must show a manifest, `# file: story.yaml`"
    folder = tmp_path_factory.mktemp("tutorial") / "gull-rock"
    for name, text in files.items():
        path = folder / name
        assert path.resolve().is_relative_to(folder.resolve()), f"a tutorial file leaves the story folder: {name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def test_the_tutorial_shows_three_files() -> None:
    files = tutorial_files(TUTORIAL.read_text(encoding="utf-8"))
    assert set(files) == {"story.yaml", "scenes.yaml", "lexicon.yaml"}


def test_later_blocks_replace_earlier_ones() -> None:
    markdown = "```yaml\n# file: a.yaml\nold: 1\n```\n\ntext\n\n```yaml\n# file: a.yaml\nnew: 2\n```\n\n```yaml\nother: 3\n```\n"
    assert tutorial_files(markdown) == {"a.yaml": "new: 2\n"}


def test_the_tutorial_story_checks_clean(story_dir: Path, home: Path) -> None:
    result = _run("check", str(story_dir), "--strict", "--format", "json", home=home)
    report = json.loads(result.stdout)
    assert report["diagnostics"] == [], report["diagnostics"]
    assert (report["errors"], report["warnings"], report["ok"]) == (0, 0, True)
    assert result.returncode == 0, result.stderr


def test_the_tutorial_story_checks_clean_as_text(story_dir: Path, home: Path) -> None:
    result = _run("check", str(story_dir), "--strict", home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok, no errors or warnings"), result.stdout


def test_the_explorer_reaches_every_ending(story_dir: Path, home: Path) -> None:
    result = _run("explore", str(story_dir), "--runs", "200", "--format", "json", "--out", str(home / "explore"), home=home)
    report = json.loads(result.stdout)
    assert report["ok"] is True, report
    assert report["unreached_endings"] == [] and report["issues"] == []
    assert set(report["endings"]) == {"boat_comes_in", "long_night"}
    assert result.returncode == 0


def test_the_example_page_reads_as_the_tutorial_says(story_dir: Path, home: Path) -> None:
    assert EXAMPLE_PAGE in TUTORIAL.read_text(encoding="utf-8"), "the tutorial no longer shows the example page"
    result = _run("page", "--story", str(story_dir), "--json", EXAMPLE_PAGE, home=home)
    assert result.returncode == 0, result.stderr
    reading = json.loads(result.stdout)
    first, second, third = reading["sentences"]
    assert first["about_ruby"] and [(t["id"], t["negated"]) for t in first["traits"]] == [("brave", False)]
    assert second["about_ruby"] and [(t["id"], t["intensity"]) for t in second["traits"]] == [("punctual", 2.0)]
    assert not third["about_ruby"] and third["traits"] == []
    assert reading["effects"] == ["brave = 1", "punctual = 2", "hope += 1"]


def test_every_schema_key_is_in_the_tutorial() -> None:
    text = TUTORIAL.read_text(encoding="utf-8")
    missing = sorted({key.name for keys in SCHEMAS.values() for key in keys if f"`{key.name}`" not in text})
    assert not missing, f"docs/authoring.md does not mention: {missing}"
