"""Patterns and tables for the noise the site's pages carry. No logic lives here."""

from __future__ import annotations

import re
import string

from cleaners.patterncache import compile_pattern

# --- boilerplate -------------------------------------------------------------------

HEADER_LABELS = ("法說會逐字稿", "法说会逐字稿")
HEADER_GLOSS = "earnings call transcript"

#: The title line callscrub writes; re-reading it must propose nothing.
TITLE_SUFFIX = "Earnings Call Transcript"

_TICKER = r"(?:[(（](?P<ticker>[A-Z0-9][A-Z0-9.\-]{0,9})[)）]\s*)?"  # half- or full-width
#: The site's header: ``Smith Micro Software Inc (SMSI) 2008 Q2 法說會逐字稿``. The tail
#: after the quarter is the Chinese label, possibly mangled by a bad decode, or the
#: English title callscrub writes in its place.
HEADER = compile_pattern(
    rf"(?:(?P<company>\S.*?)\s*)??{_TICKER}(?P<year>(?:19|20)\d\d)\s*Q(?P<quarter>[1-4])(?P<tail>.*)"
)
#: A header that lacks the period or part of it (``Acme Corp (ACME) 法說會逐字稿``,
#: ``Acme Corp 2021 法說會逐字稿``), or an English title that puts the quarter first
#: (``Acme Corp (ACME) Q2 2021 Earnings Call Transcript``, as other sites write it): with
#: no "year Q" to anchor it, only the label itself, unmangled, or the English title says
#: the line is the header.
HEADER_UNDATED = compile_pattern(
    rf"(?:(?P<company>\S.*?)\s*)??{_TICKER}(?:(?P<year>(?:19|20)\d\d)\s*)?"
    r"(?:Q(?P<quarter>[1-4])\s*(?:(?P<year_after>(?:19|20)\d\d)\s*)?)?"
    rf"(?P<tail>{'|'.join([*HEADER_LABELS, TITLE_SUFFIX])})"
)

#: Section labels of the page, with their English gloss.
SECTION_LABELS: dict[str, str] = {
    "完整原文": "full original text",
    "中英對照": "English–Chinese side by side",
    "中英对照": "English–Chinese side by side",
    "逐字稿": "transcript",
}

#: The Google-Translate disclaimer, Traditional or Simplified, any punctuation width.
DISCLAIMER = compile_pattern(
    r"使用警[語语]\s*[:：]?.*Google\s*[翻飜][譯译]"
    r"|中文[譯译]文[來来]源[為为]\s*Google"
)
DISCLAIMER_GLOSS = (
    "usage warning: the Chinese translation comes from Google Translate and is for "
    "reference only; the English original prevails"
)

# --- layout ------------------------------------------------------------------------

#: A physical line: indentation and one bullet glyph (with the blanks after it), then the
#: content. The glyphs the site puts before paragraphs or sentences:
BULLET_GLYPHS = "•‧·●▪◦∙‣⁃○■□◆◇►▸*"
INDENT_BLANKS = " \t\u3000\u00a0"
TRAILING_BLANKS = " \t\u3000\u00a0\r"
#: The same glyphs as a page whose bullets alone were UTF-8 read as Windows-1252 shows them
#: (``â€¢`` for ``•``), with the bytes Windows-1252 leaves undefined as C1 controls.
MOJIBAKE_BULLETS = (
    "â€¢", "â€§", "Â·", "â—\x8f", "â–ª", "â—¦", "âˆ™", "â€£", "â\x81ƒ", "â—‹", "â–\xa0", "â–¡",
    "â—†", "â—‡", "â–º", "â–¸",
)  # fmt: skip

#: A naive sentence boundary, as the site splits sentence-per-bullet pages.
SENTENCE_BOUNDARY = compile_pattern(r"[.?!][\"'”’)\]]*\s+\S")

