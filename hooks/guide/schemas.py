"""JSON Schemas of the data files, published in schemas/ so editors can autocomplete and flag errors."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .models import ComparisonsFile, FactsFile, GlossaryFile, KeyPointsFile, ReviewsFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "facts": FactsFile,
    "glossary": GlossaryFile,
    "comparisons": ComparisonsFile,
    "key_points": KeyPointsFile,
    "reviews": ReviewsFile,
}


def schema_filename(name: str) -> str:
    return f"{name}.schema.json"


def render_schema(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{name}.yml", **schema}
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
