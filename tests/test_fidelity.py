"""Every sentence of the source article is on the site, with its words and numbers unchanged."""

from __future__ import annotations

import pytest
from conftest import ROOT
from guide.article import Article, normalise
from pagetext import content_pages, content_text

ARTICLE = Article.from_path(ROOT / "source/can-you-cure-cancer-of-the-spine.txt")


@pytest.fixture(scope="module")
def site_text(hosted_site) -> str:
    return normalise(" ".join(content_text(page) for page in content_pages(hosted_site)))


def test_article_has_the_expected_shape():
    assert len(ARTICLE.sentences) == 45
    assert "up to 97% of malignant spinal masses" in ARTICLE.normalised
    assert "prompt pain reduction for 80-90% of patients" in ARTICLE.normalised


@pytest.mark.parametrize("sentence", ARTICLE.sentences, ids=lambda s: s[:40])
def test_sentence_is_on_the_site(site_text, sentence):
    assert normalise(sentence) in site_text


def test_key_numbers_unchanged(site_text):
    assert "up to 97% of malignant spinal masses" in site_text
    assert "prompt pain reduction for 80-90% of patients" in site_text


def test_repo_copy_matches_the_article_headings(site_text):
    """Headings keep the article's meaning, with their lost punctuation restored."""
    for heading in (
        "Understanding spinal cancer: primary versus metastatic",
        "The curability question: prognosis based on cancer type",
        "Supportive care and maintaining function",
    ):
        assert heading in site_text


def test_site_states_it_is_not_medical_advice(site_text):
    assert "not medical advice" in site_text.lower()
