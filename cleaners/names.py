"""The call's own cast: who speaks each turn, restored from what the call itself says.

Some pages lose every speaker's name (``- VP of IR``, ``- Analyst``; seed 002, corpus
layout B). The call still says who is who: the operator introduces each analyst ("our
next question comes from Maynard Um with UBS"), speakers hand over by name ("I will now
turn the conference over to Bruce Quigley, VP of Investor Relations"), the roster
sentence pairs names with titles, and the next speaker greets the last ("Thanks, Bruce.").
Each restored name is an insertion before the title, quoting its evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from annotations.model import Annotation, Edit, Turn
from cleaners import tables
from cleaners.patterncache import compile_pattern
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import Page

_PERSON = compile_pattern(tables.PERSON)
# Where a title next to a name stops: before it, punctuation or "and"; after it,
# punctuation, ", and", "will" or "who". Each pattern opens with the class of its first
# characters and checks behind which alternative it is in, so the engine skips to them
# fast (3-5 times faster than `[.;:!?()]|\band\b` on the roster's windows).
_TITLE_BEFORE = compile_pattern(r"[.;:!?()a](?:(?<=[.;:!?()])|(?<=a)(?<!\wa)nd\b)")
_TITLE_AFTER = compile_pattern(
    r"[.;:!?(),w](?:(?<=[.;:!?()])|(?<=,)\s+and\b|(?<=w)(?<!\ww)(?:ill|ho)\b)"
)
_LOWER_WORD = compile_pattern(r"[a-z]+")
#: A name right before where a search ends: "And Adam", "Adam Richins".
_NAME_BEFORE = compile_pattern(rf"(?<![\w'’-])(?:{tables.PERSON}|{tables.FIRST_NAME})$")

#: Evidence kinds, their weight, and how they read in a reason.
WEIGHTS = {
    "introduction": 3.0,
    "self-introduction": 4.0,
    "handover": 2.0,
    "roster": 2.0,
    "greeting": 1.5,
}
#: Kinds that name a titled speaker firmly enough alone; a greeting alone is a first name.
FIRM_EVIDENCE = frozenset({"roster", "handover", "self-introduction"})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one sentence of the call says of a turn's speaker."""

    name: str
    kind: str  # one of WEIGHTS
    quote: str

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


@dataclass(frozen=True, slots=True)
class Mention:
    """An analyst's firm as the operator named it, at its place in the original text."""

    firm: str
    start: int
    end: int


