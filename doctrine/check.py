"""`CaseFile` -> diagnostics: every statement checked against `doctrine.vocabulary`.

The case line
    plea_agreement sole_discretoin
becomes
    error[unknown-value]: unknown value `sole_discretoin` for `plea_agreement`; did you mean
    `sole_discretion`?

All the problems of a file are collected at once, each pointing at the offending key or value:
unknown keys and values, values of the wrong form, facts stated twice or in contradiction,
parties and motions used but never declared, required facts left out.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable

from doctrine.diagnostics import Diagnostic, DoctrineError, did_you_mean
from doctrine.parse import load_source, or_list, parse_source
from doctrine.source import Source, Span
from doctrine.syntax import Case, CaseFile, Statement, Value, ValueKind
from doctrine.vocabulary import CASE_KEYS, EXPECT_KEYS, KEYS, MOTIONS, Form, Key

MONTHS_WORDS = ("life", "none", "unknown")
# A defendant never in custody can still have known what custody would do, and can still have
# been approached before charging and fled (P20); the other custody facts presuppose custody.
_CUSTODY_NO_ALLOWS = ("knew_effect", "approached_before_charging", "absconded")
_WORDY = (ValueKind.NAME, ValueKind.SECTION)
_FORM_WORDS = {
    Form.STRING: '"text in double quotes"',
    Form.DATE: "a date, 2008-10-24, or a year, 2008",
    Form.NAME: "a name: letters, digits and _",
}


def load_case_file(path: str | os.PathLike[str]) -> CaseFile:
    """Load, parse and check a case file.

    Raises
    ------
    DoctrineError
        With every diagnostic: loading and syntax problems stop before checking.
    """
    return check_source(load_source(path))


def check_source(source: Source) -> CaseFile:
    """Parse and check a source; raise `DoctrineError` with every diagnostic (syntax ones first
    and alone: a file that does not parse is not checked)."""
    case_file = parse_source(source)
    diagnostics = check_case_file(case_file)
    if diagnostics:
        raise DoctrineError(diagnostics, [source])
    return case_file


def check_case_file(f: CaseFile) -> tuple[Diagnostic, ...]:
    """Every semantic problem of a parsed case file, in source order."""
    out: list[Diagnostic] = []
    first: dict[str, Case] = {}
    for case in f.cases:
        if case.id in first:
            hint = f"the first is at line {first[case.id].span.line}; give each case its own id"
            out.append(Diagnostic("duplicate-case", f"two cases are named `{case.id}`", case.span, hint=hint))
        first.setdefault(case.id, case)
        out.extend(_Checker(case).run())
    return tuple(sorted(out, key=lambda d: (d.span.start, d.span.end)))


def _words(words: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> '`a`, `b`, or `c`'."""
    return or_list(f"`{w}`" for w in words)


def _across(first: Value, last: Value) -> Span:
    return Span(first.span.source, first.span.start, last.span.end)


def _shown(values: Iterable[Value | str]) -> str:
    return " ".join(v if isinstance(v, str) else v.text for v in values)


