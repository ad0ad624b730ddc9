"""The accuracy of the doctrine on real decisions: (entries, results) -> Score.

A decision's outcome is right when the model's outcome (`available`, `none`, `depends`) is the
court's (`expect relief ...`); a decision marked `xfail` counts as wrong, whatever the model
says, because the mark records a known disagreement. The dispositive reason matched when
every `dispositive` rule the expect block names is a dispositive holding of the model.

    doctrine test corpus/ --score
gives
    outcomes right 62/70 (88.6%); relief granted 6/14; relief denied 56/56; by court ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from doctrine.regress.runner import XFAIL, CaseResult, Entry

GRANTED = "available"


@dataclass(frozen=True)
class Decision:
    """One decision: the court, the court's outcome, the model's, and whether they agree."""

    case: str
    source: str
    citation: str
    court: str
    decided: str
    expected: str  # the court's outcome: available, none, depends
    actual: str  # the model's
    xfail: str | None
    reason_checked: bool  # the expect block names dispositive rules
    reason_right: bool  # every rule named is among the model's holdings

    @property
    def right(self) -> bool:
        return self.xfail is None and self.expected == self.actual


@dataclass(frozen=True)
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> Tally:
        return Tally(self.right + int(ok), self.total + 1)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def text(self) -> str:
        return f"{self.right}/{self.total} ({100 * self.share:.1f}%)" if self.total else "0/0"


@dataclass(frozen=True)
class Score:
    """Outcomes right overall, for decisions that granted relief and that denied it, by court,
    and the dispositive reasons matched."""

    decisions: tuple[Decision, ...]
    outcomes: Tally
    granted: Tally
    denied: Tally
    reasons: Tally
    by_court: Mapping[str, Tally] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        def t(x: Tally) -> dict[str, object]:
            return {"right": x.right, "total": x.total, "share": round(x.share, 4)}

        return {
            "schema": "doctrine.score/1",
            "outcomes": t(self.outcomes),
            "relief_granted": t(self.granted),
            "relief_denied": t(self.denied),
            "dispositive_reason": t(self.reasons),
            "by_court": {c: t(x) for c, x in self.by_court.items()},
            "decisions": [
                {
                    "case": d.case,
                    "source": d.source,
                    "citation": d.citation,
                    "court": d.court,
                    "decided": d.decided,
                    "court_outcome": d.expected,
                    "model_outcome": d.actual,
                    "right": d.right,
                    "xfail": d.xfail,
                    "reason_checked": d.reason_checked,
                    "reason_right": d.reason_right,
                }
                for d in self.decisions
            ],
        }


def _first(entry: Entry, key: str) -> str:
    stated = entry.case.get(key)
    return stated[0].values[0].text if stated and stated[0].values else ""


def decisions(entries: Iterable[Entry], results: Iterable[CaseResult]) -> list[Decision]:
    """Pair each case that states the court's outcome (`expect relief ...`) with its result."""
    by_where = {(r.source, r.line): r for r in results}
    out: list[Decision] = []
    for e in entries:
        exp = e.expectation
        if exp is None or not exp.values("relief"):
            continue
        result = by_where.get((e.source, e.line))
        if result is None or not result.verdicts:
            continue
        verdict = dict(result.verdicts).get(None, result.verdicts[0][1])
        wanted = exp.values("dispositive") + exp.values("court_reason")
        held = {h.rule for h in verdict.holdings}
        out.append(
            Decision(
                case=e.case.id,
                source=e.source,
                citation=_first(e, "citation") or _first(e, "cite"),
                court=_first(e, "court"),
                decided=_first(e, "decided"),
                expected=exp.values("relief")[0],
                actual=verdict.outcome,
                xfail=exp.xfail if result.status == XFAIL or exp.xfail else None,
                reason_checked=bool(wanted),
                reason_right=bool(wanted) and set(wanted) <= held,
            )
        )
    return out


def score(entries: Iterable[Entry], results: Iterable[CaseResult]) -> Score:
    ds = decisions(entries, results)
    outcomes, granted, denied, reasons = Tally(), Tally(), Tally(), Tally()
    by_court: dict[str, Tally] = {}
    for d in ds:
        outcomes = outcomes.add(d.right)
        if d.expected == GRANTED:
            granted = granted.add(d.right)
        else:
            denied = denied.add(d.right)
        if d.reason_checked:
            reasons = reasons.add(d.reason_right and d.right)
        by_court[d.court] = by_court.get(d.court, Tally()).add(d.right)
    return Score(tuple(ds), outcomes, granted, denied, reasons, dict(sorted(by_court.items())))


def markdown(s: Score) -> str:
    """The score as Markdown tables (the README quotes this)."""
    lines = [
        "| measure | right | total | share |",
        "|---|---:|---:|---:|",
    ]
    for name, t in (
        ("outcomes (xfail counted wrong)", s.outcomes),
        ("relief granted by the court", s.granted),
        ("relief denied by the court", s.denied),
        ("dispositive reason matched", s.reasons),
    ):
        lines.append(f"| {name} | {t.right} | {t.total} | {100 * t.share:.1f}% |")
    lines += ["", "| court | right | total | share |", "|---|---:|---:|---:|"]
    for court, t in s.by_court.items():
        lines.append(f"| {court} | {t.right} | {t.total} | {100 * t.share:.1f}% |")
    return "\n".join(lines) + "\n"


def sources_markdown(s: Score, addresses: Mapping[str, str]) -> str:
    """corpus/SOURCES.md: one row per decision, with the address its text was read at."""
    lines = [
        "# The corpus: sources and agreement",
        "",
        "Generated by `doctrine test corpus/ --score --format sources`. One row per decision: where",
        "its text was read (the search tool's address), the court's outcome for the defendant, the",
        "model's, and whether they agree (`xfail`: a known disagreement, counted wrong).",
        "",
        "| decision | court | decided | court's outcome | model | agrees | source |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in s.decisions:
        agrees = "yes" if d.right else ("xfail" if d.xfail else "no")
        addr = addresses.get(d.source, "").replace("|", "\\|")
        lines.append(
            f"| {d.citation.replace('|', '/')} | {d.court} | {d.decided} | {d.expected} | {d.actual} | {agrees} | {addr} |"
        )
    return "\n".join(lines) + "\n"
