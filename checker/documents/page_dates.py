"""A web page's publication date from the places publishers put it, read from the raw HTML.

In order: a published-time `<meta>` (`article:published_time`, `name="date"`, `pubdate`,
`dc.date`, `itemprop="datePublished"`, ...), then JSON-LD (`<script type="application/ld+json">`
with `datePublished`, also inside `@graph`), then the parser's fallback (`<time datetime>`).
The source names the exact tag or key, so a finding's evidence says where its date came from.
Read by pattern from the page text, independent of the HTML parser that extracts the prose.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Callable, Iterator

from .base import Note
from .dates import read_date

PUBLISHED_META = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
                  "dcterms.created", "pubdate", "publishdate", "publish-date", "og:published_time",
                  "sailthru.date", "parsely-pub-date")
_META = re.compile(r"<meta\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_JSON_LD_OPEN = re.compile(r"""<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>""", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)

DateFound = tuple[dt.date | None, str | None, list[Note]]


def published_date(text: str, fallback: Callable[[], DateFound]) -> DateFound:
    """The page's date, where it came from, and a note if the one found could not be read."""
    page = blank_comments(text)  # keeps offsets, drops commented tags
    for value, source, offset in _candidates(page):
        line, column = _position(text, offset)
        date, note = read_date(value, source, line, column)
        return date, (source if date else None), [note] if note else []
    return fallback()


def blank_comments(text: str) -> str:
    """`text` with every `<!-- ... -->` turned to spaces (offsets kept), in one pass. A comment
    left open runs to the end of the page, as the HTML standard reads it; a lazy `<!--.*?-->`
    regex would rescan to the end from every later `<!--` (quadratic on a page of unclosed ones)."""
    parts, position = [], 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        stop = len(text) if end == -1 else end + 3
        parts += [text[position:start], " " * (stop - start)]
        position = stop
    parts.append(text[position:])
    return "".join(parts)


def _candidates(page: str) -> Iterator[tuple[Any, str, int]]:
    metas = {}
    for match in _META.finditer(page):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTRIBUTE.findall(match.group(1))}
        kind = next((attrs[k] for k in ("property", "name", "itemprop") if k in attrs), "").lower()
        if kind in PUBLISHED_META and attrs.get("content", "").strip():
            attribute = next(k for k in ("property", "name", "itemprop") if k in attrs)
            content = re.search(r"\bcontent\s*=\s*[\"']?", match.group(1), re.I)
            offset = match.start(1) + content.end() if content else match.start()
            metas.setdefault(kind, (attrs["content"], f'HTML meta {attribute}="{kind}"', offset))
    for kind in PUBLISHED_META:  # the most specific tag first, wherever it sits in the page
        if kind in metas:
            yield metas[kind]
            return
    for start, end, tag in _json_ld_scripts(page):
        try:
            data = json.loads(page[start:end])
        except (ValueError, RecursionError):
            continue
        value = _date_published(data)
        if value is not None:
            yield value, "HTML JSON-LD datePublished", _key_value_offset(page, start, end, tag, value)
            return


def _date_published(data: Any, depth: int = 0) -> Any:
    """The first `datePublished` in a JSON-LD object, its `@graph`, or a list of objects."""
    if depth > 8:
        return None
    if isinstance(data, list):
        return next((v for v in (_date_published(item, depth + 1) for item in data) if v is not None), None)
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str) and data["datePublished"].strip():
            return data["datePublished"]
        return _date_published(data.get("@graph"), depth + 1)
    return None


def _json_ld_scripts(page: str) -> Iterator[tuple[int, int, int]]:
    """(body start, body end, tag start) of each JSON-LD script, in one pass: a script never
    closed ends the search (no later one can close), where a lazy `(.*?)</script>` regex would
    rescan to the end from every later opening tag."""
    position = 0
    while (opening := _JSON_LD_OPEN.search(page, position)) is not None:
        closing = _SCRIPT_CLOSE.search(page, opening.end())
        if closing is None:
            return
        yield opening.end(), closing.start(), opening.start()
        position = closing.end()


def _key_value_offset(page: str, body_start: int, body_end: int, tag: int, value: str) -> int:
    """Where the `"datePublished": "..."` that gave `value` starts its value, in the page."""
    decoder = json.JSONDecoder()
    for key in re.finditer(r'"datePublished"\s*:\s*', page[body_start:body_end]):
        start = body_start + key.end()
        try:
            if decoder.raw_decode(page, start)[0] == value:
                return start
        except (ValueError, RecursionError):
            continue
    return tag


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
