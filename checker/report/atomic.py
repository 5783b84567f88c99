"""Writing a report so that no data is ever lost: not the old report, not an input, not a link.

- A regular file is replaced atomically: a temporary file beside it, then `os.replace`; if
  anything fails before the rename (a full disk, a read-only or vanished folder, Ctrl-C, SIGTERM)
  the temporary file is removed and the previous report is left untouched.
- A symbolic link is written *through*: the file it points to is replaced, the link stays.
- Anything that is not a regular file (`/dev/stdout`, a pipe, a FIFO, a terminal) is written
  to directly, never replaced; `-`, `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` go to the
  process's own descriptor, so `-o /dev/stdout >> log` appends as the shell asked.
- Concurrent runs writing one report each use their own temporary file (named with their process
  id); the last rename wins and every run succeeds with one complete report in place. A
  temporary file is cleaned up by a later run only once the process that made it is gone.
- `refuse_inputs` stops a run from writing over a file it read (exit 2), compared by identity
  (device and inode, so hard links and symlinks count), not by the name given; and
  `refuse_walked_document` over an article in a folder it walks (it would be replaced unread).

Every failure is an `OutputError`: one line naming the file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from pathlib import Path
from typing import Callable, Iterable


class OutputError(ValueError):
    """A report, baseline or audit output that cannot or must not be written."""


_OWN_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")
_STD_DESCRIPTORS = {"/dev/stdout": 1, "/dev/stderr": 2}
STDOUT = "-"  # `-o -` is standard output, as in pandoc and curl
# A file name that is not UTF-8 (a surrogate escape) or a lone surrogate from a JSON record is
# written as a \\udcff escape, as the CLI's own streams do: valid JSON that reads back the same.
_UNENCODABLE = "backslashreplace"


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file a path names (following links), or None if there is none."""
    try:
        info = os.stat("/dev/stdout" if str(path) == "-" else path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _existing_regular_file(output: str | os.PathLike[str]) -> os.stat_result | None:
    """The stat of `output` when it names an existing regular file (not stdout, a descriptor, a
    device or nothing): only such a file can be an input the report would overwrite."""
    if str(output) == STDOUT or _own_descriptor(str(output)) is not None:
        return None
    try:
        info = os.stat(output)
    except (OSError, ValueError):
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def refuse_inputs(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                  what: str = "report") -> None:
    """Raise OutputError when `output` is the same file as one of `inputs` (a regular file only:
    writing to /dev/stdout while reading stdin is fine)."""
    info = _existing_regular_file(output)
    if info is None:
        return
    target = (info.st_dev, info.st_ino)
    for item in inputs:
        if item in (None, "", "-"):
            continue
        if file_identity(item) == target:
            raise OutputError(f"{output}: refusing to write the {what} over {item}, which this run reads")


def refuse_walked_document(output: str | os.PathLike[str], would_read: Callable[[str], str | None],
                           what: str = "report") -> None:
    """Raise OutputError when `output` is an existing document the run's walk would read
    (`would_read` names the folder), unless it is empty or an earlier figcheck report. The walk
    never reads its own output, so an article named as the output there would be replaced unread;
    a report written into the tree by the last run (the usual CI idiom) is replaced as ever."""
    info = _existing_regular_file(output)
    if info is None or info.st_size == 0:
        return
    folder = would_read(str(output))
    if folder is not None and not _earlier_report(os.path.realpath(output)):
        raise OutputError(f"{output}: refusing to write the {what} over a document in {folder}, "
                          "which this run reads (it is no earlier figcheck report)")


# How every report format (and a baseline) begins: an earlier report is known by its first lines,
# never by words an article could quote (a README shows a report line in its prose).
_REPORT_START = re.compile(
    r'\s*\{\s*"version":\s*1,\s*"(?:files|tool)"'  # json report, baseline
    r'|\s*\{\s*"\$schema":\s*"[^"]*sarif'  # sarif
    r'|<\?xml[^>]*>\s*<testsuites name="figcheck"'  # junit
    r"|::(?:error|warning|notice) [^\n]*title=figcheck "  # github
    r'|\{"message": [^\n]*"source": \{"name": "figcheck"'  # rdjsonl
    r'|\s*\[\s*(?:\{\s*"type":\s*"issue"|\])'  # gitlab code quality
    r"|<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*(?:<meta [^>]*>\s*)*<title>figcheck: "  # html
    r"|\S[^\n]*  \(\d+ (?:error|warning|info)|\S[^\n]*:\d+:\d+: (?:error|warning|info)\[[\w-]+\]"  # rich, concise
    r"|No problems found \(")


def _earlier_report(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    return _REPORT_START.match(head) is not None


def write_report(text: str | bytes, path: str | os.PathLike[str], what: str = "the report") -> Path:
    """Write `text` to `path` without ever losing data (see the module doc); the path written.
    Text is written as UTF-8; bytes (a fixed file in its own encoding) as they are."""
    target = Path(path)
    if str(path) == "":  # `-o "$REPORT"` with the variable unset
        raise OutputError("the report's file name is empty (an unset variable?); name a file, or - for stdout")
    if str(path) == STDOUT:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            write_stdout(text)
        sys.stdout.flush()
        return target
    try:
        descriptor = _own_descriptor(str(path))
        if descriptor is not None:
            _write_descriptor(descriptor, text)
            return target
        try:
            info = os.stat(str(path))  # as given: "x.json/" is no file x.json (Path would drop the slash)
        except FileNotFoundError:
            info = None
        if info is None and str(path).endswith(("/", os.sep)):  # `> dir/`: "Is a directory", never a file "dir"
            raise OutputError(f"{path}: names a folder (it ends in /) that does not exist; name a file to write "
                              "the report to")
        if info is not None and not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise OutputError(f"{path}: is a directory; name a file to write the report to")
            with _opened(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666), text) as handle:  # a FIFO, a device
                handle.write(text)
            return target
        _replace_atomically(Path(os.path.realpath(target)), text)  # a link: replace what it points to
    except OutputError:
        raise
    except OSError as error:
        raise OutputError(f"{path}: cannot write {what} ({error.strerror or error})") from None
    return target


def write_stdout(text: str) -> None:
    """Write a report to standard output. A stream that cannot hold every character (PYTHONIOENCODING=ascii,
    a Latin-1 terminal) gets \\u escapes from the CLI's stream setup; a JUnit or HTML report gets
    character references instead (&#20013;, as lxml writes XML to an ASCII stream), so it still names
    the same file and says the same words; a surrogate escape (a file name that is not UTF-8), which
    no character reference may name, stays a \\udcff escape."""
    if text.startswith(("<?xml", "<!DOCTYPE html")):
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            text = text.encode(encoding, _MARKUP_ESCAPES).decode(encoding)
        except LookupError:
            pass
    sys.stdout.write(text)


def _markup_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return "".join(f"\\u{ord(c):04x}" if 0xD800 <= ord(c) <= 0xDFFF else f"&#{ord(c)};" for c in chunk), error.end


_MARKUP_ESCAPES = "figcheck-markup"
codecs.register_error(_MARKUP_ESCAPES, _markup_escape)


def _own_descriptor(path: str) -> int | None:
    if path in _STD_DESCRIPTORS:
        return _STD_DESCRIPTORS[path]
    match = _OWN_DESCRIPTOR.match(path)
    return int(match.group(1)) if match else None


def _opened(descriptor: int, text: str | bytes):
    """A file object on `descriptor` for `text`: UTF-8 text, or raw bytes."""
    if isinstance(text, bytes):
        return os.fdopen(descriptor, "wb")
    return os.fdopen(descriptor, "w", encoding="utf-8", errors=_UNENCODABLE, newline="")


def _write_descriptor(descriptor: int, text: str | bytes) -> None:
    with _opened(os.dup(descriptor), text) as handle:
        handle.write(text)
        handle.flush()


def _replace_atomically(target: Path, text: str | bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)  # reports/ may not exist in a fresh clone
    _remove_stale_temporaries(target)
    import tempfile  # only when a report file is written, not on every run

    descriptor, temp_name = tempfile.mkstemp(prefix=f"{_temporary_prefix(target)}{os.getpid()}-", suffix=".tmp",
                                             dir=target.parent)
    try:
        with _opened(descriptor, text) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


# A temporary name adds a dot, the process id, mkstemp's 8 letters and ".tmp" (about 22 bytes) to
# the report's own name: a name near the 255-byte limit (legal for the report itself) would make
# it too long, so only the name's first bytes are kept in it.
_NAME_BYTES_KEPT = 200


def _temporary_prefix(target: Path) -> str:
    """`.NAME.` for the temporary files beside `target`, NAME cut to whole characters within
    `_NAME_BYTES_KEPT` bytes."""
    name = target.name[:_NAME_BYTES_KEPT]  # a character is at least one byte
    while len(os.fsencode(name)) > _NAME_BYTES_KEPT:
        name = name[:-1]
    return f".{name}."


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files left by runs that were killed (SIGKILL leaves no chance to clean up)."""
    import glob

    prefix = _temporary_prefix(target)
    for stale in target.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        owner = stale.name[len(prefix):].split("-", 1)[0]
        if owner.isdigit() and _alive(int(owner)):
            continue  # a concurrent run is still writing it
        try:
            stale.unlink(missing_ok=True)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _mode_for(target: Path) -> int:
    """Keep an existing report's permissions; give a new one the usual umask-governed mode.

    `mkstemp` creates files readable only by their owner, which would surprise whoever serves
    `reports/` afterwards.
    """
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
