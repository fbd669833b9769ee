"""Readability counts in a second process, while MkDocs renders the pages that follow.

Counting what a reader reads (textstat's words, sentences and syllables over the page's
blocks) is pure work on text that is final once a page's HTML is. On a 1,000-page site it
took about 2.5 s, all of it in the one thread MkDocs builds with. A worker process counts
each page as soon as it is rendered, on another core, and the build collects the counts
once every page is done (``on_env``), before any page is written.

The worker is a fresh interpreter, not a fork: a forked child shares the build's growing
heap, and copy-on-write made a forked worker cost more than it saved. It imports textstat
itself, so the build does not need to. It reads the pages on a thread of its own from the
start, so the build never waits on a full pipe while the worker is still importing.

Messages are pickles on the worker's stdin and stdout: ``(key, html)`` for each page, then
``None``; the worker answers once, at the end, with ``{key: TextCounts}``. A page sent twice
is counted as last sent.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from .readability import TextCounts


class WorkerFailed(RuntimeError):
    """The worker stopped before answering; its traceback went to the build's stderr."""


HOOKS_DIR = Path(__file__).resolve().parents[1]
"""The folder holding the ``guide`` package: the worker imports it from there."""


class CountingWorker:
    """The build's side: send pages as they are finished, then collect every page's counts."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HOOKS_DIR), env.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "guide.counting_worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self._sent: dict[str, str] = {}

    def submit(self, key: str, html: str) -> None:
        self._send((key, html))
        self._sent[key] = html

    def _send(self, message) -> None:
        """Write one message; a worker that has died is reported by :meth:`counts`, not here."""
        try:
            pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except (BrokenPipeError, ValueError):  # ValueError: the pipe was closed after an earlier break
            self._close_input()

    def _close_input(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # the last pages could not be flushed into a dead worker
            self._process.stdin.close()

    def counts(self, pages: Mapping[str, str]) -> dict[str, TextCounts]:
        """The counts of ``pages`` (key -> final HTML); a page not sent yet, or changed since, is sent now."""
        for key, html in pages.items():
            if self._sent.get(key) != html:
                self.submit(key, html)
        self._send(None)
        self._close_input()
        try:
            counted = pickle.load(self._process.stdout)
        except EOFError:
            counted = None
        status = self._process.wait()
        if counted is None or status != 0:
            raise WorkerFailed(f"the readability worker stopped (exit status {status}); its error is printed above")
        return {key: counted[key] for key in pages}

    def close(self) -> None:
        """Stop a worker whose build failed before it was asked for counts."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._close_input()
        self._process.stdout.close()


def _read_pages(source: BinaryIO, inbox: queue.SimpleQueue) -> None:
    try:
        while (message := pickle.load(source)) is not None:
            inbox.put(message)
    except EOFError:  # the build stopped without asking for counts
        inbox.put(EOFError)
        return
    inbox.put(None)


def serve(source: BinaryIO, sink: BinaryIO) -> int:
    """The worker's side: count each page received, answer with all counts at the end."""
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read_pages, args=(source, inbox), daemon=True).start()
    from .readability import counts_html

    counts_html("<p>Ready.</p>")  # load textstat, the dictionary and the patterns while pages arrive
    counted: dict[str, TextCounts] = {}
    while (message := inbox.get()) is not None:
        if message is EOFError:
            return 0
        key, html = message
        counted[key] = counts_html(html)
    pickle.dump(counted, sink, protocol=pickle.HIGHEST_PROTOCOL)
    sink.flush()
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.stdin.buffer, sys.stdout.buffer))
