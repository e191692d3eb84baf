"""Search on a server finds exactly what it finds in a file (issue 21).

SQLite answers a search with FTS5 (one MATCH over ``event_index``); PostgreSQL with one tsquery over a
tsvector per event (``desktop.search.tsearch``), made from the same parsed search. Each search below runs on
the seeds built into a file and on the same file published to a server: the counts and the events found
must be the same, and so must the list in date order (both read the index's rowids, which are the same).
Relevance may order the events differently (bm25 there, ts_rank here), never find others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.search import QueryError
from desktop.services import Archive
from desktop.store.queries import EventFilter, search_errors
from tests.conftest import write_seeds
from tests.pgserver import ServerArchives
from tests.test_query_limits import LARGEST
from tests.test_search import pages_by_keyset

# Searches a reader of the seeds might type (documents in English, Chinese, Russian, Hindi; an authority
# of names in many scripts), each kind of the query language at least once.
SEEDS_SEARCHES: list[str] = [
    # English words, inflected
    "cooperation",
    "seminar",
    "academies",
    "visited",
    "Consul",
    "semiconductor",
    "ceramics",
    # Russian and Belarusian
    "сотрудничество",
    "сотрудничеству",
    "видеоконференция",
    "Беларуси",
    "академии наук",
    "Беларусь",
    "Беларусі",
    "навука",
    "Куньшань",
    # Chinese: words as runs of characters, found inside longer runs
    "发布时间",
    "佛山",
    "山东",
    "济南",
    "科学院",
    "白俄罗斯",
    "研究院 佛山",
    "中国",
    # Hindi
    "बेलारूसी",
    "एसोसिएशन",
    # Prefixes
    "coop*",
    "Shand*",
    "акад*",
    "Витеб*",
    "佛*",
    "semicond*",
    # Phrases
    '"light industry"',
    '"Consul General"',
    '"Национальной академии наук"',
    '"Foshan Institute"',
    '"industry light"',
    # OR, AND, NOT, -word, parentheses
    "Vitebsk OR Guangzhou",
    "Popov | Gusakov",
    "Shandong NOT Vitebsk",
    "Consul -Foshan",
    "(Foshan | Jinan) cooperation -seminar",
    "-Shandong",
    "-Belarus -China",
    "NOT Jinan",
    "Vitebsk AND seminar",
    # Fields
    "title:Consul",
    "summary:visits",
    "original:Jinan",
    "text:Popov",
    "translation:cooperation",
    "notes:Foshan",
    "mine:Foshan",
    "names:Gusakov",
    "name:Popov",
    "title:(Consul OR Vice)",
    "names:Shandong -title:Shandong",
    "Shandong NOT title:Vitebsk",
    # Across scripts by transliteration, and names through the authority
    "Minsk",
    "Минск",
    "Gusakov",
    "Гусаков",
    "Popov",
    "Попов",
    "Vitebsk",
    "Витебск",
    "Shandong",
    "Шаньдун",
    "山东省",
    "NASB",
    "Национальная академия наук Беларуси",
    # Nothing
    "zzyzx",
    '"Foshan Belarus Vitebsk"',
]


def _filters(archive: Archive) -> list[tuple[str, Callable[[str], EventFilter]]]:
    """A search on its own and under the filters the panel adds: an entity, a type, a date range."""
    shandong = archive.resolve_entity("Shandong Province")
    belarus = archive.resolve_entity("Belarus")
    assert shandong and belarus
    return [
        ("alone", lambda q: EventFilter(text=q)),
        ("in Shandong", lambda q: EventFilter(text=q).with_value(shandong[0].type, shandong[0].id)),
        ("not Belarus", lambda q: EventFilter(text=q).with_excluded(belarus[0].type, belarus[0].id)),
        ("a visit", lambda q: EventFilter(text=q).with_value("type", "visit")),
        ("from 2021", lambda q: EventFilter(text=q, date_from="2021-01-01", date_to="2025-12-31")),
    ]


def _same(file: Archive, server: Archive, f: EventFilter) -> int:
    """The search's count, its events and their date order are the same on both; the number found."""
    count = file.count(f)
    rows = [r.id for r in file.all_rows(f)]
    assert len(rows) == count
    assert server.count(f) == count, f
    assert [r.id for r in server.all_rows(f)] == rows, f  # date order: the same rowids on both
    descending = [r.id for r in server.page(f, "date", descending=True, limit=1000)]
    assert descending == [r.id for r in file.page(f, "date", descending=True, limit=1000)]
    return count


@pytest.mark.parametrize("query", SEEDS_SEARCHES)
def test_a_search_finds_the_same_events_in_a_file_and_on_a_server(
    seeds_file_archive: Archive, seeds_server_archive: Archive, query: str
) -> None:
    for _name, make in _filters(seeds_file_archive):
        _same(seeds_file_archive, seeds_server_archive, make(query))
    f = EventFilter(text=query)
    ranked = {r.id for r in seeds_server_archive.all_rows(f, "relevance")}
    assert ranked == {r.id for r in seeds_file_archive.all_rows(f, "relevance")}
    assert seeds_server_archive.matched_entities(query) == seeds_file_archive.matched_entities(query)


