"""`check`, `graph`, `schema`, `explore`, `stats` and `lsp`: the author's commands, which read a story and report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    clobbers,
    load_for_play,
    story_dir,
    usage_error,
    write_or_print,
)
from game.paths import shipped_seeds_dir

if TYPE_CHECKING:
    from game.story.model import Story


def cmd_check(args: argparse.Namespace) -> int:
    from game.authoring.checks import check_story

    folder = story_dir(args.dir)
    problem = _check_path_problem(folder, Path(args.outline) if args.outline else None)
    if problem is not None:
        return check_usage_error(problem, args.format)
    outline = Path(args.outline) if args.outline else None
    if args.dir is None and outline is None and (shipped_seeds_dir() / "outline.yaml").is_file():
        outline = shipped_seeds_dir() / "outline.yaml"
    _story, diagnostics = check_story(folder, outline, shown=args.dir or str(folder))
    items = diagnostics.sorted()
    errors, warnings = len(diagnostics.errors), len(diagnostics.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "story": str(folder),
                    "ok": not failed,
                    "errors": errors,
                    "warnings": warnings,
                    "diagnostics": [item.to_json() for item in items],
                },
                indent=2,
            )
        )
    else:
        for item in items:
            print(item)
        summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        print(f"{folder}: {summary}" if items else f"{folder}: ok, no errors or warnings")
    return EXIT_FAILED if failed else EXIT_OK


def _check_path_problem(folder: Path, outline: Path | None) -> str | None:
    """What is wrong with the paths `check` was given, said so that the author knows what to type instead."""
    if folder.is_file():
        parent = folder.parent if str(folder.parent) != "" else Path(".")
        return f"{folder} is a file; check the story folder that holds it: ruby-sparks check {parent}"
    if not folder.is_dir():
        return f"no such story folder: {folder}"
    if outline is not None and not outline.is_file():
        return f"no such outline file: {outline}"
    return None


def check_usage_error(message: str, output_format: str) -> int:
    """A usage error of `check` (exit 2); with `--format json`, as JSON on standard output, so that a tool reading it
    never meets plain text."""
    if output_format != "json":
        return usage_error(message)
    print(json.dumps({"ok": False, "usage_error": message, "errors": 0, "warnings": 0, "diagnostics": []}, indent=2))
    return EXIT_USAGE


def cmd_graph(args: argparse.Namespace) -> int:
    from game.authoring.graph import CoverageError, read_coverage, to_dot, to_mermaid
    from game.files import read_at_most

    if args.coverage is not None and not Path(args.coverage).is_file():
        return usage_error(f"no such coverage file: {args.coverage}")
    coverage = [(args.coverage, "the coverage report")] if args.coverage else []
    refused = clobbers(args.output, coverage, args.dir) if args.output else None
    if refused is not None:
        return usage_error(refused)
    story = load_for_play(args.dir)
    if isinstance(story, int):
        return story
    reached = None
    if args.coverage is not None:
        try:
            data = read_at_most(Path(args.coverage), MAX_COVERAGE_BYTES)
            if len(data) > MAX_COVERAGE_BYTES:
                raise CoverageError(f"it is larger than {MAX_COVERAGE_BYTES:,} bytes, too large for a report")
            reached = read_coverage(data.decode("utf-8", errors="replace"), story)
        except (OSError, CoverageError) as error:
            print(f"ruby-sparks: cannot use {args.coverage}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            return EXIT_FAILED
    text = to_dot(story, reached) if args.format == "dot" else to_mermaid(story, reached)
    return write_or_print(text, args.output)


MAX_COVERAGE_BYTES = 64 << 20
"""A report of a story of thousands of scenes is a few megabytes; more is not a report."""


def cmd_schema(args: argparse.Namespace) -> int:
    from game.authoring.json_schema import manifest_schema, story_file_schema, story_schema

    schema = manifest_schema() if args.manifest else story_file_schema() if args.story_file else story_schema()
    return write_or_print(json.dumps(schema, indent=1) + "\n", args.output)


def cmd_explore(args: argparse.Namespace) -> int:
    import time

    from game.explorer.report import report_text
    from game.paths import user_data_dir

    if args.runs < 1 or args.jobs < 1 or args.limit < 1:  # no run at all would report every ending unreached
        return usage_error("--runs, --jobs and --limit must each be at least 1")
    story = load_for_play(args.dir)
    if isinstance(story, int):
        return story
    out = Path(args.out) if args.out else user_data_dir() / "explore" / f"{story.id}-{time.strftime('%Y%m%d-%H%M%S')}"
    try:
        if args.exhaustive:
            report = _explore_exhaustive(story, args.limit, args.max_seconds, out)
        else:
            report = _explore_random(story, args.runs, args.seed, args.jobs, out)
    except OSError as error:
        print(f"ruby-sparks: cannot write the replays to {out}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    print(json.dumps(report, indent=1) if args.format == "json" else report_text(report))
    return EXIT_OK if report["ok"] else EXIT_FAILED


def _explore_random(story: Story, runs: int, seed: int, jobs: int, out: Path) -> dict[str, Any]:
    from game.explorer.random_explore import distinct_issues, explore_random, write_issue_replays
    from game.explorer.report import random_report

    coverage = explore_random(story, runs, seed, jobs)
    issues = distinct_issues(coverage.issues)
    replays = write_issue_replays(story, [issue for issue, _ in issues], out)
    return random_report(story, coverage, issues, replays, seed, jobs)


def _explore_exhaustive(story: Story, limit: int, max_seconds: float, out: Path) -> dict[str, Any]:
    from game.explorer.exhaustive import explore_exhaustive, path_replay
    from game.explorer.report import exhaustive_report
    from game.persistence.atomic import write_atomic

    exploration = explore_exhaustive(story, limit, max_seconds=max_seconds)
    replays = {}
    for ending, path in exploration.paths.items():
        replays[ending] = out / f"shortest-{ending}.json"
        write_atomic(replays[ending], path_replay(story, path).dumps().encode("utf-8"))
    findings = []
    for number, finding in enumerate(exploration.findings, 1):
        replay = out / f"{finding.kind}-{number:03d}.json"
        write_atomic(replay, path_replay(story, finding.inputs, finding.seed).dumps().encode("utf-8"))
        findings.append((finding, replay))
    return exhaustive_report(story, exploration, replays, findings, limit, max_seconds)


def cmd_stats(args: argparse.Namespace) -> int:
    from game.authoring.stats import stats_text, story_stats
    from game.explorer.exhaustive import explore_exhaustive

    if args.limit < 1:
        return usage_error("--limit must be at least 1")
    story = load_for_play(args.dir)
    if isinstance(story, int):
        return story
    report = story_stats(story, explore_exhaustive(story, args.limit, witness_runs=0).paths)
    print(json.dumps(report, indent=1) if args.format == "json" else stats_text(report))
    return EXIT_OK


LSP_INSTALL = "pip install 'ruby-sparks[lsp]'"


def cmd_lsp(args: argparse.Namespace) -> int:
    import importlib.util

    if importlib.util.find_spec("pygls") is None:
        print(f"ruby-sparks: the language server needs pygls; install it with: {LSP_INSTALL}", file=sys.stderr)
        return EXIT_FAILED
    from game.authoring.lsp import serve

    serve()
    return EXIT_OK
