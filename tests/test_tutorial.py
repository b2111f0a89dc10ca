"""The tutorial in docs/authoring.md cannot drift: every command it shows is run, and its output must be what the page
shows, line numbers and counts included.

The page is read from top to bottom, as a reader follows it. Every ```yaml block whose first line is `# file: NAME`
writes that file of the tutorial story, whole, comment line included (a reader copying the block copies it too, so
the line numbers a reader's checker prints count it). A later block naming the same file replaces it. Every ```console
block holds commands (`$ ...`) and what each prints; each is run by bash in a folder holding the story as the page has
built it so far, with the output compared line by line. A line `...` in a shown output stands for any lines. The page
may ask for a temporary edit before a console block, in an HTML comment the reader does not see, for a step that says
"misspell this" or "remove that line":

    <!-- tutorial-edit
    - {file: scenes.yaml, replace: "to: jetty", with: "to: jety"}
    - {file: story.yaml, delete-line: "hope >= 2"}
    -->

Each edit must match exactly once, and holds for the next console block only. The explorer's replays are written under
the page's `RUBY_SPARKS_HOME` (/tmp/tutorial-home) in a folder named by the time: the test runs with its own home and
reads both as the page's. `python -m tests.test_tutorial --update` rewrites the shown outputs from real runs (except
those with `...`, which are compared only).
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from game.frontends.plain import play_plain
from game.records import prefab
from game.story.loader import load_story_or_raise
from game.story.schema import SCHEMAS
from tests.conftest import console_script
from tests.test_authoring import EditingStdin

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "authoring.md"
STORY = "gull-rock"
HOME = "/tmp/tutorial-home"
"""The data folder the page tells the reader to use (`export RUBY_SPARKS_HOME=...`)."""
FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$|^<!-- tutorial-edit\n(.*?)^-->[ \t]*$", re.MULTILINE | re.DOTALL)
FILE_LINE = re.compile(r"#\s*file:\s*(\S+)\s*$")
STAMP = re.compile(r"(gull-rock-)\d{8}-\d{6}")
SECONDS = 120


@prefab
class Command:
    line: str
    """The command as shown, after `$ `."""
    shown: list[str]
    files: dict[str, str]
    """The story as the page has built it when the command is shown, edits applied."""
    before: list[str]
    """The commands shown before it in the same block, run first in the same folder (one may write a file)."""
    start: int
    """Where the shown output begins in the page (a character offset), for --update."""
    end: int


def tutorial_files(markdown: str) -> dict[str, str]:
    """File name -> content of the finished tutorial story: the last ```yaml block naming each file."""
    files: dict[str, str] = {}
    for kind, body, _edits, _start, _end in _fences(markdown):
        name = _file_name(kind, body)
        if name:
            files[name] = body
    return files


def _fences(markdown: str) -> Iterator[tuple[str, str, str, int, int]]:
    for match in FENCE.finditer(markdown):
        if match.group(3) is not None:
            yield "edit", "", match.group(3), match.start(), match.end()
        else:
            yield match.group(1), match.group(2), "", match.start(2), match.end(2)


def _file_name(kind: str, body: str) -> str | None:
    named = FILE_LINE.fullmatch(body.partition("\n")[0].strip()) if kind == "yaml" else None
    return named.group(1) if named else None


def commands(markdown: str) -> list[Command]:
    files: dict[str, str] = {}
    edits: list[dict[str, str]] = []
    found: list[Command] = []
    for kind, body, edit_text, start, _end in _fences(markdown):
        if kind == "edit":
            edits = yaml.safe_load(edit_text)
        elif _file_name(kind, body):
            files[_file_name(kind, body) or ""] = body
        elif kind == "console":
            edited = _edited(files, edits)
            edits = []
            found.extend(_console(body, start, edited))
    return found


def _edited(files: dict[str, str], edits: list[dict[str, str]]) -> dict[str, str]:
    result = dict(files)
    for edit in edits:
        text = result[edit["file"]]
        if "delete-line" in edit:
            lines = [line for line in text.split("\n") if edit["delete-line"] in line]
            assert len(lines) == 1, f"the edit {edit} must match one line of {edit['file']}, not {len(lines)}"
            result[edit["file"]] = text.replace(lines[0] + "\n", "", 1)
        else:
            assert text.count(edit["replace"]) == 1, f"the edit {edit} must match {edit['file']} once"
            result[edit["file"]] = text.replace(edit["replace"], edit["with"])
    return result


def _console(body: str, start: int, files: dict[str, str]) -> Iterator[Command]:
    lines = body.split("\n")[:-1]
    assert lines and lines[0].startswith("$ "), f"a console block must begin with a command: {lines[:1]}"
    offset = start
    current: Command | None = None
    earlier: list[str] = []
    for line in lines:
        if line.startswith("$ "):
            if current is not None:
                current.end = offset
                yield current
                earlier = [*earlier, current.line]
            offset += len(line) + 1
            current = Command(line[2:], [], files, earlier, offset, offset)
        else:
            assert current is not None
            current.shown.append(line)
            offset += len(line) + 1
    assert current is not None
    current.end = offset
    yield current


def run(command: Command, folder: Path) -> list[str]:
    """The command's output as the page would show it: run by bash in `folder`, beside the story it names."""
    story = folder / STORY
    story.mkdir(parents=True)
    for name, text in command.files.items():
        (story / name).write_text(text, encoding="utf-8")
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "ruby-sparks"
    wrapper.write_text(f'#!/bin/sh\nexec {shlex.join(console_script())} "$@"\n')
    wrapper.chmod(0o755)
    home = folder / "home"
    env = {**os.environ, "RUBY_SPARKS_HOME": str(home), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    for earlier in command.before:
        subprocess.run(["bash", "-c", earlier], cwd=folder, env=env, capture_output=True, timeout=SECONDS, check=True)
    result = subprocess.run(["bash", "-c", command.line], cwd=folder, env=env, capture_output=True, text=True, timeout=SECONDS)
    output = (result.stdout + result.stderr).replace(str(home), HOME)
    return [line.rstrip() for line in output.splitlines()]


def matches(shown: list[str], actual: list[str]) -> bool:
    pattern = "".join(r"(?:[^\n]*\n)*?" if line == "..." else re.escape(_unstamped(line)) + r"\n" for line in shown)
    return re.fullmatch(pattern, "".join(_unstamped(line) + "\n" for line in actual)) is not None


def _unstamped(line: str) -> str:
    return STAMP.sub(r"\1<time>", line.rstrip())


COMMANDS = commands(TUTORIAL.read_text(encoding="utf-8"))


def tool(command: Command) -> str:
    """The subcommand a shown command runs: `check` in `printf ... | ruby-sparks check gull-rock`."""
    words = command.line.split()
    return words[words.index("ruby-sparks") + 1] if "ruby-sparks" in words else words[0]


@pytest.mark.parametrize("command", COMMANDS, ids=[f"{n}-{tool(c)}" for n, c in enumerate(COMMANDS)])
def test_every_command_prints_what_the_page_shows(command: Command, tmp_path: Path) -> None:
    actual = run(command, tmp_path)
    assert matches(command.shown, actual), (
        f"`{command.line}` no longer prints what docs/authoring.md shows "
        "(`python -m tests.test_tutorial --update` rewrites the page's outputs):\n"
        + "\n".join(difflib.unified_diff(command.shown, actual, "the page", "the command", lineterm=""))
    )


def test_the_page_shows_the_commands_of_each_step() -> None:
    """The checks this file makes are only as good as the commands the page shows: every step that runs a tool
    shows it, with its output."""
    shown = {tool(command) for command in COMMANDS}
    for name in ("check", "page", "graph", "explore", "stats", "play"):
        assert name in shown, f"the tutorial shows no `ruby-sparks {name}` with its output"
    assert any("--exhaustive" in command.line for command in COMMANDS)


def test_an_edit_must_match_once() -> None:
    page = "```yaml\n# file: a.yaml\nx: 1\nx: 1\n```\n<!-- tutorial-edit\n- {file: a.yaml, replace: 'x: 1', with: 'y'}\n-->\n"
    with pytest.raises(AssertionError, match=r"must match a\.yaml once"):
        commands(page + "```console\n$ true\n```\n")