@dataclass
class Cast:
    """Everything the call says about its people, indexed by turn."""

    page: Page
    people: set[str] = field(default_factory=set)
    roster: list[tuple[str, str, str]] = field(default_factory=list)  # name, title, quote
    evidence: dict[int, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    firms: dict[str, str] = field(default_factory=dict)  # person -> firm
    firm_mentions: list[Mention] = field(default_factory=list)
    analysts: set[str] = field(default_factory=set)
    #: The full names the call's ticker glossary lists, for a first name the call says
    #: and never spells out ("over to John"), and that ticker.
    listed: tuple[str, ...] = ()
    listed_by: str = ""

    @cached_property
    def restored(self) -> dict[int, tuple[str, float, str]]:
        return _restore(self)


@lru_cache(maxsize=8192)  # a call says the same few names over and over
def clean_person(raw: str) -> str | None:
    """A person's name from a capitalised run, or None when it is a title or a phrase.

    >>> clean_person("Kelly Wall Aaron's"), clean_person("Chief Executive Officer")
    ('Kelly Wall', None)
    >>> clean_person("Ian [Gillson]"), clean_person("Then Kevin Wheeler Chairman")
    ('Ian Gillson', 'Kevin Wheeler')
    """
    words: list[str] = []
    for word in raw.replace("[", "").replace("]", "").split():
        if word.endswith(("'s", "’s")) or word.lower().strip(",") in tables.TITLE_WORDS:
            break
        if words or word not in tables.NOT_NAME_WORDS:
            words.append(word)
    return " ".join(words) or None


def first_name_key(name: str) -> str:
    first = name.split()[0].lower()
    return tables.NICKNAMES.get(first, first)


@lru_cache(maxsize=4096)  # a call repeats its few titles in every comparison
def title_words(title: str) -> frozenset[str]:
    """Title words with abbreviations spelled out and compounds joined.

    >>> sorted(title_words("VP - CFO")) == sorted(title_words("Vice President and CFO"))
    True
    >>> sorted(title_words("President and Chief Executive Officer"))
    ['chief-executive-officer', 'president']
    """
    words: list[str] = []
    for word in re.findall(r"[A-Za-z]+", title.lower()):
        words.append(tables.TITLE_ABBREVIATIONS.get(word, word))
    spelled = tables.TITLE_COMPOUNDS.sub(lambda m: m.group().replace(" ", "-"), " ".join(words))
    return frozenset(spelled.split()) - tables.TITLE_STOPWORDS


def title_similarity(evidence: str, title: str) -> float:
    """How well a title the call mentions fits a speaker line's title, in [0, 1].

    >>> title_similarity("our CFO", "Executive Vice President and Chief Financial Officer")
    0.8
    >>> title_similarity("our CEO", "Executive Vice President and Chief Financial Officer")
    0.0

    Only the title in what the call says counts, not the words around it:

    >>> title_similarity("VF's recently appointed CFO", "EVP and Chief Financial Officer")
    0.8
    """
    said = {word for word in title_words(evidence) if _is_title_word(word)}
    written = title_words(title)
    if not said or not written:
        return 0.0
    officers_said = {word for word in said if word.startswith("chief-")}
    officers_written = {word for word in written if word.startswith("chief-")}
    if officers_said and officers_written and not officers_said & officers_written:
        return 0.0
    shared = len(said & written)
    return round(0.7 * shared / len(said) + 0.3 * shared / len(said | written), 3)


def _is_title_word(word: str) -> bool:
    """A word of :func:`title_words` that only a title says: one of ``TITLE_WORDS`` or a
    compound ("chief-financial-officer", "vice-president")."""
    return word in tables.TITLE_WORDS or "-" in word


#: How far a quoted sentence runs either side of the words it quotes.
QUOTE_REACH = 400


def _flat(text: str) -> str:
    """``text`` on one line, without bullets.

    >>> _flat("  • Thanks,\\n  • Bruce. ")
    'Thanks, Bruce.'
    """
    return " ".join(text.replace("•", " ").split())


def _turn_text(page: Page, turn: Turn) -> str:
    if not turn.paragraphs:
        return ""
    return page.text[turn.paragraphs[0][0] : turn.paragraphs[-1][1]]


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, on one line; sentences end at a full stop
    before a space or a line break (one sentence per bullet, layout C). A sentence runs at
    most ``QUOTE_REACH`` characters either side of the span, cut at a word and marked
    ``…``: a page that lost its full stops would otherwise quote itself whole, once for
    every name it says.

    >>> text = "Hello all.\\n• I will now turn it over to Ann Lee. Ann?"
    >>> _sentence_around(text, text.index("Ann"), text.index("Lee") + 3)
    'I will now turn it over to Ann Lee.'
    >>> text = "Hi. With me are Mr. Bo Chen, CEO, and Ms. Ann Lee, CFO. Let's go."
    >>> _sentence_around(text, text.index("Ann"), text.index("Lee") + 3)
    'With me are Mr. Bo Chen, CEO, and Ms. Ann Lee, CFO.'
    >>> text = "and so " * 100 + "we met Ann Lee and " + "then " * 100
    >>> quote = _sentence_around(text, text.index("Ann"), text.index("Lee") + 3)
    >>> quote.split()[:3], quote.split()[-3:], len(quote) < 2 * QUOTE_REACH + 20
    (['…', 'and', 'so'], ['then', 'then', '…'], True)
    """
    reach_start, reach_end = max(0, start - QUOTE_REACH), min(len(text), end + QUOTE_REACH)
    left = _last_full_stop(text, reach_start, start)
    opening = ""
    if left != -1:
        sentence_start = left + 2
    elif reach_start == 0:
        sentence_start = 0
    else:
        opening, sentence_start = "… ", text.find(" ", reach_start, start) + 1 or reach_start
    right = _first_full_stop(text, end, reach_end)
    closing = ""
    if right != -1:
        sentence_end = right + 1
    elif reach_end == len(text):
        sentence_end = len(text)
    else:
        closing, sentence_end = " …", text.rfind(" ", end, reach_end)
        if sentence_end == -1:
            sentence_end = reach_end
    return opening + _flat(text[sentence_start:sentence_end]) + closing


def _ends_honorific(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a title before a name ("Ms."), not a
    sentence: a quote of "... and Ms. Ana Graciela de Mendez, Chief Financial Officer."
    began at her name."""
    # one character more than the longest title: a longer word ending in one is no title
    before = text[max(0, stop - 5) : stop].split()
    return bool(before) and before[-1] in tables.HONORIFICS


def _last_full_stop(text: str, low: int, high: int) -> int:
    """Where the last sentence in ``text[low:high]`` ends (its full stop), or -1."""
    while True:
        found = max(text.rfind(". ", low, high), text.rfind(".\n", low, high))
        if found == -1 or not _ends_honorific(text, found):
            return found
        high = found


def _first_full_stop(text: str, low: int, high: int) -> int:
    """Where the first sentence in ``text[low:high]`` ends (its full stop), or -1."""
    while True:
        stops = [f for f in (text.find(". ", low, high), text.find(".\n", low, high)) if f != -1]
        if not stops:
            return -1
        found = min(stops)
        if not _ends_honorific(text, found):
            return found
        low = found + 1


def call_scope(page: Page, context: Context) -> tuple[str | None, str]:
    """The ticker scope the call is read in, and the company that placed it there when
    its header gave none (see ``Glossary.scope_of``); the context keeps the last page's."""
    return context.for_page(
        "scope",
        page,
        lambda page: context.glossary.scope_of(
            page.metadata.ticker, page.text[: tables.CALL_OPENING]
        ),
    )


def read_cast(page: Page, context: Context) -> Cast:
    """Collect every name the call mentions and what each mention says of a turn.

    Several cleaners ask for the same page's cast in a row, so the context keeps the last.
    """

    def read(page: Page) -> Cast:
        scope, _ = call_scope(page, context)
        listed = context.glossary.people_of(scope) if scope else ()
        return _read_cast(page, listed, scope or "")

    return context.for_page("cast", page, read)


def _read_cast(page: Page, listed: tuple[str, ...] = (), listed_by: str = "") -> Cast:
    cast = Cast(page, listed=listed, listed_by=listed_by)
    turns = page.turns
    for turn in turns:
        if turn.speaker and turn.role != "operator":
            cast.people.add(turn.speaker)
    for index, turn in enumerate(turns):
        body = _turn_text(page, turn)
        if not body:
            continue
        base = turn.paragraphs[0][0]
        if turn.role == "operator":
            _read_introductions(cast, index, body, base)
        elif "question" in body and tables.NEXT_QUESTION.search(body):
            _read_introductions(cast, index, body, base, misplaced=True)
        if turn.role == "analyst":
            _read_self_introduction(cast, index, body, turn.speaker)
        elif _named_by_evidence(turn):
            _read_own_name(cast, index, body)
        _read_handover(cast, index, body)
        if turn.section == "presentation":
            _read_roster(cast, body)
        if index > 0 and _named_by_evidence(turns[index - 1]):
            _read_greeting(cast, index, body)  # a greeting names only the turn before
    return cast


def _named_by_evidence(turn: Turn) -> bool:
    """Whether :func:`_restore` names ``turn`` from hand-overs, rosters and greetings: a
    titled turn without a name, neither the operator's nor an analyst's (an analyst is
    named by an introduction only)."""
    return not turn.speaker and bool(turn.title) and turn.role not in ("operator", "analyst")


def _read_introductions(
    cast: Cast, index: int, body: str, base: int, misplaced: bool = False
) -> None:
    """The operator's introductions of analysts. A ``misplaced`` one is in another
    speaker's turn, where the page lost the operator's line before it ("Thank you. Our
    next question comes from Thomas Allen with Morgan Stanley."): it counts only in the
    operator's words for it, and it supersedes the introduction read before it. An
    analyst's turn that opens with it is the introduced analyst's own: the page put the
    operator's words under their line ("- Analyst / Your next question is from Jennifer
    Demba of Truist Securities."), and the analyst before had no more to say."""
    for match in tables.INTRODUCTION.finditer(body):
        if misplaced and not tables.NEXT_QUESTION.search(
            body, max(0, match.start() - 12), match.end()
        ):
            continue
        if tables.HANDOVER.search(match.group()):
            continue  # "no further questions in the queue, I'll turn it back to Michael Weitz"
        group = "name" if match["name"] else "open_name"
        firm_group = "firm" if group == "name" else "open_firm"
        name = clean_person(match[group])
        if name is None or " " not in name:
            continue
        cast.people.add(name)
        cast.analysts.add(name)
        quote = _sentence_around(body, match.start(), match.end())
        opens_turn = (
            misplaced
            and cast.page.turns[index].role == "analyst"
            and not tables.SENTENCE_BOUNDARY.search(body, 0, match.start())
        )
        for following in range(index if opens_turn else index + 1, len(cast.page.turns)):
            turn = cast.page.turns[following]
            if turn.role == "operator":
                break
            if turn.role == "analyst" or not turn.title:
                if misplaced:
                    cast.evidence[following] = [
                        e for e in cast.evidence[following] if e.kind != "introduction"
                    ]
                cast.evidence[following].append(Evidence(name, "introduction", quote))
        if match[firm_group]:
            firm, (start, end) = match[firm_group], match.span(firm_group)
            continued = tables.FIRM_AFTER_INITIAL.match(body, end)
            if continued:
                firm, end = f"{firm}. {continued['rest']}", continued.end("rest")
            cast.firms[name] = firm
            cast.firm_mentions.append(Mention(firm, base + start, base + end))


class SelfIntroduction(NamedTuple):
    """A name a turn's speaker gives themself, the sentence saying it, whether they stand
    in for someone, and the firm they say they are with."""

    name: str
    quote: str
    stands_in: bool
    firm: str | None


def _self_introductions(body: str) -> Iterator[SelfIntroduction]:
    """Each name a turn's speaker gives themself near its start; not a name cut short by
    what follows it ("this is Idaho Power's").

    >>> text = "Hi. It's Kelly. This is Idaho Power's. I'm Kelly Wall."
    >>> [found.name for found in _self_introductions(text)]
    ['Kelly', 'Kelly Wall']
    >>> next(_self_introductions("It's Marianne on for Ben. Two questions."))[1:]
    ("It's Marianne on for Ben.", True, None)
    >>> next(_self_introductions("Hey. It's Mike Cyprys from Morgan Stanley. Thanks.")).firm
    'Morgan Stanley'
    """
    for match in tables.SELF_INTRODUCTION.finditer(body[:300]):
        name = clean_person(match["name"])
        if name and match["name"].endswith(name.rsplit(None, 1)[-1]):
            quote = _sentence_around(body, match.start(), match.end())
            yield SelfIntroduction(name, quote, bool(match["stands_in"]), match["firm"])


def _read_self_introduction(cast: Cast, index: int, body: str, speaker: str) -> None:
    """An analyst who says who they are: in full ("This is Pat Baumann on for Steve Tusa."),
    or a first name only when standing in for the analyst the operator introduced ("It's
    Marianne on for Ben."), whose firm they speak for unless they name their own ("It's
    Mike Cyprys from Morgan Stanley.", where the operator said JP Morgan). It names a
    turn that lost its name; where the page names the ``speaker``, it only gives a firm."""
    introduced = _introduced_for(cast, index)
    opening = body[:300]
    names_a_firm = " from " in opening or " with " in opening
    if speaker and not names_a_firm and (speaker in cast.firms or introduced not in cast.firms):
        return  # nothing a named analyst says of themself is wanted then
    said = (found for found in _self_introductions(body) if " " in found.name or found.stands_in)
    found = next(said, None)
    if found is None:
        return
    stand_in_of = introduced if found.stands_in else None
    if stand_in_of and first_name_key(stand_in_of) == first_name_key(found.name):
        return  # the operator introduced the stand-in: "Joe Aiken", then "This is Joe on for"
    firm = found.firm or (cast.firms.get(stand_in_of) if stand_in_of else None)
    if speaker:
        if firm and _same_person(speaker, found.name):
            if found.firm:
                cast.firms[speaker] = found.firm  # their own word beats the operator's
            else:
                cast.firms.setdefault(speaker, firm)
        return
    cast.people.add(found.name)
    cast.analysts.add(found.name)
    if firm:
        cast.firms[found.name] = firm
    for following in range(index, len(cast.page.turns)):
        turn = cast.page.turns[following]
        if turn.role == "operator":
            break
        if turn.role == "analyst":
            cast.evidence[following].append(Evidence(found.name, "self-introduction", found.quote))


def _introduced_for(cast: Cast, index: int) -> str | None:
    """The analyst the operator last introduced for turn ``index``, if any."""
    introduced = [e.name for e in cast.evidence[index] if e.kind == "introduction"]
    return introduced[-1] if introduced else None


def _same_surname(one: str, other: str) -> bool:
    return one.rsplit(None, 1)[-1].casefold() == other.rsplit(None, 1)[-1].casefold()


def _same_person(written: str, said: str) -> bool:
    """Whether a name the page writes and one its speaker says are one person: the same
    surname, or the same first name ("Michael Cyprys" / "Mike Cyprys", "Marianne")."""
    return _same_surname(written, said) or first_name_key(written) == first_name_key(said)


def _read_own_name(cast: Cast, index: int, body: str) -> None:
    """An executive answering under a lost name who says it: "Hey, Alex. This is Steve
    Olsen.", "It's Kelly." (a first name stands for the one full name the call knows)."""
    found = next(_self_introductions(body), None)
    if found:
        cast.evidence[index].append(Evidence(found.name, "self-introduction", found.quote))


def _read_handover(cast: Cast, index: int, body: str) -> None:
    """Who the end of a turn hands the call or a question to: the next speaker.

    The hand-over and the passed question run only where a substring test finds what
    they need: most turns hold none of it, and the tests are written out because a
    generator over a tuple of cues costs more than the tests themselves."""
    tail = body[-600:]
    following = index + 1
    if following >= len(cast.page.turns) or cast.page.turns[following].role == "operator":
        return
    # (name as said, the sentence saying it, a title said with it)
    said: list[tuple[str, str, str | None]] = []
    if "turn" in tail or "hand" in tail or "pass" in tail or "introduce" in tail:
        for match in tables.HANDOVER.finditer(tail):
            quote = _sentence_around(tail, match.start(), match.end())
            said.append((match["name"], quote, match["title"] or match["role"]))
    if _named_by_evidence(cast.page.turns[following]):  # a passed question names no other
        end = tail[-300:]
        if "let " in end or "Let " in end or "have " in end or "ask " in end:
            for match in tables.LET_ANSWER.finditer(end):
                said.append((match["name"], _sentence_around(end, *match.span()), None))
        for cue in tables.ASKED_COLLEAGUE.finditer(end):
            asked = _NAME_BEFORE.search(end, 0, cue.start())
            if asked:
                said.append((asked.group(), _sentence_around(end, asked.start(), cue.end()), None))
        closing = end.rstrip(" \t\n•")
        if closing.endswith("?"):
            called = tables.NAME_CALLED.search(closing)
            if called:
                said.append((called["name"], called.group().strip(), None))
    for written, quote, title in said:
        name = clean_person(written)
        if name is None:
            continue
        if " " in name:
            cast.people.add(name)
            if title:
                cast.roster.append((name, title, quote))
        cast.evidence[following].append(Evidence(name, "handover", quote))


def _has_title_word(text: str) -> bool:
    return not tables.TITLE_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))


def _read_roster(cast: Cast, body: str) -> None:
    """Names with a title written right next to them: "Bill Smith, President and CEO",
    "our CEO, Ron O'Hanley", "Kevin Wheeler Chairman and Chief Executive Officer"."""
    names = [
        (match, name)
        for match in _PERSON.finditer(body)
        if (name := clean_person(match.group())) and " " in name
    ]
    for position, (match, name) in enumerate(names):
        last_word = name.rsplit(None, 1)[-1]
        name_end = match.start() + match.group().rfind(last_word) + len(last_word)
        left_bound = names[position - 1][0].end() if position else 0
        right_bound = names[position + 1][0].start() if position + 1 < len(names) else len(body)
        # Windows on the name's own line: a title never runs on into the next paragraph.
        window = body[max(left_bound, match.start() - 80) : match.start()].rpartition("\n")[2]
        before = _TITLE_BEFORE.split(window)[-1]
        after = _TITLE_AFTER.split(body[name_end:right_bound][:120].partition("\n")[0])[0]
        candidates = [before]
        # An appositive ("Bill Smith, President") or a title run straight on ("Kevin
        # Wheeler Chairman"); anything else after a name is the sentence going on.
        if (after[:1] == "," and after[1:2].isspace()) or _has_title_word(after[:12]):
            candidates.append(after)
        # single-spaced: "Raman,\t  our CEO" reads as the whitespace cleaner will write it
        titles = [" ".join(t.split()).strip(" ,") for t in candidates if _has_title_word(t)]
        if titles:
            cast.people.add(name)
            quote = _sentence_around(body, match.start(), match.end())
            cast.roster.extend((name, title, quote) for title in titles)


