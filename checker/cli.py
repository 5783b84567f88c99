"""The `figcheck` command line (Typer).

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config, rule-pack
or input error; 130 interrupted. Heavy modules are imported inside the commands that need them,
so `figcheck --help` and a lint of one short article start quickly.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.version import __version__
from checker.report import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    name="figcheck",
    help="Lint documents for figures that do not add up: currency conversions, unit conversions, arithmetic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help="List, document, validate and test rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    sys.stderr.write(f"figcheck: error: {message}\n")
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"figcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """figcheck: catch wrong figures before they are published."""


# --------------------------------------------------------------------------------------- lint


@app.command()
def lint(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, directories (searched recursively) or - for stdin.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)} (default: rich).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (atomically) instead of stdout.")] = None,
    date: Annotated[Optional[str], typer.Option(help="As-of date YYYY-MM-DD for exchange rates; overrides the documents' own dates.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="An extra rule pack (YAML); may be repeated.")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="Exit 1 when a finding is at or above: error (default), warning, info, never.")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Run only these rule ids; may be repeated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Do not run these rule ids; may be repeated.")] = None,
    rates: Annotated[Optional[Path], typer.Option("--rates", help="A fresher ECB history (zip/CSV) or a CSV of date,currency,rate.")] = None,
    show_unparsed: Annotated[bool, typer.Option("--show-unparsed", help="List amount-like strings that could not be interpreted.")] = False,
    no_default_rules: Annotated[bool, typer.Option("--no-default-rules", help="Do not load rules/default.yaml.")] = False,
    include: Annotated[Optional[list[str]], typer.Option("--include", help="Only files matching this glob (gitignore syntax) when walking directories.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="Skip files matching this glob (gitignore syntax).")] = None,
    field: Annotated[Optional[str], typer.Option("--field", help="In JSON/JSONL exports, the field holding the body text (dotted path).")] = None,
    date_field: Annotated[Optional[str], typer.Option("--date-field", help="In JSON/JSONL exports, the field holding the publication date.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes to lint files on (default: every core); output is the same.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this config file (YAML or pyproject.toml) instead of searching upward for one.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Accept the findings recorded in FILE; fail only on new ones.")] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline", help="Record the current findings in the --baseline FILE and exit 0.")] = False,
    diff: Annotated[Optional[str], typer.Option("--diff", help="Report only findings on lines changed since this git ref (e.g. origin/main).")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the certain fixes (a unit stated twice, house style) to the files, then report the rest.")] = False,
) -> None:
    """Check documents and report the figures that do not add up."""
    from checker.parallel import default_jobs
    from checker.progress import wants_progress
    from checker.report import render, wants_color, write_report
    from checker.run import USER_ERRORS, LintRequest, run_lint

    request = LintRequest(
        paths=paths or ["."], date=date, rules=rules or (), default_rules=not no_default_rules,
        select=select or (), ignore=ignore or (), rates=rates, include=include or (), exclude=exclude or (),
        field=field, date_field=date_field, config=config if config is not None else "discover",
        format=format, fail_on=fail_on, jobs=jobs or default_jobs(), diff=diff, baseline=baseline,
        write_baseline=write_baseline,
        progress=wants_progress(report_to_stdout=output is None) and _many_files(paths or ["."]),
    )
    try:
        run = run_lint(request)
    except USER_ERRORS as exc:
        _fail(str(exc))
    for message in run.messages:
        sys.stderr.write(f"figcheck: {message}\n")
    if run.baseline_written:
        raise typer.Exit(EXIT_OK)
    if fix:
        from checker.fix.session import apply_to_files, certain_plan, fixed_findings

        fixed = apply_to_files(certain_plan(run.result.findings))
        run.result.findings = fixed_findings(run.result.findings, fixed)
        sys.stderr.write(f"figcheck: {fixed.summary()}\n")
    text = render(
        run.result, run.format, _rule_infos(run.rules),
        color=output is None and wants_color(sys.stdout),
        width=_terminal_width() if output is None else None,
        show_unparsed=show_unparsed,
    )
    if output is not None:
        write_report(text, output)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    raise typer.Exit(_exit_code(run.result, run.fail_on))


def _many_files(paths: list[str]) -> bool:
    return len(paths) > 1 or any(os.path.isdir(p) for p in paths)


def _exit_code(result, fail_on: str) -> int:
    from checker.findings import Severity

    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.of(fail_on)
    return EXIT_FINDINGS if any(Severity.of(f.severity) >= threshold for f in result.findings) else EXIT_OK


def _terminal_width() -> int | None:
    if not sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size().columns
    except OSError:
        return None


def _rule_infos(loaded) -> dict:
    from checker.report import RuleInfo

    return {
        r.id: RuleInfo(
            id=r.id,
            kind=r.kind.name,
            severity=r.rule.severity,
            summary=(r.rule.description or r.kind.summary).strip().split("\n")[0],
            help=r.kind.doc,
        )
        for r in loaded
    }


# ------------------------------------------------------------------------- fix, serve, server
from checker.fix.command import fix as _fix_command  # noqa: E402  (each command in its own module)

from checker.serve.command import serve as _serve_command  # noqa: E402

app.command("fix")(_fix_command)
from checker.lsp.command import server as _server_command  # noqa: E402

app.command("serve")(_serve_command)
app.command("server")(_server_command)

# -------------------------------------------------------------------------------------- audit


@app.command()
def audit(
    inputs: Annotated[list[str], typer.Argument(help="Folders, globs ('archive/**/*.jsonl') or files.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for part-NNNNN.jsonl|parquet and _summary.json.")] = Path("audit-findings"),
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or parquet (needs pyarrow).")] = "jsonl",
    scheduler: Annotated[str, typer.Option("--scheduler", help="processes, threads or synchronous (local), or a Dask scheduler ADDRESS (tcp://host:8786).")] = "processes",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Local worker processes (default: every core).")] = None,
    files_per_partition: Annotated[Optional[int], typer.Option("--files-per-partition", min=1, help="Files per Dask task (default: from the archive's size).")] = None,
    date: Annotated[Optional[str], typer.Option(help="As-of date YYYY-MM-DD; overrides the documents' own dates.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="An extra rule pack (YAML); may be repeated.")] = None,
    field: Annotated[Optional[str], typer.Option("--field", help="In JSON/JSONL exports, the field holding the body text (dotted path).")] = None,
    date_field: Annotated[Optional[str], typer.Option("--date-field", help="In JSON/JSONL exports, the field holding the publication date.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace the output of an earlier audit in --output.")] = False,
) -> None:
    """Run the lint checks over a whole archive with Dask; write partitioned findings and a summary."""
    from checker.audit import AuditError, audit as run
    from checker.parallel import RuleSpec, default_jobs
    from checker.pipeline import LintOptions
    from checker.run import USER_ERRORS, parse_date

    try:
        summary = run(inputs, output, format=format, scheduler=scheduler, workers=jobs or default_jobs(),
                      rules=RuleSpec(tuple(str(p) for p in rules or [])), options=LintOptions(date=parse_date(date)),
                      field=field, date_field=date_field, files_per_partition=files_per_partition,
                      overwrite=overwrite)
    except (AuditError, *USER_ERRORS) as exc:
        _fail(str(exc))
    counts = summary["summary"]
    print(f"{summary['files']} files, {summary['documents']} documents, {summary['partitions']} partitions: "
          f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos "
          f"({summary['amounts']} amounts, {summary['relations']} relations)")
    for rule, count in summary["rules"].items():
        print(f"  {rule}: {count}")
    if summary["skipped"]:
        print(f"  skipped {len(summary['skipped'])} unreadable files (listed in {output / '_summary.json'})")
    print(f"findings: {output}/part-*.{format}")


# ------------------------------------------------------------------------------------ extract


@app.command()
def extract(
    path: Annotated[Optional[str], typer.Argument(help="A text file, or - (default) for stdin.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    jsonl: Annotated[Optional[Path], typer.Option("--jsonl", help="Read one JSON string per line; print one JSON object per line.")] = None,
) -> None:
    """Show every amount figcheck reads in a text, with its value, unit and currency."""
    from checker.extract import extract as extract_quantities

    if format not in ("table", "json"):
        _fail(f"unknown --format {format!r}; choose table or json")
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
    from rich.table import Table

    table = Table(title=f"{len(quantities)} amounts", show_lines=False)
    for column in ("text", "line:col", "value", "currency/unit", "hedge", "precision"):
        table.add_column(column)
    for quantity in quantities:
        line = text.count("\n", 0, quantity.start) + 1
        column = quantity.start - (text.rfind("\n", 0, quantity.start) + 1) + 1
        value = f"{quantity.value:,.6g}" + (f" – {quantity.high:,.6g}" if quantity.high is not None else "")
        unit = quantity.currency or quantity.unit or ""
        if len(quantity.alternatives) > 1:
            unit += f" (or {', '.join(quantity.alternatives[1:])})"
        table.add_row(quantity.text, f"{line}:{column}", value, unit, quantity.hedge or "", f"{quantity.sig_digits} sig.")
    Console().print(table)


def _extract_jsonl(path: Path, extract_quantities) -> None:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot read: {exc.strerror or exc}")
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)
            except json.JSONDecodeError as exc:
                _fail(f"{path}:{number}: not a JSON string ({exc.msg})")
            if not isinstance(text, str):
                _fail(f"{path}:{number}: expected a JSON string")
            quantities = extract_quantities(text)
            sys.stdout.write(json.dumps({"quantities": [q.as_json() for q in quantities]}, ensure_ascii=False) + "\n")


def _read_input(path: str | None) -> str:
    from checker.documents.decoding import decode_bytes

    if path in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            _fail(f"{path}: is a directory; extract reads one file")
        except OSError as exc:
            _fail(f"{path}: cannot read: {exc.strerror or exc}")
    text, _notes = decode_bytes(data)
    return text


# -------------------------------------------------------------------------------------- rates


@app.command("rates")
def rates_command(
    base: Annotated[str, typer.Argument(help="Currency converted from, e.g. CNY.")],
    quote: Annotated[str, typer.Argument(help="Currency converted to, e.g. USD.")],
    date: Annotated[Optional[str], typer.Option(help="As-of date YYYY-MM-DD (default: the table's last day).")] = None,
    window: Annotated[int, typer.Option(help="Days before the date whose rates a check accepts.")] = 90,
    rates: Annotated[Optional[Path], typer.Option("--rates", help="A fresher ECB history or a CSV of date,currency,rate.")] = None,
) -> None:
    """Print the exchange rate figcheck uses for a pair on a date, with its date and source."""
    from checker.run import BadDate, parse_date
    from checker.rates import NoRate, RatesError, RateTable

    try:
        as_of = parse_date(date)
        table = RateTable.from_file(rates, extend=RateTable.shipped()) if rates else RateTable.shipped()
    except (BadDate, RatesError) as exc:
        _fail(str(exc))
    base, quote = base.upper(), quote.upper()
    for currency in (base, quote):
        if currency not in table.currencies:
            _fail(f"unknown currency {currency!r}; the table has: {', '.join(table.currencies)}")
    result = table.window(base, quote, as_of, days=window)
    if isinstance(result, NoRate):
        _fail(f"no rate: {result.reason}", EXIT_FINDINGS)
    print(f"1 {base} = {result.latest:.6g} {quote}   (1 {quote} = {1 / result.latest:.6g} {base})")
    print(f"rate date: {result.latest_date.isoformat()}")
    print(f"window:    {result.first_date.isoformat()} .. {result.latest_date.isoformat()}  "
          f"range {result.low:.6g} .. {result.high:.6g} {quote} per {base}")
    print(f"source:    {result.source}")
    if result.note:
        print(f"note:      {result.note}")


# -------------------------------------------------------------------------------------- rules


@rules_app.command("list")
def rules_list(
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="An extra rule pack; may be repeated.")] = None,
) -> None:
    """List the rules that would run, and every check kind available."""
    from checker.kinds.base import all_kinds

    loaded = _load_or_fail(rules)
    width = max((len(r.id) for r in loaded), default=10) + 2
    print(f"rules ({len(loaded)}):")
    for rule in loaded:
        kind = "" if rule.kind.name == rule.id else f" [{rule.kind.name}]"
        summary = (rule.rule.description or rule.kind.summary).strip().split("\n")[0]
        print(f"  {rule.id:<{width}}{rule.rule.severity:<9}{summary}{kind}  ({Path(rule.origin).name})")
    kinds = all_kinds()
    width = max(len(name) for name in kinds) + 2
    print(f"\ncheck kinds ({len(kinds)}):")
    for name, kind in kinds.items():
        print(f"  {name:<{width}}{kind.summary}")


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="A rule id (or a check kind name).")],
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="An extra rule pack; may be repeated.")] = None,
) -> None:
    """Print a rule's documentation, parameters (with defaults) and examples."""
    from checker.kinds.base import get_kind

    loaded = {r.id: r for r in _load_or_fail(rules)}
    rule = loaded.get(rule_id)
    kind = rule.kind if rule else get_kind(rule_id)
    if kind is None:
        _fail(f"no rule or check kind named {rule_id!r}; see `figcheck rules list`")
    print(f"{rule_id}" + (f"  (kind: {kind.name}, severity: {rule.rule.severity}, from {rule.origin})" if rule else "  (check kind)"))
    print()
    print(kind.doc)
    print()
    print("parameters:")
    current = rule.params.model_dump() if rule else {}
    for name, info in kind.params.model_fields.items():
        value = current.get(name, info.default)
        print(f"  {name}: {json.dumps(value, default=str)}" + (f"    # {info.description}" if info.description else ""))
    if rule and rule.rule.examples:
        print()
        print("examples:")
        for snippet in rule.rule.examples.bad:
            print(f"  bad:  {snippet}")
        for snippet in rule.rule.examples.good:
            print(f"  good: {snippet}")


