"""house-facts: a registry validated at load time, resolved beside its pack, and figures tied to its entities."""

import textwrap

import pytest

from checker.api import lint_text
from checker.engine.packs import PackError, load_pack


def fact_findings(text, rules=(), rule="house-facts"):
    return [f for f in lint_text(text, rules=rules) if f.rule == rule]


def test_a_wrong_size_cites_the_registry():
    (finding,) = fact_findings("Beijing launched the 34.4 billion yuan Big Fund III last year.")
    assert finding.evidence["registry_value"] == 344e9
    assert finding.evidence["source"].startswith("https://")
    assert finding.suggestion == "344 billion yuan"


@pytest.mark.parametrize("text", [
    "Beijing launched the 34.4 billion yuan BIG FUND III last year.",  # the names are read without case
    "Beijing launched the 34.4 billion yuan big fund iii last year.",
    "Beijing launched the 34.4 billion yuan Big Fund III last year — “a record”.",  # not ASCII: the scan itself
])
def test_a_name_in_any_case_is_still_found(text):
    assert [f.evidence["registry_value"] for f in fact_findings(text)] == [344e9]


@pytest.mark.parametrize("text", [
    "The Big Fund III, with registered capital of 344 billion yuan, was set up in May 2024.",
    "The first phase of the Big Fund raised about 139 billion yuan in 2014.",
    "The Big Fund III invested 2 billion yuan in the chipmaker's new plant.",
    "The Big Fund III ($47.5 billion) is the largest yet.",
])
def test_matching_or_untied_figures_pass(text):
    assert fact_findings(text) == []


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_registry_path_is_resolved_relative_to_the_pack(tmp_path):
    (tmp_path / "packs").mkdir()
    write(tmp_path / "packs", "facts.yaml", """\
        facts:
          - entity: Acme Tower
            value: 305
            unit: meter
            as_of: 2024-01-01
            source: https://example.org/acme
        """)
    pack = write(tmp_path / "packs", "pack.yaml", "rules:\n  - id: facts\n    kind: house-facts\n    params:\n      path: facts.yaml\n")
    assert fact_findings("The 250 metre Acme Tower opened.", rules=[pack], rule="facts")


def test_a_missing_registry_is_a_pack_error_naming_file_and_line(tmp_path):
    pack = write(tmp_path, "pack.yaml", "rules:\n  - id: facts\n    kind: house-facts\n    params:\n      path: nowhere.yaml\n")
    with pytest.raises(PackError) as error:
        load_pack(pack)
    assert "pack.yaml:5" in str(error.value) and "nowhere.yaml" in str(error.value)


def test_a_fact_without_a_source_is_rejected_with_its_line(tmp_path):
    write(tmp_path, "facts.yaml", "facts:\n  - entity: X\n    value: 1\n    currency: USD\n    as_of: 2024-01-01\n")
    pack = write(tmp_path, "pack.yaml", "rules:\n  - id: facts\n    kind: house-facts\n    params:\n      path: facts.yaml\n")
    with pytest.raises(PackError, match="source"):
        load_pack(pack)