def _read_greeting(cast: Cast, index: int, body: str) -> None:
    if not body.lstrip(" \t\n•").startswith("Thank"):
        return  # what every greeting opens with; spares flattening every other turn
    opening = _flat(body[:160])
    match = tables.GREETING.match(opening)
    if match is None:
        return
    name = clean_person(match["name"])
    if name is None or name.lower() in tables.NOT_GREETED:
        return
    quote = opening[: match.end() + 1]
    cast.evidence[index - 1].append(Evidence(name, "greeting", quote))


def _full_name(cast: Cast, name: str) -> tuple[str | None, bool]:
    """``name`` if it is a full name; the one full name a first name stands for: of those
    the call says, else of those its ticker's glossary lists (a call that only ever says
    "John" and "David", for two executives whose surnames it never gives); and whether
    the glossary gave it."""
    if " " in name:
        return name, False
    key = first_name_key(name)
    # analysts are never named from these clues: an analyst John leaves the executive John
    said = {
        person
        for person in cast.people - cast.analysts
        if " " in person and first_name_key(person) == key
    }
    if said:
        return (said.pop(), False) if len(said) == 1 else (None, False)
    listed = {person for person in cast.listed if first_name_key(person) == key}
    return (listed.pop(), True) if len(listed) == 1 else (None, False)


