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
from dataclasses import dataclass, field

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
# Past the size cap, a block is front matter only when it opens as one ("title: ...", "date = ...").
_FIRST_KEY = re.compile(r"[ \t]*[\"']?[A-Za-z_][\w-]*[\"']?[ \t]*[:=]")
MAX_FRONT_MATTER_NODES = 10_000  # counted with aliases expanded


class _Refused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _load_fields(raw: str):
    """The front matter's mapping (every scalar a string), refusing a key given twice (which
    would silently keep the last `date:`) and aliases that expand past a bound."""
    import yaml
    loader = yaml.BaseLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        count, stack = 0, [node]
        while stack:
            item = stack.pop()
            count += 1
            if count > MAX_FRONT_MATTER_NODES:
                raise _Refused(f"expands to more than {MAX_FRONT_MATTER_NODES} values", node.start_mark.line + 1)
            if isinstance(item, yaml.MappingNode):
                seen: set[str] = set()
                for key, value in item.value:
                    if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                        if key.value in seen:
                            raise _Refused(f"gives the key {key.value!r} twice", key.start_mark.line + 1)
                        seen.add(key.value)
                    stack.extend((key, value))
            elif isinstance(item, yaml.SequenceNode):
                stack.extend(item.value)
        return loader.construct_document(node)
    finally:
        loader.dispose()


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
    close = closing.search(text, 4)
    if not close or (close.start() > MAX_FRONT_MATTER_CHARS and not _FIRST_KEY.match(text, 4)):
        return FrontMatter(text)  # a thematic break, not front matter: long prose is never blanked on a guess
    import tomllib  # here, not at import: only a document with front matter needs a parser

    import yaml

    raw = text[4 : close.start()]
    blanked = "\n" * text.count("\n", 0, close.end()) + text[close.end() :]
    matter = FrontMatter(blanked)
    if close.start() > MAX_FRONT_MATTER_CHARS:  # still front matter, never prose: not parsed, said so
        matter.notes.append(Note("bad-front-matter", f"front matter is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB; "
                                 "its date was not read", "warning", 1, 1))
        return matter
    try:
        fields = _load_fields(raw) if kind != "TOML" else _parse(raw, kind)
    except _Refused as error:
        matter.notes.append(Note("bad-front-matter", f"front matter {error.message}; its date was not read",
                                 "warning", error.line + 1, 1))
        return matter
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        problem, line, column = _parse_error(error)
        matter.notes.append(Note("bad-front-matter", f"front matter is not valid {kind}: {problem}",
                                 "warning", line, column))
        return matter
    if not isinstance(fields, dict):
        return matter
    key = next((k for k in DATE_KEYS if fields.get(k) not in (None, "")), None)
    if key is not None:
        line, column = _value_position(raw, key)
        source = f"{kind} front matter {key}"
        matter.date, note = read_date(fields[key], source, line, column)
        matter.date_source = source if matter.date else None
        if note:
            matter.notes.append(note)
    return matter


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _parse_error(error: Exception) -> tuple[str, int, int]:
    """The parser's complaint and where it is in the file (the opening fence is line 1)."""
    import yaml
    mark = getattr(error, "problem_mark", None)
    if isinstance(error, yaml.MarkedYAMLError) and mark is not None:
        problem = error.problem or "not valid"
        if error.context:
            problem = f"{problem} ({error.context} at line {error.context_mark.line + 2})" \
                if error.context_mark is not None else f"{problem} ({error.context})"
        return problem, mark.line + 2, mark.column + 1
    message = str(error).split("\n")[0]
    found = _TOML_AT.search(message)  # tomllib says "... (at line 3, column 8)" (no lineno before 3.14)
    if found:
        return message[: found.start()], int(found.group(1)) + 1, int(found.group(2))
    return message, 1, 1


def _value_position(raw: str, key: str) -> tuple[int, int]:
    """Line and column of the value of `key:` (YAML) or `key =` (TOML) in the file."""
    where = re.search(rf"^[ \t]*['\"]?{re.escape(key)}['\"]?[ \t]*[:=][ \t]*", raw, re.MULTILINE)
    if where is None:
        return 1, 1
    line_start = raw.rfind("\n", 0, where.start()) + 1
    return raw.count("\n", 0, where.start()) + 2, where.end() - line_start + 1


def _parse(raw: str, kind: str) -> object:
    if kind == "TOML":
        import tomllib

        return tomllib.loads(raw)
    import yaml

    return yaml.load(raw, Loader=yaml.BaseLoader)
