"""The parser never crashes and never hangs: every input parses or raises DoctrineError.

Random text, mutations of well-formed case files (the grammar's own output, cut and spliced),
hostile strings and a 1 MB input. Whatever parses is then checked, which must not crash
either. Time is bounded by the size of the input.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, strategies as st

from doctrine.language.check import check_case_file
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.proof.strategies import case_texts

SECONDS_PER_MB = 20.0  # a generous bound: the parser is linear, about 1-2 s per MB


def _survives(text: str) -> None:
    """Parse and check `text`: a result or a DoctrineError with diagnostics, in bounded time."""
    start = time.perf_counter()
    try:
        parsed = parse_source(Source("fuzz.case", text))
    except DoctrineError as e:
        assert e.diagnostics, "a DoctrineError must carry diagnostics"
        for d in e.diagnostics:
            assert d.code and d.message
    else:
        check_case_file(parsed)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0 + SECONDS_PER_MB * len(text.encode()) / 1e6, f"{elapsed:.1f}s for {len(text)} chars"


@given(st.text())
def test_random_text(text: str) -> None:
    _survives(text)


@given(st.text(alphabet=st.sampled_from(list('case end \n  ,"#§()\\\t\r_x19-'))))
def test_random_text_from_the_languages_characters(text: str) -> None:
    _survives(text)


Edit = tuple[str, int, str]


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A well-formed case file, then a few cuts, insertions, duplications and swaps."""
    text = draw(case_texts())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["delete", "insert", "duplicate_line", "swap_lines", "indent", "truncate"])
        )
        i = draw(st.integers(0, max(0, len(text) - 1)))
        lines = text.split("\n")
        j = draw(st.integers(0, max(0, len(lines) - 1)))
        k = draw(st.integers(0, max(0, len(lines) - 1)))
        if kind == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)) :]
        elif kind == "insert":
            text = (
                text[:i]
                + draw(st.sampled_from(['"', "\n", "  ", "\t", ",", "case x\n", "end\n", "§", "\\", "#"]))
                + text[i:]
            )
        elif kind == "duplicate_line":
            lines.insert(j, lines[j])
            text = "\n".join(lines)
        elif kind == "swap_lines":
            lines[j], lines[k] = lines[k], lines[j]
            text = "\n".join(lines)
        elif kind == "indent":
            lines[j] = " " * draw(st.integers(0, 9)) + lines[j].lstrip()
            text = "\n".join(lines)
        else:
            text = text[:i]
    return text


@given(_mutated())
def test_mutated_case_files(text: str) -> None:
    _survives(text)


HOSTILE = {
    "empty": "",
    "only a newline": "\n",
    "nul bytes": "case a\x00\n  court\x00 x\nend\n",
    "bom": "\ufeffcase a\n  court seventh_circuit\n  posture motion_to_compel\nend\n",
    "crlf": "case a\r\n  court seventh_circuit\r\n  posture motion_to_compel\r\nend\r\n",
    "lone cr": "case a\r  court seventh_circuit\rend\r",
    "unterminated string": 'case a\n  title "never closed\nend\n',
    "escape at the end": 'case a\n  title "\\\nend\n',
    "deep indentation": "case a\n" + "".join("  " * i + "k\n" for i in range(1, 200)) + "end\n",
    "tabs and spaces": "case a\n\t court x\n \tposture y\nend\n",
    "case inside a case": "case a\ncase b\n  court x\nend\nend\n",
    "end without case": "end\nend\n",
    "no end": "case a\n  court seventh_circuit\n",
    "comment only": "# nothing here\n",
    "commas only": "case a\n  ,,,,\nend\n",
    "section soup": "case a\n  motion § § §3553(e)(((\n  motion Rule 35(b)Rule 35(b)\nend\n",
    "rtl and combining": 'case a\n  title "\u202e\u0301\u200d"\n  court \u202eseventh\nend\n',
    "huge number": "case a\n  statutory_minimum " + "9" * 5000 + " months\n  sentence 1 months\nend\n",
    "huge range": "case a\n  guidelines_range " + "9" * 400 + " to " + "9" * 401 + "\nend\n",
    "many cases": "".join(f"case c{i}\n  court seventh_circuit\nend\n" for i in range(3000)),
    "long line": "case a\n  note " + '"' + "x" * 200_000 + '"\nend\n',
    "asp injection": 'case a\n  title "). relief(remedy). %"\n  court holds(relief(remedy))\nend\n',
    "dates": "case a\n  decided 2008-02-30\n  decided 0000-00-00\n  decided 99999-01-01\nend\n",
    "surrogates escaped": 'case a\n  title "\\ud800"\nend\n',
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_inputs(name: str) -> None:
    _survives(HOSTILE[name])


def test_a_one_megabyte_case_file() -> None:
    body = "".join(f'  note "line {i}: § 3553(e), \\"quoted\\""\n' for i in range(30_000))
    text = "case big\n  court seventh_circuit\n  posture motion_to_compel\n" + body + "end\n"
    assert len(text) > 1_000_000
    _survives(text)


def test_a_one_megabyte_garbage_file() -> None:
    import random

    rng = random.Random(0)
    text = "".join(rng.choice('case end \n  ,"#§()\\xyz019') for _ in range(1_000_000))
    _survives(text)
