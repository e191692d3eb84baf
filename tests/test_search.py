"""Search in every script: a table of queries and the documents each must (and must not) find.

The archive is the bundled seeds plus a handful of small documents written for these cases, imported as
uncatalogued documents (each its own event), so every expectation below names the exact file it is about.
Every search here runs on a file (FTS5) and on the same archive published to a server (tsvector), with the
same expectations (issue 21).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.search import QueryError, match_spans, parse_query, snippet
from desktop.services import Archive
from desktop.store import queries as q
from tests.conftest import BACKENDS
from tests.pgserver import ServerArchives

DOCS: dict[str, str] = {
    "t_en.txt": (
        "Minsk talks\n\nThe delegations signed three agreements on light industry in Minsk. "
        "An agreement on textiles followed. The Café Zürich hosted the résumé session.\n"
    ),
    "t_en2.txt": "Guest list\n\nMr Korzhakov from Gomel attended the agreement ceremony.\n",
    "t_ru.txt": (
        "Встреча в Минске\n\nДелегация Национальной академии наук Беларуси прибыла в Минске. "
        "Учёные подписали соглашение о сотрудничестве с господином Коржаковым.\n"
    ),
    "t_be.txt": "Семінар\n\nНацыянальная акадэмія навук Беларусі правяла семінар па лёгкай прамысловасці.\n",
    "t_hi.txt": "प्रतिनिधिमंडल\n\nभारतीय प्रतिनिधिमंडल ने बेलारूस का दौरा किया। विज्ञान अकादमी के साथ समझौता हुआ।\n",
    "t_zh.txt": "中白工业园\n\n中白工业园是中国和白俄罗斯合作的项目。古萨科夫出席了会议。\n",
    "t_agree.txt": "Agreement\n\nAgreement after agreement: the agreement of agreements.\n",
    "t_moscow.txt": "Moscow\n\nA stopover in Moscow on the way to Minsk.\n",
    # A Latin word with a Cyrillic look-alike letter (о, U+043E) in it: it is not the word "Moscow".
    "t_lookalike.txt": "Transit\n\nA stopover in M\u043escow, spelled with a Cyrillic letter.\n",
}


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Every search here runs on a file and on a server, with the same expected results (issue 21)."""
    return str(request.param)


@pytest.fixture(scope="module")
def file_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The seeds and the test documents, built into a file once for the module."""
    root = tmp_path_factory.mktemp("search")
    docs = root / "docs"
    docs.mkdir()
    for name, body in DOCS.items():
        (docs / name).write_text(body, encoding="utf-8")
    archive = Archive.open(root / "archive.sqlite")
    archive.build()
    report = archive.import_paths([docs])
    assert not report.rejected
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def archive(file_archive: Archive, backend: str, request: pytest.FixtureRequest) -> Archive:
    """The module's archive on the backend: the file itself, or the file published once to the server."""
    if backend == "sqlite":
        return file_archive
    servers: ServerArchives = request.getfixturevalue("server_archives")
    return servers.publish(file_archive)


def found(archive: Archive, query: str, sort: str = "date") -> list[str]:
    """The test documents (not the seeds) reported by the events a search finds, in list order."""
    rows = archive.all_rows(q.EventFilter(text=query), sort)
    with archive._connect() as conn:
        docs = q.documents_of(conn, [r.id for r in rows])
    out: list[str] = []
    for r in rows:
        out += [name for name, _sha, _lang in docs[r.id] if name in DOCS and name not in out]
    return out


