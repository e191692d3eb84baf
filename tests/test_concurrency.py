"""Shared between threads, right under concurrency: the text analysis and the detail give, from several
threads at once, exactly what they give on one.

A Snowball stemmer shared between the GUI thread and a worker once gave "string index out of range" or
another word's stem (issue 15): each thread now has its own (``search._stemmer``). The stemming here is the
uncached function (``stem_word.__wrapped__``), so that the cache cannot hide a race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from desktop.aliases import AliasMatcher
from desktop.search import fold_word, match_spans, stem_word, tokens
from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import REPO

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
