"""Decoding the site's encodings and repairing damaged text, on real seed lines."""

from __future__ import annotations

import codecs
import itertools
import subprocess
import sys
from collections.abc import Callable

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from hypothesis import given
from hypothesis import strategies as st

from callscrub.batch import document_from_bytes
from cleaners import tables
from cleaners.decode import DecodeError, decode
from cleaners.encoding import line_pieces
from cleaners.pipeline import review_document
from cleaners.repair import ftfy_leaves_alone, repair_line
from tests.conftest import needs_seeds, seed

PAGE = (
    "Smith Micro Software Inc (SMSI) 2008 Q2 法說會逐字稿\r\n\r\n完整原文\r\n\r\n"
    "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主\r\n\r\n"
    "  • Operator\r\n\r\n  • Welcome to the Smith Micro Software fiscal second quarter call.\r\n"
)


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (PAGE.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16-be", True),
        (codecs.BOM_UTF32_LE + PAGE.encode("utf-32-le"), "utf-32-le", True),
        (PAGE.encode("utf-16-le"), "utf-16-le", False),
        (PAGE.replace("•", "●").encode("big5"), "big5", False),
        (PAGE.replace("•", "·").encode("gb18030"), "gb18030", False),
    ],
)
def test_decodes_every_encoding_the_site_uses(data: bytes, encoding: str, bom: bool) -> None:
    decoded = decode(data)
    assert decoded.encoding.replace("_", "-") == encoding
    assert decoded.bom is bom
    assert decoded.newlines == "crlf"
    assert "\r" not in decoded.text
    assert decoded.text.splitlines()[0] == "Smith Micro Software Inc (SMSI) 2008 Q2 法說會逐字稿"