#: Titles before a name, whose full stop never ends a sentence ("Ms. Ana Graciela de
#: Mendez"); a company's "Inc." or "Co." often does.
HONORIFICS = frozenset(["Mr", "Mrs", "Ms", "Dr", "Prof"])
#: Words that end in a period without ending a sentence.
ABBREVIATIONS = HONORIFICS | frozenset(
    [
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
UNIDENTIFIED = compile_pattern(UNIDENTIFIED_PATTERN)

#: Latin letters beyond ASCII that names are written with (José, Zoë, Müller, Łukasz): those
#: of Latin-1 and Latin Extended-A, without × and ÷. Extended-A pairs each capital with its
#: small letter, so a name may open with either of those.
LATIN_CAPITALS = "À-ÖØ-ÞĀ-ſ"
LATIN_SMALL = "ß-öø-ÿĀ-ſ"
_NAME_TOKEN = (
    rf"(?:[A-Z{LATIN_CAPITALS}][a-zA-Z{LATIN_CAPITALS}{LATIN_SMALL}'’\-]*\.?"
    r"|[A-Z]\.(?:[A-Z]\.)*|I{1,3}|IV|Jr\.?|Sr\.?"
    r"|de|da|del|della|van|von|der|den|la|le|du|dos|di|bin|al|el)"
)
#: Blanks the whitespace cleaner makes a space.
ODD_BLANK_CHARS = "\t\u00a0\u2007\u202f"
#: The blanks between a speaker line's parts: a space or an odd blank, so that the
#: whitespace cleaner's edit never changes what a line is read as.
_SPEAKER_BLANK = f"[ {ODD_BLANK_CHARS}]"
#: A person's name as the site writes it on a speaker line.
NAME = compile_pattern(rf"{_NAME_TOKEN}(?:{_SPEAKER_BLANK}+{_NAME_TOKEN}){{0,5}}")
#: What parts a speaker line: the site's hyphen, or a doubled hyphen, an en or em dash.
SPEAKER_DASHES = "-–—"
_SPEAKER_DASH = r"(?P<dash>--?|[–—])"
SPEAKER_NAME_TITLE = compile_pattern(
    rf"(?P<name>{UNIDENTIFIED_PATTERN}|{NAME.pattern}){_SPEAKER_BLANK}+{_SPEAKER_DASH}"
    rf"{_SPEAKER_BLANK}*(?P<title>\S.*)"
)
SPEAKER_TITLE_ONLY = compile_pattern(rf"{_SPEAKER_DASH}{_SPEAKER_BLANK}*(?P<title>\S.*)")
#: A doubled hyphen, an en or em dash between a title's parts, written as the site's " - ".
TITLE_DASH = compile_pattern(r"[ \t]+(?:--|[–—])[ \t]+")

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
ANALYST_TITLE = compile_pattern(r"(?i)\b(?:analyst|anlayst|analist|research)\b")

#: The operator opening the question queue, searched in lower-cased text. Each
#: alternative opens with a letter, not ``\b`` (a look-behind after the letter says the
#: same): the engine then skips to the few letters that can start a match, and without
#: ``(?i)`` it compares characters as they are. 11 times faster than a case-blind pattern.
QUEUE_OPENS = compile_pattern(
    r"operator instructions|question[- ]and[- ]answer|q(?<!\wq)\s*&\s*a\b|first question|"
    r"question(?<!\wquestion)s?\b.{0,40}\b(?:queue|line|comes?|from)\b"
    r"|open (?:the )?(?:call|floor|line)s? (?:up )?(?:for|to) questions"
    r"|operator (?:closing remarks|sign-?off)"
)

#: The operator in the Q&A giving the floor to whoever asks next ("(inaudible) of Goldman
#: Sachs, please go ahead what's your question?", "Your line is open.").
QUESTION_INVITED = compile_pattern(
    r"(?i)\bquestions?\b|\bgo\s+ahead\b|\bproceed\b|\bline\s+is\s+(?:now\s+)?(?:open|live)\b"
)
#: The operator saying the queue is empty or the call is closing, not inviting a question.
QUEUE_EMPTY = compile_pattern(
    r"(?i)\bno\s+(?:further\s+|more\s+|other\s+)?questions\b|\bclosing\s+remarks\b|\bconclud"
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
        "indiscernible",
        "unintelligible",
        "unclear",
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
        "ph",
    }
)
#: Markers for the operator's script rather than lost audio.
SCRIPT_MARKERS = frozenset(m for m in MARKERS if m.startswith("operator"))
#: Markers of the words before them as the transcriber's guess at a spelling.
PHONETIC = frozenset({"phonetic", "ph"})
#: Markers only as written here: ``(pH)`` is acidity, not a phonetic spelling.
EXACT_CASE_MARKERS = frozenset({"ph"})
BRACKETED = compile_pattern(r"\[(?P<square>[^\[\]\n]{1,80})\]|\((?P<round>[^()\n]{1,40})\)")

# --- whitespace --------------------------------------------------------------------

#: Tidy-up candidates. Each pattern opens with a literal, which the engine searches for
#: fast (a class of characters it tests one position at a time, several times slower);
#: :mod:`cleaners.whitespace` decides what each hit is.
#: A run of spaces inside a line: on bulleted pages every line opens with one, which the
#: look-behind turns down without a match to handle.
SPACE_RUN = compile_pattern(r"  (?<![\n ]  ) *")
DOUBLED_COMMA = compile_pattern(r",,+")
#: Punctuation after a space, one pattern a mark (it opens with the rarer character).
PUNCTUATION_AFTER_SPACE = tuple(
    compile_pattern(rf"{re.escape(mark)}(?<= {re.escape(mark)})") for mark in ",;:.?!"
)
#: From an odd blank to the end of its run of blanks (the run's start is found backwards:
#: a pattern that opens with optional blanks is tried at every position of the text).
ODD_BLANKS = compile_pattern(f"[{ODD_BLANK_CHARS}][ {ODD_BLANK_CHARS}]*")
BLANKS = f" {ODD_BLANK_CHARS}"
SENTENCE_PUNCTUATION = ",;:.?!"

# --- encoding ----------------------------------------------------------------------

#: What sends a line to ftfy: a character that may carry mojibake (anything outside
#: printable ASCII, the bullet glyphs, typographic punctuation and CJK), or an HTML entity.
#: Two patterns, not one alternation: each then opens with what the engine skips to fast.
SUSPICIOUS_CHARACTER = compile_pattern(
    r"[^\n\x20-\x7e•‧·●▪◦∙‣⁃○■□◆◇►▸\u2010-\u2027\u3000-\u303f\u3400-\u4dbf"
    r"\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u00a0]"
)
HTML_ENTITY = compile_pattern(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
#: Characters a browser shows as nothing, left in scraped text: the soft hyphen, zero-width
#: space, joiners and word joiner, and direction marks, embeddings and isolates. ftfy keeps
#: them (it removes only the byte-order mark), and they split words for search and
#: counting ("it\u200bs" is not "its"). Each is outside what the gate lets pass.
INVISIBLE_FORMATTING = compile_pattern(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]"
)
#: A terminal escape sequence (the colour and cursor codes of text copied from a terminal).
#: ftfy removes them; at a line's edges the parser reads past them, as past indentation.
TERMINAL_ESCAPE = compile_pattern(r"\x1b\[[0-?]*[ -/]*[@-~]")
#: Latin-1 letters and signs that ftfy leaves as they are when they stand apart from any
#: other character outside printable ASCII ("André", "vis-à-vis", "14 ½ months"): checked
#: in every context of two characters either side (tests/unit/test_decode_and_encoding.py).
#: Not Â and Ã, which ftfy reads as UTF-8 whose no-break space was lost ("Ã la" is
#: "à la"), nor the invisible soft hyphen.
LONE_LATIN1 = frozenset(chr(code) for code in range(0xA1, 0x100)) - {"\xad", "Â", "Ã"}
#: How far apart two of them must stand: ftfy's mojibake patterns span at most four
#: characters, so no pattern sees two of them at once.
LONE_LATIN1_GAP = 4
OUTSIDE_PRINTABLE_ASCII = compile_pattern(r"[^\x20-\x7e]")
#: Big5 bytes read as Latin-1: lead byte 0x81-0xFE, trail 0x40-0x7E or 0xA1-0xFE.
BIG5_AS_LATIN1 = compile_pattern(r"(?:[\x81-\xfe][\x40-\x7e\xa1-\xfe]){3,}")


# --- Names and entities -------------------------------------------------------------

#: A person named in running text: two to four capitalised words, an initial allowed in
#: the middle, a transcriber's bracketed guess allowed ("Ian [Gillson]"). The forms of
#: one such word, as its first character and the rest: a bracketed guess, Mc-, O'-, a
#: capital inside (DeMarco), a plain or hyphenated word.
_CAPITAL = f"[A-Z{LATIN_CAPITALS}]"
_SMALL = f"[a-z{LATIN_SMALL}]"
_PERSON_WORD_FORMS = (
    (r"\[", rf"{_CAPITAL}{_SMALL}+\]"),
    ("M", rf"c{_CAPITAL}{_SMALL}+"),
    ("O", rf"['’]{_CAPITAL}{_SMALL}+"),
    (_CAPITAL, rf"{_SMALL}*{_CAPITAL}{_SMALL}+"),
    (_CAPITAL, rf"{_SMALL}+(?:[-'’]{_CAPITAL}?{_SMALL}+)?"),
)
_NOT_A_LETTER_NEXT = f"(?![A-Za-z{LATIN_CAPITALS}{LATIN_SMALL}])"
_PERSON_WORD = (
    "(?:" + "|".join(first + rest for first, rest in _PERSON_WORD_FORMS) + f"){_NOT_A_LETTER_NEXT}"
)
#: The same word with its first character already consumed, which each form checks
#: behind it: a pattern that opens with a class of characters lets the engine skip to the
#: next capital fast, where one that opens with a choice or a look-ahead is tried at
#: every position (twice as slow over a page).
_PERSON_WORD_OPENING = (
    rf"[A-Z{LATIN_CAPITALS}\[](?:"
    + "|".join(f"(?<={first}){rest}" for first, rest in _PERSON_WORD_FORMS)
    + f"){_NOT_A_LETTER_NEXT}"
)
PERSON = (
    rf"{_PERSON_WORD_OPENING}(?:\s+[A-Z]\.)?"
    rf"(?:(?:\s+(?:van|von|de|der|da|del|di|la|le)\b){{0,2}}\s+{_PERSON_WORD}){{1,2}}"
)
FIRST_NAME = f"{_CAPITAL}{_SMALL}+"
#: A name whose first name is two capitals ("ND Maduemezia", "TJ Lee"): read only where a
#: hand-over says a person comes next, since "US Steel" reads the same.
TWO_CAPITALS_PERSON = rf"[A-Z]{{2}}\s+{_PERSON_WORD}"
# An initial keeps its full stop when the firm's name goes on: "J.P. Morgan", "B. Riley".
_FIRM_WORD = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w)|(?<=\b[A-Z])\.(?=[ \t]+[A-Z]))*"
# A firm's words on one line: a name never runs on into the next line (the speaker's).
_FIRM_JOIN = r"[ \t]+(?:&[ \t]+|and[ \t]+|of[ \t]+)?"
_FIRM = rf"(?:the\s+)?(?P<firm>{_FIRM_WORD}(?:{_FIRM_JOIN}{_FIRM_WORD}){{0,5}})"
#: The rest of a firm's name that a sentence per bullet (layout C) split off after its
#: initials: "with D.A." / "• Davidson.", read from the next line of the same turn.
FIRM_AFTER_INITIAL = compile_pattern(
    rf"(?<=\b[A-Z])\.[ \t]*\n[\s{BULLET_GLYPHS}]*"
    rf"(?P<rest>{_FIRM_WORD}(?:{_FIRM_JOIN}{_FIRM_WORD}){{0,4}})"
)

