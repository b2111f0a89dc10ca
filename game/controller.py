"""The game as a player plays it, the same in every front end.

The engine steps a state; a player's game is more than that: the autosave kept current, the endings remembered, every
game recorded (a finished one becomes a replay), a speed-run's clock and splits, no undo in a speed-run, saves and
loads, an edited story taken in under `--watch`, and the seed each new game starts from. Those rules live here, once,
so the Textual app, plain mode and any later front end (a browser page, a test) play by the same ones: a front end
sends what the player did and shows the `Response`, and decides nothing. Nothing here knows about Textual.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from game.engine import EndingReached, Event, Input, PageInput, Rejected, SceneShown, State, describe
from game.engine.feedback import MarginNote, draft_notes
from game.engine.portrait import Portrait, portrait
from game.engine.session import Session
from game.persistence.endings_seen import remember_ending
from game.persistence.saves import (
    SaveError,
    SaveSummary,
    SceneGone,
    SlotInfo,
    autosave,
    delete_save,
    list_saves,
    load_save,
    newest_loadable,
    save_game,
    saved_summary,
)
from game.records import prefab
from game.replay.recorder import Recorder
from game.replay.run import CASUAL
from game.speedrun.splits import SplitsView
from game.speedrun.tracker import RunListener, SpeedrunTracker, SplitLine
from game.story.model import Story

if TYPE_CHECKING:
    from game.authoring.watch import StoryWatcher

NoticeKind = Literal["info", "warning", "error", "split", "gold", "finish"]

NO_UNDO_IN_A_SPEEDRUN = "There is no undo in a speed-run."
NO_ROLLBACK_IN_A_SPEEDRUN = "There is no going back in a speed-run."
PAGE_WORDS = 8
"""How many words of the last page a save's summary shows: enough to recognise it."""


@prefab(frozen=True)
class Notice:
    """One line for the player beside the story: a save made, a split, why something was refused."""

    text: str
    kind: NoticeKind = "info"


@prefab(frozen=True)
class Response:
    """What the player's last request did: the story's events to show, and the notices to show beside them."""

    events: tuple[Event, ...] = ()
    notices: tuple[Notice, ...] = ()
    jumped: bool = False
    """The game moved without a step (a new game, undo, a load, a reload): draw the place from scratch."""
    earlier: tuple[str, str] | None = None
    """A load refused because its scene is gone from the edited story: (slot, the nearest earlier scene), which a front
    end may offer to go on from (`load(slot, earlier=True)`)."""


def unknown_category(story: Story, name: str) -> str:
    names = ", ".join(category.name for category in story.categories) or "none"
    return f"This story has no speed-run category {name} (its categories: {names})."


class NoGame(Exception):
    """A request that needs a game in progress came before one was started: a front end's mistake, not a player's."""


