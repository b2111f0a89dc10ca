"""`ruby-sparks explore` (random mode): many seeded playthroughs, what they covered, and what went wrong.

Each run is a real game through the engine with random choices and random pages from the lexicon (and some junk).
A run that meets a problem (a condition that fails at runtime, a text naming a missing value, a scene with no way on,
a game that never ends) keeps its inputs, so the report can hand the author a replay that shows it happening.
"""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game import __version__
from game.engine import (
    ChoiceInput,
    Input,
    PageInput,
    PageRead,
    Problem,
    SceneShown,
    available_choices,
    new_game,
    step,
)
from game.engine.runtime import ConditionWatch
from game.engine.step import STRANDED
from game.explorer.random_pages import PageWriter
from game.persistence.atomic import write_atomic
from game.records import attribute, prefab
from game.replay.format import Replay, ReplayInput
from game.story.model import Story

MAX_STEPS = 1_000
STEP_MS = 1_000
"""Explorer replays space inputs one second apart, so they play back at a watchable pace."""


@prefab(frozen=True)
class Issue:
    kind: str
    """problem (a runtime error in the story), dead-end (no choice is offered) or endless (no ending in MAX_STEPS)."""
    message: str
    seed: int
    step: int
    inputs: tuple[Input, ...]


@prefab
class Coverage:
    runs: int = 0
    scenes: Counter[str] = attribute(default_factory=Counter)
    choices: Counter[str] = attribute(default_factory=Counter)
    outcomes: Counter[str] = attribute(default_factory=Counter)
    """Each page's outcome, as `scene@n` (numbered as written, from 1)."""
    traits: Counter[str] = attribute(default_factory=Counter)
    endings: Counter[str] = attribute(default_factory=Counter)
    issues: list[Issue] = attribute(default_factory=list)

    def merge(self, other: Coverage) -> None:
        self.runs += other.runs
        self.scenes.update(other.scenes)
        self.choices.update(other.choices)
        self.outcomes.update(other.outcomes)
        self.traits.update(other.traits)
        self.endings.update(other.endings)
        self.issues.extend(other.issues)


def explore_run(
    story: Story,
    seed: int,
    coverage: Coverage,
    max_steps: int = MAX_STEPS,
    pages: PageWriter | None = None,
    watch: ConditionWatch | None = None,
) -> None:
    rng = random.Random(seed)
    getrandbits = rng.getrandbits
    pages = pages or PageWriter(story)
    keys = _choice_keys(story)
    scenes = story.scenes
    state, events = new_game(story, seed, watch)
    inputs: list[Input] = []
    coverage.runs += 1
    shown = coverage.scenes
    reported: set[str] = set()
    page = False
    before = state.traits
    while True:
        for event in events:  # each scene shown (an input may pass through several, with `next`), each new problem
            if type(event) is SceneShown:  # `type`, not `isinstance`: a specialized call, three events an input
                shown[event.scene_id] += 1
            elif type(event) is Problem and event.message not in reported and event.message != STRANDED:
                reported.add(event.message)
                coverage.issues.append(Issue("problem", problem_message(event), seed, len(inputs), tuple(inputs)))
        if page:
            coverage.traits.update(trait for trait, value in state.traits.items() if value != before[trait])
        if len(inputs) == max_steps:
            coverage.issues.append(
                Issue("endless", f"no ending after {max_steps} inputs (a loop with no way out?)", seed, max_steps, tuple(inputs))
            )
            return
        if state.ending is not None:
            coverage.endings[state.ending] += 1
            return
        scene = scenes[state.scene]
        action: Input
        page = scene.typewriter is not None
        if page:
            action = PageInput(pages.random(rng))
        else:
            made = state.offered  # what the step offered, as `available_choices` would find it, without its calls
            offered = made.choices if made is not None and made.scene is scene else available_choices(story, state)
            if not offered:
                coverage.issues.append(Issue("dead-end", dead_end_message(scene.id), seed, len(inputs), tuple(inputs)))
                return
            count = len(offered)
            bits = count.bit_length()  # `randrange(count)`'s own draw, in line: it cost two calls an input
            drawn = getrandbits(bits)
            while drawn >= count:
                drawn = getrandbits(bits)
            number = drawn + 1
            coverage.choices[keys[id(offered[number - 1])]] += 1
            action = _CHOICES[number] if number < len(_CHOICES) else ChoiceInput(number)
        inputs.append(action)
        before = state.traits
        state, events = step(story, state, action, watch)
        if page:
            for event in events:
                if type(event) is PageRead:
                    coverage.outcomes[f"{scene.id}@{event.outcome}"] += 1


