"""The HTML page for editors: self-contained, escaped, findings marked in place in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from tests.report.report_helpers import SEED_FIX, SEED_MESSAGE, SEED_PATH, SEED_SPAN, seed_finding, seed_result, seed_rules

from checker.report import render, write_report

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)


class _Page(HTMLParser):
    """Collects what an editor would see: marked spans, note texts, and anything that loads assets."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[str] = []
        self.notes: list[str] = []
        self.external: list[str] = []
        self.open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.external.append(tag)
        if tag == "mark":
            self.open.append(("mark", []))
        if tag == "aside":
            self.open.append(("aside", []))

    def handle_endtag(self, tag):
        if tag in ("mark", "aside") and self.open and self.open[-1][0] == tag:
            kind, parts = self.open.pop()
            (self.marks if kind == "mark" else self.notes).append("".join(parts))
            if self.open:
                self.open[-1][1].append("".join(parts))

    def handle_data(self, data):
        if self.open:
            self.open[-1][1].append(data)


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def test_seed_page_marks_the_span_and_explains_it():
    page = _parse(render(seed_result(), "html", seed_rules()))
    assert page.marks == [SEED_SPAN]
    (note,) = page.notes
    assert SEED_MESSAGE in note and SEED_FIX in note and "7.28" in note and "ECB" in note
    assert page.external == []


def test_page_shows_the_whole_document_and_the_summary():
    text = render(seed_result(), "html", seed_rules())
    assert "Since 2014 the National Integrated Circuit Industry Fund" in text
    assert f"{SEED_PATH}:1:{seed_finding().column}" in text  # the summary table row
    assert 'href="#note-1"' in text and 'id="note-1"' in text and 'id="f1"' in text


def test_everything_from_the_document_is_escaped():
    source = 'Costs <script>alert("x")</script> rose & fell: 600 billion yuan ($8.5 billion)\n'
    start = source.index("600") + 1
    finding = seed_finding(
        path="<b>odd</b>.md",
        column=start,
        end_column=start + len(SEED_SPAN),
        message='<img src=x onerror="alert(1)">',
        source_line=source.rstrip("\n"),
    )
    result = seed_result([finding])
    result.sources = {finding.path: source}
    text = render(result, "html")
    assert "<script>" not in text and "<img" not in text and "<b>odd" not in text
    page = _parse(text)
    assert page.marks == [SEED_SPAN] and page.external == []


def test_without_the_text_the_finding_lines_are_shown():
    page = _parse(render(seed_result(keep_source=False), "html"))
    assert page.marks == [SEED_SPAN]
    assert "Only the lines with findings are shown" in render(seed_result(keep_source=False), "html")


def test_overlapping_findings_split_the_span_into_marked_segments():
    first = seed_finding()
    second = seed_finding(
        rule="unit-check", severity="warning", column=first.column + 4, end_column=first.end_column + 3
    )
    page = _parse(render(seed_result([first, second]), "html"))
    assert "".join(page.marks) == first.source_line[first.column - 1 : second.end_column - 1]
    assert len(page.marks) == 3 and len(page.notes) == 2


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_findings_are_visible_in_headless_chromium(tmp_path):
    page_file = write_report(render(seed_result(), "html", seed_rules()), tmp_path / "seed.html")
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page_file.as_uri(),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    rendered = _parse(completed.stdout)
    assert rendered.marks == [SEED_SPAN]
    assert any(SEED_MESSAGE in note and SEED_FIX in note for note in rendered.notes)


def test_a_finding_past_the_end_of_the_kept_text_still_gets_its_note():
    stray = seed_finding(line=99, end_line=99, message="figure on a line the text does not have")
    page = _parse(render(seed_result([seed_finding(), stray]), "html"))
    assert page.marks == [SEED_SPAN]
    assert any("figure on a line the text does not have" in note for note in page.notes)