class GameController:
    def __init__(
        self,
        story: Story,
        *,
        seed: int = 0,
        record_to: Path | None = None,
        watch: bool = False,
        clock: Callable[[], float] = time.monotonic,
        livesplit: RunListener | None = None,
    ) -> None:
        self.story = story
        self.record_to = record_to
        self.livesplit = livesplit
        """Told of each speed-run's start, splits and resets (`--livesplit`): a LiveSplit Server's timer follows."""
        self.clock = clock
        self.watcher: StoryWatcher | None = None
        if watch:  # the author's tools (and the loader behind them) are imported only for --watch
            from game.authoring.watch import StoryWatcher

            self.watcher = StoryWatcher(Path(story.root))
        self.session: Session | None = None
        self.recorder: Recorder | None = None
        self.tracker: SpeedrunTracker | None = None
        self._next_seed = seed
        self._autosave_failed = False
        self._played = 0.0
        """Seconds played in this game before `_since` (from earlier sessions, after a load)."""
        self._since = clock()

    # -- what a front end shows ---------------------------------------------------------------------------------

    @property
    def state(self) -> State | None:
        return self.session.state if self.session is not None else None

    @property
    def speedrun(self) -> str | None:
        """The category of the speed-run in progress (finished or not), or None in an ordinary game."""
        return self.tracker.category if self.tracker is not None else None

    @property
    def can_undo(self) -> bool:
        """Whether undo would take something back now (never in a speed-run)."""
        return self.tracker is None and self.session is not None and bool(self.session.undo_stack)

    def timer_text(self) -> str:
        return self.tracker.clock_text() if self.tracker is not None else ""

    def splits_view(self) -> SplitsView | None:
        """The splits panel of the speed-run in progress; None in an ordinary game."""
        return self.tracker.view() if self.tracker is not None else None

    def draft_notes(self, text: str) -> tuple[MarginNote, ...]:
        """How each finished sentence of a page still in the typewriter will be read."""
        if self.session is None:
            return ()
        return draft_notes(self.story, self.story.scenes.get(self.session.state.scene), text)

    def saves(self) -> list[SlotInfo]:
        return list_saves(self.story)

    def portrait(self) -> Portrait:
        """The subject as the player has written her so far (the subject's screen)."""
        return portrait(self.story, self._session().state)

    def rollback_points(self) -> dict[int, int]:
        """The moments of the history the player may return to (none in a speed-run), each with how many inputs
        returning there takes back."""
        if self.tracker is not None or self.session is None:
            return {}
        return self.session.steps_back()

    def played(self) -> float:
        """Seconds this game has been played, over every session (a load goes on from the save's time)."""
        return self._played + max(0.0, self.clock() - self._since)

    def summary(self) -> SaveSummary:
        """What a save of the game as it is now shows in the slot list."""
        state = self._session().state
        sheet = portrait(self.story, state)
        words = sheet.pages[-1].text.split() if sheet.pages else []
        page = " ".join(words[:PAGE_WORDS]) + ("…" if len(words) > PAGE_WORDS else "")
        scene = state.history[-1].title if state.history else ""
        return SaveSummary(self.story.act_title(state.act), scene, self.played(), sheet.seems, page)

    # -- starting, playing, taking back -------------------------------------------------------------------------

    def new_game(self, speedrun: str | None = None) -> Response:
        """A new game with the next seed, recorded from its first input; with a category, a timed speed-run."""
        category = self.story.category(speedrun) if speedrun is not None else None
        if speedrun is not None and category is None:
            return Response(notices=(Notice(unknown_category(self.story, speedrun), "warning"),))
        if category is not None:
            seed = category.seed  # the same for every runner: none can pick one
        else:
            seed = self._next_seed
            self._next_seed += 1
        notices = self._abandon_run()
        self.session, events = Session.start(self.story, seed)
        self.recorder = Recorder(self.story, seed, speedrun or CASUAL, self.record_to, self.clock, speedrun=speedrun is not None)
        self.tracker = SpeedrunTracker(self.recorder, category, self.livesplit) if category is not None else None
        self._start_clock(0.0)
        if self.tracker is not None:
            notices += self._notices(self.tracker.connect())
        return Response(tuple(events), notices, jumped=True)

    def begin_again(self) -> Response:
        """Start over: within a speed-run not yet finished (film%, all-endings) a restart the run times and records,
        with the seed the run gives its next game; otherwise a new game."""
        if self.tracker is not None and self.session is not None and not self.tracker.recorder.run.finished:
            events = self.session.restart(self.tracker.recorder.run.next_seed)
            self._start_clock(0.0)
            return Response(tuple(events), self._record("restart", events), jumped=True)
        return self.new_game()

    def apply(self, action: Input) -> Response:
        session = self._session()
        refusal = self._paste_refusal(action)
        if refusal:  # said beside the page and as a notice, which a long scene's text cannot push out of sight
            return Response((Rejected(refusal),), (Notice(refusal, "warning"),))
        events = session.apply(action)
        if any(isinstance(event, Rejected) for event in events):
            return Response(tuple(events))
        notices = self._record(action, events)
        return Response(tuple(events), notices + self._after_step(events))

    def undo(self) -> Response:
        """Take back the last input; never in a speed-run, whose time would otherwise hide a second attempt."""
        session = self._session()
        if self.tracker is not None:
            return Response(notices=(Notice(NO_UNDO_IN_A_SPEEDRUN, "warning"),))
        events = session.undo()
        if events is None:
            return Response(notices=(Notice("Nothing to take back."),))
        notices = self._record("undo", events)
        return Response(tuple(events), (Notice("You take it back."), *notices, *self._after_step(events)), jumped=True)

    def rollback(self, moment: int) -> Response:
        """Return to an earlier moment of the history (an index into it), taking back every input since, as that many
        undos would (and recorded as them); never in a speed-run."""
        session = self._session()
        if self.tracker is not None:
            return Response(notices=(Notice(NO_ROLLBACK_IN_A_SPEEDRUN, "warning"),))
        steps = session.steps_back().get(moment)
        if steps is None:
            return Response(notices=(Notice("That moment can no longer be returned to."),))
        notices: list[Notice] = []
        events: list[Event] = []
        for _ in range(steps):
            events = session.undo() or []
            notices.extend(self._record("undo", events))
        title = session.state.history[-1].title if session.state.history else ""
        said = Notice(f"You go back to `{title}`." if title else "You go back.")
        return Response(tuple(events), (said, *notices, *self._after_step(events)), jumped=True)

    # -- saves --------------------------------------------------------------------------------------------------

    def save(self, name: str) -> Notice:
        session = self._session()
        try:
            path = save_game(name, self.story, session.state, self.summary())
        except (SaveError, OSError) as error:
            return Notice(str(error), "error")
        return Notice(f"Saved as `{path.stem}`.")

    def delete(self, name: str) -> Notice:
        try:
            delete_save(name)
        except SaveError as error:
            return Notice(str(error), "error")
        return Notice(f"Deleted `{name}`.")

    def load(self, name: str | None = None, earlier: bool = False) -> Response:
        """Load a slot (the newest loadable one when `name` is None). A load is a jump no recording can explain, so it
        ends the recording, and any speed-run. A save made before the story was edited says what changed; with
        `earlier`, one whose scene is gone goes on from the nearest earlier scene it passed through.

        A load starts a new undo history (a save holds a place, not the states before it), so undo and the history's
        going back agree on what can be returned to; loading the place the player is at (Continue after leaving for
        the title) keeps the game as it is, undo history and all."""
        if name is None:
            name = newest_loadable(self.story)
            if name is None:
                return Response(notices=(Notice("There is no saved game to load yet: start a new one."),))
        try:
            loaded = load_save(name, self.story, earlier)
        except SceneGone as error:
            offer = (name, error.earlier) if error.earlier is not None else None
            return Response(notices=(Notice(str(error), "error"),), earlier=offer)
        except SaveError as error:
            return Response(notices=(Notice(str(error), "error"),))
        state = loaded.state
        here = self.tracker is None and self.session is not None and self.session.state == state
        unrecorded: tuple[Notice, ...] = ()
        if self.record_to is not None or self.tracker is not None:  # asked for a replay or a timed run: say it ends
            ended = " and the speed-run ends here (the attempt is kept)" if self.tracker is not None else ""
            unrecorded = (Notice(f"A loaded game is not recorded as a replay{ended}: a replay holds a game from its start."),)
        self._stop_recording("a saved game was loaded")
        abandoned = self._abandon_run()
        self.tracker = None
        self._start_clock(saved_summary(name).played)
        if not here:
            self.session = Session(self.story, state)
        events = describe(self.story, self._session().state)
        note = f" {loaded.note}" if loaded.note else ""
        return Response(tuple(events), (Notice(f"Loaded `{name}`.{note}"), *unrecorded, *abandoned), jumped=True)

    def autosave(self) -> Notice | None:
        """Save the player's place to `autosave`; None when there is no game yet, or in a speed-run: a run cannot be
        resumed (a load ends it), and its place must not take the casual game's, which Continue resumes."""
        if self.session is None or self.tracker is not None:
            return None
        try:
            path = autosave(self.story, self.session.state, self.summary())
        except (SaveError, OSError) as error:
            return Notice(str(error), "error")
        return Notice(f"Saved to `{path.stem}`.")

    # -- an edited story (--watch) ------------------------------------------------------------------------------

    def check_for_edits(self) -> Response | None:
        """With --watch: an edited story is taken in and the player kept in place; a broken edit is only reported.
        None when nothing changed."""
        if self.watcher is None or not self.watcher.changed():
            return None
        from game.authoring.watch import reload_story
        from game.story.loader import load_story

        if self.session is None:
            story, _ = load_story(self.watcher.root)
            if story is None:
                return Response(notices=(Notice("The story has errors; see `ruby-sparks check`.", "error"),))
            self.story = story
            return Response(notices=(Notice("The story was reloaded."),))
        reloaded = reload_story(self.watcher.root, self.session.state)
        if reloaded.story is None or reloaded.state is None:
            return Response(notices=(Notice(reloaded.message, "error"),))
        self.story = self.session.story = reloaded.story
        self._stop_recording("the story was edited")
        events = self.session.replace(reloaded.state)
        return Response(tuple(events), (Notice(reloaded.message),), jumped=True)

    # -- inside -------------------------------------------------------------------------------------------------

    def _session(self) -> Session:
        if self.session is None:
            raise NoGame("start a game (new_game or load) first")
        return self.session

    def _start_clock(self, played: float) -> None:
        self._played, self._since = played, self.clock()

    def _record(self, action: Input | str, events: list[Event]) -> tuple[Notice, ...]:
        """Record an input the game took; the splits it made, and the replay file when it finished the run."""
        notices: list[Notice] = []
        if self.tracker is not None:
            notices.extend(self._notices(self.tracker.note(action, events)))
        elif self.recorder is not None:
            self.recorder.note(action, events)
        if self.recorder is not None and self.recorder.run.finished and self.recorder.saved:
            notices.append(Notice(f"Replay saved to {self.recorder.saved[-1]}"))
            self.recorder.saved.clear()
        return tuple(notices)

    def _paste_refusal(self, action: Input) -> str:
        """Why a pasted page is refused (in a speed-run whose category does not allow pasting), or ""."""
        if not (isinstance(action, PageInput) and action.pasted and self.tracker is not None) or self.tracker.rules.paste:
            return ""
        return f"Pasting is not allowed in {self.tracker.category}: type the page (clear it, then write it yourself)."

    def _abandon_run(self) -> tuple[Notice, ...]:
        return self._notices(self.tracker.abandon()) if self.tracker is not None else ()

    @staticmethod
    def _notices(lines: list[SplitLine]) -> tuple[Notice, ...]:
        return tuple(Notice(line.text, line.kind) for line in lines)

    def _stop_recording(self, reason: str) -> None:
        if self.recorder is not None:
            self.recorder.stop(reason)

    def _after_step(self, events: list[Event]) -> tuple[Notice, ...]:
        """An ending is remembered for the gallery; a new scene or an ending is autosaved. A failing autosave is said
        once, not at every step."""
        for event in events:
            if isinstance(event, EndingReached):
                with contextlib.suppress(OSError):
                    remember_ending(self.story.id, event.ending_id)
        if not any(isinstance(event, (SceneShown, EndingReached)) for event in events):
            return ()
        saved = self.autosave()
        failed = saved is not None and saved.kind == "error"
        said_before, self._autosave_failed = self._autosave_failed, failed
        if failed and not said_before and saved is not None:
            return (Notice(f"The autosave failed: {saved.text}", "warning"),)
        return ()
