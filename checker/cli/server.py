"""`figcheck server`: the language server over stdio (editors start it; it is not run by hand)."""

from __future__ import annotations

import typer

from checker.cli.options import fail


def server() -> None:
    """Run the figcheck language server over stdio, for an editor's LSP client."""
    import sys

    if sys.stdin is None or sys.stdout is None:  # started with <&- or >&-: no client to talk to
        fail("the language server talks to its editor over standard input and output, and one is closed")
    try:
        from checker.lsp.server import main
    except ImportError as exc:
        fail(f"figcheck server needs the lsp extra ({exc.name} is missing): pip install 'figcheck[lsp]'")
    main()


def register(app: typer.Typer) -> None:
    app.command("server")(server)
