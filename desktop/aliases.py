"""Finding entity names in text, however a source spelled or inflected them.

Used by the ingest (mentions in documents) and by the query layer (``--entity`` given in any script or
inflection). Tolerant of case, any whitespace (no-break spaces included), ``ё``/``е``, and Russian
inflection: ``Национальная академия наук Беларуси`` matches ``Национальной академии наук Беларуси``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WS = re.compile(r"\s+")
_CYR_WORD = re.compile(r"^[\u0400-\u04FF]+$")
_CYR_ENDINGS = "аяоеёыиуюйьъэ"
# A name is not matched inside a longer word: letters, digits and Devanagari signs count as word.
_LEFT = r"(?<![\w\u0900-\u0963\u0966-\u097F])"
_RIGHT = r"(?![\w\u0900-\u0963\u0966-\u097F])"
# A run of the characters _LEFT and _RIGHT count as word (the folding below never changes which those are:
# checked over every code point).
_WORD_RUN = re.compile(r"[\w\u0900-\u0963\u0966-\u097F]+")
# Listing a text's words costs about as much as scanning it for this many keys (measured on the seeds).
_WORDS_WORTH_LISTING = 16


def fold(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, ``ё`` → ``е``, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return _WS.sub(" ", text).strip()


def is_acronym(alias: str) -> bool:
    """A name written in capitals of two to six letters (BSU, БГУ, НАНБ, SCO): matched only in capitals."""
    letters = alias.strip()
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF


def _cyrillic_stem(word: str) -> str | None:
    """The part of a Russian word that survives inflection, or None for words too short to inflect."""
    if len(word) < 4 or not _CYR_WORD.match(word):
        return None
    stem = word
    for _ in range(2):
        if len(stem) > 3 and stem[-1].lower() in _CYR_ENDINGS:
            stem = stem[:-1]
    return stem


# A transliterated name's parts are joined by a hyphen or a middle dot, or written apart (Kuei-ying, Kuei
# ying; 亚历山大·卢卡申科, 亚历山大•卢卡申科): any of these stands for any other.
_JOINERS = "-–·•・‧"  # an en dash joins two countries' names as a hyphen does (China–Belarus)
_JOINER = r"[\-–·•・‧\s]"


# Quotation marks differ by source, not by name: «Великий камень», "Великий камень", „Great Stone“.
_QUOTES = '"“”«»„‟‹›「」『』'
_QUOTE = "[" + re.escape(_QUOTES) + "]"


def _char_pattern(ch: str) -> str:
    if ch in _JOINERS:
        return _JOINER
    if ch in _QUOTES:
        return _QUOTE
    return "[еёЕЁ]" if ch in "еёЕЁ" else re.escape(ch)


@functools.cache
def _plain_table() -> dict[int, str]:
    """Latin letters with marks → their base letter, one character for one (offsets are kept): Qīngdǎo is
    matched by Qingdao, Wáng by Wang."""
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


def _plain(text: str) -> str:
    return text.translate(_plain_table())  # built at the first name matched, not when the module loads


def _alias_pattern(alias: str) -> tuple[str, str]:
    """(regex, search key): the key is the folded start of the name, found first with ``str.find``."""
    alias = _plain(alias)
    words = alias.split()
    parts: list[str] = []
    for word in words:
        # Each part of a hyphenated word inflects (Китайско-Белорусского), and a quoted one behind its mark.
        pieces = []
        for piece in re.split(r"([-–])", word):
            lead = len(piece) - len(piece.lstrip(_QUOTES))
            stem = _cyrillic_stem(piece[lead:])
            if stem is not None:
                pieces.append("".join(map(_char_pattern, piece[:lead] + stem)) + r"[\u0400-\u04FF]{0,4}")
            else:
                pieces.append("".join(map(_char_pattern, piece)))
        parts.append("".join(pieces))
    body = rf"{_JOINER}+".join(parts)
    first_stem = _cyrillic_stem(words[0]) or words[0]
    key = _match_fold(re.split(rf"[{re.escape(_JOINERS)}]", first_stem)[0] or first_stem)
    left = "" if _is_cjk(alias[0]) else _LEFT
    # A Latin name may take a possessive or German genitive s (Lukashenko's, Lukaschenkos Besuch), left out
    # of the match.
    right = "" if _is_cjk(alias[-1]) else _RIGHT
    if alias[-1].isascii() and alias[-1].isalpha():
        right = rf"(?=(?:['’]?s)?{_RIGHT})"
    return left + body + right, key


def fold_keep_offsets(text: str) -> str:
    """Lower-case with ``ё`` → ``е`` and every offset kept (needed to map finds back to the original)."""
    low = text.lower()
    if len(low) != len(text):  # a few letters (e.g. 'İ') lower to two characters: fall back per letter
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # Greek final sigma lowers to itself, capital sigma to σ: one letter either way.
    return low.replace("ё", "е").replace("ς", "σ")


def _match_fold(text: str) -> str:
    """``fold_keep_offsets`` with every sigma alike: ``lower()`` makes a word-final Σ 'ς', so "ΑΣ" in a
    text would not contain the key "ασ" of an alias written "Ασ" (the regex then checks case-blind)."""
    return fold_keep_offsets(text).replace("ς", "σ")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: object  # whatever the caller attached to the alias (an alias or entity id)


class _Group:
    """The aliases that share a search key, with what a text must contain for the key to match in it.

    ``chars``: every character of the key. ``lead``: when every alias of the group must start where a
    word starts (not after a letter, digit or Devanagari sign), the key's leading run of word characters
    — the word the text must have there: exactly ``lead`` when the key goes on past it ("ltd." of
    "ltd. co"), else any word beginning with the key. Empty when aliases may start inside a word (Chinese).
    """

    def __init__(
        self,
        key: str,
        members: list[tuple[int, re.Pattern[str], object]],
        entries: list[tuple[str, re.Pattern[str], object]],
    ) -> None:
        self.key, self.members, self.chars = key, members, frozenset(key)
        bounded = all(entries[order][1].pattern.startswith(_LEFT) for order, _p, _k in members)
        run = _WORD_RUN.match(key)
        self.lead = run.group() if bounded and run else ""
        self.whole = self.lead == key

    def may_start_word(self, words: list[str]) -> bool:
        """Whether the text's sorted distinct words allow the key where a word starts."""
        if not self.whole:
            i = bisect.bisect_left(words, self.lead)
            return i < len(words) and words[i] == self.lead
        i = bisect.bisect_left(words, self.key)
        return i < len(words) and words[i].startswith(self.key)


