"""Benchmarks: commands that print figures and ratios (not part of the test suite's pass/fail)."""
