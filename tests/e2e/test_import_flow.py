"""The data flows one way, and so do the imports: a walk over every `import` in checker/.

    foundation (model, version, safety, dates, yaml_source, pickle_cache, vocab)
      -> rates -> documents -> extract -> resolve -> relate -> kinds -> engine
      -> findings / report -> run / plan (pipeline, parallel, config, selection, ...)
      -> editors (fix, serve, lsp) -> cli

A module may import its own layer or any layer before it, never one after it (imports inside
functions count too; `if TYPE_CHECKING:` blocks do not, they never run). Module-level imports form
no cycle. Nothing below the CLI imports the package facade `checker/__init__.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "checker"

# (layer name, module prefixes), lowest first. A module belongs to the longest prefix it matches.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("checker.version", "checker.model", "checker.safety", "checker.dates",
                    "checker.yaml_source", "checker.vocab", "checker.termination", "checker.pickle_cache",
                    "checker.workpool", "checker.regex_cache", "checker.code_cache", "checker.spans", "checker.empty",
                    "checker.language")),
    ("rates", ("checker.rates",)),
    ("documents", ("checker.documents",)),
    ("extract", ("checker.extract",)),
    ("resolve", ("checker.resolve",)),
    ("relate", ("checker.relate",)),
    ("kinds", ("checker.kinds",)),
    ("engine", ("checker.engine",)),
    ("findings/report", ("checker.findings", "checker.builtin_rules", "checker.report")),
    ("run/plan", ("checker.asof", "checker.config", "checker.selection", "checker.baseline",
                  "checker.gitdiff", "checker.pipeline", "checker.parallel", "checker.plan",
                  "checker.run", "checker.progress", "checker.api", "checker.audit")),
    ("editors", ("checker.fix", "checker.serve", "checker.lsp")),  # fixes, the web page, the language server
    ("cli", ("checker.cli", "checker.launch", "checker.__main__")),
]
FACADE = "checker"
CLI_LAYER = len(LAYERS) - 1


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int | None:
    if module == FACADE:
        return CLI_LAYER  # the facade sits on top, beside the CLI
    best: tuple[int, int] | None = None
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[1]:
                    best = (index, len(prefix))
    return best[0] if best else None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[importer].name == "__init__.py"
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, source: str | None = None) -> list[tuple[str, int, bool]]:
    """(imported checker module, line, at module level) for every import that can run."""
    tree = ast.parse(source if source is not None else MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit_node(other, top)
                continue
            visit_node(child, top)

    def visit_node(child: ast.AST, top: bool) -> None:
        if isinstance(child, ast.Import):
            for alias in child.names:
                if alias.name == FACADE or alias.name.startswith(FACADE + "."):
                    found.append((alias.name, child.lineno, top))
            return
        if isinstance(child, ast.ImportFrom):
            target = _resolve(module, child)
            if target == FACADE or target.startswith(FACADE + "."):
                for alias in child.names:
                    sub = f"{target}.{alias.name}"
                    found.append((sub if sub in MODULES else target, child.lineno, top))
            return
        inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        visit(child, inner)

    visit(tree, True)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_has_a_layer():
    unplaced = [m for m in MODULES if layer_of(m) is None]
    assert not unplaced, f"place these modules in a layer of {__file__}: {unplaced}"


def test_no_import_runs_back_up_the_flow():
    wrong = []
    for module, imports in GRAPH.items():
        here = layer_of(module)
        for target, line, _top in imports:
            there = layer_of(target)
            if here is not None and there is not None and there > here:
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line}: {module} ({LAYERS[here][0]}) "
                             f"imports {target} ({LAYERS[there][0]})")
    assert not wrong, "imports against the flow:\n" + "\n".join(sorted(set(wrong)))


def test_nothing_below_the_cli_imports_the_package_facade():
    wrong = [f"{module}:{line}" for module, imports in GRAPH.items() for target, line, _top in imports
             if target == FACADE and layer_of(module) != CLI_LAYER]
    assert not wrong, f"import the module you need, not the facade `checker`: {wrong}"


def test_module_level_imports_form_no_cycle():
    edges = {m: sorted({t for t, _line, top in imports if top and t in MODULES and t != m})
             for m, imports in GRAPH.items()}
    cycles = [c for c in _strongly_connected(edges) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles}"


def _strongly_connected(edges: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively (the graph is small, but recursion limits are not ours)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


@pytest.mark.parametrize("source, expected", [
    ("import checker.kinds.base\n", ["checker.kinds.base"]),
    ("from checker.kinds import BUILTIN_KINDS\n", ["checker.kinds"]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from checker.engine.packs import Rule\n", []),
    ("def f():\n    from checker.relate import relate\n", ["checker.relate"]),
])
def test_the_walker_sees_what_python_would_run(source, expected):
    """The walker itself: lazy imports count, type-checking-only imports do not."""
    assert [t for t, _line, _top in imports_of("checker.kinds.base", source)] == expected


def test_the_cycle_finder_finds_a_cycle():
    assert _strongly_connected({"a": ["b"], "b": ["a"], "c": ["a"]}) == [["a", "b"], ["c"]]
