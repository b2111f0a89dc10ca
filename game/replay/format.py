"""Replay format v1: a small, stable, diff-able JSON document (see docs/replays.md).

Reading is strict and never raises anything but `ReplayError`: a replay is a file a stranger may hand you.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from game.printable import one_line
from game.records import attribute, prefab

REPLAY_FORMAT = "ruby-sparks-replay"
REPLAY_VERSION = 1
MAX_REPLAY_BYTES = 5_000_000
MAX_INPUTS = 100_000
KINDS = ("choice", "page", "restart", "undo")
MAX_CATEGORY_CHARS = 64


class ReplayError(Exception):
    """The file is not a replay this game can read; the message says why, in words."""


@prefab(frozen=True)
class ReplayInput:
    t: int
    """Milliseconds since the first input."""
    kind: str
    value: int | str | None = None
    pasted: bool = False
    """A page that arrived (in whole or in part) as a paste: the category says whether that is allowed."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"t": self.t, "kind": self.kind}
        if self.value is not None:
            data["value"] = self.value
        if self.pasted:
            data["pasted"] = True
        return data


@prefab(frozen=True)
class Split:
    name: str
    t: int


@prefab(frozen=True)
class Result:
    ending: str
    time: int
    splits: tuple[Split, ...] = ()


@prefab(frozen=True)
class Replay:
    story_id: str
    story_hash: str
    seed: int
    category: str
    inputs: tuple[ReplayInput, ...]
    result: Result | None
    engine_version: str = ""
    version: int = REPLAY_VERSION
    speedrun: bool = True
    """A timed speed-run, held to its category's rules; a casual game's recording says `false`. A file without the
    key is taken as a speed-run, the stricter reading, since every category is a speed-run category."""
    extra: dict[str, Any] = attribute(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        result = None
        if self.result is not None:
            splits = [{"name": s.name, "t": s.t} for s in self.result.splits]
            result = {"ending": self.result.ending, "time": self.result.time, "splits": splits}
        return {
            "format": REPLAY_FORMAT,
            "version": self.version,
            "engine_version": self.engine_version,
            "story": {"id": self.story_id, "hash": self.story_hash},
            "seed": self.seed,
            "category": self.category,
            "speedrun": self.speedrun,
            "inputs": [i.to_json() for i in self.inputs],
            "result": result,
        }

    def dumps(self) -> str:
        """One input per line, so two runs diff line by line."""
        import json

        data = self.to_json()
        inputs = data.pop("inputs")
        head = json.dumps(data, ensure_ascii=False, indent=1)
        lines = ",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in inputs)
        return head[:-2] + ',\n "inputs": [\n' + lines + "\n ]\n}\n"


class _Decoding:
    """What `json.loads` gives the C scanner (its default `JSONDecoder`): strict strings, plain dicts, `float` and
    `int`, and its three constants."""

    strict = True
    object_hook = None
    object_pairs_hook = staticmethod(lambda pairs: _mapping(pairs))
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


class DuplicateKey(ValueError):
    """A key twice in one object: JSON readers disagree on which one counts, so a replay may not hold one."""


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(f"the key `{one_line(key)[:40]}` is in one object twice")
            seen.add(key)
    return mapping


def _scanner() -> Callable[[str, int], tuple[Any, int]] | None:
    """The C scanner `json` itself reads with; None on a Python without it (`_loads` is then `json.loads`)."""
    try:
        from _json import make_scanner
    except ImportError:
        return None
    return make_scanner(cast(Any, _Decoding()))


_scan = _scanner()
_SPACE = " \t\n\r"
"""The white space JSON allows around a document."""


def _loads(text: str) -> object:
    """`json.loads(text)`, by the same C scanner with the same settings, without importing the `json` package: with
    the six regular expressions it compiles, that was 2% of a `replay --verify`. Whatever the scanner alone does not
    take as a whole document (nothing there, something after it, a byte-order mark, any error) is read again by
    `json.loads`, which then raises its own error: the scanner makes its errors from `json.decoder`'s class, and
    with `json` not imported it fails with a SystemError instead."""
    if _scan is not None and not text.startswith("\ufeff"):
        try:
            document, end = _scan(text, len(text) - len(text.lstrip(_SPACE)))
        except DuplicateKey:
            raise
        except Exception:  # json.loads, below, says what is wrong, with its own error
            pass
        else:
            if not text[end:].strip(_SPACE):
                return document
    import json

    return json.loads(text, object_pairs_hook=_mapping)


def read_replay(data: bytes) -> Replay:
    if len(data) > MAX_REPLAY_BYTES:
        raise ReplayError(f"the file is larger than {MAX_REPLAY_BYTES // 1_000_000} MB")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark, as some editors save UTF-8, is not part of the replay
        document = _loads(text)
    except UnicodeDecodeError:
        raise ReplayError("the file is not UTF-8 text") from None
    except RecursionError:
        raise ReplayError("the file is nested too deeply to be a replay") from None
    except DuplicateKey as error:
        raise ReplayError(f"the file is not a replay: {error}") from None
    except ValueError as error:
        from json import JSONDecodeError  # a broken file may import what a sound one need not

        if isinstance(error, JSONDecodeError) and not text.rstrip().endswith("}"):
            raise ReplayError(f"the file is not complete JSON (line {error.lineno}: {error.msg}); was it cut short?") from None
        if isinstance(error, JSONDecodeError):
            raise ReplayError(f"the file is not JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
        # json refuses integers of more than 4300 digits with a plain ValueError
        raise ReplayError("the file holds a number too long to be part of a replay") from None
    if not isinstance(document, dict) or document.get("format") != REPLAY_FORMAT:
        raise ReplayError(f"the file is not a replay (its `format` is not {REPLAY_FORMAT!r})")
    if not data.endswith(b"\n"):
        raise ReplayError("the file is cut short: a replay ends with a line break after its closing brace")
    version = _int(document, "version")
    if version > REPLAY_VERSION:
        raise ReplayError(
            f"the replay's format version {version} is newer than this game reads ({REPLAY_VERSION}); update the game"
        )
    if version < 1:
        raise ReplayError(f"the replay's format version {version} is not a version")
    story = document.get("story")
    if not isinstance(story, dict) or not isinstance(story.get("id"), str) or not isinstance(story.get("hash"), str):
        raise ReplayError("the replay does not name its story (`story.id` and `story.hash`)")
    category = document.get("category")
    if not isinstance(category, str) or not 0 < len(category) <= MAX_CATEGORY_CHARS:
        raise ReplayError(f"`category` must name the category raced, in at most {MAX_CATEGORY_CHARS} characters")
    raw_inputs = document.get("inputs")
    if not isinstance(raw_inputs, list) or len(raw_inputs) > MAX_INPUTS:
        raise ReplayError(f"`inputs` must be a list of at most {MAX_INPUTS} inputs")
    inputs = tuple(_input(item, number) for number, item in enumerate(raw_inputs, 1))
    engine = document.get("engine_version", "")
    speedrun = document.get("speedrun", True)
    if not isinstance(speedrun, bool):
        raise ReplayError("`speedrun` must be true or false")
    return Replay(
        story["id"],
        story["hash"],
        _int(document, "seed"),
        category,
        inputs,
        _result(document.get("result")),
        engine if isinstance(engine, str) else "",
        version,
        speedrun,
    )


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**53:
        raise ReplayError(f"`{key}` must be a whole number from -2**53 to 2**53")
    return value


def _input(item: Any, number: int) -> ReplayInput:
    if not isinstance(item, dict):
        raise ReplayError(f"step {number}: an input must be an object")
    t = item.get("t")
    kind = item.get("kind")
    value = item.get("value")
    if not isinstance(t, int) or isinstance(t, bool) or not 0 <= t <= 2**53:
        raise ReplayError(f"step {number}: `t` must be a whole number of milliseconds, 0 or more")
    if number == 1 and t != 0:
        raise ReplayError(f"step 1: `t` is {t}, but times are counted from the first input, whose `t` is 0")
    if kind not in KINDS:
        raise ReplayError(f"step {number}: the kind {kind!r} is not one of {', '.join(KINDS)}")
    if kind == "choice" and (not isinstance(value, int) or isinstance(value, bool)):
        raise ReplayError(f"step {number}: a choice needs its number as `value`")
    if kind == "page" and not isinstance(value, str):
        raise ReplayError(f"step {number}: a page needs its text as `value`")
    if kind in ("restart", "undo") and value is not None:
        raise ReplayError(f"step {number}: a {kind} takes no `value`")
    pasted = item.get("pasted", False)
    if not isinstance(pasted, bool) or (pasted and kind != "page"):
        raise ReplayError(f"step {number}: `pasted` is true or false, and only a page is pasted")
    return ReplayInput(t, kind, value, pasted)


def _result(data: Any) -> Result | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("ending"), str):
        raise ReplayError("`result` must name the `ending` the run reached")
    splits = data.get("splits", [])
    if not isinstance(splits, list) or not all(
        isinstance(s, dict) and isinstance(s.get("name"), str) and isinstance(s.get("t"), int) for s in splits
    ):
        raise ReplayError("`result.splits` must be a list of {name, t}")
    time = _int(data, "time")
    if time < 0:
        raise ReplayError("`result.time` must be a whole number of milliseconds, 0 or more")
    return Result(data["ending"], time, tuple(Split(s["name"], s["t"]) for s in splits))
