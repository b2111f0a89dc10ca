"""Plain mode: the whole game as lines of text, for screen readers, pipes and scripts.

It reads one line at a time, so a script can pipe a playthrough in; every mistake gets a one-line hint and the same
prompt again; end of input (or a signal) autosaves and exits cleanly.
"""

from __future__ import annotations

import contextlib
import signal
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import TextIO, assert_never

from game.controller import GameController, Notice, Response
from game.credits import credits_text
from game.engine import (
    ActStarted,
    ChoiceInput,
    ChoicesOffered,
    EndingReached,
    Event,
    Narration,
    PageInput,
    PageRead,
    Problem,
    Rejected,
    SceneShown,
    TypewriterReady,
    available_choices,
    describe,
)
from game.engine.portrait import Portrait, sheet
from game.persistence.endings_seen import endings_seen, gallery_lines
from game.persistence.saves import QUICKSAVE
from game.printable import shown_safely
from game.speedrun.tracker import RunListener
from game.story.model import Story
from game.typewriter.reading import MAX_PAGE_CHARS

WIDTH = 78
LINE_KEPT = 65_536
"""How much of one line of input is kept: more than a page holds (MAX_PAGE_CHARS) and far more than any command."""
LINE_ENDLESS = 10_000_000
"""A line longer than this is a stream that will never end, not typing."""
MAX_CHOICE_DIGITS = 6
"""A longer "number" is a mistake, not a choice (and Python refuses to read integers past 4,300 digits)."""
COMMANDS = ("undo", "save", "load", "saves", "history", "look", "ruby", "endings", "time", "new", "credits", "help", "quit")
HELP = """Commands, at any prompt:
  a number       choose that choice
  undo           take back the last choice or page
  save [NAME]    save the game (default: quicksave)
  load [NAME]    load a save (default: the newest); `saves` lists them
  history        the story so far, with your pages and how they were read
  look           show the scene again
  ruby           {subject} as you have written her, and which page made what so
  endings        the endings you have found, and hints to the others
  time           a speed-run's clock, and the split it runs towards
  new            start again from the beginning
  credits        who made the story, the film, and this game
  help           this list
  quit           save your place (the autosave) and leave
At the typewriter every line is the page's, so commands there start with `/` (`/undo`,
`/save`, `/quit`); an empty line pulls the page out, and so does a `/command` line (the
command runs next)."""


SHEET_INDENT = {"trait": "  ", "source": "      ", "none": "  "}
"""How far in each part of the subject's sheet stands in plain mode; a page's own text and the name stand at the left."""


class _Interrupted(Exception):
    """A signal asked us to stop: unwind to the loop, which autosaves."""


