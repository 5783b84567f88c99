"""Every fixture document under tests/fixtures/kinds/ draws exactly the warnings and errors it lists.

Each kind's directory holds realistic documents and an `expected.yaml` naming, per file, the
(rule, line) of every warning or error it must produce; a file listed with `[]` is a negative that
must stay silent. Documents are linted with the shipped default pack, the way `figcheck lint` runs.
"""

from pathlib import Path

import pytest
import yaml

from checker.api import lint_paths

FIXTURES = Path(__file__).parents[1] / "fixtures" / "kinds"
DATE = "2025-04-15"


def _cases():
    for expected_file in sorted(FIXTURES.glob("*/expected.yaml")):
        expected = yaml.safe_load(expected_file.read_text()) or {}
        for name, findings in expected.items():
            yield pytest.param(expected_file.parent / name, findings, id=f"{expected_file.parent.name}/{name}")


@pytest.mark.parametrize("path, expected", list(_cases()))
@pytest.mark.parametrize("date", [DATE, None], ids=["dated", "undated"])
def test_fixture_findings(path, expected, date):
    result = lint_paths([path], date=date)
    got = sorted((f.rule, f.line) for f in result.findings if f.severity in ("warning", "error"))
    assert got == sorted((e["rule"], e["line"]) for e in expected), [f.message for f in result.findings]


def test_every_fixture_document_is_listed():
    for directory in FIXTURES.iterdir():
        if directory.is_dir():
            listed = set(yaml.safe_load((directory / "expected.yaml").read_text()) or {})
            assert {p.name for p in directory.glob("*.txt")} == listed
