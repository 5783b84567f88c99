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
    quiet: bool = False  # --quiet: the findings and nothing else (no summary lines)
    # The environment a reporter may consult ($GITHUB_STEP_SUMMARY); injectable for tests.
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    # figcheck's public home (SARIF informationUri, reviewdog source.url), or FROM_METADATA: read
    # from the package metadata (rules.project_url) when a reporter asks for `home`, so that the
    # reports that name no home (the text report, JSON) never read the metadata.
    homepage: str | None | object = field(default_factory=lambda: FROM_METADATA)

    @property
    def home(self) -> str | None:
        """figcheck's public home for the report (`homepage`, else the package metadata's)."""
        if self.homepage is FROM_METADATA:
            from checker.report.rules import project_url

            return project_url()
        return self.homepage  # type: ignore[return-value]


FROM_METADATA = object()  # RenderOptions.homepage: the home the package metadata names


COLOR_MODES = ("auto", "always", "never")


def wants_color(stream: TextIO, environ: Mapping[str, str] | None = None, mode: str = "auto") -> bool:
    """Whether to colour the report: `--color always|never` decide; `auto` follows the conventions.

    `auto`: NO_COLOR (any non-empty value, no-color.org) turns colour off; FORCE_COLOR (non-empty,
    not "0") turns it on even when piped or in CI; otherwise colour only for a terminal that is
    not "dumb", and not in CI.
    """
    if mode == "always":
        return True
    if mode == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") and env.get("FORCE_COLOR") != "0":
        return True
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
