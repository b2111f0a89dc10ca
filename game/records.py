"""The record classes of the game (story model, state, events, saves): `@prefab` classes whose methods cost nothing to
make at import.

A record is a class of annotated fields. `prefab` gives it what ducktools-classbuilder's decorator of the same name
gave it (the game used that library until cache format 18, and every record behaves as it did): `__init__` (a
`default_factory` runs when its argument is left out or is None; `__prefab_post_init__`, if defined, is called last),
`__repr__` (the fields with `repr`), `__eq__` and, when `frozen`, `__hash__` (the fields with `compare`), `__replace__`,
`__match_args__`, and when `frozen` a `__setattr__`/`__delattr__` that refuse. A method the class defines itself is
kept. Pickling is Python's own (the fields live in the instance `__dict__`).

Why not the library, or `dataclasses`: both write each class's methods as source and compile it, at import or first
use. A cached `replay --verify` imports some sixty record classes; the library's import and its gathering cost more
than the verify's whole story load. Here each method's source is written once, at build time, into
`game/_record_methods.py` (checked in, made by `python -m game.records`, like a lock file: a test fails when it is
stale), keyed by the class's shape. A class whose shape the file lacks (one just added or changed, or a test's own)
has the same source compiled at import instead: slower, never different.
"""

from __future__ import annotations

from reprlib import recursive_repr

from game._record_methods import MAKERS as _made

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeVar, dataclass_transform

    _T = TypeVar("_T")
else:

    def dataclass_transform(**_: object) -> object:
        return lambda function: function


__all__ = ["as_dict", "attribute", "prefab", "replace"]


class _Nothing:
    """No default given (None is a default)."""

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()


class Attribute:
    """A field's options, as `attribute(...)` gives them in a class body."""

    __slots__ = ("compare", "default", "default_factory", "init", "repr", "serialize")

    def __init__(
        self,
        default: object,
        default_factory: object,
        init: bool,
        repr: bool,  # the option's name, as the library spelled it
        compare: bool,
        serialize: bool,
    ) -> None:
        self.default, self.default_factory, self.init = default, default_factory, init
        self.repr, self.compare, self.serialize = repr, compare, serialize


_PLAIN = Attribute(NOTHING, NOTHING, True, True, True, True)


def attribute(
    *,
    default: Any = NOTHING,
    default_factory: Any = NOTHING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
    serialize: bool = True,
) -> Any:
    """A field with options: `default_factory` makes each instance its own (a list...); `compare=False` leaves it
    out of `==` and the hash; `serialize=False` out of `as_dict`; `init=False` out of `__init__` (it then needs a
    default)."""
    if not init and default is NOTHING and default_factory is NOTHING:
        raise TypeError("a field left out of __init__ needs a default")
    return Attribute(default, default_factory, init, repr, compare, serialize)


RECORDS: dict[type, str] = {}
"""Every record class made in this process, with its shape: scripts/make_record_methods.py writes the makers of the
shapes the game's modules make."""
_LITERAL_FACTORIES = {dict: "{}", list: "[]"}
_OWN = ("__eq__", "__hash__", "__replace__")
"""Methods a class may define itself, which are then kept."""


@dataclass_transform(field_specifiers=(attribute,))
def prefab(cls: type[_T] | None = None, /, *, frozen: bool = False) -> Any:
    """Make `cls` a record (see the module's docstring); `@prefab` or `@prefab(frozen=True)`."""
    if cls is None:
        return lambda cls_: prefab(cls_, frozen=frozen)
    fields, key, defaults = _gather(cls, frozen)
    maker = _made.get(key)
    if maker is None:
        maker = _maker(key)
    made = maker(*defaults)
    name = cls.__qualname__
    for method, function in made.items():
        function.__qualname__ = f"{name}.{method}"
        setattr(cls, method, function)
    namespace = cls.__dict__
    if "__repr__" not in namespace:
        cls.__repr__ = _repr  # type: ignore[method-assign, assignment]
        setattr(cls, "__record_shown__", tuple(field for field, spec in fields.items() if spec.repr))  # noqa: B010
    if frozen:
        cls.__setattr__ = _refuse_setattr  # type: ignore[method-assign, assignment]
        cls.__delattr__ = _refuse_delattr  # type: ignore[method-assign, assignment]
    if "__hash__" not in made and "__hash__" not in cls.__dict__:
        cls.__hash__ = None  # type: ignore[assignment]  # as for any class with `__eq__`: a mutable record has none
    if "__match_args__" not in cls.__dict__:
        setattr(cls, "__match_args__", tuple(field for field, spec in fields.items() if spec.init))  # noqa: B010
    setattr(cls, "__record_fields__", fields)  # noqa: B010
    RECORDS[cls] = key
    return cls


