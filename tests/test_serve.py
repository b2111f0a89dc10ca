"""`ruby-sparks serve`: the game in a browser (issue 19).

The end-to-end tests (marked `e2e`) start the real `ruby-sparks serve` on 127.0.0.1 and drive it in headless Chromium
through Playwright, as a visitor would: by the keyboard only. Textual draws into a canvas, so what is on the screen is
read from what the game sends the page over its websocket (the terminal's text, escape codes taken out); what the
visitor sees is checked on a screenshot. Every wait polls with a deadline: CI is a busy 2-core machine.

Debian's `chromium` is used (Playwright's own browser download is out of reach); `.ci/run` installs it. Without it the
browser tests are skipped, saying so.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from game.commands import main
from game.engine.state import State
from game.persistence.saves import load_game
from game.story.model import Story
from tests.conftest import MINI, console_script

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, WebSocket

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEADLINE = 90.0
"""Seconds any one thing may take (the server to answer, the game to draw a screen, a save to appear): generous, since
on a busy machine a Python process with Textual can take several seconds to start."""
ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


# -- the command line, without a browser ------------------------------------------------------------------------------


def test_serve_without_the_web_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # as if it were not installed: importing it fails
    monkeypatch.setitem(sys.modules, "game.web.server", None)
    assert main(["serve"]) == 1
    assert capsys.readouterr().err == "ruby-sparks: serve needs the web extra: pip install 'ruby-sparks[web]'\n"


@pytest.mark.parametrize("port", ["0", "65536", "http", ""])
def test_serve_refuses_a_port_that_is_not_one(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert "is not a port" in capsys.readouterr().err


def _serving(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """What `serve` was asked to do, without listening anywhere."""
    import game.web.server

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(game.web.server, "serve", lambda **options: calls.append(options) or 0)
    return calls


def test_serving_beyond_this_machine_warns_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = _serving(monkeypatch)
    for host in ("0.0.0.0", "192.0.2.7", "::", "example.org"):
        assert main(["serve", "--host", host, "--port", "8123", "--story", str(MINI)]) == 0
        warning = capsys.readouterr().err
        assert warning.count("\n") == 1
        assert warning.startswith(f"ruby-sparks: warning: serving on {host}: anyone who can reach port 8123 can play")
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["title"] == "A Small Story"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_serving_this_machine_only_is_quiet(
    host: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = _serving(monkeypatch)
    assert main(["serve", "--host", host, "--story", str(MINI)]) == 0
    assert capsys.readouterr().err == ""
    assert calls[0]["host"] == host


def test_by_default_the_shipped_game_is_served_to_this_machine_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _serving(monkeypatch)
    assert main(["serve"]) == 0
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000 and calls[0]["title"] == "Ruby Sparks"
    assert calls[0]["story_dir"] is None


def test_serving_a_broken_story_fails_before_listening(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _serving(monkeypatch)
    (tmp_path / "story.yaml").write_text("format: 1\nid: [", encoding="utf-8")
    assert main(["serve", "--story", str(tmp_path)]) == 1
    assert main(["serve", "--story", str(tmp_path / "missing")]) == 2
    assert calls == []


def test_a_cookie_is_never_a_path(tmp_path: Path) -> None:
    """A browser's folder is named by the cookie the server gave it; anything else gets a fresh folder of its own."""
    from aiohttp.test_utils import make_mocked_request

    from game.web.server import COOKIE, GameServer

    server = GameServer(story_dir=None, title="Ruby Sparks", data_dir=tmp_path, host="127.0.0.1", port=8000)
    given = "0123456789abcdef0123456789abcdef"
    for cookie in ("../../etc", "/tmp", given.upper(), given + "0", ""):
        folder = server.session_folder(make_mocked_request("GET", "/ws", headers={"Cookie": f"{COOKIE}={cookie}"}))
        assert folder.parent == tmp_path / "web" and re.fullmatch("[0-9a-f]{32}", folder.name) and folder.name != given
    folder = server.session_folder(make_mocked_request("GET", "/ws", headers={"Cookie": f"{COOKIE}={given}"}))
    assert folder == tmp_path / "web" / given


