"""doctrine/reasoning/templates.py (with facts.py and words.py) covers every conclusion the rules derive and every input predicate."""

from __future__ import annotations

import re
import string

import clingo.ast as ast
from conftest import RULES

from doctrine.language import vocabulary as V
from doctrine.reasoning import templates as T


def _conclusions() -> set[tuple[str, int]]:
    heads: set[tuple[str, int]] = set()

    def visit(stm):
        if stm.ast_type != ast.ASTType.Rule or not stm.body or stm.head.ast_type != ast.ASTType.Literal:
            return
        sym = stm.head.atom.symbol
        if sym.ast_type == ast.ASTType.Function and sym.name == "derive" and len(sym.arguments) == 2:
            c = sym.arguments[1]
            if c.ast_type == ast.ASTType.Function:
                heads.add((c.name, len(c.arguments)))
            else:
                heads.add((str(c), 0))

    ast.parse_files([str(RULES / "doctrine.lp")], visit)
    return heads


def _fields(text: str) -> set[int]:
    return {int(f) for _, f, _, _ in string.Formatter().parse(text) if f not in (None, "")}


def test_every_conclusion_has_a_template():
    missing = sorted(_conclusions() - set(T.TEMPLATES))
    assert not missing, missing


def test_every_input_predicate_has_a_template():
    inputs = {(p, a) for p, (a, _) in V.input_predicates().items()}
    missing = sorted(inputs - set(T.TEMPLATES))
    assert not missing, missing


def test_placeholders_match_arity():
    for key, (pos, neg) in T.TEMPLATES.items():
        # whole-atom templates (T.ATOMS) are keyed by the atom and take no placeholders
        name, arity = key if isinstance(key, tuple) else (key, 0)
        for text in (pos, neg):
            assert _fields(text) <= set(range(arity)), (name, text)
        assert pos != neg, name
        assert not re.match(r"not \w+\(", neg), f"{name}: the negative form must read as a finding"


def test_words_cover_the_vocabulary_constants():
    constants = set()
    for _, key in V.walk():
        if key.domain is not None:
            constants.update(key.domain.constants())
    # single words read fine as themselves; anything with an underscore needs a phrase
    missing = sorted(c for c in constants if "_" in c and c not in T.WORDS)
    assert not missing, missing


def test_a_conclusion_reads_as_english():
    pos, _neg = T.TEMPLATES[("no_threshold_showing", 1)]
    assert pos.format(T.WORDS["impermissible_factor"]).startswith("no substantial threshold showing")
    assert T.WORDS["s3553e"] == "§ 3553(e)" and T.WORDS["stand_in"] == "a stand-in prosecutor"
