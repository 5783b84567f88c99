"""`--diff REF` against a real temporary git repository."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.gitdiff import ALL_LINES, parse_patch

ROOT = Path(__file__).resolve().parents[2]
WRONG = "In April authorities earmarked a further 600 billion yuan ($8.5 billion) to seed AI start-ups."
OTHER = "The bank will lend €3.2 billion (about $35 billion) to the project."

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*args, cwd):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def lint(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "checker", "lint", "--date", "2025-04-15", "--format", "json",
                           *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def lines_of(run):
    assert run.returncode in (0, 1), run.stderr
    return [(Path(f["path"]).name, f["line"]) for f in json.loads(run.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(f"{WRONG}\n\nQuiet line.\n\n{OTHER}\n")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "first", cwd=tmp_path)
    return tmp_path


def test_only_findings_on_changed_lines_remain(repo):
    assert lines_of(lint("docs", cwd=repo)) == [("a.txt", 1), ("a.txt", 5)]
    assert lines_of(lint("docs", "--diff", "HEAD", cwd=repo)) == []
    # Edit only the last line (still wrong, differently): only its finding remains.
    (repo / "docs" / "a.txt").write_text(f"{WRONG}\n\nQuiet line.\n\n{OTHER.replace('lend', 'lend out')}\n")
    run = lint("docs", "--diff", "HEAD", cwd=repo)
    assert lines_of(run) == [("a.txt", 5)]
    assert run.returncode == 1


def test_committed_changes_since_an_older_ref_count(repo):
    (repo / "docs" / "a.txt").write_text(f"Inserted line.\n\n{WRONG}\n\nQuiet line.\n\n{OTHER}\n\n{WRONG}\n")
    git("commit", "-q", "-am", "second", cwd=repo)
    assert lines_of(lint("docs", "--diff", "HEAD~1", cwd=repo)) == [("a.txt", 9)]
    assert lines_of(lint("docs", "--diff", "HEAD", cwd=repo)) == []


def test_untracked_files_count_as_new_throughout(repo):
    (repo / "docs" / "new.md").write_text(f"# New\n\n{WRONG}\n")
    (repo / ".gitignore").write_text("ignored.md\n")
    (repo / "docs" / "ignored.md").write_text(f"{WRONG}\n")
    run = lint("docs/a.txt", "docs/new.md", "docs/ignored.md", "--diff", "HEAD", cwd=repo)
    assert lines_of(run) == [("new.md", 3)]


def test_works_from_a_subdirectory(repo):
    (repo / "docs" / "a.txt").write_text(f"{WRONG} Changed.\n\nQuiet line.\n\n{OTHER}\n")
    assert lines_of(lint(".", "--diff", "HEAD", cwd=repo / "docs")) == [("a.txt", 1)]


def test_lines_the_base_branch_changed_after_the_branch_point_do_not_count(repo):
    """`--diff main` on a feature branch is `git diff main...HEAD`: only the branch's own lines."""
    git("branch", "-M", "main", cwd=repo)
    git("checkout", "-q", "-b", "feature", cwd=repo)
    (repo / "docs" / "feature.md").write_text(f"# Feature\n\n{WRONG}\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "feature article", cwd=repo)
    git("checkout", "-q", "main", cwd=repo)  # main moves on: it rewrites a.txt's first line, adds an article
    (repo / "docs" / "a.txt").write_text(f"Rewritten on main.\n\nQuiet line.\n\n{OTHER}\n\n{WRONG}\n")
    (repo / "docs" / "later.md").write_text(f"# Later\n\n{WRONG}\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "main moves on", cwd=repo)
    git("checkout", "-q", "feature", cwd=repo)
    # On the branch, a.txt is as it was at the branch point. `git diff main` would show its first line
    # (main changed it), so a plain diff against main would blame the branch for line 1.
    assert lines_of(lint("docs", "--diff", "main", cwd=repo)) == [("feature.md", 3)]
    # An uncommitted edit on the branch counts too, and so does an untracked file.
    (repo / "docs" / "a.txt").write_text(f"{WRONG} Edited.\n\nQuiet line.\n\n{OTHER}\n")
    (repo / "docs" / "draft.txt").write_text(f"{WRONG}\n")
    found = lines_of(lint("docs", "--diff", "main", cwd=repo))
    assert found == [("a.txt", 1), ("draft.txt", 1), ("feature.md", 3)]


def test_refs_with_no_shared_history_are_a_usage_error(repo):
    git("branch", "-M", "main", cwd=repo)
    git("checkout", "-q", "--orphan", "unrelated", cwd=repo)
    git("commit", "-q", "-m", "orphan", cwd=repo)
    git("checkout", "-q", "main", cwd=repo)
    run = lint("docs", "--diff", "unrelated", cwd=repo)
    assert run.returncode == 2 and "share no history" in run.stderr and "Traceback" not in run.stderr


def test_unknown_ref_and_no_repository_are_usage_errors(repo, tmp_path_factory):
    run = lint("docs", "--diff", "no-such-branch", cwd=repo)
    assert run.returncode == 2 and "unknown git ref 'no-such-branch'" in run.stderr
    outside = tmp_path_factory.mktemp("plain")
    (outside / "a.txt").write_text(WRONG)
    run = lint("a.txt", "--diff", "HEAD", cwd=outside)
    assert run.returncode == 2 and "not inside a git repository" in run.stderr
    assert "Traceback" not in run.stderr


def test_patch_parser_reads_new_side_lines_and_skips_hunk_bodies(tmp_path):
    patch = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -3 +3,2 @@\n-old\n+++ an added line that looks like a header\n+second\n"
        "@@ -10,2 +11,0 @@\n-gone\n-gone too\n"
        "diff --git a/y.docx b/y.docx\nBinary files a/y.docx and b/y.docx differ\n"
        "diff --git a/z.txt b/z.txt\n--- a/z.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-deleted\n"
    )
    files = parse_patch(patch, tmp_path)
    assert files == {tmp_path / "x.md": {3, 4}, tmp_path / "y.docx": ALL_LINES}
