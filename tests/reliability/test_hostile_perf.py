"""Hostile documents (issue 14): the linear replacements give what the quadratic code gave, and a long
document shown in the window ends up whole, in slices that a new selection cancels.

No timings are asserted (``benchmarks/hostile_bench.py`` measures them); the references below are the
straightforward quadratic code the fast paths replaced.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QTextDocument

from benchmarks.hostile_bench import name_dense_text
from desktop.gui.app import make_app
from desktop.gui.detail import SYNC_CHARS
from desktop.gui.richtext import Marks, render_side_by_side, render_text, search_spans
from desktop.gui.window import MainWindow
from desktop.ingest import pubdates
from desktop.ingest.build import provisional_key
from desktop.ingest.pubdates import find_publication_dates
from desktop.search import Token, _term_matches_at, match_spans, parse_query, tokens
from desktop.services import Archive
from desktop.store.detail import DebrisInfo, MentionInfo, NoteInfo, RenderingInfo
from desktop.store.queries import EntityRef
from desktop.textspans import SpanSet, overlaps, paragraphs
from tests.conftest import write_seeds

COLOURS = {
    "mention": "#e3edfd",
    "note": "#fff2c2",
    "selected": "#ffd24d",
    "match": "#ffe94d",
    "debris": "#eeeeee",
    "muted": "#6b6e73",
}

# ------------------------------------------------------------------------------------------ spans


def test_span_set_agrees_with_overlaps_and_containment_on_random_spans() -> None:
    rng = random.Random(14)
    for _ in range(400):
        starts = [rng.randrange(-5, 60) for _ in range(rng.randrange(12))]
        spans = [(s, s + rng.randrange(-3, 15)) for s in starts]
        found = SpanSet(spans)
        for _ in range(20):
            start = rng.randrange(-5, 70)
            end = start + rng.randrange(-3, 20)
            assert found.overlaps(start, end) == overlaps(start, end, spans), (spans, start, end)
            assert found.covers(start, end) == any(s <= start and end <= e for s, e in spans)


# ------------------------------------------------------------------------------------------ rendering


def _reference_render(
    text: str, marks: Marks, colours: dict[str, str], start: int = 0, end: int | None = None
) -> str:
    """The renderer as it was: every piece scans every mark (quadratic, and obviously right)."""
    end = len(text) if end is None else end
    cuts = {start, end}
    spans: list[tuple[int, int, str, int]] = []
    for i, m in enumerate(marks.mentions):
        spans.append((m.start, m.end, "mention", i))
    for i, n in enumerate(marks.notes):
        spans.append((n.start, n.end, "selected" if i == marks.selected_note else "note", i))
    for s, e in marks.matches:
        spans.append((s, e, "match", 0))
    for i, d in enumerate(marks.debris):
        spans.append((d.start, d.end, "debris", i))
    for s, e, _kind, _ref in spans:
        cuts.update(x for x in (s, e) if start < x < end)
    out: list[str] = []
    shown: set[int] = set()
    for a, b in pairwise(sorted(cuts)):
        active = [(kind, ref) for s, e, kind, ref in spans if s <= a and b <= e]
        collapsed = [ref for kind, ref in active if kind == "debris" and ref not in marks.expanded_debris]
        if collapsed:
            if collapsed[0] not in shown:
                shown.add(collapsed[0])
                d = marks.debris[collapsed[0]]
                out.append(
                    f'<a href="debris:{collapsed[0]}" style="color:{colours["muted"]}; text-decoration:none">'
                    f"[+ {html.escape(d.kind)} — {d.end - d.start:,} characters, not part of the article: "
                    f"show]</a>"
                )
            continue
        chunk = html.escape(text[a:b])
        kinds = {kind for kind, _ref in active}
        order = ("selected", "match", "note", "mention", "debris")
        background = next((colours[k] for k in order if k in kinds), "")
        style = f"background-color:{background};" if background else ""
        if "debris" in kinds:
            style += f"color:{colours['muted']};"
        if "selected" in kinds:
            style += "font-weight:600;"
        mention = next((ref for kind, ref in active if kind == "mention"), None)
        if mention is not None:
            entity = marks.mentions[mention].entity
            chunk = f'<a class="m" href="entity:{entity.id}" style="{style}">{chunk}</a>'
        elif style:
            chunk = f'<span style="{style}">{chunk}</span>'
        out.append(chunk)
    return "".join(out)


def _random_marks(rng: random.Random, length: int) -> Marks:
    def span() -> tuple[int, int]:
        start = rng.randrange(0, length + 1)
        return start, min(length, start + rng.randrange(0, 12))

    # Mentions never overlap (the matcher keeps the leftmost longest); everything else may.
    mentions, reach = [], 0
    for start, end in sorted(span() for _ in range(rng.randrange(15))):
        if start >= reach and end > start:
            entity_id = rng.randrange(1, 5)
            entity = EntityRef(entity_id, f"person.{entity_id}", "person", "Someone")
            mentions.append(MentionInfo(start, end, "x", entity, False))
            reach = end
    notes = [NoteInfo("gloss", "a note", None, None, "q", *span()) for _ in range(rng.randrange(4))]
    debris = [
        DebrisInfo(rng.choice(["metadata", "navigation"]), *span(), "why", "detected") for _ in range(4)
    ]
    debris = debris[: rng.randrange(5)]
    return Marks(
        mentions=mentions,
        notes=notes,
        debris=debris,
        matches=sorted(span() for _ in range(rng.randrange(6))),
        selected_note=rng.choice([None, *range(len(notes))]),
        expanded_debris=frozenset(i for i in range(len(debris)) if rng.random() < 0.4),
    )


def test_render_text_equals_the_straightforward_renderer_on_random_marks() -> None:
    rng = random.Random(6)
    for _ in range(500):
        text = "".join(rng.choice("ab <&>\n\u0928\u093f") for _ in range(rng.randrange(1, 60)))
        marks = _random_marks(rng, len(text))
        assert render_text(text, marks, COLOURS) == _reference_render(text, marks, COLOURS)
        start = rng.randrange(0, len(text))
        end = rng.randrange(start, len(text) + 1)
        assert render_text(text, marks, COLOURS, start, end) == _reference_render(
            text, marks, COLOURS, start, end
        )


def test_side_by_side_equals_one_straightforward_render_per_paragraph() -> None:
    rng = random.Random(7)
    for _ in range(200):
        text = "\n".join("".join(rng.choice("abc <") for _ in range(rng.randrange(0, 9))) for _ in range(6))
        marks = _random_marks(rng, len(text))
        renderings = [RenderingInfo(2, 0, 0, "Belarus and China"), RenderingInfo(4, 0, 0, "Minsk")]
        rows = []
        for number, (start, end) in enumerate(paragraphs(text), start=1):
            left = _reference_render(text, marks, COLOURS, start, end)
            if number in (2, 4):
                right = html.escape("Belarus and China" if number == 2 else "Minsk")
            elif any(d.start <= start and end <= d.end for d in marks.debris):
                right = f"<span style='color:{COLOURS['muted']}'>(debris — not translated)</span>"
            else:
                right = f"<span style='color:{COLOURS['muted']}'>—</span>"
            rows.append(
                f"<tr><td valign='top' style='white-space:pre-wrap'>{left}</td>"
                f"<td valign='top' style='border-left:1px solid {COLOURS['muted']}'>{right}</td></tr>"
            )
        got = render_side_by_side(text, marks, renderings, COLOURS)
        assert got.endswith("".join(rows) + "</table>")


def _reference_match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """match_spans as it was: every term judged at every token, with a Token object each."""
    terms = parse_query(query).positive_terms
    toks: Sequence[Token] = list(tokens(text))
    spans = sorted(
        (toks[i].start, toks[i + len(t.toks) - 1].end)
        for i in range(len(toks))
        for t in terms
        if _term_matches_at(t, toks, i)
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


@pytest.mark.parametrize(
    "query",
    ["Belarus", "Минске", '"National Academy of Sciences"', "academ*", "Gusakov OR 中国", "Шаньдун -China"],
)
def test_match_spans_equal_the_token_by_token_judgement(query: str) -> None:
    text = name_dense_text(30_000)
    assert match_spans(text, query) == _reference_match_spans(text, query)
    assert search_spans(text, query) == _reference_match_spans(text, query)


# ------------------------------------------------------------------------------------------ publication dates

# The patterns as they were: unbounded, with plain (backtracking) separators.
_OLD = {
    "en": re.compile(
        r"(Release\s+time|Release\s+date|Published(?:\s+on)?|Publication\s+date|Posted(?:\s+on)?|Post\s+time)"
        r"\s*[:：]?\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})|([A-Za-z]+)\s*-?\s*(\d{1,2})\s*[,-]\s*(\d{4}))",
        re.IGNORECASE,
    ),
    "hi": re.compile(r"(पोस्ट\s+टाइम|प्रकाशित|प्रकाशन तिथि)\s*[:：]\s*(\S+?)\s*-?\s*(\d{1,2})\s*-\s*(\d{4})"),
    "ru": re.compile(
        r"(Дата\s+публикации|Опубликовано|Дата)\s*[:：]?\s*"
        r"(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{1,2})\s+([а-яё]+)\s+(\d{4}))",
        re.IGNORECASE,
    ),
}
_FRAGMENTS = [
    *("Published", "published on", "Posted", "Post time", "Release time", "Publication date", "POSTED"),
    *(":", "：", " ", "   ", "\n", "\t", "-", ",", ".", "2021", "12", "5", "03", "12.03.2020"),
    *("January", "Sept", "mar", "xyz", "a" * 30, "ß", "ſ", "İ"),
    *("पोस्ट टाइम", "प्रकाशित", "प्रकाशन तिथि", "जनवरी", "मार्च", "Дата", "Дата публикации", "Опубликовано"),
    *("мая", "января", "发布时间", "时间", "年", "月"),
]


def test_publication_dates_are_those_the_unbounded_patterns_found() -> None:
    """On texts of every date form (short, so the old patterns run fast) the bounded ones agree."""
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(_FRAGMENTS) for _ in range(rng.randrange(1, 14)))
        new = find_publication_dates(text)
        saved = pubdates._EN, pubdates._HI, pubdates._RU, pubdates._LONGEST
        try:
            pubdates._EN, pubdates._HI, pubdates._RU = _OLD["en"], _OLD["hi"], _OLD["ru"]
            pubdates._LONGEST = len(text) + 1
            old = find_publication_dates(text)
        finally:
            pubdates._EN, pubdates._HI, pubdates._RU, pubdates._LONGEST = saved
        assert new == old, text


def test_a_date_still_follows_a_run_that_once_made_the_search_quadratic() -> None:
    text = "posted" * 20_000 + "\nPublished: 2021-06-04\n" + "प्रकाशित:" * 5_000 + "\nDate"
    assert [(d.date, d.label) for d in find_publication_dates(text)] == [("2021-06-04", "Published")]


# ------------------------------------------------------------------------------------------ the window

LAST_LINE = "The last line of the hostile document, issue 14."


@pytest.fixture
def long_archive(tmp_path: Path) -> Iterator[tuple[Archive, str]]:
    """The mini seeds plus an imported ~300 kB name-dense document (its event's key)."""
    seeds = write_seeds(tmp_path / "seeds")
    archive = Archive.open(tmp_path / "long.sqlite")
    assert archive.build(seeds).ok
    path = tmp_path / "hostile.txt"
    path.write_text(name_dense_text(300_000) + LAST_LINE + "\n", encoding="utf-8")
    assert archive.import_paths([path]).ok
    yield archive, provisional_key(hashlib.sha256(path.read_bytes()).hexdigest())
    archive.close()


def _window(qtbot, archive: Archive, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    make_app()
    window = MainWindow(archive, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    assert window.runner.wait_idle()
    return window


def _settle(window: MainWindow) -> None:
    for _ in range(3):  # a result can start follow-up work (select → detail → marks → slices)
        assert window.runner.wait_idle()


def test_a_long_document_ends_up_whole_in_slices(qtbot, long_archive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive, key = long_archive
    window = _window(qtbot, archive, tmp_path)
    window.select_event_key(key)
    _settle(window)
    pane = window.detail
    # The first pass marks its short last line as page chrome (collapsed): every part is shown here.
    pane.debris_box.setChecked(True)
    _settle(window)
    assert pane.document is not None and len(pane.document.text) > SYNC_CHARS
    assert not pane.rendering and len(pane.slice_times) > 1  # shown progressively…
    shown = pane.text.toPlainText()
    assert LAST_LINE in shown  # …to its last line
    # …and exactly as the whole HTML given at once would show it.
    whole = QTextDocument()
    whole.setHtml(pane._shown_html[id(pane.text)])
    assert shown == whole.toPlainText()
    # Side by side: a table per slice, down to the last paragraph.
    pane.side_button.click()
    _settle(window)
    assert not pane.rendering and len(pane.slice_times) > 1
    side = pane.text.toPlainText()
    assert "the archive's translation" in side and LAST_LINE in side


def test_selecting_another_event_while_one_renders_shows_only_the_other(
    qtbot,  # type: ignore[no-untyped-def]
    long_archive: tuple[Archive, str],
    tmp_path: Path,
) -> None:
    archive, key = long_archive
    window = _window(qtbot, archive, tmp_path)
    pane = window.detail
    window.select_event_key(key)
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.row.key == key and pane.rendering)
    qtbot.waitUntil(lambda: bool(pane._progress and pane._progress.slices >= 1) or not pane.rendering)
    window.select_event_key("evt.2022-03.signing")  # while the long one is (probably) still being shown
    _settle(window)
    assert pane.detail is not None and pane.detail.row.key == "evt.2022-03.signing"
    shown = pane.text.toPlainText()
    assert "齐鲁工业大学" in shown
    assert LAST_LINE not in shown and "Marking names" not in shown and "Qianfoshan" not in shown
    assert not pane.rendering


def test_a_note_at_the_end_of_a_long_document_is_scrolled_to(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Selecting a note waits for the whole document, then brings the passage into view."""
    line = "Gusakov of the National Academy of Sciences of Belarus in Minsk."
    body = "".join(f"Line {i}: {line}\n" for i in range(900))
    text = (
        "Source: the academy's site\n" + body + "Last of all, the delegation signed a memorandum in Jinan.\n"
    )
    entry = (
        'file = "long_en.txt"\ntitle = "A long report"\nlanguage = "en"\n'
        '[[note]]\nkind = "gloss"\nquote = "signed a memorandum in Jinan"\ntext = "The memorandum."\n'
    )
    events = (
        '[[event]]\nid = "evt.2021.long"\ntitle = "A long report"\ntype = "visit"\n'
        'sources = ["long_en.txt"]\n[event.start]\ndate = "2021"\nprecision = "year"\n'
        'certainty = "inferred"\nreason = "test"\n'
    )
    docs: dict[str, str | bytes] = {"long_en.txt": text}
    seeds = write_seeds(tmp_path / "seeds", docs=docs, events=events, entries={"long_en": entry})
    archive = Archive.open(tmp_path / "notes.sqlite")
    assert archive.build(seeds).ok
    try:
        window = _window(qtbot, archive, tmp_path)
        window.select_event_key("evt.2021.long")
        _settle(window)
        pane = window.detail
        assert pane.document is not None and len(pane.document.text) > SYNC_CHARS
        pane.select_note(0)
        _settle(window)
        cursor = pane.text.textCursor()
        assert "signed a memorandum" in cursor.block().text()
        assert pane.text.verticalScrollBar().value() > 0
        # Opening the debris at the top re-renders the same document: the reader's place is kept.
        assert pane.document.debris and "[+ metadata" in pane.text.toPlainText()
        place = pane.text.verticalScrollBar().value()
        pane._link(QUrl("debris:0"))
        _settle(window)
        assert "Source: the academy's site" in pane.text.toPlainText()
        bar = pane.text.verticalScrollBar()
        assert bar.value() == min(place, bar.maximum())  # the note was at the end: the end still shows
    finally:
        archive.close()
