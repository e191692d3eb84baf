"""Hostile searches (issue 14): every search is refused with one plain line, or runs.

A search is bounded in length, nesting and terms (``desktop.search``); anything beyond gets a one-line
``QueryError`` naming the limit — never a RecursionError, SQL or a traceback. Everything within the limits
runs against a real store, in every way the window and the command line run it: the page in time order
and by relevance, the count, the facets, the snippets, the named entities and an event's row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import search
from desktop.cli import main
from desktop.search import (
    MAX_QUERY_CHARS,
    MAX_QUERY_DEPTH,
    MAX_QUERY_TERMS,
    QueryError,
    compile_match,
    parse_query,
)
from desktop.services import Archive
from desktop.store.queries import EventFilter, search_errors
from tests.conftest import write_seeds

DEPTH = f"at most {MAX_QUERY_DEPTH} levels"
TERMS = f"at most {MAX_QUERY_TERMS} words"
LENGTH = f"at most {MAX_QUERY_CHARS:,} characters"


def _nested_or(levels: int, inner: str = "z") -> str:
    """``(w0 OR (w1 OR (… inner)))``: each level one more pair of parentheses."""
    return "".join(f"(w{i} OR " for i in range(levels)) + inner + ")" * levels


def _nested_not(levels: int) -> str:
    """``b0 NOT (b1 NOT (… z))``: each level a NOT and a pair of parentheses (two levels of nesting)."""
    return "".join(f"b{i} NOT (" for i in range(levels)) + "z" + ")" * levels


HOSTILE: list[tuple[str, str, str]] = [
    ("250 parentheses", "(" * 250 + "a" + ")" * 250, DEPTH),
    ("25-deep OR chain", _nested_or(25), DEPTH),
    (f"{MAX_QUERY_DEPTH + 1}-deep OR chain", _nested_or(MAX_QUERY_DEPTH + 1), DEPTH),
    ("2,000 terms", " ".join(["a"] * 2000), LENGTH),
    ("300 terms", " ".join(["ab"] * 300), TERMS),
    ("65 terms", " ".join(["ab"] * 65), TERMS),
    ("long OR chain", " OR ".join(["ab"] * 150), TERMS),
    ("long NOT chain", "a " + " ".join(f"NOT b{i}" for i in range(120)), TERMS),
    ("long -word chain", "a " + " ".join(f"-b{i}" for i in range(120)), TERMS),
    ("nested NOTs", _nested_not(MAX_QUERY_DEPTH), DEPTH),
    ("fields nested", "title:" * 40 + "a", DEPTH),
    ("fields and groups nested", "title:(names:(" * 10 + "a" + "))" * 10, DEPTH),
    ("1,001 characters", "x" * 1001, LENGTH),
]


def _assert_plain(message: str, names: str) -> None:
    assert names in message, message
    assert "\n" not in message and len(message) < 200, message
    for leak in ("SELECT", "MATCH", "Traceback", "Error", "sqlite", "[SQL"):
        assert leak not in message, message


@pytest.mark.parametrize(("query", "names"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_a_hostile_search_gets_one_plain_line_naming_the_limit(
    seeds_archive: Archive, query: str, names: str
) -> None:
    with pytest.raises(QueryError) as parsed:
        parse_query(query)
    _assert_plain(str(parsed.value), names)
    for run in (
        lambda: seeds_archive.page(EventFilter(text=query)),
        lambda: seeds_archive.count(EventFilter(text=query)),
        lambda: seeds_archive.all_facets(EventFilter(text=query)),
    ):
        with pytest.raises(QueryError) as ran:
            run()
        _assert_plain(str(ran.value), names)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small store of its own for the command line (the session's seeds store stays untouched)."""
    root = tmp_path_factory.mktemp("limits")
    archive = Archive.open(root / "cli.sqlite")
    archive.build(write_seeds(root / "seeds"))
    archive.close()
    return root / "cli.sqlite"


