"""The rules of play: entering scenes, choosing, writing pages, reaching endings.

Every function here is pure. `step` never mutates the state it is given; it returns a new `State` and the events that
describe what happened, so the same story, seed and inputs always give the same states and the same events.
"""

from __future__ import annotations

from game.engine.compiled import PulledOut, TraitChange
from game.engine.events import (
    ActStarted,
    ChoicesOffered,
    EndingReached,
    Event,
    Narration,
    PageRead,
    Rejected,
    SceneShown,
    TypewriterReady,
)
from game.engine.feedback import page_feedback, quote, traits_by_id
from game.engine.inputs import ChoiceInput, CommandInput, Input
from game.engine.runtime import ConditionWatch, Runtime, holds_in
from game.engine.state import Offer, State, Written
from game.records import replace
from game.story.model import RETURN, Choice, Lexicon, Outcome, Scene, Story, TextBlock
from game.typewriter.reading import MAX_PAGE_CHARS, PageReading, TraitReading
from game.typewriter.text import clean

GLUE = "<>"
"""At the end of a text, joins its last paragraph to the first of the text that follows (ink's glue)."""
MAX_MOVES = 1_000
"""Moves without an input in one step (`next`, fallbacks, calls, returns) before the engine calls it a loop."""


STRANDED = "no choice can be offered here, and there is no fallback choice to take"
"""The problem of a player left with nothing to choose; the explorers report it as a dead end of their own, with the
path that leads there, so they leave this one out."""


def new_game(story: Story, seed: int = 0, watch: ConditionWatch | None = None) -> tuple[State, list[Event]]:
    """A fresh state at the story's start, and the events that show the first scene."""
    traits = {trait.id: 0.0 for trait in story.lexicon.traits} if story.lexicon else {}
    state = State(
        scene=story.start,
        variables={name: variable.default for name, variable in story.variables.items()},
        traits=traits,
        seed=seed,
    )
    runtime = Runtime(story, state, watch)
    _enter(runtime, story.start)
    return runtime.finish()


def available_choices(story: Story, state: State) -> list[Choice]:
    """The choices offered now, in the order they are numbered."""
    if state.ending is not None:
        return []
    return list(_offered(story, state, story.scenes[state.scene]).choices)


def _offered(story: Story, state: State, scene: Scene) -> Offer:
    """What the state's scene offers now: as the step that made the state found it, or, for a state without that (read
    from a save, made by `replace`, or made with another story), found again; then with no labels."""
    offered = state.offered
    if offered is not None and offered.scene is scene:
        return offered
    return Offer(scene, tuple(choice for choice in scene.choices if holds_in(state, choice.condition, story)), None)


def describe(story: Story, state: State) -> list[Event]:
    """The events that show where the player is, without changing anything (after a load, an undo, or `look`)."""
    runtime = Runtime(story, state)
    shown = state.history[-1].paragraphs if state.history and state.history[-1].scene == state.scene else None
    if state.ending is not None:
        ending = story.endings[state.ending]
        paragraphs = shown or runtime.render(ending.text, ending.id)
        runtime.emit(EndingReached(ending.id, ending.title, paragraphs, story.act_title(state.act)))
    else:
        led_here = state.history[-2].after if shown == () and len(state.history) > 1 else ()
        if led_here:  # a scene with no text of its own (its passage is what the choice led to) is never shown blank
            runtime.emit(Narration(led_here))
        _show_scene(runtime, story.scenes[state.scene], shown=shown)
    return runtime.finish()[1]


def rerender(story: Story, state: State) -> State:
    """The same place with its text rendered again from `story` (after an author edited it): history keeps the new text."""
    history = state.history.without_last() if state.history and state.history[-1].scene == state.scene else state.history
    runtime = Runtime(story, replace(state, history=history))
    if state.ending is not None:
        ending = story.endings[state.ending]
        runtime.add_history(ending.id, ending.title, runtime.render(ending.text, ending.id))
    else:
        _show_scene(runtime, story.scenes[state.scene])
    return runtime.finish()[0]


def step(story: Story, state: State, action: Input, watch: ConditionWatch | None = None) -> tuple[State, list[Event]]:
    """The one way a game moves: the state after `action`, and the events a front end shows for it.

    Every front end, the replay verifier and the explorers call this and nothing else, so a rule lives in one place
    and a replay is exact: the same story, state and input always give the same result, and `state` is never changed
    (undo and the explorer's branching keep old states and share them). An input that does not fit the moment gives
    the same state back with one `Rejected` event, never an exception. `watch`, for the exhaustive explorer, is told
    every condition the step tests and what it came to.
    """
    if isinstance(action, CommandInput):
        if action.name == "look":
            return state, describe(story, state)
        return state, [Rejected(f"`{action.name}` is not a command the story knows")]
    if state.ending is not None:
        return state, [Rejected("The story is over.")]
    scene = story.scenes[state.scene]
    if isinstance(action, ChoiceInput):
        return _choose(story, state, scene, action.number, watch)
    return _write(story, state, scene, action.text, watch)