def test_shown_output_may_leave_lines_out_but_not_change_them() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"]) and matches(["a", "...", "b"], ["a", "b"])
    assert not matches(["a", "...", "d"], ["a", "b", "c", "e"]) and not matches(["a", "b"], ["a", "b", "c"])
    assert matches(["gull-rock-20261127-034640/x.json"], ["gull-rock-20250101-000000/x.json"])


def test_the_tutorial_shows_three_files() -> None:
    files = tutorial_files(TUTORIAL.read_text(encoding="utf-8"))
    assert set(files) == {"story.yaml", "scenes.yaml", "lexicon.yaml"}


def test_later_blocks_replace_earlier_ones() -> None:
    markdown = "```yaml\n# file: a.yaml\nold: 1\n```\n\ntext\n\n```yaml\n# file: a.yaml\nnew: 2\n```\n\n```yaml\nother: 3\n```\n"
    assert tutorial_files(markdown) == {"a.yaml": "# file: a.yaml\nnew: 2\n"}


@pytest.fixture(scope="module")
def story_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = tutorial_files(TUTORIAL.read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp("tutorial") / STORY
    folder.mkdir()
    for name, text in files.items():
        path = folder / name
        assert path.resolve().is_relative_to(folder.resolve()), f"a tutorial file leaves the story folder: {name}"
        path.write_text(text, encoding="utf-8")
    return folder


def test_the_finished_story_checks_clean_and_explores_ok(story_dir: Path, tmp_path: Path) -> None:
    """The story a reader ends with (Step 9 adds a modeline to a file) passes `check --strict` and the exhaustive
    walk: no dead branch, no trap, no choice never taken."""
    env = {**os.environ, "RUBY_SPARKS_HOME": str(tmp_path)}
    checked = subprocess.run(
        [*console_script(), "check", str(story_dir), "--strict"], capture_output=True, text=True, env=env, timeout=SECONDS
    )
    assert checked.returncode == 0 and checked.stdout.strip().endswith("ok, no errors or warnings"), checked.stdout
    explored = subprocess.run(
        [*console_script(), "explore", str(story_dir), "--exhaustive", "--format", "json", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=SECONDS,
    )
    report = json.loads(explored.stdout)
    assert explored.returncode == 0 and report["ok"], report
    assert set(report["endings"]) == {"boat_comes_in", "long_night"}


def test_with_watch_an_edit_is_shown_before_the_next_input_is_answered(story_dir: Path, tmp_path: Path) -> None:
    """Step 8's promise: under --watch, the input typed after an edit is answered by the edited story, after the
    notice and the scene as it now reads."""
    story = tmp_path / STORY
    shutil.copytree(story_dir, story)
    scenes = story / "scenes.yaml"

    def edit() -> None:
        scenes.write_text(scenes.read_text().replace("Sit down and write to Marisol", "Write to the captain"))

    out = io.StringIO()
    play_plain(load_story_or_raise(story), EditingStdin(["1\n", edit, "2\n"]), out, watch=True)
    text = out.getvalue()
    notice = text.index("[The story was reloaded; you are where you were.]")
    assert text.index("2. Write to the captain", notice) < text.index("## The Desk", notice)


def test_every_schema_key_is_in_the_tutorial() -> None:
    text = TUTORIAL.read_text(encoding="utf-8")
    missing = sorted({key.name for keys in SCHEMAS.values() for key in keys if f"`{key.name}`" not in text})
    assert not missing, f"docs/authoring.md does not mention: {missing}"


def update(page: Path) -> int:
    """Rewrite each shown output (but those with `...`) with what its command prints now; the number changed."""
    import tempfile

    markdown = page.read_text(encoding="utf-8")
    changed = 0
    for command in reversed(commands(markdown)):
        if "..." in command.shown:
            continue
        with tempfile.TemporaryDirectory() as folder:
            actual = run(command, Path(folder))
        if not matches(command.shown, actual):
            markdown = markdown[: command.start] + "".join(line + "\n" for line in actual) + markdown[command.end :]
            changed += 1
    page.write_text(markdown, encoding="utf-8")
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        raise SystemExit("usage: python -m tests.test_tutorial --update")
    print(f"{update(TUTORIAL)} output(s) rewritten in {TUTORIAL}")
