"""The first pass over an imported document: what a careful first reader would catalogue, as proposals.

Each finding carries its span in the original, a confidence and the reason (the rule that made it): the
machine proposes, an archivist decides. Nothing here reads or writes the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.ingest.eventtype import guess_event_type
from desktop.ingest.newnames import NewName, find_new_names
from desktop.ingest.pagedates import DateFinding, find_page_dates
from desktop.ingest.pagelayout import ChromeSpan, Layout, find_layout
from desktop.ingest.places import PlaceMention, find_places, names_of
from desktop.ingest.textdates import find_dates
from desktop.textspans import SpanSet


@dataclass(frozen=True, slots=True)
class Finding:
    """One proposal: a value, the span of the original it was read from, how sure, and why."""

    value: str
    start: int | None
    end: int | None
    confidence: float
    reason: str


@dataclass(frozen=True)
class FirstPass:
    """Everything the first pass proposes for one document."""

    language: str | None
    title: Finding | None
    title_derived: bool
    published: Finding | None = None
    captured: tuple[Finding, ...] = ()
    event_start: Finding | None = None
    event_end: Finding | None = None
    place: Finding | None = None
    type: Finding | None = None
    chrome: tuple[ChromeSpan, ...] = field(default_factory=tuple)
    # Where the report was filed ("MINSK, 15 May (BelTA) –"): its city, with the dateline's span. Names in
    # it are not the event's participants.
    dateline: Finding | None = None
    # People, organisations and places named outside the page chrome, as new entities (the import leaves
    # out those the authority has).
    new_names: tuple[NewName, ...] = ()

    def as_prediction(self) -> dict[str, Any]:
        """The plain values ``benchmarks.first_pass`` compares with the development set."""
        event = None
        if self.event_start is not None:
            end = self.event_end or self.event_start
            event = [self.event_start.value, end.value]
        return {
            "language": self.language,
            "title": self.title.value if self.title else None,
            "title_derived": self.title_derived,
            "published": self.published.value if self.published else None,
            "event": event,
            "place": self.place.value if self.place else None,
            "place_names": list(names_of(self.place.value)) if self.place else [],
            "type": self.type.value if self.type else None,
            "chrome": [[c.start, c.end] for c in self.chrome],
            "same_event": None,
        }


def first_pass(text: str, filename: str | None = None, language: str | None = None) -> FirstPass:
    """Propose the headline, dates, place, type and page chrome of one document's text."""
    from desktop.ingest.language import describe_scripts, detect_language, scripts

    if language is None:
        script, _summary = describe_scripts(scripts(text))
        language, _probability = detect_language(text, script)
    layout = find_layout(text)
    title, derived = _title(text, layout, filename)
    skip = [(c.start, c.end) for c in layout.chrome]
    # The kind is told by the headline and the lead; the rest of a long article weighs little and costs
    # most of the lexicon's time, so it reads the page up to a few paragraphs into the article.
    body = layout.body_span()
    cut = len(text) if body is None else min(len(text), body[0] + 3000)
    guess = guess_event_type(
        text[:cut],
        title.value if title and not derived else None,
        title.start if title and not derived else None,
        language,
        skip=[(s, min(e, cut)) for s, e in skip if s < cut],
    )
    kind = (
        Finding(guess.type, guess.start, guess.end, guess.confidence, guess.reason)
        if guess.type != "other"
        else None
    )
    # Dates: the page's header and the article's first paragraphs say when (a long article's later dates are
    # background); reading further cost more than the rest of the first pass.
    dated = len(text) if body is None else min(len(text), body[0] + 6000)
    mentions = find_dates(text[:dated])
    dates = find_page_dates(text, layout, mentions)
    datelines = [(m.start, m.end) for m in mentions if m.dateline]
    places = find_places(text)  # once, for the event's place and the new names
    place = _place(text[:cut], layout, datelines, [p for p in places if p.end <= cut])
    published = _date(dates.published)
    event = dates.event
    return FirstPass(
        language=language,
        title=title,
        title_derived=derived,
        published=published,
        captured=tuple(f for c in dates.captured if (f := _date(c))),
        event_start=_date(event),
        event_end=Finding(event.end_date, event.start, event.end, event.confidence, event.reason)
        if event
        else None,
        place=place,
        type=kind,
        chrome=layout.chrome,
        dateline=_dateline(text, datelines[0]) if datelines else None,
        new_names=tuple(
            find_new_names(text, chrome=[(c.start, c.end) for c in layout.chrome], places=places)
        ),
    )


def _dateline(text: str, span: tuple[int, int]) -> Finding:
    """The dateline at ``span``: its city's English name when the gazetteer knows it, else its words."""
    start, end = span
    cities = find_places(text[start:end])
    value = cities[0].place.name if cities else " ".join(text[start:end].split())
    return Finding(value, start, end, 0.8, "the dateline: where the report was filed")


def _date(found: DateFinding | None) -> Finding | None:
    if found is None:
        return None
    return Finding(found.start_date, found.start, found.end, found.confidence, found.reason)


def _title(text: str, layout: Layout, filename: str | None) -> tuple[Finding | None, bool]:
    if layout.headline is not None:
        line = layout.lines[layout.headline]
        return Finding(
            line.text, line.start, line.end, 0.8, "the headline-like line above the article"
        ), False
    span = layout.body_span()
    if span is None:
        return (
            Finding(filename, None, None, 0.1, "no text found: the file's name") if filename else None
        ), False
    lead = text[span[0] : span[1]]
    sentence = _first_sentence(lead)
    return Finding(sentence, span[0], span[0] + len(sentence), 0.4, "no headline: the lead sentence"), True


