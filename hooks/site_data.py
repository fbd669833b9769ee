"""Hook: load and validate data/ and the source article at the start of every build."""

from pathlib import Path

from guide import site_data
from guide.wiring import project_root, reports_data_errors
from mkdocs.plugins import event_priority


@event_priority(100)
@reports_data_errors
def on_config(config):
    site_data.load(project_root(config), Path(config.docs_dir))
    return config
