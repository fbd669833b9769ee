"""The term linker: first mention only, never inside code, links, headings, tags or URLs."""

from __future__ import annotations

import re

from guide.models import GlossaryTerm
from guide.term_linker import LinkedTerm, TermLinker, _trie_pattern
from hypothesis import given, settings
from hypothesis import strategies as st


def term(slug, name, *aliases, short="A short, plain definition."):
    return GlossaryTerm(
        slug=slug, term=name, aliases=list(aliases), short=short, source={"reference": "Test reference"}
    )


TERMS = [
    term("spinal-cord", "spinal cord"),
    term("spinal-cord-compression", "spinal cord compression"),
    term("chordoma", "chordoma", "chordomas"),
    term("srs", "SRS"),
    term("metastasis", "metastasis", "metastases"),
]
LINKER = TermLinker(TERMS)


def link(html):
    return LINKER.link(html, lambda slug: f"../glossary/#{slug}")


def test_first_mention_only_and_backlink_record():
    result = link("<p>A chordoma. Two chordomas.</p><p>chordoma again</p>")
    assert result.html.count('data-term="chordoma"') == 1
    assert result.linked == ["chordoma"]
    assert 'href="../glossary/#chordoma"' in result.html
    assert result.html.endswith("Two chordomas.</p><p>chordoma again</p>")


def test_longest_match_wins():
    result = link("<p>Pressure causes spinal cord compression.</p>")
    assert result.linked == ["spinal-cord-compression"]
    assert ">spinal cord compression</a>" in result.html


def test_acronyms_match_case_sensitively_words_do_not():
    assert link("<p>srs or Srs</p>").linked == []
    assert link("<p>SRS</p>").linked == ["srs"]
    assert link("<p>Chordomas are rare</p>").linked == ["chordoma"]


def test_text_whose_lowercase_changes_length_is_matched_in_its_own_case():
    """ "İ" lowercases to two characters; positions in the lowercased copy would be off by one."""
    result = link("<p>İzmir: SRS and Chordomas, srs, WWW.example.org/metastasis</p>")
    assert result.linked == ["srs", "chordoma"]
    assert ">SRS</a></span> and " in result.html and ">Chordomas</a></span>, srs," in result.html
    assert result.html.endswith("WWW.example.org/metastasis</p>"), "a URL is still left alone"


def test_skips_headings_code_links_titles_and_urls():
    html = (
        "<h2 id='chordoma'>Chordoma</h2><p><code>chordoma</code> <a href='x'>chordoma</a> "
        "https://example.org/chordoma</p><div class='admonition'><p class='admonition-title'>chordoma</p></div>"
        "<pre><code>metastasis</code></pre><img alt='chordoma'>"
    )
    assert link(html).html == html


def test_attributes_are_never_touched():
    html = '<p title="chordoma" data-x="SRS">text</p>'
    assert link(html).html == html


def test_words_inside_other_words_are_not_terms():
    assert link("<p>nonchordoma, chordoma-like, metastasisx</p>").linked == []


def test_tooltip_text_is_escaped():
    evil = term("evil", "evil", short='<img src=x onerror="alert(1)">')
    linker = TermLinker([evil])
    html = linker.add_tooltips(linker.link("<p>evil</p>", lambda s: "#" + s).html)
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_links_go_in_first_and_tooltips_after_search_and_readability():
    """Search and readability read the page before its tooltips: no definition may be in it twice."""
    linked = link("<p>A chordoma and SRS.</p>").html
    assert "gl__tip" not in linked
    finished = LINKER.add_tooltips(f"<html><body>{linked}</body></html>")
    chordoma = LINKER.terms["chordoma"]
    assert (
        '<a class="gl__term" href="../glossary/#chordoma" data-term="chordoma" aria-describedby="gl-tip-chordoma">'
        f'chordoma</a><span class="gl__tip" role="tooltip" id="gl-tip-chordoma">{chordoma.short}</span></span>'
    ) in finished
    assert finished.count('class="gl__tip"') == 2
    assert LINKER.add_tooltips(finished) == finished, "once only"