def _choose(story: Story, state: State, scene: Scene, number: int, watch: ConditionWatch | None) -> tuple[State, list[Event]]:
    if scene.typewriter is not None:
        return state, [Rejected("You are at the typewriter: write a page.")]
    offered = state.offered
    if offered is None or offered.scene is not scene:  # `_offered`'s test, here where every choice passes
        offered = _offered(story, state, scene)
    choices = offered.choices
    if not choices:
        return state, [Rejected("There is nothing to choose here: a mistake in the story leaves no choice open.")]
    if not 1 <= number <= len(choices):
        return state, [Rejected(f"Choose a number from 1 to {len(choices)}.")]
    choice = choices[number - 1]
    runtime = Runtime(story, state, watch)
    parts = choice.label.parts
    runtime.record_action(parts[0] if len(parts) == 1 else _label(runtime, offered, number, scene))  # most: fixed text
    _enter(runtime, _take(runtime, scene, choice))
    return runtime.finish()


def _label(runtime: Runtime, offered: Offer, number: int, scene: Scene) -> str:
    """The label of the choice taken, as the history keeps it: as shown, unless it has format 2's inline text, whose
    alternatives move on each time the label is shown (so it is shown again here, as it always was). A label of fixed
    text is that text, and its caller takes it without this call."""
    choice = offered.choices[number - 1]
    if offered.labels is not None and choice.label.parts:
        return offered.labels[number - 1]
    return runtime.interpolate(choice.label, scene.id)


def _take(runtime: Runtime, scene: Scene, choice: Choice) -> str:
    """Take a choice (the player's, or a fallback): count it, apply it, narrate it; where it leads."""
    if choice.counter is not None:
        runtime.count(choice.counter)
    if choice.effects:
        runtime.apply(choice.effects, f"a choice of `{scene.id}`")
    if choice.text or runtime.glue:  # most choices say nothing: no call
        _narrate(runtime, choice.text, scene.id)
    return choice.target if choice.call is None else _called(runtime, choice.call, choice.target)


def _called(runtime: Runtime, call: str, target: str) -> str:
    """A move that calls a subroutine scene leads there, and its `return` will lead to the move's target."""
    runtime.stack = (*runtime.stack, target)
    return call


def _write(story: Story, state: State, scene: Scene, text: str, watch: ConditionWatch | None) -> tuple[State, list[Event]]:
    if scene.typewriter is None or story.lexicon is None:
        return state, [Rejected("There is no typewriter here: choose by number.")]
    runtime = Runtime(story, state, watch)
    page = runtime.compiled.page(text, scene, _pulled_out)
    about_ruby = page.reading.about_ruby
    _make_true(runtime, page.changes, about_ruby)
    outcome = _pick_outcome(runtime, scene, page.written, about_ruby)
    runtime.record_action(page.summary, page=page.page, reading=page.feedback, written=page.sources)
    number = next(n for n, found in enumerate(scene.typewriter.outcomes, 1) if found is outcome)
    runtime.emit(PageRead(page.reading, page.feedback, tuple(runtime.effect_log), number))
    runtime.apply(outcome.effects, f"an outcome of `{scene.id}`")
    if outcome.text or runtime.glue:
        _narrate(runtime, outcome.text, scene.id)
    _enter(runtime, outcome.target if outcome.call is None else _called(runtime, outcome.call, outcome.target))
    return runtime.finish()


def _pulled_out(story: Story, scene: Scene, text: str, reading: PageReading) -> PulledOut:
    """Everything a page means that its text, the story and the scene decide (see `CompiledStory.page`)."""
    assert story.lexicon is not None
    changes, written = _changes(story.lexicon, reading)
    page = clean(text)  # once, for the summary and the page kept (it was made twice)
    summary = _page_summary(page)
    return PulledOut(
        reading, changes, written, page_feedback(reading, story, scene), summary, page[:MAX_PAGE_CHARS], _written(reading)
    )


def apply_reading(runtime: Runtime, reading: PageReading) -> dict[str, TraitReading]:
    """Make the page true: each trait it names takes its intensity (negative when negated), and its effects run."""
    lexicon = runtime.story.lexicon
    assert lexicon is not None
    changes, written = _changes(lexicon, reading)
    _make_true(runtime, changes, reading.about_ruby)
    return written


