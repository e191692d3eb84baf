"""Giving freed memory back to the system (glibc's ``malloc_trim``), where the C library has it.

glibc keeps what a program frees for its next allocations, per thread (an "arena" each): after a burst of
work — a facet index read, a few dozen filters' counts, a full garbage collection — the process stays as
large as at the burst's peak. ``malloc_trim(0)`` returns the free pages of every arena. Elsewhere (macOS,
Windows, musl) there is no such call and this does nothing.
"""

from __future__ import annotations

from typing import Any

_TRIM: list[Any] = []  # glibc's malloc_trim, once found (None: there is none)


def give_back_memory() -> None:
    """Hand the memory the process has freed back to the system (cheap: a few milliseconds)."""
    if not _TRIM:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name) if name else None
        except OSError:
            libc = None
        _TRIM.append(getattr(libc, "malloc_trim", None))
    trim = _TRIM[0]
    if trim is not None:
        trim(0)
