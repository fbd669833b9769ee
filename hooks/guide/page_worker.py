"""Term links and readability counts in a second process, while MkDocs renders the pages that follow.

Linking a page's terms and counting what a reader reads (textstat's words, sentences and
syllables) are pure work on a page's finished HTML. On a 1,000-page site they took about
4 s, all of it in the one thread MkDocs builds with. A worker process does both for each
page as soon as its HTML is made, on another core. The build collects the linked pages
when every page is made (the glossary's ``on_env``, which needs them for "Appears on"), and
the counts last (``on_env`` of the page-info hook), before any page is written.

The worker is a fresh interpreter, not a fork: a forked child shares the build's growing
heap, and copy-on-write made a forked worker cost more than it saved. It starts when MkDocs
loads ``hooks/page_worker.py``, the first hook, and loads textstat while MkDocs loads the
rest; it never loads pydantic (glossary entries travel as :class:`LinkedTerm`). It reads on
a thread of its own from the start, so the build never waits on a full pipe while the
worker is still starting. It links each page as it comes, because the build asks for the
links first, and counts in the time it would otherwise wait for the next page.

Messages are pickles on the worker's stdin and stdout; the worker answers only when asked,
so neither side ever waits for the other to read:

- ``("terms", [LinkedTerm, …])``: the glossary, before the first page;
- ``("layout", PrintLayout)``: where each page goes on the print page, before the first page;
- ``("link", key, html, glossary_address)``: link the page's terms and add their tooltips,
  then move the linked page onto the print page (tooltips added there too) and count it;
- ``("count", key, html)``: count a page (one not linked, or changed since);
- ``("links",)``: answer ``{key: Linked}`` for the pages linked since;
- ``("moved",)``: answer ``{key: section_html}`` for every page moved onto the print page;
- ``("counts",)``: answer ``{key: TextCounts}`` for every page, and stop.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from .print_layout import PrintLayout
from .readability import TextCounts, count, counts_html, readable_blocks
from .term_linker import LinkedTerm, TermLinker

if TYPE_CHECKING:
    from .models import GlossaryTerm

Key = str | tuple[str, str]
"""A page's path under docs/, or a part of a page counted on its own (the print page's parts)."""

HOOKS_DIR = Path(__file__).resolve().parents[1]
"""The folder holding the ``guide`` package: the worker imports it from there."""


class Linked(NamedTuple):
    """A page as the worker linked it."""

    html: str
    slugs: list[str]
    """The terms linked on it, in order."""
    with_tooltips: str
    """``html`` with each term's tooltip after its link: what readers get (glossary.py)."""


class WorkerFailed(RuntimeError):
    """The worker stopped before answering; its traceback went to the build's stderr."""


