"""The command line's commands (all but ``gui``): imported by :mod:`desktop.cli` only when one runs.

Kept apart from the parser so that starting the window neither compiles nor imports them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.clibase import WRITE_COMMANDS, UserError
from desktop.paths import bundled_seeds_dir
from desktop.safetext import json_safe, terminal_safe

# Archives the running command opened: closed by close_opened() when it ends (cli.main). A store left
# open at exit keeps its lock file's pid, which tells the next open that the session did not close
# cleanly: a 1.3 GB store then ran quick_check (1.1 s) before every `events`.
_OPENED: list[Any] = []


def close_opened() -> None:
    """Close every archive the command opened (its lock marked clean). Called once a command ends."""
    while _OPENED:
        _OPENED.pop().close()


def _open(args: argparse.Namespace, *, ensure_built: bool = True) -> Any:
    from desktop.services import recovery

    # The window's recovery flow, without anyone to ask: a damaged store (already set aside) stops the
    # command with what happened and the command that restores the newest verified backup.
    archive = recovery.open_archive(
        getattr(args, "db", None), read_only=getattr(args, "read_only", False)
    ).archive
    _OPENED.append(archive)
    if archive.read_only and args.command in WRITE_COMMANDS:
        raise UserError(
            f"{archive.path} is read-only ({archive.read_only}): `{args.command}` would change it"
        )
    if ensure_built and not archive.read_only and archive.is_empty() and bundled_seeds_dir().is_dir():
        print(f"Building the archive from {bundled_seeds_dir()} (first run)…", file=sys.stderr)
        report = archive.build()
        _print_build(report, stream=sys.stderr)
    return archive


def _filter(archive: Any, args: argparse.Namespace) -> Any:
    from desktop.services import DateError, EventFilter, parse_user_date

    f = EventFilter()
    for name in args.entity:
        refs = archive.resolve_entity(name)
        if not refs:
            raise UserError(
                f"no person, organisation, place or country is called {name!r} "
                "(see `archive-viewer entities`)"
            )
        for ref in refs:
            f = f.with_value(ref.type, ref.id)
    for name in args.exclude_entity:
        refs = archive.resolve_entity(name)
        if not refs:
            raise UserError(f"no person, organisation, place or country is called {name!r}")
        for ref in refs:
            f = f.with_excluded(ref.type, ref.id)
    for t in args.type:
        f = f.with_value("type", t)
    for t in args.exclude_type:
        f = f.with_excluded("type", t)
    for lang in args.lang:
        f = f.with_value("language", lang)
    try:
        date_from = parse_user_date(args.date_from, end=False) if args.date_from else None
        date_to = parse_user_date(args.date_to, end=True) if args.date_to else None
    except DateError as exc:
        raise UserError(f"--from/--to: {exc}") from exc
    from dataclasses import replace

    return replace(
        f, date_from=date_from, date_to=date_to, include_imprecise=args.include_imprecise, text=args.search
    )


def _print_build(report: Any, stream: Any = None) -> None:
    stream = stream or sys.stdout
    print(
        f"{report.documents} documents ({len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed), "
        f"{len(report.rejected)} rejected, "
        f"{report.events} events in {report.seconds:.2f} s",
        file=stream,
    )
    for r in report.rejected:
        # The reason may quote the file's name or bytes: neither may reach the terminal raw.
        print(f"  rejected {_one_line(r.name)}: {_one_line(r.reason)}", file=stream)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors:
        print(f"  {len(errors)} catalogue problem(s) — run `archive-viewer check` for the list", file=stream)


def _one_line(name: str) -> str:
    """A file name with its control characters escaped: a newline in a name must not split a report line
    (nor an escape sequence in it drive the terminal; see desktop.safetext)."""
    return terminal_safe(name)


def _progress(args: argparse.Namespace) -> Any:
    """``--progress``: 'progress DONE/TOTAL NAME' on stderr at each step boundary (between documents).

    ARCHIVE_VIEWER_TEST_PAUSE_AT=N is a test hook: the process sleeps right after reporting step N, so
    that the reliability tests can kill it exactly at that boundary.
    """
    if not getattr(args, "progress", False):
        return None
    import os
    import time

    pause_at = os.environ.get("ARCHIVE_VIEWER_TEST_PAUSE_AT")

    def report(done: int, total: int, name: str) -> None:
        print(f"progress {done}/{total} {_one_line(name)}", file=sys.stderr, flush=True)
        if pause_at is not None and pause_at == str(done):
            time.sleep(600)

    return report


def _json(data: Any) -> None:
    # Exact JSON (it parses back to the same data), but C1, DEL, bidi and invisible format characters are
    # written as \uXXXX escapes, never raw on the terminal (json.dumps escapes C0 itself).
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    sys.stdout.write("\n")


# Columns printed whole however long: the ids and paths a reader copies into the next command.
_WHOLE = frozenset({"id", "path", "record", "entity or document"})


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    # Cells come from documents: escaped first (a newline would split the row, ESC drive the terminal),
    # then measured, so that the columns line up with what is printed.
    rows = [[terminal_safe(c) for c in row] for row in rows]
    longest = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    widths = [n if h in _WHOLE else min(60, n) for n, h in zip(longest, headers, strict=True)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        cells = [(c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip())


# ------------------------------------------------------------------------------------------ commands


def cmd_build(args: argparse.Namespace) -> int:
    # Without --seeds: the catalogue folder the archive follows (`catalogue import`), else the bundled seeds.
    seeds = args.seeds
    if seeds is not None and not seeds.is_dir():
        raise UserError(f"{seeds}: no such seeds folder")
    archive = _open(args, ensure_built=False)
    report = archive.build(seeds, progress=_progress(args))
    if args.format == "json":
        from desktop.services.shapes import build_json

        _json(build_json(report))
    else:
        _print_build(report)
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    archive = _open(args)
    report = archive.import_paths(args.paths, progress=_progress(args))
    if args.format == "json":
        from desktop.services.shapes import import_json

        _json(import_json(report))
    else:
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged "
            f"(already in the archive), {len(report.rejected)} rejected, {len(report.skipped)} skipped "
            f"({report.documents} documents, {report.events} events in the archive)"
        )
        for name, other in report.same_as.items():
            print(f"  unchanged {_one_line(name)}: the same content is in the archive as {_one_line(other)}")
        for r in report.skipped:
            print(f"  skipped {_one_line(r.name)}: {_one_line(r.reason)}")
        for r in report.rejected:
            print(f"  rejected {_one_line(r.name)}: {_one_line(r.reason)}")
    return 0 if report.ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    if args.store:
        return _check_store(args)
    from desktop.catalogue.check import check_seeds

    seeds = args.seeds or bundled_seeds_dir()
    if not seeds.is_dir():
        raise UserError(f"{seeds}: no such seeds folder")
    report = check_seeds(seeds)
    for p in report.errors:
        print(f"error: {p}")
    for p in report.warnings:
        print(f"warning: {p}")
    cat = report.catalogue
    catalogued = sum(not d.uncatalogued for d in cat.documents.values())
    print(
        f"{len(report.files)} documents, {catalogued} catalogued, {len(cat.entities)} entities, "
        f"{len(cat.events)} events: {len(report.errors)} problem(s), {len(report.warnings)} warning(s)"
    )
    return 1 if report.errors else 0


def _check_store(args: argparse.Namespace) -> int:
    """``check --store``: the store's pages, links and originals; exit 1 when anything is wrong."""
    archive = _open(args, ensure_built=False)
    report = archive.verify()
    for problem in report.problems:
        print(f"error: {_one_line(problem)}")
    note = f", {report.unverifiable} without a recorded digest" if report.unverifiable else ""
    print(
        f"{archive.path}: {report.documents} document(s) checked against their SHA-256{note}; "
        f"{len(report.problems)} problem(s) in {report.seconds:.2f} s"
    )
    return 1 if report.problems else 0


