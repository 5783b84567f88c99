"""Exchange rates, offline only. `compose_rates` (book.py) puts the sources in order: the ECB's
daily rates (ecb.py), the NBP's daily and weekly tables (nbp.py), HMRC's monthly rates (hmrc.py),
the fixed pegs (pegs.toml); `table.py` turns one source into windows of rates; `cache.py` keeps the
parsed series on disk; `report.py` says what `figcheck rates` prints. No code path here opens a
network connection.
"""

from checker.rates.files import RatesError  # noqa: F401
from checker.rates.table import NoRate, RateTable, RateWindow  # noqa: F401
