"""Reading a document's as-of date from front matter, meta tags or record fields.

A date that cannot be read is never fatal: the caller gets a `bad-date` note and treats the date
as unknown, because a wrong date would silently pick the wrong exchange rates.
"""

from __future__ import annotations

import datetime as dt

from checker.dates import leading_day

from .base import Note


def read_date(value: object, source: str, line: int = 1, column: int = 1) -> tuple[dt.date | None, Note | None]:
    """The date, or None with a `bad-date` warning saying where the unreadable date came from."""
    try:
        return leading_day(value), None
    except (ValueError, OverflowError) as error:
        message = f"ignored the date {str(value).strip()!r} ({source}): {error}"
        return None, Note("bad-date", message, "warning", line, column)
