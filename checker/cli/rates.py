"""`figcheck rates`: the exchange rate figcheck uses for a pair on a date, with its source,
granularity and date; `--sources` lists the sources with their coverage.

Thin on purpose: the rates package composes the sources and checks the question
(`checker.rates.query`), the report layer words the answer (`checker.report.listings`).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from checker.cli.options import RatesFile, fail


def rates_command(
    base: Annotated[Optional[str], typer.Argument(metavar="CUR1", help="Currency converted from, e.g. CNY.")] = None,
    quote: Annotated[Optional[str], typer.Argument(metavar="CUR2", help="Currency converted to, e.g. USD.")] = None,
    date: Annotated[Optional[str], typer.Option(metavar="YYYY-MM-DD", help="As-of date YYYY-MM-DD (default: the table's last day).")] = None,
    window: Annotated[int, typer.Option(metavar="DAYS", help="Days before the date whose rates a check accepts.")] = 90,
    rates: RatesFile = None,
    sources: Annotated[bool, typer.Option("--sources", help="List the rate sources, their coverage and granularity.")] = False,
) -> None:
    """Print the exchange rate figcheck uses for a pair on a date, with its source, granularity and date."""
    from checker.dates import BadDate, parse_date
    from checker.rates import RatesError
    from checker.rates.book import compose_rates
    from checker.rates.query import pair_window, source_rows
    from checker.report.listings import rate_answer, rate_sources

    try:
        as_of = parse_date(date)
        book = compose_rates(str(rates) if rates else None)
        if sources:
            print(rate_sources(source_rows(book), book.currencies))
            return
        if base is None or quote is None or not base.strip() or not quote.strip():  # '' is an unset variable
            raise RatesError("name two currencies (figcheck rates CNY USD), or use --sources")
        result = pair_window(book, base, quote, as_of, window)
    except (BadDate, RatesError) as exc:
        fail(str(exc))
    print(rate_answer(result.base, result.quote, result))


def register(app: typer.Typer) -> None:
    app.command("rates")(rates_command)
