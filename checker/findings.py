"""Findings: the only thing reporters read.

A finding is what one rule found at one place in one file, in the shape of the JSON contract
(`lint --format json`), plus the source line it points at so that reporters need not reopen files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.empty import new_dict, new_list

SeverityName = Literal["error", "warning", "info"]


class Severity(IntEnum):
    """Ordered so that `--fail-on` is a comparison."""

    info = 1
    warning = 2
    error = 3

    @classmethod
    def of(cls, name: str) -> "Severity":
        return cls[name]


class Finding(BaseModel):
    """One finding. The pipeline makes them with `model_construct` (its values are already of the
    right types), so a run that writes the text report never builds pydantic's validator or
    serializer for it (defer_build); a JSON-family report builds the serializer on first use."""

    model_config = ConfigDict(defer_build=True)

    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    rule: str
    severity: SeverityName
    message: str
    suggestion: str | None = None
    evidence: dict[str, Any] = Field(default_factory=new_dict)
    # Not part of the JSON contract: the original line the finding starts on, for display.
    source_line: str | None = Field(default=None, exclude=True)
    # Not part of the JSON contract either: the prose the finding covers and exact replacements for
    # it (checker.fix applies them only where the file still holds `span` at that place).
    span: str | None = Field(default=None, exclude=True)
    fixes: list[str] = Field(default_factory=new_list, exclude=True)
    fix_certain: bool = Field(default=False, exclude=True)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def contract(self) -> dict[str, Any]:
        """The finding as the JSON contract spells it."""
        return self.model_dump(mode="json")


@dataclass
class FileStats:
    """Coverage for one file: what was read, what was checked, what could not be interpreted.

    A plain dataclass, not a model: the pipeline adds to it for every paragraph, and a pydantic
    model's attribute assignment costs several times a plain one (it is a field of the run's
    `LintResult`, which pydantic accepts as it is)."""

    amounts: int = 0
    relations: int = 0
    checked: int = 0
    unparsed: list[str] = field(default_factory=list)


class LintResult(BaseModel):
    """Everything a reporter needs: findings, the files they came from, and coverage. Made with
    `model_construct` by the runners, so its schema (FileStats' with it) is built only by a report
    that serializes it (see Finding)."""

    model_config = ConfigDict(defer_build=True)

    files: int = 0
    # Documents that were records of JSON/JSONL exports ("3 records in 1 file").
    records: int = 0
    findings: list[Finding] = Field(default_factory=new_list)
    stats: FileStats = Field(default_factory=FileStats)
    skipped: int = 0
    # (path, reason) of each file passed over while walking, for the run's notes on stderr.
    skipped_files: list[tuple[str, str]] = Field(default_factory=new_list, exclude=True)
    # path -> original text, for reporters that show documents in full (HTML). Only kept when asked.
    sources: dict[str, str] = Field(default_factory=new_dict, exclude=True)
    # path -> (as-of date YYYY-MM-DD or None, where it came from), kept with the sources.
    dates: dict[str, tuple[str | None, str | None]] = Field(default_factory=new_dict, exclude=True)
    # Every file checked, findings or not (a clean file is a passing JUnit test case).
    paths: list[str] = Field(default_factory=new_list, exclude=True)

    def checked_paths(self) -> list[str]:
        """The files checked and the files findings name, sorted, each once."""
        return sorted(set(self.paths) | set(self.sources) | {f.path for f in self.findings})

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def contract(self, *, as_models: bool = False) -> dict[str, Any]:
        """The JSON contract; `as_models` leaves the findings as models, for an encoder that writes
        them by their own serializer (the text is the same: `Finding.contract` is that serializer)."""
        return {
            "version": 1,
            "files": self.files,
            "findings": list(self.findings) if as_models else [f.contract() for f in self.findings],
            "summary": self.summary(),
        }
