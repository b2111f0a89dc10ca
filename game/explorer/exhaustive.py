"""Walk every distinct state a story can reach, to prove which endings are reachable and how quickly.

Two states count as one when nothing that chooses a path can tell them apart (see `game.explorer.abstraction`). The
walk is therefore a proof of what it finds (each ending comes with a real path, replayed by the engine) and a strong
but not complete search for what it does not find.

At each typewriter the walk writes the pages that scene tells apart: for each outcome, a page saying exactly what its
`wrote:` asks (every trait, asserted or negated as named), one page about her that names none of them (the
fallback), and one page about someone else.
Writing every trait at every typewriter would multiply the states by the lexicon's size at each page (millions for
the shipped story) while adding no outcome the author wrote; the random explorer covers the rest.

Every condition the engine tests on the way (choices, outcomes, text blocks, status lines) is watched: one that came
to the same value every time it was tested is a dead branch, text that is always or never shown. Text conditions do
not split states and the walk writes only the pages that outcomes tell apart, so the traits a text reads are varied
by the random explorer's playthroughs, watched the same way: a condition is reported only when neither search ever
saw it change, and the report names its file and line.

The walk also tells the truth about what it met: a runtime problem (a division by zero, a value outside `values`) or
a scene that offers no choice is reported with the inputs that show it; a choice neither search ever took is named; and
a state from which no ending can be reached is a trap, reported from where a player first gets in. Since the abstract
states may merge a way out with a state that has none, each trap is confirmed by a search of exact states from there.

The search has a budget: a number of states (the memory it may hold) and, if asked, a time. When either runs out it
stops and says so; what it did not find is then unproven, so it judges no dead branch, trap or untaken choice.
"""

from __future__ import annotations

import time
from collections import Counter, deque

from game.engine import (
    ChoiceInput,
    Event,
    Input,
    PageInput,
    PageRead,
    Problem,
    SceneShown,
    State,
    available_choices,
    new_game,
    step,
)
from game.engine.history import History
from game.engine.step import STRANDED
from game.explorer.abstraction import Abstraction, StateKey, abstraction
from game.explorer.random_explore import Coverage, dead_end_message, explore_run, problem_message
from game.explorer.random_pages import PageWriter
from game.records import attribute, prefab
from game.replay.format import Replay
from game.replay.run import Run, input_for
from game.story.model import Condition, Scene, Story

DEFAULT_LIMIT = 200_000
"""States kept at most: the walk's memory budget."""
WITNESS_RUNS = 1_000
"""Random playthroughs that vary what the walk does not (the traits of free pages) before a condition is called dead."""


@prefab(frozen=True)
class Finding:
    """A problem the search met, with the inputs (from a new game with `seed`) that show it."""

    kind: str
    """problem (a runtime error in the story), dead-end (no choice is offered) or trap (no ending can be reached)."""
    message: str
    inputs: tuple[Input, ...]
    seed: int = 0
    where: str = ""
    proven: bool = True
    """For a trap: False when the exact search that confirms it stopped at its own limit first."""


@prefab(frozen=True)
class Exploration:
    states: int
    complete: bool
    """False when the search stopped early (see `stopped`): then nothing it did not find is proven absent."""
    paths: dict[str, tuple[Input, ...]]
    """The shortest inputs that reach each reachable ending."""
    scenes: frozenset[str]
    constant: tuple[ConstantCondition, ...] = ()
    """Conditions that came to one value every time the search tested them (judged only on a complete search)."""
    stopped: str | None = None
    """Why the search stopped early: "states" (the state limit) or "time" (the time budget); None when it finished."""
    findings: tuple[Finding, ...] = ()
    """Runtime problems, scenes that offer no choice, and traps (traps only on a complete search)."""
    scene_counts: dict[str, int] = attribute(default_factory=dict)
    """For each scene reached: the walk's distinct states in it, plus the random runs' visits."""
    choice_counts: dict[str, int] = attribute(default_factory=dict)
    """For each choice taken (`scene#n`, numbered as written): how often the walk and the random runs took it."""
    outcome_counts: dict[str, int] = attribute(default_factory=dict)
    """For each page outcome taken (`scene@n`): how often the walk's pages and the random runs' led to it."""
    random_runs: int = 0