@rules_app.command("validate")
def rules_validate(
    files: Annotated[list[Path], typer.Argument(help="Rule pack files to validate.")],
) -> None:
    """Validate rule packs; exit 2 with the file, line and field of the first problem."""
    from checker.engine.packs import PackError, load_pack

    for file in files:
        try:
            loaded = load_pack(file)
        except PackError as exc:
            _fail(str(exc))
        print(f"{file}: ok ({len(loaded)} rules)")


@rules_app.command("test")
def rules_test(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Rule packs whose examples to run (default: the default pack).")] = None,
) -> None:
    """Run every rule's examples: a bad one must raise a finding, a good one none."""
    from checker.engine.packs import PackError, default_pack_path, load_pack
    from checker.engine.rule_examples import run_examples

    failures = 0
    total = 0
    for file in files or [default_pack_path()]:
        try:
            loaded = load_pack(file)
        except PackError as exc:
            _fail(str(exc))
        for outcome in run_examples(loaded):
            total += 1
            mark = "ok  " if outcome.passed else "FAIL"
            failures += not outcome.passed
            print(f"{mark} {outcome.rule} {outcome.expectation}: {outcome.snippet}")
            if not outcome.passed:
                print(f"     {outcome.detail}")
    print(f"{total - failures} passed, {failures} failed")
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


