"""Resolve: what the extractor could not settle alone, from the block and from the document.

Between extract and relate. The extractor reads a currency word as written: "francs" is one of a
family (Swiss, French, Belgian, CFA...), "¥" is yuan or yen, "$" is one of several dollars. Here
such a reading is settled from what the text itself says, with the cues in checker/vocab:

- `families`  — the block: "francs" in a text that names Switzerland are Swiss francs; a "¥" in a
  text about Japan is read as yen first (families.yaml says how each family is settled);
- `document`  — the document so far: a "¥" the block left open is settled by the running count of
  yuan and yen cues over the blocks already seen (`DocumentCurrencies`);
- `weights`   — "200 pounds (91 kg)": a pound the extractor read as sterling that is a weight.

`resolve_block()` is the block step (`figcheck extract` uses only it); the pipeline runs it and then
the document step, block by block.
"""

from __future__ import annotations

from checker.model import Quantity
from checker.resolve.document import DocumentCurrencies
from checker.resolve.families import resolve_block

__all__ = ["DocumentCurrencies", "extract_resolved", "resolve_block"]


def extract_resolved(text: str) -> list[Quantity]:
    """The amounts of one text as `figcheck extract` reports them: extracted, then settled by the text."""
    from checker.extract import extract

    return resolve_block(text, extract(text))
