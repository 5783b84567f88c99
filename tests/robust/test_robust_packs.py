"""Rule packs are untrusted: they can choose and parameterise kinds, never run code or hang a run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from checker.api import lint_text
from checker.engine.packs import PackError, load_pack
from checker.yaml_source import MAX_BYTES, MAX_DEPTH, YamlError, load_yaml

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def pack_error(path: Path) -> str:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return str(caught.value)


# --------------------------------------------------------------------------- no code execution


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:subprocess.Popen {{args: ['touch', '{marker}']}}",
])
def test_python_tags_are_rejected_and_run_nothing(tmp_path, tag):
    marker = tmp_path / "pwned"
    path = write(tmp_path, f"rules:\n  - id: x\n    kind: pattern\n    params: {tag.format(marker=marker)}\n")
    message = pack_error(path)
    assert message.startswith(f"{path}:4:"), message
    assert "invalid YAML" in message
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["os.system", "checker.kinds.pattern.PatternCheck", "./evil.py", "builtins:eval"])
def test_a_kind_must_be_a_registered_name_not_code(tmp_path, kind):
    (tmp_path / "evil.py").write_text(f"open({str(tmp_path / 'pwned')!r}, 'w').close()\n")
    path = write(tmp_path, f"rules:\n  - id: x\n    kind: '{kind}'\n")
    message = pack_error(path)
    assert message.startswith(f"{path}:3:"), message
    assert "unknown check kind" in message
    assert not (tmp_path / "pwned").exists()


# ------------------------------------------------------------------------------------- limits


def test_deep_flow_nesting_is_refused_without_overflowing_the_stack(tmp_path):
    path = write(tmp_path, "rules: " + "[" * 30_000 + "]" * 30_000 + "\n")
    assert f"nested deeper than {MAX_DEPTH} levels" in pack_error(path)


def test_deep_block_nesting_is_refused(tmp_path):
    lines = [" " * i + f"k{i}:" for i in range(MAX_DEPTH + 5)]
    path = write(tmp_path, "\n".join(lines) + " 1\n")
    assert "nested deeper" in pack_error(path)


def test_a_pack_larger_than_the_limit_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\nrules: []\n")
    assert "refusing to parse" in pack_error(path)


def test_an_alias_bomb_of_mappings_fails_fast(tmp_path):
    lines = ["a0: &a0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}"]
    for level in range(1, 12):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    path = write(tmp_path, "\n".join(lines) + "\nrules: []\n")
    assert "alias bomb" in pack_error(path)


@pytest.mark.parametrize("content", [b"\xff\xfe\x00r\x00u", b"\x00" * 100, b"rules: [\x80]"])
def test_binary_or_non_utf8_packs_are_errors(tmp_path, content):
    path = tmp_path / "pack.yaml"
    path.write_bytes(content)
    assert pack_error(path).startswith(str(path))


def test_a_directory_named_as_a_pack_is_an_error(tmp_path):
    with pytest.raises(YamlError, match="is a directory"):
        load_yaml(tmp_path)


# --------------------------------------------------------------------------- extends resolution


def test_extends_is_relative_to_the_naming_file_not_the_working_directory(tmp_path, monkeypatch):
    write(tmp_path, "rules:\n  - id: base-pattern\n    kind: pattern\n    params: {patterns: [x]}\n", "packs/base.yaml")
    write(tmp_path, "extends: base.yaml\nrules: []\n", "packs/child.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write(tmp_path, "rules: []\n", "elsewhere/base.yaml")  # a decoy beside the working directory
    monkeypatch.chdir(elsewhere)
    assert [r.id for r in load_pack(tmp_path / "packs/child.yaml")] == ["base-pattern"]


@pytest.mark.parametrize("target", ["/etc/passwd", ".", "../../../../../../../../nonexistent.yaml"])
def test_extends_to_something_that_is_not_a_pack_names_file_and_line(tmp_path, target):
    path = write(tmp_path, f"rules: []\nextends:\n  - '{target}'\n")
    message = pack_error(path)
    assert re.match(r"^[^:]+:\d+: ", message), message  # a file and a line, whichever file is at fault


def test_a_long_extends_chain_is_an_error_not_a_crash(tmp_path):
    length = 3000
    for index in range(length):
        parent = f"extends: p{index + 1}.yaml\n" if index + 1 < length else ""
        (tmp_path / f"p{index}.yaml").write_text(parent + "rules: []\n")
    try:
        load_pack(tmp_path / "p0.yaml")
    except PackError as exc:
        assert str(exc).startswith(str(tmp_path))


# ----------------------------------------------------------------------------- pattern regexes


def pattern_pack(tmp_path: Path, patterns: list[str], **params) -> Path:
    import json

    extra = "".join(f"      {key}: {json.dumps(value)}\n" for key, value in params.items())
    return write(tmp_path, "rules:\n  - id: my-pattern\n    kind: pattern\n    severity: warning\n"
                 f"    params:\n      patterns: {json.dumps(patterns)}\n" + extra)


def test_pattern_flags_each_match_at_its_place(tmp_path):
    pack = pattern_pack(tmp_path, [r"\bwhopping\b"], ignore_case=True, message="avoid '{match}'")
    line = "The deal was a Whopping $5 billion, a whopping sum."
    findings = [f for f in lint_text("A first line.\n\n" + line, rules=[pack]) if f.rule == "my-pattern"]
    first, second = line.index("Whopping") + 1, line.index("whopping") + 1
    assert [(f.line, f.column, f.end_column, f.message) for f in findings] == [
        (3, first, first + 8, "avoid 'Whopping'"), (3, second, second + 8, "avoid 'whopping'")]


def test_pattern_is_case_sensitive_unless_told(tmp_path):
    pack = pattern_pack(tmp_path, ["whopping"])
    assert not [f for f in lint_text("A WHOPPING sum.", rules=[pack]) if f.rule == "my-pattern"]


def test_an_invalid_regex_is_a_pack_error_with_file_line_and_index(tmp_path):
    path = write(tmp_path, """\
        rules:
          - id: broken
            kind: pattern
            params:
              patterns:
                - fine
                - "(unclosed"
        """)
    message = pack_error(path)
    assert message.startswith(f"{path}:7:"), message
    assert "rules[0].params.patterns[1]" in message and "invalid regular expression" in message


def test_a_catastrophic_pattern_is_an_error_naming_the_rule_not_a_hang(tmp_path):
    pack = pattern_pack(tmp_path, ["(a+)+$"], timeout_seconds=0.2)
    text = "\n\n".join(["a" * 5000 + "!"] * 4)
    findings = [f for f in lint_text(text, rules=[pack]) if f.rule == "my-pattern"]
    assert len(findings) == 1  # given up after the first paragraph, not 4 x the timeout
    (finding,) = findings
    assert finding.severity == "error"
    assert "my-pattern" in finding.message and "(a+)+$" in finding.message
    assert finding.evidence["timeout"] is True


def test_a_catastrophic_pattern_through_the_cli_exits_1_with_a_finding(tmp_path):
    pack = pattern_pack(tmp_path, ["(a|aa)+$"], timeout_seconds=0.2)
    doc = tmp_path / "doc.txt"
    doc.write_text("a" * 5000 + "!\n")
    run = subprocess.run([sys.executable, "-m", "checker", "lint", str(doc), "--rules", str(pack),
                          "--no-default-rules", "--format", "json", "-j", "1"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         timeout=120)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert '"timeout": true' in run.stdout


def test_a_pattern_rule_without_patterns_can_never_fire(tmp_path):
    path = write(tmp_path, "rules:\n  - id: empty\n    kind: pattern\n")
    assert "can never fire" in pack_error(path)


# ------------------------------------------------------------------------------ message templates


def test_a_message_template_cannot_allocate_without_bound(tmp_path):
    """`{message:>999999999}` in a rule's message would build a gigabyte string per finding."""
    path = write(tmp_path, """\
        rules:
          - id: fx
            kind: currency-conversion
            message: "{message:>20000000}"
        """)
    findings = lint_text("It cost 600 billion yuan ($8.5 billion).", rules=[path], date="2025-04-15")
    assert all(len(f.message) < 100_000 for f in findings)
