#!/usr/bin/env python3
"""One fuzz target under atheris: `FIGCHECK_FUZZ_TARGET=extract fuzz/atheris_main.py [libFuzzer args...]`.

The target is named in the environment, not the arguments, because libFuzzer's -merge re-runs
this script with its own arguments only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["checker"]):
    import checker.engine.packs  # noqa: F401
    import checker.extract  # noqa: F401
    import checker.relate  # noqa: F401

from fuzz.targets import TARGETS  # noqa: E402


def main() -> None:
    target = TARGETS[os.environ.get("FIGCHECK_FUZZ_TARGET", "extract")]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
