"""Patterns and tables for the noise the site's pages carry. No logic lives here."""

from __future__ import annotations

import re

# --- boilerplate -------------------------------------------------------------------

#: The site's header: ``Smith Micro Software Inc (SMSI) 2008 Q2 法說會逐字稿``. The tail
#: after the quarter is the Chinese label, possibly mangled by a bad decode, or the
#: English title callscrub writes in its place.
HEADER = re.compile(
    r"(?P<company>\S.*?)\s*\((?P<ticker>[A-Z][A-Z0-9.\-]{0,9})\)\s*"
    r"(?P<year>(?:19|20)\d\d)\s*Q(?P<quarter>[1-4])(?P<tail>.*)"
)
HEADER_LABELS = ("法說會逐字稿", "法说会逐字稿")
HEADER_GLOSS = "earnings call transcript"

#: The title line callscrub writes; re-reading it must propose nothing.
TITLE_SUFFIX = "Earnings Call Transcript"

#: Section labels of the page, with their English gloss.
SECTION_LABELS: dict[str, str] = {
    "完整原文": "full original text",
    "中英對照": "English–Chinese side by side",
    "中英对照": "English–Chinese side by side",
    "逐字稿": "transcript",
}

#: The Google-Translate disclaimer, Traditional or Simplified, any punctuation width.
DISCLAIMER = re.compile(
    r"使用警[語语]\s*[:：]?.*Google\s*[翻飜][譯译]"
    r"|中文[譯译]文[來来]源[為为]\s*Google"
)
DISCLAIMER_GLOSS = (
    "usage warning: the Chinese translation comes from Google Translate and is for "
    "reference only; the English original prevails"
)

# --- layout ------------------------------------------------------------------------

#: Bullet glyphs the site puts before paragraphs or sentences.
#: A physical line: indentation and bullet glyph, then the rest of the line.
LINE = re.compile(
    r"^(?P<prefix>[ \t\u3000\u00a0]*(?:[•‧·●▪◦∙‣⁃○■□◆◇►▸*][ \t\u3000\u00a0]*)?)(?P<rest>[^\n]*)",
    re.MULTILINE,
)
TRAILING_BLANKS = " \t\u3000\u00a0\r"

#: A naive sentence boundary, as the site splits sentence-per-bullet pages.
SENTENCE_BOUNDARY = re.compile(r"[.?!][\"'”’)\]]*\s+\S")

#: Words that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Sr",
        "Jr",
        "St",
        "Inc",
        "Corp",
        "Co",
        "Ltd",
        "Cos",
        "No",
        "Nos",
        "vs",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "U.S",
        "U.K",
        "U.N",
        "E.U",
        "Gov",
        "Gen",
        "Rep",
        "Sen",
        "Rev",
        "Capt",
        "Col",
        "Lt",
        "approx",
        "est",
        "etc",
        "e.g",
        "i.e",
        "Ph.D",
        "Messrs",
        "Mt",
        "Ft",
    ]
)

# --- speakers ----------------------------------------------------------------------

#: Speakers whose name the transcriber did not know.
_UNIDENTIFIED_WHO = (
    r"(?i:speaker|participant|analyst|company representative|corporate participant|"
    r"audience member|caller|person|male|female|man|woman)"
)
UNIDENTIFIED_PATTERN = (
    rf"(?:Unidentified(?: {_UNIDENTIFIED_WHO})?|Unknown {_UNIDENTIFIED_WHO})(?: \d+)?"
)
UNIDENTIFIED = re.compile(UNIDENTIFIED_PATTERN)

_NAME_TOKEN = (
    r"(?:[A-Z][a-zA-Z'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|I{1,3}|IV|Jr\.?|Sr\.?"
    r"|de|da|del|della|van|von|der|den|la|le|du|dos|di|bin|al|el)"
)
#: A person's name as the site writes it on a speaker line.
NAME = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN}){{0,5}}")
SPEAKER_NAME_TITLE = re.compile(
    rf"(?P<name>{UNIDENTIFIED_PATTERN}|{NAME.pattern})[ \u00a0]+-[ \u00a0]*(?P<title>\S.*)"
)
SPEAKER_TITLE_ONLY = re.compile(r"-[ \u00a0]*(?P<title>\S.*)")

