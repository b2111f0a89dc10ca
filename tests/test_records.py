"""The game's record classes (game/records.py) behave exactly as ducktools-classbuilder's prefabs did, and the
checked-in methods they take (game/_record_methods.py) are those the classes' fields call for."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from ducktools.classbuilder.prefab import NOTHING as LIBRARY_NOTHING
from ducktools.classbuilder.prefab import as_dict as library_as_dict
from ducktools.classbuilder.prefab import attribute as library_attribute
from ducktools.classbuilder.prefab import prefab as library_prefab

import game
from game.records import NOTHING, RECORDS, as_dict, attribute, game_methods_module, prefab, replace


def _every_game_record() -> list[type]:
    game_methods_module()  # imports every module of the game
    return sorted((cls for cls in RECORDS if cls.__module__.startswith("game.")), key=lambda cls: cls.__qualname__)


def test_the_checked_in_record_methods_are_current() -> None:
    """Like a lock file: a record class added or changed without `python scripts/make_record_methods.py` fails here
    (it would still work, compiling its methods at every import)."""
    checked_in = (Path(game.__file__).parent / "_record_methods.py").read_text(encoding="utf-8")
    assert game_methods_module() == checked_in, "game/_record_methods.py is stale: run scripts/make_record_methods.py"


def test_every_game_record_takes_its_methods_from_the_checked_in_file() -> None:
    from game._record_methods import MAKERS

    missing = [cls.__qualname__ for cls in _every_game_record() if RECORDS[cls] not in MAKERS]
    assert not missing


def _twin(cls: type) -> Any:
    """The same class made by the library, as the game made it before cache format 18."""
    body: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
    fields = cls.__record_fields__  # type: ignore[attr-defined]
    body["__annotations__"] = dict.fromkeys(fields, "object")
    for name, spec in fields.items():
        body[name] = library_attribute(
            default=LIBRARY_NOTHING if spec.default is NOTHING else spec.default,
            default_factory=LIBRARY_NOTHING if spec.default_factory is NOTHING else spec.default_factory,
            init=spec.init,
            repr=spec.repr,
            compare=spec.compare,
            serialize=spec.serialize,
        )
    for own in ("__prefab_post_init__", "__getstate__", "__setstate__"):
        if own in cls.__dict__:
            body[own] = cls.__dict__[own]
    return library_prefab(type(cls.__name__, (), body), frozen=RECORDS[cls].startswith("frozen"))


def _outcome(action: Any) -> tuple[str, Any]:
    try:
        return "ok", action()
    except Exception as error:  # the same refusal, with the same words, is part of behaving the same
        return type(error).__name__, str(error)


def _same_behaviour(cls: type) -> None:
    twin = _twin(cls)
    fields = cls.__record_fields__  # type: ignore[attr-defined]
    required = [
        name for name, spec in fields.items() if spec.init and spec.default is NOTHING and spec.default_factory is NOTHING
    ]
    values = {name: f"<{name}>" for name in required}
    made, twin_made = _outcome(lambda: cls(**values)), _outcome(lambda: twin(**values))
    assert made[0] == twin_made[0], (cls, made, twin_made)
    if made[0] != "ok":
        assert made == twin_made
        return
    one, other = made[1], twin_made[1]
    assert repr(one) == repr(other)
    assert vars(one) == vars(other)
    assert as_dict(one) == library_as_dict(other)
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    assert (one == cls(**values)) == (other == twin(**values)) is True
    assert one.__eq__(object()) is NotImplemented
    assert (cls.__hash__ is None) == (twin.__hash__ is None)
    assert _outcome(lambda: hash(one)) == _outcome(lambda: hash(other))  # a dict field: unhashable in both
    for name in fields:
        changed = _outcome(lambda name=name: replace(one, **{name: "changed"}))  # type: ignore[misc]
        twin_changed = _outcome(lambda name=name: library_replace(other, **{name: "changed"}))  # type: ignore[misc]
        assert changed[0] == twin_changed[0]
        if changed[0] == "ok":
            assert repr(changed[1]) == repr(twin_changed[1])
            assert (changed[1] == one) == (twin_changed[1] == other)
            assert _outcome(lambda: hash(changed[1])) == _outcome(lambda: hash(twin_changed[1]))  # noqa: B023
    if cls.__module__.startswith("game."):  # a test's own class cannot be found by its name
        assert pickle.loads(pickle.dumps(one)) == one
    for name in [*fields, "not_a_field"]:  # a mutable record takes both: after this, `one` is spoilt
        assert _outcome(lambda name=name: setattr(one, name, 1)) == _outcome(lambda name=name: setattr(other, name, 1))  # type: ignore[misc]
        assert _outcome(lambda name=name: delattr(one, name)) == _outcome(lambda name=name: delattr(other, name))  # type: ignore[misc]


def library_replace(record: Any, **changes: Any) -> Any:
    from ducktools.classbuilder import replace as library

    return library(record, **changes)


@pytest.mark.parametrize("cls", _every_game_record(), ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_game_record_behaves_as_the_library_made_it(cls: type) -> None:
    """Made, shown, compared, hashed, changed, refused (frozen) and pickled as before: saves, replays and the
    story cache hold these records."""
    _same_behaviour(cls)


def test_a_record_whose_shape_the_file_lacks_is_made_from_the_same_source() -> None:
    """A class added since the file was made compiles its methods at import and behaves the same."""

    @prefab
    class Unusual:
        name: str
        tags: set[str] = attribute(default_factory=set)
        items: list[int] = attribute(default_factory=list, repr=False)
        note: str = attribute(default="", compare=False, serialize=False)
        scratch: object = attribute(default=None, init=False, repr=False, compare=False, serialize=False)
        count: int = 3

    @prefab(frozen=True)
    class Frozen:
        first: int
        table: dict[str, int] = attribute(default_factory=dict)
        left: tuple[int, ...] = ()

    from game._record_methods import MAKERS

    for cls in (Unusual, Frozen):
        _same_behaviour(cls)
    assert RECORDS[Unusual] not in MAKERS
    one = Unusual("x")
    one.count = 4  # a mutable record stays mutable
    assert one == Unusual("x", count=4) and one != Unusual("x") and Unusual.__hash__ is None
    assert Frozen(1) == Frozen(1, {}, ()) and Frozen(1, left=(2,)) != Frozen(1)
    assert Frozen(1).table is not Frozen(1).table


def test_records_refuse_what_is_not_a_record() -> None:
    with pytest.raises(TypeError):
        as_dict(object())
    with pytest.raises(TypeError):
        replace(object())
    with pytest.raises(TypeError):
        attribute(init=False)