@prefab(frozen=True)
class ConstantCondition:
    source: str
    where: str
    """The condition's file, line and column."""
    value: bool


class _ConditionValues:
    """What each condition came to, keyed by identity: two conditions with the same source in two places are two branches."""

    def __init__(self) -> None:
        self.seen: dict[int, tuple[Condition, set[bool]]] = {}

    def __call__(self, condition: Condition, result: bool) -> None:
        entry = self.seen.get(id(condition))
        if entry is None:
            self.seen[id(condition)] = (condition, {result})
        else:
            entry[1].add(result)

    def constant(self) -> tuple[ConstantCondition, ...]:
        dead = sorted(
            ((condition, values) for condition, values in self.seen.values() if len(values) == 1),
            key=lambda item: (item[0].span.file, item[0].span.line, item[0].span.column) if item[0].span else ("", 0, 0),
        )
        return tuple(
            ConstantCondition(condition.source, str(condition.span or "?"), next(iter(values))) for condition, values in dead
        )


def typewriter_pages(story: Story, scene: Scene) -> tuple[str, ...]:
    """The pages that reach every outcome `scene` can tell apart (see the module's docstring)."""
    lexicon = story.lexicon
    if lexicon is None or scene.typewriter is None or not lexicon.traits:
        return ("The page stays blank.",)
    writer = PageWriter(story)
    named: set[str] = set()
    pages: list[str] = []
    for outcome in scene.typewriter.outcomes:
        named.update(test.trait for test in outcome.wrote)
        if outcome.wrote:
            pages.append(writer.for_tests(outcome.wrote))
    unnamed = next((t for t in lexicon.traits if t.id not in named), lexicon.traits[0])
    pages += [writer.asserting(unnamed), writer.about_someone_else(lexicon.traits[0])]
    return tuple(dict.fromkeys(pages))


def explore_exhaustive(
    story: Story, limit: int = DEFAULT_LIMIT, witness_runs: int = WITNESS_RUNS, max_seconds: float | None = None
) -> Exploration:
    """Walk the story (see the module's docstring); `limit` bounds the states kept (the memory), `max_seconds` the
    time of the whole search. Either ends the walk early, and `Exploration.stopped` then says which."""
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    watch = _ConditionValues()
    walk = _Walk(story, limit, deadline, watch)
    walk.run()
    traps = walk.traps() if walk.stopped is None else ()
    coverage = Coverage()
    writer = PageWriter(story)
    runs = 0
    for seed in range(witness_runs if walk.stopped is None else 0):
        if deadline is not None and time.monotonic() > deadline:
            walk.stopped = "time"
            break
        explore_run(story, seed, coverage, pages=writer, watch=watch)
        runs += 1
    findings = dict(walk.findings)
    for issue in coverage.issues:
        if issue.kind != "endless":
            findings.setdefault(issue.message, Finding(issue.kind, issue.message, issue.inputs, issue.seed))
    scene_counts = Counter(walk.scene_counts)
    scene_counts.update(coverage.scenes)
    choice_counts = Counter(walk.choice_counts)
    choice_counts.update(coverage.choices)
    outcome_counts = Counter(walk.outcome_counts)
    outcome_counts.update(coverage.outcomes)
    return Exploration(
        len(walk.keys),
        walk.stopped is None,
        {ending: walk.path(found) for ending, found in walk.endings.items()},
        frozenset(walk.scene_counts),
        watch.constant() if walk.stopped is None else (),
        walk.stopped,
        (*findings.values(), *traps),
        dict(scene_counts),
        dict(choice_counts),
        dict(outcome_counts),
        runs,
    )


