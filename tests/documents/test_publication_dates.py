"""Publication dates from every place publishers put them, and the finding's evidence naming it."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from checker.documents import load_path
from checker.run import LintRequest, run_lint

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."


def only(path):
    (document,) = list(load_path(path))
    list(document)
    return document


@pytest.mark.parametrize("front, source", [
    ('+++\ntitle = "Fund"\ndate = 2025-04-15\n+++\n', "TOML front matter date"),
    ('+++\ntitle = "Fund"\npublishDate = 2025-04-15T09:30:00Z\n+++\n', "TOML front matter publishDate"),
    ("---\ntitle: Fund\npublished: 2025-04-15\n---\n", "YAML front matter published"),
    ("---\ntitle: Fund\npubDate: 'Apr 2025'\ndate: 2025-01-01\n---\n", None),  # the specific key wins, unread
    ("---\ndate: 2024-01-01\npubDate: 2025-04-15\n---\n", "YAML front matter pubDate"),
])
def test_front_matter_dates(tmp_path, front, source):
    path = tmp_path / "a.md"
    path.write_text(f"{front}\n{WRONG}\n", encoding="utf-8")
    document = only(path)
    assert document.date_source == source
    if source:
        assert document.date == dt.date(2025, 4, 15)
    else:
        assert document.date is None and [n.rule for n in document.notes] == ["bad-date"]
        assert "YAML front matter pubDate" in document.notes[0].message and document.notes[0].line == 3


def test_toml_front_matter_is_hidden_from_the_prose_and_keeps_line_numbers(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f'+++\ntitle = "600 billion yuan ($8.5 billion)"\ndate = 2025-04-15\n+++\n\n{WRONG}\n')
    document = only(path)
    (block,) = list(only(path))
    assert block.text == WRONG and block.locate(0) == (6, 1)


@pytest.mark.parametrize("head, source", [
    ('<meta name="date" content="2025-04-15">', 'HTML meta name="date"'),
    ('<meta property="article:published_time" content="2025-04-15T08:00:00Z">',
     'HTML meta property="article:published_time"'),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
     ' "datePublished": "2025-04-15T08:00:00+08:00"}</script>', "HTML JSON-LD datePublished"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "Article",'
     ' "datePublished": "2025-04-15"}]}</script>', "HTML JSON-LD datePublished"),
    ('<!-- <meta name="date" content="2019-01-01"> -->'
     '<script type="application/ld+json">{"datePublished": "2025-04-15"}</script>', "HTML JSON-LD datePublished"),
])
def test_html_dates(tmp_path, head, source):
    path = tmp_path / "a.html"
    path.write_text(f"<html><head>{head}</head><body><p>{WRONG}</p></body></html>", encoding="utf-8")
    document = only(path)
    assert (document.date, document.date_source) == (dt.date(2025, 4, 15), source)


def test_docx_core_properties_give_the_date(tmp_path):
    made = docx.Document()
    made.add_paragraph(WRONG)
    made.core_properties.created = dt.datetime(2019, 5, 1, 9, 0)
    made.core_properties.modified = dt.datetime(2025, 4, 15, 9, 0)
    made.save(tmp_path / "a.docx")
    document = only(tmp_path / "a.docx")
    assert (document.date, document.date_source) == (dt.date(2025, 4, 15), "docx core property modified")


def test_a_docx_with_python_docx_template_stamp_has_no_date(tmp_path):
    made = docx.Document()  # never saved by Word: the template's 2013 timestamp is not a date
    made.add_paragraph(WRONG)
    made.save(tmp_path / "a.docx")
    assert only(tmp_path / "a.docx").date is None


def test_the_finding_says_which_source_gave_the_date(tmp_path):
    path = tmp_path / "a.html"
    path.write_text('<html><head><script type="application/ld+json">{"datePublished": "2025-04-15"}</script>'
                    f"</head><body><p>{WRONG}</p></body></html>", encoding="utf-8")
    run = run_lint(LintRequest(paths=[str(path)], config=None))
    (finding,) = [f for f in run.result.findings if f.rule == "currency-conversion"]
    assert finding.evidence["date"] == "2025-04-15"
    assert finding.evidence["date_source"] == "HTML JSON-LD datePublished"
