"""Same event, another source: proposals with a score and a reason, never a merge."""

from __future__ import annotations

import datetime as dt

from desktop.ingest.sameevent import EventSketch, propose_same_event, same_event_score

D = dt.date


def test_overlapping_days_same_place_and_kind_are_proposed_with_their_reason() -> None:
    forum = EventSketch("evt.forum", D(2024, 5, 14), D(2024, 5, 15), "Minsk", "forum")
    report = EventSketch("doc", D(2024, 5, 14), D(2024, 5, 15), "Minsk", "forum")
    score, reason = same_event_score(report, forum)
    assert score == 1.0 and "the same place (Minsk)" in reason


def test_a_signing_reported_at_a_forum_is_the_forum_and_other_days_or_places_are_not() -> None:
    forum = EventSketch("evt.forum", D(2024, 5, 14), D(2024, 5, 15), "Minsk", "forum")
    signing = EventSketch("doc", D(2024, 5, 15), D(2024, 5, 15), "Minsk", "signing")
    elsewhere = EventSketch("doc2", D(2024, 5, 14), D(2024, 5, 14), "Harbin", "forum")
    later = EventSketch("doc3", D(2024, 6, 14), D(2024, 6, 14), "Minsk", "forum")
    assert [k for k, _s, _r in propose_same_event(signing, [forum])] == ["evt.forum"]
    assert propose_same_event(elsewhere, [forum]) == []
    assert propose_same_event(later, [forum]) == []


def test_the_closest_days_come_first_among_equal_scores() -> None:
    conference = EventSketch("evt.conference", D(2025, 6, 4), D(2025, 6, 6), "Jinan", "conference")
    opening = EventSketch("evt.opening", D(2025, 6, 4), D(2025, 6, 4), "Jinan", "conference")
    report = EventSketch("doc", D(2025, 6, 4), D(2025, 6, 6), "Jinan", "conference")
    assert propose_same_event(report, [opening, conference])[0][0] == "evt.conference"
