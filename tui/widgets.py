"""The editor's panels: the proposal list, its counts, the detail of one proposal, and the
translation of the paragraph it sits in. They report upward with messages; the state
(the session) lives in the review screen."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import OptionList, Static

from annotations.model import Edit, Status
from annotations.review import Review
from cleaners.registry import KIND_OF_CLEANER, KINDS, kind_of
from tui.transcript import KIND_COLOURS, visible

STATUS_MARKS = {Status.PROPOSED: "●", Status.APPLIED: "✓", Status.REJECTED: "✗"}
STATUS_WORDS = {Status.PROPOSED: "pending", Status.APPLIED: "accepted", Status.REJECTED: "rejected"}
STATUS_STYLES = {Status.PROPOSED: "bold yellow", Status.APPLIED: "green", Status.REJECTED: "red"}
CHANGE_WIDTH = 38


def change_text(original: str, replacement: str, width: int = CHANGE_WIDTH) -> Text:
    """``old → new`` on one line, shown literally, control characters made visible.

    >>> change_text("Accutel", "Ecutel").plain
    'Accutel → Ecutel'
    >>> change_text("  • ", "").plain
    '"  • " removed'
    """

    def show(text: str) -> str:
        shown = visible(text).replace("\n", "↵")
        return f'"{shown}"' if shown != shown.strip() or not shown else shown

    if not replacement:
        plain = f"{show(original)} removed"
    elif not original:
        plain = f"+ {show(replacement)}"
    else:
        plain = f"{show(original)} → {show(replacement)}"
    if len(plain) > width:
        plain = plain[: width - 1] + "…"
    return Text(plain)


def candidate_index(review: Review) -> dict[tuple[int, int], list[dict[str, Any]]]:
    """The ranked candidates the entity cleaner gave, by the span they are for."""
    return {
        (a.start, a.end): list(a.body["candidates"])
        for a in review.proposals.annotations
        if a.kind == "entity" and a.body.get("candidates")
    }


def entity_candidates(review: Review, edit: Edit) -> list[dict[str, Any]]:
    """The ranked candidates the entity cleaner gave for this edit's span."""
    return candidate_index(review).get(edit.span, [])


