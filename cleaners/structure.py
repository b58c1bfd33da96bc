"""Read a page's structure: lines, their kinds, the layout, and the speaker turns.

The site lays transcripts out three ways: a bullet before every paragraph (layout
``bullets``), flat lines with speaker names lost (``flat``), or a bullet before every
sentence (``sentences``). callscrub's own output is ``plain``: blank-line-separated
paragraphs without bullets. Everything here is positions into the original text.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from annotations.model import Metadata, Turn
from cleaners import tables
from cleaners.detect import Decision, decide
from cleaners.repair import as_repaired, mojibake_of, repair_text


class Kind(StrEnum):
    HEADER = "header"  # the site's Chinese header line
    TITLE = "title"  # callscrub's English title line
    LABEL = "label"  # 完整原文, 中英對照
    DISCLAIMER = "disclaimer"
    SPEAKER = "speaker"
    TEXT = "text"
    TRANSLATION = "translation"  # a Chinese machine translation on a bilingual page


#: Lines that do not stay in the clean text.
REMOVED = frozenset({Kind.LABEL, Kind.DISCLAIMER, Kind.TRANSLATION})
#: Lines replaced whole: removed, or the site header (its title line is written anew).
REPLACED = REMOVED | {Kind.HEADER}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    title: str
    operator: bool = False

    @property
    def line(self) -> str:
        """The canonical speaker line: ``Name - Title``, ``- Title``, ``Name``, ``Operator``.

        >>> Speaker("Andy Schmidt", "VP & CFO").line
        'Andy Schmidt - VP & CFO'
        >>> Speaker("", "VP of IR").line
        '- VP of IR'
        """
        if self.operator:
            return "Operator"
        if self.name and self.title:
            return f"{self.name} - {self.title}"
        return self.name or f"- {self.title}"


class Line(NamedTuple):
    """One non-blank physical line: ``[line_start, line_end)`` is the whole line, and
    ``[start, end)`` its content without bullet, indentation or trailing blanks.

    A named tuple, not a dataclass: a page has one per line, tens of thousands, and a
    tuple is built several times faster."""

    line_start: int
    start: int
    end: int
    line_end: int
    kind: Kind
    speaker: Speaker | None = None

    @property
    def bulleted(self) -> bool:
        return self.start > self.line_start


@dataclass(frozen=True)
class Page:
    """The parsed page. Built once per document and shared by every cleaner."""

    text: str
    lines: tuple[Line, ...]
    layout: str
    turns: tuple[Turn, ...]
    metadata: Metadata
    turn_of_line: tuple[int, ...]  # per line: index of its turn, -1 before the first
    #: The language decided for each text line that is not plain ASCII, by line index.
    languages: Mapping[int, Decision] = field(default_factory=dict)

    @cached_property
    def line_starts(self) -> list[int]:
        return [line.line_start for line in self.lines]

    def line_at(self, position: int) -> Line | None:
        """The line whose content contains ``position``, if any."""
        i = bisect_right(self.line_starts, position) - 1
        if i >= 0 and self.lines[i].line_start <= position < max(
            self.lines[i].line_end, self.lines[i].line_start + 1
        ):
            return self.lines[i]
        return None

    def kept_lines(self) -> list[Line]:
        """Lines that stay in the clean text (labels, disclaimers and translations go)."""
        return [line for line in self.lines if line.kind not in REMOVED]


def parse(text: str, detect_languages: bool = True) -> Page:
    """Parse ``text`` into lines, layout and turns.

    ``detect_languages=False`` takes every line for English, as callscrub did before it
    read bilingual pages: the baseline ``make bench`` measures the language stage against.

    >>> page = parse("  • Operator\\n\\n  • Welcome.\\n\\n  • Bill Smith - CEO\\n\\n  • Hi. Bye.")
    >>> page.layout, [(t.speaker, t.title, t.role) for t in page.turns]
    ('bullets', [('Operator', '', 'operator'), ('Bill Smith', 'CEO', 'executive')])
    """
    raw = _split_lines(text)
    kinds, languages = _classify(text, raw, detect_languages)
    lines = tuple(
        Line(ls, s, e, le, kind, speaker)
        for (ls, s, e, le), (kind, speaker) in zip(raw, kinds, strict=True)
    )
    layout = _layout(text, lines)
    turns, turn_of_line = _turns(text, lines, layout)
    metadata = read_metadata(text, lines)
    return Page(text, lines, layout, turns, metadata, turn_of_line, languages)


def _split_lines(text: str) -> list[tuple[int, int, int, int]]:
    """``(line_start, start, end, line_end)`` of each line with content: ``[start, end)``
    without indentation, bullet glyphs or trailing blanks.

    >>> _split_lines("  •  Hi. \\n\\n• \\nOk\\n‧  • Twice")
    [(0, 5, 8, 9), (14, 14, 16, 16), (17, 22, 27, 27)]
    """
    spans = []
    indent, bullets, trailing = tables.INDENT_BLANKS, tables.BULLET_GLYPHS, tables.TRAILING_BLANKS
    bulleted = indent + bullets
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        body = line.lstrip(indent)
        if body and body[0] in bullets:
            body = body.lstrip(bulleted)  # a doubled bullet ("‧  • ") is one bullet
        if body and body[0] in "&âÂ":
            body = _past_written_bullets(body)
        content = body.rstrip(trailing)
        if content:
            start = line_end - len(body)
            end = start + len(content)
            # The edges only: testing the whole line made this loop a fifth slower.
            if not (content[0].isprintable() and content[-1].isprintable()) or "\x1b" in content:
                start, end = _trim_invisible(text, start, end)
            if start < end:
                spans.append((line_start, start, end, line_end))
        line_start = line_end + 1
    return spans


def _past_written_bullets(body: str) -> str:
    """``body`` past bullets, blanks and invisible characters written otherwise than as
    characters: as HTML entities, as a page scraped without unescaping has them (``&bull;
    Operator``, ``&#8226;&nbsp;Welcome``, ``&#8203;``), or as mojibake where a page's
    bullets alone were UTF-8 read as Windows-1252 (``â€¢ Operator``). The layout cleaner
    removes them with the line's indentation, as it would the characters; a line of
    nothing else is no line.

    >>> _past_written_bullets("&bull;&nbsp; Operator"), _past_written_bullets("â€¢ Hi")
    ('Operator', 'Hi')
    >>> _past_written_bullets("&#8203;")
    ''
    >>> _past_written_bullets("&amp; more"), _past_written_bullets("â€™s fine")
    ('&amp; more', 'â€™s fine')
    """
    bulleted = tables.INDENT_BLANKS + tables.BULLET_GLYPHS
    while body and body[0] in "&âÂ":
        written = next((len(b) for b in tables.MOJIBAKE_BULLETS if body.startswith(b)), 0)
        if not written:
            entity = tables.HTML_ENTITY.match(body)
            if entity is None:
                break
            meant = html.unescape(entity.group())
            if meant not in bulleted and not (len(meant) == 1 and _is_invisible(meant)):
                break
            written = entity.end()
        body = body[written:].lstrip(bulleted)
    return body


def _is_invisible(character: str) -> bool:
    """A control or format character that ftfy removes; not tab or newline, and not the
    C1 controls, which ftfy repairs as Windows-1252 ("\\x93" is a quotation mark)."""
    if character in "\t\n" or "\x80" <= character <= "\x9f":
        return False
    return unicodedata.category(character) in ("Cc", "Cf")


def _trim_invisible(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)``, one line's content in ``text``, narrowed past invisible characters
    at either edge (control and format characters, terminal escape sequences) and the
    blanks and bullets beside them. The encoding cleaner removes such characters; the
    content is what stays, so a speaker line behind a colour code is still read as one,
    and cleaning the clean text again changes nothing.

    >>> text = "\\x1b[31m  • Bill Smith - CEO\\x07 \\x1b[0m"
    >>> start, end = _trim_invisible(text, 0, len(text))
    >>> text[start:end]
    'Bill Smith - CEO'
    """
    leading = tables.INDENT_BLANKS + tables.BULLET_GLYPHS
    while start < end:
        escape = tables.TERMINAL_ESCAPE.match(text, start, end)
        if escape:
            start = escape.end()
        elif text[start] in leading or _is_invisible(text[start]):
            start += 1
        else:
            break
    while start < end:
        if text[end - 1] in tables.TRAILING_BLANKS or _is_invisible(text[end - 1]):
            end -= 1
            continue
        escape_start = text.rfind("\x1b", start, end)
        if escape_start == -1 or not tables.TERMINAL_ESCAPE.fullmatch(text, escape_start, end):
            break
        end = escape_start
    return start, end


def _classify(
    text: str, raw: list[tuple[int, int, int, int]], detect_languages: bool
) -> tuple[list[tuple[Kind, Speaker | None]], dict[int, Decision]]:
    contents = [text[s:e] for _, s, e, _ in raw]
    kinds: list[tuple[Kind, Speaker | None]] = []
    languages: dict[int, Decision] = {}
    for index, content in enumerate(contents):
        kind = _boilerplate_kind(content, index) or _speaker_kind(content)
        repaired = content
        if (
            not content.isascii()
            or "\x1b" in content
            or ("&" in content and tables.HTML_ENTITY.search(content))  # not "Q&A"
        ) and kind[0] in (Kind.TEXT, Kind.SPEAKER):
            repaired = as_repaired(content)
            if repaired and repaired != content:
                kind = _repaired_speaker_kind(repaired) or kind
        if detect_languages and kind[0] is Kind.TEXT and not content.isascii():
            languages[index] = decision = decide(repaired)
            if decision.language == "zh":
                kind = (Kind.TRANSLATION, None)
        kinds.append(kind)
    _confirm_name_only_speakers(contents, kinds)
    return kinds, languages


def _repaired_speaker_kind(repaired: str) -> tuple[Kind, Speaker | None] | None:
    """A speaker line on an otherwise sound page, read as its ``repaired`` form (see
    :func:`cleaners.repair.as_repaired`): in UTF-8 mojibake, or with an invisible
    formatting character among its words, it was a paragraph of the turn before; with one
    in its title (``- An&#8203;alyst``, ``VP â€“ CFO``) it read as another title, and
    only the clean text, cleaned again, as the right one.

    >>> _repaired_speaker_kind(as_repaired("JosÃ© GarcÃ­a - Analyst"))
    (<Kind.SPEAKER: 'speaker'>, Speaker(name='José García', title='Analyst', operator=False))
    >>> _repaired_speaker_kind(as_repaired("Itâ€™s a question.")) is None
    True
    """
    kind = _speaker_kind(repaired)
    return kind if kind[0] is Kind.SPEAKER else None


def match_header(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """``text[start:end]`` read as the site's header or callscrub's title line, with or
    without its period.

    >>> match_header("Acme Corp (ACME) 2021 Q2 法說會逐字稿").group("ticker", "year", "quarter")
    ('ACME', '2021', '2')
    >>> match_header("Acme Corp (ACME) 法說會逐字稿").group("company", "ticker", "year")
    ('Acme Corp', 'ACME', None)
    >>> match_header("Welcome to the Acme call.") is None
    True
    """
    end = len(text) if end is None else end
    return tables.HEADER.fullmatch(text, start, end) or tables.HEADER_UNDATED.fullmatch(
        text, start, end
    )


def _boilerplate_kind(content: str, index: int) -> tuple[Kind, None] | None:
    if index < 3:
        header = match_header(content)
        if header:
            tail = header["tail"].strip()
            if tail == tables.TITLE_SUFFIX:
                return (Kind.TITLE, None)
            if tail and not tail.isascii():
                return (Kind.HEADER, None)
    if content.isascii():
        return None
    found = _label_kind(content)
    if found is None and "\x80" <= content[0] <= "\xff":
        # a label or disclaimer that is mojibake (its first character a byte of its
        # UTF-8 or Big5, read as Latin-1) is removed whole all the same
        repaired = mojibake_of(content)
        found = _label_kind(repaired[0]) if repaired else None
    return found


def _label_kind(content: str) -> tuple[Kind, None] | None:
    if content in tables.SECTION_LABELS:
        return (Kind.LABEL, None)
    if tables.DISCLAIMER.search(content):
        return (Kind.DISCLAIMER, None)
    return None


def _title_ok(title: str) -> bool:
    if len(title) > tables.MAX_TITLE_LENGTH or title[-1] in '?!,;:"”':
        return False
    if title[-1] == ".":
        last = title.rsplit(None, 1)[-1]
        return bool(re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Z]\.)+)", last))
    return True


