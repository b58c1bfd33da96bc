"""Whitespace and punctuation tidy-ups inside lines."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.model import Edit
from cleaners import tables
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import Kind, Page

_TIDIED = frozenset({Kind.TEXT, Kind.SPEAKER})


@cleaner("whitespace")
def tidy_whitespace(page: Page, context: Context) -> Iterator[Proposal]:
    """Collapse runs of spaces, drop a space before punctuation, fix doubled commas.

    Real noise: ``(OPERATOR INSTRUCTIONS) . This`` and ``in 2006,, we`` (seed 002), tabs
    and no-break spaces in scraped text. Numbers, tickers and quotes are left alone, and
    so are the blanks around a line, which belong to the layout.

    >>> from cleaners.structure import parse
    >>> text = "Operator\\nIn 2006,, we  grew 5.5% . Ok\\t$1,000 ,, up."
    >>> [(text[e.start:e.end], e.replacement) for e in tidy_whitespace(parse(text), Context())]
    [(',,', ','), ('  ', ' '), (' ', ''), ('\\t', ' '), (' ', ''), (',,', ',')]
    """
    text = page.text
    size = len(text)
    blank_runs: dict[int, int] = {}  # start -> end of each run of blanks worth a look
    for match in tables.SPACE_RUN.finditer(text):
        if match.start():  # indentation belongs to the layout cleaner
            blank_runs[match.start()] = match.end()
    if any(c in text for c in tables.ODD_BLANK_CHARS):
        for match in tables.ODD_BLANKS.finditer(text):
            start = _run_start(text, match.start())
            blank_runs[start] = max(match.end(), blank_runs.get(start, 0))
    for pattern in tables.PUNCTUATION_AFTER_SPACE:
        for match in pattern.finditer(text):
            blank_runs.setdefault(_run_start(text, match.start() - 1), match.start())
    candidates = [(start, end, " ") for start, end in blank_runs.items()]
    candidates += [(*m.span(), ",") for m in tables.DOUBLED_COMMA.finditer(text)]
    for start, end, kind in sorted(candidates):
        before = text[start - 1] if start else "\n"
        if before == "\n":
            continue  # indentation belongs to the layout cleaner
        line = page.line_at(start)
        if line is None or line.kind not in _TIDIED or start < line.start or end > line.end:
            continue
        if kind == ",":
            yield Edit(start, end, ",", "whitespace", "doubled comma", 0.95)
            continue
        after = text[end] if end < size else "\n"
        mark_end = end + 1
        while after == "," and mark_end < size and text[mark_end] == ",":
            mark_end += 1  # ",," is made one comma: what follows it decides
        if (
            after in tables.SENTENCE_PUNCTUATION
            and (before.isalnum() or before in ")]%_")
            and (mark_end >= size or text[mark_end] in tables.BLANKS + "\n")
        ):
            yield Edit(start, end, "", "whitespace", f"space before {after!r} removed", 0.95)
        elif text[start:end] != " ":
            yield Edit(start, end, " ", "whitespace", "run of blanks made one space", 0.95)


def _run_start(text: str, position: int) -> int:
    """Where the run of blanks that holds ``position`` begins."""
    while position > 0 and text[position - 1] in tables.BLANKS:
        position -= 1
    return position
