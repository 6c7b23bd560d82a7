"""Cheap guards on the layout (datasette's test_docs spirit): the domain stays pure."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "unkink"
FORBIDDEN_IN_DOMAIN = {
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "typer",
    "rich",
    "pydantic",
    "pydantic_settings",
    "os",
    "time",
    "sys",
    "subprocess",
    "socket",
    "pathlib",
    "platformdirs",
    "httpx",
    "uvicorn",
    "jinja2",
    "random",
    "io",
    "shutil",
    "sqlite3",
    "psycopg",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((SRC / "domain").rglob("*.py")), ids=lambda p: p.name)
def test_domain_modules_import_no_io_packages(path: Path) -> None:
    assert not _imports(path) & FORBIDDEN_IN_DOMAIN


def test_domain_never_reads_a_clock() -> None:
    for path in (SRC / "domain").rglob("*.py"):
        text = path.read_text("utf-8")
        for call in ("datetime.now(", "date.today(", "time.monotonic(", "time.time("):
            assert call not in text, f"{path.name} reads a clock: {call}"


def test_only_storage_imports_sqlalchemy_at_module_level() -> None:
    for path in SRC.rglob("*.py"):
        if "storage" in path.parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        top = {
            n.module.split(".")[0]
            if isinstance(n, ast.ImportFrom) and n.module
            else (n.names[0].name.split(".")[0] if isinstance(n, ast.Import) else "")
            for n in tree.body
            if isinstance(n, (ast.Import, ast.ImportFrom))
        }
        assert "sqlalchemy" not in top, f"{path.relative_to(SRC)} imports sqlalchemy at the top"
