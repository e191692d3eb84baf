"""Datasette serving the same store: the peer a reader might use instead (issue 20's facet baseline).

Datasette (https://datasette.io) publishes a SQLite file over HTTP and answers SQL with JSON. Its own table
facets count one column of one table, so it cannot say "the people of the events under this filter" by
itself; given the statements the app ran before its facet index (issue 7's SQL, captured with the bind
values inlined), it answers the same counts. Those requests, timed as a client sees them, are the baseline.

Datasette is not one of the app's dependencies: it is installed on first use into a virtual environment of
its own beside the cached archives (from PyPI, as every other package), and the server runs on a free port of
the loopback interface for as long as the measure needs it. Benchmarks only; the app makes no network call.
"""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

VERSION = "0.65.2"  # the stable series (1.0 is in alpha)


def _python(cache: Path) -> Path | None:
    """The Python of the virtual environment holding Datasette, made on first use; None if it cannot be."""
    venv = cache / "datasette-venv"
    python = venv / "bin" / "python"
    if python.exists():
        return python
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        pip = [str(python), "-m", "pip", "install", "-q", f"datasette>={VERSION},<1"]
        subprocess.run(pip, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"note: Datasette could not be installed into {venv} ({error}): no Datasette baseline")
        return None
    return python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, cache: Path) -> Iterator[Datasette | None]:
    """Datasette serving ``db`` read-only (immutable: no counting of its tables at start), or None."""
    python = _python(cache)
    if python is None:
        yield None
        return
    port = _free_port()
    # Time limits raised: by default Datasette stops a query after one second, and a facet after 0.2 s.
    cmd = [str(python), "-m", "datasette", "serve", "-i", str(db), "-h", "127.0.0.1", "-p", str(port)]
    cmd += ["--setting", "sql_time_limit_ms", "600000", "--setting", "facet_time_limit_ms", "600000"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peer = Datasette(f"http://127.0.0.1:{port}", db.stem)
    try:
        deadline = time.monotonic() + 60
        while not peer.ready():
            if server.poll() is not None or time.monotonic() > deadline:
                err = server.stderr.read().decode(errors="replace")[-300:] if server.stderr else ""
                print(f"note: Datasette did not start ({err.strip() or 'no message'}): no Datasette baseline")
                yield None
                return
            time.sleep(0.2)
        yield peer
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


class Datasette:
    """A client of one running Datasette: runs SQL through its JSON API."""

    def __init__(self, base: str, database: str) -> None:
        self.base, self.database = base, database

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.base}/-/versions.json", timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    def query(self, sql: str) -> list[object]:
        """The rows of one SELECT, as Datasette's JSON API returns them (an error is raised, not hidden)."""
        url = f"{self.base}/{urllib.parse.quote(self.database)}.json?" + urllib.parse.urlencode(
            {"sql": sql, "_shape": "array"}
        )
        with urllib.request.urlopen(url, timeout=600) as response:
            rows = json.loads(response.read())
        if isinstance(rows, dict) and not rows.get("ok", True):
            raise RuntimeError(f"Datasette: {rows.get('error')}")
        return list(rows)

    def seconds(self, statements: Sequence[str], runs: int = 3) -> float:
        """Median seconds to answer every statement, one request each, after one warm-up round."""
        for sql in statements:
            self.query(sql)
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            for sql in statements:
                self.query(sql)
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)