class _Walk:
    """The breadth-first walk over abstract states. States are numbered in the order found, so a smaller number is
    never further from the start; each keeps its parent and the input from it, which makes every path a real one."""

    def __init__(self, story: Story, limit: int, deadline: float | None, watch: _ConditionValues) -> None:
        self.story = story
        self.limit = limit
        self.deadline = deadline
        self.watch = watch
        self.pages = {scene.id: typewriter_pages(story, scene) for scene in story.scenes.values() if scene.typewriter}
        self.state_key = abstraction(story).key
        self.keys: dict[StateKey, int] = {}
        self.parent: list[int] = []
        self.via: list[Input | None] = []
        self.scene: list[str] = []
        self.successors: list[tuple[int, ...]] = []
        self.ending_states: list[int] = []
        self.dead_ends: set[int] = set()
        self.endings: dict[str, int] = {}
        self.findings: dict[str, Finding] = {}
        self.scene_counts: Counter[str] = Counter()
        self.choice_counts: Counter[str] = Counter()
        self.outcome_counts: Counter[str] = Counter()
        self.stopped: str | None = None

    def count_outcome(self, scene: str, events: list[Event]) -> None:
        for event in events:
            if type(event) is PageRead:
                self.outcome_counts[f"{scene}@{event.outcome}"] += 1

    def run(self) -> None:
        start, events = new_game(self.story, seed=0, watch=self.watch)
        self.note_problems(events, -1, None)
        self.add(start, self.state_key(start), -1, None)
        frontier: deque[tuple[int, State]] = deque([(0, _forget_history(start))])
        while frontier:
            if self.deadline is not None and time.monotonic() > self.deadline:
                self.stopped = "time"
                return
            number, state = frontier.popleft()
            inputs = _inputs(self.story, self.pages, state)
            if not inputs:
                self.dead_ends.add(number)
                message = dead_end_message(state.scene)
                self.findings.setdefault(message, Finding("dead-end", message, self.path(number)))
            following: list[int] = []
            for action, choice in inputs:
                after, events = step(self.story, state, action, self.watch)
                self.note_problems(events, number, action)
                if choice:
                    self.choice_counts[choice] += 1
                else:
                    self.count_outcome(state.scene, events)
                after_key = self.state_key(after)
                after_number = self.keys.get(after_key)
                if after_number is None:
                    if len(self.keys) >= self.limit:
                        self.stopped = "states"
                        return
                    after_number = self.add(after, after_key, number, action)
                    if after.ending is None:
                        frontier.append((after_number, _forget_history(after)))
                following.append(after_number)
            self.successors[number] = tuple(following)

    def add(self, state: State, key: StateKey, parent: int, action: Input | None) -> int:
        number = len(self.parent)
        self.keys[key] = number
        self.parent.append(parent)
        self.via.append(action)
        self.scene.append(state.scene)
        self.successors.append(())
        if state.ending is not None:
            self.ending_states.append(number)
            self.endings.setdefault(state.ending, number)
        else:
            self.scene_counts[state.scene] += 1
        return number

    def note_problems(self, events: list[Event], parent: int, action: Input | None) -> None:
        for event in events:
            if isinstance(event, SceneShown) and event.scene_id not in self.scene_counts:
                # a scene that `next` passes through is reached, though no state rests there
                self.scene_counts[event.scene_id] += 1
            if isinstance(event, Problem) and event.message != STRANDED:
                message = problem_message(event)
                if message not in self.findings:
                    inputs = self.path(parent) + ((action,) if action is not None else ())
                    self.findings[message] = Finding("problem", message, inputs)

    def path(self, number: int) -> tuple[Input, ...]:
        steps: list[Input] = []
        while number > 0:
            action = self.via[number]
            assert action is not None
            steps.append(action)
            number = self.parent[number]
        return tuple(reversed(steps))

    def traps(self) -> tuple[Finding, ...]:
        """Where a player can get in and never out: the states from which no ending can be reached, each group
        reported once from the state nearest the start, and only when a search of exact states confirms it (the
        walk's abstract states may merge a way out with a state that has none)."""
        count = len(self.parent)
        comes_from: list[list[int]] = [[] for _ in range(count)]
        for source, targets in enumerate(self.successors):
            for target in targets:
                comes_from[target].append(source)
        escapes = bytearray(count)
        queue = deque(self.ending_states)
        for number in self.ending_states:
            escapes[number] = 1
        while queue:
            for source in comes_from[queue.popleft()]:
                if not escapes[source]:
                    escapes[source] = 1
                    queue.append(source)
        found: list[Finding] = []
        covered: set[int] = set()
        for number in range(count):
            if escapes[number] or number in covered or number in self.dead_ends:
                continue
            if number > 0 and not escapes[self.parent[number]]:
                continue
            covered |= self.region(number, escapes)
            path = self.path(number)
            search = _ExactSearch(self.story, self.pages, path, self.deadline)
            if not search.escapes:
                found.append(search.trap(self.story.scenes[self.scene[number]], path))
        return tuple(found)

    def region(self, entry: int, escapes: bytearray) -> set[int]:
        """The abstract states with no way out that `entry` leads to, so one trap is reported once."""
        region = {entry}
        queue = deque([entry])
        while queue:
            for target in self.successors[queue.popleft()]:
                if not escapes[target] and target not in region:
                    region.add(target)
                    queue.append(target)
        return region


