"""Fuzzing every loader that reads a file a stranger may hand the player (issue 9).

Nothing a story file, a save, a replay, a settings file or a speed-run record holds may crash the game: each reader
raises only its own, documented error, and the front ends turn that error into a sentence.

Examples per target (hypothesis `max_examples`), about 20 s for the whole file:

- `read_yaml`: 300 arbitrary byte strings, 300 arbitrary texts, 400 byte-mutated files of the mini story.
- `load_story`: 150 folders with one byte-mutated file, 150 folders with one structurally mutated file
  (values replaced by other types, keys dropped or added), 50 with all three files mutated.
- `load_game`: 400 structurally mutated saves with the checksum recomputed (so the state itself is checked),
  200 with the checksum left stale, 200 byte-mutated or truncated save files, 50 huge-number and deep-nesting saves.
- `read_replay`: 300 structurally mutated replays of `assets/replays/film.json`, 200 byte-mutated ones,
  50 huge-number and deep-nesting ones.
- `load_settings` and `load_records`: 150 garbage files each, plus a fixed test that two damaged files in a row are
  both kept.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.paths import assets_dir
from game.persistence.endings_seen import endings_seen, remember_ending
from game.persistence.saves import SaveError, _checksum, list_saves, load_game, save_game, saves_dir, slot_path
from game.persistence.settings import Settings, load_settings, settings_path
from game.replay.format import Replay, ReplayError, read_replay
from game.speedrun.records import Records, load_records, records_path
from game.story.loader import load_story
from game.story.model import Story
from game.story.yaml_reader import YamlProblem, read_yaml
from tests.conftest import MINI, examples

FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

MINI_FILES = {path.name: path.read_bytes() for path in sorted(MINI.glob("*.yaml"))}
FILM = (assets_dir() / "replays" / "film.json").read_bytes()

# Fragments that mean something to a YAML or JSON reader, inserted among random bytes.
TOKENS = [
    b"&a ",
    b"*a",
    b"!!python/object/apply:os.system ['echo pwned']",
    b"!!binary aGk=",
    b"!custom ",
    b"<<: *a\n",
    b"\t",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"- ",
    b": ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"---\n",
    b"...\n",
    b'"',
    b"'",
    b"\\",
    b"\n",
    b"    ",
    b"?",
    b"|",
    b">",
    b"%YAML 1.1\n",
    b"1e999",
    b"9" * 5000,
    b"-",
    b"null",
    b"true",
    b",",
    b"[" * 3000,
    b"{{ x }}",
    b"\xed\xa0\x80",  # a UTF-8 encoded surrogate
]


@st.composite
def mutated_bytes(draw: st.DrawFn, base: bytes) -> bytes:
    """`base` with a few bytes flipped, inserted, deleted, duplicated, or the tail cut off."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        operation = draw(st.sampled_from(["flip", "insert", "token", "delete", "truncate", "duplicate"]))
        at = draw(st.integers(0, len(data)))
        if operation == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif operation == "truncate":
            del data[at:]
        elif operation == "duplicate":
            end = min(len(data), at + draw(st.integers(1, 200)))
            data[at:at] = data[at:end]
    return bytes(data)


# -- structural mutation of a JSON-like value ---------------------------------------------------------------------

HUGE_INTS = st.sampled_from([2**63, -(2**63) - 1, 2**64, 10**400, -(10**400), 2**53 + 1, 10**4000])
ODD_FLOATS = st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, -0.0, 5e-324])
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    HUGE_INTS,
    st.floats(allow_nan=True, allow_infinity=True),
    ODD_FLOATS,
    st.text(max_size=20),
    st.sampled_from(["", "desk", "page", "quiet", "after", "mini", "choice", "page", "any%", "\x00", "../../etc/passwd"]),
)
VALUES = st.recursive(
    LEAVES,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside `value` a mutation can hit (the root is the empty path)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"x": value}
    return value


