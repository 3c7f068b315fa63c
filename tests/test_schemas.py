"""schemas/ must match the models: run `reportparse schema` after changing models.py."""

from conftest import ROOT
from reportparse.schema import schema_texts


def test_schemas_are_current():
    for name, text in schema_texts().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{name} missing: run `reportparse schema`"
        assert path.read_text(encoding="utf-8") == text, f"{name} is stale: run `reportparse schema`"
