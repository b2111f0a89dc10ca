"""A large synthetic story for timing the checker: N scenes in acts of 50, with conditions, effects and templates."""

from __future__ import annotations

from pathlib import Path

MANIFEST = """format: 1
id: generated
title: Generated
version: "1"
start: s0
variables:
  trust: {type: int, default: 0, min: 0, max: 10}
  seen: {type: bool, default: false}
characters:
  ruby: {name: Ruby, pronoun: she}
acts:
%s
endings:
  - {id: end_good, title: Good, text: "Trust {trust}."}
  - {id: end_bad, title: Bad, text: "Trust {trust}."}
"""
LEXICON = """lexicon:
  subject: ruby
  traits:
    - {id: happy, phrases: [happy, cheerful]}
    - {id: sad, phrases: [sad]}
"""


def write_story(root: Path, scenes: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    acts = "\n".join(f'  - {{id: a{n}, title: "Act {n}"}}' for n in range(scenes // 50 + 1))
    (root / "story.yaml").write_text(MANIFEST % acts)
    (root / "lexicon.yaml").write_text(LEXICON)
    for start in range(0, scenes, 100):
        lines = ["scenes:"]
        for n in range(start, min(start + 100, scenes)):
            following = [f"s{n + 1}" if n + 1 < scenes else "end_good", f"s{n + 2}" if n + 2 < scenes else "end_bad"]
            lines.append(f"  - id: s{n}\n    title: Scene {n}\n    act: a{n // 50}")
            lines.append(
                f'    text:\n      - "Scene {n}. Trust is {{trust}}."\n      - {{if: "seen and trust > 2", text: "Again."}}'
            )
            if n % 10 == 5:
                lines.append("    typewriter:\n      prompt: Write.\n      outcomes:")
                lines.append(f"        - {{wrote: happy, do: 'trust += 1', to: {following[0]}}}")
                lines.append(f"        - {{about_ruby: false, to: {following[1]}}}")
                lines.append(f"        - {{to: {following[0]}}}")
            else:
                lines.append("    choices:")
                lines.append(f"      - {{label: 'On', do: ['trust += 1', 'seen = true'], to: {following[0]}}}")
                lines.append(f"      - {{label: 'Skip', if: 'trust < 5', to: {following[1]}}}")
        (root / f"scenes_{start:05d}.yaml").write_text("\n".join(lines) + "\n")
    return root


def write_loop_story(root: Path, laps: int, scenes: int = 20) -> Path:
    """A ring of `scenes` scenes played `laps` times: the same story, whatever the length of the run, so a longer run
    differs only in its length (for the engine's linearity, not the checker)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "story.yaml").write_text(
        (MANIFEST % '  - {id: a0, title: "Act 0"}').replace(
            "  seen:", f"  laps: {{type: int, default: 0, min: 0, max: {laps}}}\n  seen:"
        )
    )
    (root / "lexicon.yaml").write_text(LEXICON)
    lines = ["scenes:"]
    for n in range(scenes):
        lines.append(f"  - id: s{n}\n    title: Scene {n}\n    act: a0")
        lines.append(f'    text:\n      - "Scene {n}. Trust is {{trust}}, lap {{laps}}."')
        following = f"s{n + 1}" if n + 1 < scenes else "s0"
        if n % 10 == 5:
            lines.append("    typewriter:\n      prompt: Write.\n      outcomes:")
            lines.append(f"        - {{wrote: happy, do: 'trust += 1', to: {following}}}")
            lines.append(f"        - {{to: {following}}}")
        elif n + 1 == scenes:
            lines.append("    choices:")
            lines.append(f"      - {{label: 'Again', if: 'laps < {laps}', do: 'laps += 1', to: s0}}")
            lines.append("      - {label: 'End', to: end_good}")
        else:
            lines.append("    choices:")
            lines.append(f"      - {{label: 'On', do: ['seen = true'], to: {following}}}")
    (root / "scenes.yaml").write_text("\n".join(lines) + "\n")
    return root
