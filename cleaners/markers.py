"""Operator and audio markers, and the transcriber's bracketed guesses."""

from __future__ import annotations

from collections.abc import Iterator

from annotations.model import Annotation, Edit
from cleaners import tables
from cleaners.patterncache import compile_pattern
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import Kind, Page

_PRECEDING_WORDS = compile_pattern(r"(?:[A-Z][\w'’\-.]*[ ]){0,3}[\w'’\-.]+[ ]*$")


def marker_form(key: str) -> str:
    """The one written form of a marker: its words, title case (an abbreviation such as
    ``ph`` as transcribers write it), square brackets.

    >>> marker_form("operator instructions"), marker_form("operator sign-off"), marker_form("ph")
    ('[Operator Instructions]', '[Operator Sign-Off]', '[ph]')
    """
    words = (
        "-".join(part if len(part) <= 2 else part.capitalize() for part in word.split("-"))
        for word in key.split()
    )
    return "[" + " ".join(words) + "]"


@cleaner("markers")
def normalise_markers(page: Page, context: Context) -> Iterator[Proposal]:
    """One form per marker; annotate audio markers and uncertain spellings.

    Real noise: ``(OPERATOR INSTRUCTIONS)`` (seed 000 line 9), ``(Operator Instructions)``,
    ``[Operator instructions]``, ``(inaudible)`` / ``[inaudible]``, and transcriber
    guesses such as ``[soonums]`` (seed 002) or ``Ian [Gillson]`` (seed 003), which keep
    their brackets and get an ``uncertain`` annotation. ``Karimi [Phonetic]`` (or ``[ph]``)
    marks the words before it as uncertain.

    >>> from cleaners.structure import parse
    >>> page = parse("Operator\\nHi. (OPERATOR INSTRUCTIONS) Ask [soonums] now.")
    >>> proposals = normalise_markers(page, Context())
    >>> [(p.replacement if isinstance(p, Edit) else p.kind) for p in proposals]
    ['[Operator Instructions]', 'marker', 'uncertain']
    """
    text = page.text
    for line in page.lines:
        if line.kind is not Kind.TEXT:
            continue
        if "[" not in text[line.start : line.end] and "(" not in text[line.start : line.end]:
            continue
        for match in tables.BRACKETED.finditer(text, line.start, line.end):
            inner = match["square"] if match["square"] is not None else match["round"]
            key = " ".join(inner.lower().split())
            start, end = match.span()
            if key not in tables.MARKERS or (
                key in tables.EXACT_CASE_MARKERS and inner.strip() != key
            ):
                if match["square"] is not None:
                    yield Annotation(start, end, "uncertain", {"guess": inner})
                continue
            canonical = marker_form(key)
            if text[start:end] != canonical:
                yield Edit(
                    start,
                    end,
                    canonical,
                    "markers",
                    f"marker {text[start:end]!r} in its one form",
                    0.95,
                )
            if key in tables.PHONETIC:
                words = _PRECEDING_WORDS.search(text, line.start, start)
                if words and words.group().strip():
                    w_start = words.start()
                    w_end = w_start + len(words.group().rstrip())
                    yield Annotation(
                        w_start,
                        w_end,
                        "uncertain",
                        {"guess": text[w_start:w_end], "marker": canonical},
                    )
                continue
            yield Annotation(
                start,
                end,
                "marker",
                {"marker": canonical, "audio": key not in tables.SCRIPT_MARKERS},
            )