@recursive_repr()
def _repr(self: Any) -> str:
    """`Name(field=value, ...)` of the fields with `repr`, as the record would be written."""
    return f"{type(self).__qualname__}({', '.join([f'{name}={getattr(self, name)!r}' for name in self.__record_shown__])})"


def _refuse_setattr(self: Any, name: str, value: object) -> None:
    """A frozen record's fields are set once, by `__init__` (or `object.__setattr__` in a post-init)."""
    if name in self.__dict__ or name not in self.__record_fields__:
        raise TypeError(f"{type(self).__name__!r} object does not support attribute assignment")
    self.__dict__[name] = value


def _refuse_delattr(self: Any, name: str) -> None:
    raise TypeError(f"{type(self).__name__!r} object does not support attribute deletion")


def _gather(cls: type, frozen: bool) -> tuple[dict[str, Attribute], str, list[object]]:
    """The class's fields in order; its shape, as text (the key of `game._record_methods.MAKERS`: all the methods'
    source depends on); and the defaults or factories of the fields with either, in order, for the maker. Each
    value in the class body is taken away: an instance holds its own. One pass: it runs for every record at import."""
    namespace = cls.__dict__
    fields: dict[str, Attribute] = {}
    parts = ["frozen" if frozen else "mutable"]
    if "__prefab_post_init__" in namespace:
        parts.append("+post_init")
    parts += [f"+{method}" for method in _OWN if method in namespace]  # kept, not made
    parts.append("|")
    defaults: list[object] = []
    for name in namespace.get("__annotations__", ()):
        value = namespace.get(name, NOTHING)
        if value is NOTHING:
            fields[name] = _PLAIN
            parts.append(f"{name} ")
            continue
        delattr(cls, name)
        if type(value) is not Attribute:
            fields[name] = Attribute(value, NOTHING, True, True, True, True)
            defaults.append(value)
            parts.append(f"{name}= ")
            continue
        fields[name] = value
        factory = value.default_factory
        if factory is not NOTHING:
            defaults.append(factory)
            kind = "=" + _LITERAL_FACTORIES.get(factory, "()")  # type: ignore[call-overload]
        elif value.default is not NOTHING:
            defaults.append(value.default)
            kind = "="
        else:
            kind = ""
        options = (value.init, value.repr, value.compare, value.serialize)
        flags = "".join(letter for letter, on in zip("irch", options, strict=True) if not on)
        parts.append(f"{name}{kind}-{flags} " if flags else f"{name}{kind} ")
    return fields, "".join(parts).rstrip(), defaults


