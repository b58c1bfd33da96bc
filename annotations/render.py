"""Apply a set of non-overlapping edits to the original text, with an exact offset map.

The map answers, both ways, where a position of one text lands in the other. Positions
outside every edit map exactly; a position inside an edited span maps to the edge of
its replacement.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from annotations.model import Edit

Bias = Literal["before", "after"]


def resolve_overlaps(
    edits: Iterable[Edit], rank: Callable[[Edit], int] = lambda e: 0
) -> tuple[list[Edit], dict[int, int]]:
    """Pick a non-overlapping subset of ``edits``, deterministically.

    Higher confidence wins, then the lower ``rank`` (the cleaner's place in the
    pipeline), then the earlier span. Returns the winners sorted by position and a map
    from the index of each loser (in the input order) to the index of the edit that
    beat it, so nothing is dropped silently.

    >>> a = Edit(0, 5, "x", "encoding", "", 0.9)
    >>> b = Edit(3, 8, "y", "markers", "", 0.95)
    >>> winners, losers = resolve_overlaps([a, b])
    >>> [w.replacement for w in winners], losers
    (['y'], {0: 1})
    """
    indexed = list(enumerate(edits))
    order = sorted(
        indexed, key=lambda ie: (-ie[1].confidence, rank(ie[1]), ie[1].start, ie[1].end, ie[0])
    )
    kept: list[Edit] = []  # sorted by (start, end), pairwise non-overlapping
    kept_index: list[int] = []
    keys: list[tuple[int, int]] = []
    losers: dict[int, int] = {}
    for index, edit in order:
        position = bisect_left(keys, (edit.start, edit.end))
        beaten_by = _first_overlap(kept, position, edit)
        if beaten_by is None:
            kept.insert(position, edit)
            kept_index.insert(position, index)
            keys.insert(position, (edit.start, edit.end))
        else:
            losers[index] = kept_index[beaten_by]
    return kept, losers


def _first_overlap(kept: Sequence[Edit], position: int, edit: Edit) -> int | None:
    """Index in ``kept`` of an edit overlapping ``edit``, which sorts at ``position``."""
    right = position
    while right < len(kept) and kept[right].start <= edit.end:
        if edit.overlaps(kept[right]):
            return right
        right += 1
    # Kept edits do not overlap, so their ends rise with their starts: walking left,
    # once one ends before `edit` starts, every earlier one does too.
    left = position - 1
    while left >= 0 and kept[left].end >= edit.start:
        if edit.overlaps(kept[left]):
            return left
        left -= 1
    return None


def apply_order(edits: Iterable[Edit], rank: Callable[[Edit], int] = lambda e: 0) -> list[Edit]:
    """Sort non-overlapping edits in the order the renderer applies them."""
    return sorted(edits, key=lambda e: (e.start, e.end, rank(e)))


@dataclass(frozen=True)
class Rendering:
    """The text after edits, and the offset map between it and the original.

    The offsets are machine-integer arrays: a page has an edit for every line, and a
    tuple of Python ints would take as much memory as the text itself."""

    text: str
    original_length: int
    _starts: array[int]
    _ends: array[int]
    _clean_starts: array[int]
    _clean_ends: array[int]

    def to_clean(self, position: int, bias: Bias = "after") -> int:
        """Where original ``position`` lands in the clean text.

        ``bias`` decides insertions made exactly at ``position``: ``"before"`` returns
        the position before the inserted text, ``"after"`` the one after it.
        """
        if not 0 <= position <= self.original_length:
            raise IndexError(position)
        starts, ends = self._starts, self._ends
        i = bisect_left(starts, position)
        if i > 0 and ends[i - 1] > position:  # strictly inside edit i-1
            return self._clean_starts[i - 1] if bias == "before" else self._clean_ends[i - 1]
        if bias == "after":
            # insertions at `position` sort first among edits starting there
            while i < len(starts) and starts[i] == position and ends[i] == position:
                i += 1
        if i == 0:
            return position
        return self._clean_ends[i - 1] + (position - ends[i - 1])

    def to_original(self, position: int, bias: Bias = "after") -> int:
        """Where clean ``position`` comes from in the original text.

        Inside a replacement, ``"before"`` gives the start of the replaced span and
        ``"after"`` its end.
        """
        if not 0 <= position <= len(self.text):
            raise IndexError(position)
        clean_starts, clean_ends = self._clean_starts, self._clean_ends
        i = bisect_right(clean_starts, position)  # edits [0, i) start at or before it
        if i and clean_starts[i - 1] < position < clean_ends[i - 1]:
            return self._starts[i - 1] if bias == "before" else self._ends[i - 1]
        if bias == "before":
            while i and clean_starts[i - 1] == position:
                i -= 1
        elif i and clean_starts[i - 1] == position < clean_ends[i - 1]:
            return self._starts[i - 1]
        if i == 0:
            return position
        return self._ends[i - 1] + (position - clean_ends[i - 1])

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """The clean span of original ``[start, end)``, insertions at both edges kept."""
        return self.to_clean(start, "before"), self.to_clean(end, "after")


#: Pieces of the clean text joined at once while it is assembled.
PIECES_PER_JOIN = 256


def render(
    original: str, edits: Sequence[Edit], rank: Callable[[Edit], int] = lambda e: 0
) -> Rendering:
    """Apply non-overlapping ``edits`` to ``original``.

    >>> r = render("a  • b", [Edit(1, 5, " ", "layout", "bullet", 1.0)])
    >>> r.text, r.to_clean(5), r.to_original(2)
    ('a b', 2, 5)
    """
    ordered = apply_order(edits, rank)
    # Pieces are joined a few hundred at a time: a piece is a slice of the original, and a
    # page's thousands of them held at once took as much memory again as the text.
    pieces: list[str] = []
    joined: list[str] = []
    starts, ends, clean_starts, clean_ends = (array("q") for _ in range(4))
    cursor = 0
    clean_length = 0
    for edit in ordered:
        if edit.start < cursor or edit.end > len(original):
            raise ValueError(f"edits overlap or leave the text at {edit.start}..{edit.end}")
        pieces.append(original[cursor : edit.start])
        clean_length += edit.start - cursor
        starts.append(edit.start)
        ends.append(edit.end)
        clean_starts.append(clean_length)
        pieces.append(edit.replacement)
        clean_length += len(edit.replacement)
        clean_ends.append(clean_length)
        cursor = edit.end
        if len(pieces) >= PIECES_PER_JOIN:
            joined.append("".join(pieces))
            pieces.clear()
    pieces.append(original[cursor:])
    joined.append("".join(pieces))
    return Rendering("".join(joined), len(original), starts, ends, clean_starts, clean_ends)
