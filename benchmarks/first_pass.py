"""How well the first pass catalogues documents it has never seen: precision and recall per field on the
development set (``tests/data/first_pass/``), beside a baseline first pass measured in the same run.

    python -m benchmarks.first_pass                       # this tree against the baseline revision
    python -m benchmarks.first_pass --baseline-rev HEAD~3 # another baseline
    python -m benchmarks.first_pass --show de-01-minsk    # one document: expected and found, field by field
    python -m benchmarks.first_pass --set tests/data/first_pass_holdout   # the held-out set

The baseline is the first pass of a git revision (by default the one before issue 16's work), exported into a
temporary folder and run there in a subprocess, so that "today's first pass" stays what it was however this
tree changes. Each side's predictions come from :func:`predict` in that tree's code.

Fields (see tests/data/first_pass/README.md for the expected facts):

- language, type: the value. title: the text, compared without case and spacing (a derived title where the
  page has none counts when most of its words are the expected title's). published, event: the ISO dates
  (the event's start and end). place: the English name or the text's own wording.
- chrome: characters; precision is the share of characters marked as chrome that are chrome, recall the
  share of chrome characters marked.
- same-event: pairs of documents proposed as reports of one event, against the pairs the set links.

Precision counts the values a pass gave; recall counts the values the set expects. Targets (issue 16):
precision ≥ 0.9 and recall ≥ 0.85 on every field.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "data" / "first_pass"
BASELINE_REV = "115adeb"  # the last commit before issue 16: the first pass as it was
FIELDS = ("language", "title", "published", "event", "place", "type", "chrome", "same_event")
PRECISION_TARGET, RECALL_TARGET = 0.9, 0.85


# ------------------------------------------------------------------------------------------ the set


@dataclass(frozen=True)
class Document:
    """One development document: its text and the facts a careful first reader would catalogue."""

    id: str
    path: Path
    text: str
    expected: dict[str, Any]


def load_set(folder: Path = DEV_SET) -> list[Document]:
    docs = []
    for meta in sorted(folder.glob("*/*.json")):
        text_path = meta.with_suffix(".txt")
        if not text_path.exists():
            continue
        docs.append(
            Document(meta.stem, text_path, text_path.read_text("utf-8"), json.loads(meta.read_text()))
        )
    return docs


# ------------------------------------------------------------------------------------------ predicting


def predict(path: Path) -> dict[str, Any]:
    """The first pass of the code this process imports, on one file, as plain values.

    Uses ``desktop.ingest.firstpass.first_pass`` when the tree has it; an older tree's first pass is what its
    import wrote (``desktop.ingest.analysis``): a headline, the stated publication dates, debris, and no
    event date, place or type (an imported document was an undated event of type "other").
    """
    from desktop.ingest.decode import decode

    data = path.read_bytes()
    text = decode(data).text
    try:
        from desktop.ingest.firstpass import first_pass  # type: ignore[import-not-found]
    except ImportError:
        return _old_predict(path, data, text)
    found = first_pass(text, filename=path.name)
    return found.as_prediction()


def _old_predict(path: Path, data: bytes, text: str) -> dict[str, Any]:
    import hashlib

    from desktop.ingest.analysis import PreparedDocument, analyse_document

    prep = PreparedDocument(
        path=str(path),
        filename=path.name,
        origin="import",
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding="utf-8",
        entry=None,
        signature="",
    )
    found = analyse_document(prep)
    values = found.values
    return {
        "language": values["language"],
        "title": values["title"],
        "title_derived": False,
        "published": values["published"],
        "event": None,
        "place": None,
        "type": None,  # "other" is no answer
        "chrome": [[s, e] for s, e in found.debris_spans],
        "same_event": None,
    }


def predict_all(docs: Iterable[Document]) -> dict[str, dict[str, Any]]:
    predictions = {d.id: predict(d.path) for d in docs}
    _link_same_events(predictions)
    return predictions


def _seed_events() -> list[Any]:
    """The bundled catalogue's events dated to the day, as sketches (days, place, kind), for same-event
    proposals; read with the catalogue's own loader."""
    import datetime as dt

    from desktop.catalogue.model import load_catalogue
    from desktop.ingest.sameevent import EventSketch

    cat = load_catalogue(ROOT / "seeds")
    sketches = []
    for ev in cat.events.values():
        if ev.start.precision != "day" or not ev.start.value:
            continue
        end = ev.end.value if ev.end.precision == "day" and ev.end.value else ev.start.value
        place = cat.entities.get(ev.place or "")
        sketches.append(
            EventSketch(
                ev.id,
                dt.date.fromisoformat(ev.start.value),
                dt.date.fromisoformat(end),
                place.name if place else None,
                ev.type,
            )
        )
    return sketches