def test_a_port_in_use_is_one_line_and_exit_1(private_home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*console_script(), "serve", "--port", str(port), "--story", str(MINI)],
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith(f"ruby-sparks: cannot serve on 127.0.0.1 port {port}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stdout + result.stderr
    assert "Serving" not in result.stdout  # no promise of an address it never had


# -- in a browser -----------------------------------------------------------------------------------------------------


class Server:
    """`ruby-sparks serve` running in a child process, on a free port of 127.0.0.1."""

    def __init__(self, log: Path, story: Path | None = None) -> None:
        self.log = log
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [*console_script(), "serve", "--port", str(self.port)]
        if story is not None:
            command += ["--story", str(story)]
        self.started = time.monotonic()
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_until_answering(self) -> None:
        deadline = time.monotonic() + DEADLINE
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"`ruby-sparks serve` ended with {self.process.returncode}:\n{self.output}")
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url, timeout=5) as response:
                if response.status == 200:
                    return
            if time.monotonic() > deadline:
                raise AssertionError(f"`ruby-sparks serve` never answered:\n{self.output}")
            time.sleep(0.2)

    def stop(self) -> int:
        """Ctrl+C, as its user would stop it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


class Screen:
    """The text the game has sent one page, as its terminal would show it, without the escape codes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._text: list[str] = []
        page.on("websocket", self._watch)

    def _watch(self, websocket: WebSocket) -> None:
        decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode

        def received(frame: bytes | str) -> None:
            if isinstance(frame, bytes):  # the terminal's output; text frames are the page's own protocol (pong)
                self._text.append(decode(frame))

        websocket.on("framereceived", received)

    @property
    def text(self) -> str:
        return ESCAPES.sub("", "".join(self._text))

    def mark(self) -> int:
        """Where the screen's text is now: `wait_for(..., after=mark)` waits for what is drawn from here on."""
        return len(self.text)

    def wait_for(self, words: str, after: int = 0) -> None:
        self.until(lambda: words in self.text[after:], f"the page never showed {words!r}")

    def until(self, condition: Callable[[], bool], failure: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"{failure}; it showed:\n{self.text[-3000:]}")
            self.page.wait_for_timeout(100)