class PageWorker:
    """The build's side: send pages as they are made, then collect links and counts."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HOOKS_DIR), env.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "guide.page_worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self._counted: dict[Key, str] = {}
        """The HTML the worker counts for each page, as far as the build knows it."""
        self._linking: set[str] = set()
        self._later: set[str] = set()
        self._linked: dict[str, str] = {}
        """Each page as the worker linked it (and moved it onto the print page)."""

    def use_terms(self, terms: Sequence[GlossaryTerm]) -> None:
        self._send(("terms", [LinkedTerm.of(term) for term in terms]))

    def link(self, key: str, html: str, glossary_address: str) -> None:
        """Link the terms in ``html``; ``glossary_address`` is the glossary page's URL from this page."""
        self._send(("link", key, html, glossary_address))
        self._linking.add(key)

    def use_layout(self, layout: PrintLayout) -> None:
        self._send(("layout", layout))

    def sends_later(self, key: str) -> None:
        """``key`` changes at ``on_env`` (the glossary's "Appears on" lines) and is sent then:
        counting what it holds before would be wasted on the worker's critical path."""
        self._later.add(key)

    def will_count(self, key: str) -> bool:
        """Whether the page is counted without being sent now: it is being linked, or is sent later."""
        return key in self._linking or key in self._later

    def count(self, key: Key, html: str) -> None:
        """Count ``html`` as the page ``key``; sent after a page to link, it is what is counted."""
        self._send(("count", key, html))
        self._counted[key] = html
        self._linking.discard(key)

    def links(self) -> dict[str, Linked]:
        """Every page linked since the last call."""
        linked = self._ask(("links",))
        for key, page in linked.items():
            self._linked[key] = page.html
            if key in self._linking:  # not sent to be counted since: the worker counts it linked
                self._counted[key] = page.html
                self._linking.discard(key)
        return linked

    def moved(self) -> dict[str, str]:
        """Every page the worker has moved onto the print page, as it linked it (see :meth:`is_as_linked`),
        with its tooltips."""
        return self._ask(("moved",))

    def is_as_linked(self, key: str, html: str) -> bool:
        """Whether ``html`` is the page as the worker linked it (and moved it), not changed since."""
        return self._linked.get(key) == html

    def counts(self, pages: Mapping[Key, str]) -> dict[Key, TextCounts]:
        """The counts of ``pages`` (key -> final HTML); a page not sent yet, or changed since, is sent now."""
        for key, html in pages.items():
            if self._counted.get(key) != html:
                self.count(key, html)
        counted = self._ask(("counts",))
        self._close_input()
        if self._process.wait() != 0:
            raise self._failed()
        return {key: counted[key] for key in pages}

    def close(self) -> None:
        """Stop a worker whose build failed before it was asked for counts."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._close_input()
        self._process.stdout.close()

    def _send(self, message: tuple) -> None:
        """Write one message, all of it: the pipe's buffer held back the end of each page, and
        the glossary page waited in it until the counts were asked for (0.15 s at 1,000 pages).
        A worker that has died is reported when it is asked something."""
        try:
            pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError):  # ValueError: the pipe was closed after an earlier break
            self._close_input()

    def _ask(self, question: tuple):
        self._send(question)
        try:
            return pickle.load(self._process.stdout)
        except EOFError:
            raise self._failed() from None

    def _failed(self) -> WorkerFailed:
        status = self._process.wait()
        return WorkerFailed(f"the page worker stopped (exit status {status}); its error is printed above")

    def _close_input(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # the last pages could not be flushed into a dead worker
            self._process.stdin.close()


def _read_messages(source: BinaryIO, inbox: queue.SimpleQueue) -> None:
    try:
        while True:
            inbox.put(pickle.load(source))
    except EOFError:  # the build is done with the worker, or stopped without asking
        inbox.put(None)
    except Exception as error:  # not a message: the worker must stop with it, not wait for the next
        inbox.put(error)


STEP_BLOCKS = 50
"""Blocks counted in one step (a few milliseconds): a question waits for one step at most."""


class _Counting:
    """One page being counted a step at a time, so that a long page (the print page's frame,
    0.4 s at 1,000 pages) never keeps the build waiting for an answer. Counts add up block
    by block, so the sum is :func:`counts_html`'s."""

    def __init__(self, key: Key, html: str) -> None:
        self.key = key
        self.counts = TextCounts()
        self._blocks = iter(readable_blocks(html))

    def step(self) -> bool:
        """Count the next blocks; True once the page is counted."""
        done = 0
        for block in itertools.islice(self._blocks, STEP_BLOCKS):
            self.counts += count(block)
            done += 1
        return done < STEP_BLOCKS


