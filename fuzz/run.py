"""Run every fuzz target for a bounded time and keep what it found as regression inputs.

    python fuzz/run.py [--seconds 60] [--target extract|rules]...

The time is shared between the targets. Each runs under atheris (installed into this Python's
environment if missing; it is a fuzzing tool, not a figcheck dependency) with the saved corpus in
tests/fuzz_corpus/TARGET/ as its seeds. Afterwards the inputs that reached new code are merged
into that directory, and any input that crashed is saved there as crash-*: the normal test suite
replays them all (tests/robust/test_robust_fuzz_corpus.py). Exit status 1 when a target crashed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fuzz_corpus"
TARGETS = ("extract", "rules")
MAX_LEN = 4096  # short inputs keep the saved corpus small; blocks are cut far above this anyway


def ensure_atheris() -> None:
    if importlib.util.find_spec("atheris") is None:
        print(f"fuzz: atheris is not installed; installing it into {sys.prefix} (pip install atheris)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "atheris"], check=True)


def libfuzzer(target: str, *args: str) -> int:
    command = [sys.executable, str(ROOT / "fuzz" / "atheris_main.py"), *args]
    # libFuzzer's -merge re-runs argv[0] itself: its `#!/usr/bin/env python3` must find this Python.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "PATH": path, "FIGCHECK_FUZZ_TARGET": target}).returncode


def fuzz(target: str, seconds: int) -> bool:
    """Fuzz one target; True when it ran clean."""
    saved = CORPUS / target
    saved.mkdir(parents=True, exist_ok=True)
    before = {p.name for p in saved.iterdir()}
    with tempfile.TemporaryDirectory(prefix=f"figcheck-fuzz-{target}-") as work:
        status = libfuzzer(target, f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=2048",
                           f"-max_len={MAX_LEN}", f"-artifact_prefix={saved}/crash-", "-print_final_stats=1",
                           work, str(saved))
        if status == 0:
            libfuzzer(target, "-merge=1", f"-max_len={MAX_LEN}", str(saved), work)
    added = sorted({p.name for p in saved.iterdir()} - before)
    crashes = [name for name in added if name.startswith(("crash-", "timeout-", "oom-", "leak-"))]
    print(f"fuzz: {target}: {'CRASHED' if crashes else 'clean'} after {seconds} s; "
          f"{len(added)} new input(s) kept in {saved.relative_to(ROOT)}/" + (f": {', '.join(crashes)}" if crashes else ""),
          flush=True)
    return status == 0 and not crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="total fuzzing time, shared by the targets")
    parser.add_argument("--target", action="append", choices=TARGETS, help="fuzz only this target (repeatable)")
    options = parser.parse_args()
    targets = options.target or list(TARGETS)
    ensure_atheris()
    share = max(options.seconds // len(targets), 1)
    results = [fuzz(target, share) for target in targets]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