_FILTER_ARGS = ("entity", "exclude_entity", "type", "exclude_type", "lang", "date_from", "date_to", "search")


def _plain_page(args: argparse.Namespace) -> list[Any] | None:
    """`events --limit N` with no filter, in date order, as a table: the page read with plain sqlite3, as the
    window's first paint reads it — no SQLAlchemy, no query layer (0.2 s of a 0.3 s budget; issue 20).
    None when the command asks for more, or the store is not ready as it is (then it opens the usual way,
    which explains, repairs or builds)."""
    if args.format == "json" or not args.limit or args.limit < 0 or args.sort != "date":
        return None
    if any(getattr(args, name, None) for name in _FILTER_ARGS) or args.include_imprecise:
        return None
    from desktop.paths import default_store_path
    from desktop.store.firstpage import read_first_page

    path = Path(args.db) if args.db is not None else default_store_path()
    return read_first_page(path, args.limit, newest_first=args.desc)


def cmd_events(args: argparse.Namespace) -> int:
    plain = _plain_page(args)
    if plain is not None:
        _print_events(plain)
        return 0
    archive = _open(args)
    f = _filter(archive, args)
    if args.limit is not None:
        if args.limit < 0:
            raise UserError(f"--limit must be 0 or more, not {args.limit}")
        # A limited listing is one page in SQL, as the window's first page: `events --limit 50` read and
        # formatted every matching event first (9.3 s at 100,000 events).
        rows = archive.page(f, args.sort, args.desc, limit=args.limit) if args.limit else []
    else:
        rows = archive.all_rows(f, args.sort, args.desc)
    if args.format == "json":
        _json(archive.events_json(rows))
    else:
        _print_events(rows)
    return 0


