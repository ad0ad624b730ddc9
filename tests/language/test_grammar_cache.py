"""The parser's LALR tables on disk (doctrine.language.grammar_cache): JSON that reads back as
exactly the parser lark builds, and anything else found there is ignored and built again."""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from lark.grammar import Rule
from lark.lexer import TerminalDef
from planted import Planted

from doctrine.language import grammar_cache
from doctrine.language.diagnostics import DoctrineError
from doctrine.language.grammar import _parser
from doctrine.language.parse import parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import Case, Statement, Value

ROOT = Path(__file__).resolve().parents[2]

BAD = [
    "case a\n  court seventh_circuit\n",  # no `end`
    "case a\n  court seventh_circuit,\nend\n",
    "case a\n  court \"x\nend\n",
    "case a\n    court seventh_circuit\n  remark r\nend\n",
    "case a\n  court seventh_circuit\n   remark r\n  remark s\nend\n",
    "case\nend\n",
    "case a\n  plea_agreement: sole_discretion\n    by: \nend\n",
    "case a b c\nend\n",
    "  case a\nend\n",
    "case a\n\tcourt seventh_circuit\nend\n",
    "case a\n  court seventh_circuit\nend\ncase b\n  court (x\nend\n",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _parser.cache_clear()
    yield tmp_path / "doctrine"
    _parser.cache_clear()


def _cases() -> list[Path]:
    return sorted((ROOT / "scenarios").glob("*.case")) + sorted((ROOT / "corpus").glob("*.case"))


def _dump(node: Case | Statement | Value) -> str:
    """A node with every span under it (the AST's own equality leaves spans out)."""
    if isinstance(node, Value):
        return f"{node.kind.name} {node.text!r} {node.span!r}"
    if isinstance(node, Case):
        return f"case {node.id} {node.span!r} [{', '.join(map(_dump, node.statements))}]"
    parts = [*map(_dump, node.values), *map(_dump, node.children)]
    return f"{node.key} {node.span!r} {node.key_span!r} [{', '.join(parts)}]"


def _results() -> list[str]:
    """What parsing gives for every bundled case and a set of broken ones: the syntax trees
    (positions included) and every diagnostic's code, message, span and hint."""
    _parser.cache_clear()
    out = []
    sources = [Source(str(p), p.read_text(encoding="utf-8")) for p in _cases()]
    sources += [Source(f"bad{i}.case", text) for i, text in enumerate(BAD)]
    for source in sources:
        try:
            out.extend(_dump(case) for case in parse_source(source).cases)
        except DoctrineError as e:  # every diagnostic of a file that does not parse
            out.append(repr(e.diagnostics))
    return out


def _tables() -> tuple[object, object]:
    """The parser as lark serialises it, without the objects made afresh for each parser (the
    indenter, the transformer)."""
    data, memo = _parser()[0].memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in grammar_cache.AT_LOAD}
    return data, memo


def _grammar_file(cache: Path) -> Path:
    files = list(cache.glob("grammar-*.json"))
    assert len(files) == 1
    return files[0]


def test_the_tables_read_back_as_the_parser_lark_builds(cache: Path) -> None:
    built_tables, built = _tables(), _results()  # no file yet: built, and written
    path = _grammar_file(cache)
    header = json.loads(path.read_bytes().partition(b"\n")[0])
    assert header["format"] == grammar_cache.FORMAT
    path.touch()
    _parser.cache_clear()
    loaded_tables, loaded = _tables(), _results()
    assert len(built) > 100
    assert loaded == built
    assert loaded_tables == built_tables
    parser, indenter = _parser()  # and the options lark takes again at load
    assert parser.options.postlex is indenter
    assert parser.options.propagate_positions is True
    assert type(parser.options.transformer).__name__ == "_Shape"


def test_the_tables_are_read_from_the_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _results()
    _parser.cache_clear()
    monkeypatch.setattr(grammar_cache, "_write", lambda *_: pytest.fail("built again"))
    from lark import Lark

    monkeypatch.setattr(Lark, "__init__", lambda *_a, **_k: pytest.fail("built again"))
    _parser()


def _damaged(path: Path, marker: Path) -> list[bytes]:
    good = path.read_bytes()
    head, _, body = good.partition(b"\n")
    stale = json.loads(head)
    stale["key"] = "0" * 64
    other = json.loads(body)
    other["memo"] = {"#i": []}
    other_body = json.dumps(other).encode()
    other_head = json.dumps({**json.loads(head), "sha256": hashlib.sha256(other_body).hexdigest()})
    return [
        b"",
        good[: len(good) // 2],  # cut short
        good.replace(b'"states"', b'"statez"'),  # a changed byte: the checksum no longer holds
        json.dumps(stale).encode() + b"\n" + body,  # made for another grammar or lark
        other_head.encode() + b"\n" + other_body,  # the checksum holds but lark cannot load it
        b"not json\n" + body,
        pickle.dumps(Planted(marker)),
    ]


def _written_again(path: Path, good: bytes) -> None:
    """`path` holds tables for the same key again, whole (lark may number its states
    differently from one build to the next)."""
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    assert header["key"] == json.loads(good.partition(b"\n")[0])["key"]
    assert header["sha256"] == hashlib.sha256(body).hexdigest()


@pytest.mark.parametrize("which", range(7))
def test_a_damaged_stale_or_planted_file_is_built_again(cache: Path, which: int) -> None:
    reference = _results()
    path = _grammar_file(cache)
    good = path.read_bytes()
    marker = cache / "ran"
    path.write_bytes(_damaged(path, marker)[which])
    assert _results() == reference
    assert not marker.exists()
    _written_again(path, good)


def test_a_directory_in_place_of_the_file_is_built_around(cache: Path) -> None:
    reference = _results()
    path = _grammar_file(cache)
    path.unlink()
    path.mkdir()
    assert _results() == reference


def test_the_key_follows_the_grammar_the_options_and_lark() -> None:
    options = {"parser": "lalr", "lexer": "contextual", "postlex": object()}
    key = grammar_cache.cache_key("start: A\nA: \"a\"\n", options)
    assert key == grammar_cache.cache_key("start: A\nA: \"a\"\n", {**options, "postlex": object()})
    assert key != grammar_cache.cache_key("start: A\nA: \"b\"\n", options)
    assert key != grammar_cache.cache_key("start: A\nA: \"a\"\n", {**options, "lexer": "basic"})


def test_tags_read_back_exactly() -> None:
    value = {"a": [(0, 1), (1, {"@": 3})], "b": {0: {2: (0, 5)}}, "c": (), "d": [None, True, 1.5, "#t"]}
    text = json.dumps(grammar_cache._tag(value))
    assert json.loads(text, object_hook=grammar_cache._untag) == value
    with pytest.raises(TypeError):
        grammar_cache._tag({"#t": 1})
    with pytest.raises(TypeError):
        grammar_cache._tag({1: "x", "y": 2})
    with pytest.raises(TypeError):
        grammar_cache._tag({"x": object()})


def test_lark_is_imported_without_the_regex_module() -> None:
    """lark imports the optional `regex` only to offer it (doctrine's parser uses `re`): hidden
    while lark is first imported, and importable again afterwards."""
    import subprocess
    import sys

    code = ("import sys, importlib.util, doctrine.language.parse, lark.utils\n"
            "print('regex' in sys.modules, lark.utils._has_regex)\n"
            "if importlib.util.find_spec('regex'): import regex\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False", "ok"]