class AliasMatcher:
    """Finds every alias in a text, leftmost-longest, without overlaps."""

    def __init__(self, aliases: Iterable[tuple[object, str]]) -> None:
        self._entries: list[tuple[str, re.Pattern[str], object]] = []
        # For find(): the aliases by search key (many share a first word), each key with its characters.
        # A key with a character the text lacks cannot occur in it: most of the authority's aliases are
        # in other scripts than any one text, and are skipped without scanning the text for them.
        groups: dict[str, list[tuple[int, re.Pattern[str], object]]] = {}
        for key, alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            pattern, search_key = _alias_pattern(alias)
            # An abbreviation in capitals (BSU, БГУ, SCO) is matched only in capitals: "has" is not the HAS.
            compiled = re.compile(pattern, 0 if is_acronym(alias) else re.IGNORECASE)
            groups.setdefault(search_key, []).append((len(self._entries), compiled, key))
            self._entries.append((search_key, compiled, key))
        self._groups = [_Group(k, members, self._entries) for k, members in groups.items()]

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str) -> list[Match]:
        text = _plain(text)  # same length: every offset is the original's
        folded = _match_fold(text)
        present = set(folded)
        groups = [g for g in self._groups if g.chars <= present]
        if len(groups) > _WORDS_WORTH_LISTING:
            words = sorted(set(_WORD_RUN.findall(folded)))
            groups = [g for g in groups if not g.lead or g.may_start_word(words)]
        # (start, -length, alias order, end, key): at the same start and length the earlier alias wins.
        candidates: list[tuple[int, int, int, int, object]] = []
        for group in groups:
            search_key, members = group.key, group.members
            pos = folded.find(search_key)
            while pos >= 0:
                for order, pattern, key in members:
                    m = pattern.match(text, pos)
                    if m:
                        candidates.append((m.start(), m.start() - m.end(), order, m.end(), key))
                pos = folded.find(search_key, pos + 1)
        # Leftmost first, longest first at the same start; then drop whatever overlaps a kept match.
        candidates.sort(key=lambda c: c[:3])
        kept: list[Match] = []
        reach = -1
        for start, _length, _order, end, key in candidates:
            if start >= reach:
                kept.append(Match(start, end, key))
                reach = end
        return kept

    def whole(self, text: str) -> set[object]:
        """The keys of aliases that match the entire text (a name typed by a user, say)."""
        text = _plain(text.strip())
        keys: set[object] = set()
        folded = _match_fold(text)
        for search_key, pattern, key in self._entries:
            if folded.startswith(search_key):
                # A name typed in a box matches in any case, abbreviations included ("bsu" finds the BSU).
                m = pattern.fullmatch(text) or re.fullmatch(pattern.pattern, text, re.IGNORECASE)
                if m:
                    keys.add(key)
        return keys
