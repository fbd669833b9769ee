"""Hook: the worker process that links terms and counts readability for this build (guide/page_worker.py).

It is listed first in mkdocs.yml and starts its worker when MkDocs loads it: MkDocs loads
hooks while it reads mkdocs.yml, before the other hooks load pydantic and data/, so the
worker has started and loaded textstat by the time the first page is made (about 0.1 s
sooner than at ``on_config``). ``mkdocs serve`` reads mkdocs.yml again for each rebuild,
so each build gets its own worker; a config built a second time gets one at ``on_config``.
"""

from guide import page_worker
from mkdocs.plugins import event_priority

page_worker.start()


@event_priority(110)  # before data/ is validated and the glossary sends the terms
def on_config(config):
    page_worker.running()
    return config


def on_build_error(error):
    page_worker.stop()


def on_shutdown():
    page_worker.stop()