@pytest.mark.parametrize(("query", "names"), [h[1:] for h in HOSTILE[:4]], ids=[h[0] for h in HOSTILE[:4]])
def test_the_command_line_says_it_in_one_line_and_exits_2(
    capsys: pytest.CaptureFixture[str], store: Path, query: str, names: str
) -> None:
    code = main(["--db", str(store), "events", "--search", query])
    out = capsys.readouterr()
    assert code == 2 and out.out == ""
    assert out.err.count("\n") == 1 and out.err.startswith("archive-viewer: error: the search ")
    _assert_plain(out.err.strip(), names)


def test_quoted_pieces_of_a_search_are_short_and_escaped() -> None:
    for query in ("where" * 100 + ":Minsk", 'a "' + "\x1b[" * 100 + '"', "OR " + "x" * 900):
        with pytest.raises(QueryError) as refused:
            parse_query(query)
        message = str(refused.value)
        assert len(message) < 200 and "\x1b" not in message and "\n" not in message, message


# ------------------------------------------------------------------------------------------ within limits

_HALF = MAX_QUERY_DEPTH // 2
# The largest searches within every limit, each stressing another part: the SQL (terms, each with its
# lookup of names), FTS5's parser (nesting), a phrase of a thousand characters.
LARGEST: list[tuple[str, str]] = [
    ("deepest OR chain", _nested_or(MAX_QUERY_DEPTH)),
    ("deepest OR chain of names", "(Belarus OR " * MAX_QUERY_DEPTH + "China" + ")" * MAX_QUERY_DEPTH),
    ("deepest AND chain", "(Belarus China " * MAX_QUERY_DEPTH + "z" + ")" * MAX_QUERY_DEPTH),
    ("deepest OR chain and every term", _nested_or(MAX_QUERY_DEPTH) + " China" * (MAX_QUERY_TERMS - 17)),
    ("deepest NOT chain", _nested_not(_HALF)),
    ("two NOTs a level", "".join(f"b{i} NOT x{i} NOT (" for i in range(_HALF)) + "z" + ")" * _HALF),
    ("NOT beside an OR chain", "a NOT " + _nested_or(MAX_QUERY_DEPTH - 1)),
    ("only exclusions", "-Minsk -Belarus -ag* NOT " + _nested_or(MAX_QUERY_DEPTH - 1)),
    ("fields", "title:" * MAX_QUERY_DEPTH + "Minsk"),
    ("fields and groups", "".join("names:(Minsk OR " for _ in range(_HALF)) + "x" + ")" * _HALF),
    ("every term a prefix", " ".join(["ag*"] * MAX_QUERY_TERMS)),
    ("every term a name, OR'ed", " OR ".join(["Belarus"] * MAX_QUERY_TERMS)),
    ("every term a phrase", " ".join(['"light industry"'] * 58)),  # as many as fit in the length
    ("every term a short phrase", " ".join(['"ab cd"'] * MAX_QUERY_TERMS)),
    ("a thousand Chinese characters", "中" * MAX_QUERY_CHARS),
    ("a word of 333 pieces", "-".join(["ab"] * 333)),
]


def _run_every_way(archive: Archive, query: str) -> None:
    """The search as the window and the command line run it; only a QueryError may come out."""
    f = EventFilter(text=query)
    rows = archive.page(f)
    archive.page(f, "relevance")
    archive.page(f, "title", descending=True)
    archive.count(f)
    archive.all_facets(f)
    archive.all_facets(f, limit=5)
    archive.matched_entities(query)
    archive.snippets(query, [r.id for r in archive.page(EventFilter(), limit=30)])
    if rows:
        archive.row_of_event(f, "date", False, rows[-1].id)
        archive.row_of_event(f, "relevance", False, rows[-1].id)


@pytest.mark.parametrize(("query"), [q for _n, q in LARGEST], ids=[n for n, _q in LARGEST])
def test_the_largest_searches_within_the_limits_run(seeds_archive: Archive, query: str) -> None:
    assert len(query) <= MAX_QUERY_CHARS
    parse_query(query)
    _run_every_way(seeds_archive, query)


