"""A value loaded once per build and read by several hooks.

Hooks are separate modules; what one loads in ``on_config`` the others read later in
the same build. Loading again on every build (each rebuild of ``mkdocs serve`` too)
keeps edits to data/ visible, which a module-level cache would not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from .errors import DataError

T = TypeVar("T")


class PerBuild(Generic[T]):
    def __init__(self, loader: Callable[[Path, Path], T], hook: str):
        self._loader = loader
        self._hook = hook
        self._value: T | None = None

    def load(self, root: Path, docs_dir: Path) -> T:
        self._value = self._loader(root, docs_dir)
        return self._value

    def current(self) -> T:
        if self._value is None:
            raise DataError.single(
                self._hook, f"nothing was loaded for this build; list {self._hook} in mkdocs.yml hooks:"
            )
        return self._value


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/, by its path there, read once per loader."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }
