"""Bytes to text: BOM, UTF-8, then Big5/cp950, GB18030 and cp1252; newlines to LF; a text
that is mojibake from end to end (UTF-8 or Big5 read as a Latin script and saved again)
re-decoded."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from cleaners import tables
from cleaners.patterncache import compile_pattern
from cleaners.repair import BIG5_READ_AS_LATIN1, mojibake_of

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Encodings the site's files come in besides UTF-8.
#: UTF-16 without a BOM is recognised by its NUL bytes before this list is tried.
CANDIDATES = ["big5", "cp950", "gb18030", "cp1252"]


class DecodeError(ValueError):
    """The bytes are not a text file callscrub can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    newlines: str
    #: What was undone in the whole text after decoding it, if anything.
    redecoded: str | None = None


def _utf16_without_bom(data: bytes) -> str | None:
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if half and odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if half and even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _newlines(text: str) -> tuple[str, str]:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    if not crlf and not cr:
        return text, "lf"
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("crlf", crlf), ("cr", cr), ("lf", lf)) if n]
    return text.replace("\r\n", "\n").replace("\r", "\n"), kinds[0] if len(kinds) == 1 else "mixed"


def decode(data: bytes) -> Decoded:
    """Decode a transcript file's bytes, or raise :class:`DecodeError`.

    >>> decode("法說會\\r\\n".encode("big5")).text, decode("法說會".encode("big5")).encoding
    ('法說會\\n', 'big5')
    >>> decode(codecs.BOM_UTF8 + b"Hi\\r\\n").newlines
    'crlf'
    """
    if not data.strip(b" \t\r\n"):
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"undecodable bytes after a {encoding} BOM at byte {error.start}"
                ) from None
            return _finish(text, encoding, bom=True)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError("binary file (NUL bytes)")
        try:
            return _finish(data.decode(utf16), utf16, bom=False)
        except UnicodeDecodeError:
            raise DecodeError("binary file (NUL bytes)") from None
    try:
        return _finish(data.decode("utf-8"), "utf-8", bom=False)
    except UnicodeDecodeError:
        pass
    # imported here: most pages are UTF-8, and the import costs every worker 7 ms
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16, Big5, GB18030 or cp1252")
    return _finish(str(best), best.encoding or "unknown", bom=False)


_BINARY_CONTROLS = compile_pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")


def _finish(text: str, encoding: str, *, bom: bool) -> Decoded:
    """The decoded text checked and normalised. A text that is all mojibake is re-decoded
    here, before it is parsed: read line by line, its bullets, labels and speaker lines
    would not be recognised (``â€¢ Operator``), and the Chinese lines, cut into runs,
    could pass for Big5 read as Latin-1. A page re-decoded as Big5 must then say one of
    the site's own labels: Latin-1 text can read as Big5 too (``é`` and a letter make a
    Big5 character).

    >>> decoded = decode("æ³•èªªæœƒ\\r\\n  â€¢ Operator".encode())
    >>> decoded.text, decoded.encoding, decoded.redecoded
    ('法說會\\n  • Operator', 'utf-8', 'utf-8 read as windows-1252 or latin-1')
    """
    sample = text[:65536]
    if len(_BINARY_CONTROLS.findall(sample)) > 0.05 * len(sample):
        raise DecodeError("binary file (control bytes)")
    normalised, newlines = _newlines(text)
    found = mojibake_of(normalised)
    if found is None or (found[1] == BIG5_READ_AS_LATIN1 and not _says_a_site_label(found[0])):
        return Decoded(normalised, encoding, bom, newlines)
    return Decoded(found[0], encoding, bom, newlines, found[1])


def _says_a_site_label(text: str) -> bool:
    labels = (*tables.HEADER_LABELS, *tables.SECTION_LABELS)
    return any(label in text for label in labels) or tables.DISCLAIMER.search(text) is not None
