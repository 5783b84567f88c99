"""Reading a document's as-of date from front matter, meta tags or record fields.

A date that cannot be read is never fatal: the caller gets a `bad-date` note and treats the date
as unknown, because a wrong date would silently pick the wrong exchange rates.
"""

from __future__ import annotations

import datetime as dt
import re

from .base import Note

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")


def parse_date(value: object) -> dt.date:
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


def read_date(value: object, source: str, line: int = 1, column: int = 1) -> tuple[dt.date | None, Note | None]:
    """The date, or None with a `bad-date` warning saying where the unreadable date came from."""
    try:
        return parse_date(value), None
    except (ValueError, OverflowError) as error:
        message = f"ignored the {source} date {str(value).strip()!r}: {error}"
        return None, Note("bad-date", message, "warning", line, column)
