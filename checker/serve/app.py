"""The web app behind `figcheck serve` (Starlette): one page, one check endpoint, one import endpoint.

It binds to the loopback interface unless told otherwise, answers only requests addressed to the
host it serves (no DNS rebinding), serves its own script and style sheet and nothing from elsewhere
(a strict Content-Security-Policy), stores nothing (uploads are read in memory, nothing is logged),
and caps each request's size and the time a check may take.
"""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Sequence

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from checker.serve.checking import MAX_TEXT_CHARS, Checker
from checker.serve.findings_view import check_view

MAX_REQUEST_BYTES = 5 * 1024 * 1024
CHECK_SECONDS = 10.0
KINDS = ("text", "markdown", "html")
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}
STATIC = {"/": ("page.html", "text/html; charset=utf-8"),
          "/page.js": ("page.js", "text/javascript; charset=utf-8"),
          "/page.css": ("page.css", "text/css; charset=utf-8")}


class _Json(JSONResponse):
    """JSON in ASCII with \\u escapes: a lone surrogate in the text (JSON.stringify sends a broken
    emoji as "\\ud83d") goes back as the same escape, where UTF-8 could not hold it (a 500)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


class RequestTooLarge(Exception):
    pass


class SizeLimit:
    """ASGI middleware: refuse a body over `limit` bytes (by Content-Length, and while it streams)."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and not length.isdigit():  # a malformed header is no size at all
            return await _bad_length(send)
        if length is not None and int(length) > self.limit:
            return await _too_large(send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise RequestTooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except RequestTooLarge:
            await _too_large(send)


async def _too_large(send) -> None:
    await _refuse(send, 413, f"request larger than {MAX_REQUEST_BYTES // (1024 * 1024)} MB")


async def _bad_length(send) -> None:
    await _refuse(send, 400, "the Content-Length header is not a number of bytes")


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(rules: Sequence[str | Path] = (), config: str | Path | None = None,
               allowed_hosts: Sequence[str] = ("127.0.0.1", "localhost", "[::1]"),
               check_seconds: float = CHECK_SECONDS, max_bytes: int = MAX_REQUEST_BYTES) -> Starlette:
    checker = Checker(rules, config, discover_from=Path.cwd())
    limiter = anyio.CapacityLimiter(2)

    async def static(request: Request) -> Response:
        name, media = STATIC[request.url.path]
        body = resources.files("checker.serve").joinpath("static", name).read_bytes()
        return Response(body, media_type=media, headers=SECURITY_HEADERS)

    async def check(request: Request) -> Response:
        try:
            payload = json.loads(await request.body())
            text, kind, date = payload.get("text", ""), payload.get("kind", "text"), payload.get("date") or None
        except (ValueError, AttributeError, RecursionError):  # RecursionError: arrays nested 100,000 deep
            return _error("send JSON: {\"text\": ..., \"kind\": \"text\", \"date\": \"YYYY-MM-DD\"}")
        if not isinstance(text, str) or not isinstance(kind, str) or kind not in KINDS:
            return _error(f"text must be a string and kind one of {', '.join(KINDS)}")
        if date is not None and not isinstance(date, str):  # 20250415 or [..]: a 400, never a 500
            return _error("date must be a string, YYYY-MM-DD")
        if len(text) > MAX_TEXT_CHARS:
            return _error(f"text longer than {MAX_TEXT_CHARS:,} characters", 413)
        from checker.run import USER_ERRORS, parse_date

        try:
            as_of = parse_date(date)
            with anyio.fail_after(check_seconds):
                result = await anyio.to_thread.run_sync(
                    lambda: checker.check(text, kind=kind, date=as_of), abandon_on_cancel=True, limiter=limiter)
        except USER_ERRORS as exc:
            return _error(str(exc))
        except TimeoutError:
            return _error(f"checking took longer than {check_seconds:g} s; try a shorter text", 503)
        named = payload.get("date_source")
        if as_of is not None and isinstance(named, str) and 0 < len(named) <= 60:
            result.date_source = named  # the date came from the file the editor opened, and was kept
        return _Json(check_view(result), headers=SECURITY_HEADERS)

    async def import_file(request: Request) -> Response:
        """A file's prose as text the page can edit (HTML and .docx become plain paragraphs), and its date."""
        name = request.query_params.get("name", "upload.txt")
        data = await request.body()
        try:
            with anyio.fail_after(check_seconds):
                imported = await anyio.to_thread.run_sync(lambda: _import(name, data), abandon_on_cancel=True,
                                                          limiter=limiter)
        except TimeoutError:
            return _error(f"reading the file took longer than {check_seconds:g} s", 503)
        except ValueError as exc:
            return _error(str(exc))
        return _Json(imported, headers=SECURITY_HEADERS)

    routes = [Route(path, static, methods=["GET"]) for path in STATIC]
    routes += [Route("/api/check", check, methods=["POST"]), Route("/api/import", import_file, methods=["POST"])]
    app = Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))])
    return SizeLimit(app, max_bytes)  # type: ignore[return-value]


def _error(message: str, status: int = 400) -> JSONResponse:
    return _Json({"error": message}, status_code=status, headers=SECURITY_HEADERS)


def _import(name: str, data: bytes) -> dict:
    from checker.documents import DocumentError
    from checker.documents.loader import format_of, load_stream

    kind = format_of(name)
    if kind in ("json", "jsonl"):
        raise ValueError("open a text, Markdown, HTML or .docx file")
    try:
        documents = list(load_stream(io.BytesIO(data), Path(name).name, kind=kind))
    except DocumentError as exc:
        raise ValueError(str(exc)) from None
    document = documents[0]
    if kind in ("markdown", "mdx", "text") and document.source is not None:
        text, edit_kind = document.source, "markdown" if kind != "text" else "text"
    else:  # HTML and Word: the prose, one paragraph per block, edited as plain text
        text, edit_kind = "\n\n".join(" ".join(block.text.split()) for block in document), "text"
    return {"text": text, "kind": edit_kind, "date": document.date.isoformat() if document.date else None,
            "date_source": document.date_source, "name": Path(name).name}
