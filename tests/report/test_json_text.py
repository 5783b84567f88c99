"""The Rust-written indented JSON is byte for byte what json.dumps writes, whatever the data."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from checker.findings import LintResult
from checker.report import render
from checker.report.json_text import dumps_indented
from tests.report.report_helpers import seed_finding


def _python(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


_LEAVES = (st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text())
_KEYS = st.text() | st.none() | st.integers() | st.floats(allow_nan=False) | st.booleans()
_DATA = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=20)


@given(_DATA)
def test_any_json_ready_data_is_written_as_json_dumps_writes_it(value):
    assert dumps_indented(value) == _python(value)


def test_the_floats_the_two_encoders_write_differently_are_written_the_python_way():
    # pydantic-core prints these as 0.00001, 1e-7, -0.0000123: Python as 1e-05, 1e-07, -1.23e-05.
    for value in (1e-05, 1e-07, -1.23e-05, 9.99e-05, 5e-324, {"rate": [2.5e-09]}):
        assert dumps_indented(value) == _python(value)
    assert dumps_indented({None: 1}) == '{\n  "null": 1\n}'
    for key in (float("inf"), float("-inf"), float("nan")):  # pydantic-core: "inf", "-inf", "nan"
        assert dumps_indented({key: None}) == _python({key: None})


def test_a_lone_surrogate_and_control_characters_are_escaped_as_json_dumps_does():
    value = {"message": "a\"b\\c\n\t\x00\x1f\x7f\u2028中😀", "path": "bad\udc80name.txt"}
    assert dumps_indented(value) == _python(value)


def test_the_json_report_is_the_contract_json_dumps_writes():
    # Written from the models by pydantic-core, or (a tiny float) by json.dumps from their dumps:
    # either way the text json.dumps writes of the contract.
    finding = seed_finding()
    odd = {"huge": 1e+300, "inf": float("inf"), "nan": float("nan"), "day": dt.date(2025, 4, 15),
           "set": {3}, "pair": (1, "a"), "text": "\u2028\x1f\"中"}
    for extra in (odd, {**odd, "tiny": 3e-06}):
        changed = finding.model_copy(update={"evidence": {**finding.evidence, **extra}})
        result = LintResult(files=1, findings=[changed, finding])
        assert render(result, "json") == _python(result.contract()) + "\n"
