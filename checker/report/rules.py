"""Rule metadata as reporters see it.

Reporters only read findings; a finding names its rule by id. Formats that document rules
(SARIF's `tool.driver.rules`, the HTML cards, help links) look the id up here. `rule_infos` fills
these in from the loaded rule packs; a reporter must still work for an id it was not told about.
"""

from __future__ import annotations

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
    help_uri: str | None = None


def rule_info(rules: Mapping[str, RuleInfo], rule_id: str, severity: SeverityName) -> RuleInfo:
    """The rule's metadata, or a minimal stand-in so that an unknown id never breaks a report."""
    known = rules.get(rule_id)
    if known is not None:
        return known
    return RuleInfo(id=rule_id, kind="unknown", severity=severity, summary=rule_id, help_uri=RULES_URI)


# Where figcheck is documented; rules without a `link:` of their own point at its check kinds.
HOMEPAGE = "https://github.com/OWNER/figcheck"
RULES_URI = f"{HOMEPAGE}#check-kinds"


def rule_infos(loaded: Iterable["LoadedRule"]) -> dict[str, RuleInfo]:
    """What reporters may say about each loaded rule, keyed by rule id: built here, in the report
    layer, from the rule packs, so that every front end (CLI, API, server) documents rules alike.
    Every rule gets a help link: its pack's `link:` (as in Vale), else figcheck's check-kind docs."""
    return {
        r.id: RuleInfo(
            id=r.id,
            kind=r.kind.name,
            severity=r.rule.severity,
            summary=(r.rule.description or r.kind.summary).strip().split("\n")[0],
            help=r.kind.doc,
            help_uri=r.rule.link or RULES_URI,
        )
        for r in loaded
    }
