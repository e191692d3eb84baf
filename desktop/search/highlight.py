"""Highlights: the spans of a text a search matches, by the index's own rules, and a snippet around them.

Apart from the SQL: the detail pane and the snippets mark matches in Python, by the rules of the terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from desktop.search.query import (
    Query,
    QueryError,
    Term,
    _other_script,
    _stem_prefix,
    _translit_forms,
    parse_query,
)
from desktop.search.words import Token, _token_forms


def _term_matches_at(term: Term, toks: Sequence[Token], i: int) -> bool:
    if i + len(term.toks) > len(toks):
        return False
    for k, want in enumerate(term.toks):
        got = toks[i + k]
        last = k == len(term.toks) - 1
        if term.prefix and last:
            if got.word.startswith(want.word):
                continue
            if (
                want.translit
                and got.translit
                and len(want.translit) >= 5
                and got.translit.startswith(_other_script(want.translit))
            ):
                continue
            return False
        if got.word == want.word or got.stem == want.stem:
            continue
        if _stem_prefix(term) and got.stem.startswith(want.stem):
            continue
        if len(term.toks) == 1 and want.translit and got.translit:
            key, prefix = _translit_forms(want.translit)
            if got.translit == key or (prefix and got.translit.startswith(key)):
                continue
        return False
    return True


def match_spans(
    text: str, query: Query | str | None, fields: Iterable[str] | None = None
) -> list[tuple[int, int]]:
    """Every place in ``text`` a positive term of the query matches, by the index's own rules.

    ``fields``: the fields ``text`` belongs to (a term limited to ``notes:`` is not marked in an
    original). Spans are sorted and do not overlap.
    """
    if query is None:
        return []
    if isinstance(query, str):
        try:
            query = parse_query(query)
        except QueryError:
            return []
    field_set = set(fields) if fields is not None else None
    terms = [
        t for t in query.positive_terms if t.fields is None or field_set is None or field_set & set(t.fields)
    ]
    if not terms or not text:
        return []
    # Whether a term matches at a token depends only on the forms of the tokens it spans, and a long text
    # repeats few of them: each distinct run of forms is judged once per term (a 2 MB document took a
    # second, judging every token with a Token object made for it; now a dictionary look-up each). The
    # tokens are kept in three flat lists, not an object or tuple each: hundreds of thousands of live
    # containers would set off a full garbage collection, which holds every thread (the GUI's too).
    starts: list[int] = []
    ends: list[int] = []
    forms: list[tuple[str, str, str | None]] = []
    for start, end, token_forms in _token_forms(text):
        starts.append(start)
        ends.append(end)
        forms.append(token_forms)
    spans: list[tuple[int, int]] = []
    for term in terms:
        width = len(term.toks)
        judged: dict[object, bool] = {}
        for i in range(len(forms) - width + 1):
            run: object = forms[i] if width == 1 else tuple(forms[i : i + width])
            hit = judged.get(run)
            if hit is None:
                window = [Token(0, 0, *f) for f in forms[i : i + width]]
                hit = judged[run] = _term_matches_at(term, window, 0)
            if hit:
                spans.append((starts[i], ends[i + width - 1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = 90) -> str:
    """A one-line excerpt of ``text`` around its first match, the match in «guillemets»."""
    if not spans:
        return ""
    s, e = spans[0]
    before = max(0, s - width // 3)
    after = min(len(text), e + width - (s - before))
    # Start and end on word boundaries where there is one nearby.
    space = text.find(" ", before, s) if before > 0 else -1
    before = space + 1 if space >= 0 else before
    out = text[before:s] + "«" + text[s:e] + "»" + text[e:after]
    out = re.sub(r"\s+", " ", out).strip()
    return ("…" if before > 0 else "") + out + ("…" if after < len(text) else "")