def _name_ok(name: str) -> bool:
    first = name.split(None, 1)[0].rstrip(".,")
    return first not in tables.NOT_NAME_FIRST_WORDS


def _speaker_kind(content: str) -> tuple[Kind, Speaker | None]:
    if len(content) == 8 and content.lower() == "operator":
        return (Kind.SPEAKER, Speaker("Operator", "", operator=True))
    if content[0] in tables.SPEAKER_DASHES:
        match = tables.SPEAKER_TITLE_ONLY.fullmatch(content)
        if match and _title_ok(match["title"]) and _dash_ok(match):
            title = _canonical_title(match["title"])
            if tables.UNIDENTIFIED.fullmatch(title):
                return (Kind.SPEAKER, Speaker(title, ""))
            return (Kind.SPEAKER, Speaker("", title))
        return (Kind.TEXT, None)
    if " -" in content or " –" in content or " —" in content:
        match = tables.SPEAKER_NAME_TITLE.fullmatch(content)
        if match and _name_ok(match["name"]) and _title_ok(match["title"]) and _dash_ok(match):
            name, title = _canonical_part(match["name"]), _canonical_title(match["title"])
            return (Kind.SPEAKER, Speaker(name, title))
    return (Kind.TEXT, None)


def _dash_ok(match: re.Match[str]) -> bool:
    """The site's hyphen parts any speaker line; another dash only one whose title opens
    with a capital (``Bill Smith – President``), as an em dash in speech rarely does.

    >>> [_dash_ok(tables.SPEAKER_TITLE_ONLY.fullmatch(line)) for line in ("— CFO", "— so we grew")]
    [True, False]
    """
    return match["dash"] == "-" or match["title"][:1].isupper()