#: The operator introducing an analyst: "our next question comes from Maynard Um with UBS",
#: "we'll take our next question from Katy Huberty", "your next question line of David
#: McGregor", "Next, we will hear from Roger Read", "We'll hear next from Ian Zaffino",
#: "Bobby Griffin with Raymond James, your line is open", "Kyle Joseph with Jefferies. Your
#: line is open.", and as said, not as written: "Jason Hass with Bank of America, your line
#: -- your line is open."
_LINE_OPEN = (
    r"(?:,?\s+(?:your\s+line\s+(?:--\s+your\s+line\s+)?is\s+(?:now\s+)?(?:open|live)"
    r"|please\s+(?:go\s+ahead|proceed))"
    # a sentence per bullet (layout C) puts "Your line is open." on a bullet of its own
    rf"|\.[\s{BULLET_GLYPHS}]+Your\s+line\s+is\s+(?:now\s+)?(?:open|live))"
)
_OPEN_FIRM = _FIRM.replace("firm", "open_firm")
INTRODUCTION = compile_pattern(
    r"(?:\b(?:question|questions|follow-up|line|go|take|[Nn]ext\b[^.?!\]]{0,20}?\bhear|hear\s+next)\b"
    r"[^.?!\]]{0,40}?(?:\b(?:from|to)\s+(?:(?:the\s+)?line\s+of\s+)?|\bline\s+of\s+)"
    rf"(?P<name>{PERSON})(?:\s+(?:with|from|of|at)\s+{_FIRM})?)"
    rf"|(?:(?P<open_name>{PERSON})(?:\s+(?:with|from|of|at)\s+{_OPEN_FIRM})?{_LINE_OPEN})"
)
#: How the operator opens an introduction, and only the operator: "Our next question comes
#: from", "We'll take our first question from". It opens with the literal word, checking
#: behind it: seven times faster than opening with the choice of two.
NEXT_QUESTION = compile_pattern(r"question\b(?:(?<=[Nn]ext question)|(?<=[Ff]irst question))")
#: An analyst standing in for the one the operator introduced: "It's Marianne on for Ben.",
#: "It's Tracy Kogan filling in for Paul.", "This is Jatin Khanna on behalf of Jerry Revich."
STANDS_IN = r"\s+(?:(?:on|(?:filling\s+|sitting\s+|standing\s+)?in)\s+for|on\s+behalf\s+of)\b"
#: A speaker naming themself: "This is actually Pat Baumann on for Steve Tusa.", "It's
#: Kelly.", "It's Marianne on for Ben.", "It's Mike Cyprys from Morgan Stanley." A first
#: name alone ends its clause or stands in for someone: "this is Idaho primarily" names no
#: one.
SELF_INTRODUCTION = compile_pattern(
    # opens with a class of characters, as HANDOVER does: a third of the time of `\b(?:...)`
    r"[TtIi](?<!\w[TtIi])(?:(?<=[Tt])his\s+is|(?<=[Ii])t's|(?<=I)'m)\s+(?:actually\s+)?"
    rf"(?P<name>{PERSON}\b|{FIRST_NAME}(?=[.,;!?]|{STANDS_IN}))(?P<stands_in>{STANDS_IN})?"
    rf"(?:\s+(?:from|with)\s+{_FIRM})?"
)
#: A hand-over: "I will now turn the conference over to Bruce Quigley, VP of Investor
#: Relations", "turn the call over to our CEO Douglas Lindsay", "turn it over to Noel", "my
#: pleasure to introduce today's first presenter, Taryn Miller", "turn the conference over
#: to the Vice President of Investor Relations, ND Maduemezia" (a first name the call
#: gives as two capitals).
HANDOVER = compile_pattern(
    # opens with a class of characters, each alternative checking its first letter behind
    # it (see _PERSON_WORD_OPENING): three times faster than opening with the choice
    r"[lwthp](?:(?<=l)ike\s+to\s+introduce\s+|(?<=w)ant\s+to\s+introduce\s+"
    r"|(?<=p)leasure\s+to\s+introduce\s+(?:today's\s+(?:first\s+)?(?:presenter|speaker),?\s+)?"
    r"|(?:(?<=t)urn|(?<=h)and|(?<=p)ass)(?:ing)?\s+(?:the\s+(?:call|conference|floor|program|presentation)\s+|"
    r"it\s+|things\s+)?(?:back\s+)?(?:over\s+)?to\s+)(?:our\s+|my\s+colleague,?\s+|the\s+(?=[A-Z]))?"
    r"(?:(?P<role>(?:(?:[A-Z][A-Za-z&]*(?:['’]s)?|and|of)\s+){0,6}?(?:CEO|CFO|COO|CTO|President|Officer|Chairman|"
    r"Director|Treasurer|Controller|Relations(?=,)))\s*,?\s+)?"
    rf"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<name>{PERSON}|{TWO_CAPITALS_PERSON}|{FIRST_NAME})"
    r"(?:,\s+(?:our\s+)?(?P<title>[A-Z][^.;\n]{3,120}))?"
)
#: A speaker handing a question to a colleague at the end of a turn: "I'm going to have
#: Adam Richins answer that", "I'll let Troy comment". Opens with a class of characters,
#: as HANDOVER does, and runs only where the end of a turn holds a cue.
LET_ANSWER = compile_pattern(
    r"[lLha](?<!\w[lLha])(?:(?<=[lL])et|(?<=h)ave|(?<=a)sk)\s+"
    rf"(?P<name>{PERSON}|{FIRST_NAME})\s+(?:really\s+|just\s+)?"
    r"(?:answer|take|address|handle|comment|add|respond|speak|talk|start|jump)\b"
)
#: A speaker asking a colleague to answer: "Adam, do you want to take that one?", "And
#: Adam, is there anything that you would add?" The name is the one before it. Opening
#: with the literal ", ", it is found faster than a test for each of its phrases.
ASKED_COLLEAGUE = compile_pattern(r", (?:do you want to|would you like to|is there anything)\b")
#: A turn that ends by calling on a colleague by name alone: "... the leisure mix? Tom?"
NAME_CALLED = compile_pattern(rf"(?:^|(?<=[.?!])\s+)(?P<name>{FIRST_NAME})\?$")
#: A greeting that names the previous speaker: "Thanks, Bruce." "Thank you, Bill."
GREETING = compile_pattern(
    rf"^(?:Thanks|Thank\s+you)(?:\s+(?:very|so)\s+much)?,?\s+(?P<name>{PERSON}|{FIRST_NAME})"
    r"(?=[.,!;\s]|$)"
)
#: Words of job titles: a capitalised run containing one is a title, not a person.
TITLE_WORDS = frozenset(
    [
        "chief",
        "executive",
        "officer",
        "financial",
        "operating",
        "president",
        "vice",
        "chairman",
        "chairwoman",
        "director",
        "senior",
        "investor",
        "relations",
        "treasurer",
        "controller",
        "head",
        "general",
        "manager",
        "founder",
        "partner",
        "counsel",
        "secretary",
        "global",
        "corporate",
        "communications",
        "strategy",
        "development",
        "principal",
        "managing",
        "accounting",
        "technology",
        "marketing",
        "sales",
        "operations",
        "chair",
        "co-founder",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "evp",
        "svp",
        "vp",
        "ir",
        "analyst",
        "research",
    ]
)
#: Capitalised words that open a sentence and are not part of a name that follows
#: ("Then Eric Aboaf, our CFO").
NOT_NAME_WORDS = NOT_NAME_FIRST_WORDS | frozenset(
    [
        "Then",
        "Now",
        "With",
        "Also",
        "Today",
        "Joining",
        "Joined",
        "Here",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "As",
        "On",
        "In",
        "At",
        "For",
        "From",
        "To",
        "Of",
        "After",
        "Before",
        "First",
        "Finally",
        "Lastly",
        "Second",
        "Third",
        "Additionally",
        "Again",
        "Both",
        "Including",
        "Let",
        "Ladies",
        "Gentlemen",
        "Dear",
        "If",
        "When",
        "While",
        "Since",
        "Once",
        "Speaking",
        "Presenting",
        "Turning",
        "Questions",
        "Q",
    ]
)
NOT_GREETED = frozenset({"operator", "everyone", "everybody", "all", "and", "again", "for", "you"})

