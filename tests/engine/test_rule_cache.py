"""The rulebase cache on disk cannot run code and cannot poison a run: it is JSON checked field by
field against the digest of every rule file, and anything else found there is ignored and rebuilt
(issue 15, defect 1)."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from planted import Planted

from doctrine.engine import rulebase as rb
from doctrine.resources import rules_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _fresh() -> rb.Rulebase:
    root = rules_dir()
    return rb._load.__wrapped__(root, rb._digest(root))  # type: ignore[attr-defined]


def _cache_file() -> Path:
    path = rb._cache_path(rb._digest(rules_dir()))
    assert path is not None
    return path


def _same(a: rb.Rulebase, b: rb.Rulebase) -> bool:
    return (dict(a.rules), a.clauses, a.program, a.trace_program, dict(a.jurisdiction_programs)) == (
        dict(b.rules), b.clauses, b.program, b.trace_program, dict(b.jurisdiction_programs))


def test_a_planted_pickle_is_never_run(cache: Path) -> None:
    reference = _fresh()
    marker = cache / "ran"
    path = _cache_file()
    path.write_bytes(pickle.dumps(Planted(marker)))
    assert _same(_fresh(), reference)
    assert not marker.exists()
    assert json.loads(path.read_text(encoding="utf-8"))["digest"] == reference.digest  # rebuilt


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff garbage", b"[]", b'{"digest": 1}', b"{", b"{\"digest\": \"x\"}"],
    ids=["empty", "binary", "list", "wrong-digest-type", "truncated", "other-digest"],
)
def test_a_malformed_cache_is_rebuilt(cache: Path, content: bytes) -> None:
    reference = _fresh()
    _cache_file().write_bytes(content)
    assert _same(_fresh(), reference)


def test_a_cache_of_the_wrong_shape_is_rebuilt(cache: Path) -> None:
    reference = _fresh()
    path = _cache_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(data["authorities"]))
    data["authorities"][first]["date"] = "not a number"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _same(_fresh(), reference)
    assert isinstance(_fresh().authorities[first].date, int)


def test_a_cached_program_that_would_run_a_script_is_rebuilt(cache: Path) -> None:
    reference = _fresh()
    path = _cache_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["program"] += '#script (python)\nimport os\nos.system("touch ran")\n#end.\n'
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _same(_fresh(), reference)
    assert "#script" not in _fresh().program


def test_the_cache_is_keyed_on_every_rule_file(tmp_path: Path, cache: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    before = rb._digest(rules)
    (rules / "wade.lp").write_text((rules / "wade.lp").read_text(encoding="utf-8") + "\n% changed\n", encoding="utf-8")
    assert rb._digest(rules) != before
    (rules / "jurisdictions" / "default.lp").write_text("% changed\n", encoding="utf-8")
    assert rb._digest(rules) != before


def test_a_fifo_among_the_rule_files_is_refused(tmp_path: Path, cache: Path) -> None:
    import shutil

    from doctrine.language.diagnostics import DoctrineError

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    os.mkfifo(rules / "extra.lp")
    with pytest.raises(DoctrineError) as raised:
        rb.load_rulebase(rules)
    assert "FIFO" in raised.value.diagnostics[0].message
