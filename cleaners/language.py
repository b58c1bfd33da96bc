"""Language per paragraph, and the Chinese machine translation of bilingual pages.

Bilingual pages (中英對照) follow each English paragraph with its Google-Translate
Chinese version. The parser marks those lines ``Kind.TRANSLATION`` (the language of
each paragraph is decided in :mod:`cleaners.detect`); the ``language`` cleaner here
removes them from the clean text and keeps each one as a ``translation`` annotation on
the English paragraph it translates, aligned by adjacency and checked by the numbers and
Latin-script names both share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from annotations.model import Annotation, Edit
from cleaners import tables
from cleaners.detect import chinese_script, page_script
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import Kind, Line, Page


def anchors(text: str) -> set[str]:
    """What survives machine translation: numbers by their digits, Latin words lowercased.

    >>> sorted(anchors("Revenue of $12.5 million at Smith Micro, up 22%"))
    ['125', '22', 'at', 'micro', 'million', 'of', 'revenue', 'smith', 'up']
    >>> sorted(anchors("Smith Micro 的營收為 1250 萬美元"))
    ['125', 'micro', 'smith']
    """
    found = {word.lower() for word in tables.ANCHOR_WORD.findall(text)}
    for number in tables.ANCHOR_NUMBER.findall(text):
        found.add(number.replace(",", "").replace(".", "").strip("0") or "0")
    return found


#: Lines skipped when looking for the paragraph just before a translation: removed
#: boilerplate, which sits between paragraphs without breaking their adjacency.
_REMOVED_BEFORE = frozenset({Kind.LABEL, Kind.DISCLAIMER})


#: How many lines before a translation its English paragraph is looked for.
ALIGN_REACH = 60


@dataclass(frozen=True)
class Alignment:
    """Where a translation line goes: an English line's index, or ``None`` (unaligned)."""

    target: int | None
    confidence: float
    evidence: str


def align(page: Page, index: int, paired: set[int]) -> Alignment:
    """Find the English line that translation line ``index`` translates.

    By adjacency: the line just before it, when that is an English paragraph of the same
    turn not yet paired. The numbers and Latin-script names the translation carries must
    be found there; if they are not, an unpaired English paragraph of the turn that has
    them is taken instead, and if none has them the translation stays unaligned. Only
    the ``ALIGN_REACH`` lines before it are looked at: a long turn would otherwise be read
    back to its start for every translation in it.
    """
    lines = page.lines
    text = page.text
    own = anchors(text[lines[index].start : lines[index].end])
    previous: int | None = None  # the nearest line that is not removed boilerplate
    candidates: list[int] = []  # the turn's unpaired English paragraphs, nearest first
    for i in range(index - 1, max(index - 1 - ALIGN_REACH, -1), -1):
        kind = lines[i].kind
        if previous is None and kind not in _REMOVED_BEFORE:
            previous = i
        if kind is Kind.SPEAKER:  # the turn starts here
            break
        if kind is Kind.TEXT and i not in paired:
            candidates.append(i)
    adjacent = previous if candidates and candidates[0] == previous else None
    if adjacent is not None and not own:
        return Alignment(adjacent, 0.9, "the English paragraph just before it")
    shared = {i: own & anchors(text[lines[i].start : lines[i].end]) for i in candidates}
    if adjacent is not None and 2 * len(shared[adjacent]) >= len(own):
        return Alignment(adjacent, 0.99, _evidence("just before it", shared[adjacent], own))
    best = max(candidates, key=lambda i: (len(shared[i]), i), default=None)
    if best is not None and shared[best] and 2 * len(shared[best]) >= len(own):
        where = "just before it" if best == adjacent else "earlier in the turn"
        return Alignment(best, 0.9, _evidence(where, shared[best], own))
    if adjacent is None:
        why = (
            "no English paragraph of its turn before it"
            if not candidates
            else "it does not follow an English paragraph"
        )
    else:
        why = "no English paragraph of its turn shares its numbers and names"
    return Alignment(None, 0.0, why)


def _evidence(where: str, found: set[str], own: set[str]) -> str:
    shown = ", ".join(sorted(found)[:6])
    return f"the English paragraph {where}: shares {len(found)} of {len(own)} ({shown})"


@cleaner("language")
def separate_translations(page: Page, context: Context) -> Iterator[Proposal]:
    """Move each Chinese machine-translation paragraph into an annotation on its English.

    Real noise: bilingual pages (中英對照) put each English paragraph's Google-Translate
    version after it, as its own bullet or on the next line. The English clean text keeps
    no Chinese; every translation is kept, aligned to its paragraph or, when it cannot
    be aligned, on its turn with the reason. English paragraphs with Chinese names in
    them stay English (a ``language`` annotation says so).

    >>> from cleaners.structure import parse
    >>> text = "Operator\\n\\nRevenue was $12.5 million.\\n\\n營收為1250萬美元。\\n"
    >>> note, removal = separate_translations(parse(text), Context())
    >>> text[note.start:note.end], note.body["language"], note.body["text"]
    ('Revenue was $12.5 million.', 'zh-Hant', '營收為1250萬美元。')
    >>> note.body["evidence"]
    'the English paragraph just before it: shares 1 of 1 (125)'

    >>> text[removal.start:removal.end], removal.replacement
    ('營收為1250萬美元。\\n', '')
    """
    lines = page.lines
    text = page.text
    translations = [i for i, line in enumerate(lines) if line.kind is Kind.TRANSLATION]
    for index, decision in page.languages.items():
        if lines[index].kind is Kind.TEXT and decision.method != "ascii":
            content = text[lines[index].start : lines[index].end]
            if tables.HAN.search(content):
                yield Annotation(
                    lines[index].start,
                    lines[index].end,
                    "language",
                    {
                        "language": decision.language,
                        "method": decision.method,
                        "confidence": decision.confidence,
                        "note": "Chinese characters in an English paragraph: kept as English",
                    },
                )
    if not translations:
        return
    script, script_how = page_script([text[lines[i].start : lines[i].end] for i in translations])
    paired: set[int] = set()
    for index in translations:
        line = lines[index]
        content = text[line.start : line.end]
        language = chinese_script(content) or script
        decision = page.languages[index]
        alignment = align(page, index, paired)
        body: dict[str, Any] = {
            "language": language,
            "text": content,
            "source": [line.start, line.end],
            "detected_by": decision.method,
        }
        if alignment.target is not None:
            paired.add(alignment.target)
            target = lines[alignment.target]
            body |= {"aligned": True, "confidence": alignment.confidence}
            body["evidence"] = alignment.evidence
            yield Annotation(target.start, target.end, "translation", body)
            reason = f"Chinese machine translation ({language}) moved to an annotation on " + (
                alignment.evidence
            )
        else:
            body |= {"aligned": False, "review": f"not aligned: {alignment.evidence}"}
            start, end = _turn_head(page, index)
            yield Annotation(start, end, "translation", body)
            reason = (
                f"Chinese machine translation ({language}) that could not be aligned "
                f"({alignment.evidence}): kept as an annotation on its turn"
            )
        if script_how != "characters" and not chinese_script(content):
            reason += f"; script {language} by {script_how}"
        end = lines[index + 1].line_start if index + 1 < len(lines) else len(text)
        yield Edit(line.line_start, end, "", "language", reason, decision.confidence)


def _turn_head(page: Page, index: int) -> tuple[int, int]:
    turn = page.turn_of_line[index]
    if turn >= 0:
        return page.turns[turn].speaker_span
    line: Line = page.lines[index]
    return (line.start, line.start)
