"""What another archivist's catalogue files would change in this archive, before anything is changed
(``archive-viewer catalogue import``, issue 18): entity by entity, event by event, document by document,
field by field — the preview a reviewer reads like a diff."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.catalogue.model import Catalogue, DocumentEntry, EntityEntry, EventEntry


class CatalogueError(ValueError):
    """Catalogue files that cannot be written or taken in; the message names the folder and what to do."""


@dataclass(frozen=True)
class CatalogueChange:
    """One record the files add, remove or change; for a change, the fields that differ (was → now)."""

    record: str  # entity | event | document (its catalogue file) | file (the document itself)
    key: str
    change: str  # added | removed | changed
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "key": self.key,
            "change": self.change,
            "fields": {f: {"was": was, "now": now} for f, (was, now) in self.fields.items()},
        }


def _entity(e: EntityEntry) -> dict[str, Any]:
    out = asdict(e)
    out["aliases"] = sorted(f"{a.text} ({a.lang or '-'}, {a.kind})" for a in e.aliases)
    return out


def _event(e: EventEntry) -> dict[str, Any]:
    out = asdict(e)
    for end in ("start", "end"):
        d = getattr(e, end)
        out[end] = " ".join(x for x in (d.value or "unknown", d.certainty, d.reason or "") if x)
    out["participants"] = sorted(f"{p.entity} ({p.role})" for p in e.participants)
    out["evidence"] = len(e.evidence)
    out["given"] = sorted(e.given) if e.given is not None else None
    return out


def _document(d: DocumentEntry) -> dict[str, Any]:
    out = asdict(d)
    for name in ("published", "debris", "notes", "links", "renderings"):
        out[name] = len(getattr(d, name))  # counted: the preview says how many, not each one
    out["notes"] = sorted(f"{n.kind}: {n.quote.text}" for n in d.notes)
    out["links"] = sorted(f"{x.quote.text} → {x.entity}" for x in d.links)
    out.pop("catalogue_file", None)
    out.pop("raw_digest", None)
    return out


def _compare(record: str, was: dict[str, Any], now: dict[str, Any], shape: Any) -> list[CatalogueChange]:
    out: list[CatalogueChange] = []
    for key in sorted(set(was) | set(now)):
        if key not in was:
            out.append(CatalogueChange(record, key, "added"))
        elif key not in now:
            out.append(CatalogueChange(record, key, "removed"))
        else:
            a, b = shape(was[key]), shape(now[key])
            fields = {f: (a.get(f), b.get(f)) for f in sorted(set(a) | set(b)) if a.get(f) != b.get(f)}
            if fields:
                out.append(CatalogueChange(record, key, "changed", fields))
    return out


def catalogue_changes(
    current: Catalogue,
    incoming: Catalogue,
    current_files: dict[str, str],
    incoming_files: dict[str, str],
) -> list[CatalogueChange]:
    """Every difference from ``current`` to ``incoming``; ``*_files``: document file name → SHA-256."""
    changes = _compare("entity", current.entities, incoming.entities, _entity)
    changes += _compare("event", current.events, incoming.events, _event)
    by_sha = {sha: name for name, sha in current_files.items()}
    for name in sorted(set(current_files) | set(incoming_files)):
        if name not in current_files:
            known = by_sha.get(incoming_files[name])
            fields = {"file": (known, name)} if known else {}
            changes.append(CatalogueChange("file", name, "changed" if known else "added", fields))
        elif name not in incoming_files:
            if current_files[name] not in incoming_files.values():
                changes.append(CatalogueChange("file", name, "removed"))
        elif current_files[name] != incoming_files[name]:
            shas = (current_files[name], incoming_files[name])
            changes.append(CatalogueChange("file", name, "changed", {"sha256": shas}))
    changes += _compare("document", current.documents, incoming.documents, _document)
    return changes
