"""Rule packs: the shipped default loads, and every malformed pack names its file, line and field."""

import textwrap

import pytest

from checker.engine.packs import PackError, default_pack_path, load_pack, load_rules
from checker.kinds.base import all_kinds


def write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_default_pack_enables_currency_conversion():
    rules = {r.id: r for r in load_rules()}
    assert rules["currency-conversion"].kind.name == "currency-conversion"
    assert rules["currency-conversion"].rule.severity == "error"
    assert default_pack_path().name == "default.yaml"


def test_every_builtin_kind_is_documented():
    for name, kind in all_kinds().items():
        assert kind.doc, f"{name} has no documentation"


@pytest.mark.parametrize(
    "text, line, needle",
    [
        (
            """\
            rules:
              - id: fx
                kind: currency-conversion
                severity: fatal
            """,
            4, "rules[0].severity",
        ),
        (
            """\
            rules:
              - id: fx
                kind: no-such-kind
            """,
            3, "unknown check kind 'no-such-kind'",
        ),
        (
            """\
            rules:
              - id: fx
                kind: currency-conversion
                params:
                  tolerance: lots
            """,
            5, "params.tolerance",
        ),
        (
            """\
            rules:
              - id: fx
                kind: currency-conversion
                params:
                  tolerence: 0.1
            """,
            5, "unknown key",
        ),
        (
            """\
            rules:
              - id: fx
                kind: currency-conversion
                colour: red
            """,
            4, "rules[0].colour: unknown key",
        ),
        (
            """\
            rules:
              - id: fx
                kind: currency-conversion
              - id: fx
                kind: currency-conversion
            """,
            4, "defined twice",
        ),
        ("rules: [unclosed\n", 2, "invalid YAML"),
        ("rules:\n  - id: Bad Id!\n    kind: currency-conversion\n", 2, "rules[0].id"),
        ("- just\n- a list\n", 1, "mapping"),
        ("rules:\n  - !!python/object:os.system {}\n", 2, "invalid YAML"),
        ("rules:\n  - id: fx\n    kind: currency-conversion\n    examples:\n      date: 2025-02-30\n", 5, "invalid value"),
    ],
)
def test_malformed_packs_name_file_line_and_field(tmp_path, text, line, needle):
    path = write(tmp_path, text)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert needle in message


def test_billion_laughs_fails_fast(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("rules: []")
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(PackError, match="alias bomb"):
        load_pack(path)


def test_extends_resolves_relative_to_the_naming_file(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "rules:\n  - id: base-fx\n    kind: currency-conversion\n", "sub/base.yaml")
    path = write(tmp_path, "extends: sub/base.yaml\nrules:\n  - id: fx\n    kind: currency-conversion\n")
    assert [r.id for r in load_pack(path)] == ["base-fx", "fx"]


def test_missing_extends_names_the_line(tmp_path):
    path = write(tmp_path, "rules: []\nextends:\n  - nowhere.yaml\n")
    with pytest.raises(PackError, match=r":3: extends: no such rule pack: nowhere.yaml"):
        load_pack(path)


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path, "extends: b.yaml\nrules: []\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\nrules: []\n", "b.yaml")
    with pytest.raises(PackError, match="cycle"):
        load_pack(tmp_path / "a.yaml")


def test_a_user_pack_overrides_a_default_rule_by_id(tmp_path):
    path = write(tmp_path, """\
        rules:
          - id: currency-conversion
            kind: currency-conversion
            severity: warning
            params: {tolerance: 0.2}
        """)
    rules = {r.id: r for r in load_rules([path])}
    assert rules["currency-conversion"].rule.severity == "warning"
    assert rules["currency-conversion"].params.tolerance == 0.2


def test_disabled_rules_do_not_run(tmp_path):
    path = write(tmp_path, "rules:\n  - id: currency-conversion\n    kind: currency-conversion\n    enabled: false\n")
    assert "currency-conversion" not in {r.id for r in load_rules([path])}
