"""The dateline a wire story opens with ("CAIRO (Reuters) -", "ADDIS ABABA -", "NEW YORK, March 3 -").

The place a story is filed from is the first word of context an editor reads: a "pound" in a
Cairo story is an Egyptian pound, "kr" in a Copenhagen one a Danish krone. Datelines are printed
in capitals, so the cues of checker/vocab ("Cairo", "Copenhagen") would not match them as written;
`dateline_place()` gives the place in the case the cues are written in.
"""

from __future__ import annotations

import re

# An upper-case place at the start of a paragraph, optionally ", Month day" and "(Agency)", then a dash.
_DATELINE = re.compile(
    r"\A[\s#>*_]*(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([A-Z][A-Za-z .&-]{1,30}\))?\s*(?:[-—–]{1,2}|:)\s"
)


def dateline_place(text: str) -> str | None:
    """The place of the dateline `text` opens with, title-cased ("Addis Ababa"), else None."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    return " ".join(word.capitalize() for word in match.group("place").split())


def with_dateline(text: str) -> str:
    """`text` with its dateline's place appended in the cues' case, for matching place cues."""
    place = dateline_place(text)
    return text if place is None else f"{text}\n{place}"
