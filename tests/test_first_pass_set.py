"""The first pass's development set is well formed: every expected fact points at text that is there
(tests/data/first_pass/README.md), so the benchmark measures the pass, not typos in the set."""

from __future__ import annotations

import datetime as dt
import functools
import json
import tomllib
from pathlib import Path

import pytest

from desktop.catalogue.model import DEBRIS_KINDS, EVENT_TYPES

DATA = Path(__file__).resolve().parent / "data"
DOCS = sorted((DATA / "first_pass").glob("*/*.json"))
HELD_OUT = sorted((DATA / "first_pass_holdout").glob("*/*.json"))
AUTHORITY = Path(__file__).resolve().parent.parent / "seeds" / "catalogue" / "authority.toml"
NEW_TYPES = ("person", "organisation", "place")


@functools.cache
def _authority() -> tuple[frozenset[str], frozenset[str]]:
    """The authority's entity ids and names."""
    entities = tomllib.loads(AUTHORITY.read_text("utf-8"))["entity"]
    return frozenset(e["id"] for e in entities), frozenset(e["name"] for e in entities)


def _quotes(facts: dict) -> list[str]:  # type: ignore[type-arg]
    found = [c["quote"] for c in facts.get("chrome", [])]
    found += [d["quote"] for d in facts.get("capture_dates", []) + facts.get("background_dates", [])]
    for key in ("published", "event", "place", "dateline"):
        if facts.get(key) and facts[key].get("quote"):
            found.append(facts[key]["quote"])
    return found


def test_the_set_is_large_and_varied_enough() -> None:
    languages = {json.loads(p.read_text("utf-8"))["language"] for p in DOCS}
    assert len(DOCS) >= 40 and len(languages) >= 6, (len(DOCS), languages)


@pytest.mark.parametrize("meta", DOCS + HELD_OUT, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_every_fact_points_at_the_text(meta: Path) -> None:
    raw = meta.with_suffix(".txt").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    text = raw.decode("utf-8")
    facts = json.loads(meta.read_text("utf-8"))
    assert facts["language"] == meta.parent.name
    assert facts["type"] in EVENT_TYPES
    assert facts["origin"]
    for quote in _quotes(facts):
        assert quote in text, quote
    for chrome in facts.get("chrome", []):
        assert chrome["kind"] in (*DEBRIS_KINDS, "other"), chrome
    if facts.get("published"):
        dt.date.fromisoformat(facts["published"]["date"])
    if facts.get("event"):
        start = dt.date.fromisoformat(facts["event"]["start"])
        assert start <= dt.date.fromisoformat(facts["event"].get("end") or facts["event"]["start"])
        assert facts["event"]["precision"] in ("day", "month", "year")
    if not facts.get("title_derived"):
        assert facts["title"] in text


@pytest.mark.parametrize("meta", DOCS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_entity_points_at_the_authority_and_the_text(meta: Path) -> None:
    """README "Entities (issue 17)": links name the authority's ids, new names are not already in it."""
    text = meta.with_suffix(".txt").read_text("utf-8")
    entities = json.loads(meta.read_text("utf-8"))["entities"]
    assert set(entities) == {"links", "new"}, set(entities)
    ids, names = _authority()
    linked = [link["entity"] for link in entities["links"]]
    assert len(linked) == len(set(linked)), linked
    for link in entities["links"]:
        assert set(link) == {"entity", "quote"}, link
        assert link["entity"] in ids, link
        assert link["quote"] and link["quote"] in text, link
    added = [new["name"] for new in entities["new"]]
    assert len(added) == len(set(added)), added
    for new in entities["new"]:
        assert {"name", "type", "quote"} <= set(new) <= {"name", "type", "quote", "cue", "also"}, new
        assert new["type"] in NEW_TYPES, new
        assert new["name"] and new["name"] not in names, new
        assert new["quote"] and new["quote"] in text, new
        # The page's other mentions of it, each verbatim and none repeating the first.
        also = new.get("also", [])
        assert all(a and a in text and a != new["quote"] for a in also), new
        assert len(also) == len(set(also)), new
        if "cue" in new:
            assert new["type"] == "person" and new["cue"] and new["cue"] in text, new
