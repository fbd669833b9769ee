"""The lazily parsed hyphenation patterns give textstat exactly the syllables Pyphen's eager parse would."""

from __future__ import annotations

import pyphen
import pytest
from conftest import ROOT
from guide.hyphenation import EAGER_AFTER_WORDS, LazyHyphDict, LazyPatterns, pattern_lines
from guide.pronunciations import Pronunciations
from guide.readability import LANGUAGE, textstat
from textstat.backend.counts import _count_syllables
from textstat.backend.utils._get_pyphen import get_pyphen

textstat()  # loads textstat as readability does: Pyphen gets the lazy patterns
PATH = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
EAGER = pyphen.HyphDict(PATH)
ARTICLE = (ROOT / "source/can-you-cure-cancer-of-the-spine.txt").read_text(encoding="utf-8")
WORDS = sorted(set(Pronunciations())) + ["kyphoplasty", "vertebroplasty", "ependymoma", "astrocytoma", "chordoma"]


def test_every_pattern_is_parsed_as_pyphen_parses_it():
    lazy = LazyHyphDict(PATH)
    assert set(lazy.patterns) == set(EAGER.patterns)
    assert all(lazy.patterns[letters] == EAGER.patterns[letters] for letters in EAGER.patterns)
    assert lazy.maxlen == EAGER.maxlen


def eager_pyphen(monkeypatch) -> pyphen.Pyphen:
    """Pyphen as it is without this module; its own cache is swapped out, so ours stays in place."""
    monkeypatch.setattr(pyphen, "hdcache", {})
    return pyphen.Pyphen(lang=LANGUAGE)


def test_hyphenation_points_equal_the_eager_parse(monkeypatch):
    lazy = pyphen.Pyphen(lang=LANGUAGE)
    eager = eager_pyphen(monkeypatch)
    assert isinstance(lazy.hd, LazyHyphDict) and not isinstance(eager.hd, LazyHyphDict)
    assert [lazy.positions(word) for word in WORDS[::7]] == [eager.positions(word) for word in WORDS[::7]]


def test_textstat_counts_missing_words_with_the_lazy_patterns(monkeypatch):
    assert isinstance(get_pyphen(LANGUAGE).hd, LazyHyphDict)
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: {})  # every word falls back to Pyphen
    lazy = _count_syllables.count_syllables.__wrapped__(ARTICLE, LANGUAGE)
    eager = eager_pyphen(monkeypatch)
    monkeypatch.setattr(_count_syllables, "get_pyphen", lambda lang: eager)
    assert lazy == _count_syllables.count_syllables.__wrapped__(ARTICLE, LANGUAGE)


def test_nothing_is_parsed_until_a_word_needs_it():
    lazy = LazyHyphDict(PATH)
    assert "patterns" not in vars(lazy)
    lazy.positions("kyphoplasty")
    assert 0 < len(lazy.patterns._parsed) < 100


def test_many_words_switch_to_the_eager_parse(monkeypatch):
    lazy = LazyHyphDict(PATH)
    eager = eager_pyphen(monkeypatch).hd
    words = WORDS[: EAGER_AFTER_WORDS + 50]
    points = [lazy.positions(word) for word in words]
    assert type(lazy.patterns) is dict and lazy.patterns == EAGER.patterns
    assert points == [eager.positions(word) for word in words]


def test_zero_only_and_repeated_patterns_follow_pyphen():
    patterns = LazyPatterns(["a1b", "x0y", "a2b0", "c1d"])
    assert "xy" not in patterns and patterns.get("xy") is None
    assert patterns["ab"] == (1, (2,))  # the later line wins
    with pytest.raises(KeyError):
        patterns["zz"]


def test_files_with_escapes_or_alternatives_are_left_to_pyphen(tmp_path):
    path = tmp_path / "hyph_xx.dic"
    path.write_text("UTF-8\nLEFTHYPHENMIN 2\n1b\nc1^^e9\n", encoding="utf-8")
    assert pattern_lines(path) is None
    assert dict(LazyHyphDict(path).patterns) == pyphen.HyphDict(path).patterns
    path.write_text("UTF-8\n1b\n\u0663a\n", encoding="utf-8")  # an Arabic-Indic 3
    assert pattern_lines(path) is None
    assert dict(LazyHyphDict(path).patterns) == pyphen.HyphDict(path).patterns
    path.write_text("UTF-8\nLEFTHYPHENMIN 2\n1b\n\n% comment\n", encoding="utf-8")
    assert pattern_lines(path) == ["1b"]
