"""JSON: Verdict and Explanation -> the versioned result document (doctrine/schema/result.schema.json).

    Verdict(case="billings", relief_available=False, ...)
becomes
    {"case": "billings", "relief": {"available": false, "kinds": []}, "holdings": [...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from doctrine.engine.rulebase import Rulebase
from doctrine.reasoning.explanation import Explanation, Failure, Leaf, Node, say
from doctrine.reasoning.verdict import SCHEMA, Holding, Verdict


def leaf_json(leaf: Leaf) -> dict[str, Any]:
    return {
        "fact": leaf.fact,
        "text": leaf.text,
        "line": leaf.line,
        "file": leaf.span.source if leaf.span else None,
        "note": leaf.note,
    }


def node_json(node: Node) -> dict[str, Any]:
    return {
        "conclusion": node.conclusion,
        "text": node.text,
        "rule": node.rule,
        "authority": node.authority,
        "pin": node.pin,
        "quote": node.quote,
        "statement": node.statement,
        "ref": node.ref,
        "findings": list(node.findings),
        "because": [node_json(c) for c in node.because],
        "facts": [leaf_json(f) for f in node.facts],
    }


def failure_json(f: Failure) -> dict[str, Any]:
    return {
        "goal": f.goal,
        "rule": f.rule,
        "authority": f.authority,
        "pin": f.pin,
        "condition": f.condition,
        "text": f.text,
        "deeper": [failure_json(d) for d in f.deeper],
    }


def holding_json(h: Holding) -> dict[str, Any]:
    return {
        "question": h.question,
        "answer": h.answer,
        "text": say(h.answer),
        "rule": h.rule,
        "authority": h.authority,
        "citation": h.citation,
        "pin": h.pin,
        "statement": h.statement,
        "weight": h.weight,
        "alternative": h.alternative,
        "condition": h.condition,
    }


def verdict_json(v: Verdict, explanation: Explanation | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "case": v.case,
        "source": v.source,
        "jurisdiction": v.jurisdiction,
        "as_of": v.as_of,
        "outcome": v.outcome,
        "relief": {
            "available": v.relief_available,
            "kinds": list(v.relief_kinds),
            "kinds_if": [{"kind": k, "condition": c} for k, c in v.relief_kinds_if],
            "depends_on": list(v.depends_on),
        },
        "below_minimum_authorized": v.below_minimum_authorized,
        "below_minimum_bases": list(v.below_minimum_bases),
        "open_questions": list(v.open_questions),
        "conclusions": list(v.conclusions),
        "holdings": [holding_json(h) for h in v.holdings],
    }
    if explanation is not None:
        out["explanation"] = {
            "sections": [
                {"title": s.title, "condition": s.condition, "nodes": [node_json(n) for n in s.nodes]}
                for s in explanation.sections
            ],
            "why_not": {"goal": explanation.why_not_goal, "failures": [failure_json(f) for f in explanation.why_not]}
            if explanation.why_not_goal
            else None,
        }
    return out


def result_document(verdicts: Iterable[dict[str, Any]], rulebase: Rulebase) -> dict[str, Any]:
    """The `doctrine.result/1` document of `run` and `explain`."""
    return document(SCHEMA, verdicts, rulebase.digest)


def document(schema: str, results: Iterable[dict[str, Any]], digest: str) -> dict[str, Any]:
    """The top level every JSON document shares (`run`, `compare`, `whatif`): its schema, what
    reproduces it (doctrine's version, the rules' sha256, clingo's version), and the results."""
    import clingo

    from doctrine.version import __version__

    return {
        "schema": schema,
        "doctrine_version": __version__,
        "rules_sha256": digest,
        "clingo_version": clingo.__version__,
        "results": list(results),
    }


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False)