_WORDS = st.sampled_from(
    ["Minsk", "Минске", "Belarus", "China", "agree*", "ag*", '"light industry"', "中白", "Gusakov", "2021"]
)
_FIELDS = st.sampled_from(["title", "original", "names", "notes", "mine", "translation"])
_LEVEL = st.sampled_from(["or", "and", "not", "field", "group"])


def _wrap(kind: str, word: str, field: str, inner: str) -> str:
    if kind == "or":
        return f"({word} OR {inner})"
    if kind == "and":
        return f"({word} {inner})"
    if kind == "not":
        return f"{word} NOT ({inner})"
    if kind == "field":
        return f"{field}:({inner})"
    return f"({inner})"


@st.composite
def _nested_queries(draw: st.DrawFn) -> str:
    """Random nestings up to the depth limit, with words beside them up to the terms limit."""
    levels = draw(st.lists(st.tuples(_LEVEL, _WORDS, _FIELDS), max_size=MAX_QUERY_DEPTH))
    query = draw(_WORDS)
    for kind, word, field in reversed(levels):
        query = _wrap(kind, word, field, query)
    extra = draw(st.lists(st.tuples(st.sampled_from(["", "OR ", "-", "NOT "]), _WORDS), max_size=48))
    return " ".join([query, *(f"{op}{word}" for op, word in extra)])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=_nested_queries())
def test_random_nested_searches_run_or_get_a_plain_message(seeds_file_archive: Archive, query: str) -> None:
    try:
        parse_query(query)
        _run_every_way(seeds_file_archive, query)
    except QueryError as exc:  # beyond a limit, or NOT beside OR: said plainly, never an SQL error
        message = str(exc)
        assert "\n" not in message and len(message) < 200 and "SELECT" not in message, message


# ------------------------------------------------------------------------------------------ the net


