"""number-style: each house-style rule on its own, as infos, and a pack that switches all off is an error."""

import pytest

from checker.api import lint_text
from checker.engine.packs import PackError, load_pack


def style(tmp_path, params, text):
    pack = tmp_path / "style.yaml"
    body = "".join(f"      {k}: {v}\n" for k, v in params.items())
    pack.write_text("rules:\n  - id: house-style\n    kind: number-style\n    severity: info\n    params:\n" + body)
    return [f for f in lint_text(text, rules=[pack]) if f.rule == "house-style"]


def test_mixed_scale_styles_are_reported_once_at_the_second_style(tmp_path):
    text = "It raised $2bn in March, $3 billion in June and $4 billion in July."
    (finding,) = style(tmp_path, {"percent": "null"}, text)
    assert finding.severity == "info" and "$3 billion" in finding.message


def test_currency_code_style(tmp_path):
    (finding,) = style(tmp_path, {"one_scale_style": "false", "percent": "null", "currency": "code"}, "It paid $5 million.")
    assert "USD" in finding.message


def test_numbers_below_ten_spelled_out(tmp_path):
    findings = style(tmp_path, {"one_scale_style": "false", "percent": "null", "spell_below_ten": "true"},
                     "Police arrested 3 men and 12 women.")
    assert [f.suggestion for f in findings] == ["three"]


def test_conversion_required_above_threshold(tmp_path):
    params = {"one_scale_style": "false", "percent": "null", "conversion_above": 1000000}
    assert style(tmp_path, params, "China set aside 600 billion yuan ($82 billion) for chipmakers.") == []
    assert len(style(tmp_path, params, "China set aside 600 billion yuan for chipmakers.")) == 1


def test_all_rules_off_is_a_load_error(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - id: s\n    kind: number-style\n    params:\n      one_scale_style: false\n      percent: null\n")
    with pytest.raises(PackError, match="can never fire"):
        load_pack(pack)


def test_style_slips_are_capped_per_document_and_the_rest_counted(tmp_path):
    from checker.api import lint_text

    pack = tmp_path / "style.yaml"
    pack.write_text(
        "rules:\n  - id: number-style\n    kind: number-style\n    severity: info\n"
        "    params: {conversion_above: 1000, max_per_document: 3}\n"
    )
    text = "\n\n".join(f"The city spent {n} million euros on roads." for n in range(10, 20))
    findings = [f for f in lint_text(text, rules=[pack]) if f.rule == "number-style"]
    assert len(findings) == 4
    assert "7 more number-style slips" in findings[-1].message
