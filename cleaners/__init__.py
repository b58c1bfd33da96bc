"""Cleaners: pure functions from a parsed page to proposals (edits and annotations).

Importing the package registers every cleaner; the import order below is the pipeline
order, which breaks ties between overlapping edits of equal confidence.
"""

from cleaners import encoding  # noqa: I001 (registration order matters)
from cleaners import boilerplate
from cleaners import language
from cleaners import layout
from cleaners import speakers
from cleaners import names
from cleaners import entities
from cleaners import markers
from cleaners import whitespace
from cleaners.registry import CLEANERS, order, run
from cleaners.structure import Page, parse

__all__ = [
    "CLEANERS",
    "Page",
    "boilerplate",
    "encoding",
    "entities",
    "language",
    "layout",
    "markers",
    "names",
    "order",
    "parse",
    "run",
    "speakers",
    "whitespace",
]
