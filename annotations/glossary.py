"""Human-edited TOML glossaries of canonical names, their known misspellings, and
words that must never be changed.

A glossary file::

    scope = "SMSI"                 # a ticker, or "global"
    company = "Smith Micro Software Inc"  # whose calls the ticker's are (optional)
    protected = ["Smith Micro"]    # never proposed for change

    [[entity]]
    name = "Ecutel"
    kind = "company"               # company, person, product, firm or term
    aliases = ["Accutel"]          # known misspellings and other spellings

Several files merge in order: an entity named again in a later file (case-insensitive,
same scope) replaces the earlier one; within one file, blocks of the same name merge
their aliases, which is how ``callscrub glossary add`` appends without rewriting. A
spelling that two entities of one scope claim belongs to the later one (a later file,
or further down its file): the entry added last is the one that counts.

A ticker's ``company`` places a page that lost its header (no ticker): a page whose
opening names that company (its name without Inc, Corp and the like) is read in the
ticker's scope.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

# tomli, not the standard library's tomllib (the same parser): its wheels are compiled, and
# it reads a 100,000-entry glossary in 0.45 s against tomllib's 1.3 s.
import tomli

from annotations.writers import write_atomic

KINDS = ("company", "person", "product", "firm", "term")
GLOBAL = "global"


class GlossaryError(ValueError):
    """A malformed glossary: ``str()`` is one line naming the file, line and key."""


class Entity(NamedTuple):
    """A canonical name with its aliases. A named tuple, not a dataclass: a cached
    100,000-entry glossary is unpickled in every run, and tuples load twice as fast."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    scope: str = GLOBAL

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    """Merged entities and protected words, looked up by scope."""

    entities: tuple[Entity, ...] = ()
    protected: frozenset[str] = field(default_factory=frozenset)
    #: Ticker scope -> the company whose calls they are, as a glossary file declares it.
    companies: Mapping[str, str] = field(default_factory=dict)

    def scope_of(self, ticker: str | None, opening: str) -> tuple[str | None, str]:
        """The ticker scope a call is read in, and the company that placed it there: its
        header's ticker (no company), else the one ticker whose company its ``opening``
        names, else none.

        >>> g = Glossary(companies={"SMSI": "Smith Micro Software Inc"})
        >>> g.scope_of("INFN", "Smith Micro Software"), g.scope_of(None, "Smith Micro Software")
        (('INFN', ''), ('SMSI', 'Smith Micro Software'))
        """
        if ticker:
            return ticker.upper(), ""
        named = self.scope_named_in(opening)
        return named if named is not None else (None, "")

    def people_of(self, scope: str) -> tuple[str, ...]:
        """The full names of the people a ticker's glossary lists.

        >>> Glossary((Entity("John Turner", "person", (), "RF"), Entity("Cher", "person", (), "RF"),
        ...           Entity("Ann Lee", "person"))).people_of("RF")
        ('John Turner',)
        """
        return self._people_by_scope.get(scope, ())

    @cached_property
    def _people_by_scope(self) -> dict[str, tuple[str, ...]]:
        """Asked of every page: a 100,000-entry glossary is gone through once."""
        people: dict[str, list[str]] = {}
        for entity in self.entities:
            if entity.kind == "person" and entity.scope != GLOBAL and " " in entity.name:
                people.setdefault(entity.scope, []).append(entity.name)
        return {scope: tuple(names) for scope, names in people.items()}

    def scope_named_in(self, opening: str) -> tuple[str, str] | None:
        """The one ticker scope whose company ``opening`` (a call's first words) names,
        with that company; ``None`` when none or several are named.

        >>> g = Glossary(companies={"SMSI": "Smith Micro Software Inc", "INFN": "Infinera Corp"})
        >>> g.scope_named_in("Welcome to the Smith Micro Software third quarter call.")
        ('SMSI', 'Smith Micro Software')
        >>> g.scope_named_in("Welcome, Smith Micro Software and Infinera.") is None
        True
        """
        named = [
            (scope, stem)
            for scope, company in self.companies.items()
            if (stem := company_stem(company)) and stem in opening
        ]
        return named[0] if len(named) == 1 else None

    def known_as(self, spellings: Iterable[str], ticker: str | None) -> Entity | None:
        """The entity in scope (global, or ``ticker``'s) written one of ``spellings``
        (case aside): each spelling is the later entity's of any two that claim it, and of
        the entities the spellings name, the first in glossary order.

        >>> g = Glossary((Entity("NOLs", "term"),
        ...               Entity("Ecutel", "company", ("Accutel",), "SMSI")))
        >>> g.known_as(["accutel", "Acutel"], "SMSI").name, g.known_as(["Accutel"], "INFN")
        ('Ecutel', None)
        >>> g = Glossary((Entity("JPMorgan", "firm", ("JP Morgan",)),
        ...               Entity("JPMorgan Chase", "firm", ("JP Morgan Chase",)),
        ...               Entity("J.P. Morgan", "firm", ("JP Morgan",))))
        >>> g.known_as(["JP Morgan"], None).name, g.known_as(["JP Morgan Chase"], None).name
        ('J.P. Morgan', 'JPMorgan Chase')
        """
        wanted = {GLOBAL, (ticker or "").upper()}
        found = []
        for spelling in spellings:
            claims = [
                claim
                for claim in self._by_spelling.get(spelling.casefold(), ())
                if claim[1].scope in wanted
            ]
            if claims:
                found.append(claims[-1])
        return min(found, key=lambda item: item[0])[1] if found else None

    def claimants(self, spelling: str) -> list[Entity]:
        """The entities written ``spelling`` (case aside), in glossary order.

        >>> Glossary((Entity("Ecutel", "company", ("Accutel",)),)).claimants("ACCUTEL")
        [Entity(name='Ecutel', kind='company', aliases=('Accutel',), scope='global')]
        """
        return [entity for _, entity in self._by_spelling.get(spelling.casefold(), ())]

    @cached_property
    def _by_spelling(self) -> dict[str, list[tuple[int, Entity]]]:
        """Each casefolded spelling -> the entities written so, with their place in order:
        a 100,000-entry glossary is indexed once, not scanned for every name."""
        index: dict[str, list[tuple[int, Entity]]] = {}
        for number, entity in enumerate(self.entities):
            for spelling in {spelling.casefold() for spelling in entity.spellings}:
                index.setdefault(spelling, []).append((number, entity))
        return index

    def merged(self, other: Glossary) -> Glossary:
        """``other`` overrides entities of the same name and scope; protected words add up.

        >>> a = Glossary((Entity("Ecutel", "company", ("Accutel",)),))
        >>> b = Glossary((Entity("ecutel", "product"),), frozenset({"smith"}))
        >>> a.merged(b).entities, sorted(a.merged(b).protected)
        ((Entity(name='ecutel', kind='product', aliases=(), scope='global'),), ['smith'])
        """
        replaced = {_key(entity) for entity in other.entities}
        kept = tuple(entity for entity in self.entities if _key(entity) not in replaced)
        return Glossary(
            kept + other.entities,
            self.protected | other.protected,
            {**self.companies, **other.companies},
        )