def method_source(key: str, name: str = "make") -> str:
    """The source of the function `name` that makes the methods of a record of this shape, given the defaults and
    factories of its fields that have either, in order: the text `game/_record_methods.py` holds."""
    head, _, rest = key.partition("|")
    frozen = head.startswith("frozen")
    fields: list[tuple[str, str, str]] = []
    for part in rest.split():
        name_and_kind, _, flags = part.partition("-")
        field, equals, literal = name_and_kind.partition("=")
        fields.append((field, equals + literal, flags))
    arguments, body = [], []
    for field, kind, flags in fields:
        made_here = f"_{field}()" if kind == "=()" else kind[1:]  # a factory's call or its literal ({} or [])
        if kind == "=":
            default, value = f"_{field}", field
        elif kind:
            default, value = "None", f"{field} if {field} is not None else {made_here}"
        else:
            default, value = "", field
        if "i" in flags:
            value = f"_{field}" if kind == "=" else made_here
        else:
            arguments.append(f"{field}={default}" if default else field)
        body.append(f"    __prefab_selfdict[{field!r}] = {value}" if frozen else f"    self.{field} = {value}")
    if frozen and body:
        body.insert(0, "    __prefab_selfdict = self.__dict__")
    if "+post_init" in head:
        body.append("    self.__prefab_post_init__()")
    lines = [f"def __init__(self{''.join(', ' + argument for argument in arguments)}):", *(body or ["    pass"])]
    compared = [field for field, _, flags in fields if "c" not in flags]
    made = ["__init__"]
    if "__eq__" not in head:
        made.append("__eq__")
        same = " and ".join(f"self.{field} == other.{field}" for field in compared) or "True"
        lines += [
            "def __eq__(self, other):",
            "    if self is other:",
            "        return True",
            f"    return ({same}) if self.__class__ is other.__class__ else NotImplemented",
        ]
    if frozen and "__hash__" not in head:
        made.append("__hash__")
        lines += ["def __hash__(self):", f"    return hash(({''.join(f'self.{field}, ' for field in compared)}))"]
    if "__replace__" not in head:
        made.append("__replace__")
        kept = ", ".join(f"{field!r}: self.{field}" for field, _, flags in fields if "i" not in flags)
        lines += ["def __replace__(self, /, **changes):", f"    return self.__class__(**({{{kept}}} | changes))"]
    parameters = ", ".join(f"_{field}" for field, kind, _ in fields if kind)
    inner = "".join(f"    {line}\n" for line in lines)
    returned = ", ".join(f"{method!r}: {method}" for method in made)
    return f"def {name}({parameters}):\n{inner}    return {{{returned}}}\n"


def methods_module(keys: Iterable[str]) -> str:
    """The text of `game/_record_methods.py` for these shapes."""
    ordered = sorted(set(keys))
    makers = "\n\n".join(method_source(key, f"_{number}") for number, key in enumerate(ordered))
    table = "".join(f"    {key!r}: _{number},\n" for number, key in enumerate(ordered))
    return f"{_GENERATED_HEAD}\n\n{makers}\n\nMAKERS: dict = {{\n{table}}}\n"


def game_methods_module() -> str:
    """The text `game/_record_methods.py` should hold: the shapes of the record classes of every module of the game
    (its `__main__` excepted: it plays), which this imports."""
    import importlib
    import pkgutil

    import game

    for module in pkgutil.walk_packages(game.__path__, "game."):
        if module.name != "game.__main__":
            importlib.import_module(module.name)
    return methods_module(shape for cls, shape in RECORDS.items() if cls.__module__.startswith("game."))


_GENERATED_HEAD = '''"""The methods of the game's record classes, by shape (see game/records.py). Made by
`python scripts/make_record_methods.py`; do not edit: tests/test_records.py fails when this file is stale."""

# ruff: noqa
# mypy: ignore-errors'''


def _maker(key: str) -> Callable[..., dict[str, Any]]:
    """Compile the maker of a shape `game/_record_methods.py` lacks (see the module's docstring)."""
    namespace: dict[str, Any] = {}
    exec(method_source(key), namespace)  # our own generated source, from the field names of a class in the game
    return namespace["make"]  # type: ignore[no-any-return]


def as_dict(record: object) -> dict[str, Any]:
    """The record's fields with `serialize`, by name."""
    fields = getattr(type(record), "__record_fields__", None)
    if fields is None:
        raise TypeError(f"{record!r} should be a prefab instance, not {type(record)}")
    return {name: getattr(record, name) for name, spec in fields.items() if spec.serialize}


def replace(record: _T, /, **changes: Any) -> _T:
    """A copy of the record with `changes` made (through its `__init__`, so a post-init runs again)."""
    if not hasattr(type(record), "__record_fields__"):
        raise TypeError("replace() should be called on classbuilder class instances")
    return record.__replace__(**changes)  # type: ignore[attr-defined, no-any-return]
