"""The language server: check each Markdown, text or HTML document as it is opened and edited.

Checks run off the event loop, a short pause after the last keystroke, with the project's config
found upward from the file (its packs, selection, per-path dates and rates). Fixes are offered as
code actions and never applied by the server; hovering a marked figure shows its evidence in words.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker.lsp.convert import code_actions, diagnostics, hover_text
from checker.serve.checking import Checker, TextCheck
from checker.version import __version__

DEBOUNCE_SECONDS = 0.25
LANGUAGE_KINDS = {"markdown": "markdown", "mdx": "markdown", "plaintext": "text", "text": "text", "html": "html"}
SUFFIX_KINDS = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".txt": "text", ".text": "text",
                ".html": "html", ".htm": "html"}


class FigcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("figcheck", __version__)
        self.checker = Checker(discover_from=Path.cwd())
        self.checks: dict[str, TextCheck] = {}
        self.pending: dict[str, asyncio.Task] = {}


server = FigcheckServer()


def kind_of(document) -> str | None:
    kind = LANGUAGE_KINDS.get(document.language_id or "")
    if kind is None:
        kind = SUFFIX_KINDS.get(Path(document.uri).suffix.lower())
    return kind


def _schedule(ls: FigcheckServer, uri: str, delay: float) -> None:
    previous = ls.pending.pop(uri, None)
    if previous is not None:
        previous.cancel()

    async def later() -> None:
        await asyncio.sleep(delay)
        text = ls.workspace.get_text_document(uri).source
        check = await asyncio.get_running_loop().run_in_executor(None, _check_text, ls, uri, text)
        if check is not None and ls.workspace.get_text_document(uri).source == text:
            ls.checks[uri] = check
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, version=ls.workspace.get_text_document(uri).version, diagnostics=diagnostics(check)))

    ls.pending[uri] = asyncio.ensure_future(later())


def _check_text(ls: FigcheckServer, uri: str, text: str) -> TextCheck | None:
    document = ls.workspace.get_text_document(uri)
    kind = kind_of(document)
    if kind is None:
        return None
    path = to_fs_path(uri) if uri.startswith("file:") else None
    try:
        return ls.checker.check(text, kind=kind, path=path)
    except Exception as exc:  # a bad pack or config: say so, keep serving
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"figcheck: {exc}"))
        return None


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FigcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FigcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FigcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    _schedule(ls, params.text_document.uri, 0)  # the config or a pack beside it may have changed too


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FigcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.checks.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: FigcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    check = ls.checks.get(params.text_document.uri)
    if check is None or check.text != ls.workspace.get_text_document(params.text_document.uri).source:
        return []  # findings of an older text: no edit computed from them is safe
    return code_actions(params.text_document.uri, check, params.range)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: FigcheckServer, params: types.HoverParams) -> types.Hover | None:
    check = ls.checks.get(params.text_document.uri)
    if check is None:
        return None
    text = hover_text(check, params.position)
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def main() -> None:
    _one_line_logs()
    server.start_io()


class _OneLine(logging.Formatter):
    """A log record as one line, its exception as its type and message: a client that sends a broken
    message gets an error reply, and stderr a line saying so, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"figcheck server: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text += f": {type(error).__name__}: {error}"
        return " ".join(text.split())


def _one_line_logs() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine())
    for name in ("pygls", "lsprotocol"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
