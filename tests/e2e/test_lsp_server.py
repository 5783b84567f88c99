"""`figcheck server` as an editor's LSP client meets it: a subprocess spoken to over stdio with pygls's client."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.e2e.transcript import save_terminal_svg

SLIP = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
STORY = "---\ntitle: Chips\n---\n\n# Big Fund\n\nThe fund has raised almost 700 billion yuan ($96 billion).\n" + SLIP + "\n"
TIMEOUT = 20


class Client:
    """A pygls client that keeps each document's latest published diagnostics."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("figcheck-test", "1")
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.changed = asyncio.Event()

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = list(params.diagnostics)
            self.changed.set()

        @self.lsp.feature(types.WINDOW_SHOW_MESSAGE)
        def _message(params: types.ShowMessageParams) -> None:
            raise AssertionError(f"server complained: {params.message}")

    async def start(self, root: Path) -> None:
        await self.lsp.start_io(sys.executable, "-m", "checker", "server", cwd=str(root))
        await asyncio.wait_for(self.lsp.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="root")])), TIMEOUT)
        self.lsp.initialized(types.InitializedParams())

    async def diagnostics(self, uri: str, until=lambda found: True) -> list[types.Diagnostic]:
        async def wait() -> list[types.Diagnostic]:
            while uri not in self.published or not until(self.published[uri]):
                self.changed.clear()
                await self.changed.wait()
            return self.published[uri]
        return await asyncio.wait_for(wait(), TIMEOUT)

    async def stop(self) -> None:
        await asyncio.wait_for(self.lsp.shutdown_async(None), TIMEOUT)
        self.lsp.exit(None)
        await self.lsp.stop()


def _open(client: Client, path: Path, text: str, language: str = "markdown") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.lsp.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def _apply(text: str, edit: types.TextEdit) -> str:
    """What an editor does with a TextEdit (the test texts are ASCII, so UTF-16 units are characters)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: edit.range.start.line]) + edit.range.start.character
    end = sum(len(line) + 1 for line in lines[: edit.range.end.line]) + edit.range.end.character
    return text[:start] + edit.new_text + text[end:]


def test_diagnostic_code_action_hover_and_cleared_diagnostics(tmp_path):
    (tmp_path / "figcheck.yaml").write_text("date: 2025-04-15\n", encoding="utf-8")

    async def scenario() -> None:
        client = Client()
        await client.start(tmp_path)
        try:
            uri = _open(client, tmp_path / "story.md", STORY)
            found = await client.diagnostics(uri)
            assert [d.code for d in found] == ["currency-conversion"]
            diagnostic = found[0]
            line = STORY.split("\n").index(SLIP)
            column = SLIP.index("600 billion")
            assert diagnostic.range == types.Range(
                start=types.Position(line=line, character=column),
                end=types.Position(line=line, character=SLIP.index(")") + 1))
            assert diagnostic.severity == types.DiagnosticSeverity.Error
            assert "(ECB, 2025-04-15)" in diagnostic.message  # the project's config gave the date
            assert diagnostic.source == "figcheck"

            hover = await asyncio.wait_for(client.lsp.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=column + 3))), TIMEOUT)
            assert "7.315 Chinese yuan per US dollar on 15 April 2025 (ECB)" in hover.contents.value

            actions = await asyncio.wait_for(client.lsp.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]))), TIMEOUT)
            assert [a.title for a in actions] == ["figcheck: change to “60 billion yuan ($8.5 billion)”",
                                                  "figcheck: change to “600 billion yuan (about $82 billion)”"]
            assert (tmp_path / "story.md").read_text(encoding="utf-8") == STORY  # offered, never applied
            edit = actions[0].edit.changes[uri][0]
            fixed = _apply(STORY, edit)
            assert "a further 60 billion yuan ($8.5 billion) to seed" in fixed
            client.lsp.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
            assert await client.diagnostics(uri, until=lambda found: found == []) == []
            start = diagnostic.range.start
            save_terminal_svg("\n".join([
                "What an LSP client received from `figcheck server` for story.md:",
                "",
                f"\x1b[1mstory.md:{start.line + 1}:{start.character + 1}\x1b[0m  \x1b[31merror\x1b[0m "
                f"[{diagnostic.code}]  {diagnostic.message}",
                "",
                "hover:",
                *("  " + line for line in hover.contents.value.splitlines() if line),
                "",
                "code actions (offered, never applied by the server):",
                *(f"  {a.title}" for a in actions),
                "",
                f"after the client applied “{edit.new_text}”: \x1b[32mno diagnostics\x1b[0m",
            ]), "lsp-session.svg", "figcheck server (LSP)")
        finally:
            await client.stop()

    asyncio.run(scenario())


def test_per_file_config_overrides_and_html_and_text(tmp_path):
    (tmp_path / "figcheck.yaml").write_text(
        "date: 2025-04-15\noverrides:\n  - paths: ['archive/**']\n    ignore: [currency-conversion]\n", encoding="utf-8")

    async def scenario() -> None:
        client = Client()
        await client.start(tmp_path)
        try:
            archived = _open(client, tmp_path / "archive" / "old.txt", SLIP + "\n", "plaintext")
            page = _open(client, tmp_path / "page.html",
                         f"<html><body><p>Intro.</p>\n<p>{SLIP}</p></body></html>\n", "html")
            assert await client.diagnostics(archived) == []
            found = await client.diagnostics(page)
            assert [d.code for d in found] == ["currency-conversion"]
            assert found[0].range.start == types.Position(line=1, character=len("<p>") + SLIP.index("600"))
        finally:
            await client.stop()

    asyncio.run(scenario())
