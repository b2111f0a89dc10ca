"""Run every benchmark of the project and print medians and ratios: `python benchmarks/run.py`.

Each `bench_*.py` beside this file is run as its own process, so one benchmark's imports and caches cannot flatter
another's figures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    failed = 0
    for script in sorted(here.glob("bench_*.py")):
        print(f"== {script.stem}", flush=True)
        failed |= subprocess.run([sys.executable, str(script)], check=False).returncode
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
