"""Precision on real copy: lint the shared Reuters copy and list every warning and error.

    .venv/bin/python bench/real_copy.py                    # every story; a table of precision per kind
    .venv/bin/python bench/real_copy.py --corpus 1987      # the undated 1987 Reuters-21578 articles instead
    .venv/bin/python bench/real_copy.py --show             # ... and each finding with its context
    .venv/bin/python bench/real_copy.py --unreviewed       # only findings the review file has no verdict for

Two corpora: the dated 2006-2013 sample (default), and the 10,963 undated 1987 articles of
Reuters-21578 (`--corpus 1987`: each article is linted on its own, with no date, as an editor's
undated draft would be; story ids are "reut2-000#12", the file and the article's index in it).

Published wire copy is nearly always right, so a warning here is either a real slip or a false alarm.
Every one was read by hand; the verdicts live in `bench/real_copy_review.yaml`, keyed by story id,
rule and the figure text the finding points at. The table counts, per rule, the findings, how many
were judged real and the precision; a finding with no verdict is counted as unreviewed (and makes
the precision unknown until it is read). `tests/e2e/test_real_copy.py` runs the same code over a
fixed slice of the sample and holds it to exactly the findings judged real.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpora" / "reuters-2006-2013" / "sample.jsonl.gz"
REVIEW = ROOT / "bench" / "real_copy_review.yaml"
ARTICLES_1987 = ROOT.parent / "shared" / "corpora" / "reuters21578"
REVIEW_1987 = ROOT / "bench" / "real_copy_review_1987.yaml"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Flag:
    """One warning or error on one story: what the review file is keyed by, and what a reader needs."""

    story: str
    rule: str
    text: str
    message: str
    context: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.story, self.rule, self.text)


def stories(path: Path = SAMPLE, ids: Iterable[str] | None = None, limit: int | None = None) -> Iterator[dict]:
    """The sample's stories in file order: the first `limit`, plus any whose id is in `ids`."""
    wanted = set(ids or ())
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            story = json.loads(line)
            if (limit is None and not wanted) or (limit is not None and index < limit) or story["id"] in wanted:
                yield story


def articles_1987(folder: Path = ARTICLES_1987, limit: int | None = None) -> Iterator[dict]:
    """Reuters-21578's article bodies, undated: each file holds articles separated by one blank line."""
    count = 0
    for path in sorted(folder.glob("reut2-*.txt")):
        for index, body in enumerate(path.read_text(encoding="utf-8").split("\n\n")):
            if limit is not None and count >= limit:
                return
            if body.strip():
                count += 1
                yield {"id": f"{path.stem}#{index}", "date": None, "body": body}


def flags(selected: Iterable[dict]) -> list[Flag]:
    """Every warning and error figcheck's default pack raises on these stories, at their own dates."""
    from checker.documents import load_text
    from checker.engine.packs import load_rules
    from checker.pipeline import LintOptions, lint_document

    rules = load_rules([])
    found: list[Flag] = []
    for story in selected:
        body = story.get("body") or ""
        record = json.dumps({"id": story["id"], "date": story.get("date"), "body": body})
        for document in load_text(record, kind="jsonl", name=story["id"], field="body", date_field="date"):
            for finding in lint_document(document, rules, LintOptions()).findings:
                if finding.severity not in ("warning", "error"):
                    continue
                found.append(_flag(story["id"], record, finding))
    return found


def _flag(story: str, source: str, finding) -> Flag:
    """Findings point into the record as the file holds it (one JSON line): read the text back out."""
    lines = source.splitlines()
    line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    text = " ".join(_unescape(line[finding.column - 1 : end]).split())
    context = " ".join(_unescape(line[max(0, finding.column - 200) : end + 150]).split())
    return Flag(story, finding.rule, text, finding.message, context)


def _unescape(fragment: str) -> str:
    """A piece of a JSON string as its text ("\\n" is a line break), whatever escapes it cut through."""
    fragment = fragment.rstrip("\\")
    try:
        return json.loads(f'"{fragment}"')
    except ValueError:
        return fragment.replace("\\n", " ").replace('\\"', '"')


def load_review(path: Path = REVIEW) -> dict[tuple[str, str, str], dict]:
    """Verdicts by (story, rule, text): {"verdict": "real" | "false", "why": ...}."""
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {(e["story"], e["rule"], e["text"]): e for e in entries}


def table(found: list[Flag], review: dict) -> list[tuple[str, int, int, int, str]]:
    """(rule, findings, real, unreviewed, precision) per rule, then ALL."""
    rows = []
    by_rule = collections.defaultdict(list)
    for flag in found:
        by_rule[flag.rule].append(flag)
    for rule in sorted(by_rule) + ["ALL"]:
        chosen = found if rule == "ALL" else by_rule[rule]
        real = sum(1 for f in chosen if review.get(f.key, {}).get("verdict") == "real")
        unknown = sum(1 for f in chosen if f.key not in review)
        precision = "?" if unknown else (f"{real / len(chosen):.3f}" if chosen else "-")
        rows.append((rule, len(chosen), real, unknown, precision))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("2006", "1987"), default="2006",
                        help="the dated 2006-2013 sample (default) or the undated 1987 Reuters-21578 articles")
    parser.add_argument("--sample", type=Path, default=None, help="the corpus file or folder (default: the shared one)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--show", action="store_true", help="print every finding with its context")
    parser.add_argument("--unreviewed", action="store_true", help="print only findings with no verdict")
    parser.add_argument("--yaml", action="store_true", help="print unreviewed findings as review-file stubs")
    args = parser.parse_args(argv)
    old = args.corpus == "1987"
    sample = args.sample or (ARTICLES_1987 if old else SAMPLE)
    if not sample.exists():
        print(f"real_copy: error: {sample} not found (the shared corpora sit beside the project)", file=sys.stderr)
        return 2
    review = load_review(REVIEW_1987 if old else REVIEW)
    found = flags(articles_1987(sample, limit=args.limit) if old else stories(sample, limit=args.limit))
    for flag in found:
        verdict = review.get(flag.key)
        if args.show or (args.unreviewed and verdict is None):
            mark = verdict["verdict"] if verdict else "UNREVIEWED"
            print(f"[{mark}] {flag.story} {flag.rule}: {flag.message}\n    text: {flag.text}\n    context: {flag.context}\n")
        if args.yaml and verdict is None:
            print(yaml.safe_dump([{"story": flag.story, "rule": flag.rule, "text": flag.text,
                                   "verdict": "?", "why": ""}], allow_unicode=True, sort_keys=False, width=200))
    print(f"{'rule':<22}{'found':>7}{'real':>7}{'unrev':>7}{'prec':>8}")
    for rule, count, real, unknown, precision in table(found, review):
        print(f"{rule:<22}{count:>7}{real:>7}{unknown:>7}{precision:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
