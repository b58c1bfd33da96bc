"""Ordinary English words: the words common enough that callscrub never changes them.

wordfreq answers "how common is this word" for any token, but importing it and loading
its English list costs a worker about 175 ms, more than cleaning a whole transcript.
The pure-letter words at or above :data:`cleaners.tables.RARE_WORD_ZIPF` are therefore
kept in a small file built from wordfreq (``python -m cleaners.wordlist``), loaded in a
few milliseconds; only other tokens ("N0Ls", "co-op") still go to wordfreq itself.
"""

from __future__ import annotations

import gzip
import sys
from functools import cache
from pathlib import Path

from cleaners import tables
from cleaners.patterncache import compile_pattern

WORDLIST = Path(__file__).with_name("data") / "ordinary-en.txt.gz"
_LETTERS = compile_pattern(r"[a-z]+")


def _header() -> str:
    return f"# wordfreq en, zipf >= {tables.RARE_WORD_ZIPF}"


@cache
def ordinary_words() -> frozenset[str]:
    """The lower-case pure-letter words of zipf frequency >= ``RARE_WORD_ZIPF``."""
    header, _, words = gzip.decompress(WORDLIST.read_bytes()).decode("ascii").partition("\n")
    if header != _header():
        raise RuntimeError(
            f"{WORDLIST} was built for {header!r}, not {_header()!r}: "
            "rebuild it with python -m cleaners.wordlist"
        )
    return frozenset(words.split("\n"))


def is_ordinary(word: str) -> bool:
    """Whether ``word`` is common English (zipf frequency >= ``RARE_WORD_ZIPF``).

    >>> is_ordinary("Revenue"), is_ordinary("Accutel"), is_ordinary("co-op"), is_ordinary("N0Ls")
    (True, False, True, False)
    """
    lowered = word.lower()
    if lowered.isascii() and _LETTERS.fullmatch(lowered):
        return lowered in ordinary_words()
    return zipf(lowered) >= tables.RARE_WORD_ZIPF


def zipf(word: str) -> float:
    """wordfreq's English zipf frequency of ``word``, importing wordfreq when first asked."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def build() -> bytes:
    """The word file's content, from the installed wordfreq."""
    from wordfreq import iter_wordlist

    words = sorted(
        word
        for word in iter_wordlist("en", "best")
        if _LETTERS.fullmatch(word) and zipf(word) >= tables.RARE_WORD_ZIPF
    )
    return gzip.compress("\n".join([_header(), *words]).encode("ascii"), 9, mtime=0)


if __name__ == "__main__":
    WORDLIST.write_bytes(build())
    print(f"{WORDLIST}: {len(ordinary_words())} words", file=sys.stderr)