def _changes(lexicon: Lexicon, reading: PageReading) -> tuple[tuple[TraitChange, ...], dict[str, TraitReading]]:
    """What a reading does to the traits, in order: each trait of a sentence about her, with its value and effects (a
    later sentence naming a trait again wins in `written`)."""
    traits = traits_by_id(lexicon)
    changes: list[TraitChange] = []
    written: dict[str, TraitReading] = {}
    for sentence in reading.sentences:
        if not sentence.about_ruby:
            continue
        for trait_reading in sentence.traits:
            trait = traits.get(trait_reading.id)
            if trait is None:
                continue
            negated = trait_reading.negated
            value = -trait_reading.intensity if negated else trait_reading.intensity
            changes.append((trait.id, value, trait.negated if negated else trait.effects, f"the trait `{trait.id}`"))
            written[trait.id] = trait_reading
    return tuple(changes), written


def _make_true(runtime: Runtime, changes: tuple[TraitChange, ...], about_ruby: bool) -> None:
    for trait_id, value, effects, where in changes:
        runtime.set_trait(trait_id, value)
        runtime.apply(effects, where, log=True)
    runtime.about_subject(about_ruby)
    if about_ruby:
        lexicon = runtime.story.lexicon
        assert lexicon is not None
        runtime.apply(lexicon.on_page, "the lexicon's `on_page`", log=True)


def _pick_outcome(runtime: Runtime, scene: Scene, written: dict[str, TraitReading], about_ruby: bool) -> Outcome:
    assert scene.typewriter is not None
    for outcome in scene.typewriter.outcomes:
        if outcome.about_ruby is not None and outcome.about_ruby != about_ruby:
            continue
        if outcome.wrote and not all(t.trait in written and written[t.trait].negated == t.negated for t in outcome.wrote):
            continue
        if outcome.condition is None or runtime.holds(outcome.condition, f"an outcome of `{scene.id}`"):
            return outcome
    return scene.typewriter.outcomes[-1]


def _written(reading: PageReading) -> tuple[Written, ...]:
    """Each trait the page set, with the sentence that set it (a later sentence setting it again wins)."""
    return tuple(
        Written(trait.id, sentence.text) for sentence in reading.sentences if sentence.about_ruby for trait in sentence.traits
    )


def _page_summary(page: str) -> str:
    """The history's line for a page, from the page as the reader saw it (`clean`): the history is shown again, and
    must never hold a raw byte."""
    first = " ".join(page.split())
    return f"You wrote: {quote(first, 80)}" if first else "You pulled out a blank page."


def _narrate(runtime: Runtime, blocks: tuple[TextBlock, ...], where: str) -> None:
    """Called only for a text, or a glued paragraph waiting (most choices say nothing: their callers test that)."""
    paragraphs = runtime.render(blocks, where)
    if runtime.glue:
        paragraphs = _glued(runtime, paragraphs)
    if paragraphs and paragraphs[-1][-1] == ">":  # a character's test, not `endswith`, which parses its arguments
        paragraphs = _held(runtime, paragraphs)
    if paragraphs:
        runtime.record_after(paragraphs)
        runtime.emit(Narration(paragraphs))


