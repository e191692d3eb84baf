"""What a document says, derived without the store: its scripts and language, page chrome (debris), stated
publication dates, title and the document row's values — from its text and catalogue entry alone.

Apart from the write pipeline (:mod:`desktop.ingest.build`) so that the analysis can be tested, measured and
reused (a first pass, a preview) without a database; the pipeline writes what this returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.catalogue.model import DocumentEntry
from desktop.dates import FuzzyDate
from desktop.ingest.debris import find_debris
from desktop.ingest.language import describe_scripts, detect_language, scripts
from desktop.ingest.pubdates import StatedDate, find_publication_dates
from desktop.textdigest import text_digest
from desktop.textspans import SpanSet, covered_chars, find_quote, paragraphs


@dataclass
class PreparedDocument:
    """A decoded document with everything derived from it, ready to be written in one transaction."""

    path: str
    filename: str
    origin: str
    data: bytes
    sha256: str
    text: str
    encoding: str
    entry: DocumentEntry | None
    signature: str


@dataclass
class DocumentAnalysis:
    """Everything derived from one document's text and entry, ready for its rows."""

    values: dict[str, object]  # the documents row, without its id
    debris: list[tuple[str, int, int, str, str]]  # kind, start, end, reason, source
    debris_spans: list[tuple[int, int]]
    pubdates: list[dict[str, object]]  # publication_dates rows, without the document id


def analyse_document(prep: PreparedDocument) -> DocumentAnalysis:
    """Derive a document's row and its debris and publication dates (no store, no side effects)."""
    txt, listed = prep.text, prep.entry
    # A document file marked uncatalogued adds its debris, notes and links; the rest is read as for a page
    # with no file at all (the first pass's title and dates).
    entry = listed if listed is not None and not listed.uncatalogued else None
    counts = scripts(txt)
    script, script_summary = describe_scripts(counts)
    detected, _prob = detect_language(txt, script)
    language = (entry.language if entry and entry.language else None) or detected or "und"

    # The stated dates feed both the debris (their lines are page metadata) and the publication dates.
    stated: list[StatedDate] = find_publication_dates(txt)
    debris: list[tuple[str, int, int, str, str]] = [
        (d.kind, d.start, d.end, d.reason, "detected") for d in find_debris(txt, stated)
    ]
    if listed:
        for d in listed.debris:
            span = find_quote(txt, d.quote.text, d.quote.occurrence)
            if span:
                debris.append((d.kind, span[0], span[1], d.reason, "catalogue"))
    debris_spans = [(s, e) for _k, s, e, _r, _src in debris]

    pubdates: list[dict[str, object]] = []
    if entry and entry.published:
        for p in entry.published:
            span = find_quote(txt, p.quote.text, p.quote.occurrence) if p.quote else None
            pubdates.append(
                {
                    "date": p.date.value or "",
                    "precision": p.date.precision,
                    "certainty": p.date.certainty,
                    "label": p.label,
                    "start": span[0] if span else None,
                    "end": span[1] if span else None,
                    "source": "catalogue",
                }
            )
    else:
        for found in stated:
            pubdates.append(
                {
                    "date": found.date,
                    "precision": "day",
                    "certainty": "stated",
                    "label": found.label,
                    "start": found.start,
                    "end": found.end,
                    "source": "detected",
                }
            )
    published = next((str(p["date"]) for p in pubdates if p["precision"] == "day"), None)

    title = entry.title if entry else _headline(txt, debris_spans, prep.filename)
    translation = entry.translation if entry else None
    values = {
        "path": prep.path,
        "filename": prep.filename,
        "origin": prep.origin,
        "sha256": prep.sha256,
        "size": len(prep.data),
        "encoding": prep.encoding,
        "text": txt,
        "language": language,
        "detected_language": detected,
        "script": script,
        "scripts": script_summary,
        "title": title,
        "published": published,
        "publisher": entry.publisher if entry else None,
        "summary": entry.summary if entry else None,
        "is_translation": translation is not None,
        "translated_from": translation.source_language if translation else None,
        "translation_kind": translation.kind if translation else None,
        "translation_note": translation.note if translation else None,
        "catalogued": entry is not None,
        "debris_chars": covered_chars(debris_spans),
        "signature": prep.signature,
        "imported_at": _now(),
        "text_sha256": text_digest(txt),
    }
    return DocumentAnalysis(values, debris, debris_spans, pubdates)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _headline(txt: str, debris: list[tuple[int, int]], filename: str) -> str:
    """An uncatalogued document's title: its first line that is not debris, shortened."""
    spans = SpanSet(debris)  # a document of nothing but debris lines would ask about every one of them
    for start, end in paragraphs(txt):
        if not spans.overlaps(start, end):
            line = " ".join(txt[start:end].split())
            if len(line) > 160:
                line = line[:157].rsplit(" ", 1)[0] + "…"
            return line
    return filename


def event_row_values(ev_start: FuzzyDate, ev_end: FuzzyDate) -> dict[str, object]:
    """An event row's date columns: both ends as stated, and the bounds and sort key the list uses."""
    lo = ev_start.bounds()
    hi = ev_end.bounds() or lo
    return {
        "start_date": ev_start.value,
        "start_precision": ev_start.precision,
        "start_certainty": ev_start.certainty,
        "start_reason": ev_start.reason,
        "end_date": ev_end.value,
        "end_precision": ev_end.precision,
        "end_certainty": ev_end.certainty,
        "end_reason": ev_end.reason,
        "date_lo": lo[0] if lo else None,
        "date_hi": hi[1] if hi else None,
        "sort_date": lo[0] if lo else "",
    }


def provisional_key(sha256: str) -> str:
    return f"doc.{sha256[:16]}"
