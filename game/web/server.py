"""The web server of `ruby-sparks serve`: textual-serve's, with a page of the game's own and a data folder per browser.

textual-serve starts one app process per websocket, all with the same command and the server's environment, so on
its own every visitor would share the serving user's saves. Here a cookie names each browser, and its game runs with a
data folder of its own under the server's (`<data>/web/<id>/`): two visitors never share saves, and a visitor who
closes the tab and comes back finds Continue where they left off. Closing the tab ends the app process, which
autosaves as a closed terminal does.

The page is the game's: its title, its theme's colours, textual-serve's bundled font (nothing is fetched from
elsewhere), and URLs built from the address the browser used, so it works whatever name or address reaches the server.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import secrets
import shlex
import socket
import sys
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual.theme import BUILTIN_THEMES
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from game.persistence.settings import Settings

log = logging.getLogger("textual-serve")

COOKIE = "ruby_sparks_browser"
BROWSER_ID = re.compile(r"[0-9a-f]{32}")
"""What the server hands out (`secrets.token_hex(16)`); anything else in the cookie is ignored, and so never becomes a
path."""
COOKIE_MAX_AGE = 400 * 24 * 3600
"""The longest a browser keeps a cookie: a visitor's saves stay theirs as long as the browser allows."""


def only_this_machine(host: str) -> bool:
    """Whether only this machine can reach `host` (a loopback address): anywhere else, anyone who reaches the port
    plays, and writes saves, as the serving user."""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def theme_colours(theme: str) -> dict[str, str]:
    """The page around the terminal in the colours the game starts in (each browser starts with default settings)."""
    colours = BUILTIN_THEMES.get(theme, BUILTIN_THEMES["textual-dark"]).to_color_system().generate()
    return {name: colours[name] for name in ("background", "foreground", "accent")}


class GameServer(Server):
    def __init__(self, *, story_dir: Path | None, title: str, data_dir: Path, host: str, port: int) -> None:
        super().__init__(
            command="ruby-sparks",
            host=host,
            port=port,
            title=title,
            templates_path=Path(__file__).parent / "templates",
        )
        self.story_dir = story_dir
        self.sessions_dir = data_dir / "web"
        self.colours = theme_colours(Settings().theme)

    def initialize_logging(self) -> None:
        """textual-serve's log, less aiohttp's line for every file the page loads: a game's start is what counts."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        print(f"Serving {self.title} at http://{shown}:{self.port}/ (Ctrl+C to stop)", flush=True)
        print(f"Each browser's saves are kept in {self.sessions_dir}", flush=True)

    async def handle_index(self, request: web.Request) -> web.Response:
        browser = request.cookies.get(COOKIE, "")
        context = {
            "title": self.title,
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "websocket_url": f"{'wss' if request.secure else 'ws'}://{request.host}/ws",
            **self.colours,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if not BROWSER_ID.fullmatch(browser):
            response.set_cookie(COOKIE, secrets.token_hex(16), max_age=COOKIE_MAX_AGE, httponly=True, samesite="Strict", path="/")
        return response

    def session_folder(self, request: web.Request) -> Path:
        """The browser's own data folder; a browser that keeps no cookie gets a fresh one for each page it opens."""
        browser = request.cookies.get(COOKIE, "")
        if not BROWSER_ID.fullmatch(browser):
            browser = secrets.token_hex(16)
        return self.sessions_dir / browser

    def session_command(self, folder: Path) -> str:
        """The game for one page, as the shell line textual-serve runs: this Python, so the same installed game."""
        command = [sys.executable, "-m", "game.web.session", "--home", str(folder)]
        if self.story_dir is not None:
            command += ["--story", str(self.story_dir)]
        return shlex.join(command)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own handler, but with the browser's data folder in the command of its game."""
        websocket = web.WebSocketResponse(heartbeat=15)
        folder = self.session_folder(request)
        service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            folder.mkdir(parents=True, exist_ok=True)
            await websocket.prepare(request)
            log.info("a game starts for %s in web/%s", request.remote, folder.name)
            service = AppService(
                self.session_command(folder),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                # the game is told to quit, and saves the player's place before it goes
                await service.stop()
        return websocket


def serve(*, story_dir: Path | None, title: str, data_dir: Path, host: str, port: int) -> int:
    """Serve until Ctrl+C: 0, or 1 with one line when the address cannot be had (a port in use, a wrong host)."""
    server = GameServer(story_dir=story_dir, title=title, data_dir=data_dir, host=host, port=port)
    try:
        # asked first, so "Serving ... at" (printed as the server starts, before it binds) is never a promise the
        # next line takes back; a port taken in between still fails below, with the same line
        with socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET):
            pass
        server.serve()
    except OSError as error:
        print(f"ruby-sparks: cannot serve on {host} port {port}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
