"""The readability worker counts exactly what the build would count itself, and never outlives a build."""

from __future__ import annotations

import io
import pickle

import pytest
from guide.counting_worker import CountingWorker, WorkerFailed, serve
from guide.readability import TextCounts, counts_html

PAGES = {
    "index.md": "<h1>Spine tumors</h1><p>Most are metastatic. Pain is common.</p>",
    "care.md": '<p>Rest, then <a href="x">walk</a> a little.</p><ul><li>Heat</li><li>Cold!</li></ul>',
    "empty.md": "",
}


def test_worker_counts_equal_counting_in_the_build():
    worker = CountingWorker()
    for key, html in PAGES.items():
        worker.submit(key, html)
    assert worker.counts(PAGES) == {key: counts_html(html) for key, html in PAGES.items()}


def test_pages_changed_or_never_sent_are_counted_as_they_are_at_the_end():
    worker = CountingWorker()
    worker.submit("index.md", "<p>An old first draft with many more words in it than the last.</p>")
    final = {"index.md": PAGES["index.md"], "care.md": PAGES["care.md"]}
    counted = worker.counts(final)
    assert counted == {key: counts_html(html) for key, html in final.items()}


def test_a_failing_worker_stops_the_build_with_a_clear_error():
    worker = CountingWorker()
    worker.submit("broken.md", None)  # not HTML: counting it raises in the worker
    with pytest.raises(WorkerFailed, match="readability worker stopped"):
        worker.counts({})


def test_close_stops_a_worker_that_was_never_asked_for_counts():
    worker = CountingWorker()
    worker.submit("index.md", PAGES["index.md"])
    worker.close()
    assert worker._process.poll() is not None
    worker.close()  # twice is harmless (a failed build, then MkDocs shutting down)


def _messages(*messages) -> io.BytesIO:
    stream = io.BytesIO()
    for message in messages:
        pickle.dump(message, stream)
    stream.seek(0)
    return stream


def test_serve_answers_once_with_the_last_counts_of_each_page():
    sink = io.BytesIO()
    serve(_messages(("a.md", "<p>One two three.</p>"), ("a.md", "<p>Four.</p>"), None), sink)
    assert pickle.loads(sink.getvalue()) == {"a.md": counts_html("<p>Four.</p>")}
    assert isinstance(pickle.loads(sink.getvalue())["a.md"], TextCounts)


def test_serve_says_nothing_when_the_build_goes_away():
    sink = io.BytesIO()
    assert serve(_messages(("a.md", "<p>One.</p>")), sink) == 0
    assert sink.getvalue() == b""
