"""`CaseFile` -> diagnostics: every statement checked against `doctrine.language.vocabulary`.

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

import os

from doctrine.language.check_values import (
    _CUSTODY_NO_ALLOWS,
    _across,
    _shown,
    _ValueChecks,
    _words,
)
from doctrine.language.diagnostics import Diagnostic, DoctrineError, did_you_mean
from doctrine.language.domains import SPEAKERS
from doctrine.language.parse import load_source, parse_source
from doctrine.language.source import Source
from doctrine.language.syntax import Case, CaseFile, Statement, Value, ValueKind
from doctrine.language.vocabulary import CASE_KEYS, EXPECT_KEYS, KEYS, MOTIONS, Form, Key


def parse_text(text: str, name: str = "<text>") -> CaseFile:
    """Parse and check a case file's text."""
    return check_source(Source(name, text))


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


class _Checker(_ValueChecks):
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
        from doctrine.language.contradictions import contradictions

        self.out.extend(contradictions(self.case))
        return self.out

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
        if ok and parent is None and key.word == "party" and s.values[0].text in SPEAKERS:
            # `by NAME` reads a role word as the role, so a party so named would silently stand
            # for the role instead of for itself: names and roles are kept apart.
            name = s.values[0]
            self.error(
                "party-named-like-role",
                f"a party may not be named `{name.text}`: it is a role word",
                name.span,
                expected="a name that is not " + _words(SPEAKERS.words()),
                hint=f"name the party e.g. `{name.text}_1` and give it `role ...`",
            )
        if ok and parent is None and key.word == "allegation" and s.values[0].text != "ineffective_assistance":
            for c in s.children:
                if c.key == "failed_to_raise":
                    self.error(
                        "misplaced-key",
                        f"`failed_to_raise` says what counsel failed to raise, so it belongs to "
                        f"`allegation ineffective_assistance`, not to `allegation {s.values[0].text}`",
                        c.key_span,
                        hint="state the claim against counsel as its own `allegation ineffective_assistance`",
                    )
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
