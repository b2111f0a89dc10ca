"""Walk every distinct state a story can reach, to prove which endings are reachable and how quickly.

Two states count as one when nothing that chooses a path can tell them apart: the same scene, act and ending, and for
every name that a choice's or an outcome's condition reads (or that feeds one), the same boolean or string, or the
same side of every constant the story compares it with (`trust >= 7` splits trust at 7). Text conditions only change
what is shown, not where the story can go. Counting every exact value instead multiplies the states past any useful
limit (millions for the shipped story, through counters in loops and the traits each page sets). The walk is therefore
a proof of what it finds (each ending comes with a real path, replayed by the engine) and a strong but not complete
search for what it does not find. A number compared with another name or used in arithmetic is kept exactly.

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
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Iterator

from ducktools.classbuilder.prefab import prefab, replace

from game.engine import ChoiceInput, Input, PageInput, SceneShown, State, available_choices, new_game, step
from game.engine.history import History
from game.explorer.random_explore import Coverage, explore_run
from game.explorer.random_pages import PageWriter
from game.replay.format import Replay
from game.replay.run import Run, input_for
from game.story.expressions import Binary, Expr, Literal_, Name, Unary, names_in
from game.story.model import Condition, Effect, Scene, Story

COMPARISONS = frozenset({"<", "<=", ">", ">=", "==", "!="})

DEFAULT_LIMIT = 200_000
WITNESS_RUNS = 1_000
"""Random playthroughs that vary what the walk does not (the traits of free pages) before a condition is called dead."""

StateKey = tuple[object, ...]


@prefab(frozen=True)
class Exploration:
    states: int
    complete: bool
    """False when the state limit stopped the walk: unreached endings are then unproven, not unreachable."""
    paths: dict[str, tuple[Input, ...]]
    """The shortest inputs that reach each reachable ending."""
    scenes: frozenset[str]
    constant: tuple[ConstantCondition, ...] = ()
    """Conditions that came to one value every time the walk tested them."""


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


@prefab(frozen=True)
class _Abstraction:
    thresholds: dict[str, tuple[float, ...]]
    exact: frozenset[str]

    def key(self, state: State) -> StateKey:
        values: list[object] = []
        for name, value in sorted({**state.variables, **state.traits, **state.counts}.items()):
            if name in self.exact or (name in self.thresholds and isinstance(value, (bool, str))):
                values.append(value)
            elif name in self.thresholds:
                limits = self.thresholds[name]
                values.append((bisect_left(limits, value), value in limits))
        return (state.scene, state.act, state.ending, state.page_about_ruby, state.stack, tuple(values))


def _abstraction(story: Story) -> _Abstraction:
    """Only the names that decide where the story goes (choice and outcome conditions, and what feeds them)."""
    thresholds: dict[str, set[float]] = {}
    exact: set[str] = set()
    for expr in _conditions(story):
        _collect(expr, thresholds, exact)
    effects = list(_effects(story))
    changed = True
    while changed:
        changed = False
        for effect in effects:
            if effect.assignment.target in thresholds or effect.assignment.target in exact:
                feeding = {name.name for name in names_in(effect.assignment.value)} - exact
                exact |= feeding
                changed = changed or bool(feeding)
    return _Abstraction({name: tuple(sorted(values)) for name, values in thresholds.items()}, frozenset(exact))


def _collect(expr: Expr, thresholds: dict[str, set[float]], exact: set[str]) -> None:
    if isinstance(expr, Binary) and expr.op in COMPARISONS:
        for name, other in ((expr.left, expr.right), (expr.right, expr.left)):
            if isinstance(name, Name) and isinstance(other, Literal_) and not isinstance(other.value, (bool, str)):
                thresholds.setdefault(name.name, set()).add(float(other.value))
                return
        exact.update(name.name for name in names_in(expr))
        return
    if isinstance(expr, Binary):
        _collect(expr.left, thresholds, exact)
        _collect(expr.right, thresholds, exact)
    elif isinstance(expr, Unary):
        _collect(expr.operand, thresholds, exact)
    elif isinstance(expr, Name):
        thresholds.setdefault(expr.name, set()).add(0.0)


def _conditions(story: Story) -> Iterator[Expr]:
    """Conditions that choose a path. Text conditions only change what is shown, so they do not split states."""
    for scene in story.scenes.values():
        yield from (choice.condition.expr for choice in scene.choices if choice.condition)
        if scene.typewriter:
            yield from (o.condition.expr for o in scene.typewriter.outcomes if o.condition)


def _effects(story: Story) -> Iterator[Effect]:
    for scene in story.scenes.values():
        yield from scene.effects
        for choice in scene.choices:
            yield from choice.effects
        if scene.typewriter:
            for outcome in scene.typewriter.outcomes:
                yield from outcome.effects
    if story.lexicon:
        yield from story.lexicon.on_page
        for trait in story.lexicon.traits:
            yield from (*trait.effects, *trait.negated)


def explore_exhaustive(story: Story, limit: int = DEFAULT_LIMIT, witness_runs: int = WITNESS_RUNS) -> Exploration:
    pages = {scene.id: typewriter_pages(story, scene) for scene in story.scenes.values() if scene.typewriter}
    state_key = _abstraction(story).key
    watch = _ConditionValues()
    start, _ = new_game(story, seed=0, watch=watch)
    parents: dict[StateKey, tuple[StateKey | None, Input | None]] = {state_key(start): (None, None)}
    frontier: deque[State] = deque([start])
    endings: dict[str, StateKey] = {}
    scenes = {start.scene}
    complete = True
    while frontier:
        state = frontier.popleft()
        key = state_key(state)
        for action in _inputs(story, state, pages):
            after, events = step(story, state, action, watch)
            scenes.update(event.scene_id for event in events if isinstance(event, SceneShown))  # `next` passes some
            after_key = state_key(after)
            if after_key in parents:
                continue
            if len(parents) >= limit:
                complete = False
                frontier.clear()
                break
            parents[after_key] = (key, action)
            if after.ending is not None:
                endings.setdefault(after.ending, after_key)
            else:
                scenes.add(after.scene)
                frontier.append(_forget_history(after))
    paths = {ending: _path(parents, key) for ending, key in endings.items()}
    writer = PageWriter(story)
    for seed in range(witness_runs):
        explore_run(story, seed, Coverage(), pages=writer, watch=watch)
    return Exploration(len(parents), complete, paths, frozenset(scenes), watch.constant())


def _inputs(story: Story, state: State, pages: dict[str, tuple[str, ...]]) -> list[Input]:
    if state.scene in pages:
        return [PageInput(page) for page in pages[state.scene]]
    return [ChoiceInput(number) for number in range(1, len(available_choices(story, state)) + 1)]


def _forget_history(state: State) -> State:
    """History is not part of the key and grows with every step: dropping it keeps a wide walk small in memory."""
    return replace(state, history=History())


def _path(parents: dict[StateKey, tuple[StateKey | None, Input | None]], key: StateKey) -> tuple[Input, ...]:
    steps: list[Input] = []
    current: StateKey | None = key
    while current is not None:
        parent, action = parents[current]
        if action is not None:
            steps.append(action)
        current = parent
    return tuple(reversed(steps))


def path_replay(story: Story, path: tuple[Input, ...]) -> Replay:
    """The shortest path as a replay (one input a second) that `ruby-sparks replay --verify` accepts."""
    run = Run(story, seed=0)
    for number, action in enumerate(path):
        run.apply(input_for(action, number * 1000))
    return run.replay()
