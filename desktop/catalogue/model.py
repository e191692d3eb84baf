"""The catalogue archivists write (TOML under ``seeds/catalogue/``), loaded into plain dataclasses.

Loading is tolerant: a malformed entry or field becomes a :class:`Problem` naming the file, the entry and
the field, and the rest loads. ``docs/catalogue-format.md`` describes the format.
"""

from __future__ import annotations

import builtins
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.dates import DateError, FuzzyDate

ENTITY_TYPES = ("person", "organisation", "place", "country")
ENTITY_PREFIX = {"person": "person.", "organisation": "org.", "place": "place.", "country": "country."}
CERTAINTY = ("certain", "probable", "possible")
ALIAS_KINDS = (
    "variant",
    "misspelling",
    "transliteration",
    "translation",
    "abbreviation",
    "native",
    "short form",
    "merged",  # a name an entity merged into this one had
)
# The fields of a first-pass event (``first_pass = true``) people may give; the first pass proposes the rest.
FIRST_PASS_FIELDS = ("title", "type", "summary", "start", "end", "place")
EVENT_TYPES = (
    "conference",
    "seminar",
    "forum",
    "meeting",
    "visit",
    "signing",
    "opening",
    "ceremony",
    "launch",
    "presentation",
    "programme",
    "agreement",
    "anniversary",
    "tour",
    "other",
)
MODES = ("in-person", "online", "hybrid", "unknown")
ROLES = (
    "organiser",
    "co-organiser",
    "host",
    "sponsor",
    "supervisor",
    "participant",
    "speaker",
    "signatory",
    "visitor",
    "accompanying",
    "presenter",
    "subject",
)
NOTE_KINDS = (
    "gloss",
    "name-variant",
    "transliteration",
    "mistranslation",
    "garbled",
    "punctuation",
    "dating",
    "conflict",
    "omission",
    "debris",
    "identification",
    "other",
)
DEBRIS_KINDS = ("navigation", "metadata", "headline-list", "duplicate-title", "credit", "other")
TRANSLATION_KINDS = ("machine", "agency", "human", "unknown")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the catalogue or the seeds, located precisely enough to fix."""

    file: str
    entry: str
    field: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.file, self.entry, self.field) if part)
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class Quote:
    """A verbatim passage of a document; ``occurrence`` picks one when it appears several times."""

    text: str
    occurrence: int = 1


@dataclass(frozen=True)
class AliasEntry:
    text: str
    lang: str | None = None
    kind: str = "variant"
    match: bool = True


@dataclass
class EntityEntry:
    id: str
    type: str
    name: str
    native: str | None = None
    native_lang: str | None = None
    country: str | None = None
    within: str | None = None
    certainty: str = "certain"
    note: str | None = None
    aliases: list[AliasEntry] = field(default_factory=list)


@dataclass
class ParticipantEntry:
    entity: str
    role: str
    title: str | None = None
    quote: Quote | None = None
    document: str | None = None


@dataclass
class EvidenceEntry:
    document: str
    quote: Quote


@dataclass
class EventEntry:
    id: str
    title: str
    type: str
    start: FuzzyDate
    end: FuzzyDate
    summary: str | None = None
    mode: str = "unknown"
    place: str | None = None
    countries: list[str] = field(default_factory=list)
    parent: str | None = None
    sources: list[str] = field(default_factory=list)
    participants: list[ParticipantEntry] = field(default_factory=list)
    evidence: list[EvidenceEntry] = field(default_factory=list)
    # A first-pass event (an uncatalogued document's, id ``doc.…``): the fields people gave, laid over what
    # the first pass proposes; None for a catalogued event (every field is the catalogue's).
    given: frozenset[str] | None = None


@dataclass
class PublishedEntry:
    date: FuzzyDate
    label: str = ""
    quote: Quote | None = None


@dataclass
class DebrisEntry:
    quote: Quote
    kind: str = "other"
    reason: str = ""


@dataclass
class NoteEntry:
    kind: str
    quote: Quote
    text: str
    certainty: str | None = None
    original: str | None = None


@dataclass
class LinkEntry:
    """Words of the document that name an entity, as a person linked them (beside the names the authority's
    aliases find)."""

    quote: Quote
    entity: str


@dataclass
class RenderingEntry:
    paragraph: int
    text: str


@dataclass
class TranslationInfo:
    source_language: str | None = None
    kind: str = "unknown"
    certainty: str | None = None
    note: str | None = None


@dataclass
class DocumentEntry:
    file: str
    title: str
    language: str | None = None
    publisher: str | None = None
    summary: str | None = None
    translation: TranslationInfo | None = None
    published: list[PublishedEntry] = field(default_factory=list)
    debris: list[DebrisEntry] = field(default_factory=list)
    notes: list[NoteEntry] = field(default_factory=list)
    renderings: list[RenderingEntry] = field(default_factory=list)
    links: list[LinkEntry] = field(default_factory=list)
    # True: the document is not catalogued (the first pass reads its title, dates and event as for an
    # imported page); the file carries what people added to it — notes, links, debris.
    uncatalogued: bool = False
    catalogue_file: str = ""
    raw_digest: str = ""  # hash of the entry's TOML, part of the document's rebuild signature


@dataclass
class Catalogue:
    """Everything loaded from ``seeds/catalogue/``, plus what could not be loaded."""

    entities: dict[str, EntityEntry] = field(default_factory=dict)
    events: dict[str, EventEntry] = field(default_factory=dict)
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # hash of authority + events, part of every document's rebuild signature


class _Reader:
    """Reads one TOML table field by field, turning every mistake into a Problem."""

    def __init__(self, problems: list[Problem], file: str, entry: str, table: Any) -> None:
        self.problems = problems
        self.file = file
        self.entry = entry
        self.table = table if isinstance(table, dict) else {}
        self.seen: set[str] = set()
        if not isinstance(table, dict):
            self.problem("", "must be a table")

    def problem(self, fld: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, self.entry, fld, message, severity))

    def str(
        self, key: builtins.str, *, required: builtins.bool = False, choices: tuple[builtins.str, ...] = ()
    ) -> builtins.str | None:
        self.seen.add(key)
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(key, "is required")
            return None
        if not isinstance(value, str):
            self.problem(key, f"must be a string, not {type(value).__name__}")
            return None
        if required and not value.strip():
            self.problem(key, "must not be empty")
            return None
        if choices and value not in choices:
            self.problem(key, f"{value!r} is not one of: {', '.join(choices)}")
            return None
        return value

    def int(self, key: builtins.str, default: builtins.int | None = None) -> builtins.int | None:
        self.seen.add(key)
        value = self.table.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(key, "must be a whole number")
            return default
        return value

    def bool(self, key: builtins.str, default: builtins.bool) -> builtins.bool:
        self.seen.add(key)
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, "must be true or false")
            return default
        return value

    def list(self, key: builtins.str) -> builtins.list[Any]:
        self.seen.add(key)
        value = self.table.get(key, [])
        if not isinstance(value, list):
            self.problem(key, "must be a list")
            return []
        return value

    def table_of(self, key: builtins.str) -> dict[builtins.str, Any] | None:
        self.seen.add(key)
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, "must be a table")
            return None
        return value

    def quote(self, *, required: builtins.bool = True) -> Quote | None:
        text = self.str("quote", required=required)
        occurrence = self.int("occurrence", 1) or 1
        if occurrence < 1:
            self.problem("occurrence", "must be 1 or more")
            occurrence = 1
        return Quote(text, occurrence) if text else None

    def date(self, key: builtins.str, table: dict[builtins.str, Any] | None) -> FuzzyDate | None:
        if table is None:
            return None
        sub = _Reader(self.problems, self.file, self.entry, table)
        value = sub.str("date")
        precision = sub.str("precision", required=True) or "unknown"
        certainty = sub.str("certainty") or ("unknown" if precision == "unknown" else "stated")
        reason = sub.str("reason")
        sub.finish(prefix=f"{key}.")
        try:
            return FuzzyDate.parse(value, precision, certainty, reason)
        except DateError as exc:
            self.problem(key, str(exc))
            return None

    def finish(self, prefix: builtins.str = "") -> None:
        for key in self.table:
            if key not in self.seen:
                self.problem(prefix + key, "unknown key (see docs/catalogue-format.md)")


def _load_toml(path: Path, rel: str, problems: list[Problem]) -> tuple[dict[str, Any], bytes]:
    try:
        raw = path.read_bytes()
        return tomllib.loads(raw.decode("utf-8")), raw
    except OSError as exc:
        problems.append(Problem(rel, "", "", f"cannot read the file ({exc.strerror})"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", "", f"not UTF-8 at byte {exc.start}; save the file as UTF-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(rel, "", "", f"not valid TOML: {exc}"))
    return {}, b""


def _load_authority(data: dict[str, Any], rel: str, cat: Catalogue) -> None:
    for index, table in enumerate(data.get("entity", []), start=1):
        entry = f"entity #{index}"
        if isinstance(table, dict) and isinstance(table.get("id"), str):
            entry = f"entity '{table['id']}'"
        r = _Reader(cat.problems, rel, entry, table)
        ident = r.str("id", required=True)
        etype = r.str("type", required=True, choices=ENTITY_TYPES)
        name = r.str("name", required=True)
        ent = EntityEntry(
            id=ident or "",
            type=etype or "",
            name=name or "",
            native=r.str("native"),
            native_lang=r.str("native_lang"),
            country=r.str("country"),
            within=r.str("within"),
            certainty=r.str("certainty", choices=CERTAINTY) or "certain",
            note=r.str("note"),
        )
        for a_index, alias in enumerate(r.list("aliases"), start=1):
            if isinstance(alias, str):
                ent.aliases.append(AliasEntry(alias))
                continue
            ar = _Reader(cat.problems, rel, entry, alias)
            text = ar.str("text", required=True)
            lang = ar.str("lang")
            kind = ar.str("kind", choices=ALIAS_KINDS) or "variant"
            match = ar.bool("match", True)
            ar.finish(prefix=f"aliases[{a_index}].")
            if text:
                ent.aliases.append(AliasEntry(text, lang, kind, match))
        r.finish()
        if not (ident and etype and name):
            continue
        if etype and ident and not ident.startswith(ENTITY_PREFIX[etype]):
            r.problem("id", f"an id of a {etype} starts with {ENTITY_PREFIX[etype]!r}")
        if ident in cat.entities:
            r.problem("id", "this id is used by another entity too")
            continue
        cat.entities[ident] = ent


_FIRST_PASS_ID = re.compile(r"doc\.[0-9a-f]{16}")


def _load_events(data: dict[str, Any], rel: str, cat: Catalogue) -> None:
    for index, table in enumerate(data.get("event", []), start=1):
        entry = f"event #{index}"
        if isinstance(table, dict) and isinstance(table.get("id"), str):
            entry = f"event '{table['id']}'"
        r = _Reader(cat.problems, rel, entry, table)
        ident = r.str("id", required=True)
        first_pass = r.bool("first_pass", False)
        title = r.str("title", required=not first_pass)
        etype = r.str("type", required=not first_pass, choices=EVENT_TYPES)
        start = r.date("start", r.table_of("start")) if "start" in r.table else None
        r.seen.add("start")
        end = r.date("end", r.table_of("end")) if "end" in r.table else None
        r.seen.add("end")
        if "start" not in r.table and not first_pass:
            r.problem("start", 'is required (use precision = "unknown" when the date is not known)')
        ev = EventEntry(
            id=ident or "",
            title=title or "",
            type=etype or "other",
            start=start or FuzzyDate(None),
            end=end or start or FuzzyDate(None),
            summary=r.str("summary"),
            mode=r.str("mode", choices=MODES) or "unknown",
            place=r.str("place"),
            parent=r.str("parent"),
        )
        if first_pass:
            ev.given = frozenset(f for f in FIRST_PASS_FIELDS if f in r.table)
            ev.end = end or FuzzyDate(None)
        ev.countries = [c for c in r.list("countries") if isinstance(c, str)]
        ev.sources = [s for s in r.list("sources") if isinstance(s, str)]
        if not ev.sources:
            r.problem("sources", "an event needs at least one source document")
        for p_index, ptable in enumerate(r.list("participant"), start=1):
            pr = _Reader(cat.problems, rel, f"{entry} participant #{p_index}", ptable)
            entity = pr.str("entity", required=True)
            role = pr.str("role", required=True, choices=ROLES)
            part = ParticipantEntry(
                entity or "",
                role or "participant",
                pr.str("title"),
                pr.quote(required=False),
                pr.str("document"),
            )
            pr.finish()
            if entity:
                ev.participants.append(part)
        for e_index, etable in enumerate(r.list("evidence"), start=1):
            er = _Reader(cat.problems, rel, f"{entry} evidence #{e_index}", etable)
            document = er.str("document", required=True)
            quote = er.quote()
            er.finish()
            if document and quote:
                ev.evidence.append(EvidenceEntry(document, quote))
        r.finish()
        if not (ident and (title or first_pass)):
            continue
        if first_pass and not _FIRST_PASS_ID.fullmatch(ident):
            r.problem(
                "id", "a first-pass event's id is its document's: 'doc.' and 16 hex digits of its SHA-256"
            )
        elif not first_pass and not ident.startswith("evt."):
            r.problem("id", "an event id starts with 'evt.'")
        if ident in cat.events:
            r.problem("id", "this id is used by another event too")
            continue
        cat.events[ident] = ev


def _load_document(data: dict[str, Any], rel: str, cat: Catalogue, stem: str, raw: bytes) -> None:
    import hashlib

    r = _Reader(cat.problems, rel, "", data)
    file = r.str("file", required=True) or f"{stem}.txt"
    if Path(file).stem != stem:
        r.problem("file", f"{file!r} does not match this catalogue file's name ({stem}.toml)")
    uncatalogued = r.bool("uncatalogued", False)
    doc = DocumentEntry(
        file=file,
        uncatalogued=uncatalogued,
        title=r.str("title", required=not uncatalogued) or "",
        language=r.str("language"),
        publisher=r.str("publisher"),
        summary=r.str("summary"),
        catalogue_file=rel,
        raw_digest=hashlib.sha256(raw).hexdigest(),
    )
    tr = r.table_of("translation")
    if tr is not None:
        t = _Reader(cat.problems, rel, "translation", tr)
        doc.translation = TranslationInfo(
            t.str("from"),
            t.str("kind", choices=TRANSLATION_KINDS) or "unknown",
            t.str("certainty", choices=CERTAINTY),
            t.str("note"),
        )
        t.finish()
    for i, table in enumerate(r.list("published"), start=1):
        pr = _Reader(cat.problems, rel, f"published #{i}", table)
        value, precision = pr.str("date"), pr.str("precision", required=True) or "unknown"
        certainty, reason = pr.str("certainty") or "stated", pr.str("reason")
        label, quote = pr.str("label") or "", pr.quote(required=False)
        pr.finish()
        try:
            doc.published.append(
                PublishedEntry(FuzzyDate.parse(value, precision, certainty, reason), label, quote)
            )
        except DateError as exc:
            pr.problem("date", str(exc))
    for i, table in enumerate(r.list("debris"), start=1):
        dr = _Reader(cat.problems, rel, f"debris #{i}", table)
        quote = dr.quote()
        kind = dr.str("kind", choices=DEBRIS_KINDS) or "other"
        reason = dr.str("reason") or ""
        dr.finish()
        if quote:
            doc.debris.append(DebrisEntry(quote, kind, reason))
    for i, table in enumerate(r.list("note"), start=1):
        nr = _Reader(cat.problems, rel, f"note #{i}", table)
        note_kind = nr.str("kind", required=True, choices=NOTE_KINDS)
        quote = nr.quote()
        note_text = nr.str("text", required=True)
        note_certainty = nr.str("certainty", choices=CERTAINTY)
        original = nr.str("original")
        nr.finish()
        if note_kind and quote and note_text:
            doc.notes.append(NoteEntry(note_kind, quote, note_text, note_certainty, original))
    for i, table in enumerate(r.list("link"), start=1):
        lr = _Reader(cat.problems, rel, f"link #{i}", table)
        quote = lr.quote()
        entity = lr.str("entity", required=True)
        lr.finish()
        if quote and entity:
            doc.links.append(LinkEntry(quote, entity))
    for i, table in enumerate(r.list("rendering"), start=1):
        rr = _Reader(cat.problems, rel, f"rendering #{i}", table)
        paragraph = rr.int("paragraph")
        rendering = rr.str("text", required=True)
        rr.finish()
        if paragraph is None:
            rr.problem("paragraph", "is required")
        elif rendering:
            doc.renderings.append(RenderingEntry(paragraph, rendering))
    r.finish()
    if file in cat.documents:
        r.problem("file", f"{file} is catalogued twice")
        return
    cat.documents[file] = doc


def load_catalogue(seeds_dir: Path) -> Catalogue:
    """Load ``seeds_dir/catalogue``; a missing catalogue is an empty one (every document uncatalogued)."""
    import hashlib

    cat = Catalogue()
    root = seeds_dir / "catalogue"
    digest = hashlib.sha256()
    for name, loader in (("authority.toml", _load_authority), ("events.toml", _load_events)):
        path = root / name
        rel = f"catalogue/{name}"
        if not path.exists():
            cat.problems.append(
                Problem(rel, "", "", "missing: every document will be uncatalogued", "warning")
            )
            continue
        data, raw = _load_toml(path, rel, cat.problems)
        digest.update(raw)
        loader(data, rel, cat)
    cat.digest = digest.hexdigest()
    doc_dir = root / "documents"
    if doc_dir.is_dir():
        for path in sorted(doc_dir.glob("*.toml")):
            rel = f"catalogue/documents/{path.name}"
            data, raw = _load_toml(path, rel, cat.problems)
            if data:
                _load_document(data, rel, cat, path.stem, raw)
    return cat
