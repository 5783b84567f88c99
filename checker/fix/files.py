"""Reading a file to fix and writing it back: same encoding and mark, same line ends, written atomically.

A file is read in the encoding lint read it in (a byte-order mark, UTF-16/32 told by its NULs, a page's
meta charset, or the legacy encoding charset-normalizer detected), so a finding's line and column
point at the same characters, and is written back in that encoding. A file that does not decode
cleanly, would not read back byte for byte, or whose fix that encoding cannot hold is left alone
with a one-line reason: a fix never corrupts a file."""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from checker.documents.decoding import file_encoding, legacy_name
from checker.report.atomic import OutputError, write_report

FIXABLE_FORMATS = (".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml")


class FixError(ValueError):
    """A file figcheck will not rewrite (not UTF-8 text, a format it cannot write back)."""


@dataclass
class TextFile:
    path: Path
    text: str
    encoding: str = "utf-8"
    mark: bytes = b""  # the byte-order mark the file starts with, written back as it was

    @classmethod
    def read(cls, path: str | Path) -> "TextFile":
        target = Path(path)
        if target.suffix.lower() not in FIXABLE_FORMATS:
            raise FixError(f"{path}: figcheck rewrites only text, Markdown and HTML files, not {target.suffix or 'this'}")
        try:
            data = target.read_bytes()
        except OSError as error:
            raise FixError(f"{path}: cannot be read ({error.strerror or error})") from None
        encoding, bom, _ = file_encoding(data, html=target.suffix.lower() in (".html", ".htm", ".xhtml"))
        name = legacy_name(encoding)
        try:
            text = data[bom:].decode(encoding)
        except UnicodeDecodeError:
            raise FixError(f"{path}: not valid {name} text, left as it is") from None
        if text.encode(encoding) != data[bom:]:  # a byte sequence with two readings: it would not come back
            raise FixError(f"{path}: its {name} bytes would not be written back as they are, left as it is")
        return cls(target, text, encoding, data[:bom])

    def encode(self, text: str) -> bytes:
        """The file's bytes with `text` in it, in its own encoding and mark; FixError when the
        encoding cannot hold a character of the fix."""
        try:
            return self.mark + text.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise FixError(f"{self.path}: the fix has {error.object[error.start]!r}, which "
                           f"{legacy_name(self.encoding)} cannot hold; "
                           "left as it is") from None

    def write(self, text: str) -> None:
        """Replace the file atomically (a temporary file beside it, then a rename), in its own encoding."""
        if _read_only(self.path):
            raise FixError(f"{self.path}: is read-only (no write permission), left as it is")
        try:
            write_report(self.encode(text), self.path, what="the fixed file")
        except OutputError as error:  # a full disk, a file-size limit, a folder made read-only: left as it was
            raise FixError(f"{error}; left as it was") from None


def _read_only(path: Path) -> bool:
    """A file its owner made read-only (chmod a-w), which a tool writing in place could not open for
    writing: the atomic rename would replace it all the same (even as root), so it is left alone."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # gone: the write says so
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def unified_diff(path: str, before: str, after: str) -> str:
    """`--diff`: what the fixes would change, as a unified diff (empty when nothing changes)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
