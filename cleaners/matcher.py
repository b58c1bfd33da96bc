"""Rank canonical spellings for a possibly mis-heard name, in rapidfuzz's style.

Spelling similarity alone misses sound-alike errors: ``fuzz.ratio`` gives "Accutel"
against "Ecutel" only 77. A phonetic key (metaphone with doubled letters collapsed and
any leading vowel read as one sound) brings such pairs together, and it only ever raises
a score, by less than half the gap, so a weak spelling match stays weak.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import Levenshtein

#: How much of the gap between spelling and sound similarity the sound may close.
SOUND_WEIGHT = 0.45


@dataclass(frozen=True, slots=True)
class Candidate:
    """One ranked choice: ``score`` in [0, 100] combines ``spelling`` and ``sound``."""

    choice: str
    score: float
    index: int
    spelling: float
    sound: float


@lru_cache(maxsize=65536)
def phonetic_key(text: str) -> str:
    """A sound key for a name of one or more words.

    >>> phonetic_key("Accutel"), phonetic_key("Ecutel"), phonetic_key("PhoTags")
    ('AKTL', 'AKTL', 'FTKS')
    """
    codes = "".join(jellyfish.metaphone(word) for word in text.split() if word.isascii())
    collapsed = "".join(c for i, c in enumerate(codes) if i == 0 or c != codes[i - 1])
    if collapsed[:1] in ("A", "E", "I", "O", "U"):
        collapsed = "A" + collapsed[1:]
    return collapsed


def combine(spelling: float, sound: float) -> float:
    """Sound raises a score by at most ``SOUND_WEIGHT`` of the gap; it never lowers it.

    >>> round(combine(76.9, 100.0), 1), combine(90.0, 50.0)
    (87.3, 90.0)
    """
    return spelling + max(0.0, sound - spelling) * SOUND_WEIGHT


def sound_similarity(query: str, choice: str) -> float:
    key, other = phonetic_key(query), phonetic_key(choice)
    if not key or not other:
        return 0.0
    return Levenshtein.normalized_similarity(key, other) * 100.0


def compared_forms(choices: Sequence[str]) -> list[str]:
    """``choices`` as :func:`suggest` compares their spelling: lower case, punctuation
    read as blanks (rapidfuzz's ``default_process``).

    >>> compared_forms(["Ecutel's", " PhoTags "])
    ['ecutel s', 'photags']
    """
    return [utils.default_process(choice) for choice in choices]


def suggest(
    query: str,
    choices: Sequence[str],
    *,
    score_cutoff: float = 75.0,
    limit: int | None = 5,
    compared: Sequence[str] | None = None,
) -> list[Candidate]:
    """Choices that ``query`` may be a mis-hearing of, best first.

    Case and surrounding blanks are ignored. Choices whose spelling is too far off to
    reach ``score_cutoff`` even with a perfect sound match are never sound-keyed (the
    blocking step), so long choice lists stay cheap. A caller that ranks many queries
    against one list passes ``compared``, the list's :func:`compared_forms`, made once
    instead of once a query.

    >>> [(c.choice, round(c.score)) for c in suggest("Accutel", ["Insignia", "Ecutel", "Accel"])]
    [('Ecutel', 87), ('Accel', 83)]
    >>> suggest("Collin Stewart", ["Collins Stewart"])[0].score > 95
    True
    >>> suggest("revenue", ["Ecutel"])
    []
    """
    floor = max(0.0, (score_cutoff - 100.0 * SOUND_WEIGHT) / (1.0 - SOUND_WEIGHT))
    found = process.extract(
        utils.default_process(query),
        compared_forms(choices) if compared is None else compared,
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=floor,
        limit=None,
    )
    ranked = []
    for _, spelling, index in found:
        choice = choices[index]
        sound = sound_similarity(query, choice)
        score = combine(spelling, sound)
        if score >= score_cutoff:
            ranked.append(Candidate(choice, score, index, spelling, sound))
    ranked.sort(key=lambda c: (-c.score, c.index))
    return ranked if limit is None else ranked[:limit]


def deletions(word: str) -> list[str]:
    """``word`` with each letter left out in turn.

    >>> deletions("NOLs")
    ['OLs', 'NLs', 'NOs', 'NOL']
    """
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


class DeletionIndex:
    """Words one letter apart (one inserted, deleted or changed), found by their shared
    one-letter deletions, for lists of 100,000 names and more.

    A dictionary from every deletion to its words took 180 MB for 100,000 names. Here each
    deletion is one 64-bit integer, its CRC-32 and the number of its word, in one sorted
    array (8 bytes a deletion). A directory of where each value of the hash's top bits (up to
    16) starts narrows a lookup to a few dozen entries, which it bisects; what it finds is
    checked, so a hash that two deletions share never matches a wrong word. CRC-32,
    unlike ``hash()``, is the same in every process, so an index can be pickled and
    cached.

    >>> index = DeletionIndex(["ecutel", "photags", "quicklink"])
    >>> index.lookup("accutel"), index.lookup("ecutels"), index.lookup("photag")
    ([], ['ecutel'], ['photags'])
    """

    _WORD_BITS = 21  # up to 2,097,152 words
    _HASH_MASK = (1 << 32) - 1

    def __init__(self, words: Sequence[str]) -> None:
        if len(words) >= 1 << self._WORD_BITS:
            raise ValueError(f"{len(words)} words: at most {(1 << self._WORD_BITS) - 1}")
        self.words = tuple(words)
        packed = [
            (_stable_hash(variant) & self._HASH_MASK) << self._WORD_BITS | number
            for number, word in enumerate(self.words)
            for variant in (word, *deletions(word))
        ]
        packed.sort()
        self._entries = array("q", packed)
        hash_bits = self._HASH_MASK.bit_length()
        # 8 to 16 entries a directory slot, at most 2**16 slots: building the directory
        # costs a bisection a slot, 20 ms at full size, too much for a 10-entry glossary.
        directory_bits = min(16, max(1, len(packed).bit_length() - 4))
        self._shift = self._WORD_BITS + hash_bits - directory_bits
        self._directory = array(
            "q",
            (bisect_left(packed, top << self._shift) for top in range(2**directory_bits + 1)),
        )

    def lookup(self, word: str) -> list[str]:
        """The indexed words that share ``word`` or one of its deletions with ``word``:
        every word one insertion, deletion or substitution away, and ``word`` itself."""
        entries, directory, words = self._entries, self._directory, self.words
        if not words:
            return []  # no glossary: spare the hashing of every deletion
        word_bits, shift = self._WORD_BITS, self._shift
        word_mask = (1 << word_bits) - 1
        found: dict[str, None] = {}
        for variant in (word, *deletions(word)):
            low = (_stable_hash(variant) & self._HASH_MASK) << word_bits
            top = low >> shift
            last = directory[top + 1]
            position = bisect_left(entries, low, directory[top], last)
            high = low + word_mask
            # the words holding this hash, in the order given; a hash two deletions share
            # is told apart by the words themselves
            while position < last and entries[position] <= high:
                held = words[entries[position] & word_mask]
                position += 1
                if held == variant or (
                    len(held) == len(variant) + 1 and variant in deletions(held)
                ):
                    found[held] = None
        return list(found)