def _link_same_events(predictions: dict[str, dict[str, Any]]) -> None:
    """Propose, for each document, the other documents and seed events it reports (this tree's code)."""
    import datetime as dt

    try:
        from desktop.ingest.sameevent import EventSketch, propose_same_event
    except ImportError:
        return  # an older tree: no proposals
    sketches = {}
    for key, p in predictions.items():
        if p.get("event"):
            start, end = (dt.date.fromisoformat(d) for d in p["event"])
            sketches[key] = EventSketch(key, start, end, p.get("place"), p.get("type"))
    others = [*sketches.values(), *_seed_events()]
    for key, sketch in sketches.items():
        proposed = [k for k, _score, _why in propose_same_event(sketch, others)]
        # Every other document that reports it, and the one archive event it most likely is.
        in_archive = [k for k in proposed if k.startswith("evt.")][:1]
        predictions[key]["same_event"] = [k for k in proposed if not k.startswith("evt.")] + in_archive


def _predict_in(tree: Path, docs: list[Document]) -> dict[str, dict[str, Any]]:
    """Run :func:`predict` with another tree's ``desktop`` package (a subprocess: its own imports)."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(tree)!r})\n"
        f"sys.path.insert(1, {str(ROOT)!r})\n"
        "from benchmarks.first_pass import predict\n"
        "paths = json.load(sys.stdin)\n"
        "print(json.dumps({k: predict(Path(p)) for k, p in paths.items()}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps({d.id: str(d.path) for d in docs}),
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"the baseline's first pass failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout))


def baseline_predictions(rev: str, docs: list[Document]) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="first-pass-baseline-") as tmp:
        archive = Path(tmp) / "tree.tar"
        # The package and, where the revision has them, the data files it reads (the gazetteer, the
        # language models): without them a later revision's first pass cannot run at all.
        listed = subprocess.run(
            ["git", "ls-tree", "--name-only", rev, "resources"], cwd=ROOT, capture_output=True, text=True
        ).stdout.split()
        paths = ["desktop", *listed]
        command = ["git", "archive", "--format=tar", "-o", str(archive), rev, *paths]
        subprocess.run(command, cwd=ROOT, check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        return _predict_in(Path(tmp), docs)


# ------------------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    """Counts for one field: values given and right, values given, values expected and found."""

    right: float = 0.0
    given: float = 0.0
    found: float = 0.0
    expected: float = 0.0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / self.given if self.given else None

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def _words(text: str) -> set[str]:
    folded = _norm(text)
    # Chinese and other unspaced scripts: characters stand for words.
    return set(folded.split()) | {c for c in folded if "\u3400" <= c <= "\u9fff"}


def _title_ok(expected: dict[str, Any], got: str | None) -> bool:
    if not got:
        return False
    if _norm(got) == _norm(expected["title"]):
        return True
    if expected.get("title_derived"):
        want = _words(expected["title"])
        return bool(want) and len(want & _words(got)) / len(want) >= 0.5
    return False


def _spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for q in quotes:
        at = text.find(q)
        while at >= 0:
            spans.append((at, at + len(q)))
            at = text.find(q, at + 1)
    return spans


def _chars(spans: Iterable[Iterable[int]]) -> set[int]:
    covered: set[int] = set()
    for s, e in spans:
        covered.update(range(s, e))
    return covered


def _count(scores: dict[str, Score], doc: str, name: str, expected: Any, given: Any, right: bool) -> None:
    s = scores[name]
    if given is not None:
        s.given += 1
        s.right += right
    if expected is not None:
        s.expected += 1
        s.found += right and given is not None
    if expected is not None and not right:
        s.misses.append(f"{doc}: expected {expected!r}, got {given!r}")


def score(docs: list[Document], predictions: dict[str, dict[str, Any]]) -> dict[str, Score]:
    scores = {name: Score() for name in FIELDS}
    links: dict[str, list[str]] = {}
    for d in docs:
        want, got = d.expected, predictions[d.id]

        _count(
            scores,
            d.id,
            "language",
            want.get("language"),
            got.get("language"),
            got.get("language") == want.get("language"),
        )
        _count(scores, d.id, "title", want.get("title"), got.get("title"), _title_ok(want, got.get("title")))
        pub = (want.get("published") or {}).get("date")
        _count(scores, d.id, "published", pub, got.get("published"), got.get("published") == pub)
        ev = want.get("event")
        ev_want = (ev["start"], ev.get("end") or ev["start"]) if ev else None
        ev_got = tuple(got["event"]) if got.get("event") else None
        _count(scores, d.id, "event", ev_want, ev_got, ev_got == ev_want)
        place = want.get("place")
        place_got = got.get("place")
        # The same place under another of its names counts ("Homyel'" for Gomel, "Peking" for Beijing).
        known = {_norm(n) for n in [place_got or "", *(got.get("place_names") or [])]}
        place_ok = bool(place and place_got) and bool(
            known & {_norm(place["name"]), _norm(place.get("quote"))}
            or any(n and n in _norm(place.get("quote")) for n in known)
        )
        _count(scores, d.id, "place", place["name"] if place else None, place_got, place_ok)
        _count(scores, d.id, "type", want.get("type"), got.get("type"), got.get("type") == want.get("type"))
        # Chrome, by characters.
        expected_chars = _chars(_spans(d.text, (c["quote"] for c in want.get("chrome", []))))
        got_chars = _chars(got.get("chrome") or [])
        s = scores["chrome"]
        s.given += len(got_chars)
        s.right += len(got_chars & expected_chars)
        s.expected += len(expected_chars)
        s.found += len(got_chars & expected_chars)
        if want.get("same_event"):
            links.setdefault(want["same_event"], []).append(d.id)
    # Same event: pairs of documents (a seed event counts as a document of its own).
    want_pairs = set()
    for group, members in links.items():
        if group.startswith("evt."):
            want_pairs |= {(m, group) for m in members}
        want_pairs |= {(a, b) for a in members for b in members if a < b}
    got_pairs = set()
    for d in docs:
        other = predictions[d.id].get("same_event")
        for o in [other] if isinstance(other, str) else other or []:
            got_pairs.add((d.id, o) if o.startswith("evt.") or d.id < o else (o, d.id))
    s = scores["same_event"]
    s.given, s.right = len(got_pairs), len(got_pairs & want_pairs)
    s.expected, s.found = len(want_pairs), len(got_pairs & want_pairs)
    return scores


# ------------------------------------------------------------------------------------------ report


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def report(docs: list[Document], now: dict[str, Score], base: dict[str, Score] | None, rev: str) -> str:
    langs = sorted({d.expected.get("language", "?") for d in docs})
    lines = [
        f"first pass on {len(docs)} documents in {len(langs)} languages ({', '.join(langs)}); "
        f"targets: precision ≥ {PRECISION_TARGET}, recall ≥ {RECALL_TARGET}",
        "",
        f"| field | precision | recall | baseline ({rev}) precision | baseline recall | met |",
        "|---|---|---|---|---|---|",
    ]
    for name in FIELDS:
        s, b = now[name], base[name] if base else None
        met = (s.precision or 0) >= PRECISION_TARGET and (s.recall or 0) >= RECALL_TARGET
        lines.append(
            f"| {name} | {_fmt(s.precision)} | {_fmt(s.recall)} | {_fmt(b.precision if b else None)} | "
            f"{_fmt(b.recall if b else None)} | {'yes' if met else '**no**'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--baseline-rev", default=BASELINE_REV, help="git revision of the baseline first pass"
    )
    parser.add_argument("--no-baseline", action="store_true", help="measure this tree only")
    parser.add_argument("--misses", action="store_true", help="list every wrong or missing value")
    parser.add_argument("--show", metavar="ID", help="one document's expected and found values")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--set",
        type=Path,
        default=DEV_SET,
        help="the folder of documents (default: the development set; tests/data/first_pass_holdout is "
        "the held-out set, never looked at while the first pass is tuned)",
    )
    args = parser.parse_args(argv)
    docs = load_set(args.set.resolve())
    if args.show:
        doc = next((d for d in docs if d.id.startswith(args.show)), None)
        if doc is None:
            raise SystemExit(f"no document {args.show!r} in {args.set}")
        print(
            json.dumps({"expected": doc.expected, "found": predict(doc.path)}, ensure_ascii=False, indent=2)
        )
        return 0
    now = score(docs, predict_all(docs))
    base = None if args.no_baseline else score(docs, baseline_predictions(args.baseline_rev, docs))
    print(report(docs, now, base, args.baseline_rev))
    from benchmarks.entity_links import link_table

    table, links = link_table(docs, baseline=not args.no_baseline)
    if table:
        print("\n" + table)
    from benchmarks.entity_links import new_name_table

    table, new_names = new_name_table(docs)
    if table:
        print("\n" + table)
    if args.misses:
        for name in FIELDS:
            for miss in now[name].misses:
                print(f"  {name}: {miss}")
        for miss in links["all"].misses if "all" in links else []:
            print(f"  links: {miss}")
        for miss in new_names["all"].misses if "all" in new_names else []:
            print(f"  new: {miss}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    name: {
                        "precision": now[name].precision,
                        "recall": now[name].recall,
                        "baseline_precision": base[name].precision if base else None,
                        "baseline_recall": base[name].recall if base else None,
                    }
                    for name in FIELDS
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
