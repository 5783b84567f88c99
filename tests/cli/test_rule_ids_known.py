"""Every rule id figcheck can emit is one the user can name: `--select`/`--ignore` accept it,
`rules list` lists it and `rules show` documents it.

The ids a rule pack does not define — notes from the loaders and the pipeline — are found by
reading checker/'s source (every `Note(...)` and `_plain_finding(...)`), so a new note that is
not added to `checker.builtin_rules` fails here rather than as "unknown rule id" for a user.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.builtin_rules import BUILTIN_RULES
from checker.cli import app
from checker.engine.packs import load_rules
from checker.plan import BadRequest, LintRequest, plan_lint

ROOT = Path(__file__).resolve().parents[2]
# call name -> position of its rule id argument (and the keyword it may be passed as)
EMITTERS = {"Note": (0, "rule"), "_plain_finding": (2, "rule"), "_note": (1, "rule")}


def _strings(node: ast.AST | None) -> set[str]:
    """The string values an expression can take: a literal, or either branch of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_strings(v) for v in node.values))
    return set()


def emitted_rule_ids() -> dict[str, str]:
    """Rule id -> where it is emitted, for every literal id passed to an emitter in checker/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "checker").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            assigned: dict[str, set[str]] = {}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, set()).update(_strings(node.value))
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name not in EMITTERS:
                    continue
                position, keyword = EMITTERS[name]
                argument = node.args[position] if len(node.args) > position else next(
                    (k.value for k in node.keywords if k.arg == keyword), None)
                if isinstance(argument, ast.Name):
                    ids = assigned.get(argument.id, set())
                else:  # a literal; an attribute (n.rule) is passed through and counted where it is made
                    ids = _strings(argument)
                for rule_id in ids:
                    found.setdefault(rule_id, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


EMITTED = emitted_rule_ids()
PACK_IDS = sorted(r.id for r in load_rules())
EVERY_ID = sorted(set(PACK_IDS) | set(BUILTIN_RULES))


def test_the_source_scan_finds_the_notes_named_in_the_issue():
    assert {"invalid-utf8", "unparsed-markup", "bad-front-matter", "parse-timeout", "unused-suppression"} <= set(EMITTED)


def test_every_emitted_id_is_in_the_one_list_and_the_list_has_no_stale_id():
    missing = {rule_id: where for rule_id, where in EMITTED.items() if rule_id not in BUILTIN_RULES}
    assert not missing, f"add these to checker/builtin_rules.py: {missing}"
    assert set(BUILTIN_RULES) <= set(EMITTED), "checker/builtin_rules.py names an id nothing emits"


@pytest.mark.parametrize("rule_id", EVERY_ID)
def test_select_and_ignore_accept_every_rule_id(rule_id, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("It raised 600 billion yuan ($8.5 billion).\n", encoding="utf-8")
    for request in (LintRequest(paths=[str(article)], select=[rule_id], config=None),
                    LintRequest(paths=[str(article)], ignore=[rule_id], config=None)):
        plan = plan_lint(request)
        assert plan.selection.for_path(str(article)).wants(rule_id) == bool(request.select)


def test_an_unknown_id_is_still_refused(tmp_path):
    with pytest.raises(BadRequest, match="unknown rule id"):
        plan_lint(LintRequest(paths=[str(tmp_path)], ignore=["invalid-utf9"], config=None))


def test_the_command_line_ignores_every_built_in_id_at_once(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"The fund got 600 billion yuan ($8.5 billion) \xff.\n")
    args = [a for rule_id in BUILTIN_RULES for a in ("--ignore", rule_id)]
    run = subprocess.run([sys.executable, "-m", "checker", "lint", str(article), "--format", "json", *args],
                         capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stderr  # the conversion error, and no "unknown rule id"
    assert "invalid-utf8" not in run.stdout and '"currency-conversion"' in run.stdout


def test_rules_list_names_every_rule_id():
    result = CliRunner().invoke(app, ["rules", "list"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.splitlines() if line.startswith("  ")}
    assert set(EVERY_ID) <= listed


@pytest.mark.parametrize("rule_id", EVERY_ID)
def test_rules_show_documents_every_rule_id(rule_id):
    result = CliRunner().invoke(app, ["rules", "show", rule_id])
    assert result.exit_code == 0, result.output
    first, _blank, summary, *_rest = result.output.splitlines()
    assert first.startswith(rule_id + "  ")
    assert summary.strip(), "a one-line summary follows the heading"
