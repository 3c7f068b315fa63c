from __future__ import annotations

import csv
import io
import json

from conftest import CORPUS
from test_load import run_cli

SAMPLE = CORPUS / "sample_township_2018.txt"
OTHER = CORPUS / "town_2017_markdown.md"


def test_json_single_and_lines():
    one = json.loads(run_cli(str(SAMPLE)).stdout)
    assert one["organ"]["value"] == "青石镇人民政府" and one["text"].startswith("青石镇")
    many = run_cli(str(SAMPLE), str(OTHER)).stdout.decode().splitlines()
    assert len(many) == 2 and json.loads(many[1])["source"]["container"] == "md"


def test_csv_has_bom_and_contract_columns():
    out = run_cli("--format", "csv", str(SAMPLE), str(OTHER)).stdout.decode("utf-8")
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out[1:])))
    assert len(rows) == 2 and rows[0]["channels"].split(";")[0] == "website"
    assert rows[0]["organ"] == "青石镇人民政府" and rows[1]["processing_fee_yuan"] == ""


def test_text_view():
    out = run_cli("--format", "text", str(SAMPLE)).stdout.decode()
    assert "青石镇人民政府" in out and "[主动公开]" in out and "2008年条例叙述式" in out
    assert "None" not in out and "proactive" not in out and "政府网站" in out
    english = run_cli("--format", "text", "--lang", "en", str(SAMPLE)).stdout.decode()
    assert "[proactive disclosure]" in english and "机关" not in english


def test_usage_error_is_2():
    assert run_cli("--format", "nope", str(SAMPLE)).returncode == 2
    assert run_cli().returncode == 2
