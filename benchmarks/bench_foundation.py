"""Foundation targets: `check` of the shipped story against `import yaml`, and 1,000 engine playthroughs.

Targets: `ruby-sparks check` <= 3x `python -c "import yaml"` (whole processes, same run); 1,000 seeded random
playthroughs of the shipped story <= 1 s; importing the engine does not import Textual.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from timing import compile_bytecode, median_process_seconds, median_seconds, ruby_sparks, verdict

from game.explorer.random_explore import explore_random
from game.paths import shipped_story_dir
from game.story.loader import load_story_or_raise


def main() -> None:
    compile_bytecode()
    check_command = [*ruby_sparks(), "check"]
    baseline = median_process_seconds([sys.executable, "-c", "import yaml"], repeat=15)
    check = median_process_seconds(check_command, repeat=15)
    cold = median_process_seconds(check_command, env={**os.environ, "RUBY_SPARKS_NO_CACHE": "1"})
    ratio = check / baseline
    print(f"import yaml (process): median {baseline * 1000:.1f} ms")
    target = verdict(ratio, 3)
    print(f"ruby-sparks check (process, story cached): median {check * 1000:.1f} ms; ratio {ratio:.2f}x (target <= 3x: {target})")
    print(f"ruby-sparks check (process, no cache): median {cold * 1000:.1f} ms; ratio {cold / baseline:.2f}x")

    story = load_story_or_raise(shipped_story_dir())
    load = median_seconds(lambda: load_story_or_raise(shipped_story_dir()), repeat=5)
    print(f"load the shipped story (in process): median {load * 1000:.1f} ms")

    runs = median_seconds(lambda: explore_random(story, 1000), repeat=3)
    print(f"1,000 random playthroughs: median {runs:.3f} s (target <= 1 s: {verdict(runs, 1)})")

    probe = "import sys, game.engine, game.story.loader; print('textual' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    print(f"importing the engine imports Textual: {imported == 'True'} (target: False)")


if __name__ == "__main__":
    main()
