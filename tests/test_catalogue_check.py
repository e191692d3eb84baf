"""`archive-viewer check`: every problem named with its file, entry and field."""

from __future__ import annotations

from pathlib import Path

from desktop.catalogue.check import check_seeds
from desktop.cli import main
from tests.conftest import MINI_AUTHORITY, MINI_DOC_ENTRIES, MINI_EVENTS, SEEDS, write_seeds


def test_mini_seeds_pass(mini_seeds: Path) -> None:
    report = check_seeds(mini_seeds)
    assert report.errors == []


def test_bundled_seeds_pass_with_zero_problems(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--seeds", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "0 problem(s)" in out


def _messages(seeds: Path) -> list[str]:
    return [str(p) for p in check_seeds(seeds).errors]


def test_each_kind_of_mistake_is_reported_precisely(tmp_path: Path) -> None:
    authority = (
        MINI_AUTHORITY
        + """
[[entity]]
id = "person.other"
type = "person"
name = "Someone Else"
aliases = [{ text = "gusakov", lang = "en" }]
"""
    )
    events = (
        MINI_EVENTS.replace('quote = "visited Jinan on June 3"', 'quote = "visited Minsk on June 3"')
        .replace('entity = "org.qlut"\nrole = "host"', 'entity = "org.nobody"\nrole = "host"')
        .replace('date = "2022-03"\nprecision = "month"', 'date = "2022-02-30"\nprecision = "day"')
    )
    events += """
[[event]]
id = "evt.backwards"
title = "Ends before it starts"
type = "meeting"
sources = ["a_en.txt"]
[event.start]
date = "2021-06-05"
precision = "day"
[event.end]
date = "2021-06-01"
precision = "day"
"""
    entries = dict(MINI_DOC_ENTRIES)
    entries["a_en"] = entries["a_en"].replace('quote = "Gusekov"', 'quote = "Gusekov"\noccurrence = 2')
    seeds = write_seeds(tmp_path / "seeds", authority=authority, events=events, entries=entries)
    messages = "\n".join(_messages(seeds))
    assert (
        "catalogue/events.toml: event 'evt.2021-06-03.visit' evidence #1: quote: quote not found verbatim"
        in messages
    )
    assert "event 'evt.undated.talk' participant #1: entity: no authority entry 'org.nobody'" in messages
    assert "event 'evt.2022-03.signing': start: '2022-02-30': there is no such day" in messages
    assert "event 'evt.backwards': end: impossible date: the event ends before it starts" in messages
    assert (
        "catalogue/authority.toml: entity 'person.other': aliases (gusakov): 'gusakov' is claimed by"
        in messages
    )
    assert (
        "catalogue/documents/a_en.toml: note #1: quote: occurrence = 2, but the quote appears only 1"
        in messages
    )


def test_unknown_keys_and_bad_toml_are_named(tmp_path: Path) -> None:
    events = MINI_EVENTS.replace('type = "signing"', 'type = "signing"\ncolour = "blue"')
    seeds = write_seeds(tmp_path / "seeds", events=events)
    (seeds / "catalogue" / "documents" / "c_zh.toml").write_text("file = 'c_zh.txt\n", encoding="utf-8")
    messages = "\n".join(_messages(seeds))
    assert "event 'evt.2022-03.signing': colour: unknown key" in messages
    assert "catalogue/documents/c_zh.toml: not valid TOML" in messages


def test_check_exits_non_zero_on_problems(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    seeds = write_seeds(
        tmp_path / "seeds", events=MINI_EVENTS.replace('role = "visitor"', 'role = "tourist"')
    )
    assert main(["check", "--seeds", str(seeds)]) == 1
    assert "role: 'tourist' is not one of" in capsys.readouterr().out
