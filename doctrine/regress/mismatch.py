"""Checking an expectation: Expectation x Verdict (x Explanation) -> Mismatches, each naming what
was expected, what the doctrine decided, and the expect line.

    check_expectation(Expectation(claims=(Claim("relief", ("available",)),)), verdict)
gives
    (Mismatch(key="relief", expected="available", actual="none", span=...),)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from doctrine.reasoning.explanation import Explanation
from doctrine.reasoning.verdict import Verdict
from doctrine.regress.expect import Claim, Expectation, Mismatch, _fact_names

# ---------------------------------------------------------------------------------------------
# Checking


def check_expectation(exp: Expectation, verdict: Verdict, explanation: Explanation | None = None,
                      jurisdiction: str | None = None) -> tuple[Mismatch, ...]:
    """The claims of `exp` (not its nested in_jurisdiction ones) that `verdict` contradicts.

    Parameters
    ----------
    exp
        The expectation (for a nested one, pass the nested Expectation and its `jurisdiction`).
    verdict, explanation
        The case's verdict and, when `exp` has `explains` claims, its explanation.
    """
    out: list[Mismatch] = []
    for claim in exp.claims:
        for what, expected, actual in _CHECKS[claim.key](claim, verdict, explanation):
            out.append(Mismatch(what, expected, actual, claim.span, jurisdiction))
    return tuple(out)


_Found = list[tuple[str, str, str]]


def _words(items: Iterable[str]) -> str:
    items = list(items)
    return " ".join(items) if items else "(none)"


def _outcome(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    return [] if v.outcome == c.values[0] else [("relief", c.values[0], v.outcome)]


def _one_of(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    return [] if v.outcome in c.values else [("outcome_one_of", "one of " + ", ".join(c.values), v.outcome)]


def _kinds(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    same = set(c.values) == set(v.relief_kinds)
    return [] if same else [("relief_kinds", _words(sorted(c.values)), _words(v.relief_kinds))]


def _includes(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    return [("relief_includes", k, _words(v.relief_kinds)) for k in c.values if k not in v.relief_kinds]


def _no_kind(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    return [("no_relief_kind", f"no {k}", _words(v.relief_kinds)) for k in c.values if k in v.relief_kinds]


def _minimum(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
    actual = {True: "authorized", False: "not_authorized", None: "depends"}[v.below_minimum_authorized]
    return [] if actual == c.values[0] else [("below_minimum", c.values[0], actual)]


def _rules(select: Callable[[Verdict], Iterable[str]], negate: bool = False) -> Callable[[Claim, Verdict, Explanation | None], _Found]:
    def check(c: Claim, v: Verdict, e: Explanation | None) -> _Found:
        found = sorted(set(select(v)))
        wrong = [r for r in c.values if (r in found) == negate]
        label = "not " if negate else ""
        return [(c.key, f"{label}{r}", "holdings: " + _words(found)) for r in wrong]

    return check


def _facts_of(e: Explanation | None) -> set[str]:
    if e is None:
        return set()
    return set(e.facts_used) | {leaf.fact for n in e.nodes() for leaf in n.facts}


def _explains(c: Claim, v: Verdict, e: Explanation | None, negate: bool = False) -> _Found:
    facts = _facts_of(e)
    out = []
    for value in c.values:
        names = _fact_names(value)
        if isinstance(names, str):
            hits = sorted(f for f in facts if f.replace(" ", "") == names.replace(" ", ""))
        else:
            hits = sorted(f for f in facts if f.split("(", 1)[0] in (names or ()))
        if bool(hits) == negate:
            actual = ("explanation uses " + ", ".join(hits)) if hits else "not in the explanation"
            out.append((c.key, ("no " if negate else "") + value, actual))
    return out


_CHECKS: dict[str, Callable[[Claim, Verdict, Explanation | None], _Found]] = {
    "relief": _outcome,
    "outcome_one_of": _one_of,
    "relief_kinds": _kinds,
    "relief_includes": _includes,
    # the court's own dispositive reason, by rule id: measured by `doctrine test --score`
    # (dispositive reason matched), never a test failure, so a case whose outcome the model
    # gets right is not marked xfail for reaching it by another road
    "court_reason": lambda c, v, e: [],
    "no_relief_kind": _no_kind,
    "below_minimum": _minimum,
    "holding": _rules(lambda v: (h.rule for h in v.holdings)),
    "no_holding": _rules(lambda v: (h.rule for h in v.holdings), negate=True),
    "dispositive": _rules(lambda v: (h.rule for h in v.dispositive())),
    "alternative": _rules(lambda v: (h.rule for h in v.alternatives())),
    "authority": lambda c, v, e: [
        ("authority", a, "authorities: " + _words(sorted({h.authority for h in v.holdings})))
        for a in c.values if a not in {h.authority for h in v.holdings}
    ],
    "explains": _explains,
    "not_explains": lambda c, v, e: _explains(c, v, e, negate=True),
}
