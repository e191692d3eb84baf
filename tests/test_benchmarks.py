"""The benchmark suite runs end to end on a tiny synthetic archive (its figures are not checked here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import suite


def test_suite_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = suite.main(
        ["--events", "2000", "--cache", str(tmp_path), "--quick", "--only", "facets", "search", "export"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert (
        "| measure | archive | machine (load) | value | baseline (same run) | ratio | target | met |" in out
    )
    assert "| one core busy (" in out  # the facet counts again with one core kept busy
    for measure in ("facet counts for every kind", "search, first page in time order", "CSV export"):
        assert measure in out
    assert "files identical" in out  # the raw baseline writes exactly what the app writes
    assert list(tmp_path.glob("events-2000-*.sqlite"))  # generated once, kept for the next run
