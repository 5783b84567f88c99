"""Calendar days as figcheck reads them: the one home for turning text into a `datetime.date`.

Two readings, because two kinds of input exist. What a user types (`--date`, a config's `date:`,
a rule's `examples.date`) must be a real ISO day, and a wrong one is an error (`parse_day`). What a
document says about itself (front matter, a meta tag, a record field) is often a full timestamp, so
`leading_day` reads the day at its start and ignores the time.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")


def days_before(day: dt.date, days: int) -> dt.date:
    """`day` minus `days`, stopping at 1 January of year 1: a rates file or a `--date` at the
    calendar's first day has no earlier days to look back through, and is no overflow."""
    ordinal = day.toordinal() - days
    return dt.date.fromordinal(max(ordinal, 1))


class BadDate(ValueError):
    """A date that is not a real YYYY-MM-DD day (2025-02-30)."""


def parse_day(value: str) -> dt.date:
    """A user's `YYYY-MM-DD` as a date; `BadDate` (a ValueError) with a one-line message if it is not."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadDate(f"not a valid date (expected YYYY-MM-DD): {value!r}") from None


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """`parse_day` for an optional value that may already be a date (the API accepts both)."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_day(value)


def leading_day(value: object) -> dt.date:
    """`YYYY-MM-DD` or an ISO datetime (anything after the day is ignored) as a date.

    Raises ValueError for text that is not such a date or names an impossible day (2025-02-30).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DAY.match(text + " ")
    if not match:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    year, month, day = (int(part) for part in match.groups())
    return dt.date(year, month, day)