# A full stop that ends a sentence: not after an initial or an abbreviation of one or two letters ("П. В.",
# "2024 г.", "U.S.", "Dr."), and followed by a space or the end.
_SENTENCE_END = re.compile(r"(?<!\b\w)(?<!\b\w\w)[.!?]|[。！？।]")


def _first_sentence(text: str, limit: int = 160) -> str:
    end = None
    for match in _SENTENCE_END.finditer(text):
        after = text[match.end() : match.end() + 1]
        if match.group() in "。！？।" or after in ("", " ", "\n"):
            end = match.end()
            break
    sentence = " ".join((text[:end] if end else text).split())
    if len(sentence) > limit:
        sentence = sentence[: limit - 3].rsplit(" ", 1)[0] + "…"
    return sentence


# Words before a place that say the event was there ("in Minsk", «в Минске», «у Мінску», «在明斯克», "में").
_LOCATIVE = re.compile(r"(?:\b(?:in|at|im|in der|в|во|у|ў|на)\s+|在|于|赴|到|访问)$", re.IGNORECASE)


def _place(
    text: str, layout: Layout, datelines: list[tuple[int, int]], places: list[PlaceMention]
) -> Finding | None:
    """Where the article's event happened: the place it names most strongly — in its opening sentences,
    after "in"/«в»/«在», in the headline, its dateline's city a little — never an address block's."""
    span = layout.body_span()
    if span is None:
        return None
    skip = SpanSet([(c.start, c.end) for c in layout.chrome] + datelines)
    lead_end = span[0] + 400
    head = layout.lines[layout.headline] if layout.headline is not None else None
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int, str]] = {}
    regions: set[str] = set()
    for mention in places:
        start = mention.start
        in_head = head is not None and head.start <= start < head.end
        if not in_head and (not span[0] <= start < span[1] or skip.overlaps(start, start + 1)):
            continue
        weight = 1.0
        weight += 2.0 if in_head else 0.0
        weight += 2.0 if span[0] <= start < lead_end else 0.0
        weight += 2.0 if _LOCATIVE.search(text[max(0, start - 12) : start]) else 0.0
        key = mention.place.name
        scores[key] = scores.get(key, 0.0) + weight
        first.setdefault(key, (mention.start, mention.end, mention.text))
        if mention.place.region:
            regions.add(key)
    # The dateline's city is where the reporter filed, most often where the event was: it counts as much as
    # one "in <place>" in the article, so that it decides only when the article itself names no place
    # more strongly (a venue named without its city, a video conference between two).
    filed: set[str] = set()
    for mention in places if datelines else ():
        if any(s <= mention.start < e for s, e in datelines):
            key = mention.place.name
            if key not in filed:
                filed.add(key)
                scores[key] = scores.get(key, 0.0) + _DATELINE_WEIGHT
                first.setdefault(key, (mention.start, mention.end, mention.text))
    if not scores:
        return None
    # A region (oblast, province) is where its cities are, and pages name them mostly as where a delegation
    # came from: it is proposed only when the article names no city.
    cities = {k for k in scores if k not in regions}
    if cities:
        scores = {k: v for k, v in scores.items() if k in cities}
    best = max(scores, key=lambda k: (scores[k], -first[k][0]))
    start, end, wording = first[best]
    runner = sorted(scores.values(), reverse=True)[1:2]
    confidence = 0.6 if not runner or scores[best] >= 2 * runner[0] else 0.4
    reason = f"the place the article names most strongly ({wording}: score {scores[best]:.0f}"
    reason += ", also its dateline's city)" if best in filed else ")"
    return Finding(best, start, end, confidence, reason)


_DATELINE_WEIGHT = 2.0


_ARTICLE = {"person": "a person", "organisation": "an organisation", "place": "a place"}
RULE = "first-pass-1"  # names the first pass that made a suggestion (kept with it)


def suggestion_rows(found: FirstPass) -> list[dict[str, object]]:
    """The ``suggestions`` rows of one document's first pass (without the document id)."""
    rows: list[dict[str, object]] = []
    findings: list[tuple[str, Finding | None]] = [
        ("title", found.title if found.title_derived is False else None),
        ("derived_title", found.title if found.title_derived else None),
        ("published", found.published),
        ("event_start", found.event_start),
        ("event_end", found.event_end),
        ("place", found.place),
        ("type", found.type),
        ("dateline", found.dateline),
    ]
    findings += [("captured", c) for c in found.captured]
    # A new name once, at its first mention (a page may name it many times).
    firsts = {(n.type, n.name.casefold()): n for n in reversed(found.new_names)}
    findings += [
        (
            f"new_{n.type}",
            Finding(n.name, n.start, n.end, n.confidence, f"{_ARTICLE[n.type]} the text names ({n.cue})"),
        )
        for n in sorted(firsts.values(), key=lambda n: n.start)
    ]
    for kind, f in findings:
        if f is not None:
            rows.append(
                {
                    "kind": kind,
                    "value": f.value,
                    "start": f.start,
                    "end": f.end,
                    "confidence": round(f.confidence, 3),
                    "reason": f.reason,
                    "rule": RULE,
                }
            )
    return rows
