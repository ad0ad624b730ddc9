"""The Python API's outputs as the README describes them: `Result.to_json()` is the
doctrine.result/1 document of the case, and `_repr_html_` is a notebook fragment whose styles
touch nothing outside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import doctrine
from doctrine.render.html import SCOPE

ROOT = Path(__file__).resolve().parents[2]


def test_to_json_is_the_result_document_of_the_case() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from doctrine.engine.rulebase import rules_digest

    [r] = doctrine.decide(str(ROOT / "scenarios" / "mackmore.case"))
    doc = r.to_json()
    schema = json.loads((ROOT / "doctrine" / "schema" / "result.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "doctrine.result/1" and doc["rules_sha256"] == rules_digest()
    [case] = doc["results"]
    assert case["case"] == "mackmore" and case["relief"]["available"] is r.verdict.relief_available
    json.dumps(doc)  # plain data
    [e] = doctrine.explain(str(ROOT / "scenarios" / "billings.case"))
    assert e.to_json()["results"][0]["explanation"]["sections"]


def _style_rules(fragment: str) -> list[str]:
    sheets = re.findall(r"<style>(.*?)</style>", fragment, re.S)
    return [sel.strip() for sheet in sheets for sel in re.findall(r"([^{}]+)\{[^{}]*\}", sheet)]


def test_repr_html_is_a_fragment_with_scoped_styles() -> None:
    [r] = doctrine.explain(str(ROOT / "scenarios" / "billings.case"))
    fragment = r._repr_html_()
    assert fragment.startswith(f"<div class='{SCOPE}'>") and fragment.endswith("</div>")
    outside_svg = re.sub(r"<svg\b.*?</svg>", "", fragment, flags=re.S)  # an SVG has its own <title>s
    for whole_page in ("<!DOCTYPE", "<html", "<head", "<body", "<title"):
        assert whole_page.lower() not in outside_svg.lower()
    selectors = [s.strip() for rule in _style_rules(fragment) for s in rule.split(",")]
    assert selectors and all(s == f".{SCOPE}" or s.startswith(f".{SCOPE} ") for s in selectors), selectors
    assert "olano_plain_error" in fragment and "<details" in fragment
    # the scan can fail: a global rule is caught
    assert not all(s.startswith(f".{SCOPE}") for s in _style_rules("<style>body{margin:0}table{x:y}</style>"))
