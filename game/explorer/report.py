"""What `ruby-sparks explore` prints: coverage with counts, what was never reached, and each issue with its replay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.explorer.exhaustive import Exploration, Finding
from game.explorer.random_explore import Coverage, Issue
from game.story.model import Story


def random_report(
    story: Story, coverage: Coverage, issues: list[tuple[Issue, int]], replays: list[Path], seed: int, jobs: int
) -> dict[str, Any]:
    choice_ids = _choice_ids(story)
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
        "outcomes": dict(sorted(coverage.outcomes.items())),
        "untaken_outcomes": [o for o in outcome_ids(story) if o not in coverage.outcomes],
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


def exhaustive_report(
    story: Story,
    exploration: Exploration,
    replays: dict[str, Path],
    findings: list[tuple[Finding, Path]],
    limit: int,
    max_seconds: float | None,
) -> dict[str, Any]:
    """The report of `explore --exhaustive`: `replays` holds the shortest path to each ending, `findings` each
    problem with the replay that shows it. "ok" only when the search finished and found nothing wrong."""
    complete = exploration.complete
    unreached = [e for e in story.endings if e not in exploration.paths]
    unreached_scenes = [s for s in story.scenes if s not in exploration.scenes]
    untaken = [
        {"choice": f"{scene.id}#{number}", "label": choice.label.source, "where": str(choice.span or scene.span or "")}
        for scene in story.scenes.values()
        if scene.id in exploration.scenes
        for number, choice in enumerate(scene.choices, 1)
        if f"{scene.id}#{number}" not in exploration.choice_counts
    ]
    problems = [
        {"kind": f.kind, "message": f.message, "where": f.where, "inputs": len(f.inputs), "seed": f.seed, "replay": str(path)}
        | ({"confirmed": f.proven} if f.kind == "trap" else {})
        for f, path in findings
    ]
    return {
        "mode": "exhaustive",
        "story": story.id,
        "states": exploration.states,
        "complete": complete,
        "stopped": exploration.stopped,
        "limit": limit,
        "max_seconds": max_seconds,
        "random_runs": exploration.random_runs,
        "endings": {e: {"inputs": len(p), "replay": str(replays[e])} for e, p in exploration.paths.items()},
        "unreached_endings": unreached,
        "scenes": {s: exploration.scene_counts[s] for s in story.scenes if s in exploration.scene_counts},
        "unreached_scenes": unreached_scenes,
        "choices": {c: exploration.choice_counts[c] for c in _choice_ids(story) if c in exploration.choice_counts},
        "untaken_choices": untaken if complete else [],
        "outcomes": {o: exploration.outcome_counts[o] for o in outcome_ids(story) if o in exploration.outcome_counts},
        "untaken_outcomes": [o for o in outcome_ids(story) if o not in exploration.outcome_counts] if complete else [],
        "constant_conditions": [{"if": c.source, "where": c.where, "always": c.value} for c in exploration.constant],
        "problems": problems,
        "ok": complete and not (unreached or unreached_scenes or untaken or exploration.constant or problems),
    }


def outcome_ids(story: Story) -> list[str]:
    """Every typewriter outcome as `scene@n` (numbered as written, from 1), as reports and `graph --coverage` name them.
    Not part of `ok`: an outcome no page reached may need a trait a random page seldom writes (docs/authoring.md)."""
    return [f"{s.id}@{n}" for s in story.scenes.values() if s.typewriter for n in range(1, len(s.typewriter.outcomes) + 1)]


def _choice_ids(story: Story) -> list[str]:
    """Every choice as `scene#n` (numbered as written, from 1), the names both reports and `graph --coverage` use."""
    return [f"{s.id}#{n}" for s in story.scenes.values() for n in range(1, len(s.choices) + 1)]


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
        _exhaustive_text(lines, report)
    if report.get("stopped"):
        lines.append("stopped early: not a proof (exit code 1)")
    else:
        lines.append("ok" if report["ok"] else "problems found")
    return "\n".join(lines)


STOPPED = {
    "states": "stopped at the state limit ({limit:,} states)",
    "time": "stopped at the time budget ({max_seconds:g} s)",
}


def _exhaustive_text(lines: list[str], report: dict[str, Any]) -> None:
    stopped = report["stopped"]
    runs = report["random_runs"]
    if stopped:
        runs_text = f" and {runs:,} random run{'s' * (runs != 1)}" if runs else ""
        how = f"{report['states']:,} states{runs_text}, then {STOPPED[stopped].format(**report)}"
    else:
        how = f"{report['states']:,} states, every distinct state" + (f", and {runs:,} random runs" if runs else "")
    lines.append(f"explored `{report['story']}` exhaustively: {how}")
    if stopped:
        lines.append(
            "  STOPPED EARLY: what was not reached is unproven, not unreachable, and dead branches, traps and untaken"
            " choices were not judged; raise --limit or --max-seconds to search further"
        )
    for ending, found in report["endings"].items():
        inputs = f"{found['inputs']} input" + ("s" if found["inputs"] != 1 else "")
        lines.append(f"  {ending}: reachable in {inputs}; replay: {found['replay']}")
    for ending in report["unreached_endings"]:
        lines.append(f"  {ending}: NOT REACHED")
    for scene in report["unreached_scenes"]:
        lines.append(f"  scene never reached: {scene}")
    for choice in report["untaken_choices"]:
        lines.append(f"  {choice['where']}: the choice `{choice['label']}` ({choice['choice']}) is never taken")
    for found in report["constant_conditions"]:
        value = "true" if found["always"] else "false"
        lines.append(f"  {found['where']}: `{found['if']}` is {value} in every state that reaches it (a dead branch)")
    for problem in report["problems"]:
        where = f"{problem['where']}: " if problem["where"] else ""
        unconfirmed = " (not confirmed: the exact search stopped first)" if problem.get("confirmed") is False else ""
        lines.append(f"  {problem['kind']}: {where}{problem['message']}{unconfirmed}")
        inputs = f"{problem['inputs']} input" + ("s" if problem["inputs"] != 1 else "")
        lines.append(f"    shown in {inputs}; replay: {problem['replay']}")
