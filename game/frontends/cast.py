"""`ruby-sparks replay FILE --cast OUT.cast`: a run as an asciinema recording (asciicast v2), for people who would
rather watch a run than read its JSON.

The recording is the run played back in plain text (`replay --plain`) at its real timing: each input appears at the
time the runner made it, with no pause cut short. Its first line is the header (`version` 2, the terminal's `width`
and `height`, a `title`); each line after it is an output event, `[seconds, "o", text]`, with line ends as a terminal
wants them (`\\r\\n`). asciinema plays it (`asciinema play OUT.cast`), and so does its web player. It draws
plain mode's output, so it lives with the front ends.
"""

from __future__ import annotations

import io
import json
import sys

from game.frontends.plain import WIDTH
from game.frontends.plain_replay import play_back_plain
from game.replay.format import Replay
from game.replay.verify import format_time
from game.story.model import Story

HEIGHT = 24


class _Recording(io.StringIO):
    """Collects what is written, each piece stamped with the recording's own clock, which only `wait` moves on."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = 0.0
        self.events: list[tuple[float, str]] = []

    def write(self, text: str) -> int:
        if text:
            self.events.append((self.clock, text.replace("\r\n", "\n").replace("\n", "\r\n")))
        return len(text)

    def wait(self, seconds: float) -> None:
        self.clock += seconds


def cast_text(story: Story, replay: Replay) -> tuple[str, int]:
    """The asciicast, and the exit code of the playback in it (1 when the replay stops at an input the game refuses)."""
    recording = _Recording()
    code = play_back_plain(story, replay, recording, speed=1.0, wait=recording.wait, longest_wait=None)
    claimed = format_time(replay.result.time) if replay.result is not None else "unfinished"
    header = {
        "version": 2,
        "width": _width(recording.events),
        "height": HEIGHT,
        "title": f"{story.title}: {replay.category} run ({claimed})",
        "env": {"TERM": "xterm-256color"},
    }
    # ASCII JSON: a replay's page may hold a lone surrogate, which no UTF-8 file can carry but a JSON escape can
    lines = [json.dumps(header)]
    lines += [json.dumps([round(at, 3), "o", text]) for at, text in _merged(recording.events)]
    return "\n".join(lines) + "\n", code


def _width(events: list[tuple[float, str]]) -> int:
    """The terminal's width: the widest line the playback prints, in columns (a CJK character or an emoji takes two),
    and never under the 80 columns plain mode is written for. Plain mode wraps prose but not every line (its hint at
    the typewriter, a page as typed), and a player clips what is wider than the header says."""
    from rich.cells import cell_len

    text = "".join(piece for _at, piece in events)
    return max([WIDTH + 2, *(cell_len(line) for line in text.split("\r\n"))])


def _merged(events: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """One event per moment: the lines written at one time arrive together, as a terminal would show them."""
    merged: list[tuple[float, str]] = []
    for at, text in events:
        if merged and merged[-1][0] == at:
            merged[-1] = (at, merged[-1][1] + text)
        else:
            merged.append((at, text))
    return merged


def write_cast(story: Story, replay: Replay, out: str) -> int:
    """`replay FILE --cast OUT`: write the recording and say so in one line; an exit code."""
    text, code = cast_text(story, replay)
    try:
        with open(out, "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        print(f"ruby-sparks: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    length = format_time(replay.inputs[-1].t) if replay.inputs else "0:00.000"
    print(f"Wrote {out}: {len(replay.inputs)} inputs over {length}, as asciicast v2 (play it with `asciinema play {out}`).")
    return code
