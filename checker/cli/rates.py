"""`figcheck rates`: the exchange rate figcheck uses for a pair on a date, with its source.

Thin on purpose: the rates package composes the table and answers the query, the report layer
words the answer (`checker.report.listings.rate_answer`).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from checker.cli.options import EXIT_FINDINGS, RatesFile, fail


def rates_command(
    base: Annotated[str, typer.Argument(help="Currency converted from, e.g. CNY.")],
    quote: Annotated[str, typer.Argument(help="Currency converted to, e.g. USD.")],
    date: Annotated[Optional[str], typer.Option(help="As-of date YYYY-MM-DD (default: the table's last day).")] = None,
    window: Annotated[int, typer.Option(help="Days before the date whose rates a check accepts.")] = 90,
    rates: RatesFile = None,
) -> None:
    """Print the exchange rate figcheck uses for a pair on a date, with its date and source."""
    from checker.dates import BadDate, parse_date
    from checker.rates import NoRate, RatesError, RateTable
    from checker.report.listings import rate_answer

    try:
        as_of = parse_date(date)
        table = RateTable.from_file(rates, extend=RateTable.shipped()) if rates else RateTable.shipped()
    except (BadDate, RatesError) as exc:
        fail(str(exc))
    base, quote = base.upper(), quote.upper()
    for currency in (base, quote):
        if currency not in table.currencies:
            fail(f"unknown currency {currency!r}; the table has: {', '.join(table.currencies)}")
    result = table.window(base, quote, as_of, days=window)
    if isinstance(result, NoRate):
        fail(f"no rate: {result.reason}", EXIT_FINDINGS)
    print(rate_answer(base, quote, result))


def register(app: typer.Typer) -> None:
    app.command("rates")(rates_command)
