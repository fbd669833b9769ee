"""The published JSON Schemas are current, and every data file points editors at its schema."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from guide.schemas import SCHEMAS, render_schema, schema_filename


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_file_is_current(name):
    path = ROOT / "schemas" / schema_filename(name)
    assert path.is_file() and path.read_text(encoding="utf-8") == render_schema(name), "run `make schemas`"
    assert json.loads(path.read_text())["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_data_file_declares_its_schema(name):
    first_line = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{schema_filename(name)}"