@st.composite
def mutated_value(draw: st.DrawFn, base: Any, max_mutations: int = 4) -> Any:
    """A deep copy of `base` with values replaced by other types, keys dropped, keys added, lists cut or nested deep."""
    value = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, max_mutations))):
        path = draw(st.sampled_from(_paths(value)))
        if not path:
            continue
        parent = value
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        operation = draw(st.sampled_from(["replace", "replace", "drop", "extra", "nest", "huge", "shrink"]))
        if operation == "replace":
            parent[last] = draw(VALUES)
        elif operation == "drop":
            del parent[last]
        elif operation == "extra" and isinstance(parent[last], dict):
            parent[last][draw(st.text(max_size=10))] = draw(VALUES)
        elif operation == "extra" and isinstance(parent[last], list):
            parent[last].append(draw(VALUES))
        elif operation == "nest":
            parent[last] = _nested(draw(st.integers(1, 300)), parent[last])
        elif operation == "huge":
            parent[last] = draw(HUGE_INTS)
        elif operation == "shrink" and isinstance(parent[last], (list, str)):
            parent[last] = parent[last][: draw(st.integers(0, max(0, len(parent[last]) - 1)))]
    return value


def _dumps(value: Any) -> bytes:
    """JSON text of a fuzzed value, as a careless or hostile program would write it (NaN and Infinity included)."""
    try:
        return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "surrogatepass")
    except ValueError:  # an int beyond Python's 4300-digit conversion limit: write its digits by hand
        return (json.dumps(value, default=str, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


RAW_JSON_DAMAGE = st.sampled_from(
    [
        ("number", "9" * 5000),  # beyond Python's int-from-text limit: json.loads raises a plain ValueError
        ("number", "-" + "1" * 4301),
        ("number", "1e99999"),
        ("number", "NaN"),
        ("number", "-Infinity"),
        ("deep", "[" * 50_000 + "]" * 50_000),
        ("deep", '{"a":' * 20_000 + "1" + "}" * 20_000),
        ("deep", "[" * 990 + "]" * 990),
    ]
)


def _with_raw(document: dict[str, Any], key: str, raw: str) -> bytes:
    """`document` as JSON with the value of `key` replaced by raw JSON text (too big or too deep to build in Python)."""
    marker = "@@RAW@@"
    text = json.dumps(document | {key: marker}, indent=1)
    return (text.replace(json.dumps(marker), raw) + "\n").encode()


# -- (a) the YAML reader ------------------------------------------------------------------------------------------


def _read_yaml_only_raises_yamlproblem(data: bytes) -> None:
    try:
        read_yaml(data, "fuzz.yaml")
    except YamlProblem as problem:
        assert problem.span.file == "fuzz.yaml" and problem.span.line >= 1 and problem.span.column >= 1
        assert problem.message


@settings(max_examples=examples(300), **FAST)
@given(st.binary(max_size=2000))
def test_read_yaml_on_arbitrary_bytes(data: bytes) -> None:
    _read_yaml_only_raises_yamlproblem(data)


@settings(max_examples=examples(300), **FAST)
@given(st.text(max_size=400))
def test_read_yaml_on_arbitrary_text(text: str) -> None:
    _read_yaml_only_raises_yamlproblem(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=examples(400), **FAST)
@given(st.sampled_from(sorted(MINI_FILES)).flatmap(lambda name: mutated_bytes(MINI_FILES[name])))
def test_read_yaml_on_mutated_story_files(data: bytes) -> None:
    _read_yaml_only_raises_yamlproblem(data)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !!binary aGk=\n",
        "a: !!set {x}\n",
        "a: !!omap [b: 1]\n",
        "a: !custom 1\n",
        "a: &x [1]\nb: *x\nc: {<<: {d: 1}}\n",
        "a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
        "[" * 5000 + "]" * 5000,
    ],
)
def test_read_yaml_refuses_tags_merges_bombs_and_depth(text: str) -> None:
    with pytest.raises(YamlProblem):
        read_yaml(text.encode(), "x.yaml")


