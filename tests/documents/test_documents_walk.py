"""Walking directories: default extensions, .gitignore, globs, binary files, stable order."""

from __future__ import annotations

import io
import subprocess

import pytest

from checker.documents import DocumentError, iter_documents, load_stdin


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "repo"
    files = {
        "b.txt": "B 1 dollar.",
        "a.md": "# A\n\nA 2 dollars.",
        "notes.rst": "Not a default extension.",
        "page.htm": "<p>Page 3 dollars.</p>",
        "sub/z.markdown": "Z 4 dollars.",
        "sub/y.txt": "Y 5 dollars.",
        "sub/ignored.txt": "ignored by sub/.gitignore",
        "build/out.html": "<p>ignored by the root .gitignore</p>",
        "drafts/draft.md": "excluded by a glob",
        ".hidden/secret.txt": "hidden directory",
        "export.jsonl": '{"body": "record"}',
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / ".gitignore").write_text("build/\n*.log\n")
    (root / "sub" / ".gitignore").write_text("ignored.txt\n")
    (root / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (root / "sub" / "data.md").write_bytes(b"\x00\x01\x02binary")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def relative(walk, root):
    return [d.path[len(str(root)) + 1 :] for d in walk]


def test_walk_honours_extensions_gitignore_and_skips_binaries(tree):
    walk = iter_documents([tree], exclude=["drafts/"])
    assert relative(walk, tree) == ["a.md", "b.txt", "page.htm", "sub/y.txt", "sub/z.markdown"]
    assert walk.files == 5
    assert sorted((p[len(str(tree)) + 1 :], why) for p, why in walk.skipped) == [
        ("photo.txt", "binary"), ("sub/data.md", "binary")]


def test_gitignore_of_the_repository_applies_below_the_walked_directory(tree):
    (tree / "sub" / "build").mkdir()
    (tree / "sub" / "build" / "x.txt").write_text("ignored by the root's build/")
    assert relative(iter_documents([tree / "sub"]), tree / "sub") == ["y.txt", "z.markdown"]


def test_include_globs_choose_files(tree):
    walk = iter_documents([tree], include=["*.rst", "sub/*.txt"])
    assert relative(walk, tree) == ["notes.rst", "sub/y.txt"]


def test_files_named_explicitly_are_read_even_if_ignored_and_once_only(tree):
    ignored = tree / "sub" / "ignored.txt"
    walk = iter_documents([ignored, tree / "b.txt", ignored])
    assert relative(walk, tree) == ["sub/ignored.txt", "b.txt"]


def test_a_binary_file_named_explicitly_is_an_error(tree):
    with pytest.raises(DocumentError, match="photo.txt: looks like a binary file"):
        list(iter_documents([tree / "photo.txt"]))


def test_a_directory_with_nothing_to_read_is_noted_not_an_error(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    walk = iter_documents([tmp_path])
    assert list(walk) == [] and walk.empty == [str(tmp_path)] and walk.files == 0
    with pytest.raises(DocumentError, match="no such file"):
        list(iter_documents([tmp_path / "missing"]))


def test_stdin_reads_the_chosen_format():
    stream = io.BytesIO(b"---\ndate: 2025-04-15\n---\nText with `code 5` and 6 dollars.\n")
    (document,) = list(load_stdin(kind="markdown", stream=stream))
    assert str(document.date) == "2025-04-15"
    assert [b.text for b in document] == ["Text with   and 6 dollars."]
