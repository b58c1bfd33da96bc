"""Repairs of damaged characters: mojibake, Big5 read as Latin-1, control characters.

Only lines that contain a suspicious character or an HTML entity go to ftfy: the gate
(:func:`cleaners.repair.ftfy_may_change`) lets ordinary ASCII, bullets, CJK and lone
accented letters through untouched, which is what makes callscrub faster than a bare
ftfy pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from rapidfuzz.distance import Levenshtein

from annotations.model import Edit
from cleaners import tables
from cleaners.registry import Context, Proposal, cleaner
from cleaners.repair import (
    REMOVE_INVISIBLE_FORMATTING,
    big5_read_as_latin1,
    ftfy_may_change,
    repair_line,
    utf8_read_as_cp1252,
)
from cleaners.structure import REPLACED, Page

_STEP_REASONS = {
    "remove_terminal_escapes": ("terminal escape sequence removed", 0.99),
    "remove_control_chars": ("control character removed", 0.99),
    "unescape_html": ("HTML entity unescaped", 0.95),
    "fix_surrogates": ("broken surrogate pair repaired", 0.95),
    "restore_byte_a0": ("no-break space lost by a bad decode restored", 0.9),
    "replace_lossy_sequences": ("lossy mojibake sequence repaired", 0.85),
    "decode_inconsistent_utf8": ("mixed mojibake repaired", 0.85),
    "fix_c1_controls": ("C1 control character repaired as Windows-1252", 0.9),
    "fix_line_breaks": ("unusual line break normalised", 0.95),
    "remove_bom": ("byte-order mark removed", 0.99),
    REMOVE_INVISIBLE_FORMATTING: ("invisible formatting character removed", 0.99),
}


def _explain(steps: Sequence[tuple[str, str]]) -> tuple[str, float]:
    reasons: list[str] = []
    confidence = 1.0
    encoded = ""
    for action, parameter in steps:
        if action == "encode":
            encoded = parameter
        elif action == "decode":
            reasons.append(f"mojibake: {parameter} text read as {encoded}, re-decoded")
            confidence = min(confidence, 0.9)
        else:
            reason, step_confidence = _STEP_REASONS.get(parameter, (f"ftfy {parameter}", 0.8))
            reasons.append(reason)
            confidence = min(confidence, step_confidence)
    return "; ".join(reasons) or "ftfy repair", confidence


def diff_edits(
    original: str, fixed: str, offset: int, cleaner_name: str, reason: str, confidence: float
) -> list[Edit]:
    """Edits that turn ``original`` into ``fixed``, one per changed stretch.

    Changes closer than three unchanged characters are kept together so an edit reads
    as a word, not as scattered letters.

    >>> edits = diff_edits("a Ã© b Ã¨", "a é b è", 10, "x", "", 1)
    >>> [(e.start, e.end, e.replacement) for e in edits]
    [(12, 14, 'é'), (17, 19, 'è')]
    """
    groups: list[list[int]] = []  # [src_start, src_end, dest_start, dest_end]
    for op in Levenshtein.opcodes(original, fixed):
        if op.tag == "equal":
            continue
        if groups and op.src_start - groups[-1][1] < 3:
            groups[-1][1], groups[-1][3] = op.src_end, op.dest_end
        else:
            groups.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return [
        Edit(offset + s, offset + e, fixed[ds:de], cleaner_name, reason, confidence)
        for s, e, ds, de in groups
    ]


#: Lines longer than this are repaired piece by piece. The diff that turns a repair
#: into edits takes time that grows with the square of its length; no real line of the
#: seeds or the corpus is longer than 2,304 characters.
LONGEST_PIECE = 4_000


def line_pieces(line: str, longest: int = LONGEST_PIECE) -> Iterator[tuple[int, str]]:
    """``line`` cut into pieces of at most ``longest`` characters, each with its offset.

    A cut falls on a space between two ASCII characters, so no mojibake sequence is cut
    (``Ã`` then a space is ``à`` whose no-break space was lost); only a stretch of that
    length without such a space is cut where it must.

    >>> [(offset, piece) for offset, piece in line_pieces("Ã 12 ab cd ef", 6)]
    [(0, 'Ã 12 '), (5, 'ab cd '), (11, 'ef')]
    >>> [piece for _, piece in line_pieces("ÃÃÃÃÃÃÃ", 3)]
    ['ÃÃÃ', 'ÃÃÃ', 'Ã']
    """
    start = 0
    while len(line) - start > longest:
        end = start + longest
        cut = line.rfind(" ", start + 1, end)
        while cut != -1 and not (line[cut - 1].isascii() and line[cut + 1].isascii()):
            cut = line.rfind(" ", start + 1, cut)
        end = cut + 1 if cut != -1 else end
        yield start, line[start:end]
        start = end
    yield start, line[start:]


def _explained_edits(
    piece: str, fixed: str, explanation: Sequence[tuple[str, str]], start: int
) -> list[Edit]:
    """The edits that turn ``piece`` into ftfy's ``fixed``, each with its own reason.

    ftfy explains a repair of the whole piece. Where it made several, each edit takes the
    explanation of its word repaired alone, if that gives the same repair: on one line an
    entity and a mojibake each read as what they are.

    >>> [e.reason for e in _explained_edits("AT&amp;T and NestlÃ©", "AT&T and Nestlé", [
    ...     ("apply", "unescape_html"), ("encode", "latin-1"), ("decode", "utf-8")], 0)]
    ['HTML entity unescaped', 'mojibake: utf-8 text read as latin-1, re-decoded']
    """
    reason, confidence = _explain(explanation)
    edits = diff_edits(piece, fixed, start, "encoding", reason, confidence)
    if len(edits) == 1:
        return edits
    explained = []
    for edit in edits:
        edit_start, edit_end = edit.start - start, edit.end - start
        word_start = piece.rfind(" ", 0, edit_start) + 1
        word_end = piece.find(" ", edit_end)
        word_end = len(piece) if word_end == -1 else word_end
        word = piece[word_start:word_end]
        repaired, steps = repair_line(word)
        if repaired == (
            word[: edit_start - word_start] + edit.replacement + word[edit_end - word_start :]
        ):
            word_reason, word_confidence = _explain(steps)
            edit = edit._replace(reason=word_reason, confidence=word_confidence)
        explained.append(edit)
    return explained


def _closing_blank_run(edit: Edit, text: str, content_end: int) -> Edit:
    """``edit``, taking the next blank too when it removes characters from between two
    blanks inside a line's content, so that no run of blanks is left behind.

    >>> text = "grew \\x1b[1m 5%"
    >>> edit = _closing_blank_run(Edit(5, 9, "", "encoding", "", 1.0), text, len(text))
    >>> text[: edit.start] + edit.replacement + text[edit.end :]
    'grew 5%'
    """
    if edit.replacement or edit.start == 0 or edit.end >= content_end:
        return edit
    if text[edit.start - 1] in tables.BLANKS and text[edit.end] in tables.BLANKS:
        return edit._replace(end=edit.end + 1)
    return edit


@cleaner("encoding")
def repair_encoding(page: Page, context: Context) -> Iterator[Proposal]:
    """Repair mojibake, Big5 read as Latin-1, HTML entities and control characters.

    Real noise on scraped pages: UTF-8 read as cp1252 (``â€™`` for ``’``), the header
    ``法說會逐字稿`` read as Latin-1 (``ªk»¡·|³v¦r½Z``), ``&amp;``, and terminal escape
    sequences. Every repair is an edit with the reason ftfy gives.

    >>> from cleaners.structure import parse
    >>> edits = list(repair_encoding(parse("Operator\\nItâ€™s, in \\x1b[1mshort, up."), Context()))
    >>> [edit.replacement for edit in edits]
    ['’', '']
    >>> for edit in edits:
    ...     print(edit.reason)
    mojibake: utf-8 text read as sloppy-windows-1252, re-decoded
    terminal escape sequence removed
    """
    text = page.text
    looked_at_until = 0
    hits = itertools.chain(
        tables.SUSPICIOUS_CHARACTER.finditer(text), tables.HTML_ENTITY.finditer(text)
    )
    for hit in sorted(match.start() for match in hits):
        if hit < looked_at_until:
            continue  # the line of an earlier hit: each line is looked at once
        parsed = page.line_at(hit)
        if parsed is None:
            continue  # a line without content: the layout cleaner removes it whole
        looked_at_until = parsed.line_end
        if parsed.kind in REPLACED:
            continue  # removed whole, or the header, whose title is written repaired
        # Only the content: the layout cleaner removes the line's bullet, indentation
        # and trailing blanks, with whatever invisible characters sit among them.
        line_start, line = parsed.start, text[parsed.start : parsed.end]
        if not ftfy_may_change(line):
            continue  # the hit lay outside the content, or ftfy leaves the line alone
        big5_spans = []
        # A line of UTF-8 read as Windows-1252 is ftfy's to repair: cut into runs, its
        # Chinese could pass for Big5 read as Latin-1 ("¨è\xad¦èª" of 使用警語 as 刻郎隤).
        runs = tables.BIG5_AS_LATIN1.finditer(line) if utf8_read_as_cp1252(line) is None else ()
        for run in runs:
            chinese = big5_read_as_latin1(run.group())
            if chinese:
                big5_spans.append(run.span())
                yield Edit(
                    line_start + run.start(),
                    line_start + run.end(),
                    chinese,
                    "encoding",
                    "Big5 text read as Latin-1, re-decoded as Big5",
                    0.92,
                )
        if big5_spans:
            continue
        for offset, piece in line_pieces(line):
            fixed, explanation = repair_line(piece)
            if fixed != piece:
                for edit in _explained_edits(piece, fixed, explanation, line_start + offset):
                    yield _closing_blank_run(edit, text, parsed.end)
