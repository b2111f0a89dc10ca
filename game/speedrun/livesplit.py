"""`--livesplit [HOST:]PORT`: a LiveSplit Server (LiveSplit's own, or its Server component) follows the run's timer.

LiveSplit Server takes text commands over TCP, each ended by `\\r\\n`. A run sends `starttimer` and `initgametime` at its
first input, then at each split `setgametime H:MM:SS.mmm` (the game's own clock, so LiveSplit's game time is the
run's time to the millisecond, whatever the network adds) and `split`; the finish is the last split. An unfinished run
that is left sends `reset`, and so does a new run after a finished one (LiveSplit's timer stays stopped at the end
until then). Nothing here ever stops the game: when nothing listens, or the timer goes away, the player gets one line
saying so and the run goes on.
"""

from __future__ import annotations

import contextlib
import socket

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 16834
"""LiveSplit Server's default port."""
CONNECT_SECONDS = 1.0


def parse_address(value: str) -> tuple[str, int]:
    """`PORT`, `HOST:PORT` or `[IPv6]:PORT`; ValueError with the reason for anything else."""
    host, _, port = value.rpartition(":")
    host = host.strip("[]") or DEFAULT_HOST
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{value!r} is not [HOST:]PORT (a port is a number from 1 to 65535; LiveSplit's is {DEFAULT_PORT})")
    return host, int(port)


def game_time(ms: int) -> str:
    """A time as LiveSplit reads one (hours:minutes:seconds.milliseconds)."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


class LiveSplitLink:
    """One TCP connection to a LiveSplit Server; every method returns a warning for the player, or ""."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.socket: socket.socket | None = None
        self.timing = False
        """LiveSplit's timer was started by a run and not reset since (running, or stopped at a finish)."""

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def connect(self) -> str:
        """Connect for a new run, unless still connected."""
        if self.socket is not None:
            return ""
        try:
            self.socket = socket.create_connection((self.host, self.port), timeout=CONNECT_SECONDS)
        except OSError as error:
            reason = error.strerror or str(error) or type(error).__name__
            return f"LiveSplit: nothing listens on {self.where} ({reason}); the run goes on without it."
        self.timing = False
        return ""

    def started(self) -> str:
        commands = ["reset"] if self.timing else []
        self.timing = True
        return self._send(*commands, "starttimer", "initgametime")

    def split(self, t: int) -> str:
        return self._send(f"setgametime {game_time(t)}", "split")

    def reset(self) -> str:
        self.timing = False
        return self._send("reset")

    def close(self) -> None:
        if self.socket is not None:
            with contextlib.suppress(OSError):
                self.socket.close()
            self.socket = None

    def _send(self, *commands: str) -> str:
        if self.socket is None:
            return ""
        try:
            self.socket.sendall("".join(f"{command}\r\n" for command in commands).encode("utf-8"))
        except OSError as error:
            self.close()
            return f"LiveSplit at {self.where} stopped listening ({error.strerror or error}); the run goes on without it."
        return ""
