"""Character repairs shared by the encoding cleaner and the header reader: ftfy's, with
the settings these pages need, and Big5 text that was read as Latin-1 (which ftfy does
not repair)."""

from __future__ import annotations

import codecs
import html

from cleaners import tables


def _c1_control_as_its_byte(error: UnicodeError) -> tuple[bytes, int]:
    """Encode-error handler: a C1 control stands for the byte of its code point, as
    Windows-1252 read "sloppily" (by browsers) yields it for the 5 bytes it leaves
    undefined (U+0090 for 0x90, the last byte of 源 in UTF-8)."""
    if isinstance(error, UnicodeEncodeError):
        controls = error.object[error.start : error.end]
        if all("\x80" <= character <= "\x9f" for character in controls):
            return controls.encode("latin-1"), error.end
    try:
        raise error
    finally:
        # The raised error's traceback holds this frame: with the error still among its
        # locals, the two would keep each other, and every caller's frame (the page's
        # bytes and text among them), until a garbage collection found them.
        del error


codecs.register_error("callscrub-c1-control-as-byte", _c1_control_as_its_byte)


def utf8_read_as_cp1252(text: str) -> str | None:
    """``text`` re-decoded, if all of it is UTF-8 that was read as Windows-1252 (the
    commonest mojibake: ``â€™`` for ``’``, ``æ³•èªªæœƒ`` for ``法說會``) or as Latin-1
    (the C1 controls for 0x80-0x9f); else None.

    >>> utf8_read_as_cp1252("æ³•èªªæœƒ â€¢ Itâ€™s ä¾†æº\\x90")
    '法說會 • It’s 來源'
    >>> utf8_read_as_cp1252("café"), utf8_read_as_cp1252("法說會"), utf8_read_as_cp1252("Hi")
    (None, None, None)
    """
    if text.isascii():
        return None
    try:
        return text.encode("cp1252", "callscrub-c1-control-as-byte").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


#: The step :func:`repair_line` adds to ftfy's explanation when it removes what ftfy keeps.
REMOVE_INVISIBLE_FORMATTING = "remove_invisible_formatting"


def repair_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """ftfy's repair of ``line``, without the invisible formatting characters ftfy keeps
    (:data:`cleaners.tables.INVISIBLE_FORMATTING`), and its explanation.

    ftfy is imported here, on the first line the gate lets through: most pages have
    none, and the import costs a worker 40 ms.

    >>> fixed, steps = repair_line("Itâ€™s\u200b here")
    >>> fixed, steps[-1]
    ('It’s here', ('apply', 'remove_invisible_formatting'))
    """
    import ftfy

    # ftfy's defaults damage legitimate text of these pages: they turn ，（） and the
    # ideographic space into ASCII and straighten curly quotes. These settings keep them.
    config = ftfy.TextFixerConfig(
        fix_character_width=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        unescape_html="auto",
    )
    explained = ftfy.fix_and_explain(line, config)
    steps = [(action, parameter) for action, parameter in explained.explanation or []]
    fixed = explained.text
    if tables.INVISIBLE_FORMATTING.search(fixed):
        fixed = tables.INVISIBLE_FORMATTING.sub("", fixed)
        steps.append(("apply", REMOVE_INVISIBLE_FORMATTING))
    return fixed, steps


def as_repaired(line: str) -> str:
    """``line`` as the encoding cleaner will leave it where that needs no ftfy: colour
    codes and invisible formatting characters out, HTML entities unescaped, UTF-8
    mojibake re-decoded. The parser reads a line so to tell its language (the letters of
    ``[31m`` or ``&amp;`` would count as Latin text in a Chinese line) and a speaker
    line damaged so; the speakers cleaner leaves such a line to the encoding cleaner.

    >>> as_repaired("安\x1b[31m迪？"), as_repaired("&amp; 謝謝。")
    ('安迪？', '& 謝謝。')
    >>> as_repaired("JosÃ© GarcÃ\xada - Analyst"), as_repaired("Bill Smith\u200b - CEO")
    ('José García - Analyst', 'Bill Smith - CEO')
    """
    if "\x1b" in line:
        line = tables.TERMINAL_ESCAPE.sub("", line)
    if "&" in line:
        line = html.unescape(line)
    if line.isascii():
        return line  # no mojibake, nothing invisible
    line = utf8_read_as_cp1252(line) or line
    return tables.INVISIBLE_FORMATTING.sub("", line)