class _Checker:
    """The checks of one case; `out` collects the diagnostics."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.out: list[Diagnostic] = []
        self.parties = {s.values[0].text for s in case.get("party") if s.values}
        self.motions = {s.values[0].text for s in case.get("motion") if s.values} & set(MOTIONS.words())

    def run(self) -> list[Diagnostic]:
        self.block(self.case.statements, None)
        for key in CASE_KEYS:
            if key.required and not self.case.get(key.word):
                example = f"`{key.word} {key.domain.words()[0]}`" if key.domain else f"`{key.word}`"
                self.error(
                    "missing-required",
                    f"case `{self.case.id}` has no `{key.word}`",
                    self.case.span,
                    expected=_words(key.domain.words()) if key.domain else "",
                    hint=f"add e.g. {example}",
                )
        self.court()
        from doctrine.contradictions import contradictions

        self.out.extend(contradictions(self.case))
        return self.out

    def error(self, code: str, message: str, span: Span, expected: str = "", hint: str = "") -> None:
        self.out.append(Diagnostic(code, message, span, expected=expected, hint=hint))

    # -- keys and blocks --------------------------------------------------------------------

    def block(self, statements: tuple[Statement, ...], parent: Key | None) -> None:
        """Statements at one level: each key known, its values well-formed, nothing twice."""
        stated: list[tuple[Statement, Key]] = []
        for s in statements:
            key = KEYS.get(s.key) if parent is None else parent.child(s.key)
            if key is None:
                self.unknown_key(s, parent)
            elif self.statement(s, key, parent):
                stated.append((s, key))
        self.repeated(stated)

    def unknown_key(self, s: Statement, parent: Key | None) -> None:
        if parent is None:
            owners = [k.word for k in CASE_KEYS if k.child(s.key)]
            hint = f"`{s.key}` belongs under {_words(owners)}" if owners else did_you_mean(s.key, KEYS)
            self.error("unknown-key", f"unknown key `{s.key}`", s.key_span, hint=hint)
        elif not parent.children:
            self.error(
                "unknown-key",
                f"`{parent.word}` takes no indented or comma statements, found `{s.key}`",
                s.key_span,
                hint="write it as a statement of its own" if s.key in KEYS else "",
            )
        else:
            hint = did_you_mean(s.key, [c.word for c in parent.children])
            if not hint and s.key in KEYS:
                hint = f"`{s.key}` is a statement of the case: write it at the case's indentation"
            self.error(
                "unknown-key",
                f"unknown key `{s.key}` in `{parent.word}`",
                s.key_span,
                expected=_words(c.word for c in parent.children),
                hint=hint,
            )

    def statement(self, s: Statement, key: Key, parent: Key | None) -> bool:
        """Check one statement and its children; True if its values are well-formed."""
        ok = self.values(s, key)
        if key.form is Form.EXPECT:
            self.expect(s)
        else:
            self.block(s.children, key)
        for child in key.children:
            if child.required and not any(c.key == child.word for c in s.children):
                self.error(
                    "missing-required",
                    f"`{s.key}` needs `{child.word}`",
                    s.span,
                    expected=_words(child.domain.words()) if child.domain else "",
                    hint=f"add `, {child.word} ...` to the line",
                )
        if ok and parent is None and s.values:
            self.head_conflicts(s)
        if ok and parent is not None and parent.word == "allegation" and key.word == "motion":
            motion = s.values[0]
            if motion.text not in self.motions:
                declared = (
                    f"declared: {_words(sorted(self.motions))}" if self.motions else "no motion is declared"
                )
                self.error(
                    "undefined-motion",
                    f"the allegation concerns `{motion.text}`, but the case has no `motion {motion.text}`",
                    motion.span,
                    hint=f"declare it with `motion {motion.text}` ({declared})",
                )
        return ok

    def repeated(self, stated: list[tuple[Statement, Key]]) -> None:
        """The same fact twice is a duplicate; a one-valued key with two values, a conflict."""
        facts: dict[tuple[str, tuple[Value, ...]], Statement] = {}
        single: dict[str, Statement] = {}  # the first statement of each one-valued key
        for s, key in stated:
            where = s.values[0].span if s.values else s.key_span
            same = facts.setdefault((s.key, s.values), s)
            first = s if key.multiple or key.keyed else single.setdefault(s.key, s)
            if same is not s:
                self.error(
                    "duplicate-fact",
                    f"`{_shown((s.key, *s.values))}` is stated twice",
                    where,
                    hint=f"first stated at line {same.span.line}",
                )
            elif first is not s:
                self.error(
                    "conflicting-fact",
                    f"`{s.key}` is stated twice, as `{_shown(first.values)}` "
                    f"(line {first.span.line}) and `{_shown(s.values)}`",
                    where,
                    hint=f"`{s.key}` takes one value: keep the one the record supports",
                )

    # -- values ---------------------------------------------------------------------------

    def values(self, s: Statement, key: Key) -> bool:
        """The values of a statement have the form its key requires."""
        vs = s.values
        if key.form is Form.EXPECT:
            if vs:
                self.error(
                    "too-many-values",
                    "`expect` takes no values, only indented expectations",
                    _across(vs[0], vs[-1]),
                )
            return not vs
        if key.form is Form.MONTHS:
            return self.months(s)
        if key.form is Form.RANGE:
            return self.range(s)
        if not vs:
            expected = _words(key.domain.words()) if key.domain else _FORM_WORDS[key.form]
            self.error("missing-value", f"`{s.key}` needs a value", s.key_span, expected=expected)
            return False
        ok = self.one_value(s, key, vs[0])
        if len(vs) > 1:
            self.error(
                "too-many-values",
                f"`{s.key}` takes one value",
                _across(vs[1], vs[-1]),
                hint=f"state `{s.key}` once for each value" if key.multiple else "",
            )
            return False
        return ok

    def one_value(self, s: Statement, key: Key, v: Value) -> bool:
        form = key.form
        if form is Form.STRING:
            return self.kind(s, v, (ValueKind.STRING,), "a string", '"text in double quotes"')
        if form is Form.DATE:
            if v.kind is ValueKind.NUMBER and len(v.text) == 4:
                return True
            if not self.kind(s, v, (ValueKind.DATE,), "a date", "a date, 2008-10-24, or a year, 2008"):
                return False
            try:
                datetime.date.fromisoformat(v.text)
            except ValueError:
                self.error("bad-date", f"`{v.text}` is not a date", v.span, expected="YYYY-MM-DD")
                return False
            return True
        if form is Form.NAME:
            return self.kind(s, v, (ValueKind.NAME,), "a name", "a name: letters, digits and _")
        assert key.domain is not None
        if form is Form.PARTY:
            if not self.kind(s, v, (ValueKind.NAME,), "a role or a declared party"):
                return False
            if v.text in key.domain or v.text in self.parties:
                return True
            choices = [*sorted(self.parties), *key.domain.words()]
            self.error(
                "undefined-party",
                f"`{v.text}` is neither a role nor a declared party",
                v.span,
                expected=_words(choices),
                hint=did_you_mean(v.text, choices) or f"declare it with `party {v.text}, role ...`",
            )
            return False
        if not self.kind(s, v, _WORDY, "a word", _words(key.domain.words())):
            return False
        if v.text not in key.domain:
            self.unknown_value(s, v, key.domain.words())
            return False
        return True

    def kind(
        self, s: Statement, v: Value, kinds: tuple[ValueKind, ...], what: str, expected: str = ""
    ) -> bool:
        """`v` is of one of `kinds`, else wrong-value-type: `key` takes `what`."""
        if v.kind in kinds:
            return True
        hint = "remove the quotes" if v.kind is ValueKind.STRING and ValueKind.NAME in kinds else ""
        hint = hint or ("put it in double quotes" if kinds == (ValueKind.STRING,) else "")
        self.error(
            "wrong-value-type",
            f"`{s.key}` takes {what}, not {v.kind.value} `{v.text}`",
            v.span,
            expected=expected or what,
            hint=hint,
        )
        return False

    def unknown_value(self, s: Statement, v: Value, words: Iterable[str]) -> None:
        words = tuple(words)
        suggestion = did_you_mean(v.text, words)
        message = f"unknown value `{v.text}` for `{s.key}`" + (f"; {suggestion}" if suggestion else "")
        self.error("unknown-value", message, v.span, expected=_words(words))

    def months(self, s: Statement) -> bool:
        """`120 months`, or `life`, `none`, `unknown`."""
        vs, expected = s.values, "`N months`, " + _words(MONTHS_WORDS)
        if not vs:
            self.error("missing-value", f"`{s.key}` needs a value", s.key_span, expected=expected)
            return False
        first, size = vs[0], 1
        if first.kind is ValueKind.NUMBER:
            size = 2
            if len(vs) == 1:
                self.error(
                    "missing-value",
                    f"`{first.text}` needs its unit",
                    first.span,
                    expected="months",
                    hint=f"write `{first.text} months`",
                )
                return False
            if vs[1].kind is not ValueKind.NAME or vs[1].text != "months":
                self.error(
                    "wrong-value-type",
                    f"expected `months` after `{first.text}`",
                    vs[1].span,
                    expected="months",
                )
                return False
        elif first.kind is not ValueKind.NAME:
            self.error(
                "wrong-value-type",
                f"`{s.key}` takes a number of months, not {first.kind.value} `{first.text}`",
                first.span,
                expected=expected,
            )
            return False
        elif first.text not in MONTHS_WORDS:
            self.unknown_value(s, first, MONTHS_WORDS)
            return False
        if len(vs) > size:
            self.error(
                "too-many-values", f"`{s.key}` takes one term", _across(vs[size], vs[-1]), expected=expected
            )
            return False
        return True

    def range(self, s: Statement) -> bool:
        """`168 to 210`: whole months, low to high."""
        vs, expected = s.values, "`N to M`, e.g. `168 to 210`"
        shape = ((ValueKind.NUMBER, None), (ValueKind.NAME, "to"), (ValueKind.NUMBER, None))
        for i, (kind, word) in enumerate(shape):
            if i >= len(vs):
                self.error(
                    "missing-value",
                    f"`{s.key}` needs a range",
                    vs[-1].span if vs else s.key_span,
                    expected=expected,
                )
                return False
            if vs[i].kind is not kind or (word is not None and vs[i].text != word):
                self.error(
                    "wrong-value-type", f"`{s.key}` takes a range of months", vs[i].span, expected=expected
                )
                return False
        if len(vs) > 3:
            self.error(
                "too-many-values", f"`{s.key}` takes one range", _across(vs[3], vs[-1]), expected=expected
            )
            return False
        low, high = int(vs[0].text), int(vs[2].text)
        if low > high:
            self.error(
                "bad-range",
                f"the range `{low} to {high}` runs backwards",
                _across(vs[0], vs[2]),
                hint=f"write `{high} to {low}`",
            )
            return False
        return True

    # -- the expect block -----------------------------------------------------------------

    def expect(self, s: Statement) -> None:
        """Expectations: known words with name or string values (rule ids are checked later)."""
        seen: dict[tuple[str, tuple[Value, ...]], Statement] = {}
        for c in s.children:
            if c.key not in EXPECT_KEYS:
                self.error(
                    "unknown-key",
                    f"unknown expectation `{c.key}`",
                    c.key_span,
                    expected=_words(EXPECT_KEYS),
                    hint=did_you_mean(c.key, EXPECT_KEYS),
                )
                continue
            if (c.key, c.values) in seen:
                self.error(
                    "duplicate-fact",
                    f"`{_shown((c.key, *c.values))}` is expected twice",
                    c.values[0].span if c.values else c.key_span,
                    hint=f"first at line {seen[c.key, c.values].span.line}",
                )
            seen.setdefault((c.key, c.values), c)
            if not c.values:
                self.error(
                    "missing-value", f"`{c.key}` needs a value", c.key_span, expected=EXPECT_KEYS[c.key]
                )
            for v in c.values:
                if v.kind not in (ValueKind.NAME, ValueKind.STRING):
                    self.error(
                        "wrong-value-type",
                        f"`{c.key}` takes names or strings, not {v.kind.value} `{v.text}`",
                        v.span,
                        expected=EXPECT_KEYS[c.key],
                    )
            if c.key == "in_jurisdiction":
                if len(c.values) > 1:
                    self.error(
                        "too-many-values",
                        "`in_jurisdiction` takes one jurisdiction setting",
                        _across(c.values[1], c.values[-1]),
                    )
                self.expect(c)
            else:
                for g in c.children:
                    self.error(
                        "unknown-key",
                        f"`{c.key}` takes no indented or comma statements, found `{g.key}`",
                        g.key_span,
                    )

    # -- facts that contradict each other ---------------------------------------------------

    def head_conflicts(self, s: Statement) -> None:
        """A block's head value that rules out some of its children."""
        head = s.values[0].text
        if s.key == "plea_agreement" and head == "none":
            for c in s.children:
                self.error(
                    "conflicting-fact",
                    f"`plea_agreement none` cannot have `{c.key}`: there is no agreement",
                    c.key_span,
                    hint="remove the line, or name the agreement's terms",
                )
        elif s.key == "assistance" and head == "none":
            for c in s.children:
                for v in c.values if c.key == "led_to" else ():
                    if v.text != "nothing":
                        self.error(
                            "conflicting-fact",
                            f"`assistance none` cannot have led to `{v.text}`",
                            v.span,
                            expected="`led_to nothing`",
                        )
        elif s.key == "custody" and head == "no":
            for c in s.children:
                if c.key not in _CUSTODY_NO_ALLOWS and c.key in {k.word for k in KEYS["custody"].children}:
                    self.error(
                        "conflicting-fact",
                        f"`custody no` cannot have `{c.key}`: it describes custody",
                        c.key_span,
                        expected=_words(_CUSTODY_NO_ALLOWS),
                    )

    def court(self) -> None:
        """A district court names its circuit; a court of appeals's circuit is its own."""
        courts, circuits = self.case.get("court"), self.case.get("circuit")
        if len(courts) != 1 or len(courts[0].values) != 1:
            return
        court = courts[0].values[0]
        if court.text == "district_court" and not circuits:
            self.error(
                "missing-required",
                "a district court needs `circuit`: the circuit it sits in",
                court.span,
                hint="add e.g. `circuit seventh_circuit`",
            )
        elif court.text.endswith("_circuit"):
            for c in circuits:
                for v in c.values[:1]:
                    if v.text != court.text:
                        self.error(
                            "conflicting-fact",
                            f"`circuit {v.text}` disagrees with `court {court.text}`",
                            v.span,
                            hint="a court of appeals sits in its own circuit; drop `circuit`",
                        )
