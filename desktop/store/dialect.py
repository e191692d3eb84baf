"""Where SQLite's SQL and PostgreSQL's differ, one spelling per difference (issue 21).

The query layer is SQLAlchemy Core and SQL text written for SQLite. Most of it runs on PostgreSQL as it is;
the exceptions are rewritten here, once per statement, rather than kept as two copies of each query:

- SQLite's JSON aggregates (``json_group_array(json_array(…))``), which the detail pane's one-round-trip
  queries use, become ``json_agg(json_build_array(…))`` — as text, so both read the same with ``json.loads``;
- ``json_extract(x, '$')`` (a JSON scalar as an SQL value) becomes ``x::json #>> '{}'``;
- ``group_concat(x, separator)`` becomes ``string_agg(x, separator)``;
- :class:`instr` is SQLite's ``instr`` and PostgreSQL's ``strpos``.

PostgreSQL, like SQLite, aggregates a sub-query's rows in the order the sub-query gives them (its manual:
"supplying the input values from a sorted subquery will usually work"), which the detail pane's ordered
lists rely on.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

_CALL = re.compile(r"\bjson_group_array\(|\bjson_array\(|\bjson_extract\(|\bgroup_concat\(")


def _closing(sql: str, start: int) -> int:
    """The index of the parenthesis closing the one just before ``start`` (quotes respected)."""
    depth, i, quote = 1, start, ""
    while i < len(sql):
        ch = sql[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced parentheses in SQL")


@functools.cache
def for_server(sql: str) -> str:
    """SQLite's SQL ``sql`` as PostgreSQL runs it (see the module's list); anything else is left as it is."""
    out: list[str] = []
    pos = 0
    while (m := _CALL.search(sql, pos)) is not None:
        out.append(sql[pos : m.start()])
        end = _closing(sql, m.end())
        inner = for_server(sql[m.end() : end])
        name = m.group(0)[:-1]
        if name == "json_group_array":
            out.append(f"CAST(coalesce(json_agg({inner}), CAST('[]' AS json)) AS text)")
        elif name == "json_array":
            out.append(f"json_build_array({inner})")
        elif name == "group_concat":  # always given its separator here (PostgreSQL's needs one)
            out.append(f"string_agg({inner})")
        else:  # json_extract(x, '$')
            target, path = inner.rsplit(",", 1)
            if path.strip() != "'$'":
                raise ValueError(f"json_extract with path {path.strip()} has no server spelling here")
            out.append(f"(CAST({target} AS json) #>> '{{}}')")
        pos = end + 1
    out.append(sql[pos:])
    return "".join(out)


def dialect_of(conn: Any) -> str:
    """The database of a Connection or a Session: ``sqlite`` or ``postgresql``."""
    bind = conn.get_bind() if hasattr(conn, "get_bind") else conn
    return str(bind.dialect.name)


def spelled_for(sql: str, dialect: str) -> str:
    """``sql`` as the connection's dialect runs it."""
    return sql if dialect == "sqlite" else for_server(sql)


class instr(FunctionElement[int]):
    """``instr(haystack, needle)``: where ``needle`` first occurs in ``haystack`` (from 1; 0 if nowhere; 1
    for an empty needle) — SQLite's ``instr``, PostgreSQL's ``strpos``."""

    type = Integer()
    inherit_cache = True
    name = "instr"


@compiles(instr)
def _instr(element: instr, compiler: Any, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(instr, "postgresql")
def _strpos(element: instr, compiler: Any, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"