class _Pages:
    """The worker's side: what it has linked, what waits to be counted, and the counts so far.

    Links come first, because the build waits for them earlier (the glossary's ``on_env``)
    than for counts. Counting fills the time the worker would spend waiting for the next
    page; a page sent again before its turn is counted once, as last sent.
    """

    def __init__(self) -> None:
        self._linker: TermLinker | None = None
        self.links: dict[str, Linked] = {}
        self.counted: dict[Key, TextCounts] = {}
        self._waiting: dict[Key, str] = {}
        """Pages to count, the longest waiting first."""
        self._layout: PrintLayout | None = None
        self.moved: dict[str, str] = {}
        self._to_move: dict[str, str] = {}
        self._counting: _Counting | None = None
        self._ready = False

    def terms(self, terms: list[LinkedTerm]) -> None:
        self._linker = TermLinker(terms)

    def layout(self, layout: PrintLayout) -> None:
        self._layout = layout

    def link(self, key: str, html: str, glossary_address: str) -> None:
        result = self._linker.link(html, lambda slug: f"{glossary_address}#{slug}")
        self.links[key] = Linked(result.html, result.linked, self._linker.add_tooltips(result.html))
        if self._layout is not None and key in self._layout.page_urls:
            self._to_move[key] = result.html
        self.count(key, result.html)

    def count(self, key: Key, html: str) -> None:
        if self._counting is not None and self._counting.key == key:
            self._counting = None  # sent again: the new page is counted instead
        self._waiting.pop(key, None)
        self._waiting[key] = html
        self.counted.pop(key, None)

    def work_while_idle(self) -> bool:
        """Load textstat, move a page onto the print page (asked for before the counts), or count
        the page waiting longest; False when there is nothing to do."""
        if not self._ready:
            counts_html("<p>Ready.</p>")  # textstat, its dictionary and the patterns
            self._ready = True
        elif self._to_move:
            key = next(iter(self._to_move))
            self.moved[key] = self._linker.add_tooltips(self._layout.move(key, self._to_move.pop(key)))
        elif self._counting is not None or self._waiting:
            if self._counting is None:
                key = next(iter(self._waiting))
                self._counting = _Counting(key, self._waiting.pop(key))
            if self._counting.step():
                self.counted[self._counting.key] = self._counting.counts
                self._counting = None
        else:
            return False
        return True

    def all_moved(self) -> dict[str, str]:
        while self._to_move:
            self.work_while_idle()
        return self.moved

    def all_counts(self) -> dict[Key, TextCounts]:
        while self.work_while_idle():
            pass
        return self.counted


def _next_message(inbox: queue.SimpleQueue, pages: _Pages):
    """The next message; while none has come, count what waits. ``None``: the build has gone."""
    while True:
        try:
            message = inbox.get_nowait()
        except queue.Empty:
            if pages.work_while_idle():
                continue
            message = inbox.get()
        if isinstance(message, Exception):
            raise message
        return message


def serve(source: BinaryIO, sink: BinaryIO) -> int:
    """Do each message's work; answer the questions (see the module's docstring)."""
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    reader = threading.Thread(target=_read_messages, args=(source, inbox), daemon=True)
    reader.start()
    pages = _Pages()
    work = {"terms": pages.terms, "layout": pages.layout, "link": pages.link, "count": pages.count}
    while (message := _next_message(inbox, pages)) is not None:
        kind, *args = message
        if kind == "links":
            _answer(sink, pages.links)
            pages.links = {}
        elif kind == "moved":
            _answer(sink, pages.all_moved())
        elif kind == "counts":
            _answer(sink, pages.all_counts())
            reader.join()  # until the build closes the pipe: a reader stopped mid-read fails at exit
            return 0
        else:
            work[kind](*args)
    return 0


def _answer(sink: BinaryIO, value) -> None:
    pickle.dump(value, sink, protocol=pickle.HIGHEST_PROTOCOL)
    sink.flush()


_workers: list[PageWorker] = []


def start() -> PageWorker:
    """A new worker for a new build (each rebuild of ``mkdocs serve`` too), the last one stopped."""
    stop()
    _workers.append(PageWorker())
    return _workers[0]


def running() -> PageWorker:
    """The worker started when MkDocs loaded the hook, or a new one if that one is done
    (the same config built a second time, as tests do)."""
    return _workers[0] if _workers else start()


def current() -> PageWorker:
    if not _workers:
        raise WorkerFailed("no page worker for this build; list hooks/page_worker.py in mkdocs.yml hooks:")
    return _workers[0]


def stop() -> None:
    while _workers:
        _workers.pop().close()


if __name__ == "__main__":
    # Served by the module under its own name, so that what it pickles (Linked) loads in the build.
    from guide import page_worker

    status = page_worker.serve(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.flush()
    # Not sys.exit(): tearing down textstat's 130,000-word dictionary took 40 ms, and the
    # build waits for the worker's exit status. Everything it had to say has been flushed.
    os._exit(status)
