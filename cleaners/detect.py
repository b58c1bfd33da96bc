"""The language of a paragraph: by script when that is clear, else by langdetect.

ASCII is English; otherwise the count of Han characters against Latin words settles all
but short or mixed paragraphs, which go to langdetect restricted to English and the two
Chinese scripts and seeded, so that it answers the same way every run. Measured: with all
its profiles langdetect calls Traditional Chinese Korean, and unseeded it changes its
mind between runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cleaners import tables


@dataclass(frozen=True, slots=True)
class Decision:
    """A paragraph's language (``en``, ``zh``, ``und``), how it was decided, how sure."""

    language: str
    method: str  # ascii, script, langdetect or featureless
    confidence: float


def _script_decision(text: str) -> Decision | None:
    if text.isascii():
        return Decision("en", "ascii", 1.0)
    han = len(tables.HAN.findall(text))
    words = len(tables.LATIN_WORD.findall(text))
    if not han:
        return Decision("en", "script", 1.0) if words else None
    if not words and han >= tables.SCRIPT_MIN_HAN:
        return Decision("zh", "script", 1.0)
    han_words = han / tables.HAN_PER_WORD
    if han >= tables.SCRIPT_MIN_HAN and han_words >= words:
        return Decision("zh", "script", 0.95)
    if words >= tables.SCRIPT_MIN_WORDS and words >= tables.ENGLISH_MARGIN * han_words:
        return Decision("en", "script", 0.95)
    return None


@cache
def _factory() -> Any:
    """langdetect with only the profiles callscrub needs, loaded on first use (~7 ms to
    import, ~5 ms to load); read-only afterwards."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    folder = Path(langdetect.__file__).parent / "profiles"
    factory = DetectorFactory()
    factory.load_json_profile(
        [(folder / name).read_text(encoding="utf-8") for name in tables.LANGDETECT_PROFILES]
    )
    factory.seed = tables.LANGDETECT_SEED
    return factory


def langdetect_probabilities(text: str) -> dict[str, float]:
    """langdetect's probabilities over English and the two Chinese scripts.

    Each detector reseeds its random sampling from the factory's seed when it detects:
    the same text always gets the same answer. Raises ``ValueError`` for a text with no
    letters to go on.

    >>> sorted(langdetect_probabilities("這是我們的第二季度業績"))
    ['zh-tw']
    >>> sorted(langdetect_probabilities("Thank you, Bruce."))
    ['en']
    """
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        return {found.lang: found.prob for found in detector.get_probabilities()}
    except LangDetectException as error:
        raise ValueError(f"no language features in {text[:40]!r}") from error


def decide(text: str) -> Decision:
    """The language of one paragraph: ``en``, ``zh`` or ``und`` (nothing to go on).

    >>> decide("Thank you, Bruce.")
    Decision(language='en', method='ascii', confidence=1.0)
    >>> decide("我們第二季度的營收為1530萬美元，較去年同期成長22%。").language
    'zh'
    >>> decide("Our partner 中華電信 (Chunghwa Telecom) signed a three-year deal with us.").language
    'en'
    >>> decide("$15.3 — 22%").language
    'und'

    langdetect alone calls this English (p = 0.9999998): the Latin names outweigh the
    Han characters in its features, so the script decides first.

    >>> decide("（操作員說明）我們的第一個問題來自 Needham & Company 的 Rich Valera。")
    Decision(language='zh', method='script', confidence=0.95)
    """
    decision = _script_decision(text)
    if decision is not None:
        return decision
    try:
        probabilities = langdetect_probabilities(text)
    except ValueError:
        return Decision("und", "featureless", 1.0)
    chinese = sum(p for lang, p in probabilities.items() if lang in tables.CHINESE_TAGS)
    english = probabilities.get("en", 0.0)
    if chinese > english:
        return Decision("zh", "langdetect", round(chinese, 4))
    return Decision("en", "langdetect", round(english, 4))


def chinese_script(text: str) -> str | None:
    """``zh-Hant`` or ``zh-Hans`` when the characters that differ say so, else ``None``.

    >>> chinese_script("這是我們的業績"), chinese_script("这是我们的业绩"), chinese_script("季度")
    ('zh-Hant', 'zh-Hans', None)
    """
    traditional = sum(1 for c in text if c in tables.TRADITIONAL_ONLY)
    simplified = sum(1 for c in text if c in tables.SIMPLIFIED_ONLY)
    if traditional > simplified:
        return "zh-Hant"
    if simplified > traditional:
        return "zh-Hans"
    return None


def page_script(texts: list[str]) -> tuple[str, str]:
    """The page's Chinese script and how it was decided.

    By the characters that differ between the scripts; failing that, by langdetect when
    there is enough text for its larger tables and they know its characters; failing that,
    Traditional, the site's own.

    >>> page_script(["這是", "季度"]), page_script(["季度"])
    (('zh-Hant', 'characters'), ('zh-Hant', "the site's default"))
    >>> page_script(["矇" * 40])  # a character langdetect knows nothing of
    ('zh-Hant', "the site's default")
    """
    votes = Counter(script for script in map(chinese_script, texts) if script)
    if votes:
        return votes.most_common(1)[0][0], "characters"
    joined = " ".join(texts)
    if len(tables.HAN.findall(joined)) >= tables.SCRIPT_LANGDETECT_MIN_HAN:
        try:
            probabilities = langdetect_probabilities(joined)
        except ValueError:
            probabilities = {}  # characters langdetect has no features for
        if any(probabilities.get(lang) for lang in tables.CHINESE_TAGS):
            best = max(tables.CHINESE_TAGS, key=lambda lang: probabilities.get(lang, 0.0))
            return tables.CHINESE_TAGS[best], "langdetect"
    return "zh-Hant", "the site's default"