def _canonical_title(text: str) -> str:
    """A title as its canonical line writes it, its parts parted by the site's `` - ``.

    >>> _canonical_title("UBS -- Analyst"), _canonical_title("VP – Investor  Relations")
    ('UBS - Analyst', 'VP - Investor Relations')
    """
    return _canonical_part(tables.TITLE_DASH.sub(" - ", text))


def _canonical_part(text: str) -> str:
    """A speaker line's name or title as its canonical line writes it: each run of blanks
    one space, invisible characters (a colour code, a control character) left out. The
    line's one edit then leaves nothing for the whitespace or encoding cleaner to do.

    >>> _canonical_part("Chief\\u00a0Executive  Officer"), _canonical_part("\\x07 CFO\\x1b[0m")
    ('Chief Executive Officer', 'CFO')
    """
    if "  " not in text and text.isprintable():  # no run, tab, odd blank or control
        return text
    visible = "".join(c for c in tables.TERMINAL_ESCAPE.sub("", text) if not _is_invisible(c))
    return " ".join(visible.split())


def _confirm_name_only_speakers(
    contents: list[str], kinds: list[tuple[Kind, Speaker | None]]
) -> None:
    """Mark name-only lines (``Bruce Quigley``) as speakers when the page confirms it.

    A bare name is also how a paragraph that only calls someone reads (``Ana Graciela``),
    so it needs evidence: the transcriber's placeholder (``Unidentified Participant``), or
    a hand-over that names the person in the lines just before. The site writes a bare
    name only for people without a title, so a titled speaker's name never counts.
    """
    titled = [s.name for kind, s in kinds if kind is Kind.SPEAKER and s and s.name and s.title]
    for index, content in enumerate(contents):
        if kinds[index][0] is not Kind.TEXT or len(content) > 60:
            continue
        if tables.UNIDENTIFIED.fullmatch(content):
            kinds[index] = (Kind.SPEAKER, Speaker(_canonical_part(content), ""))
            continue
        if not tables.NAME.fullmatch(content) or not _name_ok(content):
            continue
        if len(content.split()) < 2 or any(
            n == content or n.startswith(content + " ") for n in titled
        ):
            continue
        if index + 1 >= len(contents) or kinds[index + 1][0] is not Kind.TEXT:
            continue
        before = " ".join(contents[max(0, index - 3) : index])
        if re.search(rf"\b{re.escape(content)}\b", before):
            kinds[index] = (Kind.SPEAKER, Speaker(_canonical_part(content), ""))


