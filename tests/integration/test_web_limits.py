"""Database failures in the web app: a plain message, JSON under /api, the error page elsewhere."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from tests.integration.test_storage_edges import _free_port
from unkink.bootstrap import build
from unkink.settings import Settings
from unkink.web.app import create_app

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


def _client(tmp_path: Path, url: str) -> TestClient:
    app = build(Settings(data_dir=tmp_path, catalogue_dir=tmp_path / "x", database_url=url))
    return TestClient(create_app(app), base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_an_unreachable_database_is_a_503_with_a_plain_message(tmp_path: Path) -> None:
    client = _client(tmp_path, f"postgresql://me@127.0.0.1:{_free_port()}/unkink")
    for path in ("/api/status", "/api/history", "/api/cracks"):
        response = client.get(path)
        assert response.status_code == 503
        assert "cannot connect to PostgreSQL at 127.0.0.1:" in response.json()["detail"]
    for path in ("/", "/history"):
        response = client.get(path)
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("text/html")
        assert "cannot connect to PostgreSQL" in response.text


def test_a_damaged_file_says_so_without_a_server(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 500)
    response = _client(tmp_path, str(bad)).get("/api/status")
    assert response.status_code == 503
    assert "is not an unkink database" in response.json()["detail"]
    assert "server" not in response.json()["detail"]


def test_405_lists_every_method_of_the_path(tmp_path: Path) -> None:
    client = _client(tmp_path, str(tmp_path / "ok.db"))
    response = client.request("PUT", "/api/cracks")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) >= {"GET", "POST"}