def _restore(cast: Cast) -> dict[int, tuple[str, float, str]]:
    """Turn index -> (name, confidence, reason) for each unnamed turn that can be named."""
    turns = cast.page.turns
    restored: dict[int, tuple[str, float, str]] = {}
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for index, turn in enumerate(turns):
        if _named_by_evidence(turn):
            groups[title_words(turn.title)].append(index)
        elif turn.role == "analyst" and not turn.speaker and turn.title:
            named = [
                e for e in cast.evidence[index] if e.kind in ("introduction", "self-introduction")
            ]
            if named:
                evidence = max(named, key=lambda e: e.weight)
                source = (
                    "the operator's introduction"
                    if evidence.kind == "introduction"
                    else ("the analyst's own words")
                )
                restored[index] = (evidence.name, 0.92, f"name from {source}: {evidence.quote!r}")
    scored: list[tuple[float, frozenset[str], str, list[str], set[str]]] = []
    from_glossary: set[str] = set()  # full names the glossary gave for a first name
    for key, members in groups.items():
        title = turns[members[0]].title
        totals: dict[str, float] = defaultdict(float)
        quotes: dict[str, list[str]] = defaultdict(list)
        kinds: dict[str, set[str]] = defaultdict(set)
        for name, roster_title, quote in cast.roster:
            similarity = title_similarity(roster_title, title)
            if similarity >= 0.6 and quote not in quotes[name]:
                totals[name] += WEIGHTS["roster"] * similarity
                quotes[name].append(quote)
                kinds[name].add("roster")
        for index in members:
            for evidence in cast.evidence[index]:
                full_name, listed = _full_name(cast, evidence.name)
                if full_name is None or evidence.kind == "introduction":
                    continue
                if listed:
                    from_glossary.add(full_name)
                totals[full_name] += evidence.weight
                if evidence.quote not in quotes[full_name]:
                    quotes[full_name].append(evidence.quote)
                kinds[full_name].add(evidence.kind)
        _merge_short_forms(totals, quotes, kinds)
        for name, total in totals.items():
            if name in cast.analysts:
                continue
            scored.append((total, key, name, quotes[name], kinds[name]))
    scored.sort(key=lambda item: (-item[0], item[2]))
    # A person who already speaks under one title is not given a turn with another.
    speaking = {turn.speaker: title_words(turn.title) for turn in turns if turn.speaker}
    taken_titles: set[frozenset[str]] = set()
    taken_names: set[str] = set()
    for _total, key, name, said, how in scored:
        if key in taken_titles or name in taken_names or speaking.get(name, key) != key:
            continue
        taken_titles.add(key)
        taken_names.add(name)
        confidence = 0.92 if len(how) >= 2 else 0.86 if how & FIRM_EVIDENCE else 0.8
        evidence_text = "; ".join(repr(quote) for quote in said[:3])
        reason = f"name from the call's {', '.join(sorted(how))}: {evidence_text}"
        if name in from_glossary:
            reason += f"; the call gives the first name, the glossary ({cast.listed_by}) {name!r}"
        for index in groups[key]:
            restored[index] = (name, confidence, reason)
    return restored


