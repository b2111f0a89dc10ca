"""`ruby-sparks stats`: how long a story is, where its words are, and how much of it a reader sees on the way to each
ending.

Counting every word an author wrote says how big the story is; it does not say how long a play is. So each ending
gets two reading lengths: the shortest path (the exhaustive walk's fewest inputs, replayed, counting the words
actually shown) and the longest path that never enters a scene twice (in the scene graph, each scene counting its
own text and the longest of its ways out, conditions ignored). The variables table counts, for each variable,
the conditions that read it in scenes and in endings: a stat nobody reads is a stat the player cannot feel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from game.engine import EndingReached, Event, Narration, SceneShown, new_game, step
from game.engine.inputs import Input
from game.story.expressions import names_in
from game.story.model import Condition, Scene, Story, TextBlock

WORDS_PER_MINUTE = 200
"""A common adult reading speed for fiction on screen (Inky and Ren'Py's lint quote word counts; minutes follow)."""


def story_stats(story: Story, paths: dict[str, tuple[Input, ...]]) -> dict[str, Any]:
    """Everything `stats` reports, as plain data (the JSON format). `paths` are the shortest inputs to each ending."""
    scenes = {scene.id: scene_words(scene) for scene in story.scenes.values()}
    endings = {ending.id: _blocks_words(ending.text) for ending in story.endings.values()}
    acts: dict[str, int] = {}
    current = ""
    for scene in story.scenes.values():
        current = scene.act or current
        acts[current or "(no act)"] = acts.get(current or "(no act)", 0) + scenes[scene.id]
    longest = _longest_paths(story)
    return {
        "story": story.id,
        "words": sum(scenes.values()) + sum(endings.values()),
        "scenes": len(story.scenes),
        "choices": sum(len(scene.choices) for scene in story.scenes.values()),
        "typewriter_moments": sum(1 for scene in story.scenes.values() if scene.typewriter is not None),
        "endings": len(story.endings),
        "words_per_act": acts,
        "words_per_scene": scenes,
        "words_per_ending": endings,
        "paths": {
            ending: {
                "shortest": _shortest(story, paths[ending]) if ending in paths else None,
                "longest": longest.get(ending),
            }
            for ending in story.endings
        },
        "variables": _readers(story),
    }


def scene_words(scene: Scene) -> int:
    """Every word written for a scene: its text, prompt, choices and outcomes (all variants of a `one_of`)."""
    total = _blocks_words(scene.text)
    if scene.typewriter is not None:
        total += _blocks_words(scene.typewriter.prompt)
        total += sum(_blocks_words(outcome.text) for outcome in scene.typewriter.outcomes)
    for choice in scene.choices:
        total += _count(choice.label.source) + _blocks_words(choice.text)
    return total


def _blocks_words(blocks: Iterable[TextBlock]) -> int:
    return sum(_count(variant.source) for block in blocks for variant in block.variants)


def _count(text: str) -> int:
    return len(text.split())


def _shown_words(events: Iterable[Event]) -> int:
    return sum(
        _count(paragraph)
        for event in events
        if isinstance(event, (SceneShown, Narration, EndingReached))
        for paragraph in event.paragraphs
    )


def _shortest(story: Story, path: tuple[Input, ...]) -> dict[str, int]:
    state, events = new_game(story, seed=0)
    words = _shown_words(events)
    for action in path:
        state, events = step(story, state, action)
        words += _shown_words(events)
    return {"inputs": len(path), "words": words, "minutes": _minutes(words)}


def _minutes(words: int) -> int:
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def _passing_words(scene: Scene) -> int:
    """What one pass through a scene reads: its text and prompt, and the longest of its ways out."""
    exits = [_count(choice.label.source) + _blocks_words(choice.text) for choice in scene.choices]
    if scene.typewriter is not None:
        exits += [_blocks_words(outcome.text) for outcome in scene.typewriter.outcomes]
        return _blocks_words(scene.text) + _blocks_words(scene.typewriter.prompt) + max(exits, default=0)
    return _blocks_words(scene.text) + max(exits, default=0)


def _longest_paths(story: Story) -> dict[str, dict[str, int]]:
    """For each ending, the most words a path from the start can pass without entering a scene twice.

    Longest simple paths are hard in general; a story's loops are short (a scene that sends you back to try again),
    so each loop (a strongly connected set of scenes) is counted as passed once, whole, and the longest path is
    taken over the loops' graph, which has no cycles."""
    component = _components(story)
    weight: dict[int, int] = {}
    size: dict[int, int] = {}
    successors: dict[int, set[str]] = {}
    for scene in story.scenes.values():
        weight[component[scene.id]] = weight.get(component[scene.id], 0) + _passing_words(scene)
        size[component[scene.id]] = size.get(component[scene.id], 0) + 1
        successors.setdefault(component[scene.id], set()).update(_scene_targets(story, scene.id))
    best: dict[int, tuple[int, int]] = {}  # component -> (words, scenes) of the longest path that ends in it
    # Tarjan numbers components in reverse topological order: counting down, every edge goes forward
    order = sorted(set(component.values()), reverse=True)
    start = component[story.start]
    best[start] = (weight[start], size[start])
    for node in order:
        if node not in best:
            continue
        words, count = best[node]
        for target in successors[node]:
            if target in component:
                candidate = (words + weight[component[target]], count + size[component[target]])
                if component[target] != node and candidate > best.get(component[target], (-1, 0)):
                    best[component[target]] = candidate
    out: dict[str, dict[str, int]] = {}
    for ending in story.endings.values():
        reaching = [
            best[component[scene.id]]
            for scene in story.scenes.values()
            if component[scene.id] in best and ending.id in scene.targets
        ]
        if reaching:
            words, count = max(reaching)
            words += _blocks_words(ending.text)
            out[ending.id] = {"scenes": count, "words": words, "minutes": _minutes(words)}
    return out


