"""The rulebase cache on disk: JSON, never anything that runs when read.

    {"digest": "4e3c...", "rules": {"wade_threshold": {"id": ..., "authority": ...}}, ...,
     "program": "derive(wade_threshold, ...) :- ...", ...}

The file is keyed on the sha256 of every rule file and read back field by field: a file that is
malformed, made for other rule files, of the wrong shape, or whose program text holds a directive
that could load a file or run a script is ignored (and rebuilt by the caller). No pickle: a planted
pickle would run code when loaded.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from doctrine.engine.clause import Clause
from doctrine.language.source import read_regular_file

MAX_CACHE = 64 * 1024 * 1024  # bytes; the bundled rules' cache is about 200 KB


def read_cache(path: Path | None, digest: str, records: Mapping[str, type[Any]]) -> dict[str, Any] | None:
    """The cached data, or None when it is missing, malformed or made for other rule files.
    `records` names the dataclass of each mapping of records (`rules`: RuleInfo, ...)."""
    if path is None or not path.is_file():
        return None
    try:
        content = read_regular_file(path, MAX_CACHE)
        if len(content) > MAX_CACHE:
            return None
        raw = json.loads(content.decode("utf-8"))
        data = _decode(raw, records) if isinstance(raw, dict) and raw.get("digest") == digest else None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if data is None or any(_UNSAFE.search(t) for t in _programs(data)):
        return None
    return data


def write_cache(path: Path | None, digest: str, data: dict[str, Any]) -> None:
    if path is None:
        return
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"digest": digest, **_encode(data)}), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


# Directives that would load a file or run a script: never part of an instrumented rulebase, so a
# cached program text holding one was not written by doctrine.
_UNSAFE = re.compile(r"#\s*(script|include|lua|python)\b")


def _programs(data: dict[str, Any]) -> list[str]:
    return [data["program"], data["trace_program"], *data["jurisdiction_programs"].values()]


def _encode(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **data,
        "rules": {k: asdict(v) for k, v in data["rules"].items()},
        "authorities": {k: asdict(v) for k, v in data["authorities"].items()},
        "clauses": [{k: v for k, v in asdict(c).items() if k != "digest"} for c in data["clauses"]],
    }


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings")
    return tuple(value)


def _record(cls: type[Any], value: Any) -> Any:
    """A RuleInfo or Authority from its JSON object, every field present and of its type."""
    kinds = {f.name: int if f.type == "int" else str for f in fields(cls)}
    if not isinstance(value, dict) or set(value) != set(kinds):
        raise TypeError(f"not a {cls.__name__}")
    if not all(type(value[k]) is kinds[k] for k in kinds):
        raise TypeError(f"a field of {cls.__name__}")
    return cls(**value)


def _decode(raw: dict[str, Any], records: Mapping[str, type[Any]]) -> dict[str, Any]:
    """The cache's JSON back into the rulebase data; any field of the wrong shape raises."""
    texts = [raw["program"], raw["trace_program"], *raw["jurisdiction_programs"].values()]
    if not all(isinstance(t, str) for t in texts):
        raise TypeError("program text")
    jurisdictions = {str(j): {str(q): str(v) for q, v in s.items()} for j, s in raw["jurisdictions"].items()}
    return {
        **{name: {str(k): _record(cls, v) for k, v in raw[name].items()} for name, cls in records.items()},
        "clauses": [
            Clause(int(c["index"]), str(c["rule"]), str(c["head"]), _strs(c["positive"]), _strs(c["negative"]),
                   str(c["location"]))
            for c in raw["clauses"]
        ],
        "questions": {str(q): _strs(p) for q, p in raw["questions"].items()},
        "jurisdictions": jurisdictions,
        "since": {str(j): {str(q): str(a) for q, a in s.items()} for j, s in raw["since"].items()},
        "bars": _strs(raw["bars"]),
        "program": raw["program"],
        "trace_program": raw["trace_program"],
        "jurisdiction_programs": {str(j): t for j, t in raw["jurisdiction_programs"].items()},
    }
