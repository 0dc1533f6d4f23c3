"""Language data for the analysis: one YAML file per subject, each read once per process by its
own typed loader (`lexicon/<name>.py`) into frozen dataclasses.

`read` checks a file against its loader's dataclass: a missing or unknown key, or a value of
the wrong type, is a `LexiconError` that names the file and the place in it.
"""
from __future__ import annotations

import types
from dataclasses import MISSING, fields, is_dataclass
from importlib import resources
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: the same data, faster
T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon file that does not hold what its loader expects."""


def read(name: str, schema: type[T]) -> T:
    """The lexicon file `<name>.yml` of this package as an instance of the dataclass `schema`."""
    file = f"{name}.yml"
    return parse(file, resources.files(__package__).joinpath(file).read_text(encoding="utf-8"), schema)


def parse(file: str, text: str, schema: type[T]) -> T:
    """The YAML `text` of the lexicon file `file` as an instance of the dataclass `schema`."""
    try:
        data = yaml.load(text, _LOADER)
    except yaml.YAMLError as err:
        raise LexiconError(f"{file}: not YAML: {err}") from None
    try:
        return _typed(schema, data, "")
    except _Mismatch as err:
        raise LexiconError(f"{file}: {err}") from None


class _Mismatch(Exception):
    """A value that is not of its expected type, with where it is."""


def _typed(hint: Any, value: Any, where: str) -> Any:
    """`value` (parsed YAML) checked against the type `hint`; lists become tuples."""
    if is_dataclass(hint):
        return _record(hint, value, where)
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        _expect(isinstance(value, list), "a list", value, where)
        return tuple(_typed(args[0], item, f"{where}[{i}]") for i, item in enumerate(value))
    if origin is dict:
        _expect(isinstance(value, dict), "a mapping", value, where)
        return {_typed(args[0], k, f"{where} key {k!r}"): _typed(args[1], v, _at(where, k)) for k, v in value.items()}
    if origin in (Union, types.UnionType):
        for arg in args:
            try:
                return _typed(arg, value, where)
            except _Mismatch:
                continue
        _expect(False, " or ".join(_name(arg) for arg in args), value, where)
    if hint is float:
        _expect(isinstance(value, (int, float)) and not isinstance(value, bool), "a number", value, where)
    else:
        _expect(isinstance(value, hint) and (hint is bool or not isinstance(value, bool)), _name(hint), value, where)
    return value


def _record(schema: type, value: Any, where: str) -> Any:
    """A mapping as an instance of the dataclass `schema`: every key a field, no field missing."""
    _expect(isinstance(value, dict), "a mapping", value, where)
    hints = get_type_hints(schema)
    known = {f.name for f in fields(schema)}
    for key in value:
        if key not in known:
            raise _Mismatch(f"{where or 'top level'}: unknown key {key!r} (expected one of {', '.join(sorted(known))})")
    for f in fields(schema):
        if f.name not in value and f.default is MISSING and f.default_factory is MISSING:
            raise _Mismatch(f"{where or 'top level'}: missing key {f.name!r}")
    return schema(**{name: _typed(hints[name], item, _at(where, name)) for name, item in value.items()})


def _at(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def _name(hint: Any) -> str:
    return "nothing" if hint is type(None) else getattr(hint, "__name__", str(hint))


def _expect(ok: bool, expected: str, value: Any, where: str) -> None:
    if not ok:
        raise _Mismatch(f"{where or 'top level'}: expected {expected}, not {type(value).__name__} {value!r:.60}")
