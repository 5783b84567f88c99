"""Front matter at the top of a Markdown file: read its publication date, hide it from the prose.

YAML between `---` lines (Jekyll, Astro, Eleventy) or TOML between `+++` lines (Hugo, Zola). The
date is the first of the keys publishers use for it (`published`, `pubDate`, `publishDate`,
`datePublished`, `date`, ...), and the document says which key of which kind gave it.

The front matter is blanked rather than cut, so line numbers in the rest of the file stay those of
the original. YAML is read with BaseLoader: every scalar stays a string, nothing is constructed,
and an impossible date such as 2025-02-30 reaches `dates.read_date` instead of raising here.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field

import yaml

from .base import Note
from .dates import read_date

_FENCES = {
    "YAML": (re.compile(r"---[ \t]*\n"), re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)),
    "TOML": (re.compile(r"\+\+\+[ \t]*\n"), re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)),
}
# Most specific first: a `published:` beats a `date:` that may be the draft's.
DATE_KEYS = ("published", "pubDate", "publishDate", "published_at", "publishedAt", "datePublished",
             "date_published", "date")
MAX_FRONT_MATTER_CHARS = 256 * 1024


@dataclass
class FrontMatter:
    body: str  # the whole text with the front matter's lines emptied
    date: dt.date | None = None
    notes: list[Note] = field(default_factory=list)
    date_source: str | None = None  # e.g. "YAML front matter pubDate"


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter (if the text starts with `---` or `+++`) from the prose that follows."""
    for kind, (opening, closing) in _FENCES.items():
        if opening.match(text):
            break
    else:
        return FrontMatter(text)
    close = closing.search(text, 4, MAX_FRONT_MATTER_CHARS)
    if not close:
        return FrontMatter(text)
    raw = text[4 : close.start()]
    blanked = "\n" * text.count("\n", 0, close.end()) + text[close.end() :]
    matter = FrontMatter(blanked)
    try:
        fields = _parse(raw, kind)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else getattr(error, "lineno", 0) + 1 or 1
        matter.notes.append(Note("bad-front-matter", f"front matter is not valid {kind}: {error}".split("\n")[0],
                                 "warning", line, 1))
        return matter
    if not isinstance(fields, dict):
        return matter
    key = next((k for k in DATE_KEYS if fields.get(k) not in (None, "")), None)
    if key is not None:
        where = re.search(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*[:=]", raw, re.MULTILINE)
        line = raw.count("\n", 0, where.start()) + 2 if where else 1
        source = f"{kind} front matter {key}"
        matter.date, note = read_date(fields[key], source, line, 1)
        matter.date_source = source if matter.date else None
        if note:
            matter.notes.append(note)
    return matter


def _parse(raw: str, kind: str) -> object:
    if kind == "TOML":
        return tomllib.loads(raw)
    return yaml.load(raw, Loader=yaml.BaseLoader)
