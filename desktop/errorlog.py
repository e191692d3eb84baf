"""The log of unexpected failures: the details a reader never sees as a traceback, kept for a bug report."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from desktop.paths import data_dir


def log_path() -> Path:
    return data_dir() / "logs" / "archive-viewer.log"


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    """Append ``exc`` with its traceback to the log; the log's path, or None when it cannot be written."""
    path = log_path()
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(exc))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} {context}\n{text}\n")
    except OSError:
        return None
    return path