def _layout(text: str, lines: tuple[Line, ...]) -> str:
    body = [line for line in lines if line.kind in (Kind.SPEAKER, Kind.TEXT)]
    if not body:
        return "plain"
    bulleted = sum(line.bulleted for line in body) / len(body)
    paragraphs = [line for line in body if line.kind is Kind.TEXT]
    if bulleted > 0.5 and len(paragraphs) >= 10:
        # A sentence-per-bullet page has (almost) no paragraph holding two sentences; a
        # sample of the first few hundred decides, and paragraph pages stop early.
        sample = paragraphs[:400]
        allowed = 0.03 * len(sample)
        boundary = tables.SENTENCE_BOUNDARY
        multi = 0
        for line in sample:
            if boundary.search(text, line.start, line.end):
                multi += 1
                if multi > allowed:
                    break
        else:
            return "sentences"
    if bulleted > 0.5:
        return "bullets"
    adjacent = sum("\n\n" not in text[a.end : b.line_start] for a, b in itertools.pairwise(body))
    if len(body) > 1 and adjacent / (len(body) - 1) > 0.8:
        return "flat"
    return "plain"


def _role(speaker: Speaker) -> str:
    if speaker.operator:
        return "operator"
    if tables.ANALYST_TITLE.search(speaker.title):
        return "analyst"
    if speaker.title:
        return "executive"
    return "unknown"


