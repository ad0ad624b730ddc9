"""The rule catalogue: the rulebase's metadata, and the bundled cases -> one entry per rule.

Each entry names the rule, the question it answers, its authority (citation, court, date and
its weight for a court), the pin cite, the verbatim quote with the opinion it is read from, and
the cases in which the rule fires (it is applied in some run of the case: a branch of unsettled
law or an "even if" run counts).

    rule(wade_mere_assistance, wade, "186", holding, gate).   + scenarios/wade.case
becomes
    Entry(id="wade_mere_assistance", question="gate", citation="Wade v. United States, 504 U.S. 181",
          court="supreme_court", weight="binding", pin="186", cases=(("wade", "scenarios/wade.case"),))
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from doctrine.engine.batch import solve_cases
from doctrine.engine.rulebase import Authority, Rulebase
from doctrine.engine.workers import Failed
from doctrine.language.syntax import Case
from doctrine.resources import opinions_dir


@dataclass(frozen=True)
class Entry:
    """One rule of the catalogue."""

    id: str
    question: str  # preservation / duty / gate / merits / notice / remedy / authority / allocution
    statement: str  # holding / alternative_holding / assumed / concession / dictum / outside_seeds
    authority: str  # the authority's id
    citation: str  # "Wade v. United States, 504 U.S. 181"
    court: str  # the authority's court
    date: int  # YYYYMMDD; YYYY0000 when only the year is known
    status: str  # precedential / nonprecedential / unpublished / statute
    weight: str  # for the catalogue's court: binding / persuasive; without one, where it binds
    pin: str
    quote: str
    opinion: str  # the vendored opinion the quote is read from (its decision's name)
    opinion_file: str  # its file under doctrine/opinions/
    outside_source: str  # for rules from outside the seeds: the authority relied on
    location: str  # rules/file.lp:line
    cases: tuple[tuple[str, str], ...]  # (case id, file) of the bundled cases it fires in


@dataclass(frozen=True)
class Catalogue:
    court: str | None  # the court the weights are stated for (None: each rule's own reach)
    digest: str  # the rules' sha256
    cases: int  # how many cases were run to find where each rule fires
    entries: tuple[Entry, ...]


def weight(a: Authority | None, court: str | None) -> str:
    """The weight of an authority: as core.lp marks a rule `binding` for a case's circuit (a
    precedential decision of the Supreme Court or of that circuit, or a statute), else
    `persuasive`. Without a court: where it binds."""
    if a is None:
        return "persuasive" if court else "unknown authority"
    everywhere = a.status == "statute" or (a.court == "supreme_court" and a.status == "precedential")
    if court is not None:
        return "binding" if everywhere or (a.status == "precedential" and a.court == court) else "persuasive"
    if everywhere:
        return "binding everywhere"
    if a.status == "precedential":
        return f"binding in the {a.court.replace('_', ' ')}, persuasive elsewhere"
    return f"persuasive everywhere ({a.status})"


@cache
def _opinions() -> dict[str, tuple[str, str]]:
    """Opinion id -> (the decision's name, its file under doctrine/opinions/)."""
    sources = json.loads((opinions_dir() / "sources.json").read_text(encoding="utf-8"))
    return {entry["id"]: (entry.get("decision", ""), name) for name, entry in sources.items()}


def fired_in(pairs: list[tuple[Case, str]], rulebase: Rulebase, workers: int = 1,
             progress: Callable[[], None] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Rule id -> the (case id, file) pairs in which it is applied in some run."""
    out: dict[str, list[tuple[str, str]]] = {}
    for (case, source), outcome in zip(pairs, solve_cases(pairs, str(rulebase.directory), workers)):
        if isinstance(outcome, Failed):  # a case that could not be decided fires nothing
            continue
        for rule in sorted({r for run in outcome.runs for r, _ in run.applied}):
            out.setdefault(rule, []).append((case.id, source))
        if progress is not None:
            progress()
    return out


def catalogue(rulebase: Rulebase, pairs: Iterable[tuple[Case, str]] = (), court: str | None = None,
              workers: int = 1, progress: Callable[[], None] | None = None) -> Catalogue:
    """Every rule of `rulebase`, in the order of the rule files, with the cases it fires in."""
    pairs = list(pairs)
    fired = fired_in(pairs, rulebase, workers, progress) if pairs else {}
    entries = []
    for r in rulebase.rules.values():
        a = rulebase.authorities.get(r.authority)
        opinion, file = _opinions().get(r.opinion, (r.opinion, ""))
        entries.append(Entry(
            id=r.id, question=r.question, statement=r.statement, authority=r.authority,
            citation=a.cite() if a else r.authority, court=a.court if a else "", date=a.date if a else 0,
            status=a.status if a else "", weight=weight(a, court), pin=r.pin, quote=r.quote, opinion=opinion,
            opinion_file=file, outside_source=r.outside_source, location=r.location,
            cases=tuple(sorted(fired.get(r.id, []), key=lambda c: (c[1], c[0]))),
        ))
    return Catalogue(court, rulebase.digest, len(pairs), tuple(entries))