class PlainText:
    """The story as lines of text: what plain mode and `replay --plain` print for each event."""

    def __init__(self, stdout: TextIO, after_ending: Callable[[], str] | None = None) -> None:
        self.out = stdout
        self.choice_count = 0
        self.at_typewriter = False
        self.after_ending = after_ending
        """What the player may do once an ending is shown; a replay played back has no player to tell."""

    def say(self, text: str = "") -> None:
        """Every line plain mode prints passes here, so no control code from a story, save or replay reaches the
        terminal (they are refused where they are read; this is the last guard)."""
        self.out.write(shown_safely(text) + "\n")

    def paragraph(self, text: str, indent: str = "") -> None:
        self.say(textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent) if text else "")

    def render(self, events: Iterable[Event]) -> None:
        for event in events:
            self.render_one(event)
        self.out.flush()

    def render_one(self, event: Event) -> None:
        match event:
            case ActStarted():
                self.say()
                self.say(f"=== {event.title or event.act_id} ===")
            case SceneShown():
                self.say()
                if event.title:
                    self.say(f"## {event.title}")
                    self.say()
                for text in event.paragraphs:
                    self.paragraph(text)
                    self.say()
                if event.seems:
                    self.paragraph(f"[{event.seems}]")
            case Narration():
                self.say()
                for text in event.paragraphs:
                    self.paragraph(text)
            case ChoicesOffered():
                self.at_typewriter = False
                self.choice_count = len(event.labels)
                self.say()
                for number, label in enumerate(event.labels, 1):
                    self.paragraph(f"{number}. {label}", "  ")
            case TypewriterReady():
                self.at_typewriter = True
                self.say()
                for text in event.prompt:
                    self.paragraph(text)
                self.say("(Type your page. An empty line pulls it out of the typewriter; commands here start with /.)")
            case PageRead():
                self.say()
                self.say("You pull the page out and read it back:")
                for line in event.lines:
                    self.paragraph(f"- {line}", "  ")
            case EndingReached():
                self.at_typewriter = False
                self.choice_count = 0
                self.say()
                self.say(f"*** THE END: {event.title} ***")
                self.say()
                for text in event.paragraphs:
                    self.paragraph(text)
                    self.say()
                if self.after_ending is not None:
                    self.say(self.after_ending())
            case Rejected():
                self.say(event.reason)
            case Problem():
                self.say(f"[story problem at {event.where}: {event.message}]")
            case _:
                assert_never(event)

    def notice(self, notice: Notice) -> None:
        """Splits are bracketed, as a timer's lines beside the story; the rest is said plainly."""
        self.say(f"[{notice.text}]" if notice.kind in ("split", "gold", "finish") else notice.text)

    def show(self, response: Response) -> None:
        """A jump's notices say what happened before the place is shown ("Loaded `x`."); a step's come after what
        it led to (a split, a replay saved)."""
        if response.jumped:
            for notice in response.notices:
                self.notice(notice)
        self.render(response.events)
        if not response.jumped:
            for notice in response.notices:
                self.notice(notice)
        self.out.flush()


class PlainGame:
    def __init__(self, controller: GameController, stdin: TextIO, stdout: TextIO) -> None:
        self.game = controller
        self.text = PlainText(stdout, self.over)
        self.stdin = stdin
        self.input_over = False
        self.pending: str | None = None
        """A line already read that ended a page (a `/command`), to be taken as the next input."""

    @property
    def story(self) -> Story:
        return self.game.story

    def say(self, text: str = "") -> None:
        self.text.say(text)

    # -- input --------------------------------------------------------------------------------------------------

    def lines(self, prompt: str) -> Iterator[str]:
        while True:
            if self.pending is not None:
                taken, self.pending = self.pending, None
                yield taken
                continue
            self.text.out.write(prompt)
            self.text.out.flush()
            line = self.read_line()
            if line is None:
                return
            yield line

    def read_line(self) -> str | None:
        """One line of input, None at the end. Only its first LINE_KEPT characters are kept, so a huge paste costs no
        memory; a line that runs on past LINE_ENDLESS (a pipe from /dev/zero) ends the input, with a message, as if the
        input had ended just before it (a page being typed is still pulled out)."""
        if self.input_over:
            return None
        line = self.stdin.readline(LINE_KEPT)
        if line == "":
            self.input_over = True
            return None
        rest, length = line, len(line)
        while not rest.endswith("\n"):
            if length > LINE_ENDLESS:
                self.say(f"[A line of input ran on past {LINE_ENDLESS:,} characters without ending; the input stops there.]")
                self.input_over = True
                return None
            rest = self.stdin.readline(LINE_KEPT)
            if rest == "":
                break
            length += len(rest)
        return line.rstrip("\r\n")

    def run(self, opening: Response) -> int:
        previous = _install_signal_handlers()
        try:
            self.text.show(opening)
            self.loop()
        except (_Interrupted, KeyboardInterrupt):
            self.say()
        finally:
            _restore_signal_handlers(previous)
        return 0 if self.autosave() else 1

    def loop(self) -> None:
        while True:
            self.check_for_edits()
            prompt = "page> " if self.text.at_typewriter else "> "
            line = next(self.lines(prompt), None)
            if line is None:
                return
            self.check_for_edits()
            if self.command(line):
                if line.strip().lstrip("/").lower() == "quit":
                    return
                continue
            if self.text.at_typewriter and _slash_word(line):
                self.say(f"`{_clip(line.strip())}` is not a command. The commands at the typewriter: /{', /'.join(COMMANDS)}.")
            elif self.text.at_typewriter:
                self.write_page(line)
            else:
                self.choose(line)

    def named(self, command: str) -> str:
        """A command as the player must type it at the prompt they are at: at the typewriter, with its `/`."""
        return f"`/{command}`" if self.text.at_typewriter else f"`{command}`"

    def over(self) -> str:
        """What may follow an ending: no undo in a speed-run, which has none."""
        undo = "" if self.game.speedrun else " `undo`,"
        return f"The story is over. Type `new` to begin again,{undo} `load`, or `quit`."

    def check_for_edits(self) -> None:
        """With --watch: take in an edited story before the next prompt, keeping the player's place."""
        response = self.game.check_for_edits()
        if response is not None:
            self.say()
            for notice in response.notices:
                self.say(f"[{notice.text}]")
            self.text.render(response.events)

    def choose(self, line: str) -> None:
        text = line.strip()
        state = self.game.state
        count = len(available_choices(self.story, state)) if state is not None else 0
        if state is not None and state.ending is not None:
            self.say(self.over())
        elif not text:
            self.say(f"Type a number from 1 to {count}, or `help`.")
        elif not (text.isascii() and text.isdecimal()) or len(text) > MAX_CHOICE_DIGITS or not 1 <= int(text) <= count:
            self.say(f"`{_clip(text)}` is not a choice: type a number from 1 to {count}, or `help`.")
        else:
            self.text.show(self.game.apply(ChoiceInput(int(text))))

    def write_page(self, first: str) -> None:
        if not first.strip():
            about = self.story.subject_object
            blank = f"The page is blank: type a line about {about}, then an empty line to pull it out."
            self.say(f"{blank} ({self.named('help')} for commands.)")
            return
        page = [first]
        size = len(first)
        for line in self.lines("    | "):
            if not line.strip():
                break
            if line.strip().startswith("/") and self.parse_command(line) is not None:
                self.pending = line  # a command pulls the page out first, then runs
                break
            if size <= MAX_PAGE_CHARS:
                page.append(line)
                size += len(line) + 1
        self.text.show(self.game.apply(PageInput("\n".join(page))))

    def parse_command(self, line: str) -> tuple[str, list[str]] | None:
        """The command `line` is, with its arguments. At the typewriter only a line that starts with `/` is one: a page
        may well begin "Help arrives" or "New day", and a page is never cut short by its own words."""
        words = line.strip().lstrip("/").split()
        if not words or words[0].lower() not in COMMANDS:
            return None
        name, args = words[0].lower(), words[1:]
        if self.text.at_typewriter and not line.strip().startswith("/"):
            return None
        if name not in ("save", "load") and args:
            return None
        return name, args

    def command(self, line: str) -> bool:
        """Run `line` if it is a command."""
        parsed = self.parse_command(line)
        if parsed is None:
            return False
        name, args = parsed
        if name == "help":
            self.say(HELP.format(subject=self.story.subject_name))
        elif name == "undo":
            self.text.show(self.game.undo())
        elif name == "save":
            self.text.notice(self.game.save(" ".join(args) or QUICKSAVE))
        elif name == "load":
            earlier = args[-1:] == ["--earlier"]
            response = self.game.load(" ".join(args[:-1] if earlier else args) or None, earlier)
            self.text.show(response)
            if response.earlier is not None:
                slot, scene = response.earlier
                self.say(f"(Type {self.named(f'load {slot} --earlier')} to go on from `{scene}`.)")
        elif name == "saves":
            self.list_saves()
        elif name == "history":
            self.history()
        elif name == "ruby":
            self.portrait(self.game.portrait())
        elif name == "endings":
            self.say("\n".join(gallery_lines(self.story, endings_seen(self.story.id))))
        elif name == "look":
            state = self.game.state
            self.text.render(describe(self.story, state) if state is not None else ())
        elif name == "time":
            self.say(self.clock_line())
        elif name == "new":
            self.text.show(self.game.begin_again())
        elif name == "credits":
            self.say(credits_text(self.story.own_credits()))
        elif name == "quit":
            self.say("Goodbye.")
        return True

    def clock_line(self) -> str:
        """One short line, bracketed as a split is: plain mode prints the clock only when asked (a screen reader
        would read a ticking one over the story), and at each split."""
        view = self.game.splits_view()
        if view is None:
            return "No clock runs outside a speed-run (`ruby-sparks play --plain --speedrun`)."
        if not view.started:
            return f"[{view.category}: 0:00.000; the clock starts at your first input.]"
        if view.finished:
            return f"[{view.category}: finished in {self.game.timer_text()}.]"
        towards = next((row.title for row in view.rows if row.current), "")
        return f"[{view.category}: {self.game.timer_text()}{f', towards {towards}' if towards else ''}.]"

    def list_saves(self) -> None:
        slots = self.game.saves()
        if not slots:
            self.say("There are no saves yet.")
        for slot in slots:
            note = f" (cannot be loaded: {slot.problem})" if slot.problem else ""
            self.say(f"  {slot.name}: {slot.scene_title or 'untitled'}{note}")

    def history(self) -> None:
        self.say("The story so far:")
        state = self.game.state
        for entry in state.history if state is not None else ():
            self.say()
            if entry.title:
                self.say(f"## {entry.title}")
            for text in entry.paragraphs:
                self.text.paragraph(text)
            if entry.action:
                self.text.paragraph(f"> {entry.action}")
            if entry.reading:
                self.text.paragraph(f"How it was read: {' '.join(entry.reading)}", "  ")

    def portrait(self, portrait: Portrait) -> None:
        """The subject's sheet (the TUI's F12) as lines: a label and its value on one line, a blank line before each
        heading and each page."""
        label = ""
        for part, line in sheet(portrait):
            if part == "label":
                label = line
            elif part == "value":
                self.text.paragraph(f"{label}: {line}")
            elif part in ("heading", "page"):
                self.say()
                self.say(f"{line}:" if part == "heading" else line)
            else:
                for text in line.splitlines() or [""]:
                    self.text.paragraph(f"• {text}" if part == "trait" else text, SHEET_INDENT.get(part, ""))
                if part == "name":
                    self.say()

    def autosave(self) -> bool:
        """The last save before leaving: whether the player's place is kept (a script must learn when it is not, from
        the exit status, so the notice is the one line that says why)."""
        saved = self.game.autosave()
        if saved is not None:
            self.text.notice(saved)
        self.text.out.flush()
        return saved is None or saved.kind != "error"


def _slash_word(line: str) -> bool:
    """ "/status" at the typewriter: a command mistyped or unknown (a known one has run by now), not a page's first
    line; "/ /" or a path with more than one word is still text."""
    words = line.split()
    return len(words) == 1 and words[0].startswith("/") and words[0][1:].isalpha()


def _clip(text: str, limit: int = 30) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise _Interrupted


def _install_signal_handlers() -> dict[int, object]:
    previous: dict[int, object] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):
                previous[number] = signal.signal(number, _raise_interrupted)
    return previous


def _restore_signal_handlers(previous: dict[int, object]) -> None:
    for number, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(number, handler)  # type: ignore[arg-type]


def play_plain(
    story: Story,
    stdin: TextIO,
    stdout: TextIO,
    seed: int = 0,
    record: Path | None = None,
    speedrun: str | None = None,
    watch: bool = False,
    livesplit: RunListener | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Play in plain text. Every finished game is kept as a replay; `speedrun` (a category) also times the run, on
    `clock` (a test's own, to play at a person's pace)."""
    controller = GameController(story, seed=seed, record_to=record, watch=watch, livesplit=livesplit, clock=clock)
    opening = controller.new_game(speedrun)
    moments = [event for event in opening.events if isinstance(event, ChoicesOffered | TypewriterReady | EndingReached)]
    typing = bool(moments) and isinstance(moments[-1], TypewriterReady)  # a story may open at the typewriter
    header = [f"{story.title.upper()}", f"Type {'`/help`' if typing else '`help`'} for commands."]
    if story.content_note:
        header.insert(1, f"Content note: {story.content_note}")
    for line in header:
        stdout.write(textwrap.fill(line, WIDTH) + "\n")
    if speedrun:
        stdout.write(f"Speed-run: {speedrun}. The clock starts at your first input; `time` shows it.\n")
    return PlainGame(controller, stdin, stdout).run(opening)