def ftfy_may_change(text: str) -> bool:
    """The gate in front of ftfy: whether ``text`` holds a character that may carry
    mojibake or an HTML entity (:data:`cleaners.tables.SUSPICIOUS_CHARACTER`,
    :data:`cleaners.tables.HTML_ENTITY`), and is not one :func:`ftfy_leaves_alone`.

    >>> ftfy_may_change("Welcome • 歡迎"), ftfy_may_change("André"), ftfy_may_change("cafÃ©")
    (False, False, True)
    """
    gated = tables.SUSPICIOUS_CHARACTER.search(text) or tables.HTML_ENTITY.search(text)
    return gated is not None and not ftfy_leaves_alone(text)


def ftfy_leaves_alone(line: str) -> bool:
    """Whether ``line`` is sure to come out of :func:`repair_line` unchanged: it has no HTML
    entity, and every character outside printable ASCII is a lone Latin-1 letter or sign
    (:data:`cleaners.tables.LONE_LATIN1`).

    The gate sends such lines to ftfy, and real transcripts have them: names and words
    with accents, fractions. Leaving them out spares a run its ftfy import (40 ms) and
    each line its ftfy pass.

    >>> ftfy_leaves_alone("the new CFO, André, who"), ftfy_leaves_alone("up 14 ½ months")
    (True, True)
    >>> ftfy_leaves_alone("Ã la carte"), ftfy_leaves_alone("cafÃ©"), ftfy_leaves_alone("AT&amp;T")
    (False, False, False)
    """
    if tables.HTML_ENTITY.search(line):
        return False
    previous = -tables.LONE_LATIN1_GAP
    for match in tables.OUTSIDE_PRINTABLE_ASCII.finditer(line):
        if match.group() not in tables.LONE_LATIN1:
            return False
        if match.start() - previous < tables.LONE_LATIN1_GAP:
            return False
        previous = match.start()
    return True


#: How :func:`mojibake_of` says a text was damaged.
UTF8_READ_AS_CP1252 = "utf-8 read as windows-1252 or latin-1"
BIG5_READ_AS_LATIN1 = "big5 read as latin-1"


def mojibake_of(text: str) -> tuple[str, str] | None:
    """``text`` repaired and how it was damaged, if all of it reads as one mojibake: UTF-8
    read as Windows-1252 or Latin-1 (:func:`utf8_read_as_cp1252`), else Big5 read as
    Latin-1. The second is a weak sign (Latin-1 letters pair up into Big5 characters):
    callers check that what it gives is what they look for.

    >>> mojibake_of("å®Œæ•´åŽŸæ–‡")
    ('完整原文', 'utf-8 read as windows-1252 or latin-1')
    >>> mojibake_of("§¹¾ã­ì¤å"), mojibake_of("完整原文")
    (('完整原文', 'big5 read as latin-1'), None)
    """
    repaired = utf8_read_as_cp1252(text)
    if repaired is not None:
        return repaired, UTF8_READ_AS_CP1252
    if text.isascii():
        return None
    try:
        return text.encode("latin-1").decode("cp950"), BIG5_READ_AS_LATIN1
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def big5_read_as_latin1(run: str) -> str | None:
    """The Chinese text a run of Latin-1 characters was, if it was Big5 bytes.

    >>> big5_read_as_latin1("ªk»¡·|³v¦r½Z")
    '法說會逐字稿'
    >>> big5_read_as_latin1("Générale") is None
    True

    Bytes that are UTF-8 too were UTF-8, by far the commoner: ``Ã©`` is ``é`` (which
    ftfy repairs), though as Big5 it would be ``矇``. A run of letters alone is Latin
    text: Big5 read as Latin-1 shows its punctuation (``»¡·|``).

    >>> big5_read_as_latin1("Ã©Ã©Ã©"), big5_read_as_latin1("éééééé")
    (None, None)
    """
    found = None if run.isalpha() else mojibake_of(run)
    if found is None or found[1] != BIG5_READ_AS_LATIN1:
        return None
    decoded = found[0]
    if all(
        "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        for c in decoded
    ):
        return decoded
    return None


def repair_text(text: str) -> str:
    """``text`` with ftfy's repairs, if the gate (:func:`ftfy_may_change`) sends it there.

    The site header is replaced whole by a title line written from the metadata read out
    of it, so the company name read there gets the repairs its line would have had.

    >>> repair_text("AT&amp;T Inc"), repair_text("NestlÃ© SA"), repair_text("Smith Micro")
    ('AT&T Inc', 'Nestlé SA', 'Smith Micro')
    """
    return repair_line(text)[0] if ftfy_may_change(text) else text
