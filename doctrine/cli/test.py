"""`doctrine test`: check every case's expect block; a summary table, a diff per mismatch.

Exit 0 when every checked case passes (an xfail case that fails counts as passing), 1 on any
mismatch, XPASS or case that could not be decided (status `error`: its error, a worker that
died twice, or `--timeout`), 2 on bad input (a case file or an expect block that does not check;
the other files are still tested).

    doctrine test scenarios/ --coverage
    doctrine test scenarios/ --format junit > report.xml

The JSON document (`--format json`), schema `doctrine.test/1`:

    {"schema": "doctrine.test/1", "doctrine_version": "0.1.0", "rules_sha256": "...", "clingo_version": "5.8.3",
     "summary": {"total": 5, "pass": 4, "fail": 1, "xfail": 0, "xpass": 0, "unchecked": 0, "error": 0},
     "cases": [{"case": "billings", "file": "scenarios/billings.case", "line": 2,
                "status": "fail", "reason": "",
                "mismatches": [{"what": "relief", "expected": "none", "actual": "available",
                                "file": "...", "line": 40, "column": 5, "jurisdiction": null}],
                "verdicts": [{"jurisdiction": null, "outcome": "available", "relief_kinds": [...],
                              "below_minimum": "not_authorized", "holdings": [...]}]}],
     "coverage": null | {"percent": 87.5, "rules": n, "fired": [...], "never": [...],
                         "jurisdictions_unused": [...], "branches_unexercised": [[q, p], ...]}}
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from doctrine.language.diagnostics import Diagnostic
    from doctrine.reasoning.verdict import Verdict
    from doctrine.regress.runner import CaseResult, Coverage

FORMATS = ("text", "json", "junit", "md", "sources")


def register(app: typer.Typer) -> None:
    app.command("test")(command)


def command(
    paths: list[Path] = typer.Argument(..., help="case files or directories"),
    rules: str | None = typer.Option(None, help="a rules directory (default: the bundled rules)"),
    format: str = typer.Option("text", "--format", "-f", help="text, json or junit"),
    coverage: bool = typer.Option(False, "--coverage", help="report rules never fired and branches never taken"),
    workers: int = typer.Option(0, min=0, max=1024, help="processes for large batches (default: the number of cores)"),
    timeout: float = typer.Option(60.0, min=0.01, max=86400.0, help="seconds one case may take before it is an error"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no tally on stderr"),
    score: bool = typer.Option(
        False, "--score", help="accuracy on real decisions: outcomes right, by outcome and court (text, md, json, sources)"
    ),
    engine: str = typer.Option("compiled", "--engine", help="compiled (the ground doctrine evaluated for many cases at once) or clingo (clingo's solve: the reference)"),
) -> None:
    """Check every case's `expect` block against what the doctrine decides (--score: the accuracy)."""
    from doctrine.cli.common import Exit, check_engine, load_good
    from doctrine.engine.batch import default_workers
    from doctrine.engine.rulebase import load_rulebase
    from doctrine.regress.runner import coverage as measure, entries, run_entries

    if format not in FORMATS or (format in ("md", "sources") and not score):
        typer.echo(f"doctrine: unknown format {format!r}; expected text, json or junit (with --score: md, sources)",
                   err=True)
        raise Exit(2)
    check_engine(engine)
    files, bad_input = load_good(paths)
    rulebase = load_rulebase(rules)
    items, problems = entries(files, rulebase)
    if problems:  # a bad expect block: its file's cases are left out, the others are tested
        _report_problems(problems)
        bad = {d.span.source for d in problems}
        items, bad_input = [e for e in items if e.source not in bad], True
    outcomes: list[Any] | None = [] if coverage else None
    from doctrine.cli.progress import Ticker

    with Ticker("checking", total=len(items), quiet=quiet) as tick:
        results = list(tick.track(run_entries(items, rulebase, rules, workers or default_workers(),
                                              outcomes=outcomes, timeout=timeout, engine=engine)))
    measured = measure(outcomes, rulebase) if outcomes is not None else None
    if score:
        _print_score(items, results, format)
        return
    if format == "json":
        from doctrine.render.json import to_json

        sys.stdout.write(to_json(json_document(results, rulebase.digest, measured)) + "\n")
    elif format == "junit":
        sys.stdout.write(junit_xml(results))
    else:
        _print_text(results, measured)
    if format != "text" and len(results) > 1 and not quiet:  # beside a document, the tally goes to stderr
        typer.echo(tally(results), err=True)
    if bad_input:
        raise Exit(2)
    if any(r.failed for r in results):
        raise Exit(1)


def _report_problems(problems: list[Diagnostic]) -> None:
    from doctrine.language.parse import load_source
    from doctrine.render.text import render_diagnostics

    sources = {}
    for name in {d.span.source for d in problems}:
        try:
            sources[name] = load_source(name)
        except Exception:
            pass
    sys.stderr.write(render_diagnostics(problems, sources))


