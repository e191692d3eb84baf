"""The core knows no Qt: only desktop/gui/ may import PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_gui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "gui" not in path.relative_to(PACKAGE).parts[:1] and {"PySide6", "shiboken6"} & _imports(path)
    ]
    assert offenders == [], f"Qt imported outside desktop/gui/: {offenders}"


def test_the_check_itself_sees_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6" in _imports(sample)


def test_store_head_matches_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.store.engine import MIGRATIONS_DIR, SCHEMA_HEAD

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


# ------------------------------------------------------------------------------------------ layers
#
# The layers, bottom up: light shared modules (dates, textspans, multivalue, textdigest, safetext, paths,
# errorlog, search, aliases) < store (its journal of edits included) < catalogue, ingest, editing, export <
# services < commands, cli; the window (gui) on top of services. Checked on every import in the package,
# function-level ones included.


def _graph() -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("desktop"):
                deps.add(node.module)
                deps.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("desktop"))
        graph[name] = {d for d in deps if d in modules and d != name and not name.startswith(d + ".")}
    return graph


def _under(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def test_the_store_never_imports_the_layers_above_it() -> None:
    above = ("desktop.ingest", "desktop.catalogue", "desktop.export", "desktop.services", "desktop.gui")
    offenders = {
        (m, d)
        for m, deps in _graph().items()
        if _under(m, "desktop.store")
        for d in deps
        if _under(d, *above, "desktop.cli", "desktop.commands")
    }
    assert not offenders, offenders


def test_nothing_imports_the_window_but_the_command_that_opens_it() -> None:
    # `archive-viewer gui` and `--self-test` start it; nothing else in the core knows it exists.
    offenders = {
        (m, d)
        for m, deps in _graph().items()
        if not _under(m, "desktop.gui") and m != "desktop.cli"
        for d in deps
        if _under(d, "desktop.gui")
    }
    assert not offenders, offenders


# What the window may import from the core: the service API and light modules of plain values and text.
GUI_MAY_IMPORT = (
    "desktop",
    "desktop.services",  # and its modules (archive, cancel, recovery, shapes)
    "desktop.changes",  # the Change every write returns (plain values)
    "desktop.paths",
    "desktop.memory",  # malloc_trim after an idle collection
    "desktop.errorlog",
    "desktop.safetext",
    "desktop.textdigest",
    "desktop.textspans",  # spans and paragraphs of a text (plain Python, for the detail pane's marks)
    "desktop.dates",
    "desktop.store.firstpage",  # the fast start's plain-sqlite3 first page (no SQLAlchemy): see README
    "desktop.store.address",  # whether --db names a server or a file (a string test, importing nothing)
)


def test_the_window_reaches_the_core_only_through_the_services() -> None:
    used = {
        d
        for m, deps in _graph().items()
        if _under(m, "desktop.gui")
        for d in deps
        if not _under(d, "desktop.gui")
    }
    allowed = {d for d in used if d in GUI_MAY_IMPORT or _under(d, "desktop.services")}
    assert not used - allowed, f"desktop/gui/ imports these past desktop.services: {sorted(used - allowed)}"


# The command line's commands: the services and the light modules; the seeds check reads files, not the
# store; the synthetic-archive generator is a development tool imported only when `synth` runs.
CLI_MAY_IMPORT = (
    *GUI_MAY_IMPORT,
    "desktop.clibase",
    "desktop.commands",
    "desktop.gui.app",
    "desktop.gui.selftest",
    "desktop.catalogue.check",
)


def test_the_command_line_reaches_the_store_only_through_the_services() -> None:
    graph = _graph()
    used = {d for m in ("desktop.cli", "desktop.commands") for d in graph[m]}
    offenders = {d for d in used if d not in CLI_MAY_IMPORT and not _under(d, "desktop.services")}
    assert not offenders, f"the command line imports these past desktop.services: {sorted(offenders)}"


def test_no_import_cycles() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
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
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles, cycles


def test_migrations_are_frozen() -> None:
    """An old migration must not import today's code (tokeniser, index, models): what it did to a store
    stays what it does. Derived data a revision needs is rebuilt by the engine after every revision ran."""
    versions = PACKAGE / "store" / "migrations" / "versions"
    offenders = {
        path.name: sorted(n for n in _imports(path) if n == "desktop")
        for path in versions.glob("*.py")
        if "desktop" in _imports(path)
    }
    assert offenders == {}, f"these migrations import the app's code: {offenders}"
