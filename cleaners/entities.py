"""Mis-heard names: glossary aliases, letter/digit confusions and sound-alikes.

Real noise: the acquired company Ecutel written "Accutel" (seed 001 lines 49, 55, 325,
397, 415), "N0Ls" for NOLs (seed 001 line 139), "phone tax burn out" for the PhoTags
earn-out (seed 001 line 55), the broker Collins Stewart as "Collin Stewart" (seed 002
line 78).

Precision comes first. Known misspellings from a glossary are found exactly (one
Aho-Corasick pass over the starts of the page's words). Fuzzy and sound-alike matching
only looks at rare capitalised words (ordinary English is never touched) and only
against the call's own scope: its ticker's glossary and the names the call itself says;
against global glossaries a fuzzy match must be near-exact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick

from annotations.glossary import GLOBAL, Entity, Glossary
from annotations.model import Annotation, Edit
from cleaners import tables
from cleaners.matcher import Candidate, DeletionIndex, compared_forms, suggest
from cleaners.names import call_scope, read_cast
from cleaners.registry import Context, Proposal, cleaner
from cleaners.structure import Kind, Page
from cleaners.wordlist import is_ordinary, ordinary_words

KEPT_KINDS = frozenset({Kind.TEXT, Kind.SPEAKER})
#: An alias that is one everyday English word in lower case is proposed, never applied
#: unasked: below the ``--apply safe`` threshold.
EVERYDAY_ALIAS_CONFIDENCE = 0.6


@dataclass(frozen=True)
class GlossaryIndex:
    """A glossary prepared for scanning: built once per glossary, shared by every page."""

    automaton: ahocorasick.Automaton | None
    spellings: dict[str, tuple[Entity, ...]]
    protected: tuple[str, ...]
    #: The one-word spellings, to find those a letter away from a word.
    near: DeletionIndex
    by_scope: dict[str, tuple[Entity, ...]]


def glossary_index(context: Context) -> GlossaryIndex:
    cached = context.cache.get("entities")
    if isinstance(cached, GlossaryIndex):
        return cached
    index = _build_index(context.glossary)
    context.cache["entities"] = index
    return index


def _build_index(glossary: Glossary) -> GlossaryIndex:
    spellings: dict[str, list[Entity]] = {}
    for entity in glossary.entities:
        for spelling in entity.spellings:
            spellings.setdefault(ascii_lower(spelling), []).append(entity)
    automaton: ahocorasick.Automaton | None = None
    # Keyed by each alias's fold after a space: it matches where a word starts with it.
    folds: dict[str, list[str]] = {}
    for key, entities in spellings.items():
        if any(key != ascii_lower(entity.name) for entity in entities):
            folds.setdefault(" " + word_fold(key), []).append(key)
    if folds:
        automaton = ahocorasick.Automaton()
        for fold, keys in folds.items():
            automaton.add_word(fold, tuple(keys))
        automaton.make_automaton()
    scopes = {entity.scope for entity in glossary.entities}
    return GlossaryIndex(
        automaton,
        {key: tuple(entities) for key, entities in spellings.items()},
        tuple(sorted(glossary.protected)),
        DeletionIndex([key for key in spellings if " " not in key and len(key) >= 4]),
        {scope: tuple(e for e in glossary.entities if e.scope == scope) for scope in scopes},
    )


LOWER_CHUNK = 16_384


def ascii_lower(text: str) -> str:
    """Lower case that keeps every position, so spans found in it index the original.

    ``str.lower`` is much faster than a translate table but changes the length of a few
    non-ASCII letters; only then is the text lowered letter by letter, ASCII only. On
    non-ASCII text ``str.lower`` works in a buffer of 12 bytes a character, so a long
    text is lowered in chunks: that buffer would be the worker's peak memory.

    >>> ascii_lower("İstanbul ACCUTEL"), len(ascii_lower("中" * 40_000 + "X"))
    ('İstanbul accutel', 40001)
    """
    if len(text) > LOWER_CHUNK and not text.isascii():
        chunks = range(0, len(text), LOWER_CHUNK)
        return "".join(ascii_lower(text[start : start + LOWER_CHUNK]) for start in chunks)
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(tables.ASCII_LOWER)


def word_fold(text: str) -> str:
    """``text`` with its ASCII letters lowered and every other character but a digit a
    space, one character for one. Where a spelling starts a word of ``text``, the
    spelling's fold follows a space in the fold of ``" " + text``; that is how the
    glossary scan finds aliases, so that an automaton of 100,000 names steps through the
    words' starts only, not through every letter of the page.

    >>> word_fold("Accutel's N0Ls, José.")
    'accutel s n0ls  jos  '
    """
    return text.encode("ascii", "replace").translate(tables.WORD_FOLD).decode("ascii")


def _in_scope(entities: tuple[Entity, ...], ticker: str | None) -> list[Entity]:
    wanted = {GLOBAL, (ticker or "").upper()}
    return [entity for entity in entities if entity.scope in wanted]


def _best_scoped(entities: list[Entity]) -> Entity:
    """A ticker's own entry beats a global one of the same spelling; of entries of one
    scope, the later (a later file, or further down its file), as the glossary reads."""
    return min(reversed(entities), key=lambda entity: entity.scope == GLOBAL)


def _is_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _protected_spans(lowered: str, protected: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for phrase in protected:
        start = lowered.find(phrase)
        while start != -1:
            spans.append((start, start + len(phrase)))
            start = lowered.find(phrase, start + 1)
    return spans


class _Scan:
    """One page's proposals so far, so that no two entity edits touch the same words.

    A page without a ticker (its header lost) is read in the scope of the one ticker whose
    company its opening names, as a glossary declares it; each reason then says so."""

    def __init__(self, page: Page, index: GlossaryIndex, context: Context) -> None:
        self.page = page
        self.text = page.text
        self.ticker, company = call_scope(page, context)
        self.placed = f"; the page has no header and names {company}" if company else ""
        self.placed_entities: frozenset[Entity] = frozenset(
            index.by_scope.get(self.ticker, ()) if company and self.ticker else ()
        )
        protected = index.protected
        self.taken = _protected_spans(ascii_lower(self.text), protected) if protected else []

    def placed_in(self, entity: Entity) -> str:
        """What a reason adds when ``entity`` is in scope only by the company named."""
        return self.placed if entity in self.placed_entities else ""

    def usable(self, start: int, end: int) -> bool:
        line = self.page.line_at(start)
        if line is None or line.kind not in KEPT_KINDS or end > line.end:
            return False
        return not any(s < end and start < e for s, e in self.taken)

    def propose(
        self,
        span: tuple[int, int],
        entity: Entity,
        confidence: float,
        reason: str,
        candidates: list[dict[str, object]],
        source: str,
    ) -> Iterator[Proposal]:
        start, end = span
        self.taken.append(span)
        yield Edit(start, end, entity.name, "entities", reason, confidence)
        body = {
            "name": entity.name,
            "kind": entity.kind,
            "source": source,
            "candidates": candidates,
        }
        yield Annotation(start, end, "entity", body)


@cleaner("entities")
def propose_entities(page: Page, context: Context) -> Iterator[Proposal]:
    """Propose canonical spellings for mis-heard names, each with ranked candidates.

    >>> from annotations.glossary import parse_glossary
    >>> from cleaners.structure import parse
    >>> glossary = parse_glossary('scope = "SMSI"\\n[[entity]]\\nname = "Ecutel"\\n'
    ...     'kind = "company"\\naliases = ["Accutel"]\\n'
    ...     '[[entity]]\\nname = "NOLs"\\nkind = "term"\\n')
    >>> page = parse("Smith Micro (SMSI) 2007 Q3 法說會逐字稿\\nOperator\\n"
    ...              "Accutel's customers used the N0Ls. Ecutle too.")
    >>> [(p.replacement, p.confidence) for p in propose_entities(page, Context(glossary))
    ...  if isinstance(p, Edit)]
    [('Ecutel', 0.95), ('NOLs', 0.9), ('Ecutel', 0.89)]
    """
    index = glossary_index(context)
    scan = _Scan(page, index, context)
    yield from _aliases(scan, index)
    yield from _letter_digit_confusions(scan, index)
    yield from _sound_alikes(scan, index, context)


def _aliases(scan: _Scan, index: GlossaryIndex) -> Iterator[Proposal]:
    if index.automaton is None:
        return
    text = scan.text
    for start, end, key in alias_hits(text, index.automaton):
        entities = _in_scope(index.spellings[key], scan.ticker)
        if not entities:
            continue
        entity = _best_scoped(entities)
        written = text[start:end]
        if written == entity.name or not scan.usable(start, end):
            continue
        if written not in entity.aliases and all(map(is_ordinary, written.split())):
            continue  # "on fiber" is English; only "On Fiber" as the glossary writes it is a name
        confidence = 0.95 if entity.scope != GLOBAL else 0.93
        reason = (
            f"{written!r} is a known variant of the {entity.kind} "
            f"{entity.name!r} (glossary, {entity.scope}{scan.placed_in(entity)})"
        )
        if written.islower() and " " not in written and is_ordinary(written):
            # A glossary's slip ("the" as an alias) would otherwise rewrite every "the"
            confidence = EVERYDAY_ALIAS_CONFIDENCE
            reason += f"; {written!r} is also an everyday English word: check each one"
        yield from scan.propose(
            (start, end), entity, confidence, reason, _only(entity), "glossary alias"
        )


def alias_hits(text: str, automaton: ahocorasick.Automaton) -> list[tuple[int, int, str]]:
    """Where the glossary's aliases stand as whole words in ``text``, in any letter case:
    ``(start, end, alias)``, by position, the longest alias first, so that it wins ("phone
    tax burn out" before "phone tax").

    >>> from annotations.glossary import Entity, Glossary
    >>> earn_out = Entity("PhoTags earn-out", "term", ("phone tax burn out", "phone tax"))
    >>> automaton = _build_index(Glossary((earn_out,))).automaton
    >>> alias_hits("The Phone tax burn out, phone taxes.", automaton)
    [(4, 22, 'phone tax burn out'), (4, 13, 'phone tax')]
    """
    # A hit ends at ``end`` in the text: the fold scanned has one more character in front.
    found = [
        (end - len(key), end, key)
        for end, keys in automaton.iter(" " + word_fold(text))
        for key in keys
        if ascii_lower(text[end - len(key) : end]) == key
        and _is_word_boundary(text, end - len(key), end)
    ]
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    return found


def _only(entity: Entity) -> list[dict[str, object]]:
    """The candidate list of an exact glossary match: that entity alone."""
    return [{"name": entity.name, "kind": entity.kind, "score": 100.0}]


def _letter_digit_confusions(scan: _Scan, index: GlossaryIndex) -> Iterator[Proposal]:
    if not index.spellings:
        return
    for match in _letter_digit_words(scan.text):
        key = ascii_lower(match.group().translate(tables.DIGIT_LOOKALIKES))
        entities = _in_scope(index.spellings.get(key, ()), scan.ticker)
        if not entities or not scan.usable(*match.span()):
            continue
        entity = _best_scoped(entities)
        reason = (
            f"{match.group()!r} mixes digits and letters; read as letters it is the "
            f"{entity.kind} {entity.name!r} (glossary, {entity.scope}{scan.placed_in(entity)})"
        )
        yield from scan.propose(
            match.span(), entity, 0.9, reason, _only(entity), "letter/digit confusion"
        )


def _letter_digit_words(text: str) -> Iterator[re.Match[str]]:
    """``LETTER_DIGIT_WORD``'s matches, found from the rare digits 0, 1 and 5 next to a
    letter: a pattern that opens with a word boundary tests every position of the text.

    >>> [m.group() for m in _letter_digit_words("the N0Ls and 5G, not 2015 or B52s")]
    ['N0Ls', '5G', 'B52s']
    """
    cues = sorted(
        cue.start() for pattern in tables.LETTER_DIGIT_CUES for cue in pattern.finditer(text)
    )
    word_end = -1
    for start in cues:
        if start < word_end:
            continue
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        match = tables.LETTER_DIGIT_WORD.match(text, start)
        if match:
            word_end = match.end()
            yield match


def _own_scope(scan: _Scan, index: GlossaryIndex, context: Context) -> dict[str, Entity]:
    """Single-word spellings the call's own scope knows: ticker glossary, cast, firms."""
    scope = (scan.ticker or "").upper()
    choices: dict[str, Entity] = {}
    for entity in index.by_scope.get(scope, ()):
        for spelling in entity.spellings:
            choices[spelling] = entity  # the later entry's, as the glossary reads
    cast = read_cast(scan.page, context)
    for person in cast.people:
        for written in person.split():
            # "Accutel-" of a garbled speaker line is the word "Accutel", not a name a
            # letter away from it
            word = written.strip(tables.WORD_EDGE_PUNCTUATION)
            if len(word) >= 4:
                choices.setdefault(word, Entity(word, "person", (), scope or GLOBAL))
    for firm in cast.firms.values():
        choices.setdefault(firm, Entity(firm, "firm", (), scope or GLOBAL))
    return choices


def rare_words(page: Page, context: Context) -> Counter[str]:
    """How often the page says each capitalised word that is not ordinary English.

    The entity cleaner and the batch's consistency pass both ask; the context keeps the
    last page's answer, as it keeps its cast.

    >>> from cleaners.structure import parse
    >>> rare_words(parse("Operator\\nAccutel grew. Revenue grew at Accutel's plant."), Context())
    Counter({'Accutel': 2})
    """
    return context.for_page("rare_words", page, _count_rare_words)


def _count_rare_words(page: Page) -> Counter[str]:
    counts = Counter(tables.CAPITALISED_WORD.findall(page.text))
    # These words are ASCII letters only, where is_ordinary is this one set lookup.
    ordinary = ordinary_words()
    return Counter({word: n for word, n in counts.items() if word.lower() not in ordinary})


def _sound_alikes(scan: _Scan, index: GlossaryIndex, context: Context) -> Iterator[Proposal]:
    words = []
    for word in rare_words(scan.page, context):
        key = ascii_lower(word)
        if key not in index.spellings and key.removesuffix("s") not in index.spellings:
            words.append(word)
    if not words:
        return
    own = _own_scope(scan, index, context)
    own_keys = {ascii_lower(spelling) for spelling in own}
    choices = [spelling for spelling in own if " " not in spelling]
    compared = compared_forms(choices)
    for word in sorted(words):
        key = ascii_lower(word)
        if key in own_keys or key.removesuffix("s") in own_keys:
            continue  # the name itself, or its plural ("TAMs", "DTNs")
        ranked = [
            candidate
            for candidate in suggest(
                word, choices, score_cutoff=tables.SCOPE_FUZZY_CUTOFF, compared=compared
            )
            # "Bioenergy" is not a mis-hearing of "Energy": one spelling inside the other
            if ascii_lower(candidate.choice) not in key
        ]
        entities = [own[candidate.choice] for candidate in ranked]
        if not ranked:
            ranked, entities = _near_exact_global(word, index, scan.ticker)
        if not ranked:
            continue
        best, entity = ranked[0], entities[0]
        close_second = len(ranked) > 1 and ranked[1].score > best.score - 3
        confidence = round(min(best.score / 100, 0.89) - (0.1 if close_second else 0.0), 2)
        candidates: list[dict[str, object]] = [
            {"name": e.name, "kind": e.kind, "score": round(c.score, 1)}
            for c, e in zip(ranked, entities, strict=True)
        ]
        reason = _sound_reason(word, best, entity) + scan.placed_in(entity)
        for match in re.finditer(rf"\b{re.escape(word)}\b", scan.text):
            if scan.usable(*match.span()):
                yield from scan.propose(
                    match.span(), entity, confidence, reason, candidates, "fuzzy"
                )


def _sound_reason(word: str, best: Candidate, entity: Entity) -> str:
    how = "sounds like" if best.sound > best.spelling else "is spelled like"
    return (
        f"{word!r} {how} the {entity.kind} {entity.name!r} of this call's scope "
        f"(score {best.score:.0f}: spelling {best.spelling:.0f}, sound {best.sound:.0f})"
    )


def _near_exact_global(
    word: str, index: GlossaryIndex, ticker: str | None
) -> tuple[list[Candidate], list[Entity]]:
    """Global entries one inserted or deleted letter away: a deletion-neighbourhood lookup,
    so a 100,000-entry list costs a few probes per rare word."""
    found: dict[str, Entity] = {}
    for spelling in index.near.lookup(ascii_lower(word)):
        entities = _in_scope(index.spellings[spelling], ticker)
        if entities:
            found[spelling] = _best_scoped(entities)
    if not found:
        return [], []
    ranked = suggest(word, list(found), score_cutoff=tables.GLOBAL_FUZZY_CUTOFF)
    return ranked, [found[candidate.choice] for candidate in ranked]