def _merge_short_forms(
    totals: dict[str, float], quotes: dict[str, list[str]], kinds: dict[str, set[str]]
) -> None:
    """Count a name's evidence for the fuller name it begins: the call says "Ana Graciela"
    in its hand-over and greetings, and "Ana Graciela de Mendez, Chief Financial Officer"
    in its roster; they are one person.

    >>> totals = {"Ana Graciela": 3.0, "Ana Graciela de Mendez": 2.0, "Ana Lee": 1.0}
    >>> quotes = {name: [name] for name in totals}
    >>> kinds = {name: {"roster"} for name in totals} | {"Ana Graciela": {"handover"}}
    >>> _merge_short_forms(totals, quotes, kinds)
    >>> totals, sorted(kinds["Ana Graciela de Mendez"])
    ({'Ana Graciela de Mendez': 5.0, 'Ana Lee': 1.0}, ['handover', 'roster'])
    """
    for short in sorted(totals, key=len):
        fuller = [name for name in totals if name != short and name.startswith(f"{short} ")]
        if len(fuller) != 1:
            continue  # none, or two people it could be
        (name,) = fuller
        totals[name] += totals.pop(short)
        quotes[name].extend(quote for quote in quotes.pop(short) if quote not in quotes[name])
        kinds[name] |= kinds.pop(short)