# query → the test documents it must find (exactly; seeds may match too and are ignored)
CASES: list[tuple[str, set[str]]] = [
    # Latin: case and accents do not matter
    ("cafe zurich", {"t_en.txt"}),
    ("RÉSUMÉ", {"t_en.txt"}),
    # English inflection: sign finds signed, agreement finds agreements
    ("sign", {"t_en.txt"}),
    ("agreements", {"t_en.txt", "t_en2.txt", "t_agree.txt"}),
    # Russian: case, ё and inflection
    ("УЧЕНЫЕ", {"t_ru.txt"}),
    ("учёные", {"t_ru.txt"}),
    # (the Belarusian document names the same academy, whose authority entry has this Russian name)
    ("академия", {"t_ru.txt", "t_be.txt"}),
    ("подписать", {"t_ru.txt"}),
    # Across Latin and Cyrillic by transliteration, for a name the authority does not know
    ("Korzhakov", {"t_en2.txt", "t_ru.txt"}),
    ("Коржаков", {"t_en2.txt", "t_ru.txt"}),
    # ... and for a place, inflected (Минске)
    ("Minsk", {"t_en.txt", "t_ru.txt", "t_moscow.txt"}),
    # An authority name in any spelling finds every document that mentions the entity, in any script
    # (events in Minsk are in Belarus: the authority places Minsk within it)
    # (白俄罗斯 is one of Belarus's names from CLDR: the Chinese document is found by every spelling, and
    # 白俄罗斯 finds the others)
    ("Belarus", {"t_hi.txt", "t_ru.txt", "t_be.txt", "t_en.txt", "t_moscow.txt", "t_zh.txt"}),
    ("बेलारूस", {"t_hi.txt", "t_ru.txt", "t_be.txt", "t_en.txt", "t_moscow.txt", "t_zh.txt"}),
    ('"НАН Беларуси"', {"t_ru.txt", "t_be.txt"}),
    # Devanagari words stay whole
    ("भारतीय", {"t_hi.txt"}),
    ("समझौता", {"t_hi.txt"}),
    # Chinese: any sub-word of a run of characters
    ("中白", {"t_zh.txt"}),
    ("工业", {"t_zh.txt"}),
    ("白俄罗斯", {"t_hi.txt", "t_ru.txt", "t_be.txt", "t_en.txt", "t_moscow.txt", "t_zh.txt"}),
    ("会议 中白", {"t_zh.txt"}),
    # Phrases and prefixes
    ('"light industry"', {"t_en.txt"}),
    ("agree*", {"t_en.txt", "t_en2.txt", "t_agree.txt"}),
    ("акад*", {"t_ru.txt", "t_be.txt"}),
    # AND / OR / NOT, at the level of events
    ("Minsk signed", {"t_en.txt"}),
    ("Minsk NOT signed", {"t_ru.txt", "t_moscow.txt"}),
    ("Minsk -Moscow -signed", {"t_ru.txt"}),
    ("cafe OR भारतीय", {"t_en.txt", "t_hi.txt"}),
    ("(cafe | Korzhakov) agreement", {"t_en.txt", "t_en2.txt"}),
    # A minus before a field, a group or a phrase leaves it out, as before a word
    ("Minsk -title:Moscow", {"t_en.txt", "t_ru.txt"}),
    ("Minsk -(signed OR Moscow)", {"t_ru.txt"}),
    ('Minsk -"light industry"', {"t_ru.txt", "t_moscow.txt"}),
    # Fields
    ("original:Korzhakov", {"t_en2.txt", "t_ru.txt"}),
    ("title:Moscow", {"t_moscow.txt"}),
    ("title:stopover", set()),
    # Must not match: a Hindi fragment inside a longer word, words that are not there, a look-alike
    ("भारत", set()),
    ("प्रतिनिधि", set()),
    ("工园", set()),
    ('"industry light"', set()),
    ("Moscow", {"t_moscow.txt"}),
    ("M\u043escow", {"t_lookalike.txt"}),
    ("Mosc*", {"t_moscow.txt"}),
]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_exactly_these_documents(archive: Archive, query: str, expected: set[str]) -> None:
    assert set(found(archive, query)) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"light industry', "quotation mark is not closed"),
        ("(Minsk OR Vitebsk", "'(' is not closed"),
        ("Minsk)", "')'"),
        ("Minsk OR", "OR needs a word on each side"),
        ("OR Minsk", "a word is missing in the search before 'OR'"),
        ("Minsk ()", "a word is missing in the search before ')'"),
        ("NOT", "NOT needs a word"),
        ("where:Minsk", "no field 'where'"),
        ("title:", "title: needs a word after it"),
        ("- & ;", "nothing to search for"),
        ("x" * 1001, "too long"),
    ],
)
def test_a_malformed_query_gets_a_plain_message(archive: Archive, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        archive.all_rows(q.EventFilter(text=query))


def test_relevance_puts_the_densest_match_first_and_time_order_is_the_default(archive: Archive) -> None:
    by_time = archive.all_rows(q.EventFilter(text="agreement"))
    assert [r.sort_value for r in by_time] == sorted(r.sort_value for r in by_time)
    by_relevance = found(archive, "agreement", sort="relevance")
    assert by_relevance[0] == "t_agree.txt"  # five times in a short text
    assert set(by_relevance) == {"t_agree.txt", "t_en.txt", "t_en2.txt"}
    rows = archive.all_rows(q.EventFilter(text="agreement"), "relevance")
    scores = [r.sort_value for r in rows]
    assert scores == sorted(scores)  # bm25: lower is better, best first
    assert len(rows) == len(by_time)


def pages_by_keyset(archive: Archive, f: q.EventFilter, sort: str, size: int) -> list[q.EventRow]:
    """Every row of ``f`` in ``sort`` order, read page after page of ``size`` by keyset, as the list reads."""
    pages: list[q.EventRow] = []
    after = None
    while True:
        page = archive.page(f, sort, after=after, limit=size)
        pages += page
        if len(page) < size:
            return pages
        after = (page[-1].sort_value, page[-1].id)


def test_relevance_pages_by_keyset_like_every_other_order(archive: Archive) -> None:
    f = q.EventFilter(text="Belarus OR Беларусь OR 白俄罗斯")
    everything = archive.page(f, "relevance", limit=1000)
    pages = pages_by_keyset(archive, f, "relevance", 3)
    assert [r.id for r in pages] == [r.id for r in everything] and len(everything) > 3
    # A search alone ranks its scores before reading events; with any other condition the events are
    # joined first. Both give one order, either way round.
    joined = f.with_excluded("type", "no such type")
    for descending in (False, True):
        alone = [r.id for r in archive.page(f, "relevance", descending, limit=1000)]
        assert alone == [r.id for r in archive.page(joined, "relevance", descending, limit=1000)]
        assert alone == [r.id for r in everything][:: -1 if descending else 1]
    target = everything[len(everything) // 2]
    assert archive.row_of_event(f, "relevance", False, target.id) == len(everything) // 2


def test_blank_query_is_refused_by_the_parser_and_means_no_search_in_a_filter(archive: Archive) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        parse_query("   ")
    assert archive.count(q.EventFilter(text="   ")) == archive.count(q.EventFilter())


def test_highlights_follow_the_index_rules() -> None:
    ru = DOCS["t_ru.txt"]
    spans = match_spans(ru, "Minsk")
    assert [ru[s:e] for s, e in spans] == ["Минске", "Минске"]
    assert [ru[s:e] for s, e in match_spans(ru, "учёные академия")] == ["академии", "Учёные"]
    hi = DOCS["t_hi.txt"]
    assert match_spans(hi, "भारत") == []
    assert [hi[s:e] for s, e in match_spans(hi, "भारतीय")] == ["भारतीय"]
    zh = DOCS["t_zh.txt"]
    assert [zh[s:e] for s, e in match_spans(zh, "中白")] == ["中白", "中白"]
    en = DOCS["t_en.txt"]
    assert [en[s:e] for s, e in match_spans(en, '"light industry" -cafe')] == ["light industry"]
    assert [en[s:e] for s, e in match_spans(en, "agree*")][:1] == ["agreements"]
    assert match_spans(DOCS["t_lookalike.txt"], "Moscow") == []
    # A term limited to a field marks only texts of that field.
    assert match_spans(en, "title:Minsk", fields=("original",)) == []
    assert match_spans(en, "original:Minsk", fields=("original",))


def test_snippet_shows_the_match_in_its_context() -> None:
    text = DOCS["t_ru.txt"]
    out = snippet(text, match_spans(text, "Коржаков"), width=60)
    assert "«Коржаковым»" in out and out.startswith("…")


def test_every_positive_term_is_kept_for_highlighting() -> None:
    query = parse_query('Minsk (cafe OR "light industry") NOT Moscow')
    assert [" ".join(t.word for t in term.toks) for term in query.positive_terms] == [
        "minsk",
        "cafe",
        "light industry",
    ]


def test_the_command_line_offers_every_order_the_query_layer_knows() -> None:
    from desktop.cli import SORT_CHOICES

    assert SORT_CHOICES == q.SORT_KEYS
