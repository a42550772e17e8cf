"""The import graph, read from the source: no circles anywhere in adrtool/ (the layers themselves are
checked in tests/test_review_card.py), and the offline commands never load the SDK, AI results or not."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.ai_support import fake, fake_env, make_repo  # noqa: F401  (fixtures)
from tests.conftest import ROOT, git


def _modules() -> dict[str, Path]:
    out = {}
    for path in (ROOT / "adrtool").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _defines(tree: ast.Module, name: str) -> bool:
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            return True
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name) == name for a in node.names):
            return True
    return False


def import_graph() -> dict[str, set[str]]:
    """module -> the adrtool modules it imports, at the top or inside a function.

    `from a.b import c` is an edge to a.b.c when that is a module, else to a.b
    when a.b defines c; an import of something that does not exist (a guarded
    optional module) is no edge.
    """
    modules = _modules()
    trees = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in modules.items()}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, tree in trees.items():
        package = name if modules[name].name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    if full in modules:
                        graph[name].add(full)
                    elif base in modules and _defines(trees[base], alias.name):
                        graph[name].add(base)
        graph[name].discard(name)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_anywhere_in_adrtool():
    assert circles(import_graph()) == []


def _loaded_after(code: str, cwd: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nprint(sorted(m for m in ('anthropic', 'textual', "
                          "'jsonschema') if m in sys.modules))"],
                         cwd=cwd, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return eval(out.stdout.strip().splitlines()[-1])


def test_list_and_review_load_no_sdk_with_or_without_stored_results(tmp_path, fake, cli):
    repo = make_repo(tmp_path / "repo")
    git(repo, "init", "-q", "-b", "main")
    commands = ("import sys, io, contextlib\nfrom adrtool.cli import main\n"
                "with contextlib.redirect_stdout(io.StringIO()):\n"
                "    main(['list']); main(['review', '--all'])\n")
    assert _loaded_after(commands, repo) == []
    assert cli(["ai", "review", "--all", "--yes"], repo).code == 0  # results stored now
    assert (repo / ".adrtool/ai/review/0001.md").is_file()
    assert _loaded_after(commands + "from adrtool.ai import summarize, verdicts\nfrom adrtool import store\n"
                         "from pathlib import Path\nr = store.load(Path('.')); verdicts.review_findings(r, r.decisions); "
                         "summarize.summary_for(r, r.decisions[0])", repo) == []
