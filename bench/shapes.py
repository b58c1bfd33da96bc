"""Pages of unusual shape, made to any size: the inputs where a cleaner's time could grow
faster than the page.

Most once took time that grew with the square of its size: at 200 KB a page of one line
took 5.4 s, of doubled bullets 0.9 s (27 s at 800 KB), of Chinese with a bullet a
sentence 45 s. ``make bench`` times each at two
sizes; the unit tests clean each, small, and check nothing is lost.
"""

from __future__ import annotations

import random
from collections.abc import Callable

WORDS = ["revenue", "grew", "Smith", "Micro", "the", "and", "Accutel", "CFO", "VP", "of"]
LINES = [
    "Operator",
    "- Analyst",
    "Thanks, Bruce.",
    "營收成長。",
    "• Revenue grew.",
    "[inaudible]",
    "Bill Smith - CEO",
]


def _words(size: int, rng: random.Random, shape: Callable[[str], str] = str) -> str:
    return " ".join(shape(rng.choice(WORDS)) for _ in range(size // 5))


#: Shape name -> the page's text of about ``size`` characters (after an ``Operator`` line).
SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "one line of words, no full stop": lambda size, rng: _words(size, rng),
    "one line of capitalised words": lambda size, rng: _words(size, rng, str.title),
    "doubled bullets": lambda size, _: "• " * (size // 2),
    "unclosed brackets": lambda size, rng: " ".join(
        "[" + rng.choice(WORDS) for _ in range(size // 6)
    ),
    "greetings": lambda size, _: "Thank you, Bob. " * (size // 16),
    "title dashes": lambda size, rng: "\n".join(
        "- VP - CFO - CEO - " + rng.choice(WORDS) for _ in range(size // 25)
    ),
    "doubled commas": lambda size, _: ", " * (size // 2),
    "Chinese": lambda size, _: "營收成長。" * (size // 5),
    "Chinese, a bullet a sentence": lambda size, _: "\n".join(
        "  • 營收成長。" for _ in range(size // 9)
    ),
    "bilingual pairs, one turn": lambda size, _: "\n".join(
        "Revenue grew 5% in the quarter.\n營收在本季度成長了5%。" for _ in range(size // 50)
    ),
    "speaker twice in a row": lambda size, _: "\n".join(
        "Bill Smith - CEO\nHi." for _ in range(size // 20)
    ),
    "a turn a line": lambda size, rng: "\n".join(rng.choice(LINES) for _ in range(size // 12)),
    "hand-overs": lambda size, _: "I will now turn the call over to " * (size // 33),
    "introductions": lambda size, _: "our next question comes from " * (size // 29),
    "HTML entities, one line": lambda size, _: "&amp;" * (size // 5),
    "mojibake, one line": lambda size, _: "Ã©" * (size // 2),
}


def page(shape: str, size: int) -> str:
    """The page of ``shape``, about ``size`` characters, the same on every call."""
    return "Operator\n" + SHAPES[shape](size, random.Random(size))
