"""Gitignore-style globs (pathspec), compiled so that a bad one is the user's error, not ours.

pathspec turns each glob into a regular expression, and a glob such as `[z-a]` (a backwards
range) into one `re` refuses: that is a usage or config error naming the glob, never an internal
error. A `.gitignore` line of that kind is passed over, as git passes it over (it matches nothing).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pathspec


class GlobError(ValueError):
    """A glob that cannot be compiled; the message names it and says why."""

    def __init__(self, glob: str, reason: str) -> None:
        reason = re.sub(r" at position \d+", "", reason)  # a place in pathspec's regex, not in the glob
        super().__init__(f"{glob!r} is not a valid glob ({reason})")
        self.glob = glob
        self.reason = reason


_BAD_GLOB = (re.error, ValueError, TypeError)  # what pathspec raises for a glob it cannot compile


def glob_spec(patterns: Iterable[str]) -> "pathspec.PathSpec":
    """The globs as one gitignore-style spec; GlobError naming the first that cannot be compiled."""
    import pathspec

    lines = list(patterns)
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except _BAD_GLOB as error:
        for line in lines:
            own = _glob_error(line)
            if own is not None:
                raise GlobError(str(line), str(own)) from None
        raise GlobError(", ".join(map(str, lines)), str(error)) from None


def lenient_spec(lines: Iterable[str]) -> "pathspec.PathSpec":
    """A `.gitignore` file's spec, leaving out any line that cannot be compiled, as git does."""
    import pathspec

    lines = list(lines)
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except _BAD_GLOB:
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if _glob_error(line) is None])


def _glob_error(line: str) -> Exception | None:
    """Why pathspec cannot compile the one glob `line`; None when it can."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except _BAD_GLOB as error:
        return error
    return None
