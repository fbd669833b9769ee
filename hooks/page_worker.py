"""Hook: the worker process that links terms and counts readability for this build (guide/page_worker.py)."""

from guide import page_worker
from mkdocs.plugins import event_priority


@event_priority(110)  # before data/ is validated: the worker starts up (imports textstat) meanwhile
def on_config(config):
    page_worker.start()
    return config


def on_build_error(error):
    page_worker.stop()


def on_shutdown():
    page_worker.stop()
