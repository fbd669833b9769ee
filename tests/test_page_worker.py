"""The page worker links and counts exactly as the build would itself, and never outlives a build."""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
import subprocess
import sys

import pytest
from conftest import ROOT
from guide import page_worker
from guide.models import GlossaryTerm
from guide.page_worker import STEP_BLOCKS, PageWorker, WorkerFailed, _Pages, serve
from guide.print_layout import PrintLayout
from guide.readability import TextCounts, counts_html
from guide.term_linker import LinkedTerm, TermLinker

PAGES = {
    "index.md": "<h1>Spine tumors</h1><p>Most are metastatic. A chordoma is rare; chordomas grow slowly.</p>",
    "care.md": '<p>Rest, then <a href="x">walk</a> a little.</p><ul><li>Heat</li><li>Cold!</li></ul>',
    "empty.md": "",
}
TERMS = [
    GlossaryTerm(
        slug="chordoma", term="chordoma", aliases=["chordomas"], short="A rare bone tumor.", source={"reference": "R"}
    ),
    GlossaryTerm(slug="metastatic", term="metastatic", short="Spread from elsewhere.", source={"reference": "R"}),
]
ADDRESS = "../glossary/"


def test_worker_counts_equal_counting_in_the_build():
    worker = PageWorker()
    for key, html in PAGES.items():
        worker.count(key, html)
    assert worker.counts(PAGES) == {key: counts_html(html) for key, html in PAGES.items()}


def test_worker_links_as_the_term_linker_does_and_counts_the_linked_page():
    worker = PageWorker()
    worker.use_terms(TERMS)
    for key, html in PAGES.items():
        worker.link(key, html, ADDRESS)
    assert all(worker.will_count(key) for key in PAGES)
    linked = worker.links()
    here = TermLinker(TERMS)
    for key, html in PAGES.items():
        expected = here.link(html, lambda slug: f"{ADDRESS}#{slug}")
        assert linked[key][:2] == (expected.html, expected.linked)
        assert linked[key].with_tooltips == here.add_tooltips(expected.html)
    assert linked["index.md"][1] == ["metastatic", "chordoma"]
    assert not worker.will_count("index.md"), "collected"
    final = {key: page.html for key, page in linked.items()}
    assert worker.counts(final) == {key: counts_html(html) for key, html in final.items()}


def test_pages_changed_or_never_sent_are_counted_as_they_are_at_the_end():
    worker = PageWorker()
    worker.count("index.md", "<p>An old first draft with many more words in it than the last.</p>")
    final = {"index.md": PAGES["index.md"], "care.md": PAGES["care.md"]}
    assert worker.counts(final) == {key: counts_html(html) for key, html in final.items()}


def test_a_failing_worker_stops_the_build_with_a_clear_error():
    worker = PageWorker()
    worker.count("broken.md", None)  # not HTML: counting it raises in the worker
    with pytest.raises(WorkerFailed, match="page worker stopped"):
        worker.counts({})


def test_close_stops_a_worker_that_was_never_asked():
    worker = PageWorker()
    worker.count("index.md", PAGES["index.md"])
    worker.close()
    assert worker._process.poll() is not None
    worker.close()  # twice is harmless (a failed build, then MkDocs shutting down)


def test_one_worker_per_build():
    first = page_worker.start()
    second = page_worker.start()
    assert first._process.poll() is not None, "a new build stops the last build's worker"
    assert page_worker.current() is second
    page_worker.stop()
    assert second._process.poll() is not None
    with pytest.raises(WorkerFailed, match="list hooks/page_worker.py"):
        page_worker.current()


def _messages(*messages) -> io.BytesIO:
    stream = io.BytesIO()
    for message in messages:
        pickle.dump(message, stream)
    stream.seek(0)
    return stream


def test_serve_answers_what_it_is_asked_and_counts_each_page_as_last_sent():
    sink = io.BytesIO()
    terms = [LinkedTerm.of(term) for term in TERMS]
    messages = _messages(
        ("terms", terms),
        ("link", "a.md", "<p>A chordoma.</p>", ADDRESS),
        ("links",),
        ("count", "b.md", "<p>One two three.</p>"),
        ("count", "b.md", "<p>Four.</p>"),
        ("counts",),
    )
    serve(messages, sink)
    sink.seek(0)
    links, counts = pickle.load(sink), pickle.load(sink)
    here = TermLinker(terms)
    linked = here.link("<p>A chordoma.</p>", lambda slug: f"{ADDRESS}#{slug}")
    assert links == {"a.md": (linked.html, ["chordoma"], here.add_tooltips(linked.html))}
    assert 'role="tooltip"' in links["a.md"].with_tooltips
    assert counts == {"a.md": counts_html(linked.html), "b.md": counts_html("<p>Four.</p>")}
    assert isinstance(counts["b.md"], TextCounts)


def test_serve_says_nothing_when_the_build_goes_away():
    sink = io.BytesIO()
    assert serve(_messages(("count", "a.md", "<p>One.</p>")), sink) == 0
    assert sink.getvalue() == b""


