"""What `ruby-sparks explore` prints: coverage with counts, what was never reached, and each issue with its replay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.explorer.exhaustive import Exploration
from game.explorer.random_explore import Coverage, Issue
from game.story.model import Story


def random_report(
    story: Story, coverage: Coverage, issues: list[tuple[Issue, int]], replays: list[Path], seed: int, jobs: int
) -> dict[str, Any]:
    choice_ids = [f"{s.id}#{n}" for s in story.scenes.values() for n in range(1, len(s.choices) + 1)]
    traits = [t.id for t in story.lexicon.traits] if story.lexicon else []
    unreached_endings = [e for e in story.endings if e not in coverage.endings]
    return {
        "mode": "random",
        "story": story.id,
        "runs": coverage.runs,
        "seed": seed,
        "jobs": jobs,
        "scenes": {s: coverage.scenes[s] for s in story.scenes if s in coverage.scenes},
        "unreached_scenes": [s for s in story.scenes if s not in coverage.scenes],
        "choices": dict(sorted(coverage.choices.items())),
        "untaken_choices": [c for c in choice_ids if c not in coverage.choices],
        "traits": dict(sorted(coverage.traits.items())),
        "unwritten_traits": [t for t in traits if t not in coverage.traits],
        "endings": {e: coverage.endings.get(e, 0) for e in story.endings},
        "unreached_endings": unreached_endings,
        "issues": [
            {"kind": i.kind, "message": i.message, "runs": runs, "seed": i.seed, "step": i.step, "replay": str(path)}
            for (i, runs), path in zip(issues, replays, strict=True)
        ],
        "ok": not issues and not unreached_endings,
    }


def exhaustive_report(story: Story, exploration: Exploration, replays: dict[str, Path], limit: int) -> dict[str, Any]:
    unreached = [e for e in story.endings if e not in exploration.paths]
    return {
        "mode": "exhaustive",
        "story": story.id,
        "states": exploration.states,
        "complete": exploration.complete,
        "limit": limit,
        "endings": {e: {"inputs": len(p), "replay": str(replays[e])} for e, p in exploration.paths.items()},
        "unreached_endings": unreached,
        "unreached_scenes": [s for s in story.scenes if s not in exploration.scenes],
        "constant_conditions": [{"if": c.source, "where": c.where, "always": c.value} for c in exploration.constant],
        "ok": exploration.complete and not unreached and not exploration.constant,
    }


def _section(lines: list[str], title: str, missing: list[str], total: int) -> None:
    lines.append(f"{title}: {total - len(missing)} of {total}")
    for name in missing:
        lines.append(f"  never: {name}")


def report_text(report: dict[str, Any]) -> str:
    lines: list[str] = []
    if report["mode"] == "random":
        lines.append(
            f"explored {report['runs']} random runs of `{report['story']}` (seeds from {report['seed']}, {report['jobs']} job(s))"
        )
        for title, counts, missing in (
            ("scenes reached", report["scenes"], report["unreached_scenes"]),
            ("choices taken", report["choices"], report["untaken_choices"]),
            ("traits written", report["traits"], report["unwritten_traits"]),
        ):
            _section(lines, title, missing, len(counts) + len(missing))
        lines.append(f"endings: {len(report['endings']) - len(report['unreached_endings'])} of {len(report['endings'])} reached")
        for ending, count in report["endings"].items():
            lines.append(f"  {ending}: {count}" if count else f"  {ending}: NEVER REACHED")
        lines.append(f"issues: {len(report['issues'])}")
        for issue in report["issues"]:
            lines.append(f"  {issue['kind']}: {issue['message']}")
            lines.append(f"    in {issue['runs']} run(s); shortest: seed {issue['seed']}, step {issue['step']}")
            lines.append(f"    replay: {issue['replay']}")
    else:
        state = "every distinct state" if report["complete"] else f"stopped at the state limit ({report['limit']:,} states)"
        lines.append(f"explored `{report['story']}` exhaustively: {report['states']:,} states, {state}")
        if not report["complete"]:
            lines.append("  endings not reached below are unproven, not unreachable: raise --limit to search further")
        for ending, found in report["endings"].items():
            inputs = f"{found['inputs']} input" + ("s" if found["inputs"] != 1 else "")
            lines.append(f"  {ending}: reachable in {inputs}; replay: {found['replay']}")
        for ending in report["unreached_endings"]:
            lines.append(f"  {ending}: NOT REACHED")
        for scene in report["unreached_scenes"]:
            lines.append(f"  scene never reached: {scene}")
        for found in report["constant_conditions"]:
            value = "true" if found["always"] else "false"
            lines.append(f"  {found['where']}: `{found['if']}` is {value} in every state that reaches it (a dead branch)")
    lines.append("ok" if report["ok"] else "problems found")
    return "\n".join(lines)
