"""`doctrine rules`: the catalogue lists every rule once, with its authority, weight, quote and the
bundled cases it fires in; docs/rules.md is its Markdown, kept current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from doctrine.engine.rulebase import load_rulebase
from doctrine.render.catalogue import REGENERATE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Any]:
    from clitools import doctrine

    done = doctrine("rules", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc: dict[str, Any] = json.loads(done.stdout)
    return doc


def test_docs_rules_md_is_current(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("rules", "--format", "md")
    assert code == 0, err
    page = ROOT / "docs" / "rules.md"
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    assert out == current, f"docs/rules.md is stale: regenerate it with `{REGENERATE}` (from the project root)"


def test_every_rule_once_with_its_metadata(catalogue: dict[str, Any]) -> None:
    rulebase = load_rulebase()
    ids = [r["id"] for r in catalogue["rules"]]
    assert sorted(ids) == sorted(rulebase.rules) and len(ids) == len(set(ids))
    assert catalogue["rules_sha256"] == rulebase.digest and catalogue["court"] is None
    for r in catalogue["rules"]:
        info = rulebase.rules[r["id"]]
        assert (r["question"], r["pin"], r["quote"]) == (info.question, info.pin, info.quote)
        assert r["location"].startswith("rules/") and r["authority"]["citation"]
        if r["quote"]:  # the opinion a quote is read from is a vendored file
            assert (ROOT / "doctrine" / "opinions" / r["opinion"]["file"]).is_file(), r["id"]


def test_a_rule_fires_in_the_cases_whose_verdict_holds_it(catalogue: dict[str, Any]) -> None:
    import doctrine

    fires = {r["id"]: {c["case"] for c in r["cases"]} for r in catalogue["rules"]}
    assert catalogue["cases_run"] > 40
    for name in ("wade", "billings", "mackmore"):
        [result] = doctrine.decide(str(ROOT / "scenarios" / f"{name}.case"))
        for h in result.verdict.holdings:
            assert name in fires[h.rule], (name, h.rule)
    entry = next(r for r in catalogue["rules"] if r["id"] == "wade_mere_assistance")
    assert {"case": "wade", "file": "scenarios/wade.case"} in entry["cases"]


def test_weights_for_a_court_are_the_verdicts_weights(cli) -> None:  # type: ignore[no-untyped-def]
    """--court states each rule's weight as the verdict of a case in that circuit gives it."""
    import doctrine

    code, out, err = cli("rules", "--format", "json", "--court", "seventh_circuit", "--cases", "scenarios/wade.case")
    assert code == 0, err
    weight = {r["id"]: r["authority"]["weight"] for r in json.loads(out)["rules"]}
    [result] = doctrine.decide(str(ROOT / "scenarios" / "billings.case"))
    assert result.verdict.jurisdiction == "seventh_circuit"
    assert {h.rule: weight[h.rule] for h in result.verdict.holdings} == {h.rule: h.weight for h in result.verdict.holdings}
    assert set(weight.values()) == {"binding", "persuasive"}


def test_bad_options_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("rules", "--format", "xml")[0] == 2
    code, _, err = cli("rules", "--court", "twelfth_circuit")
    assert code == 2 and "unknown court" in err