#: Title words and their abbreviations, for matching "- VP - CFO" with "Vice President
#: and Chief Financial Officer".
TITLE_ABBREVIATIONS = {
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cmo": "chief marketing officer",
    "cao": "chief accounting officer",
    "cio": "chief information officer",
    "vp": "vice president",
    "evp": "executive vice president",
    "svp": "senior vice president",
    "avp": "assistant vice president",
    "ir": "investor relations",
    "pres": "president",
    "md": "managing director",
    "gm": "general manager",
    "sr": "senior",
    "exec": "executive",
}
TITLE_STOPWORDS = frozenset({"of", "and", "the", "&", "for", "our", "-", ",", "at", "a", "as"})
#: Compound title words, so that "CEO" and "CFO" share nothing, nor "VP" and "President".
TITLE_COMPOUNDS = compile_pattern(
    r"\bchief (\w+) officer\b|\bvice president\b|\binvestor relations\b"
)

#: Short forms of first names, both ways round ("Thanks, Mike" for Michael Dickerson).
NICKNAMES = {
    "andy": "andrew",
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "bobby": "robert",
    "chuck": "charles",
    "charlie": "charles",
    "chris": "christopher",
    "dan": "daniel",
    "danny": "daniel",
    "dave": "david",
    "doug": "douglas",
    "ed": "edward",
    "eddie": "edward",
    "greg": "gregory",
    "jeff": "jeffrey",
    "jim": "james",
    "jimmy": "james",
    "joe": "joseph",
    "ken": "kenneth",
    "kenny": "kenneth",
    "larry": "lawrence",
    "matt": "matthew",
    "mike": "michael",
    "mick": "michael",
    "nick": "nicholas",
    "pat": "patrick",
    "pete": "peter",
    "phil": "philip",
    "reg": "reginald",
    "rich": "richard",
    "rick": "richard",
    "dick": "richard",
    "ron": "ronald",
    "sam": "samuel",
    "steve": "steven",
    "stu": "stuart",
    "ted": "theodore",
    "tim": "timothy",
    "tom": "thomas",
    "tommy": "thomas",
    "tony": "anthony",
    "vince": "vincent",
    "walt": "walter",
    "alex": "alexander",
    "ben": "benjamin",
    "fred": "frederick",
    "gene": "eugene",
    "jerry": "gerald",
    "hank": "henry",
    "kate": "katherine",
    "kathy": "katherine",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "jen": "jennifer",
    "jenny": "jennifer",
    "sue": "susan",
    "meg": "margaret",
    "peggy": "margaret",
    "becky": "rebecca",
    "cathy": "catherine",
    "debbie": "deborah",
    "ray": "raymond",
    "al": "albert",
    "jon": "jonathan",
    "nate": "nathan",
    "zach": "zachary",
    "frank": "francis",
    "manny": "manuel",
    "geoff": "geoffrey",
}

