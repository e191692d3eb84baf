"""Writing the catalogue's TOML files (the reader is Python's ``tomllib``; no writer ships with it).

A small emitter for the shapes ``docs/catalogue-format.md`` uses: scalars, lists of strings, tables,
arrays of tables, and lists of inline tables (an entity's aliases). Strings are TOML basic strings; the
characters an editor would not show (no-break and zero-width spaces, control characters) are written as
``\\uXXXX`` escapes, as the format asks archivists to write them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# Control characters (TOML allows none raw but tab), DEL, and the spaces and marks no editor shows.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u205f-\u2064\ufeff]")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class Inline(list[dict[str, Any]]):
    """A list of tables written inline, one per line (``aliases = [ { text = "…" }, … ]``)."""


def string(value: str) -> str:
    out = "".join(_ESCAPES.get(c, c) for c in value)
    return '"' + _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04X}", out) + '"'


def key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else string(name)


def value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, Inline):
        return "[\n" + "".join(f"  {inline(item)},\n" for item in v) + "]"
    if isinstance(v, list):
        return "[" + ", ".join(value(item) for item in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def inline(table: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in table.items() if v is not None) + " }"


def _is_tables(v: Any) -> bool:
    return isinstance(v, list) and not isinstance(v, Inline) and bool(v) and isinstance(v[0], dict)


def dumps(document: Mapping[str, Any]) -> str:
    """A TOML document of ``document``: its scalars first, then its tables and arrays of tables. None values
    and empty lists are left out (the format's defaults)."""
    lines: list[str] = []
    _table(lines, document, "")
    return "\n".join(lines).strip("\n") + "\n"


def _table(lines: list[str], table: Mapping[str, Any], prefix: str) -> None:
    for k, v in table.items():
        if v is None or v == [] or isinstance(v, dict) or _is_tables(v):
            continue
        lines.append(f"{key(k)} = {value(v)}")
    for k, v in table.items():
        if isinstance(v, dict):
            lines += ["", f"[{prefix}{key(k)}]"]
            _table(lines, v, f"{prefix}{key(k)}.")
        elif _is_tables(v):
            for item in v:
                lines += ["", f"[[{prefix}{key(k)}]]"]
                _table(lines, item, f"{prefix}{key(k)}.")