class FileList(OptionList):
    """The transcripts of a folder; its footer says that enter opens one (an option
    list's own enter is a hidden binding, and a first-time user saw only "q Quit")."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]


class ProposalCounts(Static):
    """Pending and total proposals of each kind, and the active filter."""

    DEFAULT_CSS = """
    ProposalCounts { height: 2; padding: 0 1; background: $boost; }
    """

    def show(self, review: Review, kind: str | None, status: Status | None) -> None:
        totals: Counter[str] = Counter()
        pending: Counter[str] = Counter()
        states = Counter(review.status.values())
        proposed = Status.PROPOSED
        for edit in review.edits:
            kind_name = KIND_OF_CLEANER.get(edit.cleaner, edit.cleaner)
            totals[kind_name] += 1
            if review.status[edit.id] is proposed:
                pending[kind_name] += 1
        text = Text()
        for kind_name in KINDS:
            if totals[kind_name]:
                style = KIND_COLOURS.get(kind_name, "")
                if kind == kind_name:
                    style += " reverse"
                text.append(f"{kind_name} {pending[kind_name]}/{totals[kind_name]}", style)
                text.append("  ")
        text.append(
            f"\n{states[Status.PROPOSED]} pending · {states[Status.APPLIED]} accepted · "
            f"{states[Status.REJECTED]} rejected · "
            f"{kind or 'all kinds'}, {STATUS_WORDS[status] if status else 'any status'}",
            "dim",
        )
        # a fixed height: the screen need not lay out again on every key
        self.update(text, layout=False)


class ProposalMessage(Message):
    """Something the editor asked of one proposal."""

    def __init__(self, edit_id: str) -> None:
        super().__init__()
        self.edit_id = edit_id


class ProposalList(ScrollView, can_focus=True):
    """Every proposal, one row each, grouped by kind (or in text order) and filterable.

    Drawn with the line API: thousands of rows cost nothing until they are on screen.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"proposal-list--cursor"}
    DEFAULT_CSS = """
    ProposalList { height: 1fr; background: $surface; }
    ProposalList > .proposal-list--cursor { background: $accent 60%; text-style: bold; }
    ProposalList:focus > .proposal-list--cursor { background: $accent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next", show=False),
        Binding("k,up", "cursor_up", "Previous", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("n", "next_pending", "Next pending"),
        Binding("p", "previous_pending", "Prev pending"),
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("A", "all_like('applied')", "Accept all like it"),
        Binding("R", "all_like('rejected')", "Reject all like it"),
        Binding("e", "edit", "Edit"),
        Binding("g", "glossary", "To glossary"),
        Binding("f", "cycle_kind", "Filter kind"),
        Binding("F", "cycle_status", "Filter status"),
        Binding("o", "toggle_order", "Group by kind"),
        *[Binding(str(n), f"pick({n})", f"Pick candidate {n}", show=False) for n in range(1, 10)],
    ]

    class Chosen(Message):
        """The highlighted proposal changed."""

        def __init__(self, edit_id: str | None) -> None:
            super().__init__()
            self.edit_id = edit_id

    class Accepted(ProposalMessage):
        pass

    class Rejected(ProposalMessage):
        pass

    class AllLikeRequested(Message):
        """Decide every pending proposal of the same kind or the same original text."""

        def __init__(self, edit_id: str, status: Status) -> None:
            super().__init__()
            self.edit_id = edit_id
            self.status = status

    class EditRequested(ProposalMessage):
        pass

    class GlossaryRequested(ProposalMessage):
        pass

    class CandidatePicked(Message):
        def __init__(self, edit_id: str, number: int) -> None:
            super().__init__()
            self.edit_id = edit_id
            self.number = number

    class FilterChanged(Message):
        pass

    def __init__(self, review: Review, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.review = review
        self.cursor_row = 0
        self._strips: dict[str, Strip] = {}
        self._base_style = Style()
        self.kind_filter: str | None = None
        self.status_filter: Status | None = None
        self.grouped = True
        self.order: list[str] = []

    def on_mount(self) -> None:
        self.populate()

    def _row(self, edit: Edit) -> Strip:
        status = self.review.status[edit.id]
        kind = kind_of(edit.cleaner)
        original = self.review.document.text[edit.start : edit.end]
        change = change_text(original, edit.replacement).plain
        base = self._base_style
        segments = [
            Segment(f" {STATUS_MARKS[status]} ", base + Style.parse(STATUS_STYLES[status])),
            Segment(f"{kind:<12}", base + Style(color=KIND_COLOURS.get(kind))),
            Segment(change.ljust(CHANGE_WIDTH), base),
            Segment(f" {edit.confidence:.2f}", base + Style(dim=True)),
        ]
        return Strip(segments)

    def populate(self, keep: str | None = None) -> None:
        """Fill the rows for the current filters; the cursor stays on ``keep`` if shown."""
        keep = keep or self.current
        review = self.review
        edits = [
            e
            for e in review.edits
            if (self.kind_filter is None or kind_of(e.cleaner) == self.kind_filter)
            and (self.status_filter is None or review.status[e.id] is self.status_filter)
        ]
        if self.grouped:
            rank = {kind: n for n, kind in enumerate(KINDS)}
            edits.sort(key=lambda e: (rank.get(kind_of(e.cleaner), len(rank)), e.start, e.end))
        self.order = [e.id for e in edits]
        self._strips.clear()
        self.virtual_size = Size(CHANGE_WIDTH + 22, len(self.order))
        self.cursor_row = self.order.index(keep) if keep in self.order else 0
        self._follow_cursor()
        self.refresh()
        self.post_message(self.Chosen(self.current))

    def refresh_rows(self, edit_ids: set[str]) -> None:
        """Show the new status of these edits."""
        for edit_id in edit_ids:
            self._strips.pop(edit_id, None)
        self.refresh()

    @property
    def current(self) -> str | None:
        if not self.order or not 0 <= self.cursor_row < len(self.order):
            return None
        return self.order[self.cursor_row]

    def move_cursor(self, row: int, animate: bool = False, announce: bool = True) -> None:
        """Put the cursor on ``row`` (clamped), scroll it into view and report it
        (unless the caller shows the new selection itself: ``announce=False``)."""
        row = min(max(row, 0), len(self.order) - 1)
        if row == self.cursor_row or row < 0:
            return
        self.cursor_row = row
        self._follow_cursor()
        self.refresh()
        if announce:
            self.post_message(self.Chosen(self.current))

    def _follow_cursor(self) -> None:
        height = max(self.scrollable_content_region.height, 1)
        if self.cursor_row < self.scroll_y:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= self.scroll_y + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.order) - 1)

    def on_click(self, event: events.Click) -> None:
        self.move_cursor(int(self.scroll_y) + event.y)

    def notify_style_update(self) -> None:
        self._strips.clear()
        self._base_style = self.rich_style
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_y)
        width = self.size.width
        if row >= len(self.order):
            return Strip.blank(width, self._base_style)
        edit_id = self.order[row]
        strip = self._strips.get(edit_id)
        if strip is None:
            strip = self._strips[edit_id] = self._row(self.review.by_id[edit_id])
        if row == self.cursor_row:
            cursor = self.get_component_rich_style("proposal-list--cursor")
            strip = strip.apply_style(cursor)
        return strip.crop_extend(int(self.scroll_x), int(self.scroll_x) + width, self._base_style)

    def _seek_pending(self, step: int) -> None:
        status = self.review.status
        row = self.cursor_row + step
        while 0 <= row < len(self.order):
            if status[self.order[row]] is Status.PROPOSED:
                self.move_cursor(row=row, animate=False)
                return
            row += step
        self.notify("no more pending proposals this way", timeout=2)

    def action_next_pending(self) -> None:
        self._seek_pending(1)

    def action_previous_pending(self) -> None:
        self._seek_pending(-1)

    def _post_for_current(self, make: type[Message], *extra: Any) -> None:
        if self.current is None:
            self.notify("no proposal selected", severity="warning", timeout=2)
            return
        self.post_message(make(self.current, *extra))  # type: ignore[call-arg]

    def action_accept(self) -> None:
        self._post_for_current(self.Accepted)

    def action_reject(self) -> None:
        self._post_for_current(self.Rejected)

    def action_all_like(self, status: str) -> None:
        self._post_for_current(self.AllLikeRequested, Status(status))

    def action_edit(self) -> None:
        self._post_for_current(self.EditRequested)

    def action_glossary(self) -> None:
        self._post_for_current(self.GlossaryRequested)

    def action_pick(self, number: int) -> None:
        self._post_for_current(self.CandidatePicked, number)

    def action_cycle_kind(self) -> None:
        present = [k for k in KINDS if any(kind_of(e.cleaner) == k for e in self.review.edits)]
        choices: list[str | None] = [None, *present]
        self.kind_filter = choices[(choices.index(self.kind_filter) + 1) % len(choices)]
        self.populate()
        self.post_message(self.FilterChanged())

    def action_cycle_status(self) -> None:
        choices: list[Status | None] = [None, Status.PROPOSED, Status.APPLIED, Status.REJECTED]
        self.status_filter = choices[(choices.index(self.status_filter) + 1) % len(choices)]
        self.populate()
        self.post_message(self.FilterChanged())

    def action_toggle_order(self) -> None:
        self.grouped = not self.grouped
        self.populate()
        self.notify("grouped by kind" if self.grouped else "in text order", timeout=2)


class DetailPanel(Static):
    """The selected proposal: original and replacement, reason, confidence, candidates."""

    DEFAULT_CSS = """
    DetailPanel { height: 12; padding: 0 1; border-top: solid $primary; }
    """

    _candidates: tuple[object, dict[tuple[int, int], list[dict[str, Any]]]] = (None, {})

    def show(self, review: Review, edit_id: str | None) -> None:
        if edit_id is None or edit_id not in review.by_id:
            self.update(Text("no proposal selected", "dim"), layout=False)
            return
        edit = review.by_id[edit_id]
        status = review.status[edit_id]
        kind = kind_of(edit.cleaner)
        original = review.document.text[edit.start : edit.end]
        text = Text()
        text.append(f"{edit.id} ", "bold")
        text.append(kind, KIND_COLOURS.get(kind, ""))
        text.append(f" by {edit.cleaner} · ")
        text.append(STATUS_WORDS[status], STATUS_STYLES[status])
        text.append(f" · confidence {edit.confidence:.2f}")
        superseded = review.proposals.superseded.get(edit.id)
        if superseded:
            text.append(f" · overlaps {superseded}", "dim")
        text.append("\noriginal:    ", "dim")
        text.append(visible(original).replace("\n", "↵") or "(nothing: an insertion)")
        text.append("\nreplacement: ", "dim")
        text.append(visible(edit.replacement).replace("\n", "↵") or "(nothing: a removal)")
        text.append("\nwhy: ", "dim")
        text.append(edit.reason)
        if self._candidates[0] is not review.proposals.annotations:
            # indexed once per set of annotations: a scan on every key would cost 5 ms
            self._candidates = (review.proposals.annotations, candidate_index(review))
        candidates = self._candidates[1].get(edit.span, [])
        if candidates:
            text.append("\ncandidates (press the number to pick):", "dim")
            for number, candidate in enumerate(candidates[:9], start=1):
                text.append(
                    f"\n  {number}. {candidate.get('name')} ({candidate.get('kind')}, "
                    f"{candidate.get('score', '')})"
                )
        # a fixed height: the screen need not lay out again on every key
        self.update(text, layout=False)


class TranslationPanel(Static):
    """The Chinese machine translation of the paragraph the selected proposal sits in."""

    DEFAULT_CSS = """
    TranslationPanel { height: 8; padding: 0 1; border-top: solid $secondary; }
    """

    def show(self, review: Review, edit_id: str | None) -> None:
        if not self.display:
            return  # shown again when it is toggled on
        text = Text()
        edit = review.by_id.get(edit_id) if edit_id else None
        translations = [a for a in review.proposals.annotations if a.kind == "translation"]
        if edit is None:
            found = []
        elif edit.cleaner == "language":  # the removal of the translation line itself
            found = [a for a in translations if edit.start <= a.body["source"][0] < edit.end]
        else:
            paragraph = _paragraph_of(review, edit.start)
            found = [
                a
                for a in translations
                if paragraph is not None and a.start < paragraph[1] and paragraph[0] < a.end
            ]
        if not translations:
            text.append("this page has no translations", "dim")
        elif not found:
            text.append("no translation of this paragraph", "dim")
        for annotation in found:
            body = annotation.body
            text.append(f"{body.get('language', '')}: ", "dim")
            text.append(visible(str(body.get("text", ""))))
            if not body.get("aligned"):
                text.append(f"\n{body.get('review', 'not aligned')}", "italic")
            text.append("\n")
        # a fixed height: the screen need not lay out again on every key
        self.update(text, layout=False)


def _paragraph_of(review: Review, position: int) -> tuple[int, int] | None:
    for turn in review.turns:
        if turn.start <= position <= turn.end:
            for paragraph in turn.paragraphs:
                if paragraph[0] <= position <= paragraph[1]:
                    return paragraph
            return turn.start, turn.end
    return None
