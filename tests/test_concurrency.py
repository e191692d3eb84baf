"""Shared between threads, right under concurrency: the text analysis and the detail give, from several
threads at once, exactly what they give on one.

A Snowball stemmer shared between the GUI thread and a worker once gave "string index out of range" or
another word's stem (issue 15): each thread now has its own (``desktop.search.words._stemmer``). The
stemming here is the uncached function (``stem_word.__wrapped__``), so that the cache cannot hide a race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.aliases import AliasMatcher
from desktop.search import fold_word, match_spans, stem_word, tokens
from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import BACKENDS, REPO

THREADS = 4
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds" / "documents").glob("*.txt"))]
WORDS = [fold_word(w) for text in TEXTS for w in text.split() if w.isalpha()]


def _same_on_every_thread(work: Callable[[], Any], rounds: int) -> None:
    """Run ``work`` ``rounds`` times on each of several threads at once; every result equals the first."""
    expected = work()
    failures: list[str] = []

    def run() -> None:
        try:
            for _ in range(rounds):
                if work() != expected:
                    failures.append("a different result")
                    return
        except Exception as exc:  # the point: nothing may fail on a thread that works alone
            failures.append(repr(exc))

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:3]


def test_stemming_from_several_threads_at_once() -> None:
    raw = stem_word.__wrapped__  # type: ignore[attr-defined]
    _same_on_every_thread(lambda: [raw(w) for w in WORDS], rounds=25)


def test_tokens_and_highlights_from_several_threads_at_once() -> None:
    def work() -> Any:
        return [
            ([t.stem for t in tokens(text)], match_spans(text, "Минск OR sign* OR Gusakov", ("original",)))
            for text in TEXTS
        ]

    _same_on_every_thread(work, rounds=10)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The archive's reads from several threads, on a file and on a server (its pool of connections)."""
    return request.param  # type: ignore[no-any-return]


def test_alias_matching_from_several_threads_at_once(seeds_archive: Archive) -> None:
    aliases = [(e.id, alias) for e, names in seeds_archive.entities() for alias in names]
    matcher = AliasMatcher(aliases)
    _same_on_every_thread(lambda: [matcher.find(text) for text in TEXTS], rounds=10)


def test_event_detail_from_several_threads_at_once(seeds_archive: Archive) -> None:
    ids = [r.id for r in seeds_archive.page(EventFilter(), limit=50)]

    def work() -> Any:
        out = []
        for event_id in ids:
            detail = seeds_archive.detail(event_id)
            assert detail is not None and detail.row.id == event_id
            out.append((detail.row.key, [(d.id, d.sha256, d.verified) for d in detail.documents]))
        return out

    _same_on_every_thread(work, rounds=5)


def test_a_fresh_thread_stems_as_the_first() -> None:
    raw = stem_word.__wrapped__  # type: ignore[attr-defined]
    first = [raw(w) for w in WORDS[:500]]
    seen: list[list[str]] = []
    t = threading.Thread(target=lambda: seen.append([raw(w) for w in WORDS[:500]]))
    t.start()
    t.join()
    assert seen == [first]


def test_the_pane_shows_only_the_selected_events_sources_while_searches_are_typed(
    qtbot,  # type: ignore[no-untyped-def]
    seeds_archive: Archive,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QSettings

    from desktop.gui.app import make_app
    from desktop.gui.window import MainWindow

    make_app()
    window = MainWindow(seeds_archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.runner.wait_idle()
    keys = [r.key for r in seeds_archive.page(EventFilter(), limit=50)]
    searches = ["Гусаков", "Gusekov", "Minsk", "", "中白", "seminar", ""]
    for i in range(60):
        window.select_event_key(keys[(i * 7) % len(keys)])
        window.search.setText(searches[i % len(searches)])
        qtbot.wait(3)
        pane = window.detail
        if pane.detail is not None and pane.document is not None:
            assert pane.document.id in [d.id for d in pane.detail.documents]
    for _ in range(3):
        assert window.runner.wait_idle()
    qtbot.wait(400)  # the search box's own delay, then its list and detail
    for _ in range(3):
        assert window.runner.wait_idle()
    pane = window.detail
    assert pane.detail is not None and pane.detail.row.id == window.selected_event
    expected = seeds_archive.detail(pane.detail.row.id)
    assert expected is not None
    assert pane.document is not None and pane.document.id in [d.id for d in expected.documents]
    assert (
        pane.text.toPlainText().replace("\u2029", "\n")[:40] in pane.document.text or pane.text.toPlainText()
    )
    window.close()