def _firm_of(cast: Cast, index: int, name: str) -> str | None:
    """The firm of the analyst speaking turn ``index`` as ``name``: theirs by name, else that
    of the analyst the operator introduced for the turn when it is the same surname under
    another first name ("Elizabeth Graseck" introduced as "Betsy Graseck", "Anthony
    Franklin Powell" as "Anthony Powell")."""
    if name in cast.firms:
        return cast.firms[name]
    introduced = _introduced_for(cast, index)
    return cast.firms.get(introduced) if introduced and _same_surname(name, introduced) else None


@cleaner("names")
def restore_names(page: Page, context: Context) -> Iterator[Proposal]:
    """Restore lost speaker names; annotate each speaker (and an analyst's firm) as an entity.

    Real noise: every speaker line of seed 002 lost its name (``- VP of IR`` at line 4).

    >>> from cleaners.structure import parse
    >>> page = parse("Operator\\nI will now turn the call over to Ann Lee, our CFO.\\n"
    ...              "- CFO\\nThanks. Revenue rose.\\nOperator\\n"
    ...              "Our first question comes from Bo Chen with UBS.\\n- Analyst\\nHi.")
    >>> [(p.replacement, p.confidence) for p in restore_names(page, Context())
    ...  if isinstance(p, Edit)]
    [('Ann Lee ', 0.92), ('Bo Chen ', 0.92)]
    """
    cast = read_cast(page, context)
    restored = cast.restored
    for index, turn in enumerate(page.turns):
        start, end = turn.speaker_span
        if start == end:
            continue
        name = turn.speaker
        if index in restored:
            name, confidence, reason = restored[index]
            yield Edit(start, start, f"{name} ", "names", reason, confidence)
        if turn.role == "operator" or not name:
            continue
        body: dict[str, object] = {"name": name, "kind": "person", "role": turn.role}
        firm = _firm_of(cast, index, name)
        if firm:
            body["firm"] = firm
        yield Annotation(start, end, "entity", body)
    for mention in cast.firm_mentions:
        yield Annotation(
            mention.start, mention.end, "entity", {"name": mention.firm, "kind": "firm"}
        )