# ---------------------------------------------------------------------------------------------
# Text


def summary_counts(results: list[CaseResult]) -> dict[str, int]:
    from doctrine.regress.runner import STATUSES

    counts = Counter(r.status for r in results)
    return {"total": len(results), **{s: counts.get(s, 0) for s in STATUSES}}


def _details(r: CaseResult) -> str:
    from doctrine.language.diagnostics import visible

    return visible(_detail(r), 10_000)


def _detail(r: CaseResult) -> str:
    if r.status in ("xfail", "xpass"):
        return f"xfail: {r.reason}"
    if r.mismatches:
        m = r.mismatches[0]
        more = f" (+{len(r.mismatches) - 1} more)" if len(r.mismatches) > 1 else ""
        return f"{m.what}: expected {m.expected}, got {m.actual}{more}"
    if r.status == "unchecked":
        return "no expect block"
    if r.status == "error":
        return f"could not be decided: {r.reason}"
    return ""


_STYLE = {"pass": "green", "fail": "bold red", "xfail": "yellow", "xpass": "bold red", "unchecked": "dim",
          "error": "bold red"}
_WORD = {"pass": "PASS", "fail": "FAIL", "xfail": "XFAIL", "xpass": "XPASS", "unchecked": "no expect", "error": "ERROR"}


def _print_text(results: list[CaseResult], measured: Coverage | None) -> None:
    from rich.table import Table
    from rich.text import Text

    from doctrine.cli.common import make_console
    from doctrine.language.diagnostics import visible
    from doctrine.regress.runner import failure_text

    console = make_console()
    table = Table(title="doctrine test", title_justify="left")
    for column in ("case", "file:line", "result", "details"):
        table.add_column(column, overflow="fold")
    for r in results:
        table.add_row(Text(r.case), Text(visible(r.where)), Text(_WORD[r.status], style=_STYLE[r.status]), Text(_details(r)))
    console.print(table)
    for r in results:
        if r.failed:
            console.print(Text(failure_text(r)))
            console.print()
    failed = any(r.failed for r in results)
    if measured is not None:
        console.print(coverage_text(measured))
    console.print(Text(tally(results), style="bold red" if failed else "bold green"))


def tally(results: list[CaseResult]) -> str:
    """The line that ends a test run: the outcomes (under each case's own jurisdiction), the
    failures, and the count of each status: `4 cases: 1 relief, 3 none, 0 depends; 0 failures
    (3 passed, 1 xfailed)`."""
    from doctrine.render.table import tally_line

    if not results:
        return "no cases"
    counts = summary_counts(results)
    words = [f"{counts[s]} {w}" for s, w in (("pass", "passed"), ("fail", "failed"), ("xfail", "xfailed"),
                                            ("xpass", "xpassed"), ("unchecked", "unchecked"),
                                            ("error", "could not be decided")) if counts[s]]
    primary = [dict(r.verdicts).get(None, r.verdicts[0][1]) for r in results if r.verdicts]
    return f"{tally_line(primary, sum(r.failed for r in results))} ({', '.join(words)})"


def coverage_text(c: Coverage) -> Any:
    from rich.text import Text

    lines = [f"rule coverage: {len(c.fired)}/{len(c.rules)} rules fired ({c.percent:.1f}%)"]
    if c.never:
        lines.append("never fired: " + ", ".join(c.never))
    lines.append(f"jurisdictions used: {len(c.jurisdictions) - len(c.jurisdictions_unused)}/{len(c.jurisdictions)}")
    if c.jurisdictions_unused:
        lines.append("never used: " + ", ".join(c.jurisdictions_unused))
    lines.append(f"question positions taken: {len(c.branches) - len(c.branches_unexercised)}/{len(c.branches)}"
                 f" ({c.branch_percent:.1f}%)")
    if c.branches_unexercised:
        lines.append("never taken: " + ", ".join(f"{q} = {p}" for q, p in c.branches_unexercised))
    return Text("\n".join(lines))


