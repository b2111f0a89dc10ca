"""`ruby-sparks splits export` and `ruby-sparks runs`: a runner's records, for LiveSplit and as a table.

Both read `speedrun.json` in the player's data folder, for the story as it is now (records are kept per story hash:
a run on other story files is another race). Their options are in parser.py with every command's.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from game.commands.common import EXIT_OK, clobbers, load_for_play, usage_error, write_or_print

if TYPE_CHECKING:
    from game.speedrun.records import Attempt, Records
    from game.story.model import Category, Story

SHOWN_ATTEMPTS = 20


def _category(story: Story, name: str | None) -> Category | str:
    """The category asked for (the story's first by default), or why there is none."""
    names = ", ".join(category.name for category in story.categories) or "none"
    category = story.category(name) if name is not None else next(iter(story.categories), None)
    if category is None:
        return f"this story has no speed-run category {name} (its categories: {names})"
    return category


def cmd_splits_export(args: argparse.Namespace) -> int:
    from game.replay.verify import format_time
    from game.speedrun.lss import lss_document
    from game.speedrun.records import Records, all_records, records_path

    story = load_for_play(args.story)
    if isinstance(story, int):
        return story
    category = _category(story, args.category)
    if isinstance(category, str):
        return usage_error(category)
    refused = clobbers(args.output, [(str(records_path()), "your speed-run records")], args.story) if args.output else None
    if refused is not None:
        return usage_error(refused)
    records = all_records(story.content_hash).get(category.name, Records())
    code = write_or_print(lss_document(story, category, records), args.output)
    if code == EXIT_OK and args.output:
        what = f"PB {format_time(records.best_time)}" if records.best_time is not None else "no finished run yet"
        print(f"Wrote {args.output}: {story.title}, {category.name} ({_count(records.attempts, 'attempt')}, {what}).")
    return code


def cmd_runs(args: argparse.Namespace) -> int:
    from game.speedrun.records import Records, all_records

    story = load_for_play(args.story)
    if isinstance(story, int):
        return story
    categories = story.categories
    if args.category is not None:
        category = _category(story, args.category)
        if isinstance(category, str):
            return usage_error(category)
        categories = (category,)
    kept = all_records(story.content_hash)
    print(f"Speed-runs of {story.title} (this version of the story):")
    for category in categories:
        print()
        print("\n".join(runs_table(story, category, kept.get(category.name, Records()))))
    return EXIT_OK


def runs_table(story: Story, category: Category, records: Records) -> list[str]:
    """Columns are padded by the width a terminal gives each character, not by their count: a title in Chinese or
    with an emoji takes two columns a character, and counting characters would push the columns after it out."""
    from rich.cells import set_cell_size

    from game.replay.verify import format_time
    from game.speedrun.splits import planned, planned_title

    if not records.attempts:
        return [f"{category.name}: no attempts yet"]
    pb = f"personal best {format_time(records.best_time)}" if records.best_time is not None else "no finish yet"
    summed = f" · sum of best {format_time(records.sum_of_best)}" if records.sum_of_best is not None else ""
    lines = [f"{category.name}: {_count(records.attempts, 'attempt')}, {records.finished} finished · {pb}{summed}"]
    shown = records.history[-SHOWN_ATTEMPTS:]
    first = records.attempts - len(shown) + 1
    lines.append(f"  {'#':>4}  {'started (UTC)':<16}  {'result':<{RESULT_WIDTH}}  {'time':>9}")
    for number, attempt in reversed(list(enumerate(shown, first))):
        counted = attempt.broken is None
        best = "  PB" if counted and attempt.time is not None and attempt.time == records.best_time else ""
        started = attempt.started.replace("T", " ").rstrip("Z")[:16]
        took = format_time(attempt.time) if attempt.time is not None else "-"
        result = set_cell_size(_result(story, attempt), RESULT_WIDTH)
        lines.append(f"  {number:>4}  {started:<16}  {result}  {took:>9}{best}")
    if len(records.history) > len(shown) or records.attempts > len(records.history):
        lines.append(f"  ({records.attempts - len(shown)} older attempts not shown)")
    lines.append(f"  {'split':<34}  {'PB':>9}  {'best segment':>12}")
    for name in planned(story, category, records):
        split, gold = records.best_splits.get(name), records.gold.get(name)
        pb_text = format_time(split) if split is not None else "-"
        gold_text = format_time(gold) if gold is not None else "-"
        lines.append(f"  {set_cell_size(planned_title(story, category, name), 34)}  {pb_text:>9}  {gold_text:>12}")
    return lines


RESULT_WIDTH = 38
"""Room for "finished, not counted: typed too fast"; a row stays within 80 columns."""


def _result(story: Story, attempt: Attempt) -> str:
    """How the attempt ended, in a few words: its ending, a reset (after its last split), or a finish that broke the
    speed-run rules and so does not count, with the rule (a reset counts for nothing anyway)."""
    from game.speedrun.splits import split_title

    if attempt.broken is not None and attempt.time is not None:
        return f"finished, not counted: {attempt.broken}"
    if attempt.time is not None and attempt.ending:
        return split_title(story, attempt.ending)
    if attempt.splits:
        return f"reset after {split_title(story, attempt.splits[-1].name)}"
    return "reset"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
