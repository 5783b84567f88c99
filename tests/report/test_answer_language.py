"""One rule says which language figcheck answers in: the finding's message, its evidence in the
terminal and HTML reports, the web page and the language server all ask `checker.language`."""

from __future__ import annotations

import pytest

from checker.kinds.messages import Messages
from checker.language import language_of


@pytest.mark.parametrize(("text", "language"), [
    ("The fund got 600 billion yuan ($8.5 billion).", "en"),
    ("基金获得600亿元人民币（约合85亿美元）。", "zh"),
    # a Chinese sentence naming a company and a person in English is still Chinese
    ("特斯拉（Tesla Inc）首席执行官马斯克（Elon Musk）表示，公司将投资50亿美元。", "zh"),
    # an English sentence quoting a Chinese name is still English
    ("The China Integrated Circuit Industry Investment Fund (国家大基金) raised 344 billion yuan.", "en"),
    ("600 亿", "zh"),
    ("$8.5 billion", "en"),
    ("", "en"),
    ("12345 678", "en"),
])
def test_the_language_of_a_text(text, language):
    assert language_of(text) == language
    assert Messages(text).language == language  # the messages follow the same rule


def test_the_web_page_and_the_language_server_ask_the_same_rule():
    from checker.lsp import convert
    from checker.report import html_page, rich_text
    from checker.serve import findings_view

    for module in (convert, findings_view, html_page, rich_text):
        assert module.language_of is language_of
