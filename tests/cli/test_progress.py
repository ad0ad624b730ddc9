"""Progress bars (stderr, terminals only, after about a second) and the tally ending a multi-case run."""

from __future__ import annotations

import io
import json
import re
from collections import Counter

import pytest
from rich.console import Console

from doctrine.cli import progress
from doctrine.cli.progress import Ticker

TALLY = re.compile(r"^(\d+) cases: (\d+) relief, (\d+) none, (\d+) depends")


def _outcomes(cli) -> Counter[str]:  # type: ignore[no-untyped-def]
    code, out, err = cli("run", "scenarios/", "--format", "json", "--quiet")
    assert code == 0, err
    return Counter(r["outcome"] for r in json.loads(out)["results"])


def test_a_directory_run_ends_with_the_tally(cli) -> None:  # type: ignore[no-untyped-def]
    counts = _outcomes(cli)
    code, out, _ = cli("run", "scenarios/")
    assert code == 0
    m = TALLY.match(out.rstrip("\n").splitlines()[-1])
    assert m, out[-300:]
    assert tuple(map(int, m.groups())) == (sum(counts.values()), counts["available"], counts["none"],
                                           counts["depends"])


def test_beside_a_document_the_tally_goes_to_stderr(cli) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("json", "csv", "jsonl"):
        code, out, err = cli("run", "scenarios/", "--format", fmt)
        assert code == 0 and TALLY.match(err.strip()), (fmt, err)
        assert "cases:" not in out
    code, _, err = cli("run", "scenarios/", "--format", "json", "--quiet")
    assert code == 0 and err == ""
    code, out, err = cli("run", "scenarios/wade.case")  # one case: no tally
    assert code == 0 and not TALLY.search(out) and err == ""


def test_a_test_run_ends_with_the_tally_and_its_failures(cli) -> None:  # type: ignore[no-untyped-def]
    counts = _outcomes(cli)
    code, out, _ = cli("test", "scenarios/")
    last = out.rstrip("\n").splitlines()[-1]
    m = TALLY.match(last)
    assert m and int(m.group(1)) == sum(counts.values()), last
    failures = int(re.search(r"; (\d+) failures?", last).group(1))  # type: ignore[union-attr]
    assert (code == 1) == (failures > 0)


def test_no_progress_when_stderr_is_not_a_terminal(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(progress, "DELAY", 0.0)  # a bar would be due at once
    code, out, err = cli("run", "scenarios/", "--format", "json")
    assert code == 0
    json.loads(out)
    assert TALLY.match(err) and len(err.strip().splitlines()) == 1  # the tally and nothing else


def _ticker(**kw) -> tuple[Ticker, io.StringIO]:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=kw.pop("terminal", True), width=80)
    return Ticker("solving", total=3, console=console, **kw), buf


def test_a_terminal_gets_a_transient_bar_after_the_delay() -> None:
    tick, buf = _ticker(delay=0.0)
    with tick:
        assert list(tick.track("abc")) == ["a", "b", "c"]
    assert "solving" in buf.getvalue() and "3/3" in buf.getvalue()
    for kw in ({"delay": 0.0, "quiet": True}, {"delay": 0.0, "terminal": False}, {"delay": 3600.0}):
        tick, buf = _ticker(**kw)
        with tick:
            list(tick.track("abc"))
        assert buf.getvalue() == "", kw
