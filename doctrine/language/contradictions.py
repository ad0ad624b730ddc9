"""Records that say two incompatible things: Case -> diagnostics (code `contradiction`).

Each check names both places: the diagnostic points at the second statement and its message
gives the line of the first, so a researcher sees the pair.

The case lines
    government_reason lied
    government_denies lied
give
    error[contradiction]: the reason `lied` is both given (line 1) and denied
"""

from __future__ import annotations

from collections.abc import Iterator

from doctrine.language.diagnostics import Diagnostic
from doctrine.language.syntax import Case, Statement

EVIDENCE = {"record_evidence", "sworn_affidavit", "government_admission", "remark", "earlier_offer", "sequence_of_events"}
# allegations that say the government's refusal to move was improper (a breach claim may be
# about another promise, such as the extent recommended, so it is not among them)
REFUSAL_CLAIMS = {
    "unconstitutional_motive", "no_rational_relation", "impermissible_factor", "bad_faith", "pretext",
    "punishment_for_trial", "improper_motive", "refusal_to_evaluate",
}


def _head(s: Statement) -> str:
    return s.values[0].text if s.values else ""


def _child(s: Statement, key: str) -> list[Statement]:
    return [c for c in s.children if c.key == key]


def contradictions(case: Case) -> Iterator[Diagnostic]:
    """Every contradiction in one case."""
    for s in case.get("allegation"):
        supports = [c for c in _child(s, "support") if c.values]
        nothing = [c for c in supports if c.values[0].text == "nothing"]
        evidence = [c for c in supports if c.values[0].text in EVIDENCE]
        if nothing and evidence:
            yield Diagnostic(
                "contradiction",
                f"allegation `{_head(s)}` is supported by `nothing` (line {nothing[0].span.line}) "
                f"and by `{evidence[0].values[0].text}`",
                evidence[0].span,
                hint="keep `support nothing` only where the record holds no evidence at all",
            )
    given = {_head(s): s for s in case.get("government_reason")}
    for s in case.get("government_denies"):
        first = given.get(_head(s))
        if first is not None:
            yield Diagnostic(
                "contradiction",
                f"the reason `{_head(s)}` is both given (line {first.span.line}) and denied",
                s.span,
                hint="the government either relied on the reason or denied relying on it",
            )
    granted = {}
    for m in case.get("motion"):
        filed = [c for c in _child(m, "filed") if c.values and c.values[0].text == "yes"]
        grant = [c for c in _child(m, "granted") if c.values and c.values[0].text == "yes"]
        if filed and grant:
            granted[_head(m)] = m
    for s in case.get("allegation"):
        if _head(s) not in REFUSAL_CLAIMS:
            continue
        motions = [c for c in _child(s, "motion") if c.values]
        if motions and all(c.values[0].text in granted for c in motions):
            m = granted[motions[0].values[0].text]
            yield Diagnostic(
                "contradiction",
                f"allegation `{_head(s)}` attacks a refusal, but the motion `{motions[0].values[0].text}` "
                f"was filed and granted (line {m.span.line})",
                motions[0].span,
                hint="name the motion that was refused, or say the motion was withdrawn (`government_act withdrew_motion`)",
            )
    none = [s for s in case.get("plea_agreement") if _head(s) == "none"]
    if none:
        for p in case.get("promise"):
            for c in _child(p, "in"):
                if c.values and c.values[0].text == "plea_agreement":
                    yield Diagnostic(
                        "contradiction",
                        f"`plea_agreement none` (line {none[0].span.line}) but promise `{_head(p)}` is in a plea agreement",
                        c.span,
                        hint="the promise may be in a `cooperation_agreement`, or the plea agreement is not `none`",
                    )


def consistent(statements: list[Statement]) -> list[Statement]:
    """Drop what would make a drawn record contradict itself (`doctrine.language.contradictions`):
    a reason denied that is also given, `support nothing` beside evidence, a refusal claimed on a
    motion filed and granted, `failed_to_raise` under a claim other than ineffective assistance,
    a plea-agreement promise when there is no plea agreement."""
    def head(s: Statement) -> str:
        return s.values[0].text if s.values else ""

    given = {head(s) for s in statements if s.key == "government_reason"}
    granted = {
        head(s) for s in statements if s.key == "motion"
        and any(c.key == "filed" and head(c) == "yes" for c in s.children)
        and any(c.key == "granted" and head(c) == "yes" for c in s.children)
    }
    no_plea = any(s.key == "plea_agreement" and head(s) == "none" for s in statements)
    out: list[Statement] = []
    for s in statements:
        if s.key == "government_denies" and head(s) in given:
            continue
        if s.key == "allegation":
            kids = s.children
            if any(c.key == "support" and head(c) in EVIDENCE for c in kids):
                kids = tuple(c for c in kids if not (c.key == "support" and head(c) == "nothing"))
            if head(s) in REFUSAL_CLAIMS:
                kids = tuple(c for c in kids if not (c.key == "motion" and head(c) in granted))
            if head(s) != "ineffective_assistance":  # what counsel failed to raise is that claim's (check: misplaced-key)
                kids = tuple(c for c in kids if c.key != "failed_to_raise")
            s = Statement(s.key, s.values, kids, s.span, s.key_span)
        if s.key == "promise" and no_plea:
            kids = tuple(c for c in s.children if not (c.key == "in" and head(c) == "plea_agreement"))
            s = Statement(s.key, s.values, kids, s.span, s.key_span)
        out.append(s)
    return out
