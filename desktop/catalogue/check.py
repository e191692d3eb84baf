"""``archive-viewer check``: everything that can be wrong with the seeds and their catalogue.

Each problem names the file, the entry and the field, and says what is wrong. The build loads the same
catalogue tolerantly (a bad entry is skipped, the rest goes on); the check is where they are all listed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.aliases import fold
from desktop.catalogue.model import Catalogue, Problem, Quote, load_catalogue
from desktop.ingest.decode import DecodeError, decode
from desktop.multivalue import MULTI_SEPARATOR
from desktop.textspans import count_quote, find_quote, paragraphs

SUMS_FILE = "SHA256SUMS"


@dataclass
class SeedFile:
    """One document file of the seeds folder, read and (if possible) decoded."""

    name: str
    rel: str
    path: Path
    data: bytes
    sha256: str
    text: str | None = None
    encoding: str | None = None
    error: str | None = None


@dataclass
class CheckReport:
    catalogue: Catalogue
    files: dict[str, SeedFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def read_sums(seeds_dir: Path) -> dict[str, str]:
    """The recorded SHA-256 of each document, from ``SHA256SUMS`` (``sha256sum`` format)."""
    path = seeds_dir / SUMS_FILE
    sums: dict[str, str] = {}
    if not path.exists():
        return sums
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, _, name = line.partition("  ")
            sums[name.strip().lstrip("*")] = digest.strip().lower()
    return sums


def read_seed_files(seeds_dir: Path, problems: list[Problem]) -> dict[str, SeedFile]:
    """Read every ``documents/*`` file, verify it against SHA256SUMS and decode it."""
    sums = read_sums(seeds_dir)
    if not sums:
        problems.append(
            Problem(SUMS_FILE, "", "", "missing or empty: the seeds cannot be verified", "warning")
        )
    files: dict[str, SeedFile] = {}
    doc_dir = seeds_dir / "documents"
    for path in sorted(p for p in doc_dir.iterdir() if p.is_file()) if doc_dir.is_dir() else []:
        rel = f"documents/{path.name}"
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(rel, "", "", f"cannot read the file ({exc.strerror})"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        seed = SeedFile(path.name, rel, path, data, digest)
        recorded = sums.get(rel)
        if sums and recorded is None:
            seed.error = "not listed in SHA256SUMS"
            problems.append(
                Problem(
                    rel, "", "", f"not listed in {SUMS_FILE}: record it with `sha256sum {rel} >> {SUMS_FILE}`"
                )
            )
        elif recorded is not None and recorded != digest:
            seed.error = f"content differs from its recorded SHA-256 ({recorded[:12]}…, now {digest[:12]}…)"
            problems.append(
                Problem(
                    rel,
                    "",
                    "",
                    f"{seed.error}: seed documents are evidence and must not be edited; restore the original",
                )
            )
        try:
            decoded = decode(data)
            seed.text, seed.encoding = decoded.text, decoded.encoding
        except DecodeError as exc:
            seed.error = seed.error or str(exc)
            problems.append(Problem(rel, "", "", str(exc)))
        files[path.name] = seed
    for rel in sums:
        if Path(rel).name not in files:
            problems.append(Problem(SUMS_FILE, rel, "", "listed but the file is missing from documents/"))
    return files


def _check_quote(
    problems: list[Problem], text: str | None, quote: Quote | None, file: str, entry: str, fld: str
) -> None:
    if quote is None or text is None:
        return
    if find_quote(text, quote.text, quote.occurrence) is None:
        found = count_quote(text, quote.text)
        if found:
            msg = f"occurrence = {quote.occurrence}, but the quote appears only {found} time(s)"
        else:
            msg = f"quote not found verbatim in the document: {quote.text[:80]!r}"
        problems.append(Problem(file, entry, fld, msg))


def check_seeds(seeds_dir: Path) -> CheckReport:
    cat = load_catalogue(seeds_dir)
    report = CheckReport(catalogue=cat)
    problems = report.problems
    problems.extend(cat.problems)
    report.files = files = read_seed_files(seeds_dir, problems)
    _check_authority(cat, problems)
    _check_documents(cat, files, problems)
    _check_events(cat, files, problems)
    for name, seed in files.items():
        if name not in cat.documents and seed.text is not None:
            problems.append(
                Problem(
                    seed.rel,
                    "",
                    "",
                    "has no catalogue entry: it will appear as an uncatalogued event",
                    "warning",
                )
            )
    return report


def _check_authority(cat: Catalogue, problems: list[Problem]) -> None:
    rel = "catalogue/authority.toml"
    claimed: dict[str, str] = {}
    for ent in cat.entities.values():
        entry = f"entity '{ent.id}'"
        forms = [(ent.name, "name")] + [(a.text, f"aliases ({a.text})") for a in ent.aliases]
        if ent.native:
            forms.append((ent.native, "native"))
        for text, fld in forms:
            if MULTI_SEPARATOR.strip() in text:
                problems.append(
                    Problem(rel, entry, fld, "contains '|', which separates values in exported CSV")
                )
            key = fold(text)
            owner = claimed.get(key)
            if owner is not None and owner != ent.id:
                problems.append(Problem(rel, entry, fld, f"{text!r} is claimed by '{owner}' too"))
            claimed.setdefault(key, ent.id)
        if ent.country:
            target = cat.entities.get(ent.country)
            if target is None:
                problems.append(Problem(rel, entry, "country", f"no authority entry '{ent.country}'"))
            elif target.type != "country":
                problems.append(
                    Problem(rel, entry, "country", f"'{ent.country}' is a {target.type}, not a country")
                )
        if ent.within:
            parent = cat.entities.get(ent.within)
            if parent is None:
                problems.append(Problem(rel, entry, "within", f"no authority entry '{ent.within}'"))
            elif ent.type == "organisation" and parent.type != "organisation":
                problems.append(
                    Problem(rel, entry, "within", "an organisation lies within another organisation")
                )
            elif ent.type == "place" and parent.type not in ("place", "country"):
                problems.append(Problem(rel, entry, "within", "a place lies within a place or a country"))
        seen, node = {ent.id}, ent
        while node.within and node.within in cat.entities:
            if node.within in seen:
                problems.append(Problem(rel, entry, "within", "the 'within' chain loops back on itself"))
                break
            seen.add(node.within)
            node = cat.entities[node.within]


def _check_documents(cat: Catalogue, files: dict[str, SeedFile], problems: list[Problem]) -> None:
    for name, doc in cat.documents.items():
        rel = doc.catalogue_file
        seed = files.get(name)
        if seed is None:
            problems.append(Problem(rel, "", "file", f"documents/{name} does not exist"))
            continue
        text = seed.text
        for i, pub in enumerate(doc.published, start=1):
            _check_quote(problems, text, pub.quote, rel, f"published #{i}", "quote")
        for i, debris in enumerate(doc.debris, start=1):
            _check_quote(problems, text, debris.quote, rel, f"debris #{i}", "quote")
        for i, note in enumerate(doc.notes, start=1):
            _check_quote(problems, text, note.quote, rel, f"note #{i}", "quote")
        for i, link in enumerate(doc.links, start=1):
            _check_quote(problems, text, link.quote, rel, f"link #{i}", "quote")
            if link.entity not in cat.entities:
                problems.append(Problem(rel, f"link #{i}", "entity", f"no authority entry '{link.entity}'"))
        if text is None or doc.uncatalogued:
            continue
        paras = paragraphs(text)
        rendered: set[int] = set()
        for i, rend in enumerate(doc.renderings, start=1):
            if not 1 <= rend.paragraph <= len(paras):
                problems.append(
                    Problem(rel, f"rendering #{i}", "paragraph", f"the document has {len(paras)} paragraphs")
                )
            elif rend.paragraph in rendered:
                problems.append(
                    Problem(rel, f"rendering #{i}", "paragraph", "this paragraph is rendered twice")
                )
            rendered.add(rend.paragraph)
        if doc.language and doc.language != "en":
            if not doc.summary:
                problems.append(
                    Problem(rel, "", "summary", "a non-English document needs an English summary")
                )
            debris_spans = [
                span
                for d in doc.debris
                if (span := find_quote(text, d.quote.text, d.quote.occurrence)) is not None
            ]
            for number, (start, end) in enumerate(paras, start=1):
                in_debris = any(s <= start and end <= e for s, e in debris_spans)
                if number not in rendered and not in_debris:
                    problems.append(
                        Problem(
                            rel,
                            "",
                            "rendering",
                            f"paragraph {number} has no English rendering",
                            "warning",
                        )
                    )


def _check_events(cat: Catalogue, files: dict[str, SeedFile], problems: list[Problem]) -> None:
    rel = "catalogue/events.toml"
    for ev in cat.events.values():
        entry = f"event '{ev.id}'"
        for src in ev.sources:
            if src not in files:
                problems.append(Problem(rel, entry, "sources", f"documents/{src} does not exist"))
        if ev.given is not None:
            seed = files.get(ev.sources[0]) if len(ev.sources) == 1 else None
            if seed is None or f"doc.{seed.sha256[:16]}" != ev.id:
                problems.append(
                    Problem(
                        rel, entry, "sources", "a first-pass event has one source: the document its id names"
                    )
                )
            elif (own := cat.documents.get(seed.name)) is not None and not own.uncatalogued:
                problems.append(
                    Problem(rel, entry, "first_pass", f"{seed.name} is catalogued: give it an 'evt.' event")
                )
        if ev.place:
            place = cat.entities.get(ev.place)
            if place is None:
                problems.append(Problem(rel, entry, "place", f"no authority entry '{ev.place}'"))
            elif place.type not in ("place", "country"):
                problems.append(Problem(rel, entry, "place", f"'{ev.place}' is a {place.type}, not a place"))
        for country in ev.countries:
            target = cat.entities.get(country)
            if target is None or target.type != "country":
                problems.append(
                    Problem(rel, entry, "countries", f"'{country}' is not a country in the authority")
                )
        if ev.parent:
            if ev.parent not in cat.events:
                problems.append(Problem(rel, entry, "parent", f"no event '{ev.parent}'"))
            else:
                seen, node = {ev.id}, ev
                while node.parent and node.parent in cat.events:
                    if node.parent in seen:
                        problems.append(
                            Problem(rel, entry, "parent", "the parent chain loops back on itself")
                        )
                        break
                    seen.add(node.parent)
                    node = cat.events[node.parent]
        start_b, end_b = ev.start.bounds(), ev.end.bounds()
        if start_b and end_b and end_b[1] < start_b[0]:
            problems.append(Problem(rel, entry, "end", "impossible date: the event ends before it starts"))
        for i, part in enumerate(ev.participants, start=1):
            pentry = f"{entry} participant #{i}"
            if part.entity not in cat.entities:
                problems.append(Problem(rel, pentry, "entity", f"no authority entry '{part.entity}'"))
            if part.quote is not None:
                doc = part.document or (ev.sources[0] if len(ev.sources) == 1 else None)
                if doc is None:
                    problems.append(Problem(rel, pentry, "document", "say which source the quote is from"))
                elif doc not in ev.sources:
                    problems.append(
                        Problem(rel, pentry, "document", f"{doc} is not among the event's sources")
                    )
                elif doc in files:
                    _check_quote(problems, files[doc].text, part.quote, rel, pentry, "quote")
        for i, evid in enumerate(ev.evidence, start=1):
            eentry = f"{entry} evidence #{i}"
            if evid.document not in ev.sources:
                problems.append(
                    Problem(rel, eentry, "document", f"{evid.document} is not among the event's sources")
                )
            elif evid.document in files:
                _check_quote(problems, files[evid.document].text, evid.quote, rel, eentry, "quote")