def _load_or_fail(rules):
    from checker.engine.packs import load_rules
    from checker.engine.yaml_source import YamlError

    try:
        return load_rules([str(p) for p in rules or []])
    except YamlError as exc:
        _fail(str(exc))


# --------------------------------------------------------------------------------------- main


def main() -> None:
    """Entry point: run the app so that no traceback ever reaches the user.

    Ctrl-C exits 130 with one line. A reader that goes away (`figcheck lint ... | head`) ends the
    run quietly with exit 1, as Typer/Click already do inside the app, so a `set -o pipefail`
    gate never mistakes a truncated report for a clean one. Anything unexpected is one line and
    exit 2; set FIGCHECK_DEBUG=1 to see the traceback.
    """
    try:
        app()
    except SystemExit as exit_:
        if exit_.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent exit 130
            sys.stderr.write("figcheck: interrupted\n")
        raise
    except KeyboardInterrupt:
        sys.stderr.write("figcheck: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except RecursionError:
        sys.stderr.write("figcheck: error: input nested too deeply to process\n")
        sys.exit(EXIT_USAGE)
    except MemoryError:
        sys.stderr.write("figcheck: error: out of memory\n")
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 (the last line of defence: one line, not a traceback)
        if os.environ.get("FIGCHECK_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:300]
        sys.stderr.write(f"figcheck: internal error: {type(exc).__name__}: {detail} "
                         "(please report it; FIGCHECK_DEBUG=1 shows the traceback)\n")
        sys.exit(EXIT_USAGE)


EXIT_BROKEN_PIPE = 1  # what Click exits with on EPIPE inside the app; the same when it escapes later


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
