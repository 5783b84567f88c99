"""The app behind `figcheck serve`, in process: what it answers, what it refuses, what it never does."""

from __future__ import annotations

import io

import docx
import pytest
from starlette.testclient import TestClient

from checker.serve.app import create_app
from checker.serve.checking import Checker

SLIP = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
RIGHT = "The fund has raised almost 700 billion yuan ($96 billion) since 2014."


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(max_bytes=64 * 1024), base_url="http://127.0.0.1") as client:
        yield client


def test_checked_relations_are_split_into_right_and_flagged():
    check = Checker().check(f"{RIGHT}\n\n{SLIP}", date=None)
    assert [r.text for r in check.checked_right()] == ["700 billion yuan ($96 billion)"]
    assert [f.span for f in check.findings if f.rule == "currency-conversion"] == ["600 billion yuan ($8.5 billion)"]


def test_check_answers_offsets_in_utf16_units_as_the_page_counts_them(client):
    text = "😀 " + SLIP  # one emoji: two UTF-16 units, one Python character
    answer = client.post("/api/check", json={"text": text, "date": "2025-04-15"}).json()
    [finding] = [f for f in answer["findings"] if f["rule"] == "currency-conversion"]
    assert finding["start"] == text.index("600") + 1 and finding["text"] == "600 billion yuan ($8.5 billion)"
    assert answer["date_words"] == "15 April 2025 (set by hand)"


def test_headers_forbid_anything_from_elsewhere_and_storage(client):
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert "http" not in page.text.replace('name="viewport"', "")  # no address of any other site


def test_limits_and_bad_requests_are_refused_with_a_reason(client):
    too_big = client.post("/api/check", content=b"x" * (65 * 1024), headers={"content-type": "application/json"})
    assert too_big.status_code == 413
    assert client.post("/api/check", content=b"not json").status_code == 400
    bad_date = client.post("/api/check", json={"text": SLIP, "date": "2025-02-30"})
    assert bad_date.status_code == 400 and "not a valid date" in bad_date.json()["error"]
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400  # no DNS rebinding


def test_import_turns_html_and_docx_into_prose_with_their_date(client):
    html = b'<html><head><meta property="article:published_time" content="2025-04-15"></head>' \
           b"<body><p>The fund <b>grew</b>.</p><p>" + SLIP.encode() + b"</p></body></html>"
    answer = client.post("/api/import?name=story.html", content=html).json()
    assert answer == {"text": f"The fund grew.\n\n{SLIP}", "kind": "text", "date": "2025-04-15",
                      "date_source": answer["date_source"], "name": "story.html"}
    document = docx.Document()
    document.add_paragraph(SLIP)
    buffer = io.BytesIO()
    document.save(buffer)
    assert client.post("/api/import?name=story.docx", content=buffer.getvalue()).json()["text"] == SLIP