TRAP_SCENES_SHOWN = 5
TRAP_SEARCH_LIMIT = 20_000
"""Exact states searched from a trap's entry to confirm it; a trap is reported as unconfirmed past this."""


class _ExactSearch:
    """Every exact state (every value kept) reachable from where `path` leads, until an ending is found."""

    def __init__(self, story: Story, pages: dict[str, tuple[str, ...]], path: tuple[Input, ...], deadline: float | None) -> None:
        state, _ = new_game(story, seed=0)
        for action in path:
            state, _ = step(story, state, action)
        exact = Abstraction({}, frozenset(), everything=True).key
        self.escapes = False
        self.complete = False
        self.scenes: dict[str, int] = {state.scene: 1}
        seen = {exact(state)}
        frontier = deque([_forget_history(state)])
        while frontier:
            if len(seen) >= TRAP_SEARCH_LIMIT or (deadline is not None and time.monotonic() > deadline):
                return
            state = frontier.popleft()
            for action, _choice in _inputs(story, pages, state):
                after, _ = step(story, state, action)
                if after.ending is not None:
                    self.escapes = True
                    return
                key = exact(after)
                if key not in seen:
                    seen.add(key)
                    self.scenes[after.scene] = self.scenes.get(after.scene, 0) + 1
                    frontier.append(_forget_history(after))
        self.complete = True

    def trap(self, scene: Scene, path: tuple[Input, ...]) -> Finding:
        states = sum(self.scenes.values())
        shown = ", ".join(f"`{name}`" for name in list(self.scenes)[:TRAP_SCENES_SHOWN])
        more = f" and {len(self.scenes) - TRAP_SCENES_SHOWN} more" if len(self.scenes) > TRAP_SCENES_SHOWN else ""
        at_least = "" if self.complete else "at least "
        message = (
            f"from the scene `{scene.id}`, no ending can be reached "
            f"({at_least}{states:,} state{'s' * (states != 1)} in {shown}{more})"
        )
        return Finding("trap", message, path, where=str(scene.span or ""), proven=self.complete)


def _inputs(story: Story, pages: dict[str, tuple[str, ...]], state: State) -> list[tuple[Input, str]]:
    """Each input the state takes, with the choice it picks (`scene#n`, numbered as written) or "" for a page."""
    if state.scene in pages:
        return [(PageInput(page), "") for page in pages[state.scene]]
    scene = story.scenes[state.scene]
    return [
        (ChoiceInput(number), f"{scene.id}#{next(i for i, c in enumerate(scene.choices, 1) if c is choice)}")
        for number, choice in enumerate(available_choices(story, state), 1)
    ]


def _forget_history(state: State) -> State:
    """History is not part of the key and grows with every step: dropping it keeps a wide walk small in memory."""
    return state.with_history(History())


def path_replay(story: Story, path: tuple[Input, ...], seed: int = 0) -> Replay:
    """A path as a replay (one input a second) that `ruby-sparks replay --verify` accepts."""
    run = Run(story, seed=seed)
    for number, action in enumerate(path):
        run.apply(input_for(action, number * 1000))
    return run.replay()
