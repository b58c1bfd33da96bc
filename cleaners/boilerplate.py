"""The site's header, section labels and machine-translation disclaimer.

The header becomes metadata and an English title line; labels and disclaimers are
removed with an English gloss of what they said, so a reader without Chinese knows.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotations.model import Edit
from cleaners import tables
from cleaners.registry import Context, Proposal, cleaner
from cleaners.repair import mojibake_of
from cleaners.structure import Kind, Line, Page, match_header


def title_line(page: Page) -> str:
    """The English title callscrub writes for the page's metadata: what the header said.

    >>> from cleaners.structure import parse
    >>> title_line(parse("Smith Micro Software Inc (SMSI) 2008 Q2 法說會逐字稿\\n\\nOperator"))
    'Smith Micro Software Inc (SMSI) 2008 Q2 Earnings Call Transcript'
    >>> title_line(parse("Smith Micro Software Inc 2008 法說會逐字稿\\n\\nOperator"))
    'Smith Micro Software Inc 2008 Earnings Call Transcript'
    >>> title_line(parse("Operator\\nWelcome."))
    'Earnings Call Transcript'
    """
    meta = page.metadata
    parts = (
        meta.company,
        meta.ticker and f"({meta.ticker})",
        meta.fiscal_year and str(meta.fiscal_year),
        meta.fiscal_quarter and f"Q{meta.fiscal_quarter}",
        tables.TITLE_SUFFIX,
    )
    return " ".join(part for part in parts if part)


def _moved_to_metadata(page: Page) -> str:
    """What the header said of the call, as the removal's reason lists it."""
    meta = page.metadata
    fields = [
        name
        for name, value in (
            ("company", meta.company),
            ("ticker", meta.ticker),
            ("year", meta.fiscal_year),
            ("quarter", meta.fiscal_quarter),
        )
        if value
    ]
    if not fields:
        return "it names no company or period"
    listed = fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"
    return f"{listed} moved to metadata"


def _company_repair(page: Page, header: Line) -> str:
    """What reading the metadata repaired in the header's company name, for the reason."""
    written = match_header(page.text, header.start, header.end)
    company = (written["company"] or "").strip() if written else ""
    if not company or company == page.metadata.company:
        return ""
    return f" (company name repaired: {company!r} -> {page.metadata.company!r})"


@cleaner("boilerplate")
def remove_boilerplate(page: Page, context: Context) -> Iterator[Proposal]:
    """Replace the site header by a title line; drop 完整原文, 中英對照 and the disclaimer.

    Real noise: every page opens with ``<Company> (<TICKER>) <YEAR> Q<N> 法說會逐字稿``,
    ``完整原文`` and ``使用警語:中文譯文來源為 Google 翻譯,...`` (seed 000 lines 1-5);
    flat pages keep only the disclaimer (seed 002 line 1).

    >>> from cleaners.structure import parse
    >>> text = "X Corp (XC) 2020 Q1 法說會逐字稿\\n\\n完整原文\\n\\nOperator\\n\\nHi."
    >>> for edit in remove_boilerplate(parse(text), Context()):
    ...     print(repr(text[edit.start:edit.end]), "->", repr(edit.replacement))
    'X Corp (XC) 2020 Q1 法說會逐字稿' -> 'X Corp (XC) 2020 Q1 Earnings Call Transcript'
    '完整原文\\n\\n' -> ''
    """
    text = page.text
    lines = page.lines
    has_title = False
    for index, line in enumerate(lines):
        if line.kind is Kind.TITLE:
            has_title = True
        elif line.kind is Kind.HEADER:
            has_title = True
            yield Edit(
                line.start,
                line.end,
                title_line(page),
                "boilerplate",
                f"site header {text[line.start : line.end]!r} ({tables.HEADER_LABELS[0]} = "
                f"'{tables.HEADER_GLOSS}'): {_moved_to_metadata(page)}"
                f"{_company_repair(page, line)}; English title line written instead",
                1.0,
            )
        elif line.kind in (Kind.LABEL, Kind.DISCLAIMER):
            end = lines[index + 1].line_start if index + 1 < len(lines) else len(text)
            written = text[line.start : line.end]
            # the parser read a label or disclaimer in mojibake repaired
            mojibake = None if written in tables.SECTION_LABELS else mojibake_of(written)
            said = mojibake[0] if mojibake else written
            if line.kind is Kind.LABEL:
                what, gloss = "page section label", tables.SECTION_LABELS[said]
            else:
                what, gloss = "machine-translation disclaimer", tables.DISCLAIMER_GLOSS
            how = f" (written in mojibake, {mojibake[1]}: {said!r})" if mojibake else ""
            yield Edit(
                line.line_start, end, "", "boilerplate", f"{what} removed: '{gloss}'{how}", 1.0
            )
    if not has_title and page.kept_lines():
        yield Edit(
            0,
            0,
            title_line(page) + "\n\n",
            "boilerplate",
            "the page has no header: title line added (company, ticker and period unknown)",
            1.0,
        )
