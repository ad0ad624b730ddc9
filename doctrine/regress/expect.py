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

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from doctrine.engine.rulebase import Rulebase
from doctrine.language import vocabulary as V
from doctrine.language.diagnostics import Diagnostic, did_you_mean
from doctrine.language.source import NOWHERE, Span, span_field
from doctrine.language.syntax import Case, Statement, ValueKind

OUTCOMES = ("available", "none", "depends")
MINIMUM = ("authorized", "not_authorized", "depends")
RULE_KEYS = ("holding", "no_holding", "dispositive", "alternative", "court_reason")
FACT_KEYS = ("explains", "not_explains")
# key -> (allowed words or None for ids/facts, least values, most values or None)
_SHAPES: dict[str, tuple[tuple[str, ...] | None, int, int | None]] = {
    "relief": (OUTCOMES, 1, 1),
    "relief_kinds": (V.RELIEF.words(), 1, None),
    "relief_includes": (V.RELIEF.words(), 1, None),
    "no_relief_kind": (V.RELIEF.words(), 1, None),
    "below_minimum": (MINIMUM, 1, 1),
    "outcome_one_of": (OUTCOMES, 1, None),
    **dict.fromkeys((*RULE_KEYS, "authority", *FACT_KEYS), (None, 1, None)),
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
    jurisdictions: tuple[tuple[str, Expectation], ...] = ()  # in_jurisdiction NAME -> nested
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

    def walk(self) -> Iterable[tuple[str | None, Expectation]]:
        """This expectation (jurisdiction None) and each nested in_jurisdiction one."""
        yield None, self
        yield from self.jurisdictions


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
