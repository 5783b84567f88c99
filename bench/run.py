"""figcheck's benchmark: throughput against quantulum3, start-up, --jobs speed-up, memory.

    python bench/run.py                       # the README's figures (about 15 minutes on 2 cores)
    python bench/run.py --large-mb 50         # quicker: a 50 MB file for the memory case
    python bench/run.py --skip-large          # no memory case at all
    python bench/run.py --cpu                 # CPU time, not wall time: for a shared, loaded machine
    python bench/run.py --suite-junit suite.xml   # report the suite time a `pytest --junitxml suite.xml` run recorded

Every figcheck figure is measured on the command line as a user runs it (a fresh process,
start-up included), so nothing is warmed up that a user would not have warm. The quantulum3
baseline parses sentence by sentence (it is quadratic on long strings); it is time-boxed by
parsing every Nth sentence of the same text and extrapolating, which the output says.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578"
SEED = ROOT / "seeds" / "000_d4ab128e2416e759.txt"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


@dataclass
class Run:
    """One figcheck process: how long it took, the most memory it held, what it found."""

    seconds: float
    peak_rss_mb: float
    findings: int
    cpu_seconds: float = 0.0  # user + system time of the child: what the run costs on a shared machine


def child_env() -> dict[str, str]:
    """The environment figcheck runs in: this one, with figcheck's tree first on the path and Python
    writing its bytecode as it does by default (a PYTHONDONTWRITEBYTECODE left in the environment
    would make every run compile figcheck's modules from source again, which no user's run does), and
    a cache folder of this run's own: a user's cache holds what one figcheck wrote, where a shared one
    (several checkouts of several versions on one machine) holds megabytes of patterns it never asks for."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if CACHE_DIR is not None:
        env["FIGCHECK_CACHE_DIR"] = CACHE_DIR
    return env


CACHE_DIR: str | None = None  # set by main(): the cache folder every figcheck run of the bench shares


def compile_figcheck() -> None:
    """Write figcheck's bytecode once before anything is timed, as an installed package has it."""
    import compileall

    compileall.compile_dir(ROOT / "checker", quiet=1)


def figcheck(*args: str) -> Run:
    """Run `figcheck ARGS --format json` in a fresh process; peak RSS from wait4 (the child alone)."""
    env = child_env()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "checker", *args, "--format", "json"],
                                   cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        try:
            report = json.load(stdout)
        except ValueError:
            report = None
        if process.returncode not in (0, 1) or not isinstance(report, dict):
            message = stderr.read().decode(errors="replace")
            raise SystemExit(f"figcheck {' '.join(args)} failed ({process.returncode}):\n{message}")
    return Run(seconds, usage.ru_maxrss / 1024, len(report["findings"]), usage.ru_utime + usage.ru_stime)


def corpus_text(corpus: Path) -> str:
    """The text of the files `figcheck lint CORPUS` reads (the default extensions)."""
    sys.path.insert(0, str(ROOT))
    from checker.documents.walk import DEFAULT_EXTENSIONS

    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in DEFAULT_EXTENSIONS)
    return "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def quantulum_rate(text: str, every: int) -> tuple[float, int, int]:
    """Characters per second of quantulum3.parser.parse over every `every`-th sentence."""
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    parser.parse("warm-up: 3 metres and 40 kg")  # its lazy tables load outside the timing
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    sample = sentences[::every]
    chars = sum(len(s) for s in sample)
    started, cpu = time.perf_counter(), time.process_time()
    for sentence in sample:
        try:
            parser.parse(sentence)
        except Exception:  # it raises on some inputs; that time still counts
            pass
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return chars / (CPU_CLOCK and cpu or wall), len(sample), len(sentences)


def write_large_file(path: Path, text: str, megabytes: int) -> int:
    """Real wire copy repeated to `megabytes` MB, written in blocks so this script stays small too."""
    target = megabytes * 1024 * 1024
    block = text.encode("utf-8") + b"\n\n"
    written = 0
    with path.open("wb") as stream:
        while written < target:
            piece = block[: target - written]
            stream.write(piece)
            written += len(piece)
    return written


CPU_CLOCK = False  # --cpu: rates from CPU time (user + system), which a loaded machine does not inflate