def _print_score(items: list[Any], results: list[CaseResult], format: str) -> None:
    """The accuracy on real decisions; the exit code is 0 (a score is a measurement, not a test)."""
    from rich.table import Table
    from rich.text import Text

    from doctrine.cli.common import make_console
    from doctrine.regress.score import markdown, score, sources_markdown
    from doctrine.render.json import to_json

    s = score(items, results)
    if format == "json":
        sys.stdout.write(to_json(s.to_json()) + "\n")
        return
    if format == "md":
        sys.stdout.write(markdown(s))
        return
    if format == "sources":
        sys.stdout.write(sources_markdown(s, {d.source: _source_line(d.source) for d in s.decisions}))
        return
    console = make_console()
    table = Table(title="doctrine test --score", title_justify="left")
    for column in ("measure", "right", "total", "share"):
        table.add_column(column)
    for name, t in (("outcomes (xfail counted wrong)", s.outcomes), ("relief granted by the court", s.granted),
                    ("relief denied by the court", s.denied), ("dispositive reason matched", s.reasons)):
        table.add_row(name, str(t.right), str(t.total), f"{100 * t.share:.1f}%")
    for court, t in s.by_court.items():
        table.add_row(Text(court, style="dim"), str(t.right), str(t.total), f"{100 * t.share:.1f}%")
    console.print(table)
    for d in s.decisions:
        if not d.right:
            why = f"xfail: {d.xfail}" if d.xfail else f"the court: {d.expected}; the model: {d.actual}"
            console.print(Text(f"wrong: {d.case} ({d.source}) {why}"))


def _source_line(path: str) -> str:
    """The `# source:` comment of a corpus file: where its text was read."""
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines()[:8]:
            if line.startswith("# source:"):
                return line[len("# source:"):].strip()
    except OSError:
        return ""
    return ""


# ---------------------------------------------------------------------------------------------
# JSON and JUnit


def _verdict_json(name: str | None, v: Verdict) -> dict[str, Any]:
    below = {True: "authorized", False: "not_authorized", None: "depends"}[v.below_minimum_authorized]
    return {
        "jurisdiction": name,
        "ran_under": v.jurisdiction,
        "outcome": v.outcome,
        "relief_kinds": list(v.relief_kinds),
        "below_minimum": below,
        "holdings": [{"rule": h.rule, "answer": h.answer, "authority": h.authority, "alternative": h.alternative,
                      "condition": h.condition} for h in v.holdings],
    }


def json_document(results: list[CaseResult], digest: str, measured: Coverage | None = None) -> dict[str, Any]:
    """The `doctrine.test/1` document (see the module docstring)."""
    cases = [
        {
            "case": r.case,
            "file": r.source,
            "line": r.line,
            "status": r.status,
            "reason": r.reason,
            "mismatches": [
                {"what": m.what, "expected": m.expected, "actual": m.actual, "file": m.span.source,
                 "line": m.span.start.line, "column": m.span.start.column, "jurisdiction": m.jurisdiction}
                for m in r.mismatches
            ],
            "verdicts": [_verdict_json(name, v) for name, v in r.verdicts],
        }
        for r in results
    ]
    cov = None
    if measured is not None:
        cov = {"percent": round(measured.percent, 2), "rules": len(measured.rules), "fired": list(measured.fired),
               "never": list(measured.never), "jurisdictions_unused": list(measured.jurisdictions_unused),
               "branch_percent": round(measured.branch_percent, 2),
               "branches_unexercised": [list(b) for b in measured.branches_unexercised]}
    import clingo

    from doctrine.version import __version__

    return {"schema": "doctrine.test/1", "doctrine_version": __version__, "rules_sha256": digest,
            "clingo_version": clingo.__version__, "summary": summary_counts(results), "cases": cases, "coverage": cov}


def _xml_safe(text: str) -> str:
    """Text XML 1.0 can carry: every control character but tab and newline escaped (`\\x1b`)."""
    import re

    return re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", lambda m: repr(m.group())[1:-1], text)


def junit_xml(results: list[CaseResult]) -> str:
    """JUnit XML: one testcase per case; a mismatch or XPASS is a failure, an xfail is skipped.
    Every text is made safe for XML 1.0 (a case string may hold NUL or ESC)."""
    import xml.etree.ElementTree as ET

    from doctrine.regress.runner import failure_text

    counts = summary_counts(results)
    suites = ET.Element("testsuites")
    suite = ET.SubElement(suites, "testsuite", name="doctrine", tests=str(len(results)),
                          failures=str(counts["fail"] + counts["xpass"]), errors=str(counts["error"]),
                          skipped=str(counts["xfail"] + counts["unchecked"]))
    for r in results:
        classname = Path(r.source).with_suffix("").as_posix().replace("/", ".")
        tc = ET.SubElement(suite, "testcase", classname=classname, name=r.case, file=r.source, line=str(r.line))
        if r.status == "error":
            ET.SubElement(tc, "error", message=_details(r), type="error").text = failure_text(r)
        elif r.failed:
            message = _details(r)
            ET.SubElement(tc, "failure", message=message, type=r.status).text = failure_text(r)
        elif r.status == "xfail":
            ET.SubElement(tc, "skipped", type="pytest.xfail", message=r.reason)
        elif r.status == "unchecked":
            ET.SubElement(tc, "skipped", message="no expect block")
    for element in suites.iter():
        element.attrib = {k: _xml_safe(v) for k, v in element.attrib.items()}
        if element.text:
            element.text = _xml_safe(element.text)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