def _held(runtime: Runtime, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """A text that ends in `<>` (glue) keeps its last paragraph back, to begin the next text shown."""
    if paragraphs and paragraphs[-1].endswith(GLUE):
        runtime.glue = paragraphs[-1][: -len(GLUE)].rstrip()
        return paragraphs[:-1]
    return paragraphs


def _glued(runtime: Runtime, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraph a glued text kept back, joined to the first of these (a space between, except before punctuation).
    Called only when one was kept back: the usual step pays for one test, not a call."""
    glue, runtime.glue = runtime.glue, ""
    if not paragraphs:
        return (glue,)
    first = paragraphs[0]
    return (glue + ("" if first[:1] in ",.;:!?)" else " ") + first, *paragraphs[1:])


def _enter(runtime: Runtime, target: str) -> None:
    story = runtime.story
    if runtime.history.length:  # a turn is taken (the first scene of a game is turn 0)
        runtime.turn += 1
        runtime.write("turn", runtime.turn)
    moves = 0
    while True:
        while target == RETURN and target not in story.scenes:
            back = _return(runtime)
            if back is None:
                runtime.emit(ChoicesOffered(()))
                return
            target = back
        if target in story.endings:
            ending = story.endings[target]
            paragraphs = runtime.render(ending.text, ending.id)
            if runtime.glue:
                paragraphs = _glued(runtime, paragraphs)
            runtime.scene = runtime.ending = target
            runtime.add_history(ending.id, ending.title, paragraphs)
            runtime.emit(EndingReached(ending.id, ending.title, paragraphs, story.act_title(runtime.act)))
            return
        scene = story.scenes[target]
        runtime.scene = target
        runtime.offered = None
        if scene.counter is not None:
            runtime.count(scene.counter)
        if scene.act is not None and scene.act != runtime.act:
            runtime.act = scene.act
            runtime.emit(ActStarted(scene.act, story.act_title(scene.act)))
        if scene.effects:
            runtime.apply(scene.effects, f"the scene `{scene.id}`")
        following = _show_scene(runtime, scene, None, True)  # moving: positional, as keywords cost on every step
        if following is None:
            return
        moves += 1
        if moves > MAX_MOVES:
            runtime.problem(f"the story went on {MAX_MOVES} times without a choice (a loop?)", f"`{scene.id}`", scene.span)
            return
        target = following


def _return(runtime: Runtime) -> str | None:
    """Where a `return` goes: the innermost call's. With no call to return from (a problem), a choice's `return` shows
    its scene again, and a scene's `next: return` stops where it is (None)."""
    if runtime.stack:
        target, runtime.stack = runtime.stack[-1], runtime.stack[:-1]
        return target
    scene = runtime.story.scenes[runtime.scene]
    if scene.next is not None:
        runtime.problem("`return` with no `call` to return to; the story stops here", f"`{scene.id}`", scene.span)
        return None
    runtime.problem("`return` with no `call` to return to; the scene is shown again", f"`{scene.id}`", scene.span)
    return runtime.scene


def _show_scene(runtime: Runtime, scene: Scene, shown: tuple[str, ...] | None = None, moving: bool = False) -> str | None:
    """Show a scene; `shown` is its text as first rendered, so showing it again never re-rolls a `one_of`.

    A scene just entered (`moving`) may go on at once, with no input: to `next`, or through a fallback choice when no
    choice can be offered. That move is made here and where it leads returned, for `_enter` to enter (None: the scene
    waits for the player). Showing a scene again (`describe`, `rerender`) never moves."""
    paragraphs = shown if shown is not None else runtime.render(scene.text, scene.id)
    if moving:
        if runtime.glue:
            paragraphs = _glued(runtime, paragraphs)
        if scene.next is not None:
            paragraphs = _held(runtime, paragraphs)
            if runtime.glue and scene.next == RETURN and not runtime.stack and scene.call is None:
                paragraphs, runtime.glue = (*paragraphs, runtime.glue), ""  # the `return` will fail: nothing follows
    if shown is None:
        runtime.add_history(scene.id, scene.title, paragraphs)
    act_title = runtime.compiled.act_titles.get(runtime.act, "") if runtime.act is not None else ""
    runtime.emit(SceneShown(scene.id, scene.title, act_title, paragraphs, runtime.status()))
    if scene.typewriter is not None:
        runtime.emit(TypewriterReady(runtime.render(scene.typewriter.prompt, scene.id)))
        return None
    if scene.next is not None:
        if not moving:
            return None
        return scene.next if scene.call is None else _called(runtime, scene.call, scene.next)
    made = runtime.offer(scene)
    offer, shown_offer = made if made is not None else (_offer(runtime, scene), None)
    if offer.choices or not moving or not (scene.choices or scene.fallbacks):
        runtime.offered = offer
        runtime.emit(shown_offer or ChoicesOffered(offer.labels or ()))
        return None
    fallback = next((c for c in scene.fallbacks if runtime.holds(c.condition, f"a fallback of `{scene.id}`")), None)
    if fallback is not None:
        return _take(runtime, scene, fallback)
    runtime.problem(STRANDED, f"`{scene.id}`", scene.span)
    runtime.emit(ChoicesOffered(()))
    return None


def _offer(runtime: Runtime, scene: Scene) -> Offer:
    """The choices whose conditions hold, tested and labelled one by one, in order (a label's inline text may move
    an alternative on, so each is shown right after its condition holds, as the player will see them)."""
    where = f"a choice of `{scene.id}`"
    offered: list[Choice] = []
    labels: list[str] = []
    for choice in scene.choices:
        if runtime.holds(choice.condition, where):
            offered.append(choice)
            labels.append(runtime.interpolate(choice.label, scene.id))
    return Offer(scene, tuple(offered), tuple(labels))


__all__ = ["apply_reading", "available_choices", "describe", "new_game", "page_feedback", "step"]
