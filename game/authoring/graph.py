"""`ruby-sparks graph`: the scene graph as Graphviz dot or Mermaid, acts as clusters and endings marked.

Each edge says what takes it: a choice's label, or what a page must have said, and the condition that must hold. With
a coverage report (`explore --format json`, random or exhaustive), what the playtests never reached is shaded: scenes
and endings no run entered, choices no run took, and a page's outcomes from a scene never entered or to a place never
reached (the reports count choices, not outcomes).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from game.records import prefab
from game.story.model import RETURN, Alternatives, Condition, Conditional, Hole, Piece, Scene, Story, Template

LABEL_LIMIT = 40
MAX_READINGS = 4
"""How many ways of reading one label an edge shows (a label with three `{if}` has eight)."""
GREY = "#999999"


@prefab(frozen=True)
class Edge:
    target: str
    label: str
    choice: str = ""
    """`scene#n` for a choice, `scene@n` for a page's outcome (numbered as written, as explore's reports name them);
    empty for `next`, a fallback and a call."""


@prefab(frozen=True)
class Reached:
    """What a coverage report says the playtests reached."""

    scenes: frozenset[str]
    choices: frozenset[str]
    endings: frozenset[str]
    runs: str
    """How the report was made, for the graph's legend ("300 random runs")."""
    outcomes: frozenset[str] | None = None
    """The page outcomes taken; None for a report made before `explore` counted them (then a page's outcome counts as
    taken when its scene and target were reached)."""

    def node(self, name: str) -> bool:
        return name in self.scenes or name in self.endings

    def edge(self, scene: Scene, edge: Edge) -> bool:
        if "@" in edge.choice and self.outcomes is not None:
            taken = edge.choice in self.outcomes
        elif "#" in edge.choice:
            taken = edge.choice in self.choices
        else:
            taken = scene.id in self.scenes
        return taken and self.node(edge.target)


class CoverageError(ValueError):
    """A coverage file that is not a report of `explore --format json` for this story; the message says why."""


def read_coverage(text: str, story: Story) -> Reached:
    try:
        report = json.loads(text)
    except ValueError:
        raise CoverageError("it is not JSON; make it with `ruby-sparks explore --format json`") from None
    if not isinstance(report, dict) or not all(isinstance(report.get(k), dict) for k in ("scenes", "choices", "endings")):
        raise CoverageError("it has no scene, choice and ending counts; make it with `ruby-sparks explore --format json`")
    if report.get("story") != story.id:
        raise CoverageError(f"it is a report on the story `{report.get('story')}`, not `{story.id}`")
    if report.get("mode") == "exhaustive":
        runs = f"an exhaustive walk of {_count(report, 'states')} states and {_count(report, 'random_runs')} random runs"
    else:
        runs = f"{_count(report, 'runs')} random runs"
    return Reached(
        frozenset(name for name, count in report["scenes"].items() if count),
        frozenset(name for name, count in report["choices"].items() if count),
        frozenset(name for name, count in report["endings"].items() if count),
        runs,
        frozenset(name for name, count in outcomes.items() if count)
        if isinstance(outcomes := report.get("outcomes"), dict)
        else None,
    )


def _count(report: dict[str, Any], key: str) -> str:
    value = report.get(key)
    return f"{value:,}" if isinstance(value, int) else "?"


def edges(scene: Scene, about: str = "her") -> list[Edge]:
    """Each way out of `scene`: a choice's label, or "page" and what the page must have said, with its condition; a
    fallback choice, `next`, and each `call` (a subroutine's `return` goes back where it was called from: no edge).
    `about` is the subject as an object ("her", "him"), for a page that must not be about them."""
    out: list[Edge] = []
    if scene.typewriter is not None:
        for number, outcome in enumerate(scene.typewriter.outcomes, 1):
            wrote = ", ".join(("not " if t.negated else "") + t.trait for t in outcome.wrote)
            if outcome.about_ruby is False:
                wrote = f"not about {about}"
            label = _with_condition(f"page: {wrote}" if wrote else "page", outcome.condition)
            out += _move(outcome.target, outcome.call, label, f"{scene.id}@{number}")
    for number, choice in enumerate(scene.choices, 1):
        label = _with_condition(_short(readable(choice.label)), choice.condition)
        out += _move(choice.target, choice.call, label, f"{scene.id}#{number}")
    for choice in scene.fallbacks:
        name = f"fallback: {_short(readable(choice.label))}" if choice.label.source else "fallback"
        out += _move(choice.target, choice.call, _with_condition(name, choice.condition))
    if scene.next is not None:
        out += _move(scene.next, scene.call, "next")
    return out


def readable(template: Template) -> str:
    """A label as the player reads it: each way an `{if}` can show it, joined by ` / ` ("Post the sealed letter /
    Seal the letter"), a `{name}` as itself; not the template's source, braces and conditions and all."""
    if not template.pieces:
        return "".join(part if index % 2 == 0 else f"{{{part}}}" for index, part in enumerate(template.parts))
    readings = list(dict.fromkeys(" ".join(text.split()) for text in _readings(template.pieces)))
    return " / ".join(reading for reading in readings if reading) or template.source


