"""Whether a store's address names a server or a file: apart, importing nothing, for the command line's
fast paths (which must not import SQLAlchemy to decide)."""

from __future__ import annotations

import re
from pathlib import Path

SCHEMES = ("postgresql", "postgres")


def is_server_address(text: str | Path | None) -> bool:
    """Whether a ``--db`` value names a server (``postgresql://…``) rather than a file."""
    if text is None or isinstance(text, Path) or "://" not in text:
        return False
    return text.split("://", 1)[0].split("+", 1)[0].lower() in SCHEMES


def carries_password(text: str) -> bool:
    """Whether a server's address holds a password (``postgresql://name:secret@host/db``)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(text).password is not None
    except ValueError:  # a malformed port: no password either way
        return False


def store_address(text: str) -> Path | str:
    """A ``--db`` value as the service takes it: a server's address as text, anything else a file path."""
    return text if is_server_address(text) else Path(text)


def redact(text: str) -> str:
    """A server's address as it may be shown or logged: its password (if any) as ``***``."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", text)
