"""`--diff REF`: which lines changed since a git ref, so a pull request is judged on its own lines.

The changes are those made on this branch since it left REF: between the merge base of REF and
HEAD and the working tree (what `git diff REF...HEAD` shows, plus edits not yet committed), so
lines that REF itself changed after the branch point are not counted. Every line of untracked
files that git does not ignore counts too (a new article in the PR). Binary files that changed
(.docx) count as changed throughout, since git cannot say which lines.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from checker.findings import Finding

ALL_LINES = None  # in ChangedLines.files: the whole file is new or changed
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_BINARY = re.compile(r"^Binary files (?:\S+|\"[^\"]*\") and (.+) differ$")


class DiffError(Exception):
    """No git, not a repository, or an unknown ref (exit 2 in the CLI)."""


@dataclass
class ChangedLines:
    """Per file (absolute path): the set of changed 1-based line numbers, or ALL_LINES."""

    top: Path
    files: dict[Path, set[int] | None] = field(default_factory=dict)

    def touches(self, finding: Finding) -> bool:
        """Whether any line the finding spans was changed."""
        if finding.path.startswith("<"):
            return False
        path = Path(os.path.realpath(finding.path))
        if path not in self.files:
            return False
        lines = self.files[path]
        return lines is ALL_LINES or any(n in lines for n in range(finding.line, finding.end_line + 1))

    def keep(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.touches(f)]


def changed_lines(ref: str, cwd: Path | None = None) -> ChangedLines:
    """The lines changed in the working tree since `ref`, for the repository holding `cwd`."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd, "not inside a git repository").strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd, f"unknown git ref {ref!r}")
    base = merge_base(ref, top)
    patch = _git(["-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                  "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", base, "--"], top, f"git diff {ref} failed")
    changes = ChangedLines(top.resolve(), parse_patch(patch, top.resolve()))
    untracked = _git(["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z"],
                     top, "git ls-files failed")
    for name in filter(None, untracked.split("\0")):
        changes.files[_path(top, name)] = ALL_LINES
    return changes


def merge_base(ref: str, top: Path) -> str:
    """The commit this branch left `ref` at; `ref` itself when HEAD has no commit yet."""
    if subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=top, capture_output=True).returncode:
        return ref
    return _git(["merge-base", ref, "HEAD"], top, f"{ref!r} and HEAD share no history (no merge base)").strip()


def parse_patch(patch: str, top: Path) -> dict[Path, set[int] | None]:
    """Added or changed lines of the new side of a unified diff, per file.

    Hunk bodies are skipped by their counts, so an added line that itself starts with "++ " is
    never mistaken for a file header."""
    files: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    pending = 0  # body lines of the current hunk still to skip
    for line in patch.splitlines():
        if pending:
            pending -= 1
            continue
        if line.startswith("+++ "):
            name = _unquote(line[4:])
            current = None if name == "/dev/null" else files.setdefault(_path(top, name.removeprefix("b/")), set())
        elif hunk := _HUNK.match(line):
            old_count = int(hunk.group(2)) if hunk.group(2) is not None else 1
            start = int(hunk.group(3))
            new_count = int(hunk.group(4)) if hunk.group(4) is not None else 1
            pending = old_count + new_count
            if current is not None:
                current.update(range(start, start + new_count))
        elif binary := _BINARY.match(line):
            name = _unquote(binary.group(1))
            if name != "/dev/null":
                files[_path(top, name.removeprefix("b/"))] = ALL_LINES
    return files


def _path(top: Path, name: str) -> Path:
    return Path(os.path.realpath(top / name))


def _unquote(name: str) -> str:
    """Git quotes names with unusual characters as C strings even with quotePath off."""
    name = name.split("\t")[0]
    if len(name) >= 2 and name[0] == name[-1] == '"':
        return name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
    return name


def _git(args: list[str], cwd: Path, failure: str) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                             errors="surrogateescape")
    except FileNotFoundError:
        raise DiffError("--diff needs git, which is not installed or not on PATH") from None
    if run.returncode != 0:
        detail = run.stderr.strip().splitlines()
        raise DiffError(f"--diff: {failure}" + (f" ({detail[-1]})" if detail and "unknown git ref" not in failure else ""))
    return run.stdout
