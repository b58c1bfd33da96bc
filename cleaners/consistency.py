"""Across the calls of one batch: one person, firm or product spelled several ways.

Each call yields its mentions (speakers, introduced analysts and their firms, rare
capitalised words); calls are grouped by ticker, and within a group, spellings that
match are reported together with a suggested canonical form: the glossary's first, then
what the operator said in an introduction, then the spelling used in more calls, then
the more frequent one. Spellings match when they are

- one person: the same surname and firm, one first name a short form of the other
  ("Reginal King", "Reg King"); or the same first name and firm, surnames with the same
  initial, never both in one call ("Lauren Ye", "Lauren Yuman", both of JPMorgan);
- one firm: one name the other's opening words, spaces and full stops aside ("JP Morgan
  Chase", "JP Morgan", "JPMorgan");
- one word: a sound-alike rare single word ("Accutel", "Ecutel").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from annotations.glossary import Glossary, company_stem
from annotations.model import recorded_path
from cleaners import tables
from cleaners.entities import rare_words
from cleaners.matcher import compared_forms, suggest
from cleaners.names import first_name_key, read_cast
from cleaners.registry import Context
from cleaners.structure import Page

#: Two rare single words of one group this similar are reported as one name.
VARIANT_CUTOFF = 85.0
UNKNOWN_GROUP = "(no ticker)"


@dataclass
class Mentions:
    """What one call says, small enough to send back from a worker."""

    path: str
    ticker: str | None
    company: str | None
    people: Counter[str] = field(default_factory=Counter)
    introduced: set[str] = field(default_factory=set)
    firms: dict[str, str] = field(default_factory=dict)  # person -> firm
    words: Counter[str] = field(default_factory=Counter)
    text_sample: str = ""
    firms_said: Counter[str] = field(default_factory=Counter)  # firm -> introductions


def mentions(page: Page, path: str, context: Context) -> Mentions:
    """The names a call mentions and how often."""
    cast = read_cast(page, context)
    found = Mentions(recorded_path(path), page.metadata.ticker, page.metadata.company)
    found.people.update(dict.fromkeys(cast.people, 0))
    for turn in page.turns:
        if turn.speaker and turn.role != "operator":
            found.people[turn.speaker] += 1
    for name, _confidence, _reason in cast.restored.values():
        found.people[name] += 1
    found.introduced = set(cast.analysts)
    found.firms = dict(cast.firms)
    found.firms_said = Counter(mention.firm for mention in cast.firm_mentions)
    found.words = Counter(rare_words(page, context))
    found.text_sample = page.text[: tables.CALL_OPENING]
    return found


@dataclass(frozen=True)
class Variant:
    group: str
    kind: str  # person, firm or word
    canonical: str
    why: str
    spellings: tuple[tuple[str, int, int], ...]  # spelling, mentions, calls

    def as_dict(self) -> dict[str, object]:
        return {
            "group": self.group,
            "kind": self.kind,
            "canonical": self.canonical,
            "why": self.why,
            "spellings": [{"spelling": s, "mentions": m, "calls": c} for s, m, c in self.spellings],
        }


def group_of(found: Mentions, companies: dict[str, str]) -> tuple[str, str]:
    """A call's ticker, or the ticker whose company the call names (said so), or none."""
    if found.ticker:
        return found.ticker.upper(), ""
    named = [
        ticker
        for ticker, company in companies.items()
        if company_stem(company) and company_stem(company) in found.text_sample
    ]
    if len(named) == 1:
        return named[0], f"{found.path}: no header; grouped with {named[0]} by company name"
    return UNKNOWN_GROUP, ""


def variants(
    calls: Sequence[Mentions], glossary: Glossary | None = None
) -> tuple[list[Variant], list[str]]:
    """Variant spellings per ticker group, and notes on how ungrouped calls were placed.

    >>> a = Mentions("1.txt", "SMSI", "Smith Micro Software Inc",
    ...              Counter({"Reginal King": 9}), {"Reginal King"},
    ...              {"Reginal King": "Nollenberger Capital Partners"}, Counter({"Accutel": 5}))
    >>> b = Mentions("2.txt", None, None, Counter({"Reg King": 3}), {"Reg King"},
    ...              {"Reg King": "Nollenberger Capital Partners"}, Counter({"Ecutel": 3}),
    ...              "Welcome to the Smith Micro Software call")
    >>> found, notes = variants([a, b])
    >>> for v in found:
    ...     print(v.kind, v.canonical, [s for s, _, _ in v.spellings])
    person Reginal King ['Reginal King', 'Reg King']
    word Accutel ['Accutel', 'Ecutel']
    """
    groups, notes = group_calls(calls, glossary)
    found: list[Variant] = []
    for group, members in sorted(groups.items()):
        found.extend(group_variants(group, members, glossary))
    return found, notes


