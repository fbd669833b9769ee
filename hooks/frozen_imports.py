"""Hook: take what was loaded before the build out of the cyclic garbage collector's walks.

Everything imported before a build (MkDocs, Material, Markdown, Jinja, pydantic and our
models) lives as long as the process, yet every full collection walked all of it again: on
this site one such pass fell in the middle of each build (about 16 ms, most of it pydantic's
objects). ``gc.freeze()`` moves what exists now into a generation the collector skips;
objects freed by reference counting are freed as before. Once per process: ``mkdocs serve``
would otherwise freeze each rebuild's leftovers for good.
"""

import gc

from mkdocs.plugins import event_priority


@event_priority(200)  # every hook is loaded by now, and no page has been read yet
def on_config(config):
    if gc.get_freeze_count() == 0:
        gc.freeze()
    return config