def company_stem(company: str) -> str:
    """A company's name as a call says it: without Inc, Corp, Ltd and the like.

    >>> company_stem("Smith Micro Software Inc"), company_stem("Infinera Corp.")
    ('Smith Micro Software', 'Infinera')
    """
    return re.sub(r"\s+(?:Inc|Corp|Corporation|Co|Ltd|plc|Company|Holdings)\.?$", "", company)


def _key(entity: Entity) -> tuple[str, str]:
    return (entity.name.casefold(), entity.scope)


def load_glossaries(paths: Sequence[Path | str]) -> Glossary:
    """Read and merge glossary files in order (later files win)."""
    return merge_glossaries([(str(path), read_glossary_file(path)) for path in paths])


def read_glossary_file(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise GlossaryError(f"{path}: cannot read glossary: {error}") from error


def merge_glossaries(files: Sequence[tuple[str, bytes]]) -> Glossary:
    """Parse glossary files already read, as ``(name, bytes)``, and merge them in order."""
    glossary = Glossary()
    for name, data in files:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise GlossaryError(f"{name}: cannot read glossary: {error}") from error
        glossary = glossary.merged(parse_glossary(text, name))
    return glossary


def parse_glossary(text: str, name: str = "<glossary>") -> Glossary:
    """Parse one glossary file; errors name the line and the key.

    >>> g = parse_glossary('scope = "smsi"\\n[[entity]]\\nname = "Ecutel"\\nkind = "company"\\n'
    ...                    'aliases = ["Accutel"]\\n')
    >>> g.entities
    (Entity(name='Ecutel', kind='company', aliases=('Accutel',), scope='SMSI'),)
    >>> parse_glossary('[[entity]]\\nname = "X"\\nkind = "city"\\n', "g.toml")
    Traceback (most recent call last):
    ...
    annotations.glossary.GlossaryError: g.toml:3: entity[0].kind: 'city' is not one of \
company, person, product, firm, term
    """
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise GlossaryError(f"{name}: {error}") from error
    locate = _Locator(text, name)
    unknown = set(data) - {"scope", "company", "protected", "entity"}
    if unknown:
        key = sorted(unknown)[0]
        raise locate.error(key, None, "unknown key (expected scope, company, protected, entity)")
    scope = data.get("scope", GLOBAL)
    if not isinstance(scope, str) or not scope.strip():
        raise locate.error("scope", None, 'must be a ticker or "global"')
    scope = normalised_scope(scope)
    companies: dict[str, str] = {}
    if "company" in data:
        company = data["company"]
        if not isinstance(company, str) or not company_stem(company.strip()):
            raise locate.error("company", None, "must be the company's name")
        if scope == GLOBAL:
            raise locate.error("company", None, 'needs a ticker scope (scope = "TICKER")')
        companies[scope] = company.strip()
    protected = data.get("protected", [])
    if not _strings(protected):
        raise locate.error("protected", None, "must be a list of strings")
    blocks = data.get("entity", [])
    if not isinstance(blocks, list):
        raise locate.error("entity", None, "must be an array of tables: [[entity]]")
    merged: dict[str, Entity] = {}
    for index, block in enumerate(blocks):
        entity = _entity(block, index, scope, locate)
        previous = merged.get(entity.name.casefold())
        if previous is not None:
            aliases = tuple(dict.fromkeys(previous.aliases + entity.aliases))
            entity = Entity(previous.name, entity.kind, aliases, scope)
        merged[entity.name.casefold()] = entity
    return Glossary(
        tuple(merged.values()), frozenset(word.casefold() for word in protected), companies
    )


def normalised_scope(scope: str) -> str:
    """A scope as glossaries compare it: ``global``, or a ticker in capitals.

    >>> normalised_scope(" rf "), normalised_scope("Global")
    ('RF', 'global')
    """
    return GLOBAL if scope.strip().lower() == GLOBAL else scope.strip().upper()


def file_scope(text: str, name: str) -> str:
    """The scope a glossary file's entries are in (``global`` when it names none)."""
    try:
        scope = tomli.loads(text).get("scope", GLOBAL)
    except tomli.TOMLDecodeError as error:
        raise GlossaryError(f"{name}: {error}") from error
    return normalised_scope(scope) if isinstance(scope, str) else GLOBAL


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


def _entity(block: Any, index: int, scope: str, locate: _Locator) -> Entity:
    where = f"entity[{index}]"
    if not isinstance(block, dict):
        raise locate.error(where, index, "must be a table")
    unknown = set(block) - {"name", "kind", "aliases"}
    if unknown:
        key = sorted(unknown)[0]
        raise locate.error(f"{where}.{key}", index, "unknown key (expected name, kind, aliases)")
    name = block.get("name")
    if not isinstance(name, str) or not name.strip():
        raise locate.error(f"{where}.name", index, "missing or empty")
    kind = block.get("kind")
    if kind not in KINDS:
        raise locate.error(f"{where}.kind", index, f"{kind!r} is not one of {', '.join(KINDS)}")
    aliases = block.get("aliases", [])
    if not _strings(aliases):
        raise locate.error(f"{where}.aliases", index, "must be a list of non-empty strings")
    return Entity(name.strip(), kind, tuple(alias.strip() for alias in aliases), scope)


class _Locator:
    """Finds the line of a key, since TOML parsers report positions only for syntax errors."""

    def __init__(self, text: str, name: str) -> None:
        self.lines = text.splitlines()
        self.name = name

    def error(self, key: str, block: int | None, problem: str) -> GlossaryError:
        return GlossaryError(f"{self.name}:{self.line_of(key, block)}: {key}: {problem}")

    def line_of(self, key: str, block: int | None) -> int:
        leaf = key.rsplit(".", 1)[-1] if "." in key else key
        leaf = re.sub(r"\[\d+\]$", "", leaf)
        start = 0
        if block is not None:
            headers = [i for i, line in enumerate(self.lines) if line.strip() == "[[entity]]"]
            start = headers[block] if block < len(headers) else 0
            if "." not in key:
                return start + 1
        pattern = re.compile(rf"^\s*{re.escape(leaf)}\s*=")
        for number in range(start, len(self.lines)):
            if pattern.match(self.lines[number]):
                return number + 1
        return start + 1


def add_entry(
    path: Path, name: str, kind: str, alias: str | None = None, scope: str | None = None
) -> list[str]:
    """Append ``name`` (with ``alias`` as a known spelling of it, if given) to a glossary
    file, creating it if need be, in ``scope`` when given; return the other entities of the
    file that were written ``alias`` too, which it no longer names.

    A block is appended, so the editor's comments and layout stay; a block naming an
    existing entity merges with it when the file is read. A new file starts with its
    ``scope``; an existing one must already be in it. The file is replaced atomically,
    never left half-written.
    """
    if kind not in KINDS:
        raise GlossaryError(f"{path}: kind {kind!r} is not one of {', '.join(KINDS)}")
    for label, value in (("name", name), ("alias", alias)):
        if value is None:
            continue
        if not value.strip():
            raise GlossaryError(f"{path}: the {label} is empty")
        if any(unicodedata.category(character) in ("Cc", "Zl", "Zp") for character in value):
            raise GlossaryError(
                f"{path}: the {label} {value!r} holds a line break or a control character; "
                "names are matched within one line of text"
            )
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    # refuse to append to a broken file
    before = parse_glossary(existing, str(path)) if existing else Glossary()
    header = ""
    if scope is not None:
        if not scope.strip():
            raise GlossaryError(f"{path}: the scope is empty")
        wanted, found = normalised_scope(scope), file_scope(existing, str(path))
        if existing and found != wanted:
            raise GlossaryError(f"{path}: the file's scope is {found}, not {wanted}")
        if not existing:
            header = f"scope = {_toml_string(wanted)}\n"
    displaced = [
        entity.name
        for entity in (before.claimants(alias) if alias is not None else [])
        if entity.name.casefold() != name.casefold()
    ]
    aliases = f"aliases = [{_toml_string(alias)}]\n" if alias is not None else ""
    block = f"\n[[entity]]\nname = {_toml_string(name)}\nkind = {_toml_string(kind)}\n{aliases}"
    separator = "" if not existing or existing.endswith("\n") else "\n"
    write_atomic(path, header + existing + separator + block)
    return displaced


def _toml_string(value: str) -> str:
    """``value`` as a TOML basic string.

    >>> print(_toml_string('O"Brien \\\\ Co'))
    "O\\"Brien \\\\ Co"
    """
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
