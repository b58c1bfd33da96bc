"""The document model: the decoded original text and stand-off proposals on it.

Every proposal is an immutable record pointing into the *original* decoded text, so
any subset can be accepted in any order, and the original is never mutated.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Status(StrEnum):
    """What became of an edit: the three states of the output contract."""

    APPLIED = "applied"
    PROPOSED = "proposed"
    REJECTED = "rejected"


class Edit(NamedTuple):
    """Replace ``original_text[start:end]`` with ``replacement``.

    ``start == end`` is an insertion. ``cleaner`` names the cleaner that proposed it,
    ``reason`` says why in words a reader understands, ``confidence`` is in [0, 1].

    A named tuple, not a frozen dataclass: a page makes hundreds of edits, each made
    twice (proposed, then numbered), and a tuple is made three times faster. The review
    that receives them checks them (:meth:`check`).

    >>> Edit(0, 7, "Ecutel", "entities", "sound-alike of a glossary entry", 0.93).span
    (0, 7)
    """

    start: int
    end: int
    replacement: str
    cleaner: str
    reason: str
    confidence: float
    id: str = ""

    def check(self, text: str) -> None:
        """Raise ``ValueError`` unless the edit's span lies in ``text`` and its confidence
        in [0, 1].

        >>> Edit(3, 9, "", "x", "", 1.0, "e1").check("short")
        Traceback (most recent call last):
        ValueError: edit e1: span 3..9 outside a text of 5 characters
        """
        if not 0 <= self.start <= self.end <= len(text):
            raise ValueError(
                f"edit {self.id}: span {self.start}..{self.end} outside a text of "
                f"{len(text)} characters"
            )
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"edit {self.id}: confidence {self.confidence} outside [0, 1]")

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def overlaps(self, other: Edit) -> bool:
        """True when applying both would touch the same original characters.

        Two insertions at one point, or an insertion at the boundary of a replacement,
        do not overlap: their order is fixed by the renderer.

        >>> Edit(0, 4, "", "a", "", 1).overlaps(Edit(3, 6, "", "b", "", 1))
        True
        >>> Edit(0, 4, "", "a", "", 1).overlaps(Edit(4, 4, "x", "b", "", 1))
        False
        >>> Edit(0, 4, "", "a", "", 1).overlaps(Edit(2, 2, "x", "b", "", 1))
        True
        """
        if self.start == self.end and other.start == other.end:
            return False
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Annotation:
    """A remark on a span of the original text that changes nothing.

    Kinds used here: ``uncertain`` (transcriber doubt), ``marker`` (audio or operator
    marker), ``speaker``, ``entity``, ``translation``, ``language``, ``boilerplate``.
    """

    start: int
    end: int
    kind: str
    body: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.kind, repr(sorted(self.body.items()))))


def recorded_path(path: str) -> str:
    """``path`` as text every output can hold. A file name whose bytes are not UTF-8 (one
    named in Latin-1 on a shared drive) reaches Python with lone surrogates in it, which
    no JSON writer takes; its odd bytes are written ``\\xe9`` instead.

    >>> print(recorded_path("calls/caf" + chr(0xDCE9) + ".txt"), recorded_path("calls/café.txt"))
    calls/caf\\xe9.txt calls/café.txt
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def recorded_path_candidates(recorded: str) -> list[str]:
    r"""The paths a :func:`recorded_path` may stand for: itself, and the name whose odd
    bytes it wrote as ``\xe9`` (a name really written so is tried first).

    >>> [os.fsencode(path) for path in recorded_path_candidates("calls/caf\\xe9.txt")]
    [b'calls/caf\\xe9.txt', b'calls/caf\xe9.txt']
    """
    raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m[1], 16)]), recorded.encode())
    original = os.fsdecode(raw)
    return [recorded] if original == recorded else [recorded, original]


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from and how its bytes were decoded."""

    path: str
    sha256: str
    encoding: str
    size: int = 0
    bom: bool = False
    newlines: str = "lf"  # lf, crlf, cr or mixed: normalised to LF by decoding
    #: Mojibake undone in the whole text once decoded, as ``cleaners.repair.mojibake_of``
    #: names it ("big5 read as latin-1"); None for a sound text.
    redecoded: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the site header says about the call; ``None`` where it says nothing."""

    company: str | None = None
    ticker: str | None = None
    fiscal_year: int | None = None
    fiscal_quarter: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """The original decoded text (never mutated) and where it came from."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn, as spans of the original text.

    ``speaker_span`` is the speaker line; ``paragraphs`` the spans of its paragraphs.
    ``role_from`` says where the role comes from when no title gives it.
    """

    speaker: str
    title: str
    role: str
    section: str
    speaker_span: tuple[int, int]
    paragraphs: tuple[tuple[int, int], ...]
    role_from: str = ""

    @property
    def start(self) -> int:
        return self.speaker_span[0]

    @property
    def end(self) -> int:
        return self.paragraphs[-1][1] if self.paragraphs else self.speaker_span[1]