def _print_events(rows: Sequence[Any]) -> None:
    """The events table (rows from the query layer or the plain first page: the same fields)."""
    _table(
        [
            (r.date, ("* " if r.uncatalogued else "") + r.title, r.type, r.place, r.countries, r.key)
            for r in rows
        ],
        ("date", "title", "type", "place", "countries", "id"),
    )
    print(f"{len(rows)} event(s); * = uncatalogued")


def cmd_show(args: argparse.Namespace) -> int:
    archive = _open(args)
    event_id = archive.find_event(args.id)
    if event_id is None:
        raise UserError(f"no event with id {args.id!r} (see `archive-viewer events`)")
    detail = archive.detail(event_id)
    data = archive.detail_json(detail)
    if args.format == "json":
        _json(data)
        return 0
    # Every value comes from the documents, the catalogue or the reader: escaped before it is printed
    # (desktop.safetext). One-line fields escape newlines too; the summary and notes keep their lines.
    t = terminal_safe

    def free(text: str) -> str:
        return terminal_safe(text, newlines=True)

    print(f"{t(data['title'])}  [{t(data['id'])}]")
    print(f"{t(data['type'])} · {t(data['date'])}" + (f" · {t(data['place'])}" if data["place"] else ""))
    if data["start_reason"]:
        print(f"date inferred: {t(data['start_reason'])}")
    if data["summary"]:
        print(f"\n{free(data['summary'])}")
    if data["parent"]:
        print(f"part of: {t(data['parent']['title'])}  [{t(data['parent']['id'])}]")
    for child in data["children"]:
        print(f"part: {t(child['title'])}  [{t(child['id'])}]")
    if data["participants"]:
        print("\nparticipants:")
        for p in data["participants"]:
            print(f"  {t(p['role'])}: {t(p['name'])}" + (f" ({t(p['title'])})" if p["title"] else ""))
    for src in data["sources"]:
        print(
            f"\nsource {t(src['file'])} · {t(src['language'])} · sha256 {src['sha256']} · "
            f"{t(src['encoding'])}"
        )
        if src["text_verified"] is False:
            from desktop.textdigest import ALTERED_WARNING

            print(f"  WARNING: {ALTERED_WARNING}")
        # The original exactly as received (escaped for the terminal only), then what is known of it.
        print("--- original text ---")
        print(free(src["text"]))
        print("--- end of the original ---")
        named: dict[str, list[str]] = {}
        for m in src["mentions"]:
            if not m["in_debris"] and m["text"] not in named.setdefault(m["name"], []):
                named[m["name"]].append(m["text"])
        if named:
            print(
                "  names: "
                + "; ".join(f"{t(n)} ({', '.join(t(w) for w in written)})" for n, written in named.items())
            )
        for n in src["translation_notes"]:
            print(f"  note [{t(n['kind'])}] “{t(_quoted(n['quote']))}”: {free(n['text'])}")
        for r in src["renderings"]:
            print(f"  English rendering of paragraph {r['paragraph']}: {free(r['text'])}")
    if data["user_notes"]:
        print("\nyour notes:")
        for n in data["user_notes"]:
            print(f"  [{n['id']}] {n['updated'][:16].replace('T', ' ')}: {free(n['text'])}")
    return 0


