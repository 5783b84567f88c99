"""`figcheck server`: the language server over stdio (editors start it; it is not run by hand)."""

from __future__ import annotations

import sys

import typer


def server() -> None:
    """Run the figcheck language server over stdio, for an editor's LSP client."""
    try:
        from checker.lsp.server import main
    except ImportError as exc:
        sys.stderr.write(f"figcheck: error: figcheck server needs the lsp extra ({exc.name} is missing): "
                         "pip install 'figcheck[lsp]'\n")
        raise typer.Exit(2)
    main()
