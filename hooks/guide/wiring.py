"""The little that hooks share with MkDocs: turning a DataError into a clean build failure."""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.exceptions import PluginError

from .errors import DataError


def reports_data_errors(event):
    """Contributors see the DataError's text (file, entry, field), never a traceback."""

    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except DataError as error:
            raise PluginError(str(error)) from None

    return wrapper


def project_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent
