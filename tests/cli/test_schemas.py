"""Every JSON document validates against its shipped schema (doctrine/schema/*.schema.json), and
the per-case rows of `run --format csv|jsonl` say what `run --format json` says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "doctrine" / "schema"
TOP = ["schema", "doctrine_version", "rules_sha256", "clingo_version", "results"]


def _schema(name: str) -> dict[str, Any]:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _valid_verdict(verdict: dict[str, Any], digest: str) -> None:
    """A verdict inside another document is a full doctrine.result/1 result."""
    doc = {"schema": "doctrine.result/1", "doctrine_version": "x", "rules_sha256": digest, "clingo_version": "x",
           "results": [verdict]}
    jsonschema.validate(doc, _schema("result"))


def _json(cli, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    code, out, err = cli(*args, "--format", "json")
    assert code in (0, 1), err
    doc: dict[str, Any] = json.loads(out)
    return doc


def test_test_json_follows_its_schema(cli) -> None:  # type: ignore[no-untyped-def]
    schema = _schema("test")
    for extra in ((), ("--coverage",)):
        doc = _json(cli, "test", "scenarios/", *extra)
        jsonschema.validate(doc, schema)
        assert doc["schema"] == "doctrine.test/1" and doc["cases"]
    bad = dict(doc, summary={"total": -1})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize("args", [
    ("compare", "tests/fixtures/rounsavall.case", "--jurisdictions", "seventh_circuit,eighth_circuit"),
    ("compare", "scenarios/billings.case"),
    ("compare", "tests/fixtures/rounsavall.case", "--timeline"),
], ids=["compare-divergent", "compare-billings", "timeline"])
def test_compare_json_has_run_s_top_level_and_follows_its_schema(cli, args) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, *args)
    assert list(doc) == TOP  # the top level of `run --format json`
    jsonschema.validate(doc, _schema("compare"))
    assert all(r["schema"] == doc["schema"] for r in doc["results"])  # each result keeps its own tag
    for r in doc["results"]:
        for v in r.get("verdicts", []):
            _valid_verdict(v, doc["rules_sha256"])


@pytest.mark.parametrize("args", [
    ("whatif", "scenarios/mackmore.case", "--goal", "below_minimum", "--alternatives", "2"),
    ("whatif", "scenarios/billings.case", "--goal", "hearing", "--explain"),
    ("whatif", "scenarios/mackmore.case", "--unknowns"),
], ids=["below-minimum", "hearing", "unknowns"])
def test_whatif_json_has_run_s_top_level_and_follows_its_schema(cli, args) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, *args)
    assert list(doc) == TOP
    jsonschema.validate(doc, _schema("whatif"))
    for r in doc["results"]:
        if r["schema"] == "doctrine.whatif/1":
            _valid_verdict(r["baseline"], doc["rules_sha256"])
            for a in r["alternatives"]:
                _valid_verdict(a["verdict"], doc["rules_sha256"])


def test_csv_and_jsonl_rows_say_what_the_json_says(cli) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, "run", "scenarios/", "corpus/ca2-2006-roe.case", "--quiet")
    code, out_csv, _ = cli("run", "scenarios/", "corpus/ca2-2006-roe.case", "--format", "csv", "--quiet")
    assert code == 0
    code, out_jsonl, _ = cli("run", "scenarios/", "corpus/ca2-2006-roe.case", "--format", "jsonl", "--quiet")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out_csv)))
    lines = [json.loads(line) for line in out_jsonl.splitlines()]
    assert len(rows) == len(lines) == len(doc["results"])
    for row, line, result in zip(rows, lines, doc["results"]):
        dispositive = list(dict.fromkeys(h["rule"] for h in result["holdings"] if not h["alternative"]))
        assert line["case"] == row["case"] == result["case"]
        assert line["outcome"] == row["outcome"] == result["outcome"]
        assert line["relief_kinds"] == result["relief"]["kinds"] == [k for k in row["relief_kinds"].split(";") if k]
        assert line["dispositive"] == dispositive == [r for r in row["dispositive"].split(";") if r]
        assert {True: "authorized", False: "not_authorized", None: "depends"}[
            result["below_minimum_authorized"]] == line["below_minimum"] == row["below_minimum"]
    roe = lines[-1]
    assert roe["citation"] == "United States v. Roe, 445 F.3d 202 (2d Cir. 2006)"
    assert (roe["court"], roe["decided"]) == ("second_circuit", "2006-03-27")
    assert rows[-1]["citation"] == roe["citation"]  # the comma is quoted, not a new column
