"""`figcheck serve`: run the editors' web page on this machine."""

from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import RulePacks, file_names, fail


def serve(
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8765,
    rules: RulePacks = None,
    config: Annotated[Optional[str], typer.Option("--config", metavar="FILE", callback=file_names, help="Use this config file instead of searching upward from here.")] = None,
) -> None:
    """Open a local web page where an editor pastes an article and sees its figures checked."""
    try:
        import uvicorn

        from checker.serve.app import create_app
    except ImportError as exc:
        fail(f"figcheck serve needs the serve extra ({exc.name} is missing): pip install 'figcheck[serve]'")

    if not host.strip():  # `--host "$HOST"` with HOST unset would otherwise listen on every address
        fail("--host is empty (an unset variable?); name an address, such as 127.0.0.1")
    hosts = ["127.0.0.1", "localhost", "[::1]"] if _loopback(host) else ["*"]
    app = create_app(rules or (), config, allowed_hosts=hosts)
    try:  # bound before the page is announced: a taken port or an unknown host is one line, never a URL that does not work
        listening = _listen(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    if not _loopback(host):
        sys.stderr.write(f"figcheck: warning: serving on {host}: anyone who can reach this address can use the page\n")
    bound = listening.getsockname()[1]  # --port 0: the free port the system chose
    sys.stderr.write(f"figcheck: serving on http://{'localhost' if _loopback(host) else host}:{bound}/ (Ctrl-C stops)\n")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, server_header=False))
    try:
        server.run(sockets=[listening])
    except KeyboardInterrupt:  # Ctrl-C, re-raised by uvicorn once it has shut down (as uvicorn.run ends it)
        pass


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on `host` and `port`, as uvicorn would bind it (reusing an address in TIME_WAIT)."""
    family, kind, protocol, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                                            flags=socket.AI_PASSIVE)[0]
    listening = socket.socket(family, kind, protocol)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(2048)  # connections made once the URL is announced wait for the page, never refused
    except OSError:
        listening.close()
        raise
    return listening


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