def _readings(pieces: tuple[Piece, ...]) -> list[str]:
    readings = [""]
    for piece in pieces:
        if isinstance(piece, str):
            options = [piece]
        elif isinstance(piece, Hole):
            options = [f"{{{piece.name}}}"]
        elif isinstance(piece, Conditional):
            options = [*_readings(piece.then), *_readings(piece.otherwise)]
        elif isinstance(piece, Alternatives):
            options = [reading for option in piece.options for reading in _readings(option)]
        readings = [before + option for before in readings for option in options][:MAX_READINGS]
    return readings


def _move(target: str, call: str | None, label: str, choice: str = "") -> list[Edge]:
    moves = [Edge(call, f"{label} (call)", choice)] if call else []
    return moves + ([Edge(target, label, choice)] if target != RETURN else [])


def _with_condition(label: str, condition: Condition | None) -> str:
    return f"{label} [if {_short(condition.source)}]" if condition else label


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


def _by_act(story: Story) -> dict[str, list[Scene]]:
    acts: dict[str, list[Scene]] = defaultdict(list)
    current = ""
    for scene in story.scenes.values():
        current = scene.act or current
        acts[current].append(scene)
    return acts


def to_dot(story: Story, reached: Reached | None = None) -> str:
    quote = json.dumps
    lines = [f"digraph {quote(story.id)} {{", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
    if reached is not None:
        legend = f"grey and dashed: never reached in {reached.runs}"
        lines.append(f'  label={quote(legend)}; labelloc=t; fontname="Helvetica";')

    def unreached(name: str, styles: tuple[str, ...] = ()) -> str:
        if reached is None or reached.node(name):
            return f", style={quote(','.join(styles))}" if styles else ""
        shaded = quote(",".join((*styles, "dashed", "filled")))
        return f', style={shaded}, fillcolor="#eeeeee", color="{GREY}", fontcolor="{GREY}"'

    for number, (act, scenes) in enumerate(_by_act(story).items()):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={quote(story.act_title(act) or act or 'no act')};")
        for scene in scenes:
            shape = ("rounded",) if scene.typewriter else ()
            lines.append(f"    {quote(scene.id)} [label={quote(scene.title or scene.id)}{unreached(scene.id, shape)}];")
        lines.append("  }")
    for ending in story.endings.values():
        lines.append(f"  {quote(ending.id)} [label={quote('END: ' + ending.title)}, shape=doubleoctagon{unreached(ending.id)}];")
    lines.append(f"  {quote('__start__')} [label=start, shape=circle];")
    lines.append(f"  {quote('__start__')} -> {quote(story.start)};")
    for scene in story.scenes.values():
        for edge in edges(scene, story.subject_object):
            style = "" if reached is None or reached.edge(scene, edge) else f', style=dashed, color="{GREY}", fontcolor="{GREY}"'
            lines.append(f"  {quote(scene.id)} -> {quote(edge.target)} [label={quote(edge.label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(story: Story, reached: Reached | None = None) -> str:
    def node(name: str) -> str:
        return "n_" + "".join(ch if ch.isalnum() else "_" for ch in name)

    def text(label: str) -> str:
        return label.replace('"', "#quot;")

    lines = ["flowchart LR", f'  start(("start")) --> {node(story.start)}']
    for act, scenes in _by_act(story).items():
        lines.append(f'  subgraph {node("act_" + (act or "none"))}["{text(story.act_title(act) or act or "no act")}"]')
        for scene in scenes:
            title = text(scene.title or scene.id)
            lines.append(f'    {node(scene.id)}(["{title}"])' if scene.typewriter else f'    {node(scene.id)}["{title}"]')
        lines.append("  end")
    for ending in story.endings.values():
        lines.append(f'  {node(ending.id)}((("END: {text(ending.title)}")))')
    untaken: list[str] = []
    link = 1  # the link from start is number 0
    for scene in story.scenes.values():
        for edge in edges(scene, story.subject_object):
            lines.append(f'  {node(scene.id)} -->|"{text(edge.label)}"| {node(edge.target)}')
            if reached is not None and not reached.edge(scene, edge):
                untaken.append(str(link))
            link += 1
    if reached is not None:
        never = [node(name) for name in (*story.scenes, *story.endings) if not reached.node(name)]
        lines.append(f"  %% grey and dashed: never reached in {reached.runs}")
        lines.append(f"  classDef unreached fill:#eeeeee,stroke:{GREY},color:{GREY},stroke-dasharray:5 5")
        if never:
            lines.append(f"  class {','.join(never)} unreached")
        if untaken:
            lines.append(f"  linkStyle {','.join(untaken)} stroke:{GREY},color:{GREY},stroke-dasharray:4 4")
    return "\n".join(lines) + "\n"
