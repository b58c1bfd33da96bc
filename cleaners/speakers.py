"""Speaker lines: canonical form, a ``speaker`` annotation per turn, lost turns flagged."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.model import Annotation, Edit
from cleaners import tables
from cleaners.encoding import diff_edits
from cleaners.registry import Context, Proposal, cleaner
from cleaners.repair import as_repaired
from cleaners.structure import Kind, Page


@cleaner("speakers")
def mark_speakers(page: Page, context: Context) -> Iterator[Proposal]:
    """Annotate each turn's speaker; normalise the line; flag a speaker twice in a row.

    Real noise: ``Name - Title``, ``Bruce Quigley`` (name only, seed 001 line 13),
    ``- VP of IR`` (name lost, seed 002 line 4), and ``Mike Walkley - Analyst`` twice in a
    row where a turn was lost (seed 001 lines 201 and 205).

    >>> from cleaners.structure import parse
    >>> page = parse("OPERATOR\\nHi.\\nAnn Lee  -  CFO\\nYes.\\nAnn Lee - CFO\\nNo.")
    >>> [p.replacement if isinstance(p, Edit) else p.body.get("role", "FLAG")
    ...  for p in mark_speakers(page, Context())]
    ['Operator', 'operator', 'Ann Lee - CFO', 'executive', 'executive', 'FLAG']
    """
    text = page.text
    speaker_lines = {line.start: line for line in page.lines if line.kind is Kind.SPEAKER}
    previous_line = ""
    for turn in page.turns:
        line = speaker_lines.get(turn.speaker_span[0])
        if line is None or line.speaker is None:  # text before the first speaker line
            continue
        written = text[line.start : line.end]
        canonical = line.speaker.line
        # a line whose repair makes it canonical (mojibake, a zero-width space) is the
        # encoding cleaner's
        if written != canonical and as_repaired(written) != canonical:
            reason = f"speaker line written in canonical form ({written!r})"
            if tables.SUSPICIOUS_CHARACTER.search(written):
                # The encoding cleaner repairs characters of this line: only the stretches
                # the canonical form changes are edited, so both repairs apply.
                yield from diff_edits(written, canonical, line.start, "speakers", reason, 0.95)
            else:
                yield Edit(line.start, line.end, canonical, "speakers", reason, 0.95)
        body = {
            "name": turn.speaker,
            "title": turn.title,
            "role": turn.role,
            "section": turn.section,
        }
        if turn.role_from:
            body["role_from"] = turn.role_from  # a role no title gives: the call's evidence
        yield Annotation(line.start, line.end, "speaker", body)
        if canonical == previous_line and not line.speaker.operator:
            yield Annotation(
                line.start,
                line.end,
                "speaker",
                {
                    "review": "same speaker as the previous turn: "
                    "a turn may have been lost in between"
                },
            )
        previous_line = canonical
