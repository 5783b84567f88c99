"""`figcheck serve`: run the editors' web page on this machine."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import RulePacks, fail


def serve(
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8765,
    rules: RulePacks = None,
    config: Annotated[Optional[Path], typer.Option("--config", metavar="FILE", help="Use this config file instead of searching upward from here.")] = None,
) -> None:
    """Open a local web page where an editor pastes an article and sees its figures checked."""
    try:
        import uvicorn

        from checker.serve.app import create_app
    except ImportError as exc:
        fail(f"figcheck serve needs the serve extra ({exc.name} is missing): pip install 'figcheck[serve]'")

    if not _loopback(host):
        sys.stderr.write(f"figcheck: warning: serving on {host}: anyone who can reach this address can use the page\n")
    hosts = ["127.0.0.1", "localhost", "[::1]"] if _loopback(host) else ["*"]
    app = create_app(rules or (), config, allowed_hosts=hosts)
    sys.stderr.write(f"figcheck: serving on http://{'localhost' if _loopback(host) else host}:{port}/ (Ctrl-C stops)\n")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