def _turns(
    text: str, lines: tuple[Line, ...], layout: str
) -> tuple[tuple[Turn, ...], tuple[int, ...]]:
    groups: list[tuple[Line | None, list[Line]]] = []
    turn_of_line: list[int] = []
    for line in lines:
        if line.kind is Kind.SPEAKER:
            groups.append((line, []))
        elif line.kind is Kind.TEXT:
            if not groups:
                groups.append((None, []))
            groups[-1][1].append(line)
        else:
            # a translation belongs to the turn it sits in, though not to its paragraphs
            turn_of_line.append(len(groups) - 1 if line.kind is Kind.TRANSLATION else -1)
            continue
        turn_of_line.append(len(groups) - 1)
    qa_start = _qa_start(text, groups)
    turns = []
    for index, (speaker_line, body) in enumerate(groups):
        speaker = speaker_line.speaker if speaker_line and speaker_line.speaker else Speaker("", "")
        if layout == "sentences" and body:
            paragraphs: tuple[tuple[int, int], ...] = ((body[0].start, body[-1].end),)
        else:
            paragraphs = tuple((line.start, line.end) for line in body)
        head = (
            (speaker_line.start, speaker_line.end)
            if speaker_line
            else (body[0].start, body[0].start)
        )
        turns.append(
            Turn(
                speaker=speaker.line if speaker.operator else speaker.name,
                title=speaker.title,
                role=_role(speaker),
                section="qa" if qa_start is not None and index >= qa_start else "presentation",
                speaker_span=head,
                paragraphs=paragraphs,
            )
        )
    return _read_unknown_roles(text, turns, qa_start is not None), tuple(turn_of_line)


ROLE_FROM_PRESENTATION = "speaks in the prepared remarks, before the Q&A: analysts ask in the Q&A"


