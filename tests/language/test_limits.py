"""Unbounded inputs are bounded (issue 15, defect 5): only regular files are read, and never more
than the limit; code frames and the number of frames printed are capped; the string and comment
patterns match in constant memory; suggestions compare a bounded number of words; numbers are
bounded in the checker."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from doctrine.language import check_values, diagnostics
from doctrine.language.check import check_source
from doctrine.language.diagnostics import Diagnostic, DoctrineError, code_frame
from doctrine.language.parse import load_source, parse_source, read_regular_file
from doctrine.language.source import Source, Span
from doctrine.render.text import MAX_DIAGNOSTICS, render_diagnostics

HEAD = "case a\n  court seventh_circuit\n  posture appeal_after_sentence\n"


def _codes(text: str) -> list[str]:
    with pytest.raises(DoctrineError) as raised:
        check_source(Source("x.case", text))
    return [d.code for d in raised.value.diagnostics]


def test_a_fifo_named_case_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.case"
    os.mkfifo(fifo)
    done: list[BaseException] = []

    def load() -> None:
        try:
            load_source(fifo)
        except BaseException as e:
            done.append(e)

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(30)  # a hang would leave the thread waiting for a writer
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "w"):
            pass
        pytest.fail("load_source waited on a FIFO")
    [error] = done
    assert isinstance(error, DoctrineError)
    [d] = error.diagnostics
    assert d.code == "not-a-file" and "FIFO" in d.message


def test_a_device_and_a_directory_are_refused(tmp_path: Path) -> None:
    for path, kind in ((Path("/dev/zero"), "device"), (tmp_path, "directory")):
        with pytest.raises(DoctrineError) as raised:
            load_source(path)
        assert raised.value.diagnostics[0].code == "not-a-file"
        assert kind in raised.value.diagnostics[0].message


def test_the_size_limit_applies_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.case"
    path.write_bytes(b"x" * 10_000)
    assert len(read_regular_file(path, 100)) == 101  # never the whole file


def test_a_code_frame_is_bounded_around_its_column() -> None:
    line = "  note " + "x" * 130_000 + " bad"
    source = Source("x.case", "case a\n" + line + "\nend\n")
    column = len(line) - 2
    frame = code_frame(Diagnostic("c", "m", Span.at("x.case", 2, column, 3)), source)
    assert max(len(x) for x in frame.splitlines()) < 200
    text_line, caret_line = frame.splitlines()[1:3]
    at = caret_line.index("^")
    assert text_line[at : at + 3] == "bad"  # the caret still points at the column


def test_a_code_frame_shows_control_characters_without_sending_them() -> None:
    source = Source("x.case", 'case a\n  note "\x1b[2J\x00" zz\nend\n')
    frame = code_frame(Diagnostic("c", "bad \x1b[31m", Span.at("x.case", 2, 16, 2)), source)
    assert "\x1b" not in frame and "\x00" not in frame
    text_line, caret_line = frame.splitlines()[1:3]
    at = caret_line.index("^")
    assert text_line[at : at + 2] == "zz"


def test_the_frames_printed_are_capped_with_a_count() -> None:
    source = Source("x.case", HEAD + "end\n")
    many = [Diagnostic("c", f"m{i}", Span.at("x.case", 1, 1)) for i in range(MAX_DIAGNOSTICS + 7)]
    out = render_diagnostics(many, {"x.case": source})
    assert out.count("error[c]") == MAX_DIAGNOSTICS
    assert "x.case: 7 more problems not shown" in out


def test_megabyte_strings_and_escapes_parse() -> None:
    """The possessive string pattern: no backtracking state per character (this once took 1.8 GB)."""
    text = 'case a\n  title "' + "x" * 1_000_000 + '\\n' * 200_000 + '"\nend\n'
    [case] = parse_source(Source("x.case", text)).cases
    assert len(case.statements[0].values[0].text) == 1_200_000


def test_suggestions_compare_a_bounded_number_of_words(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = diagnostics.difflib.get_close_matches

    def counted(word: str, pool: list[str], n: int, cutoff: float) -> list[str]:
        sizes.append(len(pool))
        return real(word, pool, n=n, cutoff=cutoff)

    monkeypatch.setattr(diagnostics.difflib, "get_close_matches", counted)
    parties = "".join(f"  party p{i:05d}, role stand_in\n" for i in range(3000))
    uses = "".join(f"  remark r{i}, by q{i:05d}\n" for i in range(300))
    codes = _codes(HEAD + parties + uses + "end\n")
    assert codes.count("undefined-party") == 300
    assert max(sizes) <= diagnostics.MAX_CANDIDATES
    assert len([s for s in sizes if s == diagnostics.MAX_CANDIDATES]) <= check_values.MAX_SUGGESTIONS
    assert diagnostics.did_you_mean("p00017x", [f"p{i:05d}" for i in range(20_000)]) == "did you mean `p00017`?"


@pytest.mark.parametrize("digits", [6, 4301])
def test_a_huge_number_is_a_located_error(digits: int) -> None:
    text = HEAD + "  statutory_minimum " + "9" * digits + " months\n  guidelines_range 1 to " + "9" * digits + "\nend\n"
    with pytest.raises(DoctrineError) as raised:
        check_source(Source("x.case", text))
    found = [(d.code, d.span.start.line) for d in raised.value.diagnostics]
    assert ("number-too-large", 4) in found and ("number-too-large", 5) in found
