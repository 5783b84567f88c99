"""Writing a report so that an interrupted run never leaves half a file behind."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path


def write_report(text: str, path: str | os.PathLike[str]) -> Path:
    """Write `text` to `path` atomically: a temporary file beside it, then `os.replace`.

    The temporary file sits in the same directory so the rename never crosses file systems; if
    anything fails before the rename, the previous report is left untouched. Missing parent
    directories are created (`reports/` may not exist in a fresh clone).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # A run killed mid-write (SIGKILL leaves no chance to clean up) leaves its temporary file behind.
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


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