def test_the_searches_compared_find_something(seeds_file_archive: Archive) -> None:
    """The comparison means something: most searches find events, some under every filter."""
    assert len(SEEDS_SEARCHES) >= 40
    found = [q for q in SEEDS_SEARCHES if seeds_file_archive.count(EventFilter(text=q))]
    assert len(found) >= 0.8 * len(SEEDS_SEARCHES), set(SEEDS_SEARCHES) - set(found)
    for name, make in _filters(seeds_file_archive)[1:]:
        assert any(seeds_file_archive.count(make(q)) for q in SEEDS_SEARCHES), name
    assert seeds_file_archive.count(EventFilter(text="zzyzx")) == 0


def test_relevance_ranks_the_densest_match_first_on_a_server_too(
    seeds_file_archive: Archive, seeds_server_archive: Archive
) -> None:
    # The title's words weigh most on both: an event titled with the word outranks one that only names it.
    f = EventFilter(text="Consul")
    for archive in (seeds_file_archive, seeds_server_archive):
        rows = archive.all_rows(f, "relevance")
        scores = [r.sort_value for r in rows]
        assert scores == sorted(scores)  # lower is better on both
        assert "consul" in rows[0].title.lower()
    # Keyset pages by relevance join up on a server as in a file.
    everything = seeds_server_archive.page(f, "relevance", limit=1000)
    pages = pages_by_keyset(seeds_server_archive, f, "relevance", 2)
    assert [r.id for r in pages] == [r.id for r in everything] and len(everything) > 2
    target = everything[len(everything) // 2]
    assert seeds_server_archive.row_of_event(f, "relevance", False, target.id) == len(everything) // 2


@pytest.mark.parametrize(("query"), [q for _n, q in LARGEST], ids=[n for n, _q in LARGEST])
def test_the_largest_searches_find_the_same_events_on_a_server(
    seeds_file_archive: Archive, seeds_server_archive: Archive, query: str
) -> None:
    _same(seeds_file_archive, seeds_server_archive, EventFilter(text=query))


def test_a_search_the_server_refuses_is_a_plain_query_error(seeds_server_archive: Archive) -> None:
    # desktop.search makes every tsquery the server reads; this is the net under it, as under SQLite's.
    with (
        seeds_server_archive._connect() as conn,
        pytest.raises(QueryError, match=r"^the search cannot be run as written") as refused,
        search_errors("Minsk"),
    ):
        conn.execute(text("SELECT CAST(:q AS tsquery)"), {"q": "((( 'a' &"})
    assert isinstance(refused.value.__cause__, DBAPIError)  # chained: the log still has the server's words
    # Any other error of the server is not the search's, and goes on as it is.
    with seeds_server_archive._connect() as conn, pytest.raises(DBAPIError), search_errors("Minsk"):
        conn.execute(text("SELECT 1 / 0"))


# ------------------------------------------------------------------------------------------ mini archive

MINI_SEARCHES: list[str] = [
    "Gusakov",
    "Гусаков",
    "Gusekov",
    "Minsk",
    "Минск",
    "Минске",
    "Jinan",
    "济南",
    "Цзинань",
    "签署",
    "签*",
    "白俄罗斯",
    "делегация",
    "misspelling",
    "notes:misspelling",
    "NASB",
    "names:NASB",
    "title:Academy",
    "original:Jinan",
    "translation:Jinan",
    '"National Academy"',
    '"академии наук"',
    "Academy -Minsk",
    "Jinan OR Минск",
    "-Jinan",
    "Заголовок",
    "forum",
    "Qilu",
    "齐鲁工业大学",
    "університет",
    # The reader's own notes (the file's reader's are the publisher's on the server)
    "mine:reading",
    "mine:济南",
    "notes:group",
    "reading Jinan",
    "-mine:reading",
    '"reading group"',
    "mine:(reading OR 济南) -title:talk",
]


@pytest.fixture(scope="module")
def mini_pair(
    tmp_path_factory: pytest.TempPathFactory, server_archives: ServerArchives
) -> Iterator[tuple[Archive, Archive]]:
    """The mini seeds built into a file, and that file published to a server."""
    root: Path = tmp_path_factory.mktemp("mini_search")
    file = Archive.open(root / "mini.sqlite")
    report = file.build(write_seeds(root / "seeds"))
    assert report.ok, report.rejected
    # Notes of the file's reader: published as the publisher's, whose searches on the server read them.
    file.add_note("evt.undated.talk", "Reading group: ask about 济南 and the misspelling")
    file.add_note("evt.2021-06-03.visit", "Reading list for the visit")
    file.add_note("evt.2021-06-03.visit", "A second note: the group photo")
    yield file, server_archives.publish(file)
    file.close()


@pytest.mark.parametrize("query", MINI_SEARCHES)
def test_the_mini_archive_finds_the_same_events_on_a_server(
    mini_pair: tuple[Archive, Archive], query: str
) -> None:
    file, server = mini_pair
    _same(file, server, EventFilter(text=query))
    assert server.matched_entities(query) == file.matched_entities(query)
    ids = [r.id for r in file.all_rows(EventFilter())]
    assert server.snippets(query, ids) == file.snippets(query, ids)


def test_the_publishers_notes_are_found_on_the_server(mini_pair: tuple[Archive, Archive]) -> None:
    """The note searches above compare something: the notes find events on both, and phrases join notes."""
    file, server = mini_pair
    for archive in (file, server):
        assert archive.count(EventFilter(text="mine:reading")) == 2
        assert archive.count(EventFilter(text="mine:济南")) == 1
        assert archive.count(EventFilter(text="-mine:reading")) == archive.count(EventFilter()) - 2
