"""``archive-viewer``: the command line. It calls the same services as the window.

A user error is one clear line on stderr and a non-zero exit; an unexpected failure is one line too, with
the full details written to a log file in the data folder — never a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.clibase import EXIT_INTERNAL, EXIT_USER_ERROR, UserError
from desktop.paths import DATA_ENV
from desktop.store.address import store_address

# queries.SORT_KEYS, spelled out so that `--help` need not import the query layer (a test keeps them equal).
SORT_CHOICES = ("date", "title", "type", "place", "countries", "languages", "sources", "relevance")


class _Only:
    """``add_subparsers()``'s result, adding only the named command's parser."""

    def __init__(self, subparsers: Any, name: str) -> None:
        self.subparsers, self.name = subparsers, name

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self.subparsers.add_parser(name, **kwargs) if name == self.name else _Unused()


class _Unused:
    """Stands for the sub-parser of a command that is not being run: every call on it is ignored."""

    def __getattr__(self, _name: str) -> Any:
        return lambda *_args, **_kwargs: self


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line. ``only``: build just that command's sub-parser (the others are ignored).

    Building all fourteen costs 8-15 ms, a tenth of a bare window's start; ``archive-viewer gui …`` needs
    only its own (its help, errors and values are the same either way).
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=store_address,
        default=argparse.SUPPRESS,
        help=f"the archive store: a file (default: archive.sqlite in ${DATA_ENV} or the user data folder), "
        "or a shared archive's server, postgresql://[user@]host[:port]/database",
    )
    common.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="open the store read-only: nothing can be changed (also when the file or folder is read-only)",
    )
    parser = argparse.ArgumentParser(
        prog="archive-viewer",
        parents=[common],
        description="Offline viewer for a multilingual archive of China–Belarus cooperation events.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (window offscreen, a temporary store, a filter, an export) and exit",
    )
    parser.add_argument("--self-test-screenshot", type=Path, metavar="PNG", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub: Any = subparsers if only is None else _Only(subparsers, only)

    p = sub.add_parser("build", parents=[common], help="build or refresh the store from a seeds folder")
    p.add_argument("--seeds", type=Path, default=None, help="seeds folder (default: the bundled seeds/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--progress", action="store_true", help="print a line on stderr before each document")

    p = sub.add_parser("import", parents=[common], help="import documents (files or folders)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--progress", action="store_true", help="print a line on stderr before each document")

    p = sub.add_parser("check", parents=[common], help="validate the seeds and their catalogue, or the store")
    p.add_argument("--seeds", type=Path, default=None, help="seeds folder (default: the bundled seeds/)")
    p.add_argument(
        "--store",
        action="store_true",
        help="check the archive store instead: every page and link, and every original against its SHA-256",
    )

    def add_filters(p: argparse.ArgumentParser) -> None:
        g = p.add_argument_group("filters")
        g.add_argument(
            "--entity",
            action="append",
            default=[],
            metavar="NAME",
            help="a person, organisation, place or country: its name or any alias, any script",
        )
        g.add_argument("--exclude-entity", action="append", default=[], metavar="NAME")
        g.add_argument("--type", action="append", default=[], metavar="T", help="event type (repeatable)")
        g.add_argument("--exclude-type", action="append", default=[], metavar="T")
        g.add_argument("--lang", action="append", default=[], metavar="L", help="language code (repeatable)")
        g.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
        g.add_argument("--to", dest="date_to", metavar="DATE")
        g.add_argument(
            "--include-imprecise",
            "--include-undated",
            action="store_true",
            help="also events that may fall in the date range, and undated ones",
        )
        g.add_argument("--search", metavar="TEXT", help="full text: originals, titles, notes, aliases")
        g.add_argument(
            "--sort",
            default="date",
            metavar="COL",
            help="date, title, type, place, countries, languages, sources; relevance (with --search)",
        )
        g.add_argument("--desc", action="store_true", help="sort descending")

    p = sub.add_parser("events", parents=[common], help="list events")
    add_filters(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--limit", type=int, default=None)

    p = sub.add_parser("show", parents=[common], help="one event with its sources, mentions and notes")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("documents", parents=[common], help="list documents")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("entities", parents=[common], help="list the authority: names and aliases")
    p.add_argument("--type", choices=("person", "organisation", "place", "country"))
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("gui", parents=[common], help="open the window (the default for ./run app)")
    p.add_argument("--screenshot", type=Path, metavar="FILE", help="render the window to a PNG and exit")
    p.add_argument("--size", metavar="WxH", help="window size for --screenshot (default 1280x800)")
    p.add_argument("--select", metavar="EVENT_ID", help="select this event")
    p.add_argument("--search", metavar="TEXT", help="search for this text")

    p = sub.add_parser("export", parents=[common], help="export events to CSV")
    add_filters(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--ids", metavar="ID,…", help="export exactly these events, in this order")
    p.add_argument("--columns", metavar="C,…", help="columns to export (default: all standard columns)")

    p = sub.add_parser("note", parents=[common], help="add, edit or delete your own note on an event")
    note_sub = p.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    n = note_sub.add_parser("add", parents=[common], help="add a note to an event")
    n.add_argument("event", metavar="EVENT_ID", help="the event's id (see `archive-viewer events`)")
    n.add_argument("text", metavar="TEXT")
    n = note_sub.add_parser("edit", parents=[common], help="replace a note's text")
    n.add_argument(
        "note_id", type=int, metavar="NOTE_ID", help="the note's number (see `archive-viewer notes`)"
    )
    n.add_argument("text", metavar="TEXT")
    n = note_sub.add_parser("delete", parents=[common], help="delete a note")
    n.add_argument("note_id", type=int, metavar="NOTE_ID")

    p = sub.add_parser("notes", parents=[common], help="list your notes on events")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("event", parents=[common], help="edit an event (each edit one undoable step)")
    event_sub = p.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    e = event_sub.add_parser(
        "edit", parents=[common], help="set an event's title, summary, type, dates or place"
    )
    e.add_argument("event", metavar="EVENT_ID", help="the event's id (see `archive-viewer events`)")
    e.add_argument("--title", metavar="TEXT")
    e.add_argument("--summary", metavar="TEXT", help="'' removes it")
    e.add_argument("--type", metavar="TYPE", help="an event type (see `archive-viewer events --help`)")
    e.add_argument("--start", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD; '' for unknown")
    e.add_argument("--end", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD; '' for unknown")
    e.add_argument(
        "--certainty",
        choices=("stated", "inferred", "unknown"),
        default="stated",
        help="of the dates given (default: stated); inferred needs --reason",
    )
    e.add_argument("--reason", metavar="TEXT", help="why the dates given are so")
    e.add_argument("--place", metavar="NAME", help="a place of the authority, in any script; '' for none")
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser(
        "add", parents=[common], help="make an event reported by documents, or by a passage of one"
    )
    e.add_argument("--title", metavar="TEXT", required=True)
    e.add_argument("--document", action="append", default=[], metavar="DOC",
                   help="a document that reports it (file name, number or SHA-256); repeatable")  # fmt: skip
    e.add_argument("--quote", metavar="WORDS", help="words of the first --document: its evidence")
    e.add_argument("--occurrence", type=int, default=1, metavar="K", help="the K-th time the words occur")
    e.add_argument("--summary", metavar="TEXT")
    e.add_argument("--type", metavar="TYPE", help="an event type (default: other)")
    e.add_argument("--start", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    e.add_argument("--end", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    e.add_argument("--certainty", choices=("stated", "inferred", "unknown"), default="stated")
    e.add_argument("--reason", metavar="TEXT", help="why the dates are so (needed when inferred)")
    e.add_argument("--place", metavar="NAME", help="a place of the authority, in any script")
    e.add_argument("--parent", metavar="EVENT_ID", help="the event it is part of")
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser("merge", parents=[common], help="merge OTHER into EVENT_ID (one undoable step)")
    e.add_argument("event", metavar="EVENT_ID", help="the event that stays")
    e.add_argument(
        "other", metavar="OTHER", help="the event merged into it (its sources and participants join)"
    )
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser("split", parents=[common], help="make a second event of one (its dates, place)")
    e.add_argument("event", metavar="EVENT_ID")
    e.add_argument("--title", metavar="TEXT", required=True, help="the new event's title")
    e.add_argument("--document", action="append", default=[], metavar="DOC",
                   help="a source moving to the new event (repeatable; default: the first)")  # fmt: skip
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser("sources", parents=[common], help="set the documents that report an event")
    e.add_argument("event", metavar="EVENT_ID")
    e.add_argument("document", nargs="+", metavar="DOC", help="file name, number or SHA-256 of each")
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser("parent", parents=[common], help="set the event an event is part of")
    e.add_argument("event", metavar="EVENT_ID")
    e.add_argument("parent", nargs="?", metavar="PARENT", help="the containing event; omitted: none")
    e.add_argument("--format", choices=("table", "json"), default="table")
    e = event_sub.add_parser(
        "participant", parents=[common], help="add a participant with a role, change its role, or remove it"
    )
    e.add_argument("event", metavar="EVENT_ID")
    e.add_argument("entity", metavar="ENTITY", help="a person, organisation or place: a key or any name")
    who = e.add_mutually_exclusive_group(required=True)
    who.add_argument("--role", metavar="ROLE", help="organiser, host, speaker, signatory, participant…")
    who.add_argument("--remove", action="store_true", help="it does not take part after all")
    e.add_argument("--title", metavar="TEXT", help="the title they held (Ambassador, rector…)")
    e.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser(
        "suggestions", parents=[common], help="list, accept or reject the first pass's proposals"
    )
    sugg_sub = p.add_subparsers(dest="suggestions_command", metavar="ACTION", required=True)
    g = sugg_sub.add_parser("list", parents=[common], help="the proposals, with their numbers and decisions")
    g.add_argument("event", nargs="?", metavar="EVENT_ID", help="only this event's")
    g.add_argument("--kind", metavar="KIND", help="only proposals of this kind (title, place, new_person…)")
    g.add_argument("--undecided", action="store_true", help="only those nobody has accepted or rejected")
    g.add_argument("--format", choices=("table", "json"), default="table")
    for action, what in (("accept", "accept proposals"), ("reject", "reject proposals (they stay rejected)")):
        g = sugg_sub.add_parser(action, parents=[common], help=what)
        g.add_argument("ids", nargs="+", metavar="NUMBER", help="proposal numbers (see `suggestions list`)")
        g.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("entity", parents=[common], help="edit the authority: names, merges (undoable)")
    entity_sub = p.add_subparsers(dest="entity_command", metavar="ACTION", required=True)
    g = entity_sub.add_parser("merge", parents=[common], help="merge DUPLICATE into KEEP (one undoable step)")
    g.add_argument("keep", metavar="KEEP", help="the entity that stays (a key or any of its names)")
    g.add_argument("duplicate", metavar="DUPLICATE", help="the entity merged into it")
    g.add_argument("--preview", action="store_true", help="show both side by side; change nothing")
    g.add_argument("--format", choices=("table", "json"), default="table")
    g = entity_sub.add_parser("add", parents=[common], help="a new person, organisation or place")
    g.add_argument("type", choices=("person", "organisation", "place"), metavar="TYPE",
                   help="person, organisation or place")  # fmt: skip
    g.add_argument("name", metavar="NAME", help="its name in English where one is established")
    g.add_argument("--native", metavar="NAME", help="its name in its own language and script")
    g.add_argument("--native-lang", metavar="CODE", help="the native name's language (ru, be, zh…)")
    g.add_argument("--country", metavar="COUNTRY", help="its country: a key or any name")
    g.add_argument("--format", choices=("table", "json"), default="table")
    g = entity_sub.add_parser("rename", parents=[common], help="another canonical or native name")
    g.add_argument("entity", metavar="ENTITY", help="a key or any of its names")
    g.add_argument("--name", metavar="NAME", help="the canonical name (English where one is established)")
    g.add_argument("--native", metavar="NAME", help="the name in its own language and script ('' removes it)")
    g.add_argument("--native-lang", metavar="CODE", help="the native name's language (ru, be, zh…)")
    g.add_argument("--format", choices=("table", "json"), default="table")
    g = entity_sub.add_parser("flag", parents=[common], help="flag an entity for later review, or clear it")
    g.add_argument("entity", metavar="ENTITY", help="a key or any of its names")
    how = g.add_mutually_exclusive_group(required=True)
    how.add_argument("--reason", metavar="TEXT", help="why it needs another look")
    how.add_argument("--clear", action="store_true", help="it has been looked at")
    g.add_argument("--format", choices=("table", "json"), default="table")
    alias = entity_sub.add_parser("alias", parents=[common], help="add or remove a name of an entity")
    alias_sub = alias.add_subparsers(dest="alias_command", metavar="ACTION", required=True)
    g = alias_sub.add_parser("add", parents=[common], help="give an entity another name")
    g.add_argument("entity", metavar="ENTITY", help="a key or any of its names")
    g.add_argument("name", metavar="NAME")
    g.add_argument("--lang", metavar="CODE", help="the name's language (ISO 639-1: ru, zh, de…)")
    g.add_argument(
        "--kind",
        default="variant",
        choices=("variant", "translation", "transliteration", "abbreviation", "short form", "misspelling"),
    )
    g.add_argument("--format", choices=("table", "json"), default="table")
    g = alias_sub.add_parser("remove", parents=[common], help="take a name away from an entity")
    g.add_argument("entity", metavar="ENTITY")
    g.add_argument("name", metavar="NAME")
    g.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser(
        "flag", parents=[common], help="flag words of a document that nothing fits, for review"
    )
    p.add_argument(
        "document", metavar="DOCUMENT", help="a document's file name, number or SHA-256, or an event id"
    )
    p.add_argument("quote", metavar="WORDS", help="the words, exactly as the original writes them")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--reason", metavar="TEXT", help="why they need another look")
    how.add_argument("--clear", action="store_true", help="they have been looked at")
    p.add_argument("--occurrence", type=int, default=1, metavar="K", help="the K-th time the words occur")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p = sub.add_parser("flags", parents=[common], help="what is flagged for review: entities and passages")
    p.add_argument("--format", choices=("table", "json"), default="table")
    for action, what in (
        ("link", "link words of a document to an entity (one undoable step)"),
        ("unlink", "take a reader's link from words of a document"),
    ):
        p = sub.add_parser(action, parents=[common], help=what)
        p.add_argument(
            "document", metavar="DOCUMENT", help="a document's file name, number or SHA-256, or an event id"
        )
        p.add_argument("quote", metavar="WORDS", help="the words, exactly as the original writes them")
        if action == "link":
            p.add_argument("entity", metavar="ENTITY", help="a key or any of its names")
        p.add_argument("--occurrence", type=int, default=1, metavar="K", help="the K-th time the words occur")
        p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser(
        "catalogue", parents=[common], help="share the catalogue as files: export it, or take in another's"
    )
    cat_sub = p.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    g = cat_sub.add_parser(
        "export", parents=[common], help="write the catalogue with every edit into DIR (catalogue files)"
    )
    g.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder, or a former export")
    g.add_argument("--format", choices=("table", "json"), default="table")
    g = cat_sub.add_parser(
        "import", parents=[common], help="show what another archivist's catalogue files would change; --apply"
    )
    g.add_argument(
        "folder", type=Path, metavar="DIR", help="a catalogue folder (as `catalogue export` writes)"
    )
    g.add_argument("--apply", action="store_true", help="build the archive from it (a backup is taken first)")
    g.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("history", parents=[common], help="the edits made, oldest first (undone ones too)")
    p.add_argument(
        "event",
        nargs="?",
        metavar="EVENT_ID",
        help="only this event's, its documents' too",
    )
    p.add_argument(
        "--entity", metavar="ENTITY", help="only this entity's (a key or any name), merges into it too"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    for action in ("undo", "redo"):
        p = sub.add_parser(action, parents=[common], help=f"{action} the last edit step")
        p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("backups", parents=[common], help="list the store's verified backups, newest first")
    p = sub.add_parser(
        "restore", parents=[common], help="put a backup in place of the store (the current one is kept aside)"
    )
    p.add_argument("backup", nargs="?", type=Path, metavar="BACKUP", help="default: the newest verified one")

    p = sub.add_parser(
        "server",
        parents=[common],
        help="set up a shared archive on a PostgreSQL server, and its team's roles",
    )
    server_sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    g = server_sub.add_parser(
        "init", parents=[common], help="create or upgrade the archive and its four roles (safe to repeat)"
    )
    g.add_argument("address", metavar="URL", help="postgresql://[user@]host[:port]/database")
    g = server_sub.add_parser(
        "grant", parents=[common], help="give a person's login role one of the archive's roles"
    )
    g.add_argument("address", metavar="URL", help="postgresql://[user@]host[:port]/database")
    g.add_argument("person", metavar="LOGIN", help="the person's login role on the server")
    g.add_argument("role", choices=("reader", "cataloguer", "archivist", "admin"))

    p = sub.add_parser(
        "publish", parents=[common], help="upload a local archive (notes and edits included) to a server"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the local archive (.sqlite)")
    p.add_argument("--to", required=True, metavar="URL", help="the new shared archive (after `server init`)")
    p = sub.add_parser(
        "clone", parents=[common], help="copy a shared archive into a local file, to read offline"
    )
    p.add_argument("address", metavar="URL", help="postgresql://[user@]host[:port]/database")
    p.add_argument("--to", required=True, type=Path, metavar="FILE", help="the local copy to create")
    p = sub.add_parser(
        "push", parents=[common], help="send the notes written in an offline copy back to its server"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the offline copy (made by clone)")
    p.add_argument("--to", metavar="URL", help="the server (default: the one it was cloned from)")

    p = sub.add_parser(
        "synth",
        parents=[common],
        help="generate a synthetic archive of any size into --db FILE (benchmarks, GUI tests)",
    )
    p.add_argument(
        "--events", type=int, required=True, metavar="N", help="how many events (100 to 1,000,000)"
    )
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same archive")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


# ------------------------------------------------------------------------------------------ helpers


def _disk_full(exc: BaseException, args: argparse.Namespace) -> str | None:
    """The message for a full disk (ENOSPC/EDQUOT, or SQLite's 'database or disk is full'), else None."""
    import errno

    seen: BaseException | None = exc
    while seen is not None:
        full = isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT)
        if full or "database or disk is full" in str(seen):
            db = getattr(args, "db", None) or "the archive store"
            return (
                f"the disk is full while writing {db}: what was being written was not kept and the store "
                "is as it was before it; free some space and run the command again"
            )
        seen = seen.__cause__ or seen.__context__
    return None


