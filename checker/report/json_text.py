"""Indented JSON text, written by pydantic-core's Rust encoder, byte for byte what `json.dumps` writes.

`json.dumps(..., indent=2)` runs the standard library's pure-Python encoder (its C accelerator
only serves compact output): on a report of thousands of findings that is most of the time
spent rendering it. `pydantic_core.to_json` writes the same text for everything a contract holds
(strings escaped alike, keys in order, Infinity/NaN as constants) except floats below 1e-4,
which it prints as "0.00001" or "1e-7" where Python prints "1e-05" and "1e-07", a None key
("None" where Python writes "null") and an infinite or NaN float key ("inf", "-inf", "nan" where
Python writes "Infinity", "-Infinity", "NaN"). A text that may hold either, or that the Rust encoder
refuses (a lone surrogate), is written by `json.dumps` instead, so the output never depends on
which encoder wrote it.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import pydantic_core


def dumps_indented(value: Any, plain: Callable[[], Any] | None = None) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)` for JSON-ready data (lists, dicts,
    strings, numbers, booleans, None), in a fraction of its time.

    `value` may hold pydantic models where `plain()` gives the same data with each model dumped
    (`model_dump(mode="json")`): pydantic-core then writes the models without building those
    dicts first, and json.dumps, if it must write the text, is given `plain()`."""
    try:
        text = pydantic_core.to_json(value, indent=2, inf_nan_mode="constants").decode("utf-8")
    except (pydantic_core.PydanticSerializationError, UnicodeDecodeError, ValueError, TypeError):
        text = None
    if text is None or _may_differ(text):
        return json.dumps(value if plain is None else plain(), indent=2, ensure_ascii=False)
    return text


_KEYS_WRITTEN_DIFFERENTLY = ('"None": ', '"inf": ', '"-inf": ', '"nan": ')


def _may_differ(text: str) -> bool:
    """Whether `text` may hold a small float, or a None, infinite or NaN key, which the encoders write differently.

    str.find, not a regex: it costs a few milliseconds on a report of megabytes. A hit inside a
    string ("5e-mail", "0.00001 BTC") only costs the slower encoder."""
    if "0.0000" in text or any(key in text for key in _KEYS_WRITTEN_DIFFERENTLY):
        return True
    at = text.find("e-")
    while at != -1:
        if at and text[at - 1].isdigit():
            return True
        at = text.find("e-", at + 2)
    return False