def test_a_tooltip_follows_a_link_whatever_the_order_of_its_attributes():
    moved = '<a class="gl__term" aria-describedby="page-x--gl-tip-chordoma more" data-term="chordoma" href="#g">c</a>'
    assert LINKER.add_tooltips(moved).endswith(
        'id="page-x--gl-tip-chordoma">' + LINKER.terms["chordoma"].short + "</span>"
    )
    unknown = '<a class="gl__term" href="#g" data-term="nothing-here" aria-describedby="gl-tip-nothing-here">n</a>'
    assert LINKER.add_tooltips(unknown) == unknown
    no_tip_id = '<a class="gl__term" href="#g" data-term="chordoma">c</a>'
    assert LINKER.add_tooltips(no_tip_id) == no_tip_id


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", " chordoma ", " SRS ", " text ", ' data-search-exclude="true"', "<div"]),
        max_size=12,
    )
)
def test_removing_search_attributes_and_adding_tooltips_can_come_in_either_order(pieces):
    """The glossary hook relies on it: readers get the worker's copy with tooltips, less search's attributes."""
    from guide.search_view import strip_search_attributes

    html = link("".join(pieces) + '<p data-search-exclude="true">chordoma, SRS.</p>').html
    assert strip_search_attributes(LINKER.add_tooltips(html)) == LINKER.add_tooltips(strip_search_attributes(html))


def test_a_tooltip_takes_the_id_the_link_points_at():
    """The whole-guide page rewrites ids per section; the tooltip must match the rewritten link."""
    moved = (
        '<span class="gl"><a class="gl__term" href="#g" data-term="srs" '
        'aria-describedby="page-treatment-radiation--gl-tip-srs">SRS</a></span>'
    )
    assert 'id="page-treatment-radiation--gl-tip-srs">' in LINKER.add_tooltips(moved)
    unknown = moved.replace('data-term="srs"', 'data-term="no-such-term"')
    assert LINKER.add_tooltips(unknown) == unknown


def test_trie_pattern_matches_exactly_its_words():
    words = ["a", "ab", "abc", "b", "bcd"]
    pattern = re.compile(f"(?:{_trie_pattern(words)})$")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ["", "abcd", "bc", "c"])


# --- properties ---------------------------------------------------------------

WORDS = ["chordoma", "chordomas", "spinal cord", "SRS", "srs", "metastases", "the", "and", "pain", "cord"]
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
protected = st.one_of(
    words.map(lambda w: f"<code>{w}</code>"),
    words.map(lambda w: f'<a href="/x/{w.replace(" ", "-")}">{w}</a>'),
    words.map(lambda w: f"<h3>{w}</h3>"),
    words.map(lambda w: f'<span title="{w}">x</span>'),
    words.map(lambda w: "https://example.org/" + w.replace(" ", "/")),
)
fragment = st.lists(st.one_of(words, protected), min_size=1, max_size=6)


def strip_links(html):
    """Undo the linker: drop tooltips and unwrap term links."""
    html = re.sub(r'<span class="gl__tip"[^>]*>.*?</span>', "", html)
    html = re.sub(r'<span class="gl"><a class="gl__term"[^>]*>(.*?)</a></span>', r"\1", html)
    return html


@settings(max_examples=200, deadline=None)
@given(fragment)
def test_protected_parts_survive_and_text_is_unchanged(parts):
    html = "<p>" + " ".join(parts) + "</p>"
    result = link(html)
    assert strip_links(result.html) == html
    for part in parts:
        if part.startswith(("<code>", "<a ", "<h3>", "<span", "https://")):
            assert part in result.html


@settings(max_examples=200, deadline=None)
@given(fragment)
def test_idempotent_and_at_most_one_link_per_term(parts):
    html = "<p>" + " ".join(parts) + "</p>"
    once = link(html).html
    assert link(once).html == once
    slugs = re.findall(r'data-term="([a-z-]+)"', once)
    assert len(slugs) == len(set(slugs))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda s: '"' not in s))
def test_a_tooltip_rendered_once_per_term_equals_the_macro_for_any_id(tip_id):
    linker = TermLinker([term("chordoma", "chordoma", short='Rare & "slow" <tumor>')])
    expected = str(linker._tooltip(linker.terms["chordoma"], tip_id))
    assert linker._tooltip_markup("chordoma", tip_id) == expected
    assert linker._tooltip_markup("chordoma", tip_id) == expected, "and the second time, from the stored parts"


def test_a_definition_holding_the_stand_in_is_still_rendered_right():
    odd = TermLinker([term("odd", "odd", short="A \x00tooltip-id\x00 B")])
    assert odd._tooltip_markup("odd", "gl-tip-odd") == str(odd._tooltip(odd.terms["odd"], "gl-tip-odd"))


def test_the_term_patterns_are_compiled_only_when_a_page_is_linked():
    """The build itself only adds tooltips; the worker links (about 30 ms of patterns for this glossary)."""
    linker = TermLinker([LinkedTerm("chordoma", ("chordoma",), "A rare bone tumor.")])
    linker.add_tooltips('<p><a class="gl__term" data-term="chordoma" href="g#chordoma">chordoma</a></p>')
    assert not {"_term", "_pattern", "_pattern_no_url"} & set(vars(linker))
    assert "gl__term" in linker.link("<p>A chordoma.</p>", lambda slug: f"g#{slug}").html