def test_cp1252_text_decodes() -> None:
    data = "Operator\nWe’re glad — café revenue was €5 million.\n".encode("cp1252")
    assert decode(data).text.startswith("Operator\nWe’re glad — café")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"Operator\nHello\x00 there\n" * 3, "binary file"),
    ],
)
def test_bad_bytes_get_a_clear_reason(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


@needs_seeds
@pytest.mark.parametrize(
    "damage",
    [
        # a browser's cp1252 maps the five undefined bytes to C1 controls, as ftfy's codec does
        lambda s: s.encode("utf-8").decode("sloppy-windows-1252"),
        lambda s: s.encode("utf-8").decode("latin-1"),
    ],
    ids=["utf8-as-cp1252", "utf8-as-latin1"],
)
def test_mojibake_injected_into_seed_lines_is_repaired(damage) -> None:  # type: ignore[no-untyped-def]
    raw = seed("000").read_text(encoding="utf-8")
    lines = raw.split("\n")
    target = next(i for i, line in enumerate(lines) if "customer’s" in line or "Company's" in line)
    original = lines[target]
    lines[target] = original.replace("Company's", "Company’s — “quoted”")
    wanted = lines[target]
    lines[target] = damage(wanted)
    review = review_document(document_from_bytes("\n".join(lines).encode("utf-8"), "x"))
    assert wanted.lstrip(" •") in review.rendering.text
    assert {e.cleaner for e in review.edits if e.reason.startswith("mojibake")} == {"encoding"}


#: Ways a page gets damaged, with how callscrub names each once undone.
MOJIBAKE = {
    "utf8-as-cp1252": (
        lambda s: s.encode("utf-8").decode("sloppy-windows-1252"),
        "utf-8 read as windows-1252 or latin-1",
    ),
    "utf8-as-latin1": (
        lambda s: s.encode("utf-8").decode("latin-1"),
        "utf-8 read as windows-1252 or latin-1",
    ),
    "big5-as-latin1": (lambda s: s.encode("cp950").decode("latin-1"), "big5 read as latin-1"),
}


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
@pytest.mark.parametrize(("damage", "named"), MOJIBAKE.values(), ids=MOJIBAKE.keys())
def test_a_page_that_is_mojibake_from_end_to_end_cleans_as_the_page_itself(
    prefix: str,
    damage: Callable[[str], str],
    named: str,
) -> None:
    raw = seed(prefix).read_bytes()
    damaged = damage(raw.decode("utf-8")).encode("utf-8")
    clean = review_document(document_from_bytes(raw, "x"))
    repaired = review_document(document_from_bytes(damaged, "x"))
    # read line by line, its bullets, labels and speaker lines went unrecognised
    assert repaired.rendering.text == clean.rendering.text
    assert repaired.document.source.redecoded == named
    assert clean.document.source.redecoded is None


def _html_escaped(page: str) -> str:
    """A page as scraped without unescaping: entities for ``&``, quotes and bullets, and
    the bullets' indentation as ``&nbsp;``."""
    escaped = page.replace("&", "&amp;").replace('"', "&quot;").replace("’", "&rsquo;")
    return escaped.replace("  •", "&nbsp;&nbsp;&bull;").replace("•", "&#8226;")


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_a_page_scraped_without_unescaping_cleans_as_the_page_itself(prefix: str) -> None:
    raw = seed(prefix).read_text(encoding="utf-8")
    clean = review_document(document_from_bytes(raw.encode("utf-8"), "x"))
    escaped = review_document(document_from_bytes(_html_escaped(raw).encode("utf-8"), "x"))
    # the bullets written as entities were neither removed nor seen before speaker lines
    assert escaped.rendering.text == clean.rendering.text


def test_mojibake_bullets_are_the_bullets_they_were() -> None:
    sloppy = tuple(glyph.encode().decode("sloppy-windows-1252") for glyph in tables.BULLET_GLYPHS)
    assert tuple(g for g in sloppy if not g.isascii()) == tables.MOJIBAKE_BULLETS


@needs_seeds
def test_a_page_whose_bullets_alone_are_mojibake_cleans_as_the_page_itself() -> None:
    raw = seed("000").read_text(encoding="utf-8")  # its Chinese lines sound, so not re-decoded
    damaged = raw.replace("•", "•".encode().decode("sloppy-windows-1252"))
    clean = review_document(document_from_bytes(raw.encode("utf-8"), "x"))
    review = review_document(document_from_bytes(damaged.encode("utf-8"), "x"))
    assert review.document.source.redecoded is None
    assert review.rendering.text == clean.rendering.text


def test_latin1_text_that_also_reads_as_big5_is_not_redecoded() -> None:
    # every é before a letter: as Latin-1 bytes the whole page is valid Big5 ("Cr嶮it")
    page = "Operator\n\nWelcome, Crédit Agricole and Générale Sociétés.\n".encode()
    decoded = decode(page)
    assert "Générale Sociétés" in decoded.text and decoded.redecoded is None


@needs_seeds
@pytest.mark.parametrize(("damage", "named"), MOJIBAKE.values(), ids=MOJIBAKE.keys())
def test_a_label_and_disclaimer_in_mojibake_on_a_sound_page_are_removed(
    damage: Callable[[str], str], named: str
) -> None:
    raw = seed("000").read_text(encoding="utf-8")
    lines = [
        damage(line) if line == "完整原文" or line.startswith("使用警語") else line
        for line in raw.split("\n")
    ]
    review = review_document(document_from_bytes("\n".join(lines).encode("utf-8"), "x"))
    clean = review_document(document_from_bytes(raw.encode("utf-8"), "x"))
    assert review.rendering.text == clean.rendering.text
    reasons = [edit.reason for edit in review.proposals.edits]
    assert sum(f"(written in mojibake, {named}: " in reason for reason in reasons) == 2
    if named.startswith("utf-8"):
        assert not any("Big5" in reason for reason in reasons)  # 使用警語 read as 刻郎隤


def test_big5_read_as_latin1_header_is_repaired_then_becomes_metadata() -> None:
    header = "法說會逐字稿".encode("big5").decode("latin-1")
    text = f"Infinera Corp (INFN) 2010 Q3 {header}\n\n  • Operator\n\n  • Good afternoon.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"))
    assert review.proposals.metadata.ticker == "INFN"
    assert review.rendering.text.startswith(
        "Infinera Corp (INFN) 2010 Q3 Earnings Call Transcript\n"
    )


@pytest.mark.parametrize(
    ("written", "company"),
    [("AT&amp;T Inc", "AT&T Inc"), ("NestlÃ© SA", "Nestlé SA"), ("Johnson & Johnson", None)],
)
def test_a_damaged_company_name_in_the_header_is_repaired_in_metadata_and_title(
    written: str, company: str | None
) -> None:
    text = f"{written} (JNJ) 2021 Q1 法說會逐字稿\n\n  • Operator\n\n  • Good afternoon.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"))
    wanted = company or written
    assert review.proposals.metadata.company == wanted
    assert review.rendering.text.startswith(f"{wanted} (JNJ) 2021 Q1 Earnings Call Transcript\n")
    (header,) = [e for e in review.edits if e.start == 0]  # the header alone: no overlap lost
    repaired = f"company name repaired: {written!r} -> {company!r}"
    assert (repaired in header.reason) == (company is not None)
    again = review_document(document_from_bytes(review.rendering.text.encode("utf-8"), "y"))
    assert [e for e in again.edits if again.status[e.id].value == "applied"] == []


def test_terminal_escapes_and_controls_are_removed_and_reported() -> None:
    text = "Operator\n\nWelcome \x1b[31mall\x1b[0m to the\x07 call.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"))
    assert review.rendering.text.endswith("Welcome all to the call.\n")
    reasons = " ".join(e.reason for e in review.edits)
    assert "terminal escape sequence removed" in reasons and "control character removed" in reasons


def test_legitimate_cjk_punctuation_and_curly_quotes_are_untouched() -> None:
    text = "Operator\n\nHe said “we’re on track” （全形） 　and $5.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"))
    assert [e for e in review.edits if e.cleaner == "encoding"] == []