def _components(story: Story) -> dict[str, int]:
    """Tarjan's strongly connected components of the scene graph (iteratively: a long story must not hit recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    component: dict[str, int] = {}
    counter = found = 0
    for root in story.scenes:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(_scene_targets(story, root)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            advanced = False
            for target in targets:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(_scene_targets(story, target))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = found
                    if member == node:
                        break
                found += 1
    return component


def _scene_targets(story: Story, scene_id: str) -> list[str]:
    return [target for target in story.scenes[scene_id].targets if target in story.scenes]


def _readers(story: Story) -> dict[str, dict[str, int]]:
    """For each variable and trait, how many conditions read it: in scenes (passages, choices, outcomes and the status
    lines shown with them) and in endings."""
    counts: dict[str, dict[str, int]] = {
        name: {"scenes": 0, "endings": 0}
        for name in (*story.variables, *(t.id for t in (story.lexicon.traits if story.lexicon else ())))
    }
    for where, condition in _conditions(story):
        for name in {n.name for n in names_in(condition.expr)}:
            if name in counts:
                counts[name][where] += 1
    return counts


def _conditions(story: Story) -> Iterator[tuple[str, Condition]]:
    for scene in story.scenes.values():
        blocks = [*scene.text, *(b for choice in scene.choices for b in choice.text)]
        found = [choice.condition for choice in scene.choices]
        if scene.typewriter is not None:
            blocks += [*scene.typewriter.prompt, *(b for outcome in scene.typewriter.outcomes for b in outcome.text)]
            found += [outcome.condition for outcome in scene.typewriter.outcomes]
        found += [block.condition for block in blocks]
        yield from (("scenes", condition) for condition in found if condition is not None)
    yield from (("scenes", line.condition) for line in story.seems if line.condition is not None)
    for ending in story.endings.values():
        yield from (("endings", block.condition) for block in ending.text if block.condition is not None)


WIDTH = 80
"""The text report fits a terminal of this width, however many scenes the story has."""


def stats_text(report: dict[str, Any]) -> str:
    """The report as a person reads it: totals, words per act, scene and ending, the reading length of each ending,
    and what reads each stat."""
    lines = [
        f"`{report['story']}`: {_many(report['words'], 'word')} in {_many(report['scenes'], 'scene')} and "
        f"{_many(report['endings'], 'ending')};",
        f"  {_many(report['choices'], 'choice')}, {_many(report['typewriter_moments'], 'typewriter moment')}",
    ]
    for what, key in (("act", "words_per_act"), ("scene", "words_per_scene"), ("ending", "words_per_ending")):
        lines.append(f"words per {what}:")
        lines += _packed([f"{name} {words:,}" for name, words in report[key].items()])
    lines.append("reading to each ending (shortest path as played; longest that repeats no scene):")
    for ending, found in report["paths"].items():
        shortest, longest = found["shortest"], found["longest"]
        short = "not found"
        if shortest:
            short = f"{_many(shortest['inputs'], 'input')}, {_many(shortest['words'], 'word')}, ~{shortest['minutes']} min"
        long = (
            f"{_many(longest['scenes'], 'scene')}, {_many(longest['words'], 'word')}, ~{longest['minutes']} min"
            if longest
            else "none"
        )
        lines += [f"  {ending}: shortest {short};", f"    longest {long}"]
    lines.append("conditions reading each variable (scenes / endings):")
    for name, counts in report["variables"].items():
        lines.append(f"  {name}: {counts['scenes']} / {counts['endings']}")
    return "\n".join(lines)


def _many(number: int, word: str) -> str:
    return f"{number:,} {word}{'s' * (number != 1)}"


def _packed(entries: list[str]) -> list[str]:
    """Entries side by side, as many as fit in WIDTH columns, so that a story of hundreds of scenes is a screenful, not
    hundreds of lines; an entry is never split."""
    lines: list[str] = []
    line = ""
    for entry in entries:
        if line and len(line) + 3 + len(entry) > WIDTH:
            lines.append(line + ",")
            line = ""
        line = f"{line}, {entry}" if line else f"  {entry}"
    return [*lines, line] if line else lines
