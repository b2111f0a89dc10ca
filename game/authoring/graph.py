"""`ruby-sparks graph`: the scene graph as Graphviz dot or Mermaid, acts as clusters and endings marked."""

from __future__ import annotations

import json
from collections import defaultdict

from game.story.model import Scene, Story

LABEL_LIMIT = 40


def edges(scene: Scene) -> list[tuple[str, str]]:
    """(target, label) for each way out of `scene`: a choice's label, or "page" and what the page must have said."""
    if scene.typewriter is not None:
        out = []
        for outcome in scene.typewriter.outcomes:
            wrote = ", ".join(("not " if t.negated else "") + t.trait for t in outcome.wrote)
            if outcome.about_ruby is False:
                wrote = "not about her"
            out.append((outcome.target, f"page: {wrote}" if wrote else "page"))
        return out
    return [(choice.target, _short(choice.label.source)) for choice in scene.choices]


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


def to_dot(story: Story) -> str:
    quote = json.dumps
    lines = [f"digraph {quote(story.id)} {{", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
    for number, (act, scenes) in enumerate(_by_act(story).items()):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={quote(story.act_title(act) or act or 'no act')};")
        for scene in scenes:
            shape = ", style=rounded" if scene.typewriter else ""
            lines.append(f"    {quote(scene.id)} [label={quote(scene.title or scene.id)}{shape}];")
        lines.append("  }")
    for ending in story.endings.values():
        lines.append(f"  {quote(ending.id)} [label={quote('END: ' + ending.title)}, shape=doubleoctagon];")
    lines.append(f"  {quote('__start__')} [label=start, shape=circle];")
    lines.append(f"  {quote('__start__')} -> {quote(story.start)};")
    for scene in story.scenes.values():
        for target, label in edges(scene):
            lines.append(f"  {quote(scene.id)} -> {quote(target)} [label={quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(story: Story) -> str:
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
    for scene in story.scenes.values():
        for target, label in edges(scene):
            lines.append(f'  {node(scene.id)} -->|"{text(label)}"| {node(target)}')
    return "\n".join(lines) + "\n"
