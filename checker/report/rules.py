"""Rule metadata as reporters see it.

Reporters only read findings; a finding names its rule by id. Formats that document rules
(SARIF's `tool.driver.rules`, the HTML cards, help links) look the id up here. `rule_infos` fills
these in from the loaded rule packs; a reporter must still work for an id it was not told about.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from checker.findings import SeverityName

if TYPE_CHECKING:
    from checker.engine.packs import LoadedRule


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a reporter may say about one rule."""

    id: str
    kind: str
    severity: SeverityName
    summary: str  # one line, e.g. "Currency conversions must match the exchange rate"
    help: str = ""  # longer documentation, Markdown or plain text
    # The rule's help page: a URL, None for none, or README_LINK: the README's check kinds section
    # at the project's home (`home`, else the package metadata's), worked out only when a report
    # asks for `help_uri`, so that the reports that print no links never read the metadata.
    link: str | None | object = None
    home: str | None = None

    @property
    def help_uri(self) -> str | None:
        return rules_uri(self.home) if self.link is README_LINK else self.link  # type: ignore[return-value]


class _ReadmeLink:
    """RuleInfo.link: the README's check kinds section at the project's home."""

    def __reduce__(self) -> str:
        return "README_LINK"  # pickled by name: the same object in every process

    def __repr__(self) -> str:
        return "README_LINK"


README_LINK = _ReadmeLink()


def rule_info(rules: Mapping[str, RuleInfo], rule_id: str, severity: SeverityName) -> RuleInfo:
    """The rule's metadata, or a minimal stand-in so that an unknown id never breaks a report."""
    known = rules.get(rule_id)
    if known is not None:
        return known
    return RuleInfo(id=rule_id, kind="unknown", severity=severity, summary=rule_id, link=README_LINK)


# The `[project.urls]` labels that name figcheck's public home, in the order they are preferred.
HOME_LABELS = ("homepage", "repository", "source", "documentation")


@functools.cache
def project_url() -> str | None:
    """figcheck's public home: the absolute https URL that `[project.urls]` in pyproject.toml
    gives, read from the installed package's metadata, so it is written in one place. None when
    the project names none: SARIF and reviewdog want an absolute URI, and a made-up one is worse
    than none (the reports then carry each rule's documentation in-band and no link)."""
    import importlib.metadata  # here, not at import: it costs a text report's start-up ~20 ms (email, zipfile, csv)

    try:
        entries = importlib.metadata.metadata("figcheck").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    return next((urls[label] for label in HOME_LABELS if urls.get(label, "").startswith("https://")), None)


def rules_uri(home: str | None = None) -> str | None:
    """Where the check kinds are documented: the README's "Check kinds" section at the project's home."""
    home = home or project_url()
    return f"{home.rstrip('/')}#check-kinds" if home else None


def rule_infos(loaded: Iterable["LoadedRule"], home: str | None = None) -> dict[str, RuleInfo]:
    """What reporters may say about each loaded rule, keyed by rule id: built here, in the report
    layer, from the rule packs, so that every front end (CLI, API, server) documents rules alike.
    A rule's help link is its pack's `link:` (as in Vale), else the check kinds' section of the
    README at the project's home (`project_url`, or `home`), else none."""
    return {
        r.id: RuleInfo(
            id=r.id,
            kind=r.kind.name,
            severity=r.rule.severity,
            summary=(r.rule.description or r.kind.summary).strip().split("\n")[0],
            help=r.kind.doc,
            link=r.rule.link or README_LINK,
            home=home,
        )
        for r in loaded
    }
