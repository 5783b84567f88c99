"""Property-based tests over extraction, pairing and the CLI's JSON: no exception, spans inside the
text, output valid against the contract, and the same input always giving the same output in order."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.extract import extract, extract_with_unparsed
from checker.relate import relate
from tests.extraction_helpers import assert_exact_sorted_disjoint
from tests.robust_helpers import check_lint_report

FRAGMENTS = [
    "600", "8.5", "1,250", "0.5", "1e309", "٦٠٠", "६००", "１２", "３", "-", "–", "/", "1/2", "3-1/2", "%",
    "$", "US$", "HK$", "€", "£", "¥", "₹", "₩", "Rs", "RMB", "CNY", "USD", "yuan", "dollars", "euros",
    "billion", "million", "bn", "mln", "m", "k", "tn", "crore", "lakh", "亿元", "万", "美元", "七千",
    "km", "miles", "kg", "pounds", "F", "C", "mph", "acres", "hectares", "feet", "metres",
    "(", ")", "about", "almost", "or", "equivalent to", "worth", "from", "to", "up", "by", "doubled",
    " ", " ", " ", "\n", "\n\n", ",", ".", "the", "fund", "2024", "H20", "#tag", "https://x.io/5",
]

prose = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40,
).map("".join)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(prose)
def test_extraction_spans_are_exact_sorted_and_disjoint(text):
    quantities, unparsed = extract_with_unparsed(text)
    assert_exact_sorted_disjoint(text, quantities)
    for item in unparsed:
        assert text[item.start:item.end] == item.text


@SETTINGS
@given(prose)
def test_extraction_is_deterministic(text):
    first = [q.as_json() for q in extract(text)]
    assert [q.as_json() for q in extract(text)] == first


@SETTINGS
@given(prose)
def test_relations_use_the_blocks_own_quantities_in_text_order(text):
    quantities = extract(text)
    relations = relate(text, quantities)
    ids = {id(q) for q in quantities}
    starts = [r.quantities[0].start for r in relations]
    assert starts == sorted(starts)
    for relation in relations:
        assert relation.quantities and all(id(q) in ids for q in relation.quantities)
        if relation.kind == "conversion":
            assert len(relation.quantities) == 2
    again = relate(text, extract(text))
    assert [(r.kind, [q.start for q in r.quantities]) for r in again] == \
           [(r.kind, [q.start for q in r.quantities]) for r in relations]


RUNNER = CliRunner()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose, st.sampled_from(["2025-04-15", "1999-01-01", None]))
@example(text="\x00", date="2025-04-15")  # found by hypothesis: NUL bytes make stdin binary
def test_cli_json_is_valid_and_repeatable(text, date):
    args = ["lint", "-", "--format", "json", "-j", "1"] + (["--date", date] if date else [])
    first = RUNNER.invoke(app, args, input=text.encode("utf-8", "surrogatepass"))
    assert first.exit_code in (0, 1), first.output
    report = json.loads(first.stdout)
    check_lint_report(report)
    if "\x00" in text:  # binary input: not read, and said so as an error for <stdin>, as for a named file
        assert first.exit_code == 1
        assert [(f["path"], f["rule"], f["severity"]) for f in report["findings"]] == \
            [("<stdin>", "unreadable-file", "error")]
        assert "binary" in report["findings"][0]["message"]
    second = RUNNER.invoke(app, args, input=text.encode("utf-8", "surrogatepass"))
    assert second.stdout == first.stdout
