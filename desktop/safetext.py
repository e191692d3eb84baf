"""Text from documents made safe to show: nothing in a title may drive a terminal or disguise itself.

A document is whatever a reader imported, so its headline may hold characters that are not text:

* **control characters** — C0 (``\\x00``-``\\x1f``), DEL and C1 (``\\x80``-``\\x9f``). On a terminal
  ``ESC`` starts a sequence that can clear the screen (``\\x1b[2J``), retitle the window or write the
  clipboard (OSC 52: ``\\x1b]52;c;…\\x07``); ``\\x9b`` is the one-byte form of ``ESC [``; a carriage
  return or backspaces overwrite what was printed. A newline splits a table row or a list cell;
* **bidirectional formatting characters** — ALM (U+061C), LRM/RLM (U+200E, U+200F), the embeddings and
  overrides LRE RLE PDF LRO RLO (U+202A-U+202E) and the isolates LRI RLI FSI PDI (U+2066-U+2069). They
  are invisible and reorder the text around them: ``\\u202etxt.exe`` reads as ``exe.txt``;
* **other invisible format characters** that let two different titles look the same or hide text: the
  zero-width space (U+200B), line and paragraph separators (U+2028, U+2029), the word joiner and
  invisible operators (U+2060-U+2064), the deprecated format controls (U+206A-U+206F), the zero-width
  no-break space / BOM (U+FEFF), interlinear annotation controls (U+FFF9-U+FFFB) and the tag
  characters (U+E0000-U+E007F); and lone surrogates (U+D800-U+DFFF, from undecodable file names),
  which are not text at all and cannot even be encoded for output.

Kept as they are: every letter, mark and digit of every script — Chinese, Devanagari, Arabic and Hebrew
letters (their own right-to-left order is the Unicode bidi algorithm's, not a disguise) — and the zero-width
(non-)joiners U+200C/U+200D and the soft hyphen U+00AD, which Devanagari, Persian, emoji and hyphenated
Russian text need and which cannot reorder or hide anything.

Two conventions, one per place:

* :func:`terminal_safe` (command line) writes such a character as Python's and JSON's escape for it,
  readable and unambiguous in a terminal: ``\\x1b``, ``\\n``, ``\\t``, ``\\x9b``, ``\\u202e``,
  ``\\U000e0041``. A backslash already in the text is left alone: this is for reading, not a reversible
  encoding (``--format json`` is the exact form);
* :func:`display_title` (the window's lists and titles) writes it as a visible marker with its short name:
  ``⟨ESC⟩``, ``⟨LF⟩``, ``⟨RLO⟩``, ``⟨PDF⟩``, ``⟨ZWSP⟩``; one without a short name as ``⟨U+009B⟩``.

:func:`json_safe` escapes the same characters (but for C0, which JSON escapes itself) in JSON text as
``\\uXXXX``: the same JSON, which parses back to exactly the same strings, but never raw on a terminal.

Both run for every title shown, so each has a fast path: ``str.isprintable()`` (a C loop, 0.1-0.2 µs for
a title), else one regex search, finds nothing in nearly every title and the text comes back as it is.
"""

from __future__ import annotations

import re

# The character classes, as regex ranges (see the module docstring for why each is here).
_C0 = "\x00-\x1f"
_C0_BUT_NEWLINE = "\x00-\x09\x0b-\x1f"
_DEL_C1 = "\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = (
    "\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff"
)

_TERMINAL_UNSAFE = re.compile(f"[{_C0}{_DEL_C1}{_BIDI}{_INVISIBLE}]")
_TERMINAL_UNSAFE_BUT_NEWLINE = re.compile(f"[{_C0_BUT_NEWLINE}{_DEL_C1}{_BIDI}{_INVISIBLE}]")
# In JSON text C0 never stands raw inside a string (json.dumps escapes it) and the newlines of its
# indentation must stay: only the rest is escaped.
_JSON_UNSAFE = re.compile(f"[{_DEL_C1}{_BIDI}{_INVISIBLE}]")

# Short names of the characters display_title marks (Unicode's and ECMA-48's abbreviations).
_C0_NAMES = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
)  # fmt: skip
_NAMES: dict[str, str] = {chr(i): name for i, name in enumerate(_C0_NAMES)}
_NAMES.update(
    {
        "\x7f": "DEL",
        "\x85": "NEL",
        "\x9b": "CSI",
        "\x9d": "OSC",
        "\u061c": "ALM",
        "\u200b": "ZWSP",
        "\u200e": "LRM",
        "\u200f": "RLM",
        "\u2028": "LSEP",
        "\u2029": "PSEP",
        "\u202a": "LRE",
        "\u202b": "RLE",
        "\u202c": "PDF",
        "\u202d": "LRO",
        "\u202e": "RLO",
        "\u2060": "WJ",
        "\u2066": "LRI",
        "\u2067": "RLI",
        "\u2068": "FSI",
        "\u2069": "PDI",
        "\ufeff": "BOM",
    }
)


# _fast_path: str.isprintable() is False for every character of the classes above (all are in Unicode's
# categories Cc, Cf, Cs, Cn, Zl or Zp, which it rejects), so a printable text needs no regex at all: a
# C loop, 0.1-0.2 µs for a title against 0.2-0.4 µs for the regex search. A text it rejects for a
# harmless reason (a no-break space, a zero-width joiner) then costs the search as well.


def _terminal_escape(match: re.Match[str]) -> str:
    # ascii() of one character is its Python escape in quotes: '\x1b', '\n', '\u202e', '\U000e0041'.
    return ascii(match.group())[1:-1]


def _marker(match: re.Match[str]) -> str:
    ch = match.group()
    return f"⟨{_NAMES.get(ch) or f'U+{ord(ch):04X}'}⟩"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON's \u escapes are UTF-16 units: a surrogate pair beyond the BMP
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str, *, newlines: bool = False) -> str:
    """``text`` with every control, bidirectional and invisible format character escaped (``\\x1b``).

    ``newlines``: keep ``\\n`` as a line break (free text: a summary, a note); otherwise it is escaped
    too, so that a table cell or a one-line report stays on its line. Text without such characters
    comes back as it is.
    """
    if text.isprintable():  # nearly always: see _fast_path
        return text
    pattern = _TERMINAL_UNSAFE_BUT_NEWLINE if newlines else _TERMINAL_UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_terminal_escape, text)


def display_title(text: str) -> str:
    """``text`` for the window's lists and titles: its control, bidirectional and invisible format
    characters shown as markers (``⟨RLO⟩``, ``⟨ESC⟩``, ``⟨U+009B⟩``), everything else as it is."""
    if text.isprintable() or _TERMINAL_UNSAFE.search(text) is None:  # nearly always: see _fast_path
        return text
    return _TERMINAL_UNSAFE.sub(_marker, text)


def json_safe(json_text: str) -> str:
    """JSON text (as ``json.dumps(…, ensure_ascii=False)`` writes it) with DEL, C1, bidirectional and
    invisible format characters written as ``\\uXXXX`` escapes.

    Such characters can only stand inside JSON strings (everything outside them is ASCII punctuation and
    whitespace), where the escape means the same character: the document parses to the same data.
    """
    if _JSON_UNSAFE.search(json_text) is None:
        return json_text
    return _JSON_UNSAFE.sub(_json_escape, json_text)


__all__ = ["display_title", "json_safe", "terminal_safe"]
