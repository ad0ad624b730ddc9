"""Load the rule files: rules/*.lp -> Rulebase (metadata, clauses, trace instrumentation).

Rule authors write plain `derive(Id, X) :- Body.` A `clingo.ast` pass adds, beside each such
rule, a sibling that records the ground instance which fired:

    derive(wade_threshold, threshold_showing(A)) :- allegation(A), not holds(x(A)).
gains
    _body(wade_threshold, 3, threshold_showing(A), (allegation(A),), (holds(x(A)),)) :-
        allegation(A), not holds(x(A)).

(3 is the clause's index in the rulebase), so every derived conclusion names its rule, the
positive premises that held and the negative conditions that were satisfied, with no trace
atoms written by hand (the pass is `doctrine.engine.instrument`). The rule metadata facts (`rule/5`, `quote/3`, `source/2`,
`authority/6`, `question_position/2`, `setting/2`) are read from the same AST.
"""

from __future__ import annotations

import atexit
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import clingo

# A rulebase read from the cache needs neither the instrumentation nor clingo's AST module (about
# 4 ms of a single `doctrine explain`): both are imported where rule files are parsed.
from doctrine.engine.clause import _TEXTS, Clause as Clause, _parsed
from doctrine.engine.rule_cache import read_cache, write_cache
from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import NotRegular, Position, Span, read_regular_file
from doctrine.resources import cache_dir, rules_dir

if TYPE_CHECKING:
    from clingo import ast


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
        """`Name, citation`; a statute or guideline whose name is its citation is named once."""
        return self.name if self.citation == self.name else f"{self.name}, {self.citation}"


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
class Rulebase:
    """Everything the solver and the explainer need from a rules directory."""

    directory: Path
    digest: str  # sha256 of the rule files, for reproducibility
    rules: Mapping[str, RuleInfo]
    authorities: Mapping[str, Authority]
    clauses: tuple[Clause, ...]
    questions: Mapping[str, tuple[str, ...]]  # unsettled question -> its positions
    jurisdictions: Mapping[str, Mapping[str, str]]  # jurisdiction -> question -> setting
    # jurisdiction -> question -> the authority whose decision settled it there (setting_since/2)
    since: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    bars: tuple[str, ...] = ()  # conclusions declared procedural bars (procedural_bar/1)
    program: str = field(repr=False, default="")  # the rules (+ _touches/1), as clingo prints them
    trace_program: str = field(repr=False, default="")  # the _body/5 siblings
    jurisdiction_programs: Mapping[str, str] = field(repr=False, default_factory=dict)

    def jurisdiction_for(self, circuit: str | None) -> str:
        return circuit if circuit is not None and circuit in self.jurisdictions else "default"

    def open_questions(self, jurisdiction: str, as_of: int | None = None) -> tuple[str, ...]:
        """The questions the jurisdiction leaves open for a case decided on `as_of`: those it
        holds unsettled or unknown, and (with a date) those settled only by a decision not yet
        made then (`setting_since/2`). In the order of the jurisdiction file."""
        settings = self.jurisdictions.get(jurisdiction, {})
        since = self.since.get(jurisdiction, {})

        def pending(question: str) -> bool:
            authority = self.authorities.get(since.get(question, ""))
            return as_of is not None and authority is not None and authority.date > as_of

        return tuple(
            q for q, s in settings.items() if q in self.questions and (s in ("unsettled", "unknown") or pending(q))
        )

    def jurisdiction_facts(self, jurisdiction: str) -> tuple[clingo.Symbol, ...] | None:
        """The facts of a jurisdiction's file (its `setting/2` and `setting_since/2`), as
        Symbols, when the file is nothing else; None when it says more (a rule, another fact).

        When every jurisdiction's file is only such facts, one grounding of the doctrine serves
        every jurisdiction: the facts become input atoms, switched on for the jurisdiction's
        cases (`doctrine.engine.solve.ground_doctrine`)."""
        return _jurisdiction_facts(self, jurisdiction)

    def merged(self) -> bool:
        """Whether one grounding serves every jurisdiction (`jurisdiction_facts`)."""
        return all(self.jurisdiction_facts(j) is not None for j in self.jurisdictions)

    def require_jurisdiction(self, name: str) -> str:
        """`name` if it is one of this rulebase's jurisdictions (a closed list of names, never a
        path); else `DoctrineError` `unknown-jurisdiction` listing the known ones."""
        if name in self.jurisdictions:
            return name
        raise unknown_jurisdiction(name, sorted(self.jurisdictions))

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


_JURISDICTION_FACTS: dict[tuple[str, str], tuple[clingo.Symbol, ...] | None] = {}
_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*")  # a question or position named by a constant


