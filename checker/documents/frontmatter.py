"""YAML front matter at the top of a Markdown file: read its `date:`, hide it from the prose.

The front matter is blanked rather than cut, so line numbers in the rest of the file stay those of
the original. YAML is read with BaseLoader: every scalar stays a string, nothing is constructed,
and an impossible date such as 2025-02-30 reaches `dates.read_date` instead of raising here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from .base import Note
from .dates import read_date

_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_DATE_KEY = re.compile(r"^date[ \t]*:", re.MULTILINE)
MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_FRONT_MATTER_NODES = 10_000  # counted with aliases expanded


class _Refused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _load_fields(raw: str):
    """The front matter's mapping (every scalar a string), refusing a key given twice (which
    would silently keep the last `date:`) and aliases that expand past a bound."""
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


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter (if the text starts with `---`) from the prose that follows."""
    if not _OPEN.match(text):
        return FrontMatter(text)
    close = _CLOSE.search(text, 4, MAX_FRONT_MATTER_CHARS)
    if not close:
        return FrontMatter(text)
    raw = text[4 : close.start()]
    blanked = "\n" * text.count("\n", 0, close.end()) + text[close.end() :]
    matter = FrontMatter(blanked)
    try:
        fields = _load_fields(raw)
    except _Refused as error:
        matter.notes.append(Note("bad-front-matter", f"front matter {error.message}; its date was not read",
                                 "warning", error.line + 1, 1))
        return matter
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        matter.notes.append(Note("bad-front-matter", f"front matter is not valid YAML: {error}".split("\n")[0],
                                 "warning", line, 1))
        return matter
    if isinstance(fields, dict) and fields.get("date") not in (None, ""):
        key = _DATE_KEY.search(raw)
        line = raw.count("\n", 0, key.start()) + 2 if key else 1
        matter.date, note = read_date(fields["date"], "front matter", line, 1)
        if note:
            matter.notes.append(note)
    return matter
