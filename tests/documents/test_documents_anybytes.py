"""Any bytes in any format: documents or a DocumentError, never another exception."""

from __future__ import annotations

import io

from hypothesis import example, given, settings, strategies as st

from checker.documents import DocumentError, load_stdin

FRAGMENTS = [b"<p>", b"</p>", b"<!-- figcheck: ignore -->", b"&amp;", b"&#", b"\\*", b"`", b"```\n", b"> ",
             b"- ", b"[a](", b")", b"---\n", b"date: 2025-02-30\n", b"\n\n", b"\r\n", b"\xff", b"\x00",
             b"\xef\xbb\xbf", b"\xff\xfe", b'{"body": "', b'"}', b"$5 billion", b"\xe2\x82", b"<script>"]


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["text", "markdown", "mdx", "html", "json", "jsonl"]),
       parts=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=12)), max_size=25))
# found by hypothesis: a lone CR in Markdown crashed the loader (fixed by reading CR line ends as LF)
@example(kind="markdown", parts=[b"\r\x01"])
@example(kind="markdown", parts=[b"<p>$5 billion", b"\xab\x7fV4\xcb\xd9\x8be\xe7\x02\r\xb3", b"---\n", b"\n\n\n\n\xff"])
@example(kind="html", parts=[b"<p>", b"\xef\xbb\xbf"])  # found by hypothesis: a paragraph holding only a BOM
def test_any_bytes_give_documents_or_a_document_error(kind, parts):
    data = b"".join(parts)
    try:
        documents = list(load_stdin(kind=kind, stream=io.BytesIO(data), field="body"))
    except DocumentError as error:
        assert "\n" not in str(error)
        return
    for document in documents:
        for block in document:
            assert block.text.strip()
            for offset in range(len(block.text)):
                line, column = block.locate(offset)
                assert line >= 1 and column >= 1
