"""Cleaners register here by name; the pipeline runs them in registration order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from annotations.glossary import Glossary
from annotations.model import Annotation, Edit
from cleaners.structure import Page

Proposal = Edit | Annotation
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """What a cleaner may know beyond the page: the glossaries the user gave."""

    glossary: Glossary = field(default_factory=Glossary)
    #: Tables a cleaner derives from the glossary once and reuses for every page.
    cache: dict[str, object] = field(default_factory=dict, compare=False)
    #: What ``for_page`` keeps of the last page, by name, with that page.
    last_page: dict[str, tuple[Page, object]] = field(default_factory=dict, compare=False)

    def for_page(self, name: str, page: Page, build: Callable[[Page], T]) -> T:
        """``build(page)``, kept for the last page it was asked for: several cleaners,
        and the batch's consistency pass, ask the same of one page in a row.

        >>> from cleaners.structure import parse
        >>> context, page, built = Context(), parse("Operator\\nHi."), []
        >>> [context.for_page("n", page, lambda p: built.append(p) or len(built))
        ...  for _ in range(2)]
        [1, 1]
        """
        kept = self.last_page.get(name)
        if kept is not None and kept[0] is page:
            return cast(T, kept[1])
        value = build(page)
        self.last_page[name] = (page, value)
        return value

    def forget_page(self) -> None:
        """Let go of the last page: a batch worker is done with it, and would otherwise
        hold it (its text, lines and cast) while it reads and cleans the next one."""
        self.last_page.clear()


Cleaner = Callable[[Page, Context], Iterable[Proposal]]

CLEANERS: dict[str, Cleaner] = {}


def cleaner(name: str) -> Callable[[Cleaner], Cleaner]:
    """Register a cleaner under ``name``; its proposals carry that name."""

    def register(function: Cleaner) -> Cleaner:
        if name in CLEANERS:
            raise ValueError(f"cleaner {name!r} registered twice")
        CLEANERS[name] = function
        return function

    return register


def run(
    page: Page, context: Context | None = None, names: Iterable[str] | None = None
) -> tuple[list[Edit], list[Annotation]]:
    """Run the named cleaners (all by default) over ``page``."""
    context = context or Context()
    edits: list[Edit] = []
    annotations: list[Annotation] = []
    for name in names if names is not None else CLEANERS:
        for proposal in CLEANERS[name](page, context):
            if isinstance(proposal, Edit):
                edits.append(proposal)
            else:
                annotations.append(proposal)
    return edits, annotations


#: What kind of change each cleaner proposes, as the editor groups and colours them.
KIND_OF_CLEANER = {
    "encoding": "encoding",
    "boilerplate": "boilerplate",
    "layout": "layout",
    "speakers": "speaker",
    "names": "speaker",
    "entities": "entity",
    "markers": "marker",
    "whitespace": "layout",
    "language": "translation",
    "editor": "edit",
}
KINDS = ("entity", "speaker", "encoding", "marker", "boilerplate", "translation", "layout", "edit")


def kind_of(cleaner_name: str) -> str:
    """The kind of change a cleaner proposes.

    >>> kind_of("names"), kind_of("whitespace")
    ('speaker', 'layout')
    """
    return KIND_OF_CLEANER.get(cleaner_name, cleaner_name)


def order() -> dict[str, int]:
    """Each cleaner's place in the pipeline: the tie-breaker between overlapping edits."""
    return {name: rank for rank, name in enumerate(CLEANERS)}