def _read_unknown_roles(text: str, turns: list[Turn], has_qa: bool) -> tuple[Turn, ...]:
    """Roles that a speaker line without a title leaves unknown ("Bruce Quigley",
    "Unidentified Participant": the site writes a bare name only for people without a
    title), read from the call:

    - in a call with a Q&A, a named speaker of the presentation is an executive:
      analysts ask in the Q&A;
    - in the Q&A, an analyst where the operator has just invited a question ("... of
      Goldman Sachs, please go ahead with your question"): the first speaker after the
      operator, and the same speaker again before the operator's next turn.

    >>> page = parse("Operator\\nWelcome. Over to Mr. Bruce Quigley.\\nBruce Quigley\\nHi."
    ...     "\\nOperator\\nOur first question. Please go ahead with your question."
    ...     "\\nUnidentified Participant\\nHow big?\\nBill Smith - CEO\\nBig.\\n"
    ...     "Unidentified Participant\\nThanks.")
    >>> [turn.role for turn in page.turns]
    ['operator', 'executive', 'operator', 'analyst', 'executive', 'analyst']
    """
    if all(turn.role != "unknown" for turn in turns):
        return tuple(turns)
    questioner: str | None = None  # who the operator's last invitation gave the floor to
    invitation = ""  # the operator's words giving it, or "" where they gave none
    for index, turn in enumerate(turns):
        if turn.role == "operator":
            said = text[turn.paragraphs[0][0] : turn.paragraphs[-1][1]] if turn.paragraphs else ""
            invitation = " ".join(said.split()) if _invites_a_question(said) else ""
            questioner = None
            continue
        if invitation and questioner is None:
            questioner = turn.speaker
        if turn.role != "unknown" or not turn.speaker:
            continue
        if turn.section == "presentation" and has_qa:
            # "Unidentified Speaker" reading the safe harbour may be anyone's voice
            if not tables.UNIDENTIFIED.fullmatch(turn.speaker):
                turns[index] = dataclasses.replace(
                    turn, role="executive", role_from=ROLE_FROM_PRESENTATION
                )
        elif turn.section == "qa" and invitation and turn.speaker == questioner:
            quote = invitation if len(invitation) <= 160 else invitation[:159] + "…"
            turns[index] = dataclasses.replace(
                turn, role="analyst", role_from=f"speaks after the operator's {quote!r}"
            )
    return tuple(turns)


def _invites_a_question(said: str) -> bool:
    return bool(tables.QUESTION_INVITED.search(said)) and not tables.QUEUE_EMPTY.search(said)


def _qa_start(text: str, groups: list[tuple[Line | None, list[Line]]]) -> int | None:
    """The turn where the operator opens the question queue.

    After the operator's opening and at least one turn of prepared remarks, Q&A begins at
    the first operator turn that speaks of questions or closes the call, or at any turn
    that opens the queue in the operator's words (an executive reading the script).
    """

    def is_operator(group: tuple[Line | None, list[Line]]) -> bool:
        return bool(group[0] and group[0].speaker and group[0].speaker.operator)

    first_operator = next((i for i, g in enumerate(groups) if is_operator(g)), None)
    if first_operator is None:
        return None
    remarks = next(
        (i for i in range(first_operator + 1, len(groups)) if not is_operator(groups[i])), None
    )
    if remarks is None:
        return None
    for index in range(remarks + 1, len(groups)):
        body = groups[index][1]
        words = " ".join(text[line.start : line.end] for line in body[:6]).lower()
        if _may_open_queue(words) and tables.QUEUE_OPENS.search(words):
            if is_operator(groups[index]) or (
                "operator instructions" in words or "first question" in words
            ):
                return index
        elif is_operator(groups[index]) and index == len(groups) - 1:
            return index
    return None


def _may_open_queue(lowered: str) -> bool:
    """Whether ``lowered`` holds a word every ``QUEUE_OPENS`` match holds: a substring test
    that spares the pattern the long prepared remarks."""
    return "question" in lowered or "operator" in lowered or "&" in lowered


def read_metadata(text: str, lines: tuple[Line, ...]) -> Metadata:
    """Company, ticker, year and quarter from the header or title line, else ``None``s.

    The company name is repaired as its line would be (``AT&amp;T`` reads ``AT&T``): the
    header is replaced whole by a title line written from this metadata.

    >>> page = parse("AT&amp;T Inc (T) 2021 Q1 法說會逐字稿\\nOperator\\nHi.")
    >>> page.metadata.company, page.metadata.ticker
    ('AT&T Inc', 'T')
    """
    for line in lines[:3]:
        if line.kind in (Kind.HEADER, Kind.TITLE):
            header = match_header(text, line.start, line.end)
            if header:
                company, quarter = header.group("company", "quarter")
                year = header["year"] or header.groupdict().get("year_after")
                return Metadata(
                    company=repair_text(company.strip()) if company else None,
                    ticker=header["ticker"],
                    fiscal_year=int(year) if year else None,
                    fiscal_quarter=int(quarter) if quarter else None,
                )
    return Metadata()
