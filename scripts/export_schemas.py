"""Write schemas/<name>.schema.json from the models (run by `make schemas`)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide.schemas import SCHEMAS, render_schema, schema_filename  # noqa: E402

for name in SCHEMAS:
    target = ROOT / "schemas" / schema_filename(name)
    target.parent.mkdir(exist_ok=True)
    target.write_text(render_schema(name), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
