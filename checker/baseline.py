"""Baselines: accept the findings a project already has, fail on new ones.

A finding is recognised by a fingerprint that survives edits elsewhere in the file: its path
(relative to the baseline file, so the baseline works from any directory), its rule, the figures it
quotes (the text of its span, whitespace-normalised; the message when the span is unknown) and its
occurrence index among findings with the same three. Line and column are left out, so adding a
paragraph above a known finding does not turn it into a new one; message wording is left out where
the span is known, so a fresher exchange rate ("at 7.315 CNY per USD") does not either.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from checker.findings import Finding
from checker.report.atomic import write_report
from checker.safety import read_regular_file

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; `str()` names it (exit 2 in the CLI)."""


@dataclass(frozen=True)
class Comparison:
    """Findings split by the baseline, plus how many baseline entries no longer occur."""

    new: list[Finding]
    accepted: list[Finding]
    fixed: int


def figures(finding: Finding) -> str:
    """What the finding is about, as printed: its span's text, or its message without it."""
    line = finding.source_line
    if line is not None and finding.column <= len(line):
        end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
        quoted = line[finding.column - 1 : end]
        if quoted.strip():
            return " ".join(quoted.split())
    return " ".join(finding.message.split())


def fingerprints(findings: Iterable[Finding], base: Path) -> list[str]:
    """One stable fingerprint per finding, in the order given."""
    occurrences: Counter[tuple[str, str, str]] = Counter()
    prints = []
    for finding in sorted(findings, key=Finding.sort_key):
        key = (_portable_path(finding.path, base), finding.rule, figures(finding))
        index = occurrences[key]
        occurrences[key] += 1
        prints.append((finding, _digest(*key, str(index))))
    order = {id(f): p for f, p in prints}
    return [order[id(f)] for f in findings]


def write_baseline(findings: list[Finding], path: Path) -> int:
    """Write every finding's fingerprint (with readable context) to `path`, atomically."""
    base = _base(path)
    entries = [
        {"fingerprint": fp, "path": _portable_path(f.path, base), "rule": f.rule,
         "figures": figures(f), "line": f.line}
        for f, fp in zip(findings, fingerprints(findings, base))
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    document = {"version": FORMAT_VERSION, "tool": "figcheck", "findings": entries}
    write_report(json.dumps(document, indent=2, ensure_ascii=False) + "\n", path)
    return len(entries)


def compare(findings: list[Finding], path: Path, known: set[str] | frozenset[str] | None = None) -> Comparison:
    """Split `findings` into those the baseline at `path` knows and those it does not (`known`:
    its fingerprints, when the caller has read them already)."""
    known = read_baseline(path) if known is None else known
    new, accepted, matched = [], [], set()
    for finding, fp in zip(findings, fingerprints(findings, _base(path))):
        if fp in known:
            accepted.append(finding)
            matched.add(fp)
        else:
            new.append(finding)
    return Comparison(new, accepted, fixed=len(known - matched))


MAX_BASELINE_BYTES = 500_000_000  # millions of findings; /dev/zero named as a baseline never ends


def read_baseline(path: Path) -> set[str]:
    try:
        raw = read_regular_file(path, MAX_BASELINE_BYTES)
        if len(raw) > MAX_BASELINE_BYTES:
            raise BaselineError(f"{path}: larger than {MAX_BASELINE_BYTES // 1_000_000} MB; not a baseline")
        document = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except OSError as exc:  # the reason only: the path is named once, at the start
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{path}: cannot read baseline: it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a figcheck baseline (invalid JSON: {exc.msg})") from None
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION \
            or not isinstance(document.get("findings"), list):
        raise BaselineError(f"{path}: not a figcheck baseline (version {FORMAT_VERSION} with a findings list)")
    try:
        return {entry["fingerprint"] for entry in document["findings"]}
    except (TypeError, KeyError):
        raise BaselineError(f"{path}: not a figcheck baseline (an entry has no fingerprint)") from None


def _base(baseline: Path) -> Path:
    return Path(os.path.abspath(baseline)).parent


def _portable_path(path: str, base: Path) -> str:
    """The path relative to the baseline's directory, with forward slashes."""
    if path.startswith("<"):  # <stdin>
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
