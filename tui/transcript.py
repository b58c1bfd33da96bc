"""The transcript as turns, every proposal marked inline, drawn with the line API.

One widget per paragraph does not scale (10 s for a 650 KB page), so the text is laid
out here: the document is cut into blocks at turn starts, each block is turned into a
display string with style runs and wrapped by terminal cells, and only the lines on
screen become strips. A decision re-lays out just the block that holds the edit.

Transcript text is never parsed as markup: it goes into segments as it is, and control
characters are shown as their Unicode pictures (ESC as ␛) so nothing reaches the terminal.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import ClassVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotations.model import Edit, Status, Turn
from annotations.review import Review
from cleaners.registry import kind_of

#: Control characters become their pictures (U+2400 block), one cell each.
VISIBLE_CONTROLS = {
    **{code: 0x2400 + code for code in range(0x20) if code != 0x0A},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}
#: A line break inside text that a pending or rejected edit would remove or add.
SHOWN_BREAK = "↵"
WORD = re.compile(r"\S+\s*|\s+")

#: One colour per kind of proposal, so an entity fix and a layout fix look different.
KIND_COLOURS = {
    "entity": "#e5c07b",
    "speaker": "#56b6c2",
    "encoding": "#e06c75",
    "marker": "#61afef",
    "boilerplate": "#c678dd",
    "translation": "#98c379",
    "layout": "#8a8f98",
    "edit": "#ffffff",
}


def visible(text: str) -> str:
    r"""``text`` with control characters shown, never sent to the terminal.

    >>> visible("a\x1b[31mb\tc")
    'a␛[31mb␉c'
    """
    return text.translate(VISIBLE_CONTROLS)


def _cells(text: str) -> int:
    return len(text) if text.isascii() else sum(map(get_character_cell_size, text))


def wrap_points(line: str, width: int) -> list[int]:
    """Offsets where ``line`` breaks to fit ``width`` terminal cells, words kept whole
    when they fit; wide (CJK) characters count two cells.

    >>> wrap_points("the quick brown fox", 10)
    [0, 10]
    >>> wrap_points("法說會逐字稿", 4)
    [0, 2, 4]
    """
    width = max(width, 2)
    if line.isascii() and len(line) <= width:
        return [0]
    points = [0]
    used = 0
    for match in WORD.finditer(line):
        word = match.group()
        start = match.start()
        size = _cells(word)
        trimmed = _cells(word.rstrip())
        if used and used + trimmed > width:
            points.append(start)
            used = 0
        if size > width and not word.isspace():
            # a word longer than the line is cut by cells
            offset = start
            for char in word:
                cell = get_character_cell_size(char)
                if used + cell > width:
                    points.append(offset)
                    used = 0
                used += cell
                offset += 1
        else:
            used += size
    return points


@dataclass
class Layout:
    """One block laid out at one width: its display text, style runs and line starts."""

    text: str
    runs: list[tuple[int, int, str, str | None]]  # start, end, style name, edit id
    run_starts: list[int]
    line_starts: list[int]
    line_ends: list[int]
    decoration: str | None
    pieces: list[tuple[int, int, int]]  # original start, display start, length (plain text)
    edit_offsets: dict[str, int]

    @property
    def height(self) -> int:
        return len(self.line_starts) + (1 if self.decoration is not None else 0)


@dataclass
class Block:
    """A turn (or the preamble before the first turn) and the edits that start in it."""

    start: int
    end: int
    turn: Turn | None
    number: int
    edits: list[Edit] = field(default_factory=list)
    layout: Layout | None = None
    strips: dict[int, Strip] = field(default_factory=dict)


def cut_blocks(review: Review) -> list[Block]:
    """Blocks at turn starts, merged where an edit crosses a boundary."""
    text = review.document.text
    edits = sorted(review.edits, key=lambda e: (e.start, e.end))
    turn_at = {turn.start: turn for turn in review.turns}
    bounds = sorted(position for position in turn_at if position > 0)
    crossed: set[int] = set()
    for edit in edits:
        index = bisect_right(bounds, edit.start)
        while index < len(bounds) and bounds[index] < edit.end:
            crossed.add(bounds[index])
            index += 1
    edges = [0, *(b for b in bounds if b not in crossed), len(text)]
    blocks = [
        Block(start, end, turn_at.get(start), number)
        for number, (start, end) in enumerate(pairwise(edges))
    ]
    block_starts = [b.start for b in blocks]
    for edit in edits:
        # an insertion at a turn start (a restored name) belongs to that turn
        blocks[max(bisect_right(block_starts, edit.start) - 1, 0)].edits.append(edit)
    return blocks


class TranscriptView(ScrollView, can_focus=False):
    """The whole transcript, proposals inline: pending, applied and rejected styled apart."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript--turn",
        "transcript--speaker",
        "transcript--pending",
        "transcript--applied",
        "transcript--rejected",
        "transcript--removed",
        "transcript--uncertain",
        "transcript--selected",
        "transcript--found",
    }

    DEFAULT_CSS = """
    TranscriptView {
        background: $surface;
        padding: 0 1;
        scrollbar-gutter: stable;
    }
    TranscriptView > .transcript--turn { color: $text-muted; background: $boost; }
    TranscriptView > .transcript--speaker { text-style: bold; color: $text; }
    TranscriptView > .transcript--pending { text-style: bold underline; background: $warning 20%; }
    TranscriptView > .transcript--applied { text-style: underline; }
    TranscriptView > .transcript--rejected { text-style: dim; background: $error 15%; }
    TranscriptView > .transcript--removed { text-style: strike dim; color: $error; }
    TranscriptView > .transcript--uncertain { text-style: italic; background: $secondary 25%; }
    TranscriptView > .transcript--selected { text-style: reverse bold; }
    TranscriptView > .transcript--found { background: $accent 50%; }
    """

    def __init__(self, review: Review, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._index(review)
        self._tops: list[int] = []
        self._stale: set[int] = set()
        self._width = 0
        self._styles: dict[str, Style] = {}
        self.selected: str | None = None
        self.found: tuple[int, int] | None = None

    def _index(self, review: Review) -> None:
        self.review = review
        self.blocks = cut_blocks(review)
        self._block_starts = [b.start for b in self.blocks]
        self._block_of_edit = {e.id: b.number for b in self.blocks for e in b.edits}
        self._turn_numbers = {turn.start: n for n, turn in enumerate(review.turns, start=1)}
        self._marks = self._annotation_marks()
        self._mark_starts = [mark[0] for mark in self._marks]
        self._mark_reach = list(accumulate((mark[1] for mark in self._marks), max))

    # --- layout ----------------------------------------------------------------------

    def _annotation_marks(self) -> list[tuple[int, int, str]]:
        marks = [
            (a.start, a.end, "uncertain")
            for a in self.review.proposals.annotations
            if a.kind == "uncertain"
        ]
        marks += [
            (*t.speaker_span, "speaker")
            for t in self.review.turns
            if t.speaker_span[1] > t.speaker_span[0]
        ]
        return sorted(marks)

    def _lay_out(self, block: Block, width: int) -> Layout:
        text = self.review.document.text
        status = self.review.status
        parts: list[str] = []
        runs: list[tuple[int, int, str, str | None]] = []
        pieces: list[tuple[int, int, int]] = []
        offsets: dict[str, int] = {}
        length = 0

        def emit(chunk: str, style: str, edit_id: str | None = None) -> None:
            nonlocal length
            if chunk:
                parts.append(chunk)
                runs.append((length, length + len(chunk), style, edit_id))
                length += len(chunk)

        def plain(start: int, end: int) -> None:
            position = start
            for mark_start, mark_end, style in self._marks_between(start, end):
                if mark_start > position:
                    pieces.append((position, length, mark_start - position))
                    emit(visible(text[position:mark_start]), "plain")
                    position = mark_start
                stop = min(mark_end, end)
                if stop > position:
                    pieces.append((position, length, stop - position))
                    emit(visible(text[position:stop]), style)
                    position = stop
            if end > position:
                pieces.append((position, length, end - position))
                emit(visible(text[position:end]), "plain")

        cursor = block.start
        for edit in block.edits:
            if edit.start < cursor:
                continue  # an alternative to an edit already shown; the list still has it
            plain(cursor, edit.start)
            offsets[edit.id] = length
            original = text[edit.start : edit.end]
            state = status.get(edit.id, Status.PROPOSED)
            tag = f"{kind_of(edit.cleaner)}:{edit.id}"
            if state is Status.APPLIED:
                if edit.replacement:
                    emit(visible(edit.replacement), f"applied {tag}", edit.id)
                elif self.selected == edit.id:
                    emit(visible(original).replace("\n", SHOWN_BREAK), f"removed {tag}", edit.id)
            elif state is Status.PROPOSED:
                emit(visible(original).replace("\n", SHOWN_BREAK), f"removed {tag}", edit.id)
                emit(
                    visible(edit.replacement).replace("\n", SHOWN_BREAK), f"pending {tag}", edit.id
                )
                if not original and not edit.replacement:
                    emit(SHOWN_BREAK, f"pending {tag}", edit.id)
            else:
                emit(visible(original), f"rejected {tag}", edit.id)
                if not original:
                    emit("∅" if self.selected == edit.id else "", f"rejected {tag}", edit.id)
            cursor = max(cursor, edit.end)
        plain(cursor, max(cursor, block.end))
        display = "".join(parts).rstrip("\n")
        line_starts: list[int] = []
        line_ends: list[int] = []
        position = 0
        for line in display.split("\n"):
            points = wrap_points(line, width)
            for point, following in zip(points, [*points[1:], len(line)], strict=True):
                line_starts.append(position + point)
                line_ends.append(position + following)
            position += len(line) + 1
        decoration = None
        if block.turn is not None:
            turn = block.turn
            number = self._turn_numbers.get(turn.start, 0)
            decoration = f" turn {number} · {turn.role} · {turn.section} "
        run_starts = [run[0] for run in runs]
        return Layout(
            display, runs, run_starts, line_starts, line_ends, decoration, pieces, offsets
        )

    def _marks_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The marks over ``[start, end)``, in order, trimmed so that none overlap."""
        # called for every stretch of plain text: look only at marks that can reach it
        first = bisect_right(self._mark_starts, start)
        while first and self._mark_reach[first - 1] > start:
            first -= 1
        last = bisect_right(self._mark_starts, end, lo=first)
        marks = self._marks[first:last]
        if self.found is not None and self.found[0] < end and start < self.found[1]:
            marks = sorted([*marks, (*self.found, "found")])
        chosen: list[tuple[int, int, str]] = []
        reach = start
        for mark_start, mark_end, style in marks:
            if mark_end <= reach or mark_start >= end:
                continue
            chosen.append((max(mark_start, reach), mark_end, style))
            reach = mark_end
        return chosen

    def _relayout(self, width: int) -> None:
        self._stale.clear()
        for block in self.blocks:
            block.layout = self._lay_out(block, width)
            block.strips.clear()
        self._restack()

    def _restack(self) -> None:
        heights = [b.layout.height if b.layout else 0 for b in self.blocks]
        self._tops = [0, *accumulate(heights)]
        self.virtual_size = Size(self._width, self._tops[-1])

    def refresh_blocks(
        self, edit_ids: set[str] | None = None, spans: tuple[tuple[int, int], ...] = ()
    ) -> None:
        """Lay out again the blocks holding these edits or spans (all blocks by default)."""
        if not self._width:
            return
        if edit_ids is None and not spans:
            self._relayout(self._width)
        else:
            # laid out when next needed, so several changes before a paint cost one layout
            self._stale |= {
                self._block_of_edit[i] for i in edit_ids or () if i in self._block_of_edit
            }
            self._stale |= {self._block_at(position) for span in spans for position in span}
        self.refresh()

    def _settle(self) -> None:
        """Lay out the blocks that changed since the last look."""
        if self._stale:
            for number in self._stale:
                block = self.blocks[number]
                block.layout = self._lay_out(block, self._width)
                block.strips.clear()
            self._stale.clear()
            self._restack()

    def reload(self, review: Review) -> None:
        """Show ``review`` after hand edits changed its set of edits."""
        self._index(review)
        self.refresh_blocks()

    def _block_at(self, position: int) -> int:
        return max(bisect_right(self._block_starts, position) - 1, 0)

    def on_resize(self) -> None:
        width = max(self.scrollable_content_region.width, 10)
        if width != self._width:
            self._width = width
            self._relayout(width)
            self.refresh()
        # a new height too can hide the selection: bring it back whatever changed
        if self.selected is not None:
            line = self.line_of_edit(self.selected)
            if line is not None:
                self.reveal_line(line)

    def notify_style_update(self) -> None:
        self._styles.clear()
        for block in self.blocks:
            block.strips.clear()
        super().notify_style_update()

    # --- finding things --------------------------------------------------------------

    def line_of_edit(self, edit_id: str) -> int | None:
        self._settle()
        number = self._block_of_edit.get(edit_id)
        if number is None or not self._tops:
            return None
        block = self.blocks[number]
        assert block.layout is not None
        return self._line_in_block(block, block.layout.edit_offsets.get(edit_id, 0))

    def line_of_position(self, position: int) -> int | None:
        self._settle()
        if not self._tops:
            return None
        block = self.blocks[self._block_at(position)]
        assert block.layout is not None
        display = 0
        for original_start, display_start, size in block.layout.pieces:
            if original_start <= position <= original_start + size:
                display = display_start + position - original_start
                break
            if original_start > position:
                display = display_start
                break
        return self._line_in_block(block, display)

    def _line_in_block(self, block: Block, display_offset: int) -> int:
        assert block.layout is not None
        index = max(bisect_right(block.layout.line_starts, display_offset) - 1, 0)
        top = self._tops[block.number] + (1 if block.layout.decoration is not None else 0)
        return top + index

    def reveal_line(self, line: int) -> None:
        """Scroll so ``line`` sits a third of the way down, unless it is already in view."""
        height = self.scrollable_content_region.height
        if self.scroll_y + 1 <= line < self.scroll_y + height - 1:
            return
        target = max(line - height // 3, 0)
        if target > self.max_scroll_y:
            # the scroll limits catch up with a new height only after a refresh
            self.call_after_refresh(self.scroll_to, y=target, animate=False)
        else:
            self.scroll_to(y=target, animate=False)

    def select(self, edit_id: str | None) -> None:
        """Mark ``edit_id`` as the selected proposal and bring it into view."""
        changed = {i for i in (self.selected, edit_id) if i}
        self.selected = edit_id
        self.refresh_blocks(changed)
        if edit_id is not None:
            line = self.line_of_edit(edit_id)
            if line is not None:
                self.reveal_line(line)

    def show_found(self, span: tuple[int, int] | None) -> None:
        """Highlight a search hit (original offsets) and bring it into view."""
        old = self.found
        self.found = span
        self.refresh_blocks(set(), tuple(s for s in (old, span) if s))
        if span is not None:
            line = self.line_of_position(span[0])
            if line is not None:
                self.reveal_line(line)

    # --- drawing ---------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            state, _, tag = name.partition(" ")
            if state == "plain":
                style = base
            else:
                style = base + self.get_component_rich_style(f"transcript--{state}")
                kind = tag.partition(":")[0]
                if kind and state in ("pending", "applied"):
                    style += Style(color=KIND_COLOURS.get(kind))
            self._styles[name] = style
        return style

    def _strip(self, block: Block, index: int) -> Strip:
        layout = block.layout
        assert layout is not None
        width = self._width
        if layout.decoration is not None:
            if index == 0:
                label = layout.decoration
                return Strip(
                    [Segment(("──" + label).ljust(width, "─")[:width], self._style("turn x"))]
                )
            index -= 1
        start, end = layout.line_starts[index], layout.line_ends[index]
        segments: list[Segment] = []
        selected = self._style("selected x") if self.selected else None
        runs = layout.runs
        for number in range(max(bisect_right(layout.run_starts, start) - 1, 0), len(runs)):
            run_start, run_end, name, edit_id = runs[number]
            if run_start >= end:
                break
            if run_end <= start:
                continue
            chunk = layout.text[max(run_start, start) : min(run_end, end)].replace("\n", "")
            style = self._style(name)
            if selected is not None and edit_id == self.selected:
                style += selected
            segments.append(Segment(chunk, style))
        return Strip(segments).extend_cell_length(width, self._style("plain"))

    def render_line(self, y: int) -> Strip:
        self._settle()
        line = y + int(self.scroll_y)
        if not self._tops or line >= self._tops[-1]:
            return Strip.blank(self.size.width, self._style("plain"))
        number = bisect_right(self._tops, line) - 1
        block = self.blocks[number]
        index = line - self._tops[number]
        strip = block.strips.get(index)
        if strip is None:
            strip = block.strips[index] = self._strip(block, index)
        return strip
