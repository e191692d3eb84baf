"""The digest of a document's stored text, and whether the text still matches it.

``documents.sha256`` is the digest of the file's bytes as received; ``documents.text_sha256`` that of the
text they decoded to, recorded when the document was written. Comparing the text with it again is how the
app notices an original changed in the store (a disk error, a tool that edited the file): such a text is
never presented as the original. SHA-256 runs at about a gigabyte a second here, so checking a document
when it is shown costs a millisecond per megabyte of text.
"""

from __future__ import annotations

import hashlib

ALTERED_WARNING = (
    "This text does not match the SHA-256 recorded when it was stored: it was changed in the store "
    "after it was received. It is NOT the original. Restore a backup, or import the file again."
)


def text_digest(text: str) -> str:
    """SHA-256 of a text as UTF-8 (lone surrogates kept as they are, so every str has a digest)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def text_verified(text: str, recorded: str | None) -> bool | None:
    """True when the text matches its recorded digest, False when it does not, None when none is recorded."""
    if recorded is None:
        return None
    return text_digest(text) == recorded
