"""Finding documents: paths and directories in, documents out, in a stable sorted order.

Directories are walked recursively for the default extensions (JSON and JSONL too when a body
field is named), honouring `.gitignore` files from the repository root down, and the include and
exclude globs (gitignore syntax, relative to the directory named). A document that cannot be read
(permission denied, a damaged .docx or zip bomb, invalid JSON), named or met while walking, is an
`unreadable-file` error for that file, so the run fails and the other files are still linted; what
is no document at all is skipped and named (binary data, a FIFO or device, a symlink loop, a path
past the OS limit, a folder that cannot be read). A file named explicitly that does not exist, or
a named zip bomb, raises DocumentError.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .base import Document, Note
from .errors import BinaryDocument, DocumentError, UnreadableDocument
from .loader import file_suffix, format_of, load_file, load_regular_file, load_stream

if TYPE_CHECKING:
    import pathspec

DEFAULT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".mdx", ".html", ".htm", ".docx"})
RECORD_EXTENSIONS = frozenset({".json", ".jsonl", ".ndjson"})
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})
STDIN = "-"
UNREADABLE_RULE = "unreadable-file"


def check_named(paths: Iterable[str | Path]) -> None:
    """Raise DocumentError for a path named to the run that does not exist: a usage error found
    before anything is read, so `--show-settings` and `--show-files` refuse it as a lint does (a
    broken symbolic link exists, and is reported as an unreadable file by the walk). A name in angle
    brackets (`<text>`, `<stdin>`) names content given in memory, not a file."""
    for path in paths:
        name = str(path)
        if name != STDIN and not name.startswith("<") and not os.path.lexists(path):
            raise DocumentError(str(path), "no such file")


class DocumentWalk:
    """Iterate to get the documents; afterwards `files` counts the files read, `skipped`
    lists (path, reason) for each file passed over while walking, and `empty` the directories
    that held nothing to read (an empty selection is not an error; a missing path is)."""

    def __init__(self, paths: Iterable[str | Path], *, include: Iterable[str] = (),
                 exclude: Iterable[str] = (), field: str | None = None, date_field: str | None = None,
                 stdin_kind: str = "text", stdin_name: str | None = None,
                 outputs: Iterable[tuple[int, int]] = ()) -> None:
        self.paths = [str(path) for path in paths]
        # --stdin-filename: stdin is read as that file would be (its type, front matter) and named so.
        self.stdin_name = stdin_name
        if stdin_name is not None and stdin_kind == "text":
            stdin_kind = format_of(stdin_name)
        self.include = _spec(include)
        self.exclude = _spec(exclude)
        self.field = field
        self.date_field = date_field
        self.stdin_kind = stdin_kind
        self.files = 0
        self.skipped: list[tuple[str, str]] = []
        self.empty: list[str] = []  # directories named that hold no document figcheck reads
        self._seen: set[str] = set()
        self._outputs = frozenset(outputs)

    def __iter__(self) -> Iterator[Document]:
        stdin_read = False
        for path in self.paths:
            if path == STDIN:
                if stdin_read:  # `- -`: standard input is one stream, read once
                    continue
                stdin_read = True
                if sys.stdin is None:  # started with `<&-`
                    raise DocumentError(self.stdin_name or "<stdin>", "standard input is closed; nothing to read")
                self.files += 1
                name = self.stdin_name or "<stdin>"
                try:
                    documents = load_stream(sys.stdin.buffer, name, kind=self.stdin_kind, field=self.field,
                                            date_field=self.date_field)
                except UnreadableDocument as error:  # binary or a damaged .docx on stdin: its error, as a named file's
                    documents = iter([unreadable_document(name, error.reason)])
                yield from documents
            elif os.path.isdir(path):
                yield from self._walk(path)
            else:
                yield from self._named(path)

    def _named(self, path: str) -> Iterator[Document]:
        if self._first_time(os.path.realpath(path)):
            try:
                documents = load_file(path, field=self.field, date_field=self.date_field)
            except UnreadableDocument as error:  # one bad file never hides the others
                documents = iter([unreadable_document(path, error.reason)])
            self.files += 1
            yield from documents

    def _walk(self, root: str) -> Iterator[Document]:
        found = list(self._candidates(root))
        if not found:  # nothing to check is not an error (ruff, markdownlint-cli2): the caller notes it
            self.empty.append(root)
        for path, real in found:
            if not self._first_time(real):
                continue
            if self._outputs and _identity(path) in self._outputs:
                self.skipped.append((path, "is this run's own output"))
                continue
            try:
                info = os.stat(path)
            except OSError as error:  # a symlink loop, a path too long, a file that vanished
                self.skipped.append((path, error.strerror or str(error)))
                continue
            if not stat.S_ISREG(info.st_mode):
                self.skipped.append((path, "not a regular file"))
                continue
            try:
                documents = load_regular_file(path, field=self.field, date_field=self.date_field)
            except BinaryDocument:  # no document at all (git and ripgrep pass binary files over)
                self.skipped.append((path, "binary"))
                continue
            except DocumentError as error:  # a document that cannot be read: its error, as if named
                documents = iter([unreadable_document(path, error.reason)])
            self.files += 1
            yield from documents

    def _candidates(self, root: str) -> Iterator[tuple[str, str]]:
        """Files under `root` to read, sorted, after extensions, globs and .gitignore, each with
        its real path (what `_seen` and the .gitignore files are matched on).

        Per file this costs one lstat: a file that is not a symbolic link has its folder's real
        path (resolved once per folder) as its own, so the component-by-component resolution of
        `os.path.realpath` is only run for links."""
        ignores = _GitIgnores(Path(root))
        def unreadable(error: OSError) -> None:
            self.skipped.append((error.filename or root, f"folder cannot be read ({error.strerror or error})"))

        for directory, subdirectories, files in os.walk(root, onerror=unreadable):
            relative_dir = os.path.relpath(directory, root)
            prefix = "" if relative_dir == "." else Path(relative_dir).as_posix() + "/"
            subdirectories[:] = sorted(
                name for name in subdirectories
                if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
                and not ignores.ignored(Path(directory, name), is_dir=True)
                and not (self.exclude is not None and self.exclude.match_file(f"{prefix}{name}/")))
            real_directory = os.path.realpath(directory)
            for name in sorted(files):
                if not self._wanted(prefix + name):
                    continue
                path = os.path.join(directory, name)
                real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_directory, name)
                if not ignores.ignored_real(real):
                    yield path, real

    def would_read(self, path: str | Path) -> str | None:
        """The folder named to this walk under which it would read `path` as a document (by its
        name: extensions, --include, --exclude), or None."""
        real = os.path.realpath(path)
        for root in self.paths:
            if root == STDIN or not os.path.isdir(root):
                continue
            base = os.path.realpath(root)
            if os.path.commonpath([base, real]) == base and self._wanted(Path(os.path.relpath(real, base)).as_posix()):
                return root
        return None

    def _wanted(self, relative: str) -> bool:
        if self.exclude is not None and self.exclude.match_file(relative):
            return False
        if self.include is not None:
            return self.include.match_file(relative)
        suffix = file_suffix(relative).lower()
        return suffix in DEFAULT_EXTENSIONS or (self.field is not None and suffix in RECORD_EXTENSIONS)

    def _first_time(self, real: str) -> bool:
        """Whether the file at this real path is met for the first time in the run (a file named twice,
        or reached by two links, is read once)."""
        if real in self._seen:
            return False
        self._seen.add(real)
        return True


def unreadable_document(path: str, reason: str) -> Document:
    """A file that could not be read, as a document of one `unreadable-file` error."""
    return Document(path, [], notes=[Note(UNREADABLE_RULE, f"not checked: {reason}", "error")], unread=reason)


def iter_documents(paths: Iterable[str | Path], *, include: Iterable[str] = (), exclude: Iterable[str] = (),
                   field: str | None = None, date_field: str | None = None,
                   stdin_kind: str = "text", stdin_name: str | None = None,
                   outputs: Iterable[tuple[int, int]] = ()) -> DocumentWalk:
    """The documents under `paths` ("-" is stdin); see DocumentWalk for the counts. Files whose
    (device, inode) is in `outputs` (the run's own report) are skipped, never read."""
    return DocumentWalk(paths, include=include, exclude=exclude, field=field, date_field=date_field,
                        stdin_kind=stdin_kind, stdin_name=stdin_name, outputs=outputs)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _spec(patterns: Iterable[str]) -> "pathspec.PathSpec | None":
    """The globs as one gitignore-style spec, or None when there are none (pathspec is then
    never imported: most runs name no --include or --exclude)."""
    lines = list(patterns)
    if not lines:
        return None
    from .globs import GlobError, glob_spec

    try:
        spec = glob_spec(lines)
    except GlobError as error:  # --include '[z-a]': the user's error, named
        raise DocumentError("--include/--exclude", str(error)) from None
    return spec if spec.patterns else None


class _GitIgnores:
    """The .gitignore files that govern a tree: from the repository root down to each directory."""

    def __init__(self, root: Path) -> None:
        self._specs: dict[Path, pathspec.PathSpec | None] = {}
        self._chains: dict[str, list[tuple[Path, pathspec.PathSpec]]] = {}
        root = Path(os.path.realpath(root))
        top = next((parent for parent in (root, *root.parents) if (parent / ".git").exists()), root)
        self._top = top

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        return self.ignored_real(os.path.realpath(path), is_dir)  # never raises on a symlink loop

    def ignored_real(self, real: str, is_dir: bool = False) -> bool:
        """Whether the file or folder at the real path `real` is ignored."""
        chain = self._chain(os.path.dirname(real))
        if not chain:
            return False
        path = Path(real)
        for directory, spec in chain:
            relative = path.relative_to(directory).as_posix() + ("/" if is_dir else "")
            if spec.match_file(relative):
                return True
        return False

    def _chain(self, folder: str) -> list[tuple[Path, "pathspec.PathSpec"]]:
        """The .gitignore specs that govern the files of `folder` (a real path), outermost first:
        worked out once per folder, not once per file."""
        chain = self._chains.get(folder)
        if chain is None:
            path = Path(folder)
            chain = []
            for directory in reversed((path, *path.parents)):
                if directory != self._top and self._top not in directory.parents:
                    continue
                spec = self._spec_for(directory)
                if spec is not None:
                    chain.append((directory, spec))
            self._chains[folder] = chain
        return chain

    def _spec_for(self, directory: Path) -> "pathspec.PathSpec | None":
        if directory not in self._specs:
            try:
                # git skips a UTF-8 BOM at the start of a .gitignore (Notepad writes one), and so does this
                lines = (directory / ".gitignore").read_text(encoding="utf-8-sig", errors="replace").splitlines()
            except OSError:
                self._specs[directory] = None
            else:
                from .globs import lenient_spec

                self._specs[directory] = lenient_spec(lines)  # a line git cannot read is passed over, as git does
        return self._specs[directory]
