"""What each fuzz target does with one input, kept apart from atheris so the test suite can replay
the saved corpus (tests/robust/test_robust_fuzz_corpus.py) without it.

A target returns normally for every input figcheck handles as designed (including a clean
rejection) and raises for anything else: an unexpected exception or a broken invariant.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024  # a block's size: the loaders never hand the extractor more


def decode(data: bytes) -> str:
    """Bytes as the loaders would give them: UTF-8, with bad bytes replaced."""
    return data[:MAX_INPUT_BYTES].decode("utf-8", "replace")


def extract_target(data: bytes) -> None:
    """The extractor and pairing on any text: no exception, exact spans, deterministic."""
    from checker.extract import extract_with_unparsed
    from checker.relate import relate

    text = decode(data)
    quantities, unparsed = extract_with_unparsed(text)
    end = 0
    for quantity in quantities:
        if not (end <= quantity.start < quantity.end <= len(text)) or text[quantity.start:quantity.end] != quantity.text:
            raise AssertionError(f"bad span {quantity.start}:{quantity.end} {quantity.text!r}")
        if quantity.value != quantity.value:
            raise AssertionError(f"NaN value for {quantity.text!r}")
        end = quantity.end
    for item in unparsed:
        if text[item.start:item.end] != item.text:
            raise AssertionError(f"bad unparsed span {item.start}:{item.end}")
    relate(text, quantities)


_PACK_DIR = Path(tempfile.gettempdir()) / f"figcheck-fuzz-{os.getpid()}"


def rules_target(data: bytes) -> None:
    """The rule-pack loader on any bytes: rules, or a PackError naming the file; nothing else."""
    from checker.engine.packs import PackError, load_pack

    _PACK_DIR.mkdir(exist_ok=True)
    path = _PACK_DIR / "pack.yaml"
    path.write_bytes(data)
    try:
        load_pack(path)
    except PackError as error:
        if not str(error).startswith(str(path)):
            raise AssertionError(f"pack error does not name the file: {error}") from None


TARGETS = {"extract": extract_target, "rules": rules_target}
