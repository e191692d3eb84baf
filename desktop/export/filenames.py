"""File names for exports proposed from what a reader typed (a search, a filter): always inside the folder.

A search text such as ``../../.bashrc`` or ``a/b`` must never become a path that leaves the chosen folder,
a hidden file, a name the file system refuses (too long, NUL, ``/``) or one Windows cannot open.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Characters no file name should carry: path separators, Windows' reserved ones, and every control.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|]')
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}
MAX_NAME_BYTES = 200  # well under the usual 255-byte limit, leaving room for a temporary file's prefix


def safe_file_name(text: str, *, default: str = "events", suffix: str = ".csv") -> str:
    """A single file name (no folder part) made from ``text``, ending in ``suffix``."""
    # Only printable characters: bidi controls, zero-width joiners or unassigned code points would make a
    # name look unlike what it is, or be refused by the file system.
    cleaned = "".join(
        " " if _UNSAFE.match(ch) or ch.isspace() else ch for ch in text if ch.isprintable() or ch.isspace()
    )
    cleaned = unicodedata.normalize("NFC", " ".join(cleaned.split()))
    # No leading dots (hidden files, ".."), dashes (read as options) or trailing dots and spaces (Windows).
    cleaned = cleaned.lstrip(".-– ").rstrip(". ")
    if cleaned.lower().endswith(suffix.lower()):
        cleaned = cleaned[: -len(suffix)].rstrip(". ")
    if not cleaned or cleaned.split(".")[0].lower() in _WINDOWS_RESERVED:
        cleaned = f"{default} {cleaned}".strip() if cleaned else default
    limit = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    while len(cleaned.encode("utf-8")) > limit:
        cleaned = cleaned[:-1]
    return cleaned.rstrip(". ") + suffix


def export_path(folder: Path, text: str, *, default: str = "events", suffix: str = ".csv") -> Path:
    """``folder / safe_file_name(text)``: a file directly inside ``folder``, whatever ``text`` is."""
    return Path(folder) / safe_file_name(text, default=default, suffix=suffix)