def _ink(page: Page, png: bytes) -> float:
    """The share of a screenshot's pixels that are not its background colour (0 for a blank page), measured by the
    browser's own image decoder."""
    import base64

    return float(
        page.evaluate(
            """async (url) => {
                const image = new Image();
                image.src = url;
                await image.decode();
                const canvas = document.createElement("canvas");
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext("2d");
                context.drawImage(image, 0, 0);
                const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
                const counts = new Map();
                for (let i = 0; i < pixels.length; i += 4) {
                    const colour = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
                    counts.set(colour, (counts.get(colour) || 0) + 1);
                }
                return 1 - Math.max(...counts.values()) / (pixels.length / 4);
            }""",
            "data:image/png;base64," + base64.b64encode(png).decode(),
        )
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("no Chromium on this machine: `apt-get install -y chromium` (as .ci/run does) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def serve(tmp_path: Path, private_home: Path) -> Iterator[Callable[..., Server]]:
    """Start `ruby-sparks serve` (with the server's data folder in this test's private home); stopped after the test,
    which must then end cleanly."""
    servers: list[Server] = []

    def start(story: Path | None = MINI) -> Server:
        servers.append(Server(tmp_path / f"serve-{len(servers)}.log", story))
        return servers[-1]

    yield start
    for server in servers:
        code = server.stop()
        assert code == 0, server.output
        assert "Traceback" not in server.output, server.output


def _open(browser: Browser, server: Server) -> tuple[BrowserContext, Page, Screen]:
    """A new visitor (a browser context: its own cookies) with the game's page open."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    screen = Screen(page)
    page.goto(server.url)
    return context, page, screen


def _visitor_folder(context: BrowserContext, home: Path) -> Path:
    """The data folder the server keeps for this browser: named by the cookie it gave it."""
    cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
    return home / "web" / cookies["ruby_sparks_browser"]


def _write_a_page(page: Page, screen: Screen, text: str, outcome: str, slip: str = "") -> None:
    """From the title: New game, the first choice (to the typewriter), a page typed and pulled out, all by keys; a
    `slip` typed after the page is taken back with Alt+Backspace (Ctrl+W would close the tab).

    Each key waits for what the one before it shows, as a person's eyes would: a key pressed while the scene is still
    appearing only shows it whole, and Textual may run a key that a widget's binding handles (Home in the page) after
    letters typed just behind it."""
    mark = screen.mark()
    page.keyboard.press("n")
    screen.until(lambda: any(last in screen.text[mark:] for last in ("Rain.", "Sun.", "Fog.")), "the first scene never ended")
    mark = screen.mark()
    page.keyboard.press("1")
    screen.wait_for("What do you write about her?", after=mark)
    mark = screen.mark()
    page.keyboard.type(text + slip)
    screen.wait_for(text + slip, after=mark)
    if slip:
        page.keyboard.press("Alt+Backspace")  # like F2, a key the app's bindings take first: they run in order
    mark = screen.mark()
    page.keyboard.press("F2")
    screen.wait_for(outcome, after=mark)


def _autosave(folder: Path, story: Story, monkeypatch: pytest.MonkeyPatch) -> State:
    """The autosave of one visitor's folder, once it is there."""
    path = folder / "saves" / "autosave.json"
    deadline = time.monotonic() + DEADLINE
    while not path.exists():
        assert time.monotonic() < deadline, f"no autosave in {folder}: {sorted(p.name for p in folder.rglob('*'))}"
        time.sleep(0.1)
    monkeypatch.setenv("RUBY_SPARKS_HOME", str(folder))
    return load_game("autosave", story)


@pytest.mark.e2e
def test_a_visitor_plays_by_keyboard_and_closing_the_tab_saves(
    browser: Browser,
    serve: Callable[..., Server],
    private_home: Path,
    mini_story: Story,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    record_property: Callable[[str, object], None],
) -> None:
    server = serve()
    server.wait_until_answering()
    context, page, screen = _open(browser, server)
    assert page.title() == "A Small Story"  # the story's, not the server's
    screen.wait_for("New game")
    page.wait_for_function("document.body.classList.contains('-first-byte')", timeout=DEADLINE * 1000)
    seconds = time.monotonic() - server.started
    record_property("serve_to_title_seconds", round(seconds, 3))
    with capsys.disabled():
        print(f"\n`ruby-sparks serve` start to the title drawn in Chromium: {seconds:.2f} s")
    screen.wait_for("Content note: Nothing upsetting.")  # on the title, before any game begins

    _write_a_page(page, screen, "She speaks French.", "Bonjour.", slip=" Oops")
    screen.until(lambda: "alt+⌫" in screen.text, "the footer never offered Alt+Backspace at the typewriter")
    screen.until(lambda: "^s" in screen.text and "f10" in screen.text, "the footer never offered Ctrl+S and F10")
    png = page.screenshot(path=str(tmp_path / "after-the-page.png"))
    assert _ink(page, png) > 0.01, "the screenshot is blank"

    folder = _visitor_folder(context, private_home)
    state = _autosave(folder, mini_story, monkeypatch)  # kept at every scene, as in a terminal
    assert state.traits["speaks_french"] > 0
    assert [entry.action for entry in state.history if entry.scene == "page"] == ["You wrote: “She speaks French.”"]
    page.keyboard.press("Control+s")  # the quick save F5 is in a terminal
    deadline = time.monotonic() + DEADLINE
    while not (folder / "saves" / "quicksave.json").exists():
        assert time.monotonic() < deadline, "Ctrl+S never quick-saved"
        time.sleep(0.1)

    (folder / "saves" / "autosave.json").unlink()  # so the one found next is written when the tab closes
    page.close()
    assert _autosave(folder, mini_story, monkeypatch).traits["speaks_french"] > 0
    assert not (private_home / "saves").exists(), "a visitor's game saved into the server's own saves"
    context.close()


@pytest.mark.e2e
def test_two_visitors_at_once_keep_separate_saves(
    browser: Browser, serve: Callable[..., Server], private_home: Path, mini_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = serve()
    server.wait_until_answering()
    visitors = [_open(browser, server), _open(browser, server)]
    for _, _, screen in visitors:
        screen.wait_for("Content note: Nothing upsetting.")
    (context_a, page_a, screen_a), (context_b, page_b, screen_b) = visitors
    _write_a_page(page_a, screen_a, "She speaks French.", "Bonjour.")
    _write_a_page(page_b, screen_b, "She is not happy.", "Language: english")
    folder_a, folder_b = _visitor_folder(context_a, private_home), _visitor_folder(context_b, private_home)
    assert folder_a != folder_b
    traits_a = _autosave(folder_a, mini_story, monkeypatch).traits
    traits_b = _autosave(folder_b, mini_story, monkeypatch).traits
    assert traits_a["speaks_french"] > 0 and traits_a["happy"] == 0
    assert traits_b["speaks_french"] == 0 and traits_b["happy"] < 0
    page_b.keyboard.press("F10")  # quit, where Ctrl+Q would quit some browsers: the page says the game has ended
    page_b.wait_for_function("document.body.classList.contains('-closed')", timeout=DEADLINE * 1000)
    assert page_b.locator(".ended").is_visible()
    for context, _, _ in visitors:
        context.close()
