"""A team on one shared archive (issue 21): readers paging and filtering while cataloguers edit, on a real
PostgreSQL server over the loopback interface, for a bounded time.

    python -m benchmarks.shared_load [--events 100000] [--minutes 5] [--readers 20] [--cataloguers 3]
                                     [--cache DIR] [--json FILE]

The archive is the suite's synthetic one (generated once into the cache), published once to a private
server in the cache folder (``desktop.shared.localserver``, durable: fsync on). Each person is a process of
their own — as each runs their own app — with their own login and role:

- a **reader** repeats: choose a filter (none, a type, a place, a country, a language, a search word),
  read the first page (200 rows) and every facet count under it, then a next page by keyset; between
  actions a think time of 0.2-1.0 s;
- a **cataloguer** repeats: choose an event (half the time from a few every cataloguer shares, so that
  edits collide), read its fields, change its title or summary with what it read (``seen``), then think
  0.3-1.0 s. An edit is saved or refused as a conflict with both values; it is never lost.

Afterwards every saved edit is looked up in the journal (its author, field and value); the last saved value
of every field must be the field's value. The figures are printed beside the same reads on the same
archive as a local SQLite file, by one reader on an idle machine (the baseline from the same run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEARCH_WORDS = ("минск", "academy", "中白", "signed", "конференция")
SHARED_EVENTS = 6  # edited by every cataloguer: where conflicts come from


@dataclass
class Result:
    """One person's run: latencies (seconds) by kind, and the edits they saved or saw refused."""

    person: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    saved: list[tuple[str, str, str]] = field(default_factory=list)  # (event key, field, value)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    cpu: float = 0.0  # seconds of CPU the person's own process used (their app, on the same 2 cores)


def _filters(archive: Any, rng: random.Random) -> list[Any]:
    from desktop.services import EventFilter

    facets = archive.all_facets(EventFilter(), limit=30)
    out = [EventFilter()]
    for kind in ("type", "place", "country", "language"):
        for value in facets.get(kind, [])[:8]:
            out.append(EventFilter().with_value(kind, value.value))
    out += [EventFilter(text=w) for w in SEARCH_WORDS]
    rng.shuffle(out)
    return out


def _reader(address: str, person: str, seconds: float, seed: int) -> Result:
    from desktop.services import Archive

    rng = random.Random(seed)
    result = Result(person)
    times = result.latencies
    started_cpu = time.process_time()
    archive = Archive.open(address)
    try:
        filters = _filters(archive, rng)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            f = rng.choice(filters)
            t = time.perf_counter()
            page = archive.page(f, limit=200)
            times.setdefault("page", []).append(time.perf_counter() - t)
            t = time.perf_counter()
            archive.all_facets(f, limit=30)
            times.setdefault("facets", []).append(time.perf_counter() - t)
            if len(page) == 200:
                last = page[-1]
                t = time.perf_counter()
                archive.page(f, after=(last.sort_value, last.id), limit=200)
                times.setdefault("next page", []).append(time.perf_counter() - t)
            time.sleep(rng.uniform(0.2, 1.0))
    except Exception as exc:  # counted and shown, never hidden: a failed read is a result too
        result.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        archive.close()
    result.cpu = time.process_time() - started_cpu
    return result


def _cataloguer(address: str, person: str, seconds: float, seed: int, keys: list[str]) -> Result:
    from desktop.services import Archive, EditConflict

    rng = random.Random(seed)
    result = Result(person)
    started_cpu = time.process_time()
    archive = Archive.open(address)
    shared, own = keys[:SHARED_EVENTS], keys[SHARED_EVENTS:]
    mine = own[int(person[-1]) :: 3] or own
    try:
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            key = rng.choice(shared if rng.random() < 0.5 else mine)
            name = rng.choice(("title", "summary"))
            n += 1
            value = f"{name} by {person}, edit {n}"
            t = time.perf_counter()
            seen = archive.event_fields(key)
            try:
                archive.edit_event(key, seen=seen, **{name: value})
                result.saved.append((key, name, value))
            except EditConflict:
                result.conflicts += 1
            result.latencies.setdefault("edit", []).append(time.perf_counter() - t)
            time.sleep(rng.uniform(0.3, 1.0))
    except Exception as exc:
        result.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        archive.close()
    result.cpu = time.process_time() - started_cpu
    return result


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _baseline(path: Path, rounds: int = 40) -> dict[str, list[float]]:
    """The same reads by one reader of the same archive as a local file (the facet index read first)."""
    from desktop.services import Archive

    rng = random.Random(7)
    archive = Archive.open(path, read_only=True)
    times: dict[str, list[float]] = {}
    try:
        archive.facet_index(wait=True)
        filters = _filters(archive, rng)
        for _ in range(rounds):
            f = rng.choice(filters)
            t = time.perf_counter()
            archive.page(f, limit=200)
            times.setdefault("page", []).append(time.perf_counter() - t)
            t = time.perf_counter()
            archive.all_facets(f, limit=30)
            times.setdefault("facets", []).append(time.perf_counter() - t)
    finally:
        archive.close()
    return times


