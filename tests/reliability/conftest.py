"""The reliability suite: the ``reliability`` marker, Hypothesis profiles, and the figures it reports.

Every test here (and every test elsewhere marked ``@pytest.mark.reliability``) runs in the default suite
in a fast version. ``scripts/reliability`` runs the long versions (``RELIABILITY_LONG=1``, Hypothesis
profile ``reliability``) and prints the figures the tests record through the ``figures`` fixture:
kills survived, malformed files handled, property examples run, faults injected.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# 100 examples per property in the default suite; the reliability command asks for 1,000 or more.
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "reliability",
    max_examples=int(os.environ.get("RELIABILITY_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LONG = os.environ.get("RELIABILITY_LONG") == "1"
SUMMARY_ENV = "RELIABILITY_SUMMARY"

# name → (passed, total); summed over the session and written where RELIABILITY_SUMMARY points.
_FIGURES: Counter[str] = Counter()


class Figures:
    """What one test measured: ``figures.add("kills", survived, attempted)``."""

    def add(self, name: str, passed: int, total: int | None = None) -> None:
        _FIGURES[f"{name}.passed"] += passed
        _FIGURES[f"{name}.total"] += passed if total is None else total


@pytest.fixture
def figures() -> Iterator[Figures]:
    yield Figures()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "reliability: part of the reliability suite (scripts/reliability runs every test with this mark)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Everything under tests/reliability/ belongs to the suite, marked or not.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Every test of the suite, ours or another part's: how many ran and passed (skips are not counted).
    if "reliability" not in report.keywords:
        return
    if report.when == "call" or (report.when == "setup" and report.failed):
        _FIGURES["reliability tests.total"] += 1
        _FIGURES["reliability tests.passed"] += int(report.passed)
        # The hostile corpus (test_hostile.py, and the window's long documents in test_hostile_perf.py):
        # every case tried, and handled when its test passed.
        if "test_hostile" in report.nodeid:
            _FIGURES["hostile cases.total"] += 1
            _FIGURES["hostile cases.passed"] += int(report.passed)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get(SUMMARY_ENV)
    if target and _FIGURES:
        Path(target).write_text(json.dumps(dict(_FIGURES), indent=2, sort_keys=True), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    names = sorted({k.rsplit(".", 1)[0] for k in _FIGURES})
    if names:
        parts = [f"{n}: {_FIGURES[n + '.passed']}/{_FIGURES[n + '.total']}" for n in names]
        terminalreporter.write_line("reliability figures: " + ", ".join(parts))
