"""The ordinary-word file stands in for wordfreq: prove it answers as wordfreq does."""

from __future__ import annotations

import re
import subprocess
import sys

from cleaners import tables
from cleaners.wordlist import WORDLIST, build, is_ordinary, ordinary_words, zipf
from tests.conftest import CORPUS, SEEDS, needs_corpus, needs_seeds


def test_the_shipped_file_is_what_the_installed_wordfreq_builds() -> None:
    assert WORDLIST.read_bytes() == build(), "rebuild it: python -m cleaners.wordlist"


def test_the_file_holds_only_lower_case_letter_words() -> None:
    words = ordinary_words()
    assert len(words) > 40_000
    assert all(word.isascii() and word.isalpha() and word.islower() for word in words)


@needs_seeds
@needs_corpus
def test_every_word_of_seeds_and_corpus_is_judged_as_wordfreq_judges_it() -> None:
    words: set[str] = set()
    for path in [*SEEDS, *CORPUS.glob("*/*.txt")]:
        words.update(re.findall(r"[\w'’-]+", path.read_text(encoding="utf-8")))
    assert len(words) > 10_000
    disagree = [w for w in words if is_ordinary(w) != (zipf(w.lower()) >= tables.RARE_WORD_ZIPF)]
    assert disagree == []


def test_cleaning_never_imports_wordfreq_or_ftfy_for_clean_english() -> None:
    code = (
        "import sys\n"
        "from annotations.model import Document, Source\n"
        "from cleaners.pipeline import review_document\n"
        "text = 'Operator\\n\\nOur first question comes from Reg King with UBS. Accutel grew.'\n"
        "review_document(Document(text, Source('x.txt', '', 'utf-8')))\n"
        "print(sorted(m for m in ('wordfreq', 'ftfy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
