"""Generated test input: realistic documents for the kill tests, and the malformed-input corpus.

Nothing here is committed as binary files: every file is made from code, the same way every time.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import random
import shutil
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

_WORDS = tuple(
    [
        "delegation",
        "met",
        "signed",
        "an",
        "agreement",
        "on",
        "cooperation",
        "in",
        "science",
        "and",
        "industry",
        "with",
        "the",
        "visit",
        "of",
        "representatives",
        "discussed",
        "joint",
        "research",
        "laboratory",
        "training",
        "students",
        "exchange",
        "programme",
    ]
)


def _names() -> list[str]:
    """Every name and alias in the bundled authority: generated documents mention them."""
    data = tomllib.loads((SEEDS / "catalogue" / "authority.toml").read_text(encoding="utf-8"))
    names: list[str] = []
    for ent in data["entity"]:
        names.append(ent["name"])
        if ent.get("native"):
            names.append(ent["native"])
        names += [a["text"] for a in ent.get("aliases", [])]
    return names


def generated_documents(count: int, seed: int = 1, variant: int = 0) -> dict[str, bytes]:
    """``count`` distinct news-like documents: names in every script, a release date, some debris.

    ``variant`` changes the content of every other document (for refresh builds), keeping the names.
    """
    rng = random.Random(seed)
    names = _names()
    docs: dict[str, bytes] = {}
    for i in range(count):
        paras = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(15, 40))]
            for _ in range(rng.randint(1, 4)):
                words.insert(rng.randrange(len(words)), rng.choice(names))
            paras.append(" ".join(words) + ".")
        header = (
            f"News\n\nRelease time: 20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        debris = "\n".join(f"- {rng.choice(names)} headline {j}" for j in range(rng.randint(0, 4)))
        tail = f"\n\nrevision {variant}" if variant and i % 2 else ""
        text = f"{header}\n\n{paras[0][:80]}\n\n" + "\n\n".join(paras) + f"\n\n{debris}{tail}\n#{i}\n"
        docs[f"gen_{i:04d}.txt"] = text.encode("utf-8")
    return docs


def write_folder(root: Path, docs: dict[str, bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in docs.items():
        (root / name).write_bytes(data)
    return root


def write_seeds_with(root: Path, extra: dict[str, bytes]) -> Path:
    """The bundled seeds plus ``extra`` uncatalogued documents, with a matching SHA256SUMS."""
    shutil.copytree(SEEDS, root, dirs_exist_ok=True)
    for name, data in extra.items():
        (root / "documents" / name).write_bytes(data)
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  documents/{p.name}"
        for p in sorted((root / "documents").iterdir())
    ]
    (root / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


# ------------------------------------------------------------------------------------ malformed input


@dataclass(frozen=True)
class Case:
    """One malformed (or merely unusual) input file and what must happen to it."""

    name: str  # what the case is, for messages
    path: Path
    expect: str  # "import" | "reject" | "either"
    text: str | None = None  # for "import": the exact text that must be stored


_RU = "Национальная академия наук Беларуси подписала соглашение с университетом в Цзинане.\n"
_ZH = "白俄罗斯国家科学院与齐鲁工业大学在济南签署合作协议。双方将在轻工业领域开展联合研究。\n"
_ZH_TW = "白俄羅斯國家科學院與齊魯工業大學在濟南簽署合作協議。雙方將在輕工業領域開展聯合研究。\n"
_JA = "ベラルーシ国立科学アカデミーと斉魯工業大学は済南で協力協定に署名しました。\n"
_EN = "The National Academy of Sciences of Belarus signed an agreement in Jinan.\n"
_LATIN1 = "Coopération scientifique: l'Académie nationale des sciences du Bélarus à Jinan, été 2021.\n"


def malformed_corpus(root: Path, *, huge_bytes: int, root_user: bool) -> list[Case]:
    """Write the corpus into ``root`` and return its cases (at least 50 files)."""
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(
        name: str, data: bytes, expect: str, text: str | None = None, filename: str | None = None
    ) -> None:
        path = root / (filename or f"{len(cases):02d}_{name}.txt")
        path.write_bytes(data)
        cases.append(Case(name, path, expect, text))

    # Empty, whitespace, binary formats.
    add("empty", b"", "reject")
    add("whitespace", b" \t\r\n \n\n   ", "reject")
    add("newlines-only", b"\n" * 1000, "reject")
    add("nbsp-only", "\u00a0\u2003\u3000\n".encode(), "reject")
    add("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "reject")
    add("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)), "reject")
    add("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 2, "reject")
    add("elf", b"\x7fELF\x02\x01\x01\x00" + bytes(512), "reject")
    add("gzip", b"\x1f\x8b\x08\x00" + bytes(range(256)), "reject")
    add("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "reject")
    add("sqlite", b"SQLite format 3\x00" + bytes(1000), "reject")
    add("random-bytes", random.Random(7).randbytes(4096), "reject")
    add("nul-only", bytes(4096), "reject")
    add("nul-in-text", (_EN * 3).encode() + b"\x00\x00\x00" + (_EN * 3).encode(), "reject")
    add("controls", ("\x01\x02\x03\x04\x05\x06" * 50 + _EN).encode(), "reject")

    # Invalid UTF-8 of several kinds: each is either read through a legacy encoding or rejected.
    add("utf8-truncated", _RU.encode()[:-2], "either")
    add("utf8-overlong", b"Minsk \xc0\xaf Jinan " * 20, "either")
    add("utf8-surrogate", b"Minsk \xed\xa0\x80 Jinan " * 20, "either")
    add("utf8-lone-continuation", b"Minsk \x80\x81\x82 Jinan " * 20, "either")
    add("utf8-mixed-cp1251", _EN.encode() + _RU.encode("cp1251"), "either")

    # Legacy encodings: read as text (the detector may name a compatible encoding).
    add("cp1251", (_RU * 5).encode("cp1251"), "import", _RU * 5)
    add("koi8-r", (_RU * 5).encode("koi8_r"), "import", _RU * 5)
    add("gb18030", (_ZH * 5).encode("gb18030"), "import", _ZH * 5)
    add("big5", (_ZH_TW * 5).encode("big5"), "import", _ZH_TW * 5)
    add("latin-1", (_LATIN1 * 5).encode("latin-1"), "import", _LATIN1 * 5)
    add("shift_jis", (_JA * 5).encode("shift_jis"), "import", _JA * 5)

    # UTF-16/32 with and without a byte-order mark, both byte orders.
    text = _EN + _RU + _ZH
    add("utf16le-bom", codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "import", text)
    add("utf16be-bom", codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "import", text)
    add("utf16le-nobom", text.encode("utf-16-le"), "import", text)
    add("utf16be-nobom", text.encode("utf-16-be"), "import", text)
    add("utf32le-bom", codecs.BOM_UTF32_LE + text.encode("utf-32-le"), "import", text)
    add("utf32be-bom", codecs.BOM_UTF32_BE + text.encode("utf-32-be"), "import", text)
    add("utf32le-nobom", text.encode("utf-32-le"), "either")
    add("utf32be-nobom", text.encode("utf-32-be"), "either")
    add("utf8-bom", codecs.BOM_UTF8 + text.encode(), "import", text)
    add("utf16-bom-odd-length", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"\x41", "reject")
    add("utf8-bom-only", codecs.BOM_UTF8, "reject")

    # Unicode that is valid but hostile: kept exactly as it is.
    nfc = "Académie, Ёлка, Škoda, Ångström: Gusakov in Jinan.\n" * 3
    nfd = unicodedata.normalize("NFD", nfc)
    add("nfc", nfc.encode(), "import", nfc)
    add("nfd", nfd.encode(), "import", nfd)
    bidi = "Minsk \u202eknisM\u202c and \u2067עברית\u2069 \u200fمرحبا\u200e Jinan.\n" * 3
    add("bidi-controls", bidi.encode(), "import", bidi)
    zw = "Gu\u200bsa\u200ckov\u200d met\ufeff Qilu\u2060 University\u00ad of Technology.\n" * 3
    add("zero-width", zw.encode(), "import", zw)
    mixed_eol = "line one\r\nline two\rline three\nline four\u2028line five\u2029end\n"
    add("mixed-line-ends", mixed_eol.encode(), "import", mixed_eol)
    emoji = "Delegation 🇧🇾🇨🇳 👩‍🔬 signed 𝔞𝔤𝔯𝔢𝔢𝔪𝔢𝔫𝔱 in 济南 — 𠀀𠀁.\n" * 3
    add("astral", emoji.encode(), "import", emoji)
    combining = "Z\u0351\u0352\u0353\u0354a\u0355\u0356\u0357l\u0358\u0359\u035ag\u035b\u035co Minsk\n" * 20
    add("combining-pile", combining.encode(), "import", combining)
    nonchar = "Minsk \ufffe\uffff\U0010ffff Jinan text here.\n" * 3
    add("noncharacters", nonchar.encode(), "either", nonchar)
    replacement = "Minsk \ufffd\ufffd Jinan already damaged text.\n" * 3
    add("replacement-chars", replacement.encode(), "import", replacement)
    long_line = "Minsk " + ("cooperation in light industry and science " * 60_000)[:2_000_000]
    add("enormous-line", long_line.encode(), "import", long_line)
    many_lines = "- headline\n" * 100_000
    add("many-short-lines", many_lines.encode(), "import", many_lines)
    add("no-final-newline", _EN.strip().encode(), "import", _EN.strip())

    # Odd file names (the content is ordinary; each is a distinct document).
    for label, filename in (
        ("name-spaces", "a file  with   spaces .txt"),
        ("name-unicode", "отчёт 报告 रिपोर्ट.txt"),
        ("name-leading-dash", "-rf --help.txt"),
        ("name-very-long", "long" + "x" * 240 + ".txt"),
        ("name-newline", "line\nbreak.txt"),
        ("name-no-extension", "README"),
        ("name-quotes", 'it\'s "quoted" $HOME `x`.txt'),
    ):
        add(label, f"{_EN}{label}\n".encode(), "import", f"{_EN}{label}\n", filename=filename)

    # A huge sparse file over the size limit: rejected without being read into memory.
    huge = root / f"{len(cases):02d}_huge-sparse.txt"
    with huge.open("wb") as fh:
        fh.truncate(huge_bytes)
    cases.append(Case("huge-sparse", huge, "reject"))

    # A symlink loop, a dangling symlink, a folder named like a file, a FIFO: rejected by name.
    loop_a, loop_b = root / f"{len(cases):02d}_loop-a.txt", root / f"{len(cases):02d}_loop-b.txt"
    loop_a.symlink_to(loop_b.name)
    loop_b.symlink_to(loop_a.name)
    cases.append(Case("symlink-loop", loop_a, "reject"))
    dangling = root / f"{len(cases):02d}_dangling.txt"
    dangling.symlink_to("does-not-exist.txt")
    cases.append(Case("dangling-symlink", dangling, "reject"))
    fifo = root / f"{len(cases):02d}_fifo.txt"
    os.mkfifo(fifo)
    cases.append(Case("fifo", fifo, "reject"))
    good_link = root / f"{len(cases):02d}_symlink-to-text.txt"
    good_link.symlink_to(huge.name)
    cases.append(Case("symlink-to-huge", good_link, "reject"))
    if not root_user:
        unreadable = root / f"{len(cases):02d}_unreadable.txt"
        unreadable.write_bytes(_EN.encode())
        unreadable.chmod(0)
        cases.append(Case("unreadable", unreadable, "reject"))
    return cases
