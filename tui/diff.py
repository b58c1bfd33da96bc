"""The whole document as a diff of original and clean lines, unified or side by side.

Lines are compared with rapidfuzz's Levenshtein opcodes over lists of lines (each line
hashed once), which is the difflib idea at rapidfuzz's speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from rapidfuzz.distance import Levenshtein
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.transcript import visible, wrap_points

#: Unchanged lines shown around each change in the unified view.
CONTEXT = 2


@dataclass(frozen=True)
class DiffLine:
    """One line of the diff: ``tag`` is ``=`` same, ``-`` original only, ``+`` clean only,
    ``~`` a run of unchanged lines folded away."""

    tag: str
    left: str | None
    right: str | None


def diff_lines(original: str, clean: str, *, side_by_side: bool) -> list[DiffLine]:
    """The diff of two texts by lines.

    >>> [(d.tag, d.left, d.right) for d in diff_lines("a\\nb\\nc", "a\\nB\\nc", side_by_side=True)]
    [('=', 'a', 'a'), ('~', 'b', 'B'), ('=', 'c', 'c')]
    >>> unified = diff_lines("a\\nb", "a\\nB", side_by_side=False)
    >>> [d.tag + (d.left or d.right or '') for d in unified]
    ['=a', '-b', '+B']
    """
    left, right = original.split("\n"), clean.split("\n")
    lines: list[DiffLine] = []
    for op in Levenshtein.opcodes(left, right):
        a, b = left[op.src_start : op.src_end], right[op.dest_start : op.dest_end]
        if op.tag == "equal":
            if side_by_side or len(a) <= 2 * CONTEXT + 1:
                lines.extend(DiffLine("=", x, x) for x in a)
            else:
                lines.extend(DiffLine("=", x, x) for x in a[:CONTEXT])
                lines.append(DiffLine("…", f"{len(a) - 2 * CONTEXT} unchanged lines", None))
                lines.extend(DiffLine("=", x, x) for x in a[-CONTEXT:])
        elif side_by_side:
            tag = "~" if a and b else ("-" if a else "+")
            lines.extend(DiffLine(tag, x, y) for x, y in zip_longest(a, b))
        else:
            lines.extend(DiffLine("-", x, None) for x in a)
            lines.extend(DiffLine("+", None, y) for y in b)
    return lines


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a CJK character takes two)."""
    return text + " " * max(width - cell_len(text), 0)


STYLES = {
    "=": Style(),
    "-": Style(color="#ff8080", bgcolor="#3a1010"),
    "+": Style(color="#90e090", bgcolor="#103a10"),
    "~": Style(color="#e5c07b"),
    "…": Style(dim=True, italic=True),
}


class DiffView(ScrollView, can_focus=True):
    """A line-API view of a diff, wrapped to the width of the screen."""

    DEFAULT_CSS = """
    DiffView { background: $surface; }
    """

    def __init__(self, original: str, clean: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.original, self.clean = original, clean
        self.side_by_side = False
        self._rows: list[list[Segment]] = []
        self._width = 0

    def toggle(self) -> None:
        self.side_by_side = not self.side_by_side
        self._build(self._width)

    def on_resize(self) -> None:
        width = max(self.scrollable_content_region.width, 20)
        if width != self._width:
            self._build(width)

    def _wrapped(self, text: str | None, width: int) -> list[str]:
        if text is None:
            return []
        shown = visible(text)
        points = wrap_points(shown, width)
        return [shown[p:q] for p, q in zip(points, [*points[1:], len(shown)], strict=True)]

    def _build(self, width: int) -> None:
        self._width = width
        rows: list[list[Segment]] = []
        lines = diff_lines(self.original, self.clean, side_by_side=self.side_by_side)
        if self.side_by_side:
            half = (width - 3) // 2
            for line in lines:
                style = STYLES[line.tag]
                left = self._wrapped(line.left, half)
                right = self._wrapped(line.right, half)
                left_style = STYLES["-"] if line.tag in "-~" else style
                right_style = STYLES["+"] if line.tag in "+~" else style
                for x, y in zip_longest(left or [""], right or [""], fillvalue=""):
                    rows.append(
                        [
                            Segment(_pad(x, half), left_style if line.left is not None else None),
                            Segment(" │ "),
                            Segment(_pad(y, half), right_style if line.right is not None else None),
                        ]
                    )
        else:
            for line in lines:
                text = line.left if line.tag in "=-…" else line.right
                prefix = {"=": "  ", "-": "- ", "+": "+ ", "…": "⋯ "}[line.tag]
                for piece in self._wrapped(text, width - 2) or [""]:
                    rows.append([Segment(prefix + piece, STYLES[line.tag])])
                    prefix = "  "
        self._rows = rows
        self.virtual_size = Size(width, len(rows))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = y + int(self.scroll_y)
        if line >= len(self._rows):
            return Strip.blank(self.size.width, self.rich_style)
        return Strip(self._rows[line]).extend_cell_length(self.size.width, self.rich_style)
