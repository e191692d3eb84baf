"""Safe output (issue 14): a document's headline never drives the terminal nor disguises itself.

A document whose first line (its title) holds a screen clear, an OSC 52 clipboard write, a C1 CSI and a
right-to-left override is imported; the command line's tables and text show those characters escaped,
its JSON gives the exact title back (without them raw on the terminal), and the window's lists show them
as visible markers.
"""

from __future__ import annotations

import json
import timeit
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.cli import main
from desktop.commands import _print_build
from desktop.safetext import display_title, json_safe, terminal_safe
from desktop.services import Archive
from desktop.store.queries import EventFilter
from tests.conftest import write_seeds

HOSTILE_TITLE = "Report \x1b[2J cleared \x1b]52;c;SGVsbG8=\x07 copied \x9b31m red \u202eevil\u202c end"
BODY = "The delegation from Minsk visited the seminar and signed an agreement. " * 8  # > 400 characters

# Independent of desktop.safetext: what must never reach a terminal raw.
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = {"\u200b", "\u2028", "\u2029", "\ufeff", *map(chr, range(0x2060, 0x2065))}
INVISIBLE |= {
    *map(chr, range(0x206A, 0x2070)),
    "\ufff9",
    "\ufffa",
    "\ufffb",
    *map(chr, range(0xE0000, 0xE0080)),
}


def unsafe(ch: str, newline_ok: bool = False) -> bool:
    if newline_ok and ch == "\n":
        return False
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in BIDI or ch in INVISIBLE


def assert_terminal_safe(out: str) -> None:
    bad = sorted({f"U+{ord(ch):04X}" for ch in out if unsafe(ch, newline_ok=True)})
    assert bad == [], bad


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("safe")
    archive = Archive.open(root / "store.sqlite")
    archive.build(write_seeds(root / "seeds"))
    document = root / "hostile.txt"
    document.write_text(f"{HOSTILE_TITLE}\n\n{BODY}\n", encoding="utf-8")
    report = archive.import_paths([document])
    assert report.added and not report.rejected
    archive.close()
    yield root / "store.sqlite"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _hostile_event(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, object]:
    events = json.loads(_cli(capsys, "--db", str(db), "events", "--format", "json"))
    return next(e for e in events if "evil" in e["title"])


def test_the_stored_title_keeps_every_character(store: Path) -> None:
    archive = Archive.open(store)
    try:
        titles = [r.title for r in archive.all_rows(EventFilter())]
    finally:
        archive.close()
    assert HOSTILE_TITLE in titles  # the document's own text is exact; only its display is escaped


@pytest.mark.parametrize("command", [["events"], ["documents"], ["events", "--search", "evil"]])
def test_tables_show_the_controls_escaped(
    capsys: pytest.CaptureFixture[str], store: Path, command: list[str]
) -> None:
    out = _cli(capsys, "--db", str(store), *command)
    assert_terminal_safe(out)
    # Visible, not dropped (the cell is cut at 60 characters: the later ones are checked by `show`).
    assert "Report \\x1b[2J cleared \\x1b]52;c;" in out


