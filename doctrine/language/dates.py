"""Dates given to the commands and the API (`--as-of`, `as_of=`): validated once, here.

    "2008-10-24" -> 20081024        "2008" -> 20081231 (the end of that year)
    datetime.date(2008, 10, 24) -> 20081024

Only ASCII digits, a real calendar date and a year from 1000 to 9999 are accepted.
"""

from __future__ import annotations

import datetime
import re

from doctrine.language.diagnostics import Diagnostic, DoctrineError
from doctrine.language.source import Span

_ISO = re.compile(r"(?a)(\d{4})(?:-(\d{2})-(\d{2}))?")


def _bad(value: object, what: str) -> DoctrineError:
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:60] + "..."
    return DoctrineError([Diagnostic("bad-date", f"{what} {shown} is not a date", Span.at(f"<{what}>", 1, 1),
                                     expected="YYYY-MM-DD or YYYY (e.g. 2008-10-24 or 2008)")])


def as_of_date(value: str | int | datetime.date | None, what: str = "as_of") -> int | None:
    """The date as the integer YYYYMMDD the solver compares authorities' dates with.

    Accepts a `datetime.date`, an ISO string `YYYY-MM-DD`, a year `YYYY` (string or int: the last
    day of that year) or an int `YYYYMMDD`; anything else is `DoctrineError` `bad-date`.
    """
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _bad(value, what)
    text = str(value)
    m = _ISO.fullmatch(text) or (re.fullmatch(r"(?a)(\d{4})(\d{2})(\d{2})", text) if isinstance(value, int) else None)
    if m is None:
        raise _bad(value, what)
    year, month, day = m.groups()
    if month is None:
        if int(year) < 1000:
            raise _bad(value, what)
        return int(year) * 10000 + 1231
    try:
        d = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise _bad(value, what) from None
    if d.year < 1000:
        raise _bad(value, what)
    return d.year * 10000 + d.month * 100 + d.day
