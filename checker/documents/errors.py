"""The one error a loader raises: a file named explicitly that cannot be read as a document.

The CLI turns it into exit 2 with its message, so the message is a single line naming the path.
"""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read at all (missing, unreadable, binary, corrupt)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnreadableDocument(DocumentError):
    """A file that exists but cannot be read as a document (permission, binary, damaged, not a
    regular file). Named on the command line it becomes an error finding for that file, so the
    other files are still linted (pre-commit passes many at once); met in a tree it is skipped."""


class BinaryDocument(UnreadableDocument):
    """A file that holds binary data (NUL bytes near its start): a walk passes it over quietly,
    counting it, as git and ripgrep do."""
