"""The value checks of the case language: each value against the form its key requires (a word
of its domain, a name, a string, a date, months, a range), with `did you mean` hints.

    raised_below maybe
becomes
    Diagnostic("unknown-value", "`maybe` is not a value of `raised_below`", span, expected="`yes`, `no`, or `unknown`")
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from doctrine.language.diagnostics import Diagnostic, did_you_mean
from doctrine.language.source import Span
from doctrine.language.syntax import Statement, Value, ValueKind
from doctrine.language.syntax_errors import or_list
from doctrine.language.vocabulary import Form, Key

MONTHS_WORDS = ("life", "none", "unknown")
# A defendant never in custody can still have known what custody would do, and can still have
# been approached before charging and fled; the other custody facts presuppose custody.
_CUSTODY_NO_ALLOWS = ("knew_effect", "approached_before_charging", "absconded")
_WORDY = (ValueKind.NAME, ValueKind.SECTION)
_FORM_WORDS = {
    Form.STRING: '"text in double quotes"',
    Form.DATE: "a date, 2008-10-24, or a year, 2008",
    Form.NAME: "a name: letters, digits and _",
}


def _words(words: Iterable[str]) -> str:
    """['a', 'b', 'c'] -> '`a`, `b`, or `c`'."""
    return or_list(f"`{w}`" for w in words)


def _across(first: Value, last: Value) -> Span:
    return Span(first.span.source, first.span.start, last.span.end)


def _shown(values: Iterable[Value | str]) -> str:
    return " ".join(v if isinstance(v, str) else v.text for v in values)


MAX_SUGGESTIONS = 50  # "did you mean" searches per file for undefined parties
MAX_NUMBER = 99_999  # months: a term of years longer than any life; `life` is a word


class _ValueChecks:
    """Checks of a statement's values; `out` collects the diagnostics (see `check._Checker`)."""

    out: list[Diagnostic]
    parties: set[str]

    def error(self, code: str, message: str, span: Span, expected: str = "", hint: str = "") -> None:
        self.out.append(Diagnostic(code, message, span, expected=expected, hint=hint))

    def number(self, v: Value) -> bool:
        """A number of months no larger than MAX_NUMBER (checked on its digits, never converted
        first: Python refuses to convert a number of more than 4,300 digits)."""
        digits = v.text.lstrip("0")
        if len(digits) <= len(str(MAX_NUMBER)) and int(digits or "0") <= MAX_NUMBER:
            return True
        shown = v.text if len(v.text) <= 12 else f"{v.text[:6]}...{v.text[-3:]} ({len(v.text):,} digits)"
        self.error("number-too-large", f"the number {shown} is too large", v.span,
                   expected=f"a whole number of months up to {MAX_NUMBER:,}", hint="write `life` for a life term")
        return False

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
            # Bounded: a file may declare and misuse thousands of names; the list shows the
            # roles and a few parties, and only the first MAX_SUGGESTIONS misses get a suggestion.
            self.suggestions = getattr(self, "suggestions", 0) + 1
            roles = list(key.domain.words())
            some = sorted(self.parties)[:8] if len(self.parties) <= 1000 else []
            more = [f"... ({len(self.parties):,} declared parties)"] if len(self.parties) > len(some) else []
            suggestion = did_you_mean(v.text, [*self.parties, *roles]) if self.suggestions <= MAX_SUGGESTIONS else ""
            self.error(
                "undefined-party",
                f"`{v.text}` is neither a role nor a declared party",
                v.span,
                expected=or_list([*(f"`{w}`" for w in [*some, *roles]), *more]),
                hint=suggestion or f"declare it with `party {v.text}, role ...`",
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
            if not self.number(first):
                return False
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
        if not (self.number(vs[0]) and self.number(vs[2])):
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