@given(st.text(alphabet="Ã© a\u00a0&;x", max_size=300), st.integers(min_value=1, max_value=40))
def test_a_long_line_is_cut_into_pieces_that_make_it_up(line: str, longest: int) -> None:
    pieces = list(line_pieces(line, longest))
    assert "".join(piece for _, piece in pieces) == line
    assert [offset for offset, _ in pieces] == [
        sum(len(piece) for _, piece in pieces[:index]) for index in range(len(pieces))
    ]
    assert all(0 < len(piece) <= longest for _, piece in pieces[:-1])


def test_every_entity_of_a_page_long_line_is_repaired() -> None:
    # a scrape that lost its line breaks: one line, repaired piece by piece
    line = "AT&amp;T grew at NestlÃ© too. " * 1_000
    review = review_document(document_from_bytes(f"Operator\n{line}\n".encode(), "x"), "all")
    assert ("AT&T grew at Nestlé too. " * 1_000).strip() in review.rendering.text
    assert "&amp;" not in review.rendering.text and "Ã" not in review.rendering.text


#: Contexts stand for the classes ftfy's mojibake patterns test next to a character:
#: lower and upper letters, digits, blanks, ASCII punctuation.
CONTEXT_CHARACTERS = " aZ5.,'-(&"


@pytest.mark.parametrize("lone", sorted(tables.LONE_LATIN1))
def test_ftfy_leaves_a_lone_latin1_character_alone_in_every_nearby_context(lone: str) -> None:
    changed = []
    for left in itertools.product(CONTEXT_CHARACTERS, repeat=2):
        for right in itertools.product(CONTEXT_CHARACTERS, repeat=2):
            line = "".join(left) + lone + "".join(right)
            if repair_line(line)[0] != line:
                changed.append(line)
    assert changed == []


@pytest.mark.parametrize("line", ["Ã la carte", "Â note", "cafÃ©", "soft\xadhyphen", "é ¼ x"])
def test_lines_ftfy_would_change_are_not_taken_for_lone_latin1(line: str) -> None:
    assert not ftfy_leaves_alone(line)


_ASCII_RUN = st.text(alphabet=[chr(c) for c in range(0x20, 0x7F)], min_size=3, max_size=12)


@given(st.lists(st.tuples(_ASCII_RUN, st.sampled_from(sorted(tables.LONE_LATIN1))), max_size=6))
def test_a_line_of_lone_latin1_characters_comes_out_of_ftfy_unchanged(
    runs: list[tuple[str, str]],
) -> None:
    line = "".join(ascii_run + lone for ascii_run, lone in runs) + "x"
    if ftfy_leaves_alone(line):  # false only when an ASCII run spells an HTML entity
        assert repair_line(line)[0] == line


def test_accented_names_reach_the_output_without_an_encoding_edit() -> None:
    text = "Operator\n\nOur new CFO, André, spoke vis-à-vis 14 ½ months of NestlÃ© data.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"), "all")
    assert "André, spoke vis-à-vis 14 ½ months of Nestlé data." in review.rendering.text


INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u202a", "\u2060", "\u2066"]


@pytest.mark.parametrize("invisible", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_formatting_character_is_removed_where_ftfy_keeps_it(
    invisible: str,
) -> None:
    # a zero-width space inside "it's" from a scraped page: search found no "its"
    text = f"Operator\n\nIt{invisible}s soft{invisible}ware, 完整{invisible}的.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"), "safe")
    assert "Its software, 完整的.\n" in review.rendering.text
    removals = [e for e in review.applied() if e.cleaner == "encoding"]
    assert [e.reason for e in removals] == ["invisible formatting character removed"] * 3


def test_a_line_of_nothing_but_an_invisible_character_written_as_an_entity_is_no_line() -> None:
    text = "Operator\n\nHi.\n\n&#8203;\n\n&#8203;Bill Smith - CEO\n\nOk.\n"
    review = review_document(document_from_bytes(text.encode("utf-8"), "x"), "safe")
    assert review.rendering.text.endswith("\n\nHi.\n\nBill Smith - CEO\n\nOk.\n")
    assert [turn.speaker for turn in review.turns] == ["Operator", "Bill Smith"]


def test_a_page_whose_only_unusual_characters_are_lone_accents_never_loads_ftfy() -> None:
    page = "Operator\n\nOur new CFO, André, spoke vis-à-vis 14 ½ months.\n"
    program = (
        "import sys\n"
        "from callscrub.batch import document_from_bytes\n"
        "from cleaners.pipeline import review_document\n"
        f"review = review_document(document_from_bytes({page.encode()!r}, 'x'), 'all')\n"
        f"assert review.rendering.text.endswith({page.split(chr(10))[2]!r} + '\\n')\n"
        "print('ftfy' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"
