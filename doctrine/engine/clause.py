"""A derive rule as written, for why / why-not: the rulebase's `Clause` records, made by the
instrumentation (`instrument.py`) and read back from the rulebase cache, and each one's clingo
AST, parsed on first use. Kept apart from the instrumentation so that a rulebase read from the
cache never imports clingo's AST module (about 4 ms of a single `doctrine explain`).

    derive(wade_threshold, threshold_showing(A)) :- allegation(A), not holds(x(A)).
is recorded as
    Clause(3, "wade_threshold", "threshold_showing(A)", ("allegation(A)",), ("holds(x(A))",), ...)
"""

from __future__ import annotations

import atexit
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clingo import ast

_TEXTS: dict[str, str] = {}  # a loaded rulebase's program text, by its digest (for `ast_node`)


@dataclass(frozen=True)
class Clause:
    """One `derive(Id, X) :- Body.` rule as written (for why / why-not)."""

    index: int
    rule: str
    head: str  # the conclusion pattern, e.g. "threshold_showing(A)"
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    location: str
    digest: str = field(compare=False, repr=False, default="")

    @property
    def ast_node(self) -> ast.AST:
        """The rule as clingo AST (parsed on first use from the rulebase's program text)."""
        return _derive_nodes(self.digest)[self.index]


def _derive_head(stm: ast.AST) -> tuple[str, ast.AST] | None:
    """For `derive(Id, X) :- Body.` the id and the conclusion term X."""
    from clingo import ast

    if stm.ast_type != ast.ASTType.Rule:
        return None
    head = stm.head
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    sym = head.atom.symbol
    if sym.ast_type != ast.ASTType.Function or sym.name != "derive" or len(sym.arguments) != 2:
        return None
    rid = sym.arguments[0]
    if rid.ast_type != ast.ASTType.SymbolicTerm or len(stm.body) == 0:
        return None
    return str(rid.symbol), sym.arguments[1]


_PROGRAMS: dict[str, tuple[ast.AST, ...]] = {}
_DERIVES: dict[str, tuple[ast.AST, ...]] = {}


@atexit.register
def _release() -> None:
    """Free the cached AST while clingo is still loaded: this module is imported before
    clingo.ast, so at interpreter teardown clingo's library would be gone before the cache."""
    _DERIVES.clear()
    _PROGRAMS.clear()


def _parsed(text: str) -> tuple[ast.AST, ...]:
    """Program text -> clingo AST, once per distinct text."""
    from clingo import ast

    key = hashlib.sha256(text.encode()).hexdigest()
    if key not in _PROGRAMS:
        out: list[ast.AST] = []
        ast.parse_string(text, out.append)
        _PROGRAMS[key] = tuple(out)
    return _PROGRAMS[key]


def _derive_nodes(digest: str) -> tuple[ast.AST, ...]:
    """The derive rules of a loaded rulebase, in clause order."""
    if digest not in _DERIVES:
        _DERIVES[digest] = tuple(s for s in _parsed(_TEXTS[digest]) if _derive_head(s) is not None)
    return _DERIVES[digest]