def cmd_gui(args: argparse.Namespace) -> int:
    if args.size and not re.fullmatch(r"\d{2,5}x\d{2,5}", args.size.lower()):
        raise UserError(f"--size {args.size!r}: use WIDTHxHEIGHT, e.g. 1280x800")
    from desktop.gui.app import run_gui

    return run_gui(
        getattr(args, "db", None),
        args.screenshot,
        args.size,
        args.select,
        args.search,
        read_only=getattr(args, "read_only", False),
    )


# Every command but `gui` lives in desktop.commands, imported only when one of them runs: the window's
# start does not compile or import them (see docs/performance.md, cold start).
COMMANDS = (
    "build",
    "import",
    "check",
    "events",
    "show",
    "documents",
    "gui",
    "entities",
    "export",
    "synth",
    "note",
    "notes",
    "event",
    "entity",
    "link",
    "unlink",
    "flag",
    "flags",
    "suggestions",
    "catalogue",
    "history",
    "undo",
    "redo",
    "backups",
    "restore",
    "server",
    "publish",
    "clone",
    "push",
)
# The errors a user can fix, named by module: ``main`` tells them in one line. Importing these modules to
# catch their errors would put SQLAlchemy (engine, notes, the export) on every command's start path, the
# window's included; an error can only have been raised if its module was imported, so the check looks in
# the modules already loaded.
USER_ERRORS = (
    ("desktop.store.engine", "StoreError"),
    ("desktop.export.csv_export", "ExportError"),
    ("desktop.search", "QueryError"),
    ("desktop.dates", "DateError"),
    ("desktop.notes", "NoteError"),
    ("desktop.editing.eventfields", "EditError"),
    ("desktop.catalogue.diff", "CatalogueError"),
    ("desktop.store.server", "ServerError"),
)


