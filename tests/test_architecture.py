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