def test_the_worker_never_loads_pydantic():
    """Glossary entries travel as LinkedTerm: the worker's start-up stays short."""
    code = (
        "import pickle, sys; from guide.page_worker import _Pages; "
        "from guide.term_linker import LinkedTerm; "
        "_Pages().terms(pickle.loads(pickle.dumps([LinkedTerm('a', ('a',), 'A.')]))); "
        "print('pydantic' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == "False"


def test_the_hook_starts_the_worker_when_mkdocs_loads_it():
    """Started on import, while MkDocs loads the other hooks; on_config keeps that worker."""
    spec = importlib.util.spec_from_file_location("page_worker_hook", ROOT / "hooks" / "page_worker.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    started = page_worker.current()
    assert started._process.poll() is None
    hook.on_config(None)
    assert page_worker.current() is started
    page_worker.stop()
    hook.on_config(None)  # the same config built again: its first worker is done
    assert page_worker.current() is not started
    assert page_worker.current()._process.poll() is None
    page_worker.stop()


def test_a_page_sent_later_is_not_counted_before():
    worker = PageWorker()
    worker.sends_later("glossary.md")
    assert worker.will_count("glossary.md") and not worker.will_count("index.md")
    final = {"glossary.md": PAGES["index.md"]}
    assert worker.counts(final) == {"glossary.md": counts_html(PAGES["index.md"])}


def test_links_come_before_counts_and_counting_fills_idle_time():
    pages = _Pages()
    pages.terms([LinkedTerm.of(term) for term in TERMS])
    pages.link("a.md", "<p>A chordoma.</p>", ADDRESS)
    pages.count("b.md", "<p>One two three.</p>")
    assert "a.md" in pages.links and pages.counted == {}, "linked at once, counted when idle"
    assert pages.work_while_idle() and pages.counted == {}, "textstat loads first"
    assert pages.work_while_idle() and list(pages.counted) == ["a.md"], "the page waiting longest"
    pages.count("b.md", "<p>Four.</p>")  # sent again before its turn: counted once, as last sent
    assert pages.work_while_idle() and pages.counted["b.md"] == counts_html("<p>Four.</p>")
    assert not pages.work_while_idle()


def test_a_message_that_is_not_one_stops_the_worker_instead_of_hanging():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    done = subprocess.run(
        [sys.executable, "-m", "guide.page_worker"], input=b"not a pickle\n", capture_output=True, env=env, timeout=60
    )
    assert done.returncode != 0
    assert b"UnpicklingError" in done.stderr


def test_a_page_sent_to_count_after_it_was_sent_to_link_is_counted_as_sent_last():
    """The print page: linked like any page, then its frame is what readability counts."""
    worker = PageWorker()
    worker.use_terms(TERMS)
    worker.link("print.md", PAGES["index.md"], ADDRESS)
    worker.count("print.md", PAGES["care.md"])
    worker.links()
    sent = []
    send = worker._send
    worker._send = lambda message: sent.append(message[0]) or send(message)
    assert worker.counts({"print.md": PAGES["care.md"]}) == {"print.md": counts_html(PAGES["care.md"])}
    assert sent == ["counts"], "not sent a second time"


def test_the_worker_moves_each_linked_page_onto_the_print_page():
    layout = PrintLayout("print/", {"index.md": "", "care.md": "care/"})
    worker = PageWorker()
    worker.use_terms(TERMS)
    worker.use_layout(layout)
    for key in ("index.md", "care.md", "empty.md"):
        worker.link(key, PAGES[key], ADDRESS)
    linked = {key: page.html for key, page in worker.links().items()}
    final = {**linked, "care.md": "<p>Changed after linking.</p>"}
    moved = {key: html for key, html in worker.moved().items() if worker.is_as_linked(key, final[key])}
    with_tooltips = TermLinker(TERMS).add_tooltips(layout.move("index.md", linked["index.md"]))
    assert 'id="page-index--gl-tip-metastatic"' in with_tooltips, "the tooltip takes the section's prefix"
    assert moved == {"index.md": with_tooltips}, (
        "a page changed since, or not on the print page, is the build's to move"
    )
    worker.close()


LONG_PAGE = "".join(f"<p>Block {n} has a chordoma in it, and then it ends.</p>" for n in range(2 * STEP_BLOCKS + 7))


def test_a_long_page_is_counted_in_steps_to_the_same_counts():
    pages = _Pages()
    pages.work_while_idle()  # textstat
    pages.count("print.md", LONG_PAGE)
    steps = 0
    while pages.work_while_idle():
        steps += 1
    assert steps == 3, "a question waits for one step, not for the whole page"
    assert pages.counted == {"print.md": counts_html(LONG_PAGE)}


def test_a_page_sent_again_while_it_is_counted_is_counted_as_sent_last():
    pages = _Pages()
    pages.work_while_idle()
    pages.count("print.md", LONG_PAGE)
    assert pages.work_while_idle() and "print.md" not in pages.counted, "part way"
    pages.count("print.md", PAGES["care.md"])
    assert pages.all_counts() == {"print.md": counts_html(PAGES["care.md"])}
