"""Build time for the bundled seeds and for N copies of them.

    python -m benchmarks.build_bench [--copies 1000]

Copies are made distinct (a line naming the copy is appended) so that each is really ingested rather
than rejected as a duplicate; they carry no catalogue entries, so each becomes an uncatalogued event.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from desktop.paths import bundled_seeds_dir
from desktop.services import Archive


def make_copies(source: Path, target: Path, copies: int) -> int:
    shutil.copytree(source, target)
    sums = (target / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    originals = sorted((source / "documents").glob("*.txt"))
    for n in range(1, copies + 1):
        for path in originals:
            data = path.read_bytes() + f"\n[benchmark copy {n}]\n".encode()
            name = f"{path.stem}_copy{n:05d}.txt"
            (target / "documents" / name).write_bytes(data)
            sums.append(f"{hashlib.sha256(data).hexdigest()}  documents/{name}")
    (target / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return len(originals) * (copies + 1)


def timed_build(seeds: Path, db: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    archive = Archive.open(db)
    report = archive.build(seeds)
    elapsed = time.perf_counter() - started
    archive.close()
    assert report.ok, report.rejected
    return elapsed, report.documents, report.events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seconds, docs, events = timed_build(bundled_seeds_dir(), root / "seeds.sqlite")
        print(
            f"seeds: {docs} documents, {events} events, build {seconds:.2f} s (cold: includes loading models)"
        )
        started = time.perf_counter()
        archive = Archive.open(root / "seeds.sqlite")
        again = archive.build(bundled_seeds_dir())
        print(
            f"seeds, rebuild with nothing changed: {time.perf_counter() - started:.3f} s "
            f"({len(again.unchanged)} unchanged)"
        )
        archive.close()
        total = make_copies(bundled_seeds_dir(), root / "copies", args.copies)
        seconds, docs, events = timed_build(root / "copies", root / "copies.sqlite")
        size = (root / "copies.sqlite").stat().st_size / 1e6
        print(
            f"seeds + {args.copies} copies: {docs} documents ({total} files), {events} events, "
            f"build {seconds:.1f} s = {docs / seconds:.0f} documents/s, store {size:.0f} MB"
        )


if __name__ == "__main__":
    main()