def seconds_of(run: Run) -> float:
    return run.cpu_seconds if CPU_CLOCK else run.seconds


def startup_median(runs: int) -> float:
    """Wall time of `figcheck lint SEED` exactly as a pre-commit hook runs it (default format)."""
    figcheck("lint", str(SEED))  # the first run fills the rates cache
    env = child_env()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        before = os.times()
        done = subprocess.run([sys.executable, "-m", "checker", "lint", str(SEED)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        times.append(cpu if CPU_CLOCK else time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"figcheck lint {SEED} failed:\n{done.stderr.decode(errors='replace')}")
    return statistics.median(times)


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


DENSE_PAIR = "600 billion yuan ($8.5 billion), 700 billion yuan ($96 billion); "


SAME_TEXT = "the same wire copy as written:"  # the shapes' own baseline: their text, in one ordinary file


def shape_rates(wire: str, size: int, small_files: int) -> dict[str, float]:
    """chars/s of figcheck (one process, --jobs 1) on text shapes that expose quadratic work:
    back-to-back conversion pairs in paragraphs, the same on one 2 MB line, wire copy with its
    paragraphs joined into one line, wire copy as one long paragraph (its lines kept, the blank
    lines between paragraphs dropped), and wire copy cut into many small files linted as one folder.
    The first is the same wire copy as written, in one file: the shapes' text is the corpus's first
    `size` characters, denser in figures than the corpus as a whole, so each shape is compared with both.
    Compared with wire copy, a ratio near 1 (or above) means linear."""
    pairs = (DENSE_PAIR * 40 + "\n\n") * (size // (len(DENSE_PAIR) * 40 + 2) + 1)
    shapes = {
        SAME_TEXT: wire[:size],
        "dense conversion pairs:": pairs[:size],
        "dense pairs on one line:": (DENSE_PAIR * (size // len(DENSE_PAIR) + 1))[:size],
        "wire copy on one long line:": " ".join(wire[:size].split()),
        "wire copy as one long paragraph:": re.sub(r"\n\s*\n", "\n", wire[:size]),
    }
    rates = {}
    with tempfile.TemporaryDirectory(prefix="figcheck-shapes-") as scratch:
        for label, body in shapes.items():
            path = Path(scratch) / "shape.txt"
            path.write_text(body, encoding="utf-8")
            rates[label] = len(body) / seconds_of(figcheck("lint", str(path), "--jobs", "1", "--date", "2025-04-15"))
        folder = Path(scratch) / "many"
        folder.mkdir()
        piece = max(len(wire[:size]) // small_files, 1)
        chars = 0
        for index in range(small_files):
            body = wire[index * piece : (index + 1) * piece]
            (folder / f"{index:05d}.txt").write_text(body, encoding="utf-8")
            chars += len(body)
        label = f"{small_files:,} small files of wire copy:"
        rates[label] = chars / seconds_of(figcheck("lint", str(folder), "--jobs", "1", "--date", "2025-04-15"))
    return rates


def suite_seconds(report: Path) -> float:
    """The wall time a pytest run recorded in its JUnit XML (`pytest --junitxml FILE`)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(report).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    return sum(float(suite.get("time", 0)) for suite in suites)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles to lint")
    parser.add_argument("--every", type=int, default=20, help="quantulum3 parses every Nth sentence")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--large-mb", type=int, default=500, help="size of the generated file for the memory case")
    parser.add_argument("--skip-large", action="store_true", help="leave out the memory case")
    parser.add_argument("--shape-chars", type=int, default=2_000_000,
                        help="size of each generated dense-pair and long-line text")
    parser.add_argument("--cpu", action="store_true",
                        help="measure CPU time (user + system) instead of wall time: on a shared, loaded "
                             "machine the ratios stay comparable (the --jobs speed-up is still wall time)")
    parser.add_argument("--small-files", type=int, default=2000,
                        help="how many small files the wire copy is cut into for the many-files case")
    parser.add_argument("--suite-seconds", type=float, default=None,
                        help="the test suite's wall time, as measured elsewhere (reported as given)")
    parser.add_argument("--suite-junit", type=Path, default=None,
                        help="a `pytest --junitxml FILE` report whose recorded wall time is reported")
    parser.add_argument("--suite", action="store_true",
                        help="also run and time the whole test suite here (slow; off by default)")
    args = parser.parse_args()
    global CPU_CLOCK
    CPU_CLOCK = args.cpu
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}; name one with --corpus")

    compile_figcheck()
    global CACHE_DIR
    cache = tempfile.TemporaryDirectory(prefix="figcheck-bench-cache-")
    CACHE_DIR = cache.name
    figcheck("lint", str(SEED))  # fills the cache (rates, vocabulary, patterns) as a user's first run does
    print(f"machine: {machine()}")
    text = corpus_text(args.corpus)
    chars = len(text)
    print(f"corpus:  {args.corpus} ({chars:,} characters)")

    serial = figcheck("lint", str(args.corpus), "--jobs", "1")
    parallel = figcheck("lint", str(args.corpus), "--jobs", str(args.jobs))
    figcheck_rate = chars / seconds_of(serial)
    clock = "CPU time" if CPU_CLOCK else "wall time"
    print(f"clock:   {clock}")
    if serial.findings != parallel.findings:
        raise SystemExit("--jobs 1 and --jobs N disagree; the benchmark stops here")
    print(f"figcheck lint --jobs 1:      {seconds_of(serial):7.2f} s  {figcheck_rate:12,.0f} chars/s  "
          f"(one process, start-up included)")
    print(f"figcheck lint --jobs {args.jobs}:      {parallel.seconds:7.2f} s wall  {chars / parallel.seconds:12,.0f} chars/s  "
          f"speed-up {serial.seconds / parallel.seconds:.2f}x")

    rate, sampled, total = quantulum_rate(text, args.every)
    print(f"quantulum3 parser.parse:              {rate:12,.0f} chars/s  "
          f"(sampled every {args.every}th sentence: {sampled:,} of {total:,}; extrapolated, "
          f"whole corpus ≈ {chars / rate / 60:.0f} min)")
    parallel_ratio = "" if CPU_CLOCK else f"  (--jobs {args.jobs}: {chars / parallel.seconds / rate:.1f}x)"
    print(f"throughput ratio (figcheck --jobs 1 / quantulum3): {figcheck_rate / rate:.1f}x{parallel_ratio}")

    print(f"start-up (lint the seed, median of {args.startup_runs}): {startup_median(args.startup_runs):.3f} s")

    shapes = shape_rates(text, args.shape_chars, args.small_files)
    for label, rate_of_shape in shapes.items():
        same = "" if label == SAME_TEXT else f", to the same text as written {rate_of_shape / shapes[SAME_TEXT]:.2f}"
        print(f"{label:<36} {rate_of_shape:12,.0f} chars/s  ratio to wire copy {rate_of_shape / figcheck_rate:.2f}"
              f"{same} (>= 1.0: linear)")
    if args.suite_junit is not None:
        print(f"test suite wall time (from {args.suite_junit}): {suite_seconds(args.suite_junit):7.1f} s")
    elif args.suite_seconds is not None:
        print(f"test suite wall time (as given):     {args.suite_seconds:7.1f} s")
    elif args.suite:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                       env=dict(os.environ, CI="1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"test suite wall time (CI profile):   {time.perf_counter() - started:7.1f} s")

    if args.skip_large:
        return
    with tempfile.TemporaryDirectory(prefix="figcheck-bench-") as scratch:
        large = Path(scratch) / "large.txt"
        size = write_large_file(large, text, args.large_mb)
        big = figcheck("lint", str(large), "--jobs", "1")
    print(f"peak RSS, corpus ({chars / 1e6:.0f} M chars, --jobs 1): {serial.peak_rss_mb:7.1f} MB")
    print(f"peak RSS, generated {size / 2**20:.0f} MB file:        {big.peak_rss_mb:7.1f} MB  "
          f"(difference {big.peak_rss_mb - serial.peak_rss_mb:+.1f} MB; linted in {big.seconds:.0f} s, "
          f"{size / big.seconds:,.0f} bytes/s; {big.findings:,} findings, which are kept for the report)")


if __name__ == "__main__":
    main()