# -- (b) the story loader -----------------------------------------------------------------------------------------


def _load_folder(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        story, diagnostics = load_story(folder)
    if story is None:
        assert diagnostics.errors, "a refused story must say why"
    else:
        assert not diagnostics.errors


@settings(max_examples=examples(150), **FAST)
@given(st.sampled_from(sorted(MINI_FILES)).flatmap(lambda name: st.tuples(st.just(name), mutated_bytes(MINI_FILES[name]))))
def test_load_story_on_a_byte_mutated_file(case: tuple[str, bytes]) -> None:
    name, data = case
    _load_folder(MINI_FILES | {name: data})


MINI_VALUES = {name: yaml.safe_load(data) for name, data in MINI_FILES.items()}


def _yaml_text(value: Any) -> bytes:
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, RecursionError, UnicodeEncodeError):
        return b"{}\n"


@settings(max_examples=examples(150), **FAST)
@given(
    st.sampled_from(sorted(MINI_VALUES)).flatmap(
        lambda name: st.tuples(st.just(name), mutated_value(MINI_VALUES[name], max_mutations=3))
    )
)
def test_load_story_on_a_structurally_mutated_file(case: tuple[str, Any]) -> None:
    name, value = case
    _load_folder(MINI_FILES | {name: _yaml_text(value)})


@settings(max_examples=examples(50), **FAST)
@given(st.fixed_dictionaries({name: mutated_bytes(data) for name, data in MINI_FILES.items()}))
def test_load_story_with_every_file_mutated(files: dict[str, bytes]) -> None:
    _load_folder(files)


