"""The compiled doctrine on disk: JSON of ints, strings and arrays of ints (little-endian, 32
bits, in base64), a format that cannot run code.

One file per (rules digest, jurisdiction, trace, doctrine and clingo versions), under the
user's cache directory; a rulebase the compiled engine cannot evaluate is recorded too, so
that it is not ground again only to find that out.

    load_or_build(rulebase, None, trace=True)
reads or writes
    ~/.cache/doctrine/compiled-<digest>-all-trace-f<format>-<versions>.json
(`all`: one doctrine for every jurisdiction; a rulebase whose jurisdiction files say more than
facts has one file per jurisdiction, named by it), and beside it the Python value of each shown
atom, as JSON (`...-f<format>-<versions>.shown.json`: read only by a batch, `stored_entries`)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import sys
from array import array
from itertools import repeat
from pathlib import Path
from typing import Any

import clingo

from doctrine.engine.compiled import CompiledDoctrine, NotStratified, build, stored_form
from doctrine.engine.rulebase import Rulebase
from doctrine.engine.solve import BUCKETS, shown_entry
from doctrine.engine.workers import collector_paused
from doctrine.resources import cache_dir

FORMAT = 6  # 2: the rules of a part without recursion are stored level by level; 3: as runs of int arrays;
# 4: each rule's rarest premise first (`bitset.rarest_first`); 5: one doctrine for every jurisdiction
# (the jurisdiction files' facts are inputs); 6: each shown atom's decoded value in a file beside it


def cache_path(rulebase: Rulebase, jurisdiction: str | None, trace: bool) -> Path | None:
    from doctrine.version import __version__

    base = cache_dir()
    if base is None:
        return None
    kind = "trace" if trace else "plain"
    versions = f"{__version__}-{clingo.__version__}-{vocabulary_digest()}"
    # the format in the name: another version of doctrine sharing the cache keeps its own files
    return base / f"compiled-{rulebase.digest[:32]}-{jurisdiction or 'all'}-{kind}-f{FORMAT}-{versions}.json"


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
        "blocks": [[recursive, _pack([(h, *p, *n) for h, p, n in rules], [(len(p), len(n)) for _, p, n in rules])]
                   for recursive, rules in doctrine.blocks],
        "constraints": [[list(p), list(n)] for p, n in doctrine.constraints],
        "true": list(doctrine.true),
        "input_names": list(doctrine.inputs),
        "input_atoms": _ints_text(list(doctrine.inputs.values())),
        "shown_names": [s for s, _, _ in doctrine.shown],
        "shown": _pack([(*p, *n) for _, p, n in doctrine.shown], [(len(p), len(n)) for _, p, n in doctrine.shown]),
    }


def from_data(data: dict[str, Any]) -> CompiledDoctrine:
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    blocks = []
    for recursive, runs in data["blocks"]:
        heads, pos, neg = _unpack(runs, 1)
        blocks.append((bool(recursive), tuple(zip(heads, pos, neg, strict=True))))
    names, atoms = [str(s) for s in data["input_names"]], _ints(data["input_atoms"])
    shown_names = [str(s) for s in data["shown_names"]]
    _, pos, neg = _unpack(data["shown"], 0)
    return CompiledDoctrine(
        int(data["atoms"]),
        tuple(blocks),
        tuple([(tuple(p), tuple(n)) for p, n in data["constraints"]]),
        tuple(data["true"]),
        dict(zip(names, atoms, strict=True)),
        tuple(zip(shown_names, pos, neg, strict=True)),
    )


# Rules (and shown atoms) are stored as runs of rows of one shape, each run one array of ints:
# (head, premises..., negated premises...) row after row. A run is read back by slicing the array
# into its columns and zipping them, so that the tuples of 13,000 rules are made in C: about a
# fifth of the time of reading them as JSON lists (the bulk of a single `doctrine explain`'s load).

_TYPECODE = next(t for t in "IL" if array(t).itemsize == 4)  # clingo's atoms are 32-bit


def _ints_text(values: list[int]) -> str:
    a = array(_TYPECODE, values)
    if sys.byteorder == "big":
        a.byteswap()  # stored little-endian
    return base64.b64encode(a.tobytes()).decode("ascii")


def _ints(text: str) -> list[int]:
    a = array(_TYPECODE)
    a.frombytes(base64.b64decode(text, validate=True))
    if sys.byteorder == "big":
        a.byteswap()
    return a.tolist()


def _pack(rows: list[tuple[int, ...]], shapes: list[tuple[int, int]]) -> list[list[Any]]:
    """Consecutive rows of one shape (how many premises, how many negated) as one run:
    [premises, negated, rows, the rows' ints]."""
    runs: list[list[Any]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or shapes[i] != shapes[start]:
            ints = [x for row in rows[start:i] for x in row]
            runs.append([*shapes[start], i - start, _ints_text(ints)])
            start = i
    return runs


def _unpack(runs: list[list[Any]], lead: int) -> tuple[list[int], list[tuple[int, ...]], list[tuple[int, ...]]]:
    """The runs of `_pack` as their heads (when `lead` is 1), premises and negated premises."""
    heads: list[int] = []
    pos: list[tuple[int, ...]] = []
    neg: list[tuple[int, ...]] = []
    for n_pos, n_neg, count, text in runs:
        width, ints = lead + int(n_pos) + int(n_neg), _ints(text)
        if count < 1 or n_pos < 0 or n_neg < 0 or len(ints) != width * count:
            raise ValueError("a damaged run")
        columns = [ints[c::width] for c in range(width)]
        heads.extend(columns[0] if lead else ())
        pos.extend(zip(*columns[lead:lead + n_pos], strict=True) if n_pos else repeat((), count))
        neg.extend(zip(*columns[lead + n_pos:], strict=True) if n_neg else repeat((), count))
    return heads, pos, neg


def load_or_build(rulebase: Rulebase, jurisdiction: str | None, trace: bool) -> CompiledDoctrine:
    """The compiled doctrine (of one jurisdiction, or None: of every one, `compiled.build`) from
    the cache, or built (and cached). Raises NotStratified."""
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
    if path is not None:
        _write(_entries_path(path), entries_data(doctrine))  # first: the doctrine's file says both are there
    _write(path, data)
    return doctrine


def _entries_path(path: Path) -> Path:
    return path.with_name(path.stem + ".shown.json")


def entries_data(doctrine: CompiledDoctrine) -> dict[str, Any]:
    """Each shown atom's decoded value (`shown_entry`, by clingo) in its stored form (`stored_form`)."""
    out = [stored_form(shown_entry(clingo.parse_term(text))) for text, _, _ in doctrine.shown]
    return {"format": FORMAT, "shown": len(out), "entries": out}


def stored_entries(rulebase: Rulebase, jurisdiction: str | None, trace: bool) -> list[Any] | None:
    """The decoded shown atoms stored beside the compiled doctrine (`entries_data`), each as
    stored, or None when there is no such file or it is not one (then each atom is decoded by
    clingo when first met). Decoding the atoms a thousand cases meet costs a process about
    10 ms (50 ms with the trace); reading them all, a few."""
    path = cache_path(rulebase, jurisdiction, trace)
    if path is None:
        return None
    try:
        with collector_paused():
            data = json.loads(_entries_path(path).read_text(encoding="utf-8"))
        entries = data["entries"]
        if data.get("format") != FORMAT or not isinstance(entries, list) or len(entries) != data["shown"]:
            return None
        if not all(e is None or (type(e) is list and len(e) == 2 and e[0] in BUCKETS) for e in entries):
            return None
        return entries
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path | None, data: dict[str, Any]) -> None:
    if path is None:
        return
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
