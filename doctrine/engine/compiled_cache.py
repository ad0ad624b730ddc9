"""The compiled doctrine on disk: JSON of ints and strings (a format that cannot run code).

One file per (rules digest, jurisdiction, trace, doctrine and clingo versions), under the
user's cache directory; a rulebase the compiled engine cannot evaluate is recorded too, so
that it is not ground again only to find that out.

    load_or_build(rulebase, "seventh_circuit", trace=True)
reads or writes
    ~/.cache/doctrine/compiled-<digest>-seventh_circuit-trace-f<format>-<versions>.json
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import clingo

from doctrine.engine.compiled import CompiledDoctrine, NotStratified, build
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.workers import collector_paused

FORMAT = 2  # 2: the rules of a part without recursion are stored level by level


def cache_path(rulebase: Rulebase, jurisdiction: str, trace: bool) -> Path | None:
    from doctrine.version import __version__

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doctrine"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    kind = "trace" if trace else "plain"
    versions = f"{__version__}-{clingo.__version__}-{vocabulary_digest()}"
    # the format in the name: another version of doctrine sharing the cache keeps its own files
    return base / f"compiled-{rulebase.digest[:32]}-{jurisdiction}-{kind}-f{FORMAT}-{versions}.json"


@functools.cache
def vocabulary_digest() -> str:
    """The vocabulary's source, hashed: a compiled doctrine is grounded over the input atoms the
    vocabulary allows, so a new word (with the rules unchanged) must not meet an old cache.
    Reading three source files costs far less than listing the 3,400 atoms."""
    from doctrine.language import domains, vocabulary, vocabulary_federal

    digest = hashlib.sha256()
    for module in (domains, vocabulary, vocabulary_federal):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # no readable source (a frozen install): the atoms themselves
            from doctrine.engine.solve import input_universe

            return hashlib.sha256("\n".join(sorted(map(str, input_universe()))).encode()).hexdigest()[:12]
    return digest.hexdigest()[:12]


def to_data(doctrine: CompiledDoctrine) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "atoms": doctrine.atoms,
        "blocks": [[recursive, [[h, list(p), list(n)] for h, p, n in rules]] for recursive, rules in doctrine.blocks],
        "constraints": [[list(p), list(n)] for p, n in doctrine.constraints],
        "true": list(doctrine.true),
        "inputs": doctrine.inputs,
        "shown": [[s, list(p), list(n)] for s, p, n in doctrine.shown],
    }


def from_data(data: dict[str, Any]) -> CompiledDoctrine:
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    return CompiledDoctrine(  # list comprehensions: a third faster than generators on 12,000 rules
        int(data["atoms"]),
        tuple([(bool(r), tuple([(int(h), tuple(p), tuple(n)) for h, p, n in rules])) for r, rules in data["blocks"]]),
        tuple([(tuple(p), tuple(n)) for p, n in data["constraints"]]),
        tuple(data["true"]),
        {str(k): int(v) for k, v in data["inputs"].items()},
        tuple([(str(s), tuple(p), tuple(n)) for s, p, n in data["shown"]]),
    )


def load_or_build(rulebase: Rulebase, jurisdiction: str, trace: bool) -> CompiledDoctrine:
    """The compiled doctrine from the cache, or built (and cached). Raises NotStratified."""
    path = cache_path(rulebase, jurisdiction, trace)
    if path is not None and path.exists():
        try:
            # Tens of thousands of lists and tuples, all kept: the cyclic collector, walking them
            # again each time it runs, would double the time of reading them.
            with collector_paused():
                data = json.loads(path.read_text(encoding="utf-8"))
                if "not_stratified" in data:
                    raise NotStratified(str(data["not_stratified"]))
                return from_data(data)
        except (ValueError, KeyError, TypeError):
            pass  # a damaged or older file: build again
    try:
        doctrine = build(rulebase, jurisdiction, trace)
        data = to_data(doctrine)
    except NotStratified as why:
        _write(path, {"format": FORMAT, "not_stratified": str(why)})
        raise
    _write(path, data)
    return doctrine


def _write(path: Path | None, data: dict[str, Any]) -> None:
    if path is None:
        return
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
