"""Fixed pegs (the Saudi riyal at 3.75 per dollar), read from `pegs.toml`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PEGS_FILE = Path(__file__).with_name("pegs.toml")


@dataclass(frozen=True, slots=True)
class Peg:
    currency: str
    per: float  # units of `currency` per one `anchor`
    anchor: str
    since: dt.date


@lru_cache(maxsize=1)
def pegs() -> dict[str, Peg]:
    import tomllib  # here, not at import: only a run that converts a pegged currency reads the pegs

    with PEGS_FILE.open("rb") as stream:
        data = tomllib.load(stream)
    return {code: Peg(code, float(entry["per"]), entry["anchor"], entry["since"]) for code, entry in data.items()}