def group_calls(
    calls: Sequence[Mentions], glossary: Glossary | None = None
) -> tuple[dict[str, list[Mentions]], list[str]]:
    """Calls by ticker group (calls without a ticker placed by their company's name, as
    other calls' headers or the glossary give it), and notes on how the ungrouped ones
    were placed. Each group is reduced on its own."""
    companies = dict(glossary.companies) if glossary is not None else {}
    companies.update({c.ticker.upper(): c.company for c in calls if c.ticker and c.company})
    groups: dict[str, list[Mentions]] = {}
    notes = []
    for call in calls:
        group, note = group_of(call, companies)
        groups.setdefault(group, []).append(call)
        if note:
            notes.append(note)
    return groups, notes


def group_variants(
    group: str, members: Sequence[Mentions], glossary: Glossary | None = None
) -> list[Variant]:
    """Variant spellings within one ticker group: the reduce step of a corpus run."""
    glossary = glossary or Glossary()
    firm_clusters = _firm_clusters(members)
    return [
        *_person_variants(group, members, glossary, firm_clusters),
        *_firm_variants(group, members, glossary, firm_clusters),
        *_word_variants(group, members, glossary),
    ]


def _canonical(
    spellings: Iterable[str],
    members: Sequence[Mentions],
    glossary: Glossary,
    group: str,
    said: Literal["people", "words", "firms_said"],
) -> tuple[str, str, tuple[tuple[str, int, int], ...]]:
    """The suggested spelling, why, and each spelling with its mentions and calls, as the
    counter named ``said`` of each call counts them."""
    counted = []
    for spelling in spellings:
        mentions_ = sum(getattr(call, said).get(spelling, 0) for call in members)
        calls = sum(1 for call in members if spelling in getattr(call, said))
        counted.append((spelling, mentions_, calls))
    entity = glossary.known_as([spelling for spelling, _, _ in counted], group)
    if entity is not None:
        return entity.name, "glossary", tuple(counted)
    introduced = [s for s, _, _ in counted if any(s in call.introduced for call in members)]
    counted.sort(key=lambda item: (-item[2], -item[1], item[0]))
    if len(introduced) == 1:
        return introduced[0], "the operator's introduction", tuple(counted)
    best, second = counted[0], counted[1]
    if best[2] > second[2]:
        return best[0], "used in more calls", tuple(counted)
    strength = "frequency" if best[1] >= 2 * second[1] else "frequency (weak: check it)"
    return best[0], strength, tuple(counted)


def _person_variants(
    group: str, members: Sequence[Mentions], glossary: Glossary, firm_clusters: list[list[str]]
) -> list[Variant]:
    same_firm = {firm: cluster[0] for cluster in firm_clusters for firm in cluster}
    firms: dict[str, str] = {}
    for call in members:
        firms.update({person: same_firm.get(f, f) for person, f in call.firms.items()})
    people = sorted({p for call in members for p in call.people if " " in p})
    by_surname: dict[tuple[str, str], list[str]] = {}
    for person in people:
        surname = person.split()[-1].casefold()
        by_surname.setdefault((surname, firms.get(person, "")), []).append(person)
    found = []
    clustered: set[str] = set()
    for same in by_surname.values():
        clusters: list[list[str]] = []
        for person in same:
            for cluster in clusters:
                if _same_first_name(person, cluster[0]):
                    cluster.append(person)
                    break
            else:
                clusters.append([person])
        for cluster in clusters:
            if len(cluster) > 1:
                clustered.update(cluster)
                canonical, why, counted = _canonical(cluster, members, glossary, group, "people")
                found.append(Variant(group, "person", canonical, why, counted))
    for cluster in _misheard_surnames(people, firms, members):
        if clustered.isdisjoint(cluster):
            canonical, why, counted = _canonical(cluster, members, glossary, group, "people")
            found.append(Variant(group, "person", canonical, why, counted))
    return found


def _misheard_surnames(
    people: list[str], firms: dict[str, str], members: Sequence[Mentions]
) -> list[list[str]]:
    """Analysts of one firm with one first name whose surnames differ after the same
    initial, never both in one call: one surname mis-heard ("Lauren Ye", "Lauren Yuman").

    Two analysts of a firm covering one company who share a first name and an initial,
    each in calls the other is absent from, are far likelier one person than two."""
    by_first: dict[tuple[str, str, str], list[str]] = {}
    for person in people:
        firm = firms.get(person)
        if firm:
            words = person.casefold().split()
            by_first.setdefault((first_name_key(words[0]), words[-1][0], firm), []).append(person)
    clusters = []
    for same in by_first.values():
        surnames = {person.split()[-1].casefold() for person in same}
        together = any(
            a in call.people and b in call.people
            for a, b in combinations(same, 2)
            for call in members
        )
        if len(surnames) > 1 and not together:
            clusters.append(same)
    return clusters


