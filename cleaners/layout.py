"""Bullets, line breaks and sentence-per-bullet splits.

The clean text has one line per speaker and per paragraph, a blank line between them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache

from annotations.model import Edit
from cleaners import tables
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import REMOVED, Kind, Line, Page

PARAGRAPH_BREAK = "\n\n"
_BLANKS_AND_BULLETS = f"\n{tables.TRAILING_BLANKS}{tables.BULLET_GLYPHS}"


def _has_invisible(text: str) -> bool:
    """Whether ``text``, the blanks and bullets the layout removes, also holds control
    characters or terminal escapes (which the parser reads past at a line's edges)."""
    left = text.strip(_BLANKS_AND_BULLETS)
    if not left:
        return False  # as on every real page so far: no loop at all
    return any(not c.isspace() and c not in tables.BULLET_GLYPHS for c in left)


@cache  # a page repeats one or two prefixes thousands of times
def _prefix_reason(prefix: str) -> str:
    """What a line's prefix removal takes away.

    >>> _prefix_reason("  • "), _prefix_reason("\\u3000")
    ("bullet '•' removed", 'indentation removed')
    >>> _prefix_reason("\\x1b[31m• ")
    "bullet '•' and invisible control characters removed"
    """
    glyphs = "".join(sorted({c for c in prefix if c in tables.BULLET_GLYPHS}))
    parts = [f"bullet {glyphs!r}"] if glyphs else []
    if _has_invisible(prefix):
        parts.append("invisible control characters")
    return f"{' and '.join(parts) or 'indentation'} removed"


def _with_invisible(reason: str, removed: str) -> str:
    """``reason``, saying so when ``removed`` also holds invisible characters.

    >>> _with_invisible("text ends with one newline", "\\x1b[0m\\n")
    'text ends with one newline; invisible control characters removed'
    """
    return f"{reason}; invisible control characters removed" if _has_invisible(removed) else reason


def _join_reason(page: Page, left: Line, right: Line) -> str:
    text = page.text
    last_word = text[left.start : left.end].rsplit(None, 1)[-1]
    following = text[right.start : right.start + 1]
    if last_word.rstrip(".") in tables.ABBREVIATIONS:
        return f"false sentence split after {last_word!r} repaired"
    if following.islower():
        return "false sentence split before a lowercase continuation repaired"
    return "sentence-per-bullet layout: sentence rejoined to its paragraph"


@cleaner("layout")
def normalise_layout(page: Page, context: Context) -> Iterator[Proposal]:
    """Remove bullets, put one blank line between paragraphs, rejoin split sentences.

    Real noise: ``  • `` before every paragraph (seed 000), before every sentence with
    false splits such as ``Mr.`` / ``Bob Blair of ...`` (seed 003 lines 21-23), or no
    blank lines at all (seed 002).

    >>> from cleaners.structure import parse
    >>> text = "  • Operator\\n  • Hello.\\n"
    >>> [(text[e.start:e.end], e.replacement) for e in normalise_layout(parse(text), Context())]
    [('  • ', ''), ('\\n', '\\n\\n'), ('  • ', '')]
    """
    text = page.text
    lines = page.lines
    kept = [i for i, line in enumerate(lines) if line.kind not in REMOVED]
    if not kept:
        return
    first = lines[0]
    if first.line_start > 0:
        yield Edit(0, first.line_start, "", "layout", "blank lines before the title removed", 1.0)
    joined_to_previous = set()
    if page.layout == "sentences":
        for previous, current in itertools.pairwise(kept):
            a, b = lines[previous], lines[current]
            same_turn = page.turn_of_line[previous] == page.turn_of_line[current]
            between = lines[previous + 1 : current]
            if (
                same_turn
                and a.kind is Kind.TEXT
                and b.kind is Kind.TEXT
                and all(line.kind is Kind.TRANSLATION for line in between)
            ):
                joined_to_previous.add(current)
                if between:
                    # the translations' own removals run up to b's line: join before them
                    yield Edit(
                        a.end, between[0].line_start, " ", "layout", _join_reason(page, a, b), 1.0
                    )
                    if b.bulleted:
                        reason = _prefix_reason(text[b.line_start : b.start])
                        yield Edit(b.line_start, b.start, "", "layout", reason, 1.0)
                elif text[a.end : b.start] != " ":
                    reason = _with_invisible(_join_reason(page, a, b), text[a.end : b.start])
                    yield Edit(a.end, b.start, " ", "layout", reason, 1.0)
    last_kept = kept[-1]
    for index in kept:
        line = lines[index]
        if line.bulleted and index not in joined_to_previous:
            reason = _prefix_reason(text[line.line_start : line.start])
            yield Edit(line.line_start, line.start, "", "layout", reason, 1.0)
        if index + 1 in joined_to_previous:
            continue
        if index == last_kept:
            # boilerplate after the last kept line removes its own trailing newlines
            end = lines[index + 1].line_start if index + 1 < len(lines) else len(text)
            if text[line.end : end] != "\n":
                reason = _with_invisible("text ends with one newline", text[line.end : end])
                yield Edit(line.end, end, "\n", "layout", reason, 1.0)
            continue
        following = lines[index + 1]
        separator = text[line.end : following.line_start]
        if separator != PARAGRAPH_BREAK:
            if "\n\n" not in separator:
                reason = "blank line added between paragraphs"
            elif separator.strip(" \t\n") or separator.count("\n") > 2:
                reason = "extra blank lines collapsed"
            else:
                reason = "trailing blanks removed"
            reason = _with_invisible(reason, separator)
            yield Edit(line.end, following.line_start, PARAGRAPH_BREAK, "layout", reason, 1.0)
