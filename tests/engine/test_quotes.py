"""The rule metadata is complete and every quote is verbatim from its vendored opinion.

Read with clingo.ast (not regex): every `derive(Id, X) :- Body.` has `rule/5` metadata, every
rule has a `quote/3` found in its opinion and an authority in authorities.lp, a rule from
outside the seeds names its source, and every proposition P1-P25 of the brief is encoded.

A quote matches after normalising only what typesetting does: whitespace runs (line breaks,
the page-break indents of Billings) collapse to one space, and a hyphen at the end of a
line may be a soft hyphen (joined: "estab-/lished" -> "established") or a real one (kept:
"second-/guess" -> "second-guess").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache, lru_cache
from pathlib import Path

import clingo
import pytest
from clingo import ast

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
OPINIONS = ROOT / "doctrine" / "opinions"
# Every vendored text by its id: the three seed opinions, and the excerpts of decisions outside
# the seeds read through search (doctrine/opinions/excerpts/, each with its source in a header).
OPINION_FILES = {
    entry["id"]: name for name, entry in json.loads((OPINIONS / "sources.json").read_text(encoding="utf-8")).items()
}
STATEMENTS = {"holding", "alternative_holding", "assumed", "concession", "dictum", "outside_seeds"}
QUESTIONS = {"preservation", "duty", "gate", "merits", "notice", "remedy", "authority", "allocution"}
BREAK = "\x00"  # a hyphen at a line end, kept or joined


def _value(term: ast.AST) -> str | int:
    if term.ast_type == ast.ASTType.SymbolicTerm:
        sym = term.symbol
        if sym.type == clingo.SymbolType.String:
            return sym.string
        if sym.type == clingo.SymbolType.Number:
            return sym.number
    return str(term)


@lru_cache(maxsize=1)
def metadata() -> dict[str, list[tuple[list[str | int], str]]]:
    """Facts name -> [(arguments, location)], plus "derive" -> [([rule id], location)]."""
    out: dict[str, list[tuple[list[str | int], str]]] = defaultdict(list)

    def visit(stm: ast.AST) -> None:
        if stm.ast_type != ast.ASTType.Rule:
            return
        head = stm.head
        if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
            return
        sym = head.atom.symbol
        if sym.ast_type != ast.ASTType.Function:
            return
        where = f"{Path(stm.location.begin.filename).name}:{stm.location.begin.line}"
        if sym.name == "derive" and len(sym.arguments) == 2 and stm.body:
            out["derive"].append(([str(sym.arguments[0])], where))
        elif not stm.body:
            out[sym.name].append(([_value(a) for a in sym.arguments], where))

    ast.parse_files([str(RULES / "doctrine.lp")], visit)
    return out


def normalise(text: str) -> str:
    text = re.sub(r"-[ \t]*\r?\n\s*", BREAK, text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def opinion(name: str) -> str:
    text = (OPINIONS / OPINION_FILES[name]).read_text(encoding="utf-8")
    if OPINION_FILES[name].startswith("excerpts/"):
        text = text.split("\n---\n", 1)[1]  # the header says where it was read; the text follows
    return normalise(text)


def quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote as a pattern over a normalised opinion: any line-end hyphen may be joined or kept."""
    parts = []
    for ch in re.sub(r"\s+", " ", quote.strip()):
        if ch == "-":
            parts.append(f"(?:-|{BREAK})")
        else:
            parts.append(re.escape(ch) + f"{BREAK}?")
    return re.compile("".join(parts))


def found(quote: str, name: str) -> bool:
    return quote_pattern(quote).search(opinion(name)) is not None


RULE_IDS = sorted({str(a[0]) for a, _ in metadata()["rule"]})
QUOTES = [(str(a[0]), str(a[1]), str(a[2]), w) for a, w in metadata()["quote"]]


