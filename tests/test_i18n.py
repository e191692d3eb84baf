"""The window in its readers' languages (issue 19): English, Russian and Chinese through Qt's translation
system; every word of the window translated in each .ts source, and the .qm files shipped compiled from
them."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.gui import i18n
from desktop.gui.app import make_app
from desktop.gui.window import MainWindow
from desktop.services import Archive

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def _messages(language: str) -> dict[str, ET.Element]:
    root = ET.parse(I18N / f"archive_viewer_{language}.ts").getroot()
    return {m.findtext("source") or "": m for m in root.iter("message")}


@pytest.mark.parametrize("language", ["ru", "zh"])
def test_every_word_of_the_window_is_translated(language: str) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from update_translations import counts, words
    finally:
        sys.path.pop(0)
    messages = _messages(language)
    assert set(words()) | set(counts()) <= set(messages), "run scripts/update_translations.py"

    def done(message: ET.Element) -> bool:
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            return False
        forms = [f.text for f in translation.iter("numerusform")]
        return all(forms) if message.get("numerus") == "yes" else bool(translation.text)

    assert [s for s, m in messages.items() if not done(m)] == []


def test_counts_take_each_languages_plural_forms(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.widgets import plural

    app = make_app()
    assert [plural(n, "event") for n in (1, 2, 1234)] == ["1 event", "2 events", "1,234 events"]
    try:
        i18n.install(app, "ru")
        assert [plural(n, "event") for n in (1, 3, 5, 21)] == [
            "1 событие",
            "3 события",
            "5 событий",
            "21 событие",
        ]
        i18n.install(app, "zh")
        assert plural(5, "event") == "5 个事件"
    finally:
        i18n.install(app, "en")


@pytest.mark.parametrize("language", ["ru", "zh"])
def test_the_shipped_qm_is_compiled_from_its_ts(language: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out = tmp_path / "x.qm"
    subprocess.run(
        [str(lrelease), "-silent", str(I18N / f"archive_viewer_{language}.ts"), "-qm", str(out)], check=True
    )
    assert out.read_bytes() == (I18N / f"archive_viewer_{language}.qm").read_bytes()


@pytest.mark.parametrize(
    ("language", "file_menu", "people"), [("ru", "&Файл", "Люди"), ("zh", "文件(&F)", "人物")]
)
def test_the_window_is_built_in_the_language_chosen(
    qtbot, mini_archive: Archive, tmp_path: Path, language: str, file_menu: str, people: str
) -> None:  # type: ignore[no-untyped-def]
    make_app()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    english = MainWindow(mini_archive, settings)
    qtbot.addWidget(english)
    english.language_actions[language].trigger()  # View › Language: from the next start
    assert english.menuBar().actions()[0].text() == "&File"
    app = QApplication.instance()
    try:
        window = MainWindow(mini_archive, settings)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == file_menu
        assert window.filters.sections["person"].header.text() == people
        assert window.language_actions[language].isChecked()
    finally:
        assert isinstance(app, QApplication)
        i18n.install(app, "en")
    back = MainWindow(mini_archive, QSettings(str(tmp_path / "e.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(back)
    assert back.menuBar().actions()[0].text() == "&File"  # English again once chosen


def test_the_lists_words_and_counts_are_in_the_language_chosen(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    make_app()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/language", "ru")
    app = QApplication.instance()
    try:
        window = MainWindow(mini_archive, settings)
        qtbot.addWidget(window)
        window.show()
        window.start()
        for _ in range(4):
            assert window.runner.wait_idle()
        headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert headers == ["Дата", "Заголовок", "Тип"]
        assert "событи" in window.count_label.text()
        dates = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
        english = (
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
            "undated",
        )
        assert dates and not [d for d in dates if any(word in d for word in english)]
        assert window.search.placeholderText().startswith("Поиск")
        # The catalogue's words for types and kinds are shown in the window's language, kept in English.
        types = {window.model.index(r, 2).data() for r in range(window.model.rowCount())}
        assert "визит" in types and "visit" not in types
        facet = window.facet_models["type"]
        shown = [facet.index(r, 0).data() for r in range(facet.rowCount())]
        assert any(text.startswith("визит  (") for text in shown), shown
        assert "visit" in {v.value for v in facet.values}  # the filter still asks for the stored word
        window.select_event_key("evt.2021-06-03.visit")
        assert window.runner.wait_idle()
        assert "визит" in window.detail.header.toHtml()
        window.select_event_key("evt.undated.talk")
        assert window.runner.wait_idle()
        assert "принимающая сторона" in window.detail.header.toHtml()  # its host
    finally:
        assert isinstance(app, QApplication)
        i18n.install(app, "en")


def test_the_catalogues_words_each_have_a_name_to_show() -> None:
    from desktop.catalogue.model import EVENT_TYPES, MODES, TRANSLATION_KINDS
    from desktop.dates import CERTAINTIES
    from desktop.gui.valuenames import (
        CERTAINTY_NAMES,
        ENTITY_KIND_NAMES,
        EVENT_TYPE_NAMES,
        MODE_NAMES,
        NOTE_KIND_NAMES,
        ROLE_NAMES,
        TRANSLATION_KIND_NAMES,
    )
    from desktop.services import ENTITY_KINDS, NOTE_CERTAINTIES, NOTE_KINDS, ROLES

    assert tuple(EVENT_TYPE_NAMES) == EVENT_TYPES
    assert set(MODE_NAMES) == set(MODES) - {"unknown"}
    assert tuple(ENTITY_KIND_NAMES) == tuple(ENTITY_KINDS)
    assert tuple(NOTE_KIND_NAMES) == NOTE_KINDS
    assert tuple(ROLE_NAMES) == ROLES
    assert tuple(TRANSLATION_KIND_NAMES) == TRANSLATION_KINDS
    assert set(CERTAINTY_NAMES) == set(NOTE_CERTAINTIES) | set(CERTAINTIES)


def test_the_event_editor_shows_types_in_the_language_and_saves_the_catalogues_word(
    qtbot, mini_archive: Archive, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop.gui.editor import EventEditor, PassageNoteDialog

    make_app()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "zh")
    try:
        fields = mini_archive.event_fields("evt.undated.talk")
        submitted: list[dict[str, object]] = []
        editor = EventEditor(None, "evt.undated.talk", fields, [], submitted.append)
        qtbot.addWidget(editor)
        assert editor.type.currentText() == "会见"  # a meeting
        editor.type.setCurrentIndex(editor.type.findText("访问"))
        assert editor.changes()["type"] == "visit"
        legacy = EventEditor(None, "evt.undated.talk", {**fields, "type": "webinar"}, [], submitted.append)
        qtbot.addWidget(legacy)
        assert legacy.type.currentText() == "webinar" and "type" not in legacy.changes()
        editor.start.date.setText("2021")
        editor.start.certainty.setCurrentIndex(editor.start.certainty.findText("来源明示"))
        assert editor.changes()["start"]["certainty"] == "stated"
        notes: list[tuple[str, str, object]] = []
        note = PassageNoteDialog(None, "佛山", lambda *a: notes.append(a), "conflict", "", "probable")
        qtbot.addWidget(note)
        assert (note.kind.currentText(), note.certainty.currentText()) == ("矛盾", "很可能")
        note.body.setPlainText("两个日期")
        note._save()
        assert notes == [("conflict", "两个日期", "probable")]
    finally:
        i18n.install(app, "en")


def test_dates_are_written_as_each_language_writes_them() -> None:
    from desktop.gui import localdates

    cases = [
        "4–6 Jun 2025?",
        "Dec 2021",
        "2023?",
        "3 Dec, year unknown",
        "undated",
        "1 Dec 2021 – 5 Jan 2022",
    ]
    try:
        localdates.set_language("ru")
        assert [localdates.local_date(c) for c in cases] == [
            "4–6 июн. 2025?",
            "дек. 2021",
            "2023?",
            "3 дек., год неизвестен",
            "без даты",
            "1 дек. 2021 – 5 янв. 2022",
        ]
        localdates.set_language("zh")
        assert [localdates.local_date(c) for c in cases] == [
            "2025年6月4–6日?",
            "2021年12月",
            "2023?",
            "12月3日（年份不详）",
            "无日期",
            "2021年12月1日 – 2022年1月5日",
        ]
    finally:
        localdates.set_language("en")
    assert localdates.local_date("4–6 Jun 2025?") == "4–6 Jun 2025?"


def test_qts_own_buttons_speak_the_language_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    app = make_app()
    try:
        for language, close in (("ru", "Закрыть"), ("zh", "关闭")):
            i18n.install(app, language)
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            qtbot.addWidget(box)
            button = box.button(QDialogButtonBox.StandardButton.Close)
            assert button is not None and button.text().replace("&", "") == close, language
    finally:
        i18n.install(app, "en")
    assert [i18n.plain(t) for t in ("&File", "文件(&F)", "Save && go")] == ["File", "文件", "Save & go"]