def _same_first_name(left: str, right: str) -> bool:
    """ "Reginal King" and "Reg King": one first name a short form of the other."""
    a, b = left.split()[0].casefold(), right.split()[0].casefold()
    if a == b:
        return False  # the same spelling; middle initials are not variants worth a report
    return first_name_key(a) == first_name_key(b) or a.startswith(b) or b.startswith(a)


def _word_variants(group: str, members: Sequence[Mentions], glossary: Glossary) -> list[Variant]:
    words = Counter[str]()
    for call in members:
        words.update(call.words)
    vocabulary = sorted(words)
    compared = compared_forms(vocabulary)
    seen: set[str] = set()
    found = []
    for position, word in enumerate(vocabulary):
        if word in seen:
            continue
        # Only the words after this one: ranking is symmetric, so an earlier word close to
        # this one has already taken it into its cluster, and an earlier word close to no
        # word then is close to none now. The compared forms are made once, not once a word.
        later = slice(position + 1, None)
        close = [
            c.choice
            for c in suggest(
                word,
                vocabulary[later],
                score_cutoff=VARIANT_CUTOFF,
                limit=None,
                compared=compared[later],
            )
            if c.choice not in seen
            and c.choice.casefold().removesuffix("s") != word.casefold().removesuffix("s")
            and c.choice.casefold() not in word.casefold()
            and word.casefold() not in c.choice.casefold()
        ]
        if not close:
            continue
        cluster = [word, *close]
        seen.update(cluster)
        calls = {call.path for call in members for spelling in cluster if spelling in call.words}
        if len(calls) < 2 and not any(s in glossary.protected for s in cluster):
            continue  # within one call the entities cleaner already proposes
        canonical, why, counted = _canonical(cluster, members, glossary, group, "words")
        found.append(Variant(group, "word", canonical, why, counted))
    return found


def _firm_words(firm: str) -> list[str]:
    """A firm's name as compared: case, full stops and the spelling of "and" aside.

    >>> _firm_words("J.P. Morgan Chase"), _firm_words("Needham & Company")
    (['jp', 'morgan', 'chase'], ['needham', 'and', 'company'])
    """
    return firm.casefold().replace(".", "").replace("&", " and ").split()


def _opens_with(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter``, spaces aside, is ``longer``'s opening words.

    >>> _opens_with(["jp", "morgan", "chase"], ["jpmorgan"])
    True
    >>> _opens_with(["morgan", "stanley"], ["morgan", "keegan"])
    False
    >>> _opens_with(["citigroup"], ["citi"])
    False
    """
    wanted = "".join(shorter)
    opening = ""
    for word in longer:
        opening += word
        if len(opening) >= len(wanted):
            return opening == wanted
    return False


def _firm_clusters(members: Sequence[Mentions]) -> list[list[str]]:
    """The firm spellings of a group that name one firm, in clusters of two or more.

    Spellings are linked when one is the other's opening words; a cluster is kept only
    when each of its spellings is linked with every other: "Piper" would link "Piper
    Jaffray" with "Piper Sandler", and which of them it is cannot be told.
    """
    spellings = sorted({f for call in members for f in (*call.firms.values(), *call.firms_said)})
    words = {spelling: _firm_words(spelling) for spelling in spellings}

    def linked(a: str, b: str) -> bool:
        shorter, longer = sorted((words[a], words[b]), key=lambda w: len("".join(w)))
        return bool(shorter) and _opens_with(longer, shorter)

    parent = {spelling: spelling for spelling in spellings}

    def root(spelling: str) -> str:
        while parent[spelling] != spelling:
            spelling = parent[spelling]
        return spelling

    pairs = {(a, b) for a, b in combinations(spellings, 2) if linked(a, b)}
    for a, b in pairs:
        parent[root(b)] = root(a)
    clusters: dict[str, list[str]] = {}
    for spelling in spellings:
        clusters.setdefault(root(spelling), []).append(spelling)
    return [
        cluster
        for cluster in clusters.values()
        if len(cluster) > 1 and all(pair in pairs for pair in combinations(cluster, 2))
    ]


def _firm_variants(
    group: str, members: Sequence[Mentions], glossary: Glossary, firm_clusters: list[list[str]]
) -> list[Variant]:
    found = []
    for cluster in firm_clusters:
        canonical, why, counted = _canonical(cluster, members, glossary, group, "firms_said")
        found.append(Variant(group, "firm", canonical, why, counted))
    return found
