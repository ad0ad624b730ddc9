"""The graph: one node per derivation (never merged by conclusion), a verdict root, a style per kind
of section with a legend, fact leaves with file:line, top-down; one valid document per output."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("wade", "king", "billings", "buffington", "mackmore")
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (`dot`) is not installed")


def _explained(name: str):  # type: ignore[no-untyped-def]
    import doctrine

    [r] = doctrine.explain(str(ROOT / "scenarios" / f"{name}.case"))
    return r


def derivation_nodes(dot: str) -> Counter[str]:
    """The derivation nodes of a DOT document, by their id `rule|conclusion`."""
    return Counter(html.unescape(m) for m in re.findall(r'\bid="([^"]*)", class="derivation"', dot))


@pytest.mark.parametrize("name", SEEDS)
def test_one_node_per_derivation_of_the_verdict(name: str) -> None:
    from doctrine.render.graph import render_dot

    r = _explained(name)
    dot = render_dot(r.explanation)
    nodes = derivation_nodes(dot)
    holdings = Counter(f"{h.rule}|{h.answer}" for h in r.verdict.holdings)
    assert sum(nodes.values()) == len(r.verdict.holdings)  # exactly one node per derivation ...
    assert nodes == holdings  # ... each holding's (rule id, conclusion) once, none merged away
    labels = re.findall(r'class="derivation".*?label=<(.*)>\];', dot)
    for h in r.verdict.holdings:  # each node names its rule and authority in its label
        assert any(f">{h.rule}<" in label and html.escape(h.citation.split(",")[0]) in label for label in labels), h.rule


def test_two_rules_reaching_one_conclusion_are_two_nodes() -> None:
    from doctrine.render.graph import render_dot

    r = _explained("billings")
    by_conclusion = Counter(h.answer for h in r.verdict.holdings)
    shared = [c for c, n in by_conclusion.items() if n > 1]
    assert shared, "billings has conclusions reached by two rules"
    nodes = derivation_nodes(render_dot(r.explanation))
    for c in shared:
        assert sum(1 for key in nodes if key.endswith("|" + c)) == by_conclusion[c]


def test_the_graph_reads_top_down_from_a_verdict_with_a_legend_and_fact_leaves() -> None:
    from doctrine.render.graph import render_dot

    r = _explained("buffington")
    dot = render_dot(r.explanation)
    assert "rankdir=TB" in dot
    assert re.search(r'\bv \[id="verdict".*Relief: none', dot)
    assert "legend" in dot and "dispositive holding" in dot and "even if a procedural bar" in dot
    assert "scenarios/buffington.case:" in dot  # facts carry their file:line
    # the "even if" section is its own cluster, dashed; the dispositive one is solid
    assert re.search(r'label=<<B>In the alternative: even if the holding that the claim was waived were set aside</B>>.*style="dashed', dot)
    assert re.search(r'label=<<B>Holdings</B>>.*style="solid', dot)


def test_a_branch_of_unsettled_law_is_drawn_dotted() -> None:
    from doctrine.render.graph import render_dot

    dot = render_dot(_explained("mackmore").explanation)
    assert re.search(r"label=<<B>In the alternative: if good-faith review .* is recognized</B>>.*style=\"dotted", dot)


@needs_dot
@pytest.mark.parametrize("name", SEEDS)
def test_each_seed_is_one_valid_svg_that_fits_a_page_width(name: str) -> None:
    from doctrine.render.graph import render_svg

    svg = ET.fromstring(render_svg(_explained(name).explanation).encode())
    _x, _y, width, _h = (float(v) for v in svg.attrib["viewBox"].split())
    assert width < 1400  # points: at most about two pages' width, scaled to one by the HTML page


@needs_dot
def test_several_cases_give_one_valid_document(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("run", str(ROOT / "scenarios" / "wade.case"), str(ROOT / "scenarios" / "king.case"), "--format", "svg")
    assert code == 0, err
    root = ET.fromstring(out.encode())  # one XML document, not several concatenated
    assert root.tag.endswith("svg") and len(root.findall("{http://www.w3.org/2000/svg}svg")) == 2
    code, out, err = cli("run", str(ROOT / "scenarios" / "wade.case"), str(ROOT / "scenarios" / "king.case"), "--format", "dot")
    assert code == 0 and out.count("digraph") == 1
    done = subprocess.run(["dot", "-Tsvg"], input=out, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code, _out, err = cli("run", str(ROOT / "scenarios"), "--format", "svg", "--out", str(tmp_path / "svg"))
    assert code == 0, err
    files = sorted((tmp_path / "svg").glob("*.svg"))
    assert len(files) == len(list((ROOT / "scenarios").glob("*.case")))
    for f in files:
        ET.parse(f)


def test_missing_graphviz_is_a_clear_message_and_exit_2(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", "")
    code, out, err = cli("explain", str(ROOT / "scenarios" / "wade.case"), "--format", "svg")
    assert code == 2 and out == ""
    assert "Graphviz is not installed" in err and "Traceback" not in err


def test_a_failing_dot_is_a_clear_message_and_exit_2(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _out, err = cli("explain", str(ROOT / "scenarios" / "wade.case"), "--format", "svg")
    assert code == 2
    assert "`dot` failed (exit 1): Error: syntax error in line 1" in err and "Traceback" not in err


def test_the_page_says_so_when_graphviz_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from doctrine.render.html import render_html

    r = _explained("wade")
    monkeypatch.setenv("PATH", "")
    page = render_html([(r.verdict, r.explanation)])
    assert "The graph needs Graphviz" in page and "<svg" not in page
    assert "<title>Wade v. United States, 504 U.S. 181 (1992)</title>" in page
    assert "wade_power_not_duty" in page  # the holdings and trees are still there
