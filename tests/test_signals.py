"""A signal (Ctrl+C, `kill`, a closed terminal) never loses the player's place (issue 9).

The real console script is started with a private RUBY_SPARKS_HOME, played a little, and sent SIGINT, SIGTERM or SIGHUP:
it must leave without a traceback, within a few seconds, with `autosave.json` holding the scene it had reached.
Plain mode is driven through pipes (stdin kept open, so the game is waiting at its prompt when the signal comes); the
Textual front end is driven through a pseudo-terminal, as a player's terminal would.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from game.persistence.saves import load_game, slot_path
from game.story.model import Story
from tests.conftest import MINI, console_script

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and pseudo-terminals")]

SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


class Output:
    """Everything a child writes to one stream, collected by a thread so the child never blocks on a full pipe."""

    def __init__(self, read: Callable[[], bytes], errors: Output | None = None) -> None:
        self._read = read
        self.errors = errors  # the child's stderr, shown too when the words never come
        self._chunks: list[bytes] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        while True:
            try:
                chunk = self._read()
            except OSError:  # the pty's other side closed
                return
            if not chunk:
                return
            with self._lock:
                self._chunks.append(chunk)

    @property
    def text(self) -> str:
        with self._lock:
            return b"".join(self._chunks).decode("utf-8", "replace")

    def wait_for(self, words: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while words not in self.text:
            if time.monotonic() > deadline:
                stderr = f"\nstderr:\n{self.errors.text[-3000:]}" if self.errors else ""
                raise AssertionError(f"{words!r} never appeared; the output was:\n{self.text[-3000:]}{stderr}")
            time.sleep(0.05)

    def join(self, timeout: float = 5.0) -> None:
        self._thread.join(timeout)


def _stream(handle: IO[bytes]) -> Callable[[], bytes]:
    return lambda: os.read(handle.fileno(), 65536)


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda number: signal.Signals(number).name)
def test_plain_mode_autosaves_on_a_signal(signum: int, mini_story: Story) -> None:
    child = subprocess.Popen(
        [*console_script(), "play", "--plain", "--story", str(MINI)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    err = Output(_stream(child.stderr))
    out = Output(_stream(child.stdout), errors=err)
    try:
        out.wait_for("  3. Give up")
        child.stdin.write(b"2\n")  # make a promise: back to the desk
        child.stdin.flush()
        out.wait_for("You promise. Trust is")
        child.stdin.write(b"1\n")  # sit down and write: the typewriter
        child.stdin.flush()
        out.wait_for("page> ")
        slot_path("autosave").unlink()  # kept at each scene; what is checked below is the one the signal makes
        child.send_signal(signum)  # stdin stays open: the game is waiting at its prompt
        code = child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        with contextlib.suppress(OSError):
            child.stdin.close()
    out.join()
    err.join()
    assert code == 0, err.text
    assert "Traceback" not in err.text and "Traceback" not in out.text
    assert out.text.rstrip().endswith("Saved to `autosave`.")
    state = load_game("autosave", mini_story)
    assert state.scene == "page" and state.variables["vow"] is True


# -- the Textual front end, in a pseudo-terminal ------------------------------------------------------------------


def _start_tui() -> tuple[subprocess.Popen[bytes], int, Output]:
    primary, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = os.environ.copy() | {"TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [*console_script(), "play", "--story", str(MINI), "--no-anim"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(secondary)
    return child, primary, Output(lambda: os.read(primary, 65536))


def _press(primary: int, keys: str) -> None:
    os.write(primary, keys.encode())


def _wait_for_file(path: Path, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} was never written")
        time.sleep(0.1)


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda number: signal.Signals(number).name)
def test_the_tui_autosaves_on_a_signal(signum: int, mini_story: Story) -> None:
    autosave = slot_path("autosave")
    child, primary, out = _start_tui()
    try:
        out.wait_for("Nothing upsetting.")  # the title shows the story's content note once the story has loaded
        assert child.poll() is None, out.text[-3000:]
        _press(primary, "n")  # new game
        out.wait_for("The Desk")  # the first scene, in the header
        _press(primary, "1")  # sit down and write: the typewriter (the app autosaves after every scene)
        _wait_for_file(autosave)
        assert load_game("autosave", mini_story).scene == "page"
        autosave.unlink()  # so what is found next was written by the signal handler
        child.send_signal(signum)
        code = child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    out.join()
    os.close(primary)
    assert "Traceback" not in out.text, out.text[-3000:]
    assert code == 0, out.text[-3000:]
    state = load_game("autosave", mini_story)
    assert state.scene == "page"


# -- Ctrl+C before anything has started ---------------------------------------------------------------------------

EARLY = textwrap.dedent(
    """
    import importlib.abc, os, signal, sys

    signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal (a test runner may ignore SIGINT)

    class InterruptOnImport(importlib.abc.MetaPathFinder):
        # Ctrl+C at one exact moment of start-up: when the program first imports the module named here.
        module = sys.argv[1]

        def find_spec(self, name, path, target=None):
            if name == self.module:
                sys.meta_path.remove(self)
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, InterruptOnImport())
    sys.argv = ["ruby-sparks", *sys.argv[2:]]
    from game.cli import console

    raise SystemExit(console())
    """
)


@pytest.mark.parametrize(
    ("module", "command"),
    [
        ("game.commands", ["check", str(MINI)]),  # the subcommands, imported by the entry point
        ("argparse", ["check", str(MINI)]),  # in the middle of importing them
        ("game.authoring.checks", ["check", str(MINI)]),  # while the command starts
        ("game.persistence.story_cache", ["play", "--plain", "--story", str(MINI)]),  # before plain mode has a game to save
    ],
    ids=["entry-point", "importing-commands", "command-start", "loading-the-story"],
)
def test_ctrl_c_while_starting_exits_130_without_a_traceback(module: str, command: list[str]) -> None:
    """The first ~50 ms of a run are imports: a Ctrl+C there used to print a KeyboardInterrupt traceback. The signal
    is sent by the child itself at the moment it first imports `module`, so it lands there on any machine."""
    result = subprocess.run(
        [sys.executable, "-c", EARLY, module, *command],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
        env=os.environ.copy(),
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr == "" and "Traceback" not in result.stdout


# -- the Textual front end, while its event loop is busy ----------------------------------------------------------


async def test_the_tui_autosaves_on_a_signal_while_its_event_loop_is_busy(private_home: Path, shipped_story: Story) -> None:
    """A handler on the event loop runs only when the loop is free: a long paste once delayed SIGTERM by 20 s and more.
    Here the loop is kept busy by a callback that only ends once the autosave exists (or after a minute), and SIGTERM
    is sent from another thread while it runs: the place must be saved during the busy spell, not after it."""
    from tests.tui_helpers import make_app, ready, wait_until

    autosave = slot_path("autosave")
    busy_for: list[float] = []

    def busy() -> None:
        threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGTERM)).start()  # lands while the loop is stuck below
        start = time.monotonic()
        while not autosave.exists() and time.monotonic() - start < 60:
            pass  # the event loop is stuck here, as in a long synchronous handler
        busy_for.append(time.monotonic() - start)

    def unexpected(signum: int, frame: object) -> None:
        raise AssertionError("the app did not take SIGTERM")

    outside = signal.signal(signal.SIGTERM, unexpected)  # a safety net: a missed signal must not end the test run
    try:
        app = make_app()
        async with app.run_test() as pilot:
            await ready(pilot)
            await pilot.press("n", "1")
            await wait_until(pilot, lambda: autosave.exists())
            autosave.unlink()
            assert app.controller is not None and app.controller.state is not None
            scene = app.controller.state.scene
            app.call_later(busy)
            await wait_until(pilot, lambda: bool(busy_for), seconds=120)
            await wait_until(pilot, lambda: not app.is_running)
        assert busy_for[0] < 60, "the autosave was not made while the loop was busy"
        assert load_game("autosave", shipped_story).scene == scene
        assert signal.getsignal(signal.SIGTERM) is unexpected, "the app must give the old handler back"
    finally:
        signal.signal(signal.SIGTERM, outside)
