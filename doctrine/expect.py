"""Expectations: a case's `expect` block -> Expectation; Expectation x Verdict -> Mismatches.

An expectation is partial: it asserts only what it states. Each line is one `Claim` that keeps
its span, so a mismatch points at the line of the case file that it contradicts.

The case lines
    expect
      relief none
      holding buffington_waiver
      in_jurisdiction eighth_circuit
        relief depends
become
    Expectation(claims=(Claim("relief", ("none",)), Claim("holding", ("buffington_waiver",))),
                jurisdictions=(("eighth_circuit", Expectation(claims=(Claim("relief", ("depends",)),))),))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from doctrine import vocabulary as V
from doctrine.diagnostics import Diagnostic, did_you_mean
from doctrine.explanation import Explanation
from doctrine.rulebase import Rulebase
from doctrine.source import NOWHERE, Span, span_field
from doctrine.syntax import Case, Statement, ValueKind
from doctrine.verdict import Verdict

OUTCOMES = ("available", "none", "depends")
MINIMUM = ("authorized", "not_authorized", "depends")
RULE_KEYS = ("holding", "no_holding", "dispositive", "alternative", "court_reason")
FACT_KEYS = ("explains", "not_explains")
# key -> (allowed words or None for ids/facts, least values, most values or None)
_SHAPES: dict[str, tuple[tuple[str, ...] | None, int, int | None]] = {
    "relief": (OUTCOMES, 1, 1),
    "relief_kinds": (V.RELIEF.words(), 1, None),
    "no_relief_kind": (V.RELIEF.words(), 1, None),
    "relief_includes": (V.RELIEF.words(), 1, None),
    "below_minimum": (MINIMUM, 1, 1),
    "outcome_one_of": (OUTCOMES, 1, None),
    **{k: (None, 1, None) for k in (*RULE_KEYS, "authority", *FACT_KEYS)},
    "in_jurisdiction": (None, 1, 1),
    "xfail": (None, 1, 1),
}


@dataclass(frozen=True)
class Claim:
    """One line of an expect block: its key, its values and where it is written."""

    key: str
    values: tuple[str, ...]
    span: Span = span_field()
    value_spans: tuple[Span, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Expectation:
    """What a case should come out as; states only what the case file states."""

    case: str
    claims: tuple[Claim, ...] = ()
    jurisdictions: tuple[tuple[str, "Expectation"], ...] = ()  # in_jurisdiction NAME -> nested
    xfail: str | None = None  # the reason, when the case is a known disagreement
    span: Span = span_field()

    def get(self, key: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.key == key)

    def values(self, key: str) -> tuple[str, ...]:
        return tuple(v for c in self.get(key) for v in c.values)

    @property
    def relief(self) -> str | None:
        found = self.values("relief")
        return found[0] if found else None

    @property
    def holdings(self) -> tuple[str, ...]:
        return self.values("holding")

    @property
    def needs_explanation(self) -> bool:
        return any(c.key in FACT_KEYS for c in self.claims) or any(e.needs_explanation for _, e in self.jurisdictions)

    def walk(self) -> Iterable[tuple[str | None, "Expectation"]]:
        """This expectation (jurisdiction None) and each nested in_jurisdiction one."""
        yield None, self
        for name, nested in self.jurisdictions:
            yield name, nested


@dataclass(frozen=True)
class Mismatch:
    """One claim the verdict contradicts: what was expected, what came out, and where."""

    what: str
    expected: str
    actual: str
    span: Span = NOWHERE
    jurisdiction: str | None = None

    @property
    def text(self) -> str:
        under = f" [in_jurisdiction {self.jurisdiction}]" if self.jurisdiction else ""
        return f"{self.span}: {self.what}{under}: expected {self.expected}; got {self.actual}"


# ---------------------------------------------------------------------------------------------
# Reading


def read_expectation(case: Case) -> tuple[Expectation | None, tuple[Diagnostic, ...]]:
    """The expectation stated by a case's `expect` block(s), checked for shape.

    Returns
    -------
    (Expectation or None, diagnostics)
        None when the case has no `expect` block. Diagnostics have codes
        `unknown-expectation` (a word not in `vocabulary.EXPECT_KEYS`), `bad-expectation`
        (a value outside the key's words, or the wrong number of values) and
        `misplaced-expectation` (`in_jurisdiction` or `xfail` nested too deep).
    """
    blocks = case.get("expect")
    if not blocks:
        return None, ()
    diagnostics: list[Diagnostic] = []
    children = tuple(c for b in blocks for c in b.children)
    exp = _read(case.id, children, blocks[0].span, diagnostics, nested=False)
    return exp, tuple(diagnostics)


def _read(case: str, statements: tuple[Statement, ...], span: Span, out: list[Diagnostic], nested: bool) -> Expectation:
    claims: list[Claim] = []
    jurisdictions: list[tuple[str, Expectation]] = []
    xfail: str | None = None
    for s in statements:
        if not _shape_ok(s, out):
            continue
        values = tuple(v.text for v in s.values)
        if s.key == "in_jurisdiction" or s.key == "xfail":
            if nested:
                out.append(Diagnostic("misplaced-expectation", f"`{s.key}` inside `in_jurisdiction`", s.key_span,
                                      hint=f"write `{s.key}` directly under `expect`"))
            elif s.key == "xfail":
                xfail = values[0]
            else:
                jurisdictions.append((values[0], _read(case, s.children, s.values[0].span, out, nested=True)))
            continue
        for c in s.children:
            out.append(Diagnostic("misplaced-expectation", f"`{c.key}` nested under `{s.key}`", c.key_span,
                                  hint="only `in_jurisdiction` takes nested expectations"))
        claims.append(Claim(s.key, values, s.span, tuple(v.span for v in s.values)))
    return Expectation(case, tuple(claims), tuple(jurisdictions), xfail, span)


def _shape_ok(s: Statement, out: list[Diagnostic]) -> bool:
    shape = _SHAPES.get(s.key)
    if shape is None:
        hint = did_you_mean(s.key, V.EXPECT_KEYS) or "expect takes: " + ", ".join(V.EXPECT_KEYS)
        out.append(Diagnostic("unknown-expectation", f"`{s.key}` is not an expectation", s.key_span, hint=hint))
        return False
    words, least, most = shape
    n = len(s.values)
    if n < least or (most is not None and n > most):
        count = f"{least}" if least == most else f"at least {least}" if most is None else f"{least} to {most}"
        out.append(Diagnostic("bad-expectation", f"`{s.key}` takes {count} value(s), not {n}", s.span,
                              expected=V.EXPECT_KEYS[s.key]))
        return False
    ok = True
    for v in s.values:
        string_ok = s.key in ("xfail", *FACT_KEYS)
        if (v.kind is ValueKind.STRING and not string_ok) or (s.key == "xfail" and v.kind is not ValueKind.STRING):
            out.append(Diagnostic("bad-expectation", f"`{s.key}` does not take {v.kind.value} `{v.text}`", v.span,
                                  expected=V.EXPECT_KEYS[s.key]))
            ok = False
        elif words is not None and v.text not in words:
            out.append(Diagnostic("bad-expectation", f"`{v.text}` is not a value of `{s.key}`", v.span,
                                  expected=", ".join(words), hint=did_you_mean(v.text, words)))
            ok = False
    return ok


# ---------------------------------------------------------------------------------------------
# Validating names against the rulebase


def validate_expectation(exp: Expectation, rulebase: Rulebase) -> tuple[Diagnostic, ...]:
    """Rule, authority, jurisdiction and fact names checked against the rulebase.

    Codes: `unknown-rule`, `unknown-authority`, `unknown-jurisdiction`, `unknown-fact`, each
    at the span of the value, with a did-you-mean hint.
    """
    rules = set(rulebase.rules) | {c.rule for c in rulebase.clauses}
    out: list[Diagnostic] = []
    for name, nested in exp.walk():
        if name is not None and name not in rulebase.jurisdictions:
            out.append(_unknown("jurisdiction", name, rulebase.jurisdictions, nested.span))
        for claim in nested.claims:
            for value, span in zip(claim.values, claim.value_spans or (claim.span,) * len(claim.values)):
                if claim.key in RULE_KEYS and value not in rules:
                    out.append(_unknown("rule", value, rules, span))
                elif claim.key == "authority" and value not in rulebase.authorities:
                    out.append(_unknown("authority", value, rulebase.authorities, span))
                elif claim.key in FACT_KEYS and _fact_names(value) is None:
                    out.append(_unknown("fact", value, [*V.input_predicates(), *V.KEYS, "position"], span))
    return tuple(out)


def _unknown(kind: str, value: str, known: Iterable[str], span: Span) -> Diagnostic:
    known = sorted(known)
    hint = did_you_mean(value, known) or (f"known {kind}s: " + ", ".join(known[:12]) + (" ..." if len(known) > 12 else ""))
    return Diagnostic(f"unknown-{kind}", f"no {kind} `{value}` in the rulebase" if kind != "fact" else
                      f"`{value}` is not a fact of the case language", span, hint=hint)


@lru_cache(maxsize=1024)
def _fact_names(value: str) -> frozenset[str] | str | None:
    """A fact key -> the predicates it matches; a full atom -> its canonical text; else None."""
    if "(" in value:
        import clingo

        try:
            sym = clingo.parse_term(value)
        except RuntimeError:
            return None
        return str(sym) if sym.type == clingo.SymbolType.Function else None
    preds = set(V.input_predicates()) | {"position"}
    names = {value} & preds
    key = V.KEYS.get(value)
    if key is not None:  # a case-file key matches the facts of its whole block
        names |= {k.predicate for k in (key, *key.children) if k.predicate}
    return frozenset(names) or None


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
    # the court's own dispositive reason, by rule id: measured by `doctrine test --score`
    # (dispositive reason matched), never a test failure, so a case whose outcome the model
    # gets right is not marked xfail for reaching it by another road
    "court_reason": lambda c, v, e: [],
    "relief": _outcome,
    "outcome_one_of": _one_of,
    "relief_kinds": _kinds,
    "no_relief_kind": _no_kind,
    "relief_includes": _includes,
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
