"""Reading a file to fix and writing it back: same encoding mark, same line ends, written atomically."""

from __future__ import annotations

import codecs
import difflib
from dataclasses import dataclass
from pathlib import Path

from checker.report.atomic import write_report

FIXABLE_FORMATS = (".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml")


class FixError(ValueError):
    """A file figcheck will not rewrite (not UTF-8 text, a format it cannot write back)."""


@dataclass
class TextFile:
    path: Path
    text: str
    bom: bool = False

    @classmethod
    def read(cls, path: str | Path) -> "TextFile":
        target = Path(path)
        if target.suffix.lower() not in FIXABLE_FORMATS:
            raise FixError(f"{path}: figcheck rewrites only text, Markdown and HTML files, not {target.suffix or 'this'}")
        try:
            data = target.read_bytes()
        except OSError as error:
            raise FixError(f"{path}: cannot be read ({error.strerror or error})") from None
        bom = data.startswith(codecs.BOM_UTF8)
        try:
            text = data[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            raise FixError(f"{path}: not UTF-8 text, left as it is") from None
        return cls(target, text, bom)

    def write(self, text: str) -> None:
        """Replace the file atomically (a temporary file beside it, then a rename)."""
        write_report(("\ufeff" if self.bom else "") + text, self.path)


def unified_diff(path: str, before: str, after: str) -> str:
    """`--diff`: what the fixes would change, as a unified diff (empty when nothing changes)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
