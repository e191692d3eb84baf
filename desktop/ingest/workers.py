"""Document analysis in worker processes, feeding the one writer.

What a document says (its language, chrome, dates and the first pass's proposals) depends on its text alone,
and it is most of an import's time. A large import reads it in a pool of processes while the writer stores
the documents already analysed, one transaction each, in the files' order: a killed import still keeps every
document it finished. Small imports (and a machine of one core) analyse in the writer's process, where a
pool's start (a fresh interpreter loading the language model) would cost more than it saves.

Workers are started with ``spawn``, never ``fork``: the window's process has Qt and database threads, which a
forked child would inherit in whatever state they were. They run at a lower priority, so that the writer
and the window keep the CPU they need on a busy machine.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from desktop.ingest.analysis import DocumentAnalysis, PreparedDocument, analyse_document
from desktop.ingest.firstpass import FirstPass, first_pass
from desktop.textspans import SpanSet, covered_chars

# Fewer documents than this are analysed in the writer's process (a worker's start costs about as much as
# analysing fifty documents).
POOL_MIN_DOCUMENTS = 64
# Documents handed to the pool ahead of the writer, per worker: enough to keep every worker busy, few enough
# that a large import never holds more than a few dozen texts in memory.
_AHEAD_PER_WORKER = 8


@dataclass(frozen=True)
class Analysed:
    """A document with everything derived from its text, ready for its rows."""

    prep: PreparedDocument
    analysis: DocumentAnalysis
    first: FirstPass | None  # the first pass's proposals, for an uncatalogued document


def analyse(prep: PreparedDocument) -> Analysed:
    """Everything derived from one document (no store): its analysis and, uncatalogued, the first pass."""
    found = analyse_document(prep)
    first = None
    if prep.entry is None or prep.entry.uncatalogued:
        first = first_pass(prep.text, prep.filename, str(found.values["language"]))
    return combined(prep, found, first)


def combined(prep: PreparedDocument, found: DocumentAnalysis, first: FirstPass | None) -> Analysed:
    """The analysis with what the first pass adds to an uncatalogued document's own row: the page chrome it
    marked (as debris, so that names in a weather bar or a related-news list never count toward the event),
    its headline as the document's title, and the publication date it read when no labelled one was."""
    if first is None:
        return Analysed(prep, found, None)
    spans = SpanSet(found.debris_spans)
    chrome = [
        (c.kind, c.start, c.end, c.reason, "first pass")
        for c in first.chrome
        if not spans.overlaps(c.start, c.end)
    ]
    debris = found.debris + chrome
    debris_spans = found.debris_spans + [(s, e) for _k, s, e, _r, _src in chrome]
    values = dict(found.values, debris_chars=covered_chars(debris_spans))
    if first.title is not None and first.title.start is not None:  # read from the text, not a file name
        values["title"] = first.title.value
    if values.get("published") is None and first.published is not None:
        values["published"] = first.published.value
    return Analysed(prep, DocumentAnalysis(values, debris, debris_spans, found.pubdates), first)


def worker_count(documents: int) -> int:
    """How many processes analyse ``documents`` documents (0: the writer's own process).

    ``ARCHIVE_VIEWER_WORKERS`` sets it (0 turns the pool off)."""
    setting = os.environ.get("ARCHIVE_VIEWER_WORKERS", "").strip()
    if setting.isdigit():
        return int(setting)
    cores = os.cpu_count() or 1
    if documents < POOL_MIN_DOCUMENTS or cores < 2:
        return 0
    return min(cores, 4)


def analysed(preps: Iterable[PreparedDocument], documents: int) -> Generator[Analysed, None, None]:
    """Each document of ``preps`` analysed, in order; ``documents`` (how many there will be, roughly) decides
    whether a pool is worth starting. Stopping early (a cancelled import) stops the pool's queued work.

    The writer's process reads each document's language, chrome and stated dates (the language model is
    loaded once, there) while the workers run the first pass, which needs only the text and its language:
    a worker starts in a fraction of a second."""
    workers = worker_count(documents)
    if workers == 0:
        yield from map(analyse, preps)
        return
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
    )
    pending: deque[tuple[PreparedDocument, DocumentAnalysis, Future[FirstPass] | None]] = deque()
    try:
        for prep in preps:
            found = analyse_document(prep)
            first = None
            if prep.entry is None or prep.entry.uncatalogued:
                language = str(found.values["language"])
                first = pool.submit(first_pass, prep.text, prep.filename, language)
            pending.append((prep, found, first))
            if len(pending) >= workers * _AHEAD_PER_WORKER:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
    finally:
        # Queued work is dropped; the few documents being read finish (milliseconds) and the workers exit.
        pool.shutdown(wait=True, cancel_futures=True)


def _result(prep: PreparedDocument, found: DocumentAnalysis, first: Future[FirstPass] | None) -> Analysed:
    return combined(prep, found, first.result() if first is not None else None)


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):  # not allowed here: the worker runs at the writer's priority
            os.nice(5)