_CHOICES = tuple(ChoiceInput(number) for number in range(16))
"""The inputs of the first choices, made once: an input is frozen, and a run makes one for every choice it takes."""
_keys: tuple[Story, dict[int, str]] | None = None


def _choice_keys(story: Story) -> dict[int, str]:
    """Each choice's name in `Coverage.choices` ("scene#n", n its place in its scene from 1), by the choice's identity,
    for the story explored last: finding the place among the scene's choices and formatting it every input cost
    about a microsecond."""
    global _keys
    if _keys is None or _keys[0] is not story:
        scenes = story.scenes.values()
        _keys = (story, {id(choice): f"{scene.id}#{n}" for scene in scenes for n, choice in enumerate(scene.choices, 1)})
    return _keys[1]


def problem_message(problem: Problem) -> str:
    return f"{problem.where}: {problem.message}"


def dead_end_message(scene: str) -> str:
    return f"the scene `{scene}` offers no choice here (every choice's condition is false)"


SERIAL_BELOW = 250
"""Runs per job below which processes cost more than they save."""
CHUNKS_PER_JOB = 64
"""Each job's share is cut into this many chunks, handed out as workers free up: runs differ in length, and with one
chunk per job the process that drew the long runs kept the other waiting. The last chunk one worker plays while the
other has nothing left is what parallel explore loses: with eight a job (a second or more of 10,000 runs) that was a
tenth of the speed-up; a chunk costs a pickled `Coverage`, well under a millisecond."""
SMALLEST_CHUNK = 25
"""Runs in a chunk at least, so a small exploration is not all pickling."""


class _Worker:
    """What a worker process plays with: the story, and the page writer that remembers its sentences across chunks.

    With `fork` (Linux), a worker starts as a copy of the parent and finds the story already here; elsewhere it reads
    the story from the cache the parent just wrote (checking the YAML again cost as much as a few thousand runs)."""

    story: Story | None = None
    pages: PageWriter | None = None

    @classmethod
    def load(cls, root: str) -> None:
        if cls.story is None:
            from game.persistence.story_cache import load_story_cached
            from game.story.loader import load_story_or_raise

            cls.story = load_story_cached(root)[0] or load_story_or_raise(root)

    @classmethod
    def explore(cls, seeds: range) -> Coverage:
        story = cls.story
        assert story is not None
        if cls.pages is None:
            cls.pages = PageWriter(story)
        coverage = Coverage()
        for seed in seeds:
            explore_run(story, seed, coverage, pages=cls.pages)
        return coverage


def explore_random(story: Story, runs: int, seed: int = 0, jobs: int = 1) -> Coverage:
    """`runs` playthroughs with seeds seed, seed+1, ...; with `jobs` > 1, split across that many processes."""
    coverage = Coverage()
    if jobs <= 1 or runs < SERIAL_BELOW * jobs:
        pages = PageWriter(story)
        for number in range(runs):
            explore_run(story, seed + number, coverage, pages=pages)
        return coverage
    size = max(SMALLEST_CHUNK, -(-runs // (jobs * CHUNKS_PER_JOB)))
    chunks = [range(seed + start, seed + min(start + size, runs)) for start in range(0, runs, size)]
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    _Worker.story = story if forking else None
    try:
        with ProcessPoolExecutor(jobs, context, initializer=_Worker.load, initargs=(story.root,)) as pool:
            for part in pool.map(_Worker.explore, chunks):
                coverage.merge(part)
    finally:
        _Worker.story = _Worker.pages = None
    return coverage


def distinct_issues(issues: list[Issue]) -> list[tuple[Issue, int]]:
    """Each different issue once, with how many runs met it, represented by its shortest reproduction."""
    groups: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        groups.setdefault((issue.kind, issue.message), []).append(issue)
    return [(min(found, key=lambda i: (i.step, i.seed)), len(found)) for found in groups.values()]


def issue_replay(story: Story, issue: Issue) -> Replay:
    """A replay of the run up to the problem: `ruby-sparks replay --story DIR FILE` shows it happen."""
    items = []
    for number, action in enumerate(issue.inputs):
        if isinstance(action, ChoiceInput):
            items.append(ReplayInput(number * STEP_MS, "choice", action.number))
        elif isinstance(action, PageInput):
            items.append(ReplayInput(number * STEP_MS, "page", action.text))
    return Replay(story.id, story.content_hash, issue.seed, "any%", tuple(items), None, __version__)


def write_issue_replays(story: Story, issues: list[Issue], folder: Path) -> list[Path]:
    paths = []
    for number, issue in enumerate(issues, 1):
        path = folder / f"{issue.kind}-{number:03d}-seed{issue.seed}.json"
        write_atomic(path, issue_replay(story, issue).dumps().encode("utf-8"))
        paths.append(path)
    return paths