# -- (c) saves ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def valid_save(mini_story: Story, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real save of the mini story, one choice in, as the JSON document on disk."""
    from game.engine import ChoiceInput, new_game, step

    state, _ = new_game(mini_story, seed=3)
    state = step(mini_story, state, ChoiceInput(2))[0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RUBY_SPARKS_HOME", str(tmp_path_factory.mktemp("valid-save")))
        document: dict[str, Any] = json.loads(save_game("valid", mini_story, state).read_bytes())
    return document


def _load_only_raises_saveerror(data: bytes, story: Story) -> None:
    path = slot_path("fuzz")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        load_game("fuzz", story)
    except SaveError as error:
        assert str(error) and "\n" not in str(error)
    listed = [slot for slot in list_saves(story) if slot.name == "fuzz"]
    assert len(listed) == 1
    assert path.read_bytes() == data, "loading or listing a save must never change it"


def _rechecked(document: Any) -> Any:
    """The document with its checksum made right again, so the reader gets past it and checks what is inside."""
    if not isinstance(document, dict):
        return document
    body = {key: value for key, value in document.items() if key != "checksum"}
    try:
        return body | {"checksum": _checksum(body)}
    except (ValueError, TypeError, RecursionError):
        return document


@settings(max_examples=examples(400), **FAST)
@given(st.data())
def test_load_game_on_mutated_saves_with_a_good_checksum(
    valid_save: dict[str, Any], mini_story: Story, data: st.DataObject
) -> None:
    document = data.draw(mutated_value(valid_save))
    _load_only_raises_saveerror(_dumps(_rechecked(document)), mini_story)


@settings(max_examples=examples(200), **FAST)
@given(st.data())
def test_load_game_on_mutated_saves_with_a_stale_checksum(
    valid_save: dict[str, Any], mini_story: Story, data: st.DataObject
) -> None:
    _load_only_raises_saveerror(_dumps(data.draw(mutated_value(valid_save))), mini_story)


@settings(max_examples=examples(200), **FAST)
@given(st.data())
def test_load_game_on_byte_mutated_saves(valid_save: dict[str, Any], mini_story: Story, data: st.DataObject) -> None:
    _load_only_raises_saveerror(data.draw(mutated_bytes(_dumps(valid_save))), mini_story)


@settings(max_examples=examples(50), **FAST)
@given(st.data(), RAW_JSON_DAMAGE)
def test_load_game_on_huge_numbers_and_deep_nesting(
    valid_save: dict[str, Any], mini_story: Story, data: st.DataObject, damage: tuple[str, str]
) -> None:
    key = data.draw(st.sampled_from([*sorted(valid_save), "extra"]))
    _load_only_raises_saveerror(_with_raw(valid_save, key, damage[1]), mini_story)


@pytest.mark.parametrize(
    "where",
    [
        ("state", "traits", "happy"),
        ("state", "variables", "trust"),
        ("state", "variables", "warmth"),
        ("state", "seed"),
        ("state", "turn"),
        ("saved_at",),
    ],
)
@pytest.mark.parametrize("number", [10**400, -(10**400), 2**64])
def test_a_huge_number_in_a_checksummed_save_is_refused(
    valid_save: dict[str, Any], mini_story: Story, where: tuple[str, ...], number: int
) -> None:
    document = copy.deepcopy(valid_save)
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = number
    _load_only_raises_saveerror(_dumps(_rechecked(document)), mini_story)


# -- (d) replays --------------------------------------------------------------------------------------------------

FILM_DOCUMENT = json.loads(FILM)


def _read_replay_only_raises_replayerror(data: bytes) -> None:
    try:
        replay = read_replay(data)
    except ReplayError as error:
        assert str(error)
    else:
        assert isinstance(replay, Replay)


def test_the_film_replay_reads() -> None:
    assert read_replay(FILM).category == "film%"


@settings(max_examples=examples(300), **FAST)
@given(mutated_value(FILM_DOCUMENT))
def test_read_replay_on_mutated_documents(document: Any) -> None:
    _read_replay_only_raises_replayerror(_dumps(document))


@settings(max_examples=examples(200), **FAST)
@given(mutated_bytes(FILM))
def test_read_replay_on_mutated_bytes(data: bytes) -> None:
    _read_replay_only_raises_replayerror(data)


@settings(max_examples=examples(50), **FAST)
@given(st.sampled_from([*sorted(FILM_DOCUMENT), "extra"]), RAW_JSON_DAMAGE)
def test_read_replay_on_huge_numbers_and_deep_nesting(key: str, damage: tuple[str, str]) -> None:
    _read_replay_only_raises_replayerror(_with_raw(FILM_DOCUMENT, key, damage[1]))


# -- (e) settings and speed-run records ---------------------------------------------------------------------------

GARBAGE = st.one_of(
    st.binary(max_size=300),
    mutated_bytes(b'{"text_speed": "fast", "theme": "textual-light"}\n'),
    VALUES.map(_dumps),
    RAW_JSON_DAMAGE.map(lambda damage: damage[1].encode()),
    st.just(b"x" * 70_000),
)


def _clear(path: Path) -> None:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()


def _kept(path: Path, garbage: bytes) -> None:
    """The garbage is where it was (it was usable) or beside it as `.damaged`; it is never lost."""
    aside = path.with_name(path.name + ".damaged")
    if path.exists():
        assert path.read_bytes() == garbage and not aside.exists()
    else:
        assert aside.read_bytes() == garbage


@settings(max_examples=examples(150), **FAST)
@given(GARBAGE)
def test_load_settings_on_garbage(garbage: bytes) -> None:
    path = settings_path()
    _clear(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    loaded, message = load_settings()
    assert isinstance(loaded, Settings)
    _kept(path, garbage)
    if not path.exists():
        assert message and "damaged" in message


@settings(max_examples=examples(150), **FAST)
@given(GARBAGE, st.sampled_from(["any%", "film%"]))
def test_load_records_on_garbage(garbage: bytes, category: str) -> None:
    path = records_path()
    _clear(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    records = load_records("hash", category)
    assert isinstance(records, Records)
    _kept(path, garbage)


KNOWN_GARBAGE = [
    b"",
    b"{not json",
    b"\xff\xfe\x00",
    b"[]",
    b"null",
    b"9" * 5000,
    b"[" * 50_000 + b"]" * 50_000,
    b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
    b"x" * 3_000_000,
]


@pytest.mark.parametrize("garbage", KNOWN_GARBAGE, ids=lambda garbage: repr(garbage[:12]))
@pytest.mark.parametrize("which", ["settings", "records"])
def test_settings_and_records_on_known_garbage(which: str, garbage: bytes) -> None:
    path = settings_path() if which == "settings" else records_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    if which == "settings":
        assert isinstance(load_settings()[0], Settings)
    else:
        assert isinstance(load_records("hash", "any%"), Records)
    _kept(path, garbage)


@pytest.mark.parametrize(
    "garbage", [*KNOWN_GARBAGE[:8], b'{"mini": [{}, [], "seen"]}', b'{"mini": "quiet"}'], ids=lambda garbage: repr(garbage[:12])
)
def test_the_endings_record_on_garbage(garbage: bytes) -> None:
    path = settings_path().with_name("endings_seen.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(garbage)
    assert endings_seen("mini") <= {"seen"}
    remember_ending("mini", "quiet")
    assert "quiet" in endings_seen("mini")
    kept = [p.read_bytes() for p in path.parent.glob("endings_seen.json.damaged*")]
    assert garbage in kept or garbage.startswith(b'{"mini"'), "a damaged record is set aside, never overwritten"


def test_records_with_garbage_inside_a_valid_file_do_not_crash() -> None:
    path = records_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for inside in ([], "x", {"any%": []}, {"any%": {"best_time": "1", "best_splits": [1], "gold": {"a": "b"}}}):
        path.write_text(json.dumps({"hash": inside}))
        assert isinstance(load_records("hash", "any%"), Records)


def test_impossible_times_in_the_records_are_ignored() -> None:
    """A negative best time in an edited file once showed as -1666666666666666667:20 and blocked every new record."""
    path = records_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"best_time": -5, "best_splits": {"one": -100_000_000_000_000_000_000, "two": 1500}, "gold": {"one": True}}
    path.write_text(json.dumps({"hash": {"any%": entry}}))
    assert load_records("hash", "any%") == Records(None, {"two": 1500}, {})


@pytest.mark.parametrize("which", ["settings", "records"])
def test_two_damaged_files_in_a_row_are_both_kept(which: str) -> None:
    path = settings_path() if which == "settings" else records_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for garbage in (b"first {", b"second ["):
        path.write_bytes(garbage)
        if which == "settings":
            load_settings()
        else:
            load_records("hash", "any%")
    kept = sorted(p.read_bytes() for p in path.parent.glob(path.name + ".damaged*"))
    assert kept == [b"first {", b"second ["]


def test_damaged_saves_do_not_stop_listing(mini_story: Story) -> None:
    folder = saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "huge.json").write_text("9" * 5000)
    (folder / "deep.json").write_text("[" * 50_000)
    (folder / "dir.json").mkdir()
    listed = {slot.name: slot.problem for slot in list_saves(mini_story)}
    assert set(listed) == {"huge", "deep", "dir"} and all(listed.values())
    shutil.rmtree(folder / "dir.json")


# -- (f) links that go round in a loop ----------------------------------------------------------------------------

LINK_LOOPS = {
    "a link to itself": {"loop.yaml": "loop.yaml"},
    "two links to each other": {"a.yaml": "b.yaml", "b.yaml": "a.yaml"},
    "story.yaml a link to itself": {"story.yaml": "story.yaml"},
}
COMMANDS = [
    ["check", "{dir}"],
    ["play", "--plain", "--story", "{dir}"],
    ["explore", "{dir}", "--runs", "1"],
    ["explore", "{dir}", "--exhaustive"],
    ["stats", "{dir}"],
    ["graph", "{dir}"],
    ["page", "--story", "{dir}", "She is happy."],
    ["replay", "--verify", "--story", "{dir}", str(assets_dir() / "replays" / "film.json")],
    ["replay", "--plain", "--story", "{dir}", str(assets_dir() / "replays" / "film.json")],
]


def _linked_story(folder: Path, links: dict[str, str]) -> Path:
    """The mini story in `folder`, with `links` (name: target) made as symbolic links in place of any file so named."""
    folder.mkdir()
    for name, data in MINI_FILES.items():
        (folder / name).write_bytes(data)
    for name, target in links.items():
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(target)
    return folder


@pytest.mark.skipif(not hasattr(Path, "symlink_to"), reason="symbolic links")
@pytest.mark.parametrize("links", LINK_LOOPS.values(), ids=list(LINK_LOOPS))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_a_link_loop_is_an_unreadable_file_for_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], links: dict[str, str], command: list[str]
) -> None:
    """`Path.resolve` raises on a loop; every command must instead name each looping file and stop with status 1."""
    from game.commands import main

    folder = _linked_story(tmp_path / "story", links)
    code = main([part.replace("{dir}", str(folder)) for part in command])
    out = capsys.readouterr()
    assert code == 1, out
    for name in links:
        assert f"{folder / name}:1:1: error: a link that leads round in a loop" in out.out + out.err
        assert "[unreadable]" in out.out + out.err


