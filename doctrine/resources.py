"""The one place that finds grammar/, rules/ and the vendored opinions, in a checkout or a wheel,
and the cache folder.

In a source checkout the folders sit at the project root; in an installed wheel they are the
package data `doctrine.rules`, `doctrine.grammar` and `doctrine.opinions`.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_ROOT = _PACKAGE.parent


def _find(name: str, marker: str) -> Path:
    """`name` beside the package (a checkout) or inside it (a wheel)."""
    for candidate in (_ROOT / name, _PACKAGE / name):
        if (candidate / marker).exists():
            return candidate
    try:  # an installed wheel maps the top-level folders to subpackages
        import importlib.resources as ir

        path = Path(str(ir.files(f"doctrine.{name}")))
        if (path / marker).exists():
            return path
    except ModuleNotFoundError:
        pass
    raise FileNotFoundError(f"doctrine: cannot find {name}/ (looked beside and inside {_PACKAGE})")


@cache
def rules_dir() -> Path:
    return _find("rules", "doctrine.lp")


@cache
def grammar_path() -> Path:
    return _find("grammar", "case.lark") / "case.lark"


@cache
def opinions_dir() -> Path:
    return _PACKAGE / "opinions"


@cache
def schema_path() -> Path:
    return _PACKAGE / "schema" / "result.schema.json"


def cache_dir() -> Path | None:
    """`$XDG_CACHE_HOME/doctrine` (default `~/.cache/doctrine`), made if missing; None when it
    cannot be made (every cache is then skipped, never an error)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doctrine"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base
