"""Making and arranging events from the window (issue 18): a new event from the document shown (its
selected words as evidence), another event merged into the selected one, the selected one split in two,
its sources attached or detached, the event it is part of. Each one undoable step (Ctrl+Z).

A mixin of :class:`~desktop.gui.window.MainWindow`; every read and write goes through the service API off
the GUI thread, and a refused one is said in its dialog with everything typed kept.
"""

from __future__ import annotations

from typing import Any

from desktop.changes import Change
from desktop.gui.editor import EventEditor
from desktop.gui.eventdialogs import EventChooser, FlagsDialog, SourcesDialog
from desktop.gui.host import WindowParts
from desktop.gui.i18n import tr
from desktop.gui.participantsdialog import ParticipantsDialog
from desktop.gui.valuenames import kind_name
from desktop.services import Archive, EditError, EventFilter


class EventActions(WindowParts):
    """New event, merge, split, sources, parent."""

    event_dialog: Any = None  # the open dialog of these actions, if any
    flags_dialog: FlagsDialog | None = None
    participants_dialog: ParticipantsDialog | None = None

    def _opened(self, dialog: Any) -> None:
        dialog.finished.connect(lambda _result: setattr(self, "event_dialog", None))
        self.event_dialog = dialog
        dialog.open()

    def _need_event(self) -> int | None:
        if self.selected_event is None:
            self.statusBar().showMessage(tr("Select an event first"), 4000)
        return self.selected_event

    def new_event(self) -> None:
        """A new event reported by the document shown; the words selected in it become its evidence."""
        doc = self.detail.document
        if doc is None:
            self.statusBar().showMessage(
                tr("Select an event and the document that reports the new one"), 4000
            )
            return
        span = self.detail.selected_passage()
        words = doc.text[span[0] : span[1]] if span else ""
        title = " ".join(words.split())[:200] if span else doc.title

        def load(archive: Archive, _cancel: object) -> list[tuple[str, str]]:
            return sorted(
                (f"{ref.name} ({kind_name(ref.type)})", ref.key)
                for kind in ("place", "country")
                for ref, _names in archive.entities(kind)
            )

        def opened(places: list[tuple[str, str]]) -> None:
            def submit(changes: dict[str, Any]) -> None:
                fields = {**changes, "title": changes.get("title", title)}
                passage = (doc.id, span[0], span[1]) if span else None
                self._dialog_write(
                    dialog,
                    lambda a: a.create_event(fields, [doc.id], passage)[1],
                    tr("Made the event “{title}” (Ctrl+Z to undo)").format(title=fields["title"]),
                )

            dialog = EventEditor(self, "new", {"title": title}, places, submit)
            dialog.setWindowTitle(tr("New event — reported by {file}").format(file=doc.filename))
            self._opened(dialog)

        self.ops.query(load, opened, key="new-event")

    def _events(self, archive: Archive, leave_out: int | None) -> list[tuple[str, str]]:
        return [
            (f"{r.title} — {r.date} ({r.key})", r.key)
            for r in archive.all_rows(EventFilter(), "date")
            if r.id != leave_out
        ]

    def merge_event(self) -> None:
        """Choose another event to merge into the selected one (its sources and participants join)."""
        event_id = self._need_event()
        if event_id is None:
            return

        def opened(candidates: list[tuple[str, str]]) -> None:
            def submit(other: str | None) -> None:
                assert other is not None
                self._dialog_write(
                    dialog,
                    lambda a: a.merge_events(event_id, other),
                    tr("Merged {event} (Ctrl+Z to undo)").format(event=other),
                )

            dialog = EventChooser(
                self,
                tr("Merge an event into this one"),
                tr(
                    "The event chosen is the same as the selected one: its sources, participants and parts "
                    "join the selected event, and it leaves the list."
                ),
                candidates,
                submit,
            )
            self._opened(dialog)

        self.ops.query(lambda a, _c: self._events(a, event_id), opened, key="merge-event")

    def set_event_parent(self) -> None:
        """Choose the event the selected one is part of (or none)."""
        event_id = self._need_event()
        if event_id is None:
            return

        def load(archive: Archive, _cancel: object) -> tuple[list[tuple[str, str]], str | None]:
            detail = archive.detail(event_id)
            return self._events(archive, event_id), detail.parent[0] if detail and detail.parent else None

        def opened(loaded: tuple[list[tuple[str, str]], str | None]) -> None:
            candidates, current = loaded

            def submit(parent: str | None) -> None:
                self._dialog_write(
                    dialog, lambda a: a.set_parent(event_id, parent), tr("Saved the parent (Ctrl+Z to undo)")
                )

            dialog = EventChooser(
                self,
                tr("Part of an event"),
                tr("The event the selected one is part of:"),
                candidates,
                submit,
                none=tr("(none: it is part of no other event)"),
                current=current,
            )
            self._opened(dialog)

        self.ops.query(load, opened, key="parent-event")

    def _sources_dialog(self, split: bool) -> None:
        event_id = self._need_event()
        if event_id is None:
            return

        def load(archive: Archive, _cancel: object) -> tuple[str, list[tuple[int, str]]]:
            detail = archive.detail(event_id)
            assert detail is not None
            return detail.row.title, [(d.id, d.filename) for d in detail.documents]

        def opened(loaded: tuple[str, list[tuple[int, str]]]) -> None:
            title, sources = loaded

            def submit(ticked: list[int], extra: str) -> None:
                if split:
                    self._dialog_write(
                        dialog,
                        lambda a: a.split_event(event_id, extra, ticked)[1],
                        tr("Split “{title}” off (Ctrl+Z to undo)").format(title=extra),
                    )
                    return

                def work(a: Archive) -> Change:
                    added = [a.find_document(extra)] if extra else []
                    return a.set_sources(event_id, [*ticked, *added])

                self._dialog_write(dialog, work, tr("Saved the sources (Ctrl+Z to undo)"))

            dialog = SourcesDialog(self, title, sources, submit, split=split)
            self._opened(dialog)

        self.ops.query(load, opened, key="sources")

    def split_event(self) -> None:
        self._sources_dialog(split=True)

    def edit_sources(self) -> None:
        self._sources_dialog(split=False)

    def show_flags(self) -> None:
        """Everything flagged for review; a passage's opens its event; a flag looked at is cleared."""

        def clear(flag: dict[str, Any]) -> None:
            def work(a: Archive) -> Change:
                if flag["kind"] == "entity":
                    return a.flag_entity(flag["key"], None)
                return a.flag_passage(flag["document"], flag["start"], flag["end"], None)

            def done(_change: Change) -> None:
                self.statusBar().showMessage(tr("Cleared the flag (Ctrl+Z to undo)"), 5000)
                if self.flags_dialog is not None:
                    self.flags_dialog.accept()
                self.show_flags()  # the list as it now is

            self.ops.write(work, done, on_error=self._failed)

        def opened(flags: list[dict[str, Any]]) -> None:
            dialog = FlagsDialog(self, flags, self.select_event_key, clear)
            dialog.finished.connect(lambda _result: setattr(self, "flags_dialog", None))
            self.flags_dialog = dialog
            dialog.open()

        self.ops.query(lambda a, _c: a.flags(), opened, key="flags")

    def edit_participants(self) -> None:
        """The selected event's participants: add from the authority, change a role or title, remove."""
        event_id = self._need_event()
        if event_id is None:
            return

        def labels(archive: Archive) -> dict[str, str]:
            detail = archive.detail(event_id)
            parts = detail.participants if detail is not None else []
            return {p.entity.key: f"{p.entity.name} ({kind_name(p.entity.type)})" for p in parts}

        def load(archive: Archive, _cancel: object) -> tuple[str, dict[str, Any], dict[str, str], list[Any]]:
            detail = archive.detail(event_id)
            assert detail is not None
            people = archive.participants(event_id)

            # Every name of each entity in the label: typed in any script, the entity is found.
            def label(ref: Any, names: list[str]) -> str:
                others = " · ".join(n for n in names[:6] if n != ref.name)
                return f"{ref.name} ({kind_name(ref.type)}) — {others}"

            candidates = sorted(
                (label(ref, names), ref.key)
                for kind in ("person", "organisation", "place")
                for ref, names in archive.entities(kind)
            )
            return detail.row.title, people, labels(archive), candidates

        def opened(loaded: tuple[str, dict[str, Any], dict[str, str], list[Any]]) -> None:
            title, people, names, candidates = loaded

            def write(entity: str, role: str | None, held: str | None) -> None:
                def done(_change: Change) -> None:
                    said = (
                        tr("Removed {entity} (Ctrl+Z to undo)").format(entity=entity)
                        if role is None
                        else tr("Saved {entity} as {role} (Ctrl+Z to undo)").format(entity=entity, role=role)
                    )
                    self.statusBar().showMessage(said, 5000)
                    self.ops.query(
                        lambda a, _c: (a.participants(event_id), labels(a)),
                        lambda got: dialog.show_people(*got) if self.participants_dialog else None,
                        key="participants",
                    )

                def refused(exc: BaseException) -> None:
                    if isinstance(exc, EditError):
                        dialog.show_error(str(exc))
                    else:
                        self._failed(exc)

                self.ops.write(
                    lambda a: a.edit_participant(event_id, entity, role, held), done, on_error=refused
                )

            dialog = ParticipantsDialog(self, title, people, names, candidates, write)
            dialog.finished.connect(lambda _result: setattr(self, "participants_dialog", None))
            self.participants_dialog = dialog
            dialog.open()

        self.ops.query(load, opened, key="participants")