#: First words that open speech, never a name: `Thanks Bobby`, `Good morning`.
NOT_NAME_FIRST_WORDS = frozenset(
    [
        "Thanks",
        "Thank",
        "Good",
        "Hi",
        "Hello",
        "Hey",
        "Yes",
        "Yeah",
        "No",
        "Okay",
        "OK",
        "Sure",
        "Great",
        "Right",
        "Well",
        "So",
        "And",
        "But",
        "Or",
        "Operator",
        "Congratulations",
        "Welcome",
        "Morning",
        "Afternoon",
        "Evening",
        "Sorry",
        "Excuse",
        "Appreciate",
        "Absolutely",
        "Correct",
        "Exactly",
        "Understood",
        "Perfect",
        "Got",
        "Fair",
        "Wow",
        "Please",
        "Next",
        "Our",
        "The",
        "A",
        "An",
        "This",
        "That",
        "We",
        "I",
        "You",
        "It",
    ]
)

MAX_TITLE_LENGTH = 160

#: Title words that make a speaker an analyst; typos seen in real participant lists.
ANALYST_TITLE = re.compile(r"(?i)\b(?:analyst|anlayst|analist|research)\b")

#: The operator opening the question queue.
QUEUE_OPENS = re.compile(
    r"(?i)operator instructions|question[- ]and[- ]answer|\bQ\s*&\s*A\b|first question|"
    r"\bquestions?\b.{0,40}\b(?:queue|line|comes?|from)\b|open (?:the )?(?:call|floor|line)s? "
    r"(?:up )?(?:for|to) questions|operator (?:closing remarks|sign-?off)"
)

# --- markers -----------------------------------------------------------------------

#: Operator and audio markers, recognised in any case or bracket. The one form is the
#: same words in square brackets and title case: brackets and case change, words never.
MARKERS = frozenset(
    {
        "operator instructions",
        "operator instruction",
        "operator closing remarks",
        "operator signoff",
        "operator sign-off",
        "inaudible",
        "indecipherable",
        "unintelligible",
        "technical difficulty",
        "technical difficulties",
        "technical issue",
        "technical issues",
        "speech overlap",
        "multiple speakers",
        "multiple speech",
        "crosstalk",
        "cross-talk",
        "laughter",
        "audio gap",
        "foreign language",
        "phonetic",
    }
)
#: Markers for the operator's script rather than lost audio; ``phonetic`` marks the
#: words before it as the transcriber's guess.
SCRIPT_MARKERS = frozenset(m for m in MARKERS if m.startswith("operator"))
PHONETIC = "phonetic"
BRACKETED = re.compile(r"\[(?P<square>[^\[\]\n]{1,80})\]|\((?P<round>[^()\n]{1,40})\)")

# --- whitespace --------------------------------------------------------------------

#: Tidy-up candidates. Each pattern starts with a literal so the scan is a fast search;
#: :mod:`cleaners.whitespace` decides what each hit is.
SPACE_RUN = re.compile(r"  +")
SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;:.?!])")
DOUBLED_COMMA = re.compile(r",,+")
ODD_BLANK_CHARS = "\t\u00a0\u2007\u202f"
ODD_BLANKS = re.compile(r"[ \t\u00a0\u2007\u202f]*[\t\u00a0\u2007\u202f][ \t\u00a0\u2007\u202f]*")
BLANKS = " \t\u00a0\u2007\u202f"
SENTENCE_PUNCTUATION = ",;:.?!"

# --- encoding ----------------------------------------------------------------------

#: Characters that may carry mojibake: anything outside printable ASCII, the bullet
#: glyphs, typographic punctuation and CJK, plus HTML entities. Only lines that hit go
#: to ftfy.
MOJIBAKE_GATE = re.compile(
    r"[^\n\x20-\x7e•‧·●▪◦∙‣⁃○■□◆◇►▸\u2010-\u2027\u3000-\u303f\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u00a0]|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"
)
#: Terminal escape sequences and control characters (tab and newline excepted).
CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
#: Big5 bytes read as Latin-1: lead byte 0x81-0xFE, trail 0x40-0x7E or 0xA1-0xFE.
BIG5_AS_LATIN1 = re.compile(r"(?:[\x81-\xfe][\x40-\x7e\xa1-\xfe]){3,}")