def test_show_prints_the_controls_escaped(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    event = _hostile_event(capsys, store)
    out = _cli(capsys, "--db", str(store), "show", str(event["id"]))
    assert_terminal_safe(out)
    assert out.splitlines()[0].startswith("Report \\x1b[2J cleared \\x1b]52;c;SGVsbG8=\\x07 copied")
    assert "\\u202eevil\\u202c" in out


@pytest.mark.parametrize("command", [["events"], ["documents"], ["show"]])
def test_json_gives_the_exact_title_back_without_raw_controls(
    capsys: pytest.CaptureFixture[str], store: Path, command: list[str]
) -> None:
    if command == ["show"]:
        command = ["show", str(_hostile_event(capsys, store)["id"])]
    out = _cli(capsys, "--db", str(store), *command, "--format", "json")
    assert_terminal_safe(out)
    data = json.loads(out)
    titles = [d["title"] for d in (data if isinstance(data, list) else [data])]
    assert HOSTILE_TITLE in titles


def test_a_rejected_file_name_is_escaped_in_the_build_report(capsys: pytest.CaptureFixture[str]) -> None:
    rejected = SimpleNamespace(name="bad\x1b]0;pwned\x07\u202efdp.exe", reason="binary content: \x9b2J")
    report = SimpleNamespace(
        documents=1, added=[], updated=[], unchanged=[], removed=[], rejected=[rejected], problems=[],
        events=0, seconds=0.1,
    )  # fmt: skip
    _print_build(report)
    out = capsys.readouterr().out
    assert_terminal_safe(out)
    assert "rejected bad\\x1b]0;pwned\\x07\\u202efdp.exe: binary content: \\x9b2J" in out


# ------------------------------------------------------------------------------------------ the window


def test_the_window_list_shows_the_controls_as_markers(qtbot, store: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.app import make_app
    from desktop.gui.firstpaint import COLUMNS, first_page_model
    from desktop.gui.models import EventTableModel, FacetModel
    from desktop.store.firstpage import read_first_page
    from desktop.store.queries import FacetValue

    make_app()
    title_column = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "title")
    archive = Archive.open(store, read_only=True)
    try:
        model = EventTableModel(archive)
        model.reset_with(EventFilter(), archive.count(EventFilter()))
        shown = [model.index(row, title_column).data() for row in range(model.rowCount())]
    finally:
        archive.close()
    rows = read_first_page(store)
    assert rows is not None
    stand_in = first_page_model(rows)
    shown_first = [stand_in.index(row, title_column).data() for row in range(stand_in.rowCount())]
    expected = "Report ⟨ESC⟩[2J cleared ⟨ESC⟩]52;c;SGVsbG8=⟨BEL⟩ copied ⟨CSI⟩31m red ⟨RLO⟩evil⟨PDF⟩ end"
    for titles in (shown, shown_first):
        hostile = [t for t in titles if "evil" in t]
        assert len(hostile) == 1 and hostile[0].endswith(expected), hostile  # after the uncatalogued mark
        assert not any(unsafe(ch) for t in titles for ch in t)
    facets = FacetModel("place")
    facets.set_values([FacetValue("place", 1, "\u202eksniM", 3)], EventFilter(), {})
    assert facets.index(0, 0).data() == "⟨RLO⟩ksniM  (3)"


def test_filter_chips_show_the_controls_as_markers(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.app import make_app
    from desktop.gui.filters import ChipsBar

    make_app()
    bar = ChipsBar()
    qtbot.addWidget(bar)
    bar.set_chips([("place", 1, "Min\u202esk\x1b", False)])
    assert bar.chips[0].text() == "Places: Min⟨RLO⟩sk⟨ESC⟩  ×"


# ------------------------------------------------------------------------------------------ properties


@given(st.text())
def test_terminal_safe_output_has_no_unsafe_character(text: str) -> None:
    assert not any(unsafe(ch) for ch in terminal_safe(text))
    assert not any(unsafe(ch, newline_ok=True) for ch in terminal_safe(text, newlines=True))
    assert not any(unsafe(ch) for ch in display_title(text))


_SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"))).filter(
    lambda t: not any(unsafe(ch) for ch in t)
)


@given(_SAFE_TEXT)
def test_safe_text_is_left_as_it_is(text: str) -> None:
    assert terminal_safe(text) == text
    assert display_title(text) == text


@given(st.text())
def test_json_safe_is_the_same_json(text: str) -> None:
    dumped = json_safe(json.dumps({"title": text, "list": [text]}, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == {"title": text, "list": [text]}
    assert_terminal_safe(dumped)


def test_scripts_are_untouched() -> None:
    for text in (
        "中白工业园",
        "भारतीय प्रतिनिधिमंडल",
        "שלום עולם",
        "مرحبا بالعالم",
        "Учёные",
        "क्\u200dष",  # a zero-width joiner is part of Devanagari spelling
        "Café\u00a0Zürich",
    ):
        assert terminal_safe(text) == text == display_title(text)


def test_display_title_costs_well_under_a_microsecond_for_a_title() -> None:
    # Run for every list cell formatted: the fast path (nothing to mark) must stay cheap. Measured
    # 0.1-0.2 µs on a shared 2-core machine; the bound is loose so that a busy machine does not fail it.
    titles = ["Academy delegation visits Minsk", "Делегация Национальной академии наук посетила Минск"]
    for title in titles:
        seconds = min(timeit.repeat(lambda t=title: display_title(t), number=20_000, repeat=5)) / 20_000
        assert seconds < 1e-6, seconds