LINK_NAMES = ["story.yaml", "scenes.yaml", "lexicon.yaml", "x.yaml", "sub/y.yaml", "folder"]
"""Where a link may be made: in place of a story file, beside them, in a subfolder, or as a folder of its own."""
LINK_TARGETS = st.sampled_from(
    [*LINK_NAMES, "sub", "missing.yaml", "/etc/passwd", "..", ".", "../story/x.yaml", "../x.yaml", "folder/x.yaml"]
)


@settings(max_examples=examples(100), **FAST)
@given(st.dictionaries(st.sampled_from(LINK_NAMES), LINK_TARGETS, min_size=1, max_size=5))
def test_load_story_on_any_shape_of_links(links: dict[str, str]) -> None:
    """Links to themselves, to each other in a ring, to folders, outside, to nothing: only diagnostics come out, and
    a link that cannot be followed to its end is named as unreadable."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "story"
        folder.mkdir()
        (folder / "sub").mkdir()
        for name, data in MINI_FILES.items():
            (folder / name).write_bytes(data)
        for name, target in links.items():
            (folder / name).unlink(missing_ok=True)
            (folder / name).symlink_to(target)
        looping = set()
        for name in links:
            try:
                (folder / name).resolve(strict=False)
            except (RuntimeError, OSError):
                looping.add(name)
        story, diagnostics = load_story(folder)
    shown = {str(item) for item in diagnostics.items}
    assert story is None or not diagnostics.errors
    for name in looping:
        if name.endswith(".yaml"):
            assert any(line.startswith(f"{folder / name}:1:1: error: a link that leads round") for line in shown), shown


# -- (g) control characters in every kind of text ------------------------------------------------------------------

TERMINAL_ESCAPES = [
    "\x1b]52;c;cm0gLXJmIH4=\x07",  # OSC 52: write the clipboard
    "\x1b]0;owned\x07",  # OSC 0: retitle the window
    "\x1b[2J\x1b[31m",  # CSI: clear the screen, turn the text red
    "\x9b2J",  # the same CSI with its one-byte C1 introducer
    "\x00\x08\x0b\x0c\r\x7f\x85",
]
CONTROL_TEXT = st.sampled_from(TERMINAL_ESCAPES) | st.text(
    st.characters(categories=["Cc"], exclude_characters="\n\t"), min_size=1, max_size=4
)


def _string_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [path for path in _paths(value, prefix) if isinstance(_at(value, path), str)]


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _with_control(value: Any, path: tuple[Any, ...], control: str) -> Any:
    changed = copy.deepcopy(value)
    parent = _at(changed, path[:-1])
    parent[path[-1]] = parent[path[-1]][:3] + control + parent[path[-1]][3:]
    return changed


def _no_control(text: str) -> None:
    """What reaches a terminal: no control character but line breaks and tabs (a C1 CSI acts like ESC [)."""
    assert not [char for char in text if char not in "\n\t" and (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0)], repr(text)


@settings(max_examples=examples(150), **FAST)
@given(st.data(), CONTROL_TEXT)
def test_a_control_character_in_any_story_string_is_an_error_at_its_place(data: st.DataObject, control: str) -> None:
    name = data.draw(st.sampled_from(sorted(MINI_VALUES)))
    path = data.draw(st.sampled_from(_string_paths(MINI_VALUES[name])))
    with tempfile.TemporaryDirectory() as folder:
        files = MINI_FILES | {name: _yaml_text(_with_control(MINI_VALUES[name], path, control))}
        for file_name, text in files.items():
            (Path(folder) / file_name).write_bytes(text)
        story, diagnostics = load_story(folder)
    assert story is None
    found = [item for item in diagnostics.errors if item.code == "control-character"]
    assert len(found) == 1 and found[0].file.endswith(name) and found[0].line >= 1, [str(item) for item in found]
    for item in diagnostics.items:
        _no_control(str(item))
        _no_control(json.dumps(item.to_json(), ensure_ascii=False))


RAW_CONTROL = st.characters(categories=["Cc"], exclude_characters="\n\t\r\x00")
"""Typed into the file as it is, unescaped (NUL is "binary", its own error): YAML refuses it before reading a word."""


@settings(max_examples=examples(60), **FAST)
@given(st.sampled_from(sorted(MINI_FILES)), st.integers(0, 2000), RAW_CONTROL)
@example("lexicon.yaml", 0, "\x85")  # NEL, which YAML reads as a line break: CI's hypothesis found it once
def test_a_raw_control_character_in_a_story_file_is_an_error_where_it_stands(name: str, at: int, control: str) -> None:
    text = MINI_FILES[name].decode("utf-8")
    at = text.rfind("\n", 0, min(at, len(text))) + 1 or 0  # at the start of a line, inside no multi-byte character
    broken = text[:at] + "# " + control + "\n" + text[at:]
    with tempfile.TemporaryDirectory() as folder:
        for file_name, data in (MINI_FILES | {name: broken.encode("utf-8")}).items():
            (Path(folder) / file_name).write_bytes(data)
        story, diagnostics = load_story(folder)
    assert story is None
    (found,) = diagnostics.errors
    assert (found.code, found.line, found.column) == ("control-character", text.count("\n", 0, at) + 1, 3), str(found)
    assert f"U+{ord(control):04X}" in found.message
    _no_control(str(found))


@settings(max_examples=examples(100), **FAST)
@given(st.data(), CONTROL_TEXT)
def test_a_control_character_in_a_checksummed_save_is_refused_and_listed_printably(
    valid_save: dict[str, Any], mini_story: Story, data: st.DataObject, control: str
) -> None:
    path = data.draw(st.sampled_from(_string_paths(valid_save)))
    document = _rechecked(_with_control(valid_save, path, control))
    slot = slot_path("fuzz")
    slot.parent.mkdir(parents=True, exist_ok=True)
    slot.write_bytes(_dumps(document))
    with contextlib.suppress(SaveError):
        state = load_game("fuzz", mini_story)
        for entry in state.history:
            for text in (entry.title, entry.action, *entry.paragraphs):
                _no_control(text)
    for listed in list_saves(mini_story):
        _no_control(f"{listed.name} {listed.scene_title} {listed.problem}")


@settings(max_examples=examples(100), **FAST)
@given(st.data(), CONTROL_TEXT)
def test_a_control_character_in_a_replay_never_reaches_plain_output(mini_story: Story, data: st.DataObject, control: str) -> None:
    from game.frontends.plain_replay import play_back_plain
    from game.replay.format import ReplayInput
    from game.replay.run import Run
    from game.replay.verify import verify

    run = Run(mini_story, 0)
    run.apply(ReplayInput(0, "choice", 1))
    run.apply(ReplayInput(500, "page", "Ruby speaks French." + control + "\nShe is happy."))
    document = json.loads(run.replay().dumps())
    path = data.draw(st.sampled_from(_string_paths(document)))
    text = _dumps(_with_control(document, path, control))
    try:
        replay = read_replay(text)
    except ReplayError as error:
        _no_control(str(error))
        return
    out = io.StringIO()
    play_back_plain(mini_story, replay, out, speed=0)
    _no_control(out.getvalue())
    _no_control(verify(replay, mini_story).line)


def _hostile_story(folder: Path) -> int:
    """The mini story with a terminal escape (OSC 52, OSC 0 or CSI, in turn) in every string of every file: titles,
    the content note, texts, labels, prompts, endings, names, descriptions, defaults, ids and expressions. How many."""
    count = 0
    folder.mkdir()
    for name, value in MINI_VALUES.items():
        for path in _string_paths(value):
            value = _with_control(value, path, TERMINAL_ESCAPES[count % 3])
            count += 1
        (folder / name).write_bytes(_yaml_text(value))
    return count


def test_a_story_with_terminal_escapes_in_every_string_never_sends_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` names each string (file, line and column), and no command prints an escape: the story is refused."""
    from game.commands import main

    folder = tmp_path / "story"
    count = _hostile_story(folder)
    film = str(assets_dir() / "replays" / "film.json")
    assert main(["check", str(folder), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    found = [item for item in report["diagnostics"] if item["code"] == "control-character"]
    assert len(found) == count and all(item["line"] >= 1 and item["column"] >= 1 for item in found)
    for command in (
        ["check", str(folder)],
        ["play", "--plain", "--story", str(folder)],
        ["replay", "--plain", "--story", str(folder), film],
        ["page", "--story", str(folder), "She is happy."],
    ):
        assert main(command) == 1
        out = capsys.readouterr()
        _no_control(out.out + out.err)
        assert "control character \\x1b (U+001B)" in out.out + out.err


async def test_the_tui_never_sends_an_escape_from_a_story_a_replay_or_a_save(tmp_path: Path, mini_story: Story) -> None:
    """The Textual front end refuses the hostile story with its first diagnostic, shows a hostile replay's story id
    and a hostile save's scene title (under a checksum made to match) as visible marks, and reads `[/i]` as words."""
    from game.engine import new_game
    from game.tui.app import RubySparksApp
    from game.tui.slots_screen import SlotsScreen
    from tests.tui_helpers import SIZE, ready, screen_text, wait_until

    folder = tmp_path / "story"
    _hostile_story(folder)
    app = RubySparksApp(folder, animate=False, blink=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        assert app.story is None and "control character" in app.loading_message
        await pilot.press("n")  # asked to play anyway, it says why it cannot
        await wait_until(pilot, lambda: "could not be loaded" in screen_text(app))
        _no_control(screen_text(app))

    document = json.loads(FILM)
    document["story"]["id"] = "film[/i]" + TERMINAL_ESCAPES[0]
    save_game("hostile", mini_story, new_game(mini_story)[0])
    saved = json.loads(slot_path("hostile").read_bytes())
    saved["scene_title"] = "[/b]" + TERMINAL_ESCAPES[1]
    slot_path("hostile").write_bytes(_dumps(_rechecked(saved)))
    app = RubySparksApp(MINI, animate=False, blink=False, replay=read_replay(_dumps(document)), replay_speed=1000)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: "Careful:" in screen_text(app))
        _no_control(screen_text(app))
    app = RubySparksApp(MINI, animate=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, SlotsScreen) and "hostile" in screen_text(app))
        assert "[/b]" in screen_text(app)
        _no_control(screen_text(app))