def _jurisdiction_facts(rulebase: Rulebase, jurisdiction: str) -> tuple[clingo.Symbol, ...] | None:
    """The settings already read from the file (`jurisdictions`, `since`) as Symbols, when its
    statements are those and nothing else: clingo printed the file one statement a line, so a
    file with a rule, another fact or a question set twice has more lines than settings."""
    key = (rulebase.digest, jurisdiction)
    if key not in _JURISDICTION_FACTS:
        settings, since = rulebase.jurisdictions[jurisdiction], rulebase.since.get(jurisdiction, {})
        facts = [clingo.Function(pred, [clingo.Function(q), clingo.Function(v)])
                 for pred, table in (("setting", settings), ("setting_since", since)) for q, v in table.items()]
        statements = [line for line in rulebase.jurisdiction_programs[jurisdiction].splitlines()
                      if line.strip() and line.strip() != "#program base."]
        constants = all(_CONSTANT.fullmatch(w) for table in (settings, since) for item in table.items() for w in item)
        _JURISDICTION_FACTS[key] = tuple(facts) if constants and len(statements) == len(facts) else None
    return _JURISDICTION_FACTS[key]


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.lp")) + sorted((directory / "jurisdictions").glob("*.lp"))


MAX_RULE_FILE = 16 * 1024 * 1024  # bytes; the bundled rule files are a few hundred KB in all


def _digest(directory: Path) -> str:
    """sha256 over every rule file's name and content: the key of the cache. A rule file must be
    a regular file of at most MAX_RULE_FILE bytes (a FIFO or a device would hang the read)."""
    h = hashlib.sha256()
    for p in _files(directory):
        try:
            data = read_regular_file(p, MAX_RULE_FILE)
        except OSError as e:
            what = f"is {e}, not a regular file" if isinstance(e, NotRegular) else f"cannot be read: {e.strerror or e}"
            raise DoctrineError([Diagnostic("rule-file-error", f"{p} {what}", Span(str(p), Position(1, 1), Position(1, 1)))]) from None
        if len(data) > MAX_RULE_FILE:
            raise DoctrineError([Diagnostic("rule-file-error", f"{p} is larger than {MAX_RULE_FILE:,} bytes",
                                            Span(str(p), Position(1, 1), Position(1, 1)))])
        h.update(p.relative_to(directory).as_posix().encode())
        h.update(data)
    return h.hexdigest()


def rules_digest(directory: Path | str | None = None) -> str:
    """The sha256 of a rules directory's files (default: the bundled rules), as `Rulebase.digest`
    and the `rules_sha256` of every JSON document give it; reads the files, grounds nothing."""
    return _digest(Path(directory).resolve() if directory is not None else rules_dir())


def _parse(paths: list[str], logger: Callable[[clingo.MessageCode, str], None]) -> list[ast.AST]:
    from clingo import ast

    out: list[ast.AST] = []
    ast.parse_files(paths, out.append, logger=logger)
    return out


_JURISDICTION_NAME = re.compile(r"[a-z][a-z0-9_]*")


def unknown_jurisdiction(name: str, known: list[str]) -> DoctrineError:
    shown = name if len(name) <= 80 else name[:80] + "..."
    return DoctrineError([Diagnostic("unknown-jurisdiction", f"unknown jurisdiction {shown!r}; the rules have "
                                     + ", ".join(known), Span("<jurisdiction>", Position(1, 1), Position(1, 1)))])


@lru_cache(maxsize=16)
def _jurisdiction_statements(directory: Path, jurisdiction: str) -> tuple[ast.AST, ...]:
    """The statements of rules/jurisdictions/NAME.lp; NAME is a name of that folder, never a path.

    clingo's messages are collected and raised after clingo returns (an exception raised inside
    its logger callback aborts the process)."""
    folder = directory / "jurisdictions"
    known = sorted(p.stem for p in folder.glob("*.lp"))
    if not _JURISDICTION_NAME.fullmatch(jurisdiction) or jurisdiction not in known:
        raise unknown_jurisdiction(jurisdiction, known)
    path = folder / f"{jurisdiction}.lp"
    messages: list[str] = []
    try:
        statements = _parse([str(path)], lambda code, message: messages.append(message.strip()))
    except RuntimeError:
        messages = messages or ["the file could not be parsed"]
    if messages:
        span = Span(str(path), Position(1, 1), Position(1, 1))
        raise DoctrineError([Diagnostic("rule-file-error", m, span) for m in messages])
    return tuple(statements)


atexit.register(_jurisdiction_statements.cache_clear)  # free its AST while clingo is loaded


def _cache_path(digest: str) -> Path | None:
    from doctrine.version import __version__

    base = cache_dir()
    if base is None:
        return None
    return base / f"rulebase-{digest[:32]}-{__version__}-{clingo.__version__}.json"


