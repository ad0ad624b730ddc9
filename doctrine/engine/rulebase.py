"""Load the rule files: rules/*.lp -> Rulebase (metadata, clauses, trace instrumentation).

Rule authors write plain `derive(Id, X) :- Body.` A `clingo.ast` pass adds, beside each such
rule, a sibling that records the ground instance which fired:

    derive(wade_threshold, threshold_showing(A)) :- allegation(A), not holds(x(A)).
gains
    _body(wade_threshold, 3, threshold_showing(A), (allegation(A),), (holds(x(A)),)) :-
        allegation(A), not holds(x(A)).

(3 is the clause's index in the rulebase), so every derived conclusion names its rule, the
positive premises that held and the negative conditions that were satisfied, with no trace
atoms written by hand. The rule metadata facts (`rule/5`, `quote/3`, `source/2`,
`authority/6`, `question_position/2`, `setting/2`) are read from the same AST.
"""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import clingo
from clingo import ast

from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import Position, Span
from doctrine.resources import rules_dir


@dataclass(frozen=True)
class Authority:
    id: str
    name: str
    citation: str
    court: str
    date: int  # YYYYMMDD; YYYY0000 when only the year is known
    status: str  # precedential / nonprecedential / unpublished

    @property
    def year(self) -> int:
        return self.date // 10000

    def cite(self) -> str:
        return f"{self.name}, {self.citation}"


@dataclass(frozen=True)
class RuleInfo:
    """A doctrine rule: its stable id, authority, pin cite, kind of statement and quote."""

    id: str
    authority: str
    pin: str
    statement: str  # holding / alternative_holding / assumed / concession / dictum / outside_seeds
    question: str  # preservation / duty / gate / merits / notice / remedy / authority / allocution
    quote: str = ""
    opinion: str = ""  # the vendored opinion the quote is taken from
    outside_source: str = ""  # for rules from outside the seeds: the authority relied on
    location: str = ""  # rules/file.lp:line


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


