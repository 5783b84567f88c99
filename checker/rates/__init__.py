"""Exchange rates, offline only: the table and its queries (`table`), the on-disk cache of the
shipped table (`cache`). No code path here opens a network connection.
"""

from checker.rates.table import NoRate, RatesError, RateTable, RateWindow  # noqa: F401