def _command(name: str) -> Any:
    """The function that runs a command (``cmd_<name>``); all but ``gui`` are imported on demand."""
    if name == "gui":
        return cmd_gui
    from desktop import commands

    return getattr(commands, f"cmd_{name}")


def _is_user_error(exc: BaseException) -> bool:
    if isinstance(exc, UserError):
        return True
    for module_name, class_name in USER_ERRORS:
        module = sys.modules.get(module_name)
        error = getattr(module, class_name, None) if module is not None else None
        if isinstance(error, type) and isinstance(exc, error):
            return True
    return False


def _summary(exc: BaseException, limit: int = 200) -> str:
    """An unexpected error in one short line: its type and first line, never a statement or a traceback.

    SQLAlchemy's database errors append the whole SQL statement (kilobytes, several lines) to their text;
    the driver's own error (``.orig``) says what went wrong in words. The full text goes to the log.
    """
    inner = getattr(exc, "orig", None) or exc
    lines = str(inner).strip().splitlines()
    first = lines[0] if lines else ""
    if len(first) > limit:
        first = first[: limit - 1] + "…"
    from desktop.safetext import terminal_safe

    return terminal_safe(f"{type(inner).__name__}: {first}" if first else type(inner).__name__)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The window's start (`archive-viewer gui …`) builds only its own sub-parser; anything else, all.
    parser = _parser(only="gui" if arguments[:1] == ["gui"] else None)
    args = parser.parse_args(arguments)
    if args.self_test:
        from desktop.gui.selftest import run_self_test

        return run_self_test(args.self_test_screenshot)
    if not args.command:
        if getattr(sys, "frozen", False):
            # The installed app started from a menu or a double-click: open the window.
            args = parser.parse_args(["gui"])
        else:
            parser.print_help()
            return EXIT_USER_ERROR
    sort = getattr(args, "sort", None)
    if sort is not None and sort not in SORT_CHOICES:
        print(
            f"archive-viewer: error: cannot sort by {sort!r}: choose one of {', '.join(SORT_CHOICES)}",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    try:
        try:
            return _command(args.command)(args)
        finally:
            commands = sys.modules.get("desktop.commands")
            if commands is not None:
                commands.close_opened()
    except KeyboardInterrupt:
        print("archive-viewer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _is_user_error(exc):
            print(f"archive-viewer: error: {exc}", file=sys.stderr)
            return EXIT_USER_ERROR
        full = _disk_full(exc, args)
        if full:
            print(f"archive-viewer: error: {full}", file=sys.stderr)
            return EXIT_USER_ERROR
        from desktop.errorlog import log_exception

        log = log_exception(exc, f"archive-viewer {args.command}")
        where = f"; details are in {log}" if log else ""
        print(f"archive-viewer: internal error: {_summary(exc)}{where}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
