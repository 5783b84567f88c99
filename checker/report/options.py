"""The knobs a reporter may read besides the result and the rule metadata."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, TextIO


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    width: int | None = None  # terminal columns; None means a fixed, file-friendly width
    show_unparsed: bool = False  # list the strings that looked like amounts but were not read
    fail_on: str = "error"  # --fail-on: JUnit fails only the findings at or above it
    # The environment a reporter may consult ($GITHUB_STEP_SUMMARY); injectable for tests.
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)


def wants_color(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only for a person at a terminal: never when piped, in CI, or with NO_COLOR set."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("CI") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
