"""The HTML report as an editor reads it, in headless Chromium: prose, dates, filters, clean documents on one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.e2e.browser import chromium, new_page, screenshot  # noqa: F401 (fixture)

STORY = """---
title: Chips and the state
date: 2025-04-15
---

# Big Fund

Since 2014 the fund has raised almost **700 billion yuan ($96 billion)**, and in April authorities
earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups.

Prices rose 5% percent last year.
"""
PAGE = """<html><head><meta property="article:published_time" content="2025-04-15"></head><body>
<p>The trail runs <em>10 miles</em> (6 km) through the forest.</p>
<p>The company paid $5 million dollars for the site.</p></body></html>
"""
CLEAN = "The fund has raised almost 700 billion yuan ($96 billion) since 2014, its managers said on Monday.\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    for n in range(3):
        (folder / f"clean-{n}.txt").write_text(CLEAN, encoding="utf-8")
    output = folder / "report.html"
    done = subprocess.run([sys.executable, "-m", "checker", "lint", ".", "--format", "html", "-o", str(output),
                           "--fail-on", "never", "--jobs", "1"], cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return output


def _visible_notes(page) -> list[str]:
    return [note.get_attribute("data-rule") for note in page.locator("aside.note").all() if note.is_visible()]


def test_documents_read_as_prose_with_their_dates(report, chromium):
    with new_page(chromium) as page:
        page.goto(report.as_uri())
        story = page.locator("section.document", has_text="story.md")
        text = story.locator(".prose").inner_text()
        assert "title: Chips" not in text and "**" not in text and "# Big Fund" not in text
        assert "almost 700 billion yuan ($96 billion)" in text
        assert story.locator(".asof").inner_text().startswith("Date used: 15 April 2025 (from ")
        assert "front matter" in story.locator(".asof").inner_text()
        html_doc = page.locator("section.document", has_text="page.html")
        assert "<em>" not in html_doc.inner_html().split('class="prose"')[1].split("</mark>")[0]
        assert html_doc.locator("mark.error").inner_text() == "10 miles (6 km)"
        evidence = story.locator("aside.note.error ul.evidence").inner_text()
        assert "7.315 Chinese yuan per US dollar on 15 April 2025 (ECB)" in evidence
        assert "rate_unit" not in page.content() and "rate=" not in page.content()
        screenshot(page, "report-html.png")


def test_filters_by_severity_and_rule_hide_notes_without_a_script(report, chromium):
    with new_page(chromium) as page:
        page.goto(report.as_uri())
        assert page.locator("script").count() == 0
        assert sorted(_visible_notes(page)) == ["currency-conversion", "figure-typos", "figure-typos", "unit-conversion"]
        page.get_by_label("warning (2)").uncheck()
        assert sorted(_visible_notes(page)) == ["currency-conversion", "unit-conversion"]
        assert not page.locator("table.findings tr.warning").first.is_visible()
        page.get_by_label("warning (2)").check()
        page.locator("label", has_text="currency-conversion (1)").locator("input").uncheck()
        assert sorted(_visible_notes(page)) == ["figure-typos", "figure-typos", "unit-conversion"]
        mark = page.locator("mark[data-rules='currency-conversion']")
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
        screenshot(page, "report-html-filtered.png")


def test_clean_documents_are_one_line_each_and_a_summary_per_rule(report, chromium):
    with new_page(chromium) as page:
        page.goto(report.as_uri())
        clean = page.locator("li.clean-doc")
        assert clean.count() == 3
        assert all(line.startswith("./clean-") and line.endswith("— no findings") for line in clean.all_inner_texts())
        assert "its managers said on Monday" not in page.content()  # a clean document's text is not in the page
        assert page.locator("section.document").count() == 2
        rows = {row.locator("th").inner_text(): row.locator("td").all_inner_texts()[:4]
                for row in page.locator("table.rules tbody tr").all()}
        assert rows == {"figure-typos": ["", "2", "", "2"], "currency-conversion": ["1", "", "", "1"],
                        "unit-conversion": ["1", "", "", "1"]}