def test_normalise_accepts_both_hyphen_joins():
    text = "We cannot second-\n\nguess the substan-\n\ntial assistance"
    opinion.cache_clear()
    assert quote_pattern("second-guess the substantial").search(normalise(text))
    assert quote_pattern("secondguess").search(normalise(text)) is not None  # a soft hyphen joins
    assert not quote_pattern("second guess").search(normalise(text))


def test_every_derive_has_metadata():
    ids = {str(a[0]) for a, _ in metadata()["derive"]}
    missing = sorted(ids - set(RULE_IDS))
    assert not missing, f"derive/2 without rule/5: {missing}"


def test_every_rule_is_used():
    ids = {str(a[0]) for a, _ in metadata()["derive"]}
    assert not sorted(set(RULE_IDS) - ids), "rule/5 with no derive/2"


def test_rule_ids_are_unique_and_prefixed_by_authority():
    seen: dict[str, str] = {}
    for args, where in metadata()["rule"]:
        rid, authority = str(args[0]), str(args[1])
        assert rid not in seen, f"{rid} declared twice ({seen.get(rid)}, {where})"
        seen[rid] = where
        assert rid.startswith(authority + "_"), f"{rid} ({where}) is not prefixed by its authority {authority}"


@pytest.mark.parametrize("args", [a for a, _ in metadata()["rule"]], ids=[str(a[0]) for a, _ in metadata()["rule"]])
def test_rule_metadata(args):
    rid, authority, pin, statement, question = args
    authorities = {str(a[0]) for a, _ in metadata()["authority"]}
    assert authority in authorities, f"{rid}: unknown authority {authority}"
    assert isinstance(pin, str)
    assert statement in STATEMENTS, f"{rid}: statement {statement}"
    assert question in QUESTIONS, f"{rid}: question {question}"
    quoted = [q for q in QUOTES if q[0] == rid]
    assert quoted, f"{rid} has no quote/3"
    if statement == "outside_seeds":
        assert any(str(a[0]) == rid for a, _ in metadata()["source"]), f"{rid}: outside the seeds without source/2"


@pytest.mark.parametrize("rid,name,text,where", QUOTES, ids=[f"{q[0]}@{q[3]}" for q in QUOTES])
def test_quote_is_verbatim(rid, name, text, where):
    assert name in OPINION_FILES, f"{rid}: unknown opinion {name}"
    assert text.strip(), f"{rid}: empty quote"
    assert "*" not in text and "<sup>" not in text, f"{rid}: quote spans markup"
    assert found(text, name), f"{rid} ({where}): not verbatim in {OPINION_FILES[name]}: {text!r}"


def test_authorities_well_formed():
    courts = {"supreme_court", "statute", *(f"{n}_circuit" for n in ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "dc"])}
    statuses = {"precedential", "nonprecedential", "unpublished", "statute", "vacated"}
    ids = []
    for (aid, name, cite, court, date, status), where in metadata()["authority"]:
        ids.append(aid)
        assert name and cite, where
        assert court in courts, where
        assert isinstance(date, int) and 1900_00_00 < date < 2100_00_00, where
        month, day = date // 100 % 100, date % 100
        assert (month, day) == (0, 0) or (1 <= month <= 12 and 1 <= day <= 31), where
        assert status in statuses, where
    assert len(ids) == len(set(ids))
    required = ["wade", "king", "billings", "buffington", "mackmore", "olano", "miller", "rounsavall", "perez", "mullins", "holbdy", "black", "peters", "lezine", "emerson", "villareal", "wilson", "williams", "luepke", "kimbrough", "santobello"]
    assert not set(required) - set(ids)


def test_rules_outside_the_seeds_say_what_they_build_on():
    """A rule from outside the seeds carries a comment between its %## line and rule/5."""
    for path in sorted(RULES.glob("*.lp")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("rule(") and "outside_seeds" in line:
                j, commented = i - 1, False
                while j >= 0 and not lines[j].startswith("%##"):
                    commented |= lines[j].startswith("% ")
                    j -= 1
                assert commented, f"{path.name}:{i + 1}: say which seed passage the rule builds on"
