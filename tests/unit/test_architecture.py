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
    "click",
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


# --- front ends translate, services decide (issue 9) ---------------------------------------


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unkink_imports(path: Path, *, with_type_checking: bool = True) -> set[str]:
    """Every ``unkink.*`` module this file imports, at the top or inside functions; not what a
    ``__main__`` demo imports, and (unless asked) not what is imported only for type checks."""
    tree = ast.parse(path.read_text("utf-8"))
    package = _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = ast.unparse(node.test)
            if "__main__" in test or (not with_type_checking and "TYPE_CHECKING" in test):
                skipped.update(id(n) for n in ast.walk(node))
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("unkink"))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level and package:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{module}" if module else base
            if module.startswith("unkink"):
                names.add(module)
                names.update(f"{module}.{a.name}" for a in node.names)
    return names


def _front_end_files() -> list[Path]:
    return sorted([*(SRC / "cli").rglob("*.py"), *(SRC / "web").rglob("*.py")])


@pytest.mark.parametrize("path", _front_end_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_front_ends_import_no_storage(path: Path) -> None:
    """cli/ and web/ reach the database only through the services."""
    assert not {m for m in _unkink_imports(path) if m.startswith("unkink.storage")}


def test_services_import_no_front_end() -> None:
    """A third front end (the reminder daemon) uses the services without cli or web."""
    for path in (SRC / "services").rglob("*.py"):
        front = {m for m in _unkink_imports(path) if m.startswith(("unkink.cli", "unkink.web"))}
        assert not front, f"{path.name} imports {front}"


def test_the_terminal_imports_nothing_from_the_web() -> None:
    """What both front ends show (the closing facts, the stretches done) comes from services.
    Only ``unkink serve`` (cli/web.py) imports the web app, to start it."""
    for path in (SRC / "cli").rglob("*.py"):
        if path.name == "web.py":
            continue
        web = {m for m in _unkink_imports(path) if m.startswith("unkink.web")}
        assert not web, f"cli/{path.name} imports {web}"


DOMAIN_AREAS = ("session", "safety", "body")


@pytest.mark.parametrize("area", DOMAIN_AREAS)
def test_each_domain_area_imports_no_io_and_no_outer_layer(area: str) -> None:
    files = sorted((SRC / "domain" / area).rglob("*.py"))
    assert files, f"domain/{area} is missing"
    for path in files:
        assert not _imports(path) & FORBIDDEN_IN_DOMAIN, path.name
        outer = {m for m in _unkink_imports(path) if not m.startswith("unkink.domain")}
        assert not outer, f"domain/{area}/{path.name} imports {outer}"


def _cycle_through(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from ``start`` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_cli_and_web_have_no_import_cycles() -> None:
    """app -> routers -> rendering, never back; session_run -> session_keys, never back."""
    modules = {_module_name(p): p for p in _front_end_files()}
    graph = {
        name: {m for m in _unkink_imports(path, with_type_checking=False) if m in modules} - {name}
        for name, path in modules.items()
    }
    for name in sorted(modules):
        cycle = _cycle_through(name, graph)
        assert cycle is None, " -> ".join(cycle or ())


LINES = (50, 250)


@pytest.mark.parametrize(
    "path",
    sorted(
        [*(SRC / "services").glob("session*.py"), *(SRC / "domain" / "session").glob("*.py")]
        + [SRC / "services" / n for n in ("ports.py", "write_queue.py")]
    )
    + sorted((SRC / "cli").glob("session*.py"))
    + [SRC / "web" / n for n in ("api_sessions.py", "pages_sessions.py", "session_data.py")],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_session_modules_stay_between_50_and_250_lines(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    if path.name == "__init__.py":
        return
    assert LINES[0] <= lines <= LINES[1], f"{path.name} has {lines} lines"