def _queries(address: str | Path, repeat: int = 5) -> dict[str, float]:
    """The suite's query measures by one client on an idle machine: median seconds of each (facet counts
    from the facet index, read first, on both)."""
    from desktop.services import Archive, EventFilter

    archive = Archive.open(address, read_only=True)
    out: dict[str, float] = {}
    try:
        archive.facet_index(wait=True)  # read first, as a window reads it while its first page shows
        facets = archive.all_facets(EventFilter(), limit=5)
        filters = {
            "none": EventFilter(),
            "a type": EventFilter().with_value("type", facets["type"][0].value),
            "a country": EventFilter().with_value("country", facets["country"][0].value),
        }

        def timed(name: str, fn: Any) -> None:
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            out[name] = sorted(times)[len(times) // 2]

        for label, f in filters.items():
            timed(f"first page, {label}", lambda f=f: archive.page(f, limit=200))
            timed(f"count, {label}", lambda f=f: archive.count(f))
            timed(f"every facet count, {label}", lambda f=f: archive.all_facets(f, limit=30))
        for word in SEARCH_WORDS:
            f = EventFilter(text=word)
            timed(f"search {word}: first page by date", lambda f=f: archive.page(f, limit=200))
            timed(f"search {word}: best 200", lambda f=f: archive.page(f, sort="relevance", limit=200))
    finally:
        archive.close()
    return out


def _busy_cpu() -> float:
    """CPU seconds the whole machine has spent busy so far (/proc/stat): the server's share of a run is
    this, less what the people's own processes used (a server's backends end with their connections,
    taking their own counters with them)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _team(superuser: str, readers: int, cataloguers: int) -> dict[str, str]:
    """Logins for the run (password: the name) with their roles; returns person → role."""
    import sqlalchemy as sa

    from desktop.services import grant_role, init_server

    init_server(superuser)  # the roles, once more (cheap)
    people = {f"reader{i}": "reader" for i in range(1, readers + 1)}
    people |= {f"cataloguer{i}": "cataloguer" for i in range(1, cataloguers + 1)}
    engine = sa.create_engine(superuser.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for person in people:
            if not conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(p)s", {"p": person}
            ).first():
                conn.exec_driver_sql(f"CREATE ROLE {person} LOGIN PASSWORD '{person}'")
    engine.dispose()
    for person, role in people.items():
        grant_role(superuser, person, role)
    return people


def _as(superuser: str, person: str) -> str:
    import sqlalchemy as sa

    url = sa.engine.make_url(superuser).set(username=person, password=person)
    return url.render_as_string(hide_password=False)


def _editable(address: str, wanted: int) -> list[str]:
    """Events a cataloguer can edit in a synthetic archive: its uncatalogued ones (it has no catalogue)."""
    import sqlalchemy as sa

    engine = sa.create_engine(address)
    with engine.connect() as conn:
        keys = [
            str(k)
            for (k,) in conn.exec_driver_sql(
                f"SELECT key FROM events WHERE uncatalogued ORDER BY id LIMIT {int(wanted)}"
            )
        ]
    engine.dispose()
    return keys


def _verify(superuser: str, results: list[Result]) -> tuple[int, int]:
    """(edits saved but not in the journal, fields whose value is not their last saved edit's)."""
    import sqlalchemy as sa

    engine = sa.create_engine(superuser)
    missing = 0
    with engine.connect() as conn:
        journal = {
            (str(r.author), str(r.target_key), str(r.field), json.loads(r.new))
            for r in conn.exec_driver_sql(
                "SELECT author, target_key, field, new FROM edits WHERE target_type = 'event' AND NOT undone"
            )
        }
        for r in results:
            for key, name, value in r.saved:
                if (r.person, key, name, value) not in journal:
                    missing += 1
        last = {
            (str(k), str(f)): json.loads(v)
            for k, f, v in conn.exec_driver_sql(
                "SELECT DISTINCT ON (target_key, field) target_key, field, new FROM edits "
                "WHERE target_type = 'event' AND NOT undone ORDER BY target_key, field, id DESC"
            )
        }
        wrong = 0
        for (key, name), value in last.items():
            column = "title" if name == "title" else "summary" if name == "summary" else None
            if column is None:
                continue
            now = conn.exec_driver_sql(f"SELECT {column} FROM events WHERE key = %(k)s", {"k": key}).scalar()
            wrong += now != value
    engine.dispose()
    return missing, wrong


def main(argv: list[str] | None = None) -> int:
    from benchmarks.busyload import load_average
    from benchmarks.suite import DEFAULT_CACHE, ensure_archive
    from desktop.services import Archive
    from desktop.shared.localserver import LocalServer

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--minutes", type=float, default=5.0)
    p.add_argument("--readers", type=int, default=20)
    p.add_argument("--cataloguers", type=int, default=3)
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    p.add_argument("--json", type=Path)
    p.add_argument(
        "--queries-only", action="store_true", help="only the one-client queries, server beside file"
    )
    args = p.parse_args(argv)

    path = ensure_archive(args.cache, args.events)
    server = LocalServer.start(args.cache / "pg")
    database = f"events{args.events}"
    superuser = server.url(database)
    import sqlalchemy as sa

    engine = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %(d)s", {"d": database}
        ).first()
    engine.dispose()
    if not exists:
        from desktop.services import init_server

        print(f"publishing {path.name} to the server (once)…", file=sys.stderr, flush=True)
        init_server(superuser)
        started = time.perf_counter()
        source = Archive.open(path, read_only=True)
        try:
            report = source.publish(superuser)
        finally:
            source.close()
        print(f"  {report.total:,} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print("one client, idle: the suite's queries on the server and on the file…", file=sys.stderr, flush=True)
    on_server, on_file = _queries(superuser), _queries(path)
    print(f"\n{'query (median of 5)':<44}{'PostgreSQL ms':>14}{'SQLite file ms':>16}")
    for name, seconds in on_server.items():
        print(f"{name:<44}{seconds * 1000:>14.1f}{on_file[name] * 1000:>16.1f}")
    if args.queries_only:
        return 0
    people = _team(superuser, args.readers, args.cataloguers)
    keys = _editable(superuser, SHARED_EVENTS + 60)
    seconds = args.minutes * 60
    print(
        f"{args.readers} readers and {args.cataloguers} cataloguers for {args.minutes:g} min on "
        f"{args.events:,} events (load {load_average():.1f})…",
        file=sys.stderr,
        flush=True,
    )
    load_before = load_average()
    busy_before = _busy_cpu()
    with ProcessPoolExecutor(max_workers=len(people)) as pool:
        futures = []
        for i, (person, role) in enumerate(sorted(people.items())):
            address = _as(superuser, person)
            if role == "reader":
                futures.append(pool.submit(_reader, address, person, seconds, i))
            else:
                futures.append(pool.submit(_cataloguer, address, person, seconds, i, keys))
        results = [f.result() for f in futures]
    load_after = load_average()
    missing, wrong = _verify(superuser, results)
    baseline = _baseline(path)

    def merged(kind: str) -> list[float]:
        return [x for r in results for x in r.latencies.get(kind, [])]

    saved = sum(len(r.saved) for r in results)
    client_cpu = sum(r.cpu for r in results)
    server_cpu = _busy_cpu() - busy_before - client_cpu  # the server, and the run's own small overhead
    conflicts = sum(r.conflicts for r in results)
    errors = [e for r in results for e in r.errors]
    figures: dict[str, Any] = {
        "events": args.events,
        "minutes": args.minutes,
        "readers": args.readers,
        "cataloguers": args.cataloguers,
        "load": [round(load_before, 2), round(load_after, 2)],
        "cpus": os.cpu_count(),
        "saved_edits": saved,
        "edits_per_second": round(saved / seconds, 2),
        "conflicts": conflicts,
        "lost_edits": missing,
        "fields_not_at_last_edit": wrong,
        "errors": errors[:10],
        "error_count": len(errors),
        "client_cpu_s": round(client_cpu, 1),
        "server_cpu_s": round(server_cpu, 1),
        "cpu_available_s": round(seconds * (os.cpu_count() or 1), 1),
        "queries_ms": {
            name: {"postgresql": round(on_server[name] * 1000, 1), "sqlite": round(on_file[name] * 1000, 1)}
            for name in on_server
        },
    }
    print(f"\n{'measure':<26}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}{'SQLite file p95 ms':>20}")
    for kind in ("page", "next page", "facets", "edit"):
        values = merged(kind)
        base = baseline.get(kind, [])
        figures[kind] = {
            "n": len(values),
            "p50_ms": round(_p(values, 0.5) * 1000, 1),
            "p95_ms": round(_p(values, 0.95) * 1000, 1),
            "sqlite_p95_ms": round(_p(base, 0.95) * 1000, 1) if base else None,
        }
        shown = f"{_p(base, 0.95) * 1000:>20.1f}" if base else f"{'—':>20}"
        p50, p95 = _p(values, 0.5) * 1000, _p(values, 0.95) * 1000
        print(f"{kind:<26}{len(values):>7}{p50:>10.1f}{p95:>10.1f}{shown}")
    print(
        f"\nedits saved {saved} ({saved / seconds:.2f}/s), refused as conflicts {conflicts}, lost {missing}, "
        f"fields not at their last saved edit {wrong}, errors {len(errors)}; load {load_before:.1f} → "
        f"{load_after:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"CPU used: the {len(people)} people's own processes {client_cpu:.0f} s, the server and the rest "
        f"{server_cpu:.0f} s, of {seconds * (os.cpu_count() or 1):.0f} s the machine had"
    )
    for e in errors[:5]:
        print(f"  error: {e}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if missing == 0 and wrong == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