@dataclass(frozen=True)
class Rulebase:
    """Everything the solver and the explainer need from a rules directory."""

    directory: Path
    digest: str  # sha256 of the rule files, for reproducibility
    rules: Mapping[str, RuleInfo]
    authorities: Mapping[str, Authority]
    clauses: tuple[Clause, ...]
    questions: Mapping[str, tuple[str, ...]]  # unsettled question -> its positions
    jurisdictions: Mapping[str, Mapping[str, str]]  # jurisdiction -> question -> setting
    bars: tuple[str, ...] = ()  # conclusions declared procedural bars (procedural_bar/1)
    program: str = field(repr=False, default="")  # the rules (+ _touches/1), as clingo prints them
    trace_program: str = field(repr=False, default="")  # the _body/5 siblings
    jurisdiction_programs: Mapping[str, str] = field(repr=False, default_factory=dict)

    def jurisdiction_for(self, circuit: str | None) -> str:
        return circuit if circuit is not None and circuit in self.jurisdictions else "default"

    @property
    def statements(self) -> tuple[ast.AST, ...]:
        """The rules (+ _touches/1) as clingo AST, parsed on first use."""
        return _parsed(self.program)

    @property
    def trace_statements(self) -> tuple[ast.AST, ...]:
        return _parsed(self.trace_program)

    def add_to(self, builder: ast.ProgramBuilder, jurisdiction: str, trace: bool = True) -> None:
        """Add the rules, the jurisdiction's settings and (with `trace`) the _body/5 siblings."""
        for stm in self.statements:
            builder.add(stm)
        if trace:
            for stm in self.trace_statements:
                builder.add(stm)
        for stm in _parsed(self.jurisdiction_programs[jurisdiction]):
            builder.add(stm)

    def add_text(self, ctl: clingo.Control, jurisdiction: str, trace: bool = True) -> None:
        """The same as `add_to`, from the program text (fast: clingo's own parser, no Python AST).

        The text is the rule files' own statements as clingo printed them after instrumenting;
        nothing from a case file is ever part of it.
        """
        ctl.add("base", [], self.program)
        if trace:
            ctl.add("base", [], self.trace_program)
        ctl.add("base", [], self.jurisdiction_programs[jurisdiction])


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.lp")) + sorted((directory / "jurisdictions").glob("*.lp"))


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for p in _files(directory):
        h.update(p.relative_to(directory).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _loc(node: ast.AST) -> str:
    b = node.location.begin
    return f"{Path(b.filename).name}:{b.line}"


def _args(sym: ast.AST) -> list[ast.AST]:
    return list(sym.arguments) if sym.ast_type == ast.ASTType.Function else []


def _term_value(t: ast.AST) -> str | int:
    if t.ast_type == ast.ASTType.SymbolicTerm:
        s = t.symbol
        if s.type == clingo.SymbolType.String:
            return s.string
        if s.type == clingo.SymbolType.Number:
            return s.number
        return str(s)
    return str(t)


def _head_fact(stm: ast.AST) -> tuple[str, list[str | int]] | None:
    """A fact `name(args).` as (name, values), else None."""
    if stm.ast_type != ast.ASTType.Rule or len(stm.body) != 0:
        return None
    head = stm.head
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    sym = head.atom.symbol
    if sym.ast_type != ast.ASTType.Function:
        return None
    return sym.name, [_term_value(a) for a in sym.arguments]


def _derive_head(stm: ast.AST) -> tuple[str, ast.AST] | None:
    """For `derive(Id, X) :- Body.` the id and the conclusion term X."""
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


def _tuple(loc: ast.Location, terms: list[ast.AST]) -> ast.AST:
    return ast.Function(loc, "", terms, 0)


class _NameAnonymous(ast.Transformer):
    """Give each anonymous variable `_` a name, so a premise can be recorded in a rule head."""

    def __init__(self) -> None:
        self.count = 0

    def visit_Variable(self, node: ast.AST) -> ast.AST:
        if node.name != "_":
            return node
        self.count += 1
        return ast.Variable(node.location, f"Anonymous_{self.count}")


def _instrument(index: int, rid: str, conclusion: ast.AST, stm: ast.AST) -> tuple[ast.AST, Clause]:
    """The `_body/5` sibling of a derive rule, and its Clause record."""
    loc = stm.location
    pos: list[ast.AST] = []
    neg: list[ast.AST] = []
    body = [_NameAnonymous()(copy.deepcopy(b)) for b in stm.body]
    for lit in body:
        if lit.ast_type != ast.ASTType.Literal or lit.atom.ast_type != ast.ASTType.SymbolicAtom:
            continue
        (pos if lit.sign == ast.Sign.NoSign else neg).append(lit.atom.symbol)
    head_term = ast.Function(
        loc,
        "_body",
        [
            ast.SymbolicTerm(loc, clingo.Function(rid)),
            ast.SymbolicTerm(loc, clingo.Number(index)),
            copy.deepcopy(conclusion),
            _tuple(loc, [copy.deepcopy(p) for p in pos]),
            _tuple(loc, [copy.deepcopy(n) for n in neg]),
        ],
        0,
    )
    head = ast.Literal(loc, ast.Sign.NoSign, ast.SymbolicAtom(head_term))
    sibling = ast.Rule(loc, head, body)
    clause = Clause(index, rid, str(conclusion), tuple(map(str, pos)), tuple(map(str, neg)), _loc(stm))
    return sibling, clause


def _touches(stm: ast.AST) -> list[ast.AST]:
    """`_touches(Q) :- Rest.` for each question Q a derive rule reads with position(Q, P).

    Rest is the body without the position literals. When no rule touching Q has the rest of
    its body satisfied, the position taken on Q cannot change the answer set (the doctrine is
    stratified), so the solver need not decide the case under each branch of Q.
    """
    loc = stm.location
    questions: dict[str, ast.AST] = {}
    rest = []
    for lit in stm.body:
        atom = lit.atom if lit.ast_type == ast.ASTType.Literal else None
        sym = atom.symbol if atom is not None and atom.ast_type == ast.ASTType.SymbolicAtom else None
        if sym is not None and sym.ast_type == ast.ASTType.Function and sym.name == "position" and len(sym.arguments) == 2:
            q = sym.arguments[0]
            if q.ast_type == ast.ASTType.SymbolicTerm:
                questions[str(q.symbol)] = q
                continue
        rest.append(copy.deepcopy(lit))
    out = []
    for q in questions.values():
        head = ast.Literal(loc, ast.Sign.NoSign, ast.SymbolicAtom(ast.Function(loc, "_touches", [copy.deepcopy(q)], 0)))
        out.append(ast.Rule(loc, head, rest))
    return out


def _parse(paths: list[str], logger: Callable[[clingo.MessageCode, str], None]) -> list[ast.AST]:
    out: list[ast.AST] = []
    ast.parse_files(paths, out.append, logger=logger)
    return out


@lru_cache(maxsize=16)
def _jurisdiction_statements(directory: Path, jurisdiction: str) -> tuple[ast.AST, ...]:
    path = directory / "jurisdictions" / f"{jurisdiction}.lp"
    return tuple(_parse([str(path)], _raise_logger(path)))


def _raise_logger(where: Path) -> Callable[[clingo.MessageCode, str], None]:
    def log(code: clingo.MessageCode, message: str) -> None:
        span = Span(str(where), Position(1, 1), Position(1, 1))
        raise DoctrineError([Diagnostic("rule-file-error", message.strip(), span)])

    return log


_PROGRAMS: dict[str, tuple[ast.AST, ...]] = {}
_DERIVES: dict[str, tuple[ast.AST, ...]] = {}
_TEXTS: dict[str, str] = {}


def _parsed(text: str) -> tuple[ast.AST, ...]:
    """Program text -> clingo AST, once per distinct text."""
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


def _cache_path(digest: str) -> Path | None:
    from doctrine.version import __version__

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "doctrine"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base / f"rulebase-{digest[:32]}-{__version__}-{clingo.__version__}.pickle"


def load_rulebase(directory: Path | str | None = None) -> Rulebase:
    """Parse and instrument the rule files of `directory` (default: the bundled rules/).

    The result is cached per content digest: in memory, and on disk under the user's cache
    directory (plain data and program text; the rule files are re-read only when they change).
    """
    root = Path(directory).resolve() if directory is not None else rules_dir()
    return _load(root, _digest(root))


@lru_cache(maxsize=8)
def _load(root: Path, digest: str) -> Rulebase:
    path = _cache_path(digest)
    data: dict[str, Any] | None = None
    if path is not None and path.exists():
        try:
            data = pickle.loads(path.read_bytes())
        except Exception:
            data = None
    if data is None:
        data = _read_rules(root)
        if path is not None:
            try:
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(pickle.dumps(data))
                tmp.replace(path)
            except OSError:
                pass
    _TEXTS[digest] = data["program"]
    return Rulebase(
        directory=root,
        digest=digest,
        rules=MappingProxyType(data["rules"]),
        authorities=MappingProxyType(data["authorities"]),
        clauses=tuple(replace(c, digest=digest) for c in data["clauses"]),
        questions=MappingProxyType(data["questions"]),
        jurisdictions=MappingProxyType({j: MappingProxyType(s) for j, s in data["jurisdictions"].items()}),
        bars=data["bars"],
        program=data["program"],
        trace_program=data["trace_program"],
        jurisdiction_programs=MappingProxyType(data["jurisdiction_programs"]),
    )


def _read_rules(root: Path) -> dict[str, Any]:
    """Parse, read the metadata of, and instrument the rule files: plain, picklable data."""
    entry = root / "doctrine.lp"
    if not entry.exists():
        raise DoctrineError(
            [Diagnostic("no-rules", f"no doctrine.lp in {root}", Span(str(root), Position(0, 0), Position(0, 0)))]
        )
    messages: list[str] = []
    try:
        statements = _parse([str(entry)], lambda code, msg: messages.append(msg.strip()))
    except RuntimeError:
        messages = messages or ["the rule files could not be parsed"]
    if messages:
        span = Span(str(entry), Position(1, 1), Position(1, 1))
        raise DoctrineError([Diagnostic("rule-file-error", m, span) for m in messages])
    facts: dict[str, list[tuple[list[str | int], str]]] = {}
    clauses: list[Clause] = []
    extra: list[ast.AST] = []
    traced: list[ast.AST] = []
    for stm in statements:
        fact = _head_fact(stm)
        if fact is not None:
            facts.setdefault(fact[0], []).append((fact[1], _loc(stm)))
        derived = _derive_head(stm)
        if derived is not None:
            sibling, clause = _instrument(len(clauses), derived[0], derived[1], stm)
            traced.append(sibling)
            extra.extend(_touches(stm))
            clauses.append(clause)
    quotes = {str(a[0]): (str(a[1]), str(a[2])) for a, _ in facts.get("quote", [])}
    sources = {str(a[0]): str(a[1]) for a, _ in facts.get("source", [])}
    rules = {}
    for a, where in facts.get("rule", []):
        rid = str(a[0])
        opinion, text = quotes.get(rid, ("", ""))
        rules[rid] = RuleInfo(rid, str(a[1]), str(a[2]), str(a[3]), str(a[4]), text, opinion, sources.get(rid, ""), where)
    authorities = {
        str(a[0]): Authority(str(a[0]), str(a[1]), str(a[2]), str(a[3]), int(a[4]), str(a[5]))
        for a, _ in facts.get("authority", [])
    }
    questions: dict[str, list[str]] = {}
    for a, _ in facts.get("question_position", []):
        questions.setdefault(str(a[0]), []).append(str(a[1]))
    jurisdictions, programs = {}, {}
    for path in sorted((root / "jurisdictions").glob("*.lp")):
        stms = _jurisdiction_statements(root, path.stem)
        programs[path.stem] = _text(stms)
        jurisdictions[path.stem] = {
            str(f[1][0]): str(f[1][1]) for f in map(_head_fact, stms) if f is not None and f[0] == "setting"
        }
    return {
        "rules": rules,
        "authorities": authorities,
        "clauses": clauses,
        "questions": {q: tuple(p) for q, p in questions.items()},
        "jurisdictions": jurisdictions,
        "bars": tuple(str(a[0]) for a, _ in facts.get("procedural_bar", [])),
        "program": _text([*statements, *extra]),
        "trace_program": _text(traced),
        "jurisdiction_programs": programs,
    }


def _text(statements: list[ast.AST] | tuple[ast.AST, ...]) -> str:
    """Statements as clingo prints them (comments dropped), one a line."""
    return "\n".join(str(s) for s in statements if s.ast_type != ast.ASTType.Comment) + "\n"
