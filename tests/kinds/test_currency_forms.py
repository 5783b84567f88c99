"""Every notation and context rule of issue 12 on a realistic sentence: the clean one is silent,
the slipped one flagged (tests/kinds/data/currency_forms.yaml). Run as a script it is the probe:
it prints which forms work, `python tests/kinds/test_currency_forms.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.api import lint_text

DATA = yaml.safe_load((Path(__file__).parent / "data" / "currency_forms.yaml").read_text(encoding="utf-8"))
FORMS = DATA["forms"]


def flagged(text: str, date: str | None) -> list:
    return [f for f in lint_text(text, date=date)
            if f.rule == "currency-conversion" and f.severity in ("warning", "error")]


@pytest.mark.parametrize("form", FORMS, ids=[f["form"] for f in FORMS])
def test_clean_form_is_silent(form):
    assert flagged(form["clean"], form.get("date", DATA["date"])) == []


@pytest.mark.parametrize("form", FORMS, ids=[f["form"] for f in FORMS])
def test_slipped_form_is_flagged(form):
    assert flagged(form["slipped"], form.get("date", DATA["date"]))


if __name__ == "__main__":
    for form in FORMS:
        date = form.get("date", DATA["date"])
        clean, slipped = flagged(form["clean"], date), flagged(form["slipped"], date)
        ok = not clean and slipped
        print(f"{'ok ' if ok else 'BAD'} {form['form']:<45} clean:{'FLAGGED ' + clean[0].message[:90] if clean else 'silent'}"
              f" | slipped:{'flagged' if slipped else 'SILENT'}")
