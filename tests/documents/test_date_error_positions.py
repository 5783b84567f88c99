"""A date that cannot be read is reported where it is written: the line and column of its value.

Each date source publishers use (YAML and TOML front matter, HTML meta, JSON-LD, CMS export fields),
linted by the real `figcheck lint` on a real file; the front matter's own syntax errors point at the
parser's position too, not at line 1.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from checker.cli import app

WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."

CASES = [
    ("toml-bad-date", "a.md", f'+++\ntitle = "x"\n\ndate = 2025-02-30\n+++\n\n{WRONG}\n', "bad-front-matter", (4, 8)),
    ("toml-bad-date-string", "a.md", f'+++\ntitle = "x"\n\ndate = "2025-02-30"\n+++\n\n{WRONG}\n', "bad-date", (4, 8)),
    ("toml-key-twice", "a.md", f'+++\ntitle = "x"\ndate = 2025-04-15\ntitle = "y"\n+++\n\n{WRONG}\n',
     "bad-front-matter", (4, 12)),
    ("yaml-bad-date", "a.md", f"---\ntitle: x\n\npublished: 2025-02-30\n---\n\n{WRONG}\n", "bad-date", (4, 12)),
    ("yaml-indented", "a.md", f"---\nmeta: 1\n  pubDate: 2025-13-01\n---\n\n{WRONG}\n", "bad-front-matter", (3, 10)),
    ("html-meta", "a.html", '<html>\n<head>\n<title>x</title>\n  <meta name="date" content="2025-02-30">\n'
     f"</head>\n<body><p>{WRONG}</p></body></html>\n", "bad-date", (4, 30)),
    ("json-ld", "a.html", '<html>\n<head>\n<script type="application/ld+json">\n{"@type": "NewsArticle",\n'
     f' "datePublished": "2025-02-30"}}\n</script>\n</head>\n<body><p>{WRONG}</p></body></html>\n', "bad-date", (5, 19)),
    ("jsonl-field", "a.jsonl", json.dumps({"id": "a1", "published": "2025-02-30", "body": WRONG}) + "\n",
     "bad-date", (1, 27)),
    ("json-dotted-field", "a.json", '[\n {"id": 1,\n  "meta": {"published": "2025-02-30"},\n'
     f'  "body": "{WRONG}"}}\n]\n', "bad-date", (3, 25)),
]


@pytest.mark.parametrize("name, filename, text, rule, position", CASES, ids=[c[0] for c in CASES])
def test_a_bad_date_points_at_its_value(name, filename, text, rule, position, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / filename).write_text(text, encoding="utf-8")
    field = "meta.published" if "dotted" in name else "published"
    run = CliRunner().invoke(app, ["lint", filename, "-f", "json", "-j", "1", "--field", "body",
                                   "--date-field", field], catch_exceptions=False)
    findings = [f for f in json.loads(run.stdout)["findings"] if f["rule"] in ("bad-date", "bad-front-matter")]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [(rule, *position)], findings
    assert "(at line" not in findings[0]["message"]  # the position is the finding's, not buried in its text
