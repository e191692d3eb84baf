"""A bounded background load for the benchmark suite: one core kept busy, as a reader's laptop is busy with
indexing, a browser or a video call while the window is used (issue 20).

    with busy_core():            # starts a spinning process; stops it on leaving, whatever happens
        ...measure...

The load is one process at the benchmark's own priority, spinning on arithmetic, so that the scheduler
shares one of the machine's cores with it the way an ordinary busy program would. It stops itself after
``limit`` seconds should the suite die without stopping it, and it is killed when the block ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Spins until its deadline: checks the clock every ~100,000 additions (well under a millisecond).
_SPIN = """
import sys, time
deadline = time.monotonic() + float(sys.argv[1])
x = 0
while time.monotonic() < deadline:
    for i in range(100000):
        x += i
"""


def load_average() -> float:
    """The one-minute load average (0.0 where the system has none to give)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


@contextmanager
def busy_core(limit: float = 3600.0, settle: float = 2.0) -> Iterator[subprocess.Popen[bytes]]:
    """Keep one core busy while the block runs (at most ``limit`` seconds); ``settle``: seconds to let the
    scheduler and the load average see it before measuring."""
    spinner = subprocess.Popen([sys.executable, "-c", _SPIN, str(limit)])
    try:
        time.sleep(settle)
        yield spinner
    finally:
        spinner.terminate()
        try:
            spinner.wait(timeout=5)
        except subprocess.TimeoutExpired:
            spinner.kill()
            spinner.wait()
