"""Atoms in words: a conclusion, case fact or setting -> the plain-English text of its template.

    holds(relief(discovery))
reads
    "relief is available: discovery"
"""

from __future__ import annotations

from functools import lru_cache

import clingo
from clingo import Symbol, SymbolType

try:  # the templates sit beside the vocabulary; a missing template falls back to the atom
    from doctrine.reasoning.templates import TEMPLATES, WORDS
except ImportError:  # pragma: no cover - only while the templates are being written
    TEMPLATES, WORDS = {}, {}


# ---------------------------------------------------------------------------------------------
# Words


@lru_cache(maxsize=4096)
def parse_atom(text: str) -> Symbol:
    return clingo.parse_term(text)


def atom_word(sym: Symbol) -> str:
    if sym.type == SymbolType.Function and sym.arguments:
        return say(sym)
    s = str(sym).strip('"')
    return WORDS.get(s, s.replace("_", " "))


def say(sym: Symbol | str, negative: bool = False) -> str:
    """A conclusion or fact in plain English (a template per predicate), or its finding if negative."""
    return _say(sym if isinstance(sym, str) else str(sym), negative)


@lru_cache(maxsize=16384)
def _say(text: str, negative: bool) -> str:
    return _say_symbol(parse_atom(text), negative)


def _say_symbol(sym: Symbol, negative: bool) -> str:
    if sym.type != SymbolType.Function:
        return atom_word(sym)
    if sym.name == "holds" and len(sym.arguments) == 1:
        return say(sym.arguments[0], negative)
    template = TEMPLATES.get(str(sym)) or TEMPLATES.get((sym.name, len(sym.arguments)))
    args = [atom_word(a) for a in sym.arguments]
    if template:
        text = template[1 if negative else 0]
        try:
            return text.format(*args)
        except (IndexError, KeyError):
            pass
    plain = sym.name.replace("_", " ") + (f" ({', '.join(args)})" if args else "")
    return f"it is not established that {plain}" if negative else plain


@lru_cache(maxsize=4096)
def say_question(question: str) -> str:
    """An open question of the law by its words: `rounsavall_rule` -> "Rounsavall's rule (...)"."""
    return atom_word(clingo.Function(question))


@lru_cache(maxsize=4096)
def say_position(question: str, position: str) -> str:
    """A position on an open question, as a clause: "Rounsavall's rule (...) is recognized"."""
    return f"{say_question(question)} is {atom_word(clingo.Function(position))}"


def say_goal(goal: str) -> str:
    """A goal as the user named it (`relief`, `relief(discovery)`, `threshold_showing`), in words."""
    sym = parse_atom(goal)
    if sym.type == SymbolType.Function and sym.arguments:
        return say(sym)
    return atom_word(sym)
