"""One event's detail in isolation: ``event_detail`` for random events of a store, opened read-only.

    python -m benchmarks.detail_bench /path/to/store.sqlite [--events 300] [--seed 1]

Each random event is fetched twice: the first time its rows may still be on disk (on a store larger than
the page cache, as a reader's random click is), the second time they are in memory. Prints p50 and p95 of
each. The store is opened with ``mode=ro`` and never written (no migration, no lock).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(db: Path, events: int, seed: int) -> dict[str, list[float]]:
    """Seconds per ``event_detail`` call: ``first`` and ``again`` for each of ``events`` random ids."""
    from sqlalchemy import text

    from desktop.store.detail import event_detail
    from desktop.store.engine import make_read_only_engine

    engine = make_read_only_engine(db, immutable=False)
    first: list[float] = []
    again: list[float] = []
    try:
        with engine.connect() as conn:
            top = int(conn.execute(text("SELECT max(id) FROM events")).scalar_one())
            rng = random.Random(seed)
            event_detail(conn, 1)  # the statements' first preparation is not what a click costs
            for _ in range(events):
                event_id = rng.randint(1, top)
                for times in (first, again):
                    started = time.perf_counter()
                    event_detail(conn, event_id)
                    times.append(time.perf_counter() - started)
    finally:
        engine.dispose()
    return {"first": first, "again": again}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = measure(args.db, args.events, args.seed)
    for label, times in result.items():
        print(
            f"event_detail, {label:5s} ({len(times)} random events): "
            f"p50 {_quantile(times, 0.5) * 1000:.2f} ms, p95 {_quantile(times, 0.95) * 1000:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
