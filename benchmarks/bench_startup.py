"""Start-up of the Textual game (issue 6): time from process start to the title drawn, and peak memory.

Both are compared, in the same run, with a bare Textual app that shows one `Static`: targets <= 1.3x the time and
<= 1.5x the memory. Each app runs headless in its own process and stamps the clock when its first screen is drawn:
what a player waits for is the title, not the process's exit (the game starts loading the story in a thread right
after the title is drawn, and the process waits for it before it ends). The two apps take turns, so a burst of load
on a shared machine falls on both alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

DRAWN = """
import time

def drawn(app):
    print(time.time(), flush=True)
    app.exit()
"""
BARE = (
    DRAWN
    + """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("Ruby Sparks")
    def on_mount(self):
        self.call_after_refresh(drawn, self)

Bare().run(headless=True)
"""
)
GAME = (
    DRAWN
    + """
from game.tui.app import RubySparksApp

class Probe(RubySparksApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(drawn, self)

Probe().run(headless=True)
"""
)


def first_draw(code: str) -> float:
    """Wall seconds from starting a fresh process running `code` to its first screen drawn."""
    start = time.time()
    stamp = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(stamp.split()[-1]) - start


def main() -> None:
    bare_times, game_times = [], []
    for _ in range(11):
        bare_times.append(first_draw(BARE))
        game_times.append(first_draw(GAME))
    bare_time, game_time = statistics.median(bare_times), statistics.median(game_times)
    bare_memory = _peak(BARE)
    game_memory = _peak(GAME)
    time_ratio = game_time / bare_time
    memory_ratio = game_memory / bare_memory
    print(f"bare Textual app: median {bare_time * 1000:.0f} ms to first draw, peak {bare_memory:.1f} MB")
    print(f"Ruby Sparks title: median {game_time * 1000:.0f} ms to first draw, peak {game_memory:.1f} MB")
    print(f"time ratio {time_ratio:.2f}x (target <= 1.3x: {'ok' if time_ratio <= 1.3 else 'OVER TARGET'})")
    print(f"memory ratio {memory_ratio:.2f}x (target <= 1.5x: {'ok' if memory_ratio <= 1.5 else 'OVER TARGET'})")


def _peak(code: str, repeat: int = 5) -> float:
    """RUSAGE_CHILDREN keeps the largest child ever seen, so each reading runs in its own fresh parent."""
    probe = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-c', {code!r}], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    readings = [
        int(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(readings) / 1024


if __name__ == "__main__":
    main()
