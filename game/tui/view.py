"""What the story screen shows after a step, folded from the engine's events: pure data, no Textual.

Keeping this apart from the widgets means the screen's content is tested without a terminal, and the widgets hold
no game rule: they only draw a `SceneView`.
"""

from __future__ import annotations

from typing import assert_never

from game.engine import (
    ActStarted,
    ChoicesOffered,
    EndingReached,
    Event,
    Narration,
    PageRead,
    Problem,
    Rejected,
    SceneShown,
    TypewriterReady,
)
from game.records import attribute, prefab


@prefab(frozen=True)
class Paragraph:
    text: str
    kind: str = "prose"
    """prose, aside (what a choice did), page (how the page was read), heading, problem."""


@prefab
class SceneView:
    paragraphs: list[Paragraph] = attribute(default_factory=list)
    choices: tuple[str, ...] = ()
    prompt: tuple[str, ...] = ()
    at_typewriter: bool = False
    scene_title: str = ""
    act_title: str = ""
    seems: str = ""
    ending_id: str | None = None
    ending_title: str = ""
    rejected: str = ""

    @property
    def plain_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


def fold(events: list[Event], before: SceneView | None = None) -> SceneView:
    """The screen after `events`. A rejected input keeps the screen as it was and only adds the reason."""
    if before is not None and events and all(isinstance(e, Rejected) for e in events):
        before.rejected = " ".join(e.reason for e in events if isinstance(e, Rejected))
        return before
    view = SceneView(act_title=before.act_title if before else "")
    for event in events:
        _apply(view, event)
    return view


def _apply(view: SceneView, event: Event) -> None:
    match event:
        case ActStarted():
            view.act_title = event.title or event.act_id  # in the header, which always shows it: not in the text too
        case Narration():
            view.paragraphs.extend(Paragraph(text, "aside") for text in event.paragraphs)
        case PageRead():
            view.paragraphs.append(Paragraph("You pull the page out and read it back:", "page"))
            view.paragraphs.extend(Paragraph(f"• {line}", "page") for line in event.lines)
        case SceneShown():
            view.scene_title = event.title
            view.act_title = event.act_title or view.act_title  # also after a load or an undo, which start no act
            view.seems = event.seems
            view.paragraphs.extend(Paragraph(text) for text in event.paragraphs)
        case ChoicesOffered():
            view.choices = event.labels
            view.at_typewriter = False
        case TypewriterReady():
            view.prompt = event.prompt
            view.at_typewriter = True
        case EndingReached():
            view.ending_id = event.ending_id
            view.ending_title = view.scene_title = event.title
            view.act_title = event.act_title or view.act_title
            view.at_typewriter = False
            view.choices = ()
            view.paragraphs.append(Paragraph(f"THE END: {event.title}", "heading"))
            view.paragraphs.extend(Paragraph(text) for text in event.paragraphs)
        case Problem():
            view.paragraphs.append(Paragraph(f"[story problem at {event.where}: {event.message}]", "problem"))
        case Rejected():
            view.rejected = event.reason
        case _:
            assert_never(event)