@pytest.fixture
def unlimited(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The parser's limits lifted, to reach the ones SQLite and FTS5 have themselves."""
    # Set where the parser reads them (desktop.search re-exports them for reading only).
    monkeypatch.setattr(search.query, "MAX_QUERY_DEPTH", 400)
    monkeypatch.setattr(search.query, "MAX_QUERY_TERMS", 4000)
    monkeypatch.setattr(search.query, "MAX_QUERY_CHARS", 100_000)
    yield


def test_sqlite_refusing_a_search_becomes_a_plain_query_error(
    seeds_archive: Archive, unlimited: None
) -> None:
    query = _nested_or(60)  # beyond FTS5's parser stack (~35 levels)
    compile_match(parse_query(query))  # the SQL is built: only SQLite can refuse it
    for run in (
        lambda: seeds_archive.page(EventFilter(text=query)),
        lambda: seeds_archive.page(EventFilter(text=query), "relevance"),
        lambda: seeds_archive.count(EventFilter(text=query)),
        lambda: seeds_archive.all_facets(EventFilter(text=query)),
    ):
        with pytest.raises(QueryError) as refused:
            run()
        _assert_plain(str(refused.value), "the search is too complex")
        assert refused.value.__cause__ is not None  # the original is chained, so the log still has it


def test_other_database_errors_are_not_taken_for_the_search() -> None:
    with pytest.raises(sqlite3.OperationalError, match="database is locked"), search_errors("Minsk"):
        raise sqlite3.OperationalError("database is locked")
    with pytest.raises(sqlite3.OperationalError, match="interrupted"), search_errors("Minsk"):
        raise sqlite3.OperationalError("interrupted")
    with pytest.raises(sqlite3.OperationalError, match="no such module"), search_errors("Minsk"):
        raise sqlite3.OperationalError("no such module: fts5")
    # Without a search nothing is translated, not even an FTS5 error.
    with pytest.raises(sqlite3.OperationalError, match="fts5"), search_errors(None):
        raise sqlite3.OperationalError("fts5: syntax error near x")


def test_the_sql_of_a_search_stays_shallow_however_it_nests() -> None:
    # The MATCH expression's SQL nests as a balanced tree of its pieces, not as the search does.
    flat = compile_match(parse_query(" ".join(f"w{i}" for i in range(MAX_QUERY_TERMS)))).sql
    deep = compile_match(parse_query(_nested_or(MAX_QUERY_DEPTH))).sql

    def depth(sql: str) -> int:
        level = most = 0
        quoted = False
        for ch in sql:
            if ch == "'":
                quoted = not quoted
            elif not quoted and ch == "(":
                level += 1
                most = max(most, level)
            elif not quoted and ch == ")":
                level -= 1
        return most

    assert depth(deep) < 16 and depth(flat) < 16


def test_a_store_is_searched_the_same_after_the_rewrite(seeds_archive: Archive) -> None:
    # The flattened SQL finds what the FTS5 text it concatenates says: spot checks on the seeds.
    assert seeds_archive.count(EventFilter(text="Belarus OR China")) >= seeds_archive.count(
        EventFilter(text="Belarus China")
    )
    both = seeds_archive.count(EventFilter(text="(Belarus OR China) NOT seminar"))
    assert both == seeds_archive.count(EventFilter(text="Belarus OR China")) - seeds_archive.count(
        EventFilter(text="(Belarus OR China) seminar")
    )


# ------------------------------------------------------------------------------------------ the window


@pytest.fixture
def window(qtbot, seeds_archive: Archive, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.gui.app import make_app
    from desktop.gui.window import MainWindow

    make_app()
    w = MainWindow(seeds_archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.start()
    assert w.runner.wait_idle()
    yield w
    w.runner.wait_idle()


def _search_now(w: object, text: str) -> None:
    w.search.setText(text)  # type: ignore[attr-defined]
    w._search_timer.stop()  # type: ignore[attr-defined]
    w._search_changed()  # type: ignore[attr-defined]
    for _ in range(3):
        assert w.runner.wait_idle()  # type: ignore[attr-defined]


def test_the_window_says_a_hostile_search_in_the_status_bar(window: object) -> None:
    w = window
    before = w.model.count  # type: ignore[attr-defined]
    _search_now(w, "(" * 250 + "a" + ")" * 250)
    message = w.statusBar().currentMessage()  # type: ignore[attr-defined]
    assert message.startswith("Search: the search is too deeply nested") and DEPTH in message
    assert w.model.count == before and w.last_error is None  # type: ignore[attr-defined]


def test_the_window_says_a_search_sqlite_refused_in_the_status_bar(window: object, unlimited: None) -> None:
    w = window
    _search_now(w, _nested_or(60))  # parsed, refused only when its SQL runs: on the workers
    message = w.statusBar().currentMessage()  # type: ignore[attr-defined]
    assert message.startswith("Search: the search is too complex"), message
    assert w.last_error is None  # type: ignore[attr-defined]  # no dialog for it


def test_an_unexpected_error_shows_one_line_without_sql() -> None:
    from sqlalchemy.exc import OperationalError

    from desktop.gui.window import ERROR_CHARS, _plain_error

    statement = "SELECT events.id FROM events WHERE event_index MATCH ('(' || :t0 || ')')" * 100
    error = OperationalError(statement, {"t0": "x"}, sqlite3.OperationalError("disk I/O error"))
    assert "SELECT" in str(error)  # SQLAlchemy's own text has the statement
    shown = _plain_error(error)
    assert "SELECT" not in shown and "MATCH" not in shown and "\n" not in shown
    assert shown.startswith("Something went wrong (disk I/O error). The details are in ")
    long = _plain_error(RuntimeError("x" * 5000 + "\nsecond line"))
    assert "second line" not in long and long.count("x") <= ERROR_CHARS


def test_a_one_letter_prefix_is_refused_with_the_limit() -> None:
    with pytest.raises(QueryError, match="at least 2 letters"):
        parse_query("a*")
    parse_query("中*")  # one Chinese character is a word
    parse_query("ag*")
