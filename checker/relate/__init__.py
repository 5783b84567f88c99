"""Relating amounts: the claims the text makes about its figures, as typed relations.

- `pairs`    — conversions (`Conversion`): "600 billion yuan ($8.5 billion)", "10 miles (16 km)";
- `pound_weights` — "200 pounds (91 kg)": pounds of weight the extractor read as sterling;
- `changes`  — change claims with both endpoints (`Change`), read as frames within one clause;
- `parts`    — parts of a whole the text says make it up (`Parts`);
- `shares`   — a percentage of counts the text states (`Share`): "1,030 of the 2,300 nurses, or 45%";
- `differences` — a stated margin between two figures (`Difference`): "45,310 votes to 44,510, winning by 800";
- `ratios` — a stated rate of two stated figures (`Ratio`): densities, "one doctor for every 2,500";
- `subjects` — a money figure stated as a named subject's size (`SubjectFigure`): "the Big Fund has raised 700 billion yuan";
- `clauses`  — the clause bounds claims stay inside; `claim_words` — the words claims are read by;
- `zh_claims` — the same change, part, share and difference claims written in Chinese (由A增至B, 其中,
  合计, 占…的, 比…增加).

Which currency a "¥" or "francs" means is settled before this stage, by `checker.resolve`.

`relate()` is the one entry point the pipeline calls; it only reads quantities and text.
"""

from __future__ import annotations

import re

from checker.model import Quantity, Relation
from checker.relate.changes import find_change_claims
from checker.relate.differences import find_differences
from checker.relate.pairs import find_conversion_pairs
from checker.relate.parts import find_part_lists
from checker.relate.pound_weights import find_pound_weight_pairs
from checker.relate.ratios import find_ratios
from checker.relate.shares import find_shares
from checker.relate.subjects import find_subject_figures

_CJK = re.compile("[\u3400-\u9fff]")


def relate(text: str, quantities: list[Quantity]) -> list[Relation]:
    """All relations among the quantities of one block, in text order."""
    quantities = sorted(quantities, key=lambda q: q.start)  # the readers below bisect on starts
    relations: list[Relation] = list(find_conversion_pairs(text, quantities))
    relations += find_pound_weight_pairs(text, quantities)
    relations += find_change_claims(text, quantities)
    relations += find_part_lists(text, quantities)
    relations += find_shares(text, quantities)
    relations += find_differences(text, quantities)
    relations += find_ratios(text, quantities)
    relations += find_subject_figures(text, quantities)
    if not text.isascii() and _CJK.search(text):  # isascii() reads a flag: ASCII copy needs no scan
        from checker.relate.zh_claims import find_zh_claims

        relations += find_zh_claims(text, quantities)
    relations.sort(key=lambda r: min(q.start for q in r.quantities))
    return relations