def load_rulebase(directory: Path | str | None = None) -> Rulebase:
    """Parse and instrument the rule files of `directory` (default: the bundled rules/).

    The result is cached per content digest: in memory, and on disk under the user's cache
    directory as JSON (plain data and program text, never anything that runs when read; the
    rule files are re-read only when they change, and a cache file that does not read back as
    exactly the expected data is ignored and rebuilt).
    """
    root = Path(directory).resolve() if directory is not None else rules_dir()
    return _load(root, _digest(root))


@lru_cache(maxsize=8)
def _load(root: Path, digest: str) -> Rulebase:
    path = _cache_path(digest)
    data = read_cache(path, digest, {"rules": RuleInfo, "authorities": Authority})
    if data is None:
        data = _read_rules(root)
        write_cache(path, digest, data)
    _TEXTS[digest] = data["program"]
    return Rulebase(
        directory=root,
        digest=digest,
        rules=MappingProxyType(data["rules"]),
        authorities=MappingProxyType(data["authorities"]),
        clauses=tuple(replace(c, digest=digest) for c in data["clauses"]),
        questions=MappingProxyType(data["questions"]),
        jurisdictions=MappingProxyType({j: MappingProxyType(s) for j, s in data["jurisdictions"].items()}),
        since=MappingProxyType({j: MappingProxyType(s) for j, s in data["since"].items()}),
        bars=data["bars"],
        program=data["program"],
        trace_program=data["trace_program"],
        jurisdiction_programs=MappingProxyType(data["jurisdiction_programs"]),
    )


_INCLUDE = re.compile(r'^\s*#include\s+"([^"]*)"\s*\.\s*(%.*)?$')


def _included_files(root: Path, entry: Path) -> list[Path]:
    """The files doctrine.lp includes, resolved against the rules folder itself.

    clingo resolves `#include` against the working directory first, so a file named like a rule
    file in the current folder would be loaded instead; here every include names a file of the
    rules folder (no path), which must exist there as a regular file, and no other rule file
    may include anything.
    """
    def refuse(message: str, where: Path, line: int = 1) -> DoctrineError:
        return DoctrineError([Diagnostic("rule-file-error", message, Span(str(where), Position(line, 1), Position(line, 1)))])

    out: list[Path] = []
    for n, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
        m = _INCLUDE.match(line)
        if m is None:
            if "#include" in line and not line.lstrip().startswith("%"):
                raise refuse("an #include the loader does not read (write `#include \"file.lp\".`)", entry, n)
            continue
        name = m.group(1)
        target = (root / name).resolve()
        if "/" in name or "\\" in name or name.startswith(".") or target.parent != root.resolve():
            raise refuse(f"#include \"{name}\" escapes the rules folder", entry, n)
        if not target.is_file():
            raise refuse(f"#include \"{name}\": no such rule file in {root}", entry, n)
        out.append(target)
    for f in out:
        if any(_INCLUDE.match(line) for line in f.read_text(encoding="utf-8").splitlines()):
            raise refuse("only doctrine.lp may #include", f)
    return out


def _read_rules(root: Path) -> dict[str, Any]:
    """Parse, read the metadata of, and instrument the rule files: plain data (cached as JSON)."""
    from doctrine.engine.instrument import _derive_head, _head_fact, _instrument, _loc, _touches

    entry = root / "doctrine.lp"
    if not entry.exists():
        raise DoctrineError(
            [Diagnostic("no-rules", f"no doctrine.lp in {root}", Span(str(root), Position(0, 0), Position(0, 0)))]
        )
    files = _included_files(root, entry)
    messages: list[str] = []
    try:
        statements = _parse([str(f) for f in files], lambda code, msg: messages.append(msg.strip()))
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
    jurisdictions, since, programs = {}, {}, {}
    for path in sorted((root / "jurisdictions").glob("*.lp")):
        stms = _jurisdiction_statements(root, path.stem)
        programs[path.stem] = _text(stms)
        heads = [f for f in map(_head_fact, stms) if f is not None]
        jurisdictions[path.stem] = {str(f[1][0]): str(f[1][1]) for f in heads if f[0] == "setting"}
        since[path.stem] = {str(f[1][0]): str(f[1][1]) for f in heads if f[0] == "setting_since"}
    return {
        "rules": rules,
        "authorities": authorities,
        "clauses": clauses,
        "questions": {q: tuple(p) for q, p in questions.items()},
        "jurisdictions": jurisdictions,
        "since": since,
        "bars": tuple(str(a[0]) for a, _ in facts.get("procedural_bar", [])),
        "program": _text([*statements, *extra]),
        "trace_program": _text(traced),
        "jurisdiction_programs": programs,
    }


def _text(statements: list[ast.AST] | tuple[ast.AST, ...]) -> str:
    """Statements as clingo prints them (comments dropped), one a line."""
    from clingo import ast

    return "\n".join(str(s) for s in statements if s.ast_type != ast.ASTType.Comment) + "\n"
