"""Bytes to text, or a plain reason why not. The decoded text is kept exactly (no newline changes)."""

from __future__ import annotations

import codecs
import errno
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # a news item is kilobytes; anything this big is not a document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)


# C0/C1 control characters other than the whitespace ones: a few are noise, many mean binary data.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class DecodeError(ValueError):
    """The file cannot be read as a text document; the message is the reason to show the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name recorded in the store, e.g. "utf-8", "utf-8-sig", "cp1251", "utf-16"


def _check_text(text: str) -> None:
    if not text.strip():
        raise DecodeError("contains only whitespace")
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 100):
        raise DecodeError(f"binary content ({controls} control characters): not a text document")


def read_document(path: Path) -> bytes:
    """A file's bytes, refusing what is not a document before reading it.

    A FIFO or a device would block or never end, and a file over the limit (perhaps a sparse one of many
    gigabytes) would be read whole into memory only to be rejected: both are refused from ``stat``. The
    refusal is an ``OSError`` whose ``strerror`` is the reason to show, like any other unreadable file.
    """
    info = path.stat()  # follows symlinks: a loop or a dangling link raises here
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, socket or device)"
        raise OSError(errno.EINVAL, f"{kind}: only text files can be imported", str(path))
    if info.st_size > MAX_BYTES:
        raise OSError(errno.EFBIG, _too_large(info.st_size), str(path))
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)  # the file may have grown since stat
    if len(data) > MAX_BYTES:
        raise OSError(errno.EFBIG, _too_large(len(data)), str(path))
    return data


def _too_large(size: int) -> str:
    return f"too large ({size:,} bytes; the limit is {MAX_BYTES:,}): not a news document"


def decode(data: bytes) -> Decoded:
    """Decode a document: BOM, else strict UTF-8, else a detected legacy encoding."""
    if not data:
        raise DecodeError("empty file")
    if len(data) > MAX_BYTES:
        raise DecodeError(_too_large(len(data)))
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}") from exc
            _check_text(text)
            return Decoded(text, name)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}): only plain-text documents can be imported")
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise DecodeError("binary content (NUL bytes): not a text document")
        return guessed
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    else:
        _check_text(text)
        return Decoded(text, "utf-8")
    return _detect_legacy(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without a BOM: NULs appear as the high byte of every ASCII character.

    Both byte orders are tried; the one that reads as ordinary text (letters, marks, spaces,
    punctuation — no controls, nothing unassigned) wins, and binary data fails both.
    """
    if len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    # Real UTF-16 has its NULs on one side of each pair (the high byte); binary data has them anywhere.
    if min(even_nuls, odd_nuls) > 0.05 * max(even_nuls, odd_nuls):
        return None
    best: tuple[float, Decoded] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        if (codec == "utf-16-le") != (odd_nuls > even_nuls):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        plain = sum(1 for ch in text if unicodedata.category(ch)[0] in "LMZPN" or ch in "\r\n\t")
        score = plain / len(text)
        if len(text) > 20 and not any(ch.isspace() for ch in text):
            continue  # text of any length has spaces or line breaks
        if score >= 0.95 and (best is None or score > best[0]):
            best = (score, Decoded(text, codec))
    if best is None:
        return None
    _check_text(best[1].text)
    return best[1]


def _detect_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            "not valid UTF-8, and no known text encoding fits: save it as UTF-8 and import again"
        )
    text = str(best)
    _check_text(text)
    return Decoded(text, best.encoding)
