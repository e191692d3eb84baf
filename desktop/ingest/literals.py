"""The literal words a regular expression cannot match without: a cheap test before an expensive search.

A lexicon of hundreds of patterns is searched in every imported document, and most patterns are absent from
most documents. ``str.__contains__`` finds a literal far faster than the regular-expression engine scans for
a pattern, so a pattern is only searched when one of its required literals is in the text (the prefilter
full-text engines apply before running a regular expression, e.g. Google Code Search's trigram index).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, or None when none is known.

    Case-insensitive patterns have none (a literal's case would not be the text's)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        return _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an internal parser's surprise costs the prefilter, never a match
        return None


def _sequence(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The best requirement among a sequence's mandatory parts: the longest literal run, or a part's own."""
    best: tuple[str, ...] | None = None
    run: list[str] = []

    def better(candidate: tuple[str, ...] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            better(("".join(run),))
            run = []
        if op is sre.SUBPATTERN:
            better(_sequence(list(arg[-1])))
        elif op is sre.BRANCH:
            branches = [_sequence(list(b)) for b in arg[1]]
            if all(branches):
                better(tuple(s for b in branches if b for s in b))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            better(_sequence(list(arg[2])))
    if run:
        better(("".join(run),))
    return best