def _quoted(words: str, most: int = 80) -> str:
    """A quotation shortened at a word boundary, with "…" where it was cut."""
    if len(words) <= most:
        return words
    cut = words.rfind(" ", 0, most)
    return words[: cut if cut > most // 2 else most].rstrip() + "…"


def cmd_documents(args: argparse.Namespace) -> int:
    archive = _open(args)
    docs = archive.documents()
    if args.format == "json":
        from desktop.services.shapes import documents_json

        _json(documents_json(docs))
    else:
        _table(
            [(d.path, d.language, d.script, d.encoding, d.published or "", d.title) for d in docs],
            ("path", "lang", "script", "encoding", "published", "title"),
        )
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    archive = _open(args)
    if args.format == "json":
        _json(archive.entities_json(args.type))
    else:
        rows = archive.entities(args.type)
        _table(
            [(e.type, e.name, " | ".join(a for a in aliases if a != e.name), e.key) for e, aliases in rows],
            ("type", "name", "aliases", "id"),
        )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.services import DEFAULT_COLUMNS

    archive = _open(args)
    columns = (
        tuple(c.strip() for c in args.columns.split(",") if c.strip()) if args.columns else DEFAULT_COLUMNS
    )
    ids = None
    if args.ids:
        ids = []
        for ident in re.split(r"[\s,;]+", args.ids.strip()):  # commas, spaces or one per line
            event_id = archive.find_event(ident)
            if event_id is None:
                raise UserError(f"--ids: no event with id {ident!r}")
            ids.append(event_id)
    f = _filter(archive, args)
    result = archive.export_csv(
        args.out, ids=ids, event_filter=f, sort=args.sort, descending=args.desc, columns=columns
    )
    print(f"wrote {result.count} event(s) to {result.path}")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    archive = _open(args)
    if args.note_command == "add":
        change = archive.add_note(args.event, args.text)
        print(f"added note {change.note} to {args.event}")
    elif args.note_command == "edit":
        archive.edit_note(args.note_id, args.text)
        print(f"edited note {args.note_id}")
    else:
        archive.delete_note(args.note_id)
        print(f"deleted note {args.note_id}")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    archive = _open(args)
    notes = archive.notes()
    if args.format == "json":
        from desktop.services.shapes import notes_json

        _json(notes_json(notes))
    else:
        _table(
            [
                (str(n.id), n.updated[:16].replace("T", " "), n.event_key, " ".join(n.text.split()))
                for n in notes
            ],
            ("note", "updated", "event", "text"),
        )
        print(f"{len(notes)} note(s)")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from desktop.services import recovery

    path = recovery.store_path(getattr(args, "db", None))
    backups = recovery.backups(path)
    for b in backups:
        print(f"{b.taken}  before {b.reason:<22} {'ok' if b.verified else 'DAMAGED':<8} {b.path}")
    print(f"{len(backups)} backup(s) of {path} in {recovery.backups_folder(path)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import recovery

    path = recovery.store_path(getattr(args, "db", None))
    restored, replaced = recovery.restore(path, args.backup)
    kept = f"; the store it replaced is kept as {replaced.name}" if replaced else ""
    print(f"restored {path} from the backup of {restored.label}{kept}")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    # A development command: the generator is test and benchmark tooling in the source checkout's
    # benchmarks/, which the installed app does not carry. The console script's path does not hold the
    # checkout, so it is also looked for beside this package (an editable install runs from there).
    try:
        from benchmarks.synth import SynthError, TargetExists, synthesize
    except ModuleNotFoundError as exc:
        if exc.name not in ("benchmarks", "benchmarks.synth"):
            raise
        checkout = Path(__file__).resolve().parent.parent
        if not (checkout / "benchmarks" / "synth.py").is_file():
            raise UserError(
                "synth is a development command: run it from a source checkout "
                "(the installed app does not carry the generator)"
            ) from None
        sys.path.append(str(checkout))
        from benchmarks.synth import SynthError, TargetExists, synthesize

    db = getattr(args, "db", None)
    if db is None:
        # Never the default store: a synthetic archive must not replace the reader's own.
        raise UserError("synth needs the file to create: --db FILE")
    if args.events < 1:
        raise UserError(f"--events must be at least 1, not {args.events}")
    tty = sys.stderr.isatty()
    shown = -1

    def progress(done: int, total: int) -> None:
        # On a terminal one line that updates in place; in a log, a line every 10 %.
        nonlocal shown
        percent = 100 * done // total if total else 100
        step = percent if tty else percent - percent % 10
        if step == shown:
            return
        shown = step
        start, end = ("\r", "\n" if percent >= 100 else "") if tty else ("", "\n")
        print(f"{start}synthesising {db}: {percent}%", end=end, file=sys.stderr, flush=True)

    try:
        report = synthesize(db, args.events, seed=args.seed, progress=progress, force=args.force)
    except TargetExists:
        raise UserError(f"{db} already exists; add --force to replace it") from None
    except SynthError as exc:
        raise UserError(str(exc)) from exc
    print(
        f"synthesised {report.events} events, {report.documents} documents, {report.people} people, "
        f"{report.organisations} organisations, {report.places} places, {report.countries} countries, "
        f"{report.mentions} mentions into {db} in {report.seconds:.1f} s"
    )
    return 0


# ------------------------------------------------------------------------------------------ editing


def _place_key(archive: Any, name: str) -> str | None:
    if not name.strip():
        return None
    places = [r for r in archive.resolve_entity(name) if r.type in ("place", "country")]
    if not places:
        raise UserError(f"--place: no place is called {name!r} (see `archive-viewer entities --type place`)")
    if len(places) > 1:
        keys = ", ".join(p.key for p in places)
        raise UserError(f"--place: {name!r} names several places ({keys}): give one of these keys")
    return str(places[0].key)


def cmd_event(args: argparse.Namespace) -> int:
    from desktop.services import date_value

    archive = _open(args)
    if args.event_command == "participant":
        change = archive.edit_participant(
            args.event, args.entity, None if args.remove else args.role, args.title
        )
        people = archive.participants(args.event)
        if args.format == "json":
            _json({"id": args.event, "changed": not change.empty, "participants": people})
        else:
            done = "nothing changed" if change.empty else "done (undo: `archive-viewer undo`)"
            print(f"{args.event}: {done}; {len(people)} participant(s)")
        return 0
    if args.event_command in ("merge", "split", "sources", "parent"):
        return _event_structure(archive, args)
    changes: dict[str, Any] = {}
    for field in ("title", "summary", "type"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    for end in ("start", "end"):
        written = getattr(args, end)
        if written is not None:
            changes[end] = date_value(written, args.certainty, args.reason)
    if args.place is not None:
        changes["place"] = _place_key(archive, args.place)
    if args.event_command == "add":
        docs = [archive.find_document(d) for d in args.document]
        passage = archive.find_passage(args.document[0], args.quote, args.occurrence) if args.quote else None
        if passage is None and not docs:
            raise UserError("say which documents report it: --document DOC (and --quote WORDS for a passage)")
        key, change = archive.create_event(changes, docs, passage, args.parent)
        if args.format == "json":
            _json({"id": key, "events": sorted(change.events), "fields": archive.event_fields(key)})
        else:
            print(f"created {key} (undo: `archive-viewer undo`)")
        return 0
    if not changes:
        raise UserError("say what to change: --title, --summary, --type, --start, --end or --place")
    change = archive.edit_event(args.event, **changes)
    fields = archive.event_fields(args.event)
    if args.format == "json":
        _json({"id": args.event, "changed": not change.empty, "fields": fields})
    elif change.empty:
        print(f"{args.event}: nothing changed (it already says so)")
    else:
        print(f"edited {args.event}: {', '.join(changes)} (undo: `archive-viewer undo`)")
    return 0


def _event_structure(archive: Any, args: argparse.Namespace) -> int:
    """``event merge``, ``split``, ``sources`` and ``parent``: one undoable step each."""
    key = args.event
    if args.event_command == "merge":
        change = archive.merge_events(key, args.other)
        said = f"merged {args.other} into {key}"
    elif args.event_command == "split":
        new, change = archive.split_event(key, args.title, [archive.find_document(d) for d in args.document])
        said = f"split {new} off {key}"
    elif args.event_command == "sources":
        change = archive.set_sources(key, [archive.find_document(d) for d in args.document])
        said = f"{key} is reported by {len(args.document)} document(s)"
    else:
        change = archive.set_parent(key, args.parent)
        said = f"{key} is part of {args.parent}" if args.parent else f"{key} is part of no event"
    if args.format == "json":
        data: dict[str, Any] = {"id": key, "changed": not change.empty, "events": sorted(change.events)}
        if args.event_command == "split":
            data["created"] = new
        _json(data)
    else:
        print(f"{said} (undo: `archive-viewer undo`)" if not change.empty else f"{key}: nothing changed")
    return 0


def cmd_suggestions(args: argparse.Namespace) -> int:
    from desktop.services.shapes import suggestions_json

    archive = _open(args)
    if args.suggestions_command == "list":
        rows = archive.suggestions(args.event, args.kind)
        if args.undecided:
            rows = [r for r in rows if r.decision is None]
        if args.format == "json":
            _json(suggestions_json(rows))
            return 0
        _table(
            [
                (
                    str(r.id),
                    r.event,
                    r.kind,
                    " ".join(r.value.split()),
                    f"{r.confidence:.0%}",
                    r.decision or "",
                    " ".join(r.reason.split()),
                )
                for r in rows
            ],
            ("number", "event", "kind", "value", "conf.", "decision", "reason"),
        )
        print(f"{len(rows)} proposal(s)")
        return 0
    try:
        ids = [int(i) for i in args.ids]
    except ValueError:
        raise UserError(
            "proposal numbers are whole numbers (see `archive-viewer suggestions list`)"
        ) from None
    decision = "accepted" if args.suggestions_command == "accept" else "rejected"
    change = archive.decide_suggestions(ids, decision)
    if args.format == "json":
        _json({"decision": decision, "ids": ids, "events": sorted(change.events)})
    else:
        print(f"{decision} {len(ids)} proposal(s) (undo: `archive-viewer undo`)")
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    archive = _open(args)
    if args.entity_command == "merge":
        preview = archive.merge_preview(args.keep, args.duplicate)
        if not args.preview:
            archive.merge_entities(args.keep, args.duplicate)
        if args.format == "json":
            _json({"merged": not args.preview, **preview})
            return 0
        _table(
            [
                (side, p["key"], p["name"], str(len(p["names"])), str(p["mentions"]), str(p["events"]))
                for side, p in (("keep", preview["keep"]), ("duplicate", preview["duplicate"]))
            ],
            ("", "entity", "name", "names", "mentions", "events"),
        )
        if args.preview:
            print("nothing changed (preview); run again without --preview to merge")
        else:
            dup, keep = preview["duplicate"]["key"], preview["keep"]["key"]
            print(f"merged {dup} into {keep} (undo: `archive-viewer undo`)")
        return 0
    if args.entity_command == "rename":
        if args.name is None and args.native is None:
            raise UserError("say what to change: --name and/or --native")
        change = archive.rename_entity(args.entity, args.name, args.native, args.native_lang)
        if args.format == "json":
            _json({"entity": args.entity, "changed": not change.empty, "events": sorted(change.events)})
        else:
            print(
                f"renamed {args.entity} (undo: `archive-viewer undo`)"
                if not change.empty
                else "nothing changed"
            )
        return 0
    if args.entity_command == "flag":
        archive.flag_entity(args.entity, None if args.clear else args.reason)
        if args.format == "json":
            _json({"entity": args.entity, "flagged": not args.clear, "reason": args.reason})
        else:
            said = "cleared the flag of" if args.clear else "flagged"
            print(f"{said} {args.entity} (undo: `archive-viewer undo`)")
        return 0
    if args.entity_command == "add":
        key, change = archive.create_entity(args.type, args.name, args.native, args.native_lang, args.country)
        if args.format == "json":
            _json({"created": key, "type": args.type, "name": args.name, "events": sorted(change.events)})
        else:
            print(f"created {key} (undo: `archive-viewer undo`)")
        return 0
    if args.alias_command == "add":
        change = archive.add_alias(args.entity, args.name, args.lang, args.kind)
        said = f"added the name {args.name!r} to {args.entity}"
    else:
        change = archive.remove_alias(args.entity, args.name)
        said = f"removed the name {args.name!r} from {args.entity}"
    if args.format == "json":
        _json({"entity": args.entity, "name": args.name, "alias": args.alias_command,
               "events": sorted(change.events)})  # fmt: skip
    else:
        print(f"{said} (undo: `archive-viewer undo`)")
    return 0


def _link_or_unlink(args: argparse.Namespace, entity: str | None) -> int:
    archive = _open(args)
    doc_id, start, end = archive.find_passage(args.document, args.quote, args.occurrence)
    change = archive.link_passage(doc_id, start, end, entity)
    if args.format == "json":
        _json({"document": doc_id, "start": start, "end": end, "quote": args.quote, "entity": entity,
               "events": sorted(change.events)})  # fmt: skip
    elif entity is None:
        print(f"unlinked “{args.quote}” (undo: `archive-viewer undo`)")
    else:
        print(f"linked “{args.quote}” to {entity} (undo: `archive-viewer undo`)")
    return 0


def cmd_flag(args: argparse.Namespace) -> int:
    archive = _open(args)
    doc_id, start, end = archive.find_passage(args.document, args.quote, args.occurrence)
    archive.flag_passage(doc_id, start, end, None if args.clear else args.reason)
    if args.format == "json":
        _json({"document": doc_id, "start": start, "end": end, "quote": args.quote, "flagged": not args.clear,
               "reason": args.reason})  # fmt: skip
    else:
        said = "cleared the flag of" if args.clear else "flagged"
        print(f"{said} “{args.quote}” (undo: `archive-viewer undo`)")
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    archive = _open(args)
    flags = archive.flags()
    if args.format == "json":
        _json(flags)
        return 0
    _table(
        [
            (
                f["kind"],
                f["key"],
                f.get("name") or f.get("quote") or "",
                f["reason"] or "",
                f["author"],
                f["at"][:16].replace("T", " "),
            )
            for f in flags
        ],
        ("flagged", "entity or document", "name or words", "why", "who", "when (UTC)"),
    )
    print(f"{len(flags)} flag(s)")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    return _link_or_unlink(args, args.entity)


def cmd_unlink(args: argparse.Namespace) -> int:
    return _link_or_unlink(args, None)


def _print_edits(rows: Sequence[Any]) -> None:
    from desktop.services.shapes import edit_value_text as shown

    _table(
        [
            (
                str(r.batch),
                r.at[:16].replace("T", " "),
                r.author,
                r.target_key,
                r.field,
                shown(r.old),
                shown(r.new),
                "undone" if r.undone else "",
            )
            for r in rows
        ],
        ("step", "when (UTC)", "who", "record", "field", "was", "now", ""),
    )


def cmd_catalogue(args: argparse.Namespace) -> int:
    archive = _open(args)
    folder = args.folder.expanduser()
    if args.catalogue_command == "export":
        done = archive.export_catalogue(folder)
        if args.format == "json":
            _json(done)
        else:
            print(
                f"wrote {done['documents']} documents, {done['entities']} entities, {done['events']} events "
                f"and {done['document_files']} document files to {_one_line(str(folder))}"
            )
            for rel in done["removed"]:
                print(f"  removed {_one_line(rel)} (no longer in the archive)")
            for problem in done["problems"]:
                print(f"  left out {_one_line(problem)}")
        return 1 if done["problems"] else 0
    preview = archive.catalogue_changes(folder)
    applied = None
    if args.apply and not preview["problems"]:
        applied = archive.import_catalogue(folder, progress=_progress(args))
    if args.format == "json":
        from desktop.services.shapes import build_json

        _json({**preview, "applied": build_json(applied) if applied is not None else None})
    else:
        for c in preview["changes"]:
            print(f"{c['change']:8} {c['record']:8} {_one_line(c['key'])}")
            for name, values in c["fields"].items():
                was, now = (_one_line(str(values[k]))[:100] for k in ("was", "now"))
                print(f"           {name}: {was} → {now}")
        print(f"{len(preview['changes'])} change(s)")
        for problem in preview["problems"]:
            print(f"  problem: {_one_line(problem)}")
        if applied is not None:
            _print_build(applied)
        elif preview["problems"]:
            print("nothing was changed: fix the problems first (`archive-viewer check --seeds DIR`)")
        elif not args.apply:
            print("nothing was changed (preview); run again with --apply to build the archive from it")
    return 1 if preview["problems"] else 0


def cmd_history(args: argparse.Namespace) -> int:
    from desktop.services.shapes import history_json

    archive = _open(args)
    rows = archive.history(args.event, entity=args.entity)
    if args.format == "json":
        _json(history_json(rows))
    else:
        _print_edits(rows)
        print(f"{len(rows)} edit(s)")
    return 0


def _undo_redo(args: argparse.Namespace, redo: bool) -> int:
    from desktop.services.shapes import history_json

    archive = _open(args)
    rows = (archive.redo() if redo else archive.undo()).rows
    if args.format == "json":
        _json(history_json(rows))
    elif not rows:
        print("nothing to redo" if redo else "nothing to undo")
    else:
        print(("redid" if redo else "undid") + f" step {rows[0].batch}:")
        _print_edits(rows)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    return _undo_redo(args, redo=False)


def cmd_redo(args: argparse.Namespace) -> int:
    return _undo_redo(args, redo=True)


# ------------------------------------------------------------------------------------------ shared archive


def cmd_server(args: argparse.Namespace) -> int:
    from desktop.services import grant_role, init_server

    if args.action == "init":
        report = init_server(args.address)
        made = "created the database and" if report.created else "found the database;"
        before = report.revision_before or "none"
        print(
            f"{made} brought the archive from schema {before} to {report.revision_after}; "
            f"roles: {', '.join(report.roles)}"
        )
        if report.revision_before is None:
            from desktop.store.address import redact

            print(f"next: archive-viewer publish FILE --to {redact(args.address)}", file=sys.stderr)
        return 0
    grant_role(args.address, args.person, args.role)
    print(f"{args.person} is now {args.role} of the archive")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from desktop.services import Archive

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"{source}: no such archive file")
    archive = Archive.open(source, read_only=True)
    _OPENED.append(archive)
    report = archive.publish(args.to, progress=_copy_progress)
    print(
        f"published {source} to the server: {report.total} rows in {len(report.rows)} tables, "
        f"{report.indexed} events indexed for search",
        file=sys.stderr,
    )
    return 0


def cmd_clone(args: argparse.Namespace) -> int:
    from desktop.services import Archive

    target = Path(args.to)
    if target.exists():
        raise UserError(f"{target} already exists: clone into a new file")
    archive = Archive.open(args.address, read_only=True)
    _OPENED.append(archive)
    report = archive.clone(target, progress=_copy_progress)
    print(
        f"copied the shared archive into {target}: {report.total} rows; it opens read-only, with your "
        "notes writable (send them back with `archive-viewer push`)",
        file=sys.stderr,
    )
    return 0


def _copy_progress(table: str, rows: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {table}: {rows} rows", end="", file=sys.stderr, flush=True)


def cmd_push(args: argparse.Namespace) -> int:
    from desktop.services import Archive

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"{source}: no such file")
    archive = Archive.open(source)
    _OPENED.append(archive)
    report = archive.push(args.to)
    print(
        f"sent {report.added} new, {report.updated} edited and {report.deleted} deleted note(s); "
        f"{len(report.conflicts)} conflict(s)"
    )
    for line in report.conflicts:
        print(f"  conflict: {line}")
    return 0
