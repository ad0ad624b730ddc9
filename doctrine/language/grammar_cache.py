"""lark's LALR tables on disk as JSON (a format that cannot run code), so a process reads the
parser in about a millisecond instead of building it (about 20 ms: lark parses the grammar with
its own LALR parser, then computes the case grammar's tables).

    load_parser(grammar_text, options, build=lambda: Lark(grammar_text, **options))
reads or writes
    ~/.cache/doctrine/grammar-<sha256 of the grammar, the options and lark's version>.json

lark's own cache is a pickle (a planted file would run code when read), so doctrine keeps its
own: `Lark.memo_serialize` gives dicts, lists, tuples, strings and numbers, written here with
tuples and int-keyed dicts tagged so that they read back exactly (`{"#t": [...]}`,
`{"#i": [[key, value], ...]}`). The file's first line is its header (format, key, and the
sha256 of the second line, the tables); a file that is missing, damaged, made for another
grammar or lark, or that lark cannot load is ignored, and the parser is built and the file
written again. The objects lark cannot store (the indenter, the transformer) are passed again
at load, as lark's own cache does.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from doctrine.language.source import read_regular_file
from doctrine.resources import cache_dir

FORMAT = 1
MAX_BYTES = 4 * 1024 * 1024  # the case grammar's tables are about 16 KB
# the options lark takes again when it loads a parser (lark.lark._LOAD_ALLOWED_OPTIONS): the
# ones that are objects, or that do not change the tables
AT_LOAD = frozenset({"postlex", "transformer", "lexer_callbacks", "use_bytes", "debug", "g_regex_flags",
                     "regex", "propagate_positions", "tree_class", "_plugins"})


def cache_key(grammar: str, options: dict[str, Any]) -> str:
    """The sha256 of what the tables are made from: the grammar's text, the options that shape
    them, lark's version and this file's format."""
    shaping = sorted((k, repr(v)) for k, v in options.items() if k not in AT_LOAD)
    text = json.dumps([FORMAT, lark.__version__, grammar, shaping])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_path(key: str) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    return base / f"grammar-{key[:32]}.json"


def load_parser(grammar: str, options: dict[str, Any], build: Callable[[], Lark]) -> Lark:
    """The parser from the cache, or `build()` (and cached)."""
    key = cache_key(grammar, options)
    path = cache_path(key)
    loaded = _read(path, key, options) if path is not None else None
    if loaded is not None:
        return loaded
    parser = build()
    if path is not None:
        _write(path, key, parser)
    return parser


def _read(path: Path, key: str, options: dict[str, Any]) -> Lark | None:
    try:
        content = read_regular_file(path, MAX_BYTES)
        if len(content) > MAX_BYTES:
            return None
        head, _, body = content.partition(b"\n")
        header = json.loads(head)
        if header != {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}:
            return None
        stored = json.loads(body, object_hook=_untag)
        kept = {k: v for k, v in options.items() if k in AT_LOAD}
        # lark's loader for tables kept as plain data (its standalone parsers use it too)
        parser: Lark = Lark._load_from_dict(stored["data"], stored["memo"], **kept)  # type: ignore[no-untyped-call]
        return parser
    except Exception:  # missing, damaged, foreign, or a shape lark cannot load: build it again
        return None


def _write(path: Path, key: str, parser: Lark) -> None:
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in AT_LOAD}
    try:
        body = json.dumps({"data": _tag(data), "memo": _tag(memo)}, separators=(",", ":")).encode("utf-8")
    except TypeError:  # a value JSON cannot hold: no cache, the parser is still good
        return
    header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()})
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        tmp.write_bytes(header.encode("utf-8") + b"\n" + body)
        tmp.replace(path)
    except OSError:  # a read-only or odd cache folder: no cache, the parser is still good
        tmp.unlink(missing_ok=True)


def _tag(value: Any) -> Any:
    """Plain JSON for `value`, with tuples and int-keyed dicts tagged (raises TypeError on
    anything else, or on a key that could be mistaken for a tag)."""
    if isinstance(value, dict):
        if all(type(k) is str and not k.startswith("#") for k in value):
            return {k: _tag(v) for k, v in value.items()}
        if all(type(k) is int for k in value):
            return {"#i": [[k, _tag(v)] for k, v in value.items()]}
        raise TypeError("a dict whose keys are neither all names nor all ints")
    if isinstance(value, tuple):
        return {"#t": [_tag(v) for v in value]}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__}")


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if "#i" in obj:
            return {int(k): v for k, v in obj["#i"]}
        if "#t" in obj:
            return tuple(obj["#t"])
    return obj
