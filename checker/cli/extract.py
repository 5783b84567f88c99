"""`figcheck extract`: every amount figcheck reads in a text, with its value, unit and currency."""

from __future__ import annotations

import json
from dataclasses import replace
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.options import fail


def extract(
    path: Annotated[Optional[str], typer.Argument(metavar="PATH", help="A text file, or - (default) for stdin.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="[table|json]", help="table or json.")] = "table",
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", metavar="FILE", help="Read one JSON string per line; print one JSON object per line.")] = None,
) -> None:
    """Show every amount figcheck reads in a text, with its value, unit and currency."""
    extract_quantities = _extract_as_read

    if format not in ("table", "json"):
        fail(f"unknown --format {format!r}; choose table or json")
    if jsonl is not None:
        _extract_jsonl(jsonl, extract_quantities)
        return
    text = _read_input(path)
    quantities = extract_quantities(text)
    if format == "json":
        json.dump({"quantities": [q.as_json() for q in quantities]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    from rich.console import Console

    from checker.report.listings import quantity_table

    Console().print(quantity_table(text, quantities))


def _extract_jsonl(path: Path, extract_quantities) -> None:
    """One JSON string a line. Only a regular file is read (a FIFO would block and /dev/zero, one
    endless line, fill the memory), a line at most MAX_EXTRACT_BYTES long, as `_read_input` reads one."""
    import os
    import stat

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror or exc}")
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        what = "a directory" if stat.S_ISDIR(mode) else "not a regular file (a FIFO or a device)"
        fail(f"{path}: is {what}; --jsonl reads a file of JSON strings")
    with os.fdopen(descriptor, "rb") as handle:
        number = 0
        while line := handle.readline(MAX_EXTRACT_BYTES + 1):
            number += 1
            if len(line) > MAX_EXTRACT_BYTES:
                fail(f"{path}:{number}: a line longer than {MAX_EXTRACT_BYTES // 1_000_000} MB; one article a line")
            if not line.strip():
                continue
            try:
                text = json.loads(line)
            except UnicodeDecodeError:
                fail(f"{path}:{number}: not UTF-8 text")
            except json.JSONDecodeError as exc:
                fail(f"{path}:{number}: not a JSON string ({exc.msg})")
            if not isinstance(text, str):
                fail(f"{path}:{number}: expected a JSON string")
            quantities = extract_quantities(text)
            sys.stdout.write(json.dumps({"quantities": [q.as_json() for q in quantities]}, ensure_ascii=False) + "\n")


def _extract_as_read(text: str) -> list:
    """The amounts of `text` read as lint reads it (invisible characters dropped, look-alike spaces
    and digits settled; see checker/documents/reading.py), with offsets into `text` itself."""
    from checker.documents.reading import read_text
    from checker.resolve import extract_resolved

    settled, original = read_text(text)
    quantities = extract_resolved(settled)
    if settled is text:
        return quantities
    mapped = []
    for quantity in quantities:
        start, end = original(quantity.start), original(max(quantity.end - 1, quantity.start)) + 1
        mapped.append(replace(quantity, start=start, end=end, text=text[start:end]))
    return mapped


MAX_EXTRACT_BYTES = 200_000_000


def _read_input(path: str | None) -> str:
    from checker.documents.decoding import decode_bytes
    from checker.documents.loader import format_of

    if path in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        from checker.safety import read_regular_file

        try:  # a FIFO would block and /dev/zero never end: only a regular file is read
            data = read_regular_file(path, MAX_EXTRACT_BYTES)
        except IsADirectoryError:
            fail(f"{path}: is a directory; extract reads one file")
        except OSError as exc:
            fail(f"{path}: cannot read: {exc.strerror or exc}")
        if len(data) > MAX_EXTRACT_BYTES:
            fail(f"{path}: larger than {MAX_EXTRACT_BYTES // 1_000_000} MB; extract reads one article (lint streams "
                 "large files)")
    text, _notes = decode_bytes(data, html=path not in (None, "-") and format_of(path) == "html")
    return text


def register(app: typer.Typer) -> None:
    app.command()(extract)
