"""`figcheck server`: the language server over stdio (editors start it; it is not run by hand)."""

from __future__ import annotations

import typer

from checker.cli.options import fail


def server() -> None:
    """Run the figcheck language server over stdio, for an editor's LSP client."""
    try:
        from checker.lsp.server import main
    except ImportError as exc:
        fail(f"figcheck server needs the lsp extra ({exc.name} is missing): pip install 'figcheck[lsp]'")
    main()


def register(app: typer.Typer) -> None:
    app.command("server")(server)
