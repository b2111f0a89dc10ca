"""`ruby-sparks replay --verify`: re-simulate a replay without a screen and say whether it is what it claims."""

from __future__ import annotations

import os

from game.files import read_at_most
from game.printable import one_line
from game.records import prefab
from game.replay.format import MAX_REPLAY_BYTES, Replay, ReplayError, read_replay
from game.replay.rules import implausible
from game.replay.run import Run, RunRefused
from game.story.model import Story


@prefab(frozen=True)
class Verdict:
    valid: bool
    line: str


def _verdict(valid: bool, line: str) -> Verdict:
    """Always one line: the ids and names in a replay are anyone's text, newlines and lone surrogates included."""
    return Verdict(valid, one_line(line))


def format_time(ms: int) -> str:
    minutes, rest = divmod(ms, 60_000)
    return f"{minutes}:{rest // 1000:02d}.{rest % 1000:03d}"


def verify_file(path: str | os.PathLike[str], story: Story) -> Verdict:
    try:
        data = read_at_most(path, MAX_REPLAY_BYTES, pipes=True)
    except OSError as error:
        from pathlib import Path  # the file named as it always was; a verify that can read it needs no `pathlib`

        return _verdict(False, f"invalid: cannot read {Path(path)}: {error.strerror or error}")
    try:
        replay = read_replay(data)
    except ReplayError as error:
        return _verdict(False, f"invalid: {error}")
    return verify(replay, story)


def other_story(replay: Replay, story: Story) -> str | None:
    """Why `replay` was not recorded with `story`, or None when it was: verifying refuses it, watching warns."""
    if replay.story_id != story.id:
        return f"the replay is of the story `{replay.story_id}`, not `{story.id}`"
    if replay.story_hash != story.content_hash:
        return "the story hash does not match the installed story (it was recorded with other story files)"
    return None


OWN_STORY_HINT = "verify it with the story it was recorded with: `--story DIR`"


def verify(replay: Replay, story: Story) -> Verdict:
    mismatch = other_story(replay, story)
    if mismatch is not None:
        return _verdict(False, f"invalid: {mismatch}; {OWN_STORY_HINT}")
    if replay.speedrun:
        broken = implausible(replay, story)
        if broken is not None:
            return _verdict(False, f"invalid: {broken}")
    run = Run(story, replay.seed, replay.category, speedrun=replay.speedrun)
    for number, item in enumerate(replay.inputs, 1):
        try:
            run.apply(item)
        except RunRefused as refused:  # the run's own rules said as they are; the game's as its refusal
            why = f"the game would not accept this {item.kind}: {refused}" if refused.by_game else str(refused)
            return _verdict(False, f"invalid: step {number}: {why}")
    reached = run.result
    if reached is None and not replay.inputs:
        return _verdict(False, "invalid: the replay holds no inputs, so its run never starts")
    if reached is None:
        return _verdict(
            False, f"invalid: step {len(replay.inputs)}: the inputs end before the run does (no {replay.category} finish)"
        )
    if replay.result is None:
        return _verdict(False, "invalid: the replay records no result, but the run finishes")
    if replay.result.ending != reached.ending:
        return _verdict(
            False, f"invalid: the replay claims the ending `{replay.result.ending}`; the run reaches `{reached.ending}`"
        )
    if replay.result.time != reached.time:
        return _verdict(
            False,
            f"invalid: the replay claims a time of {format_time(replay.result.time)}; "
            f"its inputs finish at {format_time(reached.time)}",
        )
    if replay.result.splits != reached.splits:
        return _verdict(False, "invalid: the recorded splits are not the ones the run reaches")
    timing = "timing self-reported, plausible" if replay.speedrun else "not a speed-run: timing not checked"
    return _verdict(
        True, f"valid: ending={reached.ending} time={format_time(reached.time)} inputs={len(replay.inputs)} ({timing})"
    )