# --- Entity proposals -----------------------------------------------------------------

#: Where a call says whose call it is ("Welcome to the Smith Micro Software third quarter
#: ..."): the characters of its opening that a page without a header is placed by.
CALL_OPENING = 4000

#: A word mixing letters and the digits that transcription confuses with them ("N0Ls").
LETTER_DIGIT_WORD = compile_pattern(r"\b(?:[A-Za-z]+[015]|[015][A-Za-z])[A-Za-z0-9]*\b")
#: Where such a word may be: a 0, 1 or 5 beside a letter. One pattern a digit: the engine
#: searches fast for a pattern's opening character, and only slowly for a class of them
#: (5 ms against 33 ms on the real corpus).
LETTER_DIGIT_CUES = tuple(
    compile_pattern(rf"{digit}(?:(?<=[A-Za-z]{digit})|(?=[A-Za-z]))") for digit in "015"
)
DIGIT_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "5": "s"})
#: A capitalised word in running text, possessive split off ("Accutel's"). The pattern
#: opens with a character class, not ``\b``, so the engine skips other characters fast.
CAPITALISED_WORD = compile_pattern(r"[A-Z](?<=\b[A-Z])[A-Za-z]{3,}(?=(?:['’]s)?\b)")
#: Punctuation a word of a name is read without at its edges.
WORD_EDGE_PUNCTUATION = string.punctuation + "‘’“”–—"
#: Below this Zipf frequency (about once per 10 million English words) a word is rare
#: enough to be a name the transcriber may have mis-heard; above it, it is ordinary
#: English and is never proposed for change.
RARE_WORD_ZIPF = 2.5
#: Fuzzy proposals: against the call's own names and its ticker's glossary at this score;
#: against global glossaries only at ``GLOBAL_FUZZY_CUTOFF`` (large lists, poor precision).
SCOPE_FUZZY_CUTOFF = 80.0
GLOBAL_FUZZY_CUTOFF = 92.0
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: The glossary scan's folding of a page's bytes (a character outside ASCII arrives as one
#: "?"): ASCII letters lowered, digits kept, every other byte a space.
WORD_FOLD = bytes(
    byte + 32 if 65 <= byte <= 90 else byte if chr(byte).isascii() and chr(byte).isalnum() else 32
    for byte in range(256)
)

# --- Language and translations --------------------------------------------------------

#: Han ideographs (CJK unified, extension A and B+, compatibility): what makes a paragraph
#: Chinese. CJK punctuation is left out; English text borrows it too.
HAN = compile_pattern(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
LATIN_WORD = compile_pattern(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: Google Translate writes about 1.6 Han characters per English word.
HAN_PER_WORD = 1.6
#: A paragraph is Chinese by script alone when its Han characters, counted as words,
#: at least match its Latin words (a translation keeps names and tickers in Latin), and
#: English when its Latin words outnumber them this many times ...
ENGLISH_MARGIN = 3.0
#: ... given at least this many Han characters (Chinese) or Latin words (English).
SCRIPT_MIN_HAN = 4
SCRIPT_MIN_WORDS = 4
#: langdetect's profiles callscrub loads: with all 55 it calls Traditional Chinese Korean.
LANGDETECT_PROFILES = ("en", "zh-cn", "zh-tw")
LANGDETECT_SEED = 0
#: Below this many Han characters langdetect's choice between the scripts is a guess.
SCRIPT_LANGDETECT_MIN_HAN = 20
#: langdetect's names for the two scripts, as BCP 47 tags.
CHINESE_TAGS = {"zh-tw": "zh-Hant", "zh-cn": "zh-Hans"}
#: Frequent characters written differently in Traditional and Simplified Chinese, the
#: same character at the same place in both strings. Characters that are also ordinary
#: Traditional characters (准, 划, 几, 里, 台) are left out, so a count of each side
#: tells the scripts apart.
TRADITIONAL = (
    "這們個說會對為來時國與發經於後過還進產業務營長價資場實現開關點額億萬財報總體機電"
    "網術區內兩種從讓謝問題應該樣嗎麼見決並將員費項預計認雖達運協議門當參潤淨虧損銷約"
    "戶數據庫專戰團隊質變動導積極較線號類際續節結構購無統視軟設備請歡紀錄聽講談論覺學"
    "習給買賣條邊頭風險稅貨幣匯強勢擴張確歸屬選擇標證競爭優勞錢銀債權傳廣轉換獲盤盡興"
    "單簡繼聯戲辦處"
)
SIMPLIFIED = (
    "这们个说会对为来时国与发经于后过还进产业务营长价资场实现开关点额亿万财报总体机电"
    "网术区内两种从让谢问题应该样吗么见决并将员费项预计认虽达运协议门当参润净亏损销约"
    "户数据库专战团队质变动导积极较线号类际续节结构购无统视软设备请欢纪录听讲谈论觉学"
    "习给买卖条边头风险税货币汇强势扩张确归属选择标证竞争优劳钱银债权传广转换获盘尽兴"
    "单简继联戏办处"
)
TRADITIONAL_ONLY = frozenset(TRADITIONAL)
SIMPLIFIED_ONLY = frozenset(SIMPLIFIED)
#: What a translation and its English paragraph must share: numbers (compared by their
#: digits without separators or trailing zeros, since "$12.5 million" becomes "1250萬")
#: and Latin-script names and tickers, which machine translation keeps.
ANCHOR_NUMBER = compile_pattern(r"\d[\d,]*(?:\.\d+)?")
ANCHOR_WORD = compile_pattern(r"[A-Za-z][A-Za-z0-9&]*")
