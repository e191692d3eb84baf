"""The event list's controller: a filter's list, its count, landmarks and blocks, the facet counts, the
timeline, the search box, and the selection with its detail — every read an operation on a worker.

A mixin of :class:`~desktop.gui.window.MainWindow`, which owns the widgets it drives (``model``, ``table``,
``facet_models``, ``timeline``, ``chips``, ``search``, ``detail``) and the operations (``ops``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.gui.filters import KIND_LABELS, SECTIONS
from desktop.gui.host import WindowParts
from desktop.gui.i18n import tr
from desktop.gui.models import MATCH_COLUMN
from desktop.gui.valuenames import facet_value_name
from desktop.gui.widgets import plural
from desktop.safetext import display_title
from desktop.services import Archive, CancelToken, EventFilter, QueryError, parse_query

FACET_LIMIT = 300
# How long after a new list's first page its facet and timeline counts start (see _load_list).
THEN_DELAY_MS = 40


class ListController(WindowParts):
    """What the window does when its filter, order or selection changes."""

    def apply_filter(self, f: EventFilter) -> None:
        self.filter = f
        self._refresh_chips()
        self.filters.dates.set_values(f.date_from, f.date_to, f.include_imprecise)
        self.timeline.set_selection(f.date_from, f.date_to)
        self.table.setColumnHidden(MATCH_COLUMN, not f.text)
        sort, descending = self.wanted_sort()
        if sort == "relevance" and not f.text:
            sort, descending = "date", True  # nothing left to be relevant to
            self.sort_wanted = (sort, descending)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)
        # The facet and timeline counts start once the first page is shown: on two cores they would
        # otherwise take the CPU the page's query needs (100 k: first page p95 89 → 69 ms).
        self._load_list(f, sort, descending, then=self._refresh_counts)

    def _refresh_counts(self) -> None:
        self._refresh_facets()
        self._refresh_timeline()
        self._refresh_map()

    def _load_list(
        self,
        f: EventFilter,
        sort: str,
        descending: bool,
        total: int | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """The first page on the list's worker, shown as soon as it is fetched; the count follows.

        Counting can cost far more than the first 200 rows (a country at a million events matches
        600,000), so the list does not wait for it: the view gets the page, the count label says
        "counting…", and the rows grow to the count when it lands (see :meth:`_count_list`). ``total``:
        the count when it is already known (a new order of the same rows); ``then``: what to start once the
        page is shown.
        """
        model = self.model
        self.ops.supersede("total")  # the count of a list about to be replaced is interrupted

        def shown(first: list[Any]) -> None:
            # Fewer rows than a page: that is every row there is, no count needed.
            known = len(first) if len(first) < model.BLOCK else total
            counting = known is None
            model.reset_with(
                f, len(first) if known is None else known, first, (sort, descending), counting=counting
            )
            # From the top (the page just fetched): left where it was, the view would first paint, and
            # fetch, rows deep in the new list that the reselection below scrolls away from anyway.
            self.table.scrollToTop()
            self._reselect()
            if known is None:
                self.count_label.setText(tr("{n:,}+ events, counting…").format(n=len(first)))
                # Like the facet counts below: after the page's paint (a superseded count gives up at once).
                self.runner.later(THEN_DELAY_MS, lambda: self._count_list(f, sort, descending))
            else:
                self._counted(f, sort, descending, known)
            if then is not None:
                # After the page's paint, not beside it: the counts' workers would take the cores it needs.
                self.runner.later(THEN_DELAY_MS, then)

        self.ops.query(
            lambda _archive, cancel: model.fetch_page(f, sort, descending, cancel),
            shown,
            key="page",
            lane="list",
        )

    def _count_list(self, f: EventFilter, sort: str, descending: bool) -> None:
        """Count the list's rows on a worker of its own; interrupted when a newer list replaces it."""

        def done(total: int) -> None:
            if self.model.set_total(f, (sort, descending), total):
                self._counted(f, sort, descending, total)

        self.ops.query(lambda archive, cancel: archive.count(f, cancel), done, key="total", lane="count")

    def _counted(self, f: EventFilter, sort: str, descending: bool, total: int) -> None:
        """The list's count is known: say it, and note the keysets for far jumps (they need it)."""
        self.count_label.setText(plural(total, "event"))
        self.count_label.setToolTip("")
        if total == 0 and (f.date_from or f.date_to) and not f.include_imprecise:
            self._hint_imprecise(f)
        if total > 4 * self.model.BLOCK:
            self._load_landmarks(f, sort, descending)

    def _hint_imprecise(self, f: EventFilter) -> None:
        """Nothing dated within the range: say how many events only may lie in it (a year or a month that
        overlaps it), and how to see them."""
        wider = replace(f, include_imprecise=True)

        def done(maybe: int) -> None:
            if maybe and self.model.filter == f and self.model.count == 0:
                said = tr(
                    "0 events — {events} may fall in these dates: tick “Include undated / imprecise” to "
                    "see them"
                ).format(events=plural(maybe, "event"))
                self.count_label.setText(said)
                self.count_label.setToolTip(
                    tr("Their dates are known only to the year or month, which overlaps the range chosen.")
                )

        self.ops.query(lambda archive, cancel: archive.count(wider, cancel), done, key="imprecise")

    def _load_landmarks(self, f: EventFilter, sort: str, descending: bool) -> None:
        """Keysets of every block's start, so a jump far into the list needs no OFFSET (1 M: 130 → 20 ms)."""
        block = self.model.BLOCK

        def work(archive: Archive, cancel: CancelToken) -> dict[int, tuple[Any, int]] | None:
            return archive.landmarks(f, sort, descending, block, cancel)

        def done(marks: dict[int, tuple[Any, int]] | None) -> None:
            if marks:
                self.model.put_landmarks(f, (sort, descending), marks)

        self.ops.query(work, done, key="landmarks")

    def _request_block(self, block: int, blocks: int = 1) -> None:
        """Fetch blocks of rows the view wants, in one query (by keyset after the block before them when
        that is loaded, else from a landmark, else one OFFSET)."""
        request = self.model.block_request(block)
        if request is None:
            return
        f, sort, descending, after = request
        model = self.model

        def work(_archive: Archive, _cancel: CancelToken) -> list[Any] | None:
            if model.block_request(block) is None:
                return None  # scrolled past before this worker got to it
            return model.fetch_block(f, sort, descending, block, after, blocks)

        def done(rows: list[Any] | None) -> None:
            if rows is None or not model.put_block(f, (sort, descending), block * model.BLOCK, rows, blocks):
                return
            current = self.table.currentIndex()
            if current.isValid() and block <= current.row() // model.BLOCK < block + blocks:
                self._current_changed(current, None)  # its detail waited for its row

        self.ops.query(work, done, lane="list")

    def _fetch_snippets(self, text: str, ids: list[int]) -> None:
        self.ops.query(
            lambda archive, _cancel: archive.snippets(text, ids),
            lambda found: self.model.put_snippets(text, found),
        )

    sort_wanted: tuple[str, bool] | None = None  # the order last asked for (the list may not show it yet)

    def wanted_sort(self) -> tuple[str, bool]:
        """The order the reader asked for last: a filter applied while a new order is on its way keeps it
        (it took the order the list still showed, and the click was lost)."""
        return self.sort_wanted or (self.model.sort_key, self.model.descending)

    def _sort_requested(self, key: str, descending: bool) -> None:
        self.sort_wanted = (key, descending)
        # A new order of the same rows: their count is known unless it is still on its way. The rows are
        # the window's filter's: a filter just chosen may not have reached the list yet (sorting then
        # showed the rows of the filter before it).
        settled = self.model.filter == self.filter and not self.model.counting
        self._load_list(self.filter, key, descending, self.model.count if settled else None)

    def _reselect(self) -> None:
        """Keep the event the reader was looking at selected when it still matches; else the first row."""
        if self.model.count == 0:
            self.selected_event = None
            self.detail.show_event(None)
            return
        target = self.selected_event
        if target is not None:
            f, sort, desc = self.model.filter, self.model.sort_key, self.model.descending

            def work(archive: Archive, _cancel: CancelToken) -> tuple[int | None, list[Any]]:
                # The row's block is fetched here too, so scrolling to it never queries on the GUI thread.
                row = archive.row_of_event(f, sort, desc, target)
                return row, self.model.fetch_block_of(f, sort, desc, row) if row else []

            def done(result: tuple[int | None, list[Any]]) -> None:
                row, rows = result
                if row and rows:
                    self.model.put_block(f, (sort, desc), row, rows, blocks=2)  # fetch_block_of's two
                self._select_row_or_first(row)

            self.ops.query(work, done, key="reselect", lane="list")
        else:
            self._select_row_or_first(0)

    def _select_row_or_first(self, row: int | None) -> None:
        row = row if row is not None and row < self.model.count else 0
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _refresh_facets(self, only: str | None = None) -> None:
        f, names = self.filter, dict(self.name_filters)
        kinds = [only] if only else [kind for kind, _ in SECTIONS]

        def work(archive: Archive, cancel: CancelToken) -> dict[str, Any]:
            return archive.all_facets(f, FACET_LIMIT, kinds, names, cancel)

        def done(result: dict[str, Any]) -> None:
            for kind, values in result.items():
                for v in values:
                    self.labels[(kind, v.value)] = v.label
                self.facet_models[kind].set_values(values, f, self.labels)

        # A newer count of the same facets interrupts this one if it is still running.
        self.ops.query(work, done, key=f"facets:{only or 'all'}")

    def _refresh_timeline(self) -> None:
        f = self.filter

        self.ops.query(
            lambda archive, cancel: archive.timeline(f, cancel), self.timeline.set_timeline, key="timeline"
        )

    def _refresh_chips(self) -> None:
        def label(kind: str, value: Any) -> str:
            return facet_value_name(kind, value, self.labels.get((kind, value), str(value)))

        chips = [(k, v, label(k, v), False) for k, v in sorted(self.filter.include, key=str)]
        chips += [(k, v, label(k, v), True) for k, v in sorted(self.filter.exclude, key=str)]
        if self.filter.date_from or self.filter.date_to:
            span = f"{self.filter.date_from or '…'} – {self.filter.date_to or '…'}"
            if self.filter.include_imprecise:
                span = tr("{span} (+ imprecise)").format(span=span)
            chips.append(("date", None, span, False))
        if self.filter.text:
            chips.append(("search", None, f"“{self.filter.text}”", False))
        self.chips.set_chips(chips)

    def _facet_toggled(self, kind: str, value: Any, include: bool) -> None:
        self.apply_filter(
            self.filter.with_value(kind, value) if include else self.filter.without(kind, value)
        )

    def _remember_and_apply(self, kind: str, value: Any, exclude: bool) -> None:
        self.apply_filter(
            self.filter.with_excluded(kind, value) if exclude else self.filter.with_value(kind, value)
        )

    def remove_value(self, kind: str, value: Any) -> None:
        if kind == "date":
            self.apply_filter(replace(self.filter, date_from=None, date_to=None, include_imprecise=False))
        elif kind == "search":
            self.search.clear()
        else:
            self.apply_filter(self.filter.without(kind, value))

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter(EventFilter())

    def _name_filter(self, kind: str, text: str) -> None:
        self.name_filters[kind] = text
        self._refresh_facets(only=kind)

    def _dates_changed(self, date_from: str | None, date_to: str | None, imprecise: bool) -> None:
        self.apply_filter(
            replace(self.filter, date_from=date_from, date_to=date_to, include_imprecise=imprecise)
        )

    def _search_changed(self) -> None:
        text = self.search.text().strip() or None
        if text:
            try:
                parse_query(text)
            except QueryError as exc:
                self._search_refused(exc)
                return
        self.search.setToolTip("")
        self.search.setStyleSheet("")
        self.search_entities = frozenset()
        self.detail.set_search(text)
        if text:

            def named(entities: frozenset[int]) -> None:
                if self.filter.text == text:
                    self.search_entities = entities
                    self.detail.set_search(text, entities)

            self.ops.query(lambda archive, _cancel: archive.matched_entities(text), named, key="named")
        self.apply_filter(replace(self.filter, text=text))

    def _search_refused(self, exc: QueryError) -> None:
        """Say what is wrong with a search and keep the last good results; the box shows it needs a fix.

        Also for a search refused only when it ran (by the query layer or SQLite): a status message, never
        a dialog per failed task.
        """
        said = tr("Search: {problem}").format(problem=exc)
        self.statusBar().showMessage(said, 8000)
        self.search.setToolTip(said)
        self.search.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }")

    def filter_by_entity(self, entity_id: int) -> None:
        def work(archive: Archive, _cancel: CancelToken) -> Any:
            return archive.entity_refs([entity_id]).get(entity_id)

        def done(ref: Any) -> None:
            if ref is not None:
                self.labels[(ref.type, ref.id)] = ref.name
                self.apply_filter(self.filter.with_value(ref.type, ref.id))
                kind = tr(KIND_LABELS[ref.type]) if ref.type in KIND_LABELS else ref.type
                self.statusBar().showMessage(
                    tr("Filtered by {kind}: {name}").format(kind=kind, name=ref.name), 4000
                )

        self.ops.query(work, done)

    # ------------------------------------------------------------------ selection and detail

    def _current_changed(self, current: Any, _previous: Any) -> None:
        # A row still on its way shows its detail when its block arrives (see _request_block).
        row = self.model.loaded_row_at(current.row()) if current.isValid() else None
        if row is None:
            return
        self.selected_event = row.id
        event_id = row.id
        # On the list's own worker: a detail must not wait behind seconds of facet counts.
        self.ops.query(
            lambda archive, cancel: archive.detail(event_id, cancel),
            self._show_detail,
            key="detail",
            lane="list",
        )

    def _show_detail(self, detail: Any) -> None:
        # A detail is shown only for the event selected now: one asked for before a newer selection (the
        # runner drops superseded results by key, and this checks the id each result carries) never
        # puts one event's sources under another's header.
        if detail is not None and detail.row.id != self.selected_event:
            return
        self.detail.show_event(detail)
        self.detail.set_search(self.filter.text, self.search_entities)

    def select_event_key(self, key: str) -> None:
        """Select an event by its id; if the filters hide it, clear them first."""
        f, sort, desc = self.filter, self.model.sort_key, self.model.descending

        def work(archive: Archive, _cancel: CancelToken) -> tuple[int | None, int | None, list[Any]]:
            event_id = archive.find_event(key)
            if event_id is None:
                return None, None, []
            row = archive.row_of_event(f, sort, desc, event_id)
            return event_id, row, self.model.fetch_block_of(f, sort, desc, row) if row else []

        def done(result: tuple[int | None, int | None, list[Any]]) -> None:
            event_id, row, rows = result
            if event_id is None:
                self.statusBar().showMessage(
                    tr("No event has the id {key}.").format(key=display_title(key)), 5000
                )
                return
            self.selected_event = event_id
            if row is None:
                self.statusBar().showMessage(tr("The filters hid that event: they were cleared."), 5000)
                self.clear_filters()
            else:
                if rows:
                    self.model.put_block(f, (sort, desc), row, rows)
                self._select_row_or_first(row)

        self.ops.query(work, done, key="select")

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r.id for r in (self.model.row_at(i) for i in rows) if r is not None]
