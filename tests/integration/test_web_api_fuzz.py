"""schemathesis against the OpenAPI document of the in-process app: no input gives a 5xx.

The app runs on its own SQLite file in a temporary folder. A self-care screening and a started
session are stored first, so the session endpoints get past the gate to their deeper paths.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from unkink.bootstrap import build
from unkink.settings import Settings
from unkink.web.app import create_app

_FOLDER = Path(tempfile.mkdtemp(prefix="unkink-fuzz-"))
_APP = build(
    Settings(
        data_dir=_FOLDER,
        catalogue_dir=_FOLDER / "exercises",
        database_url=f"sqlite:///{_FOLDER / 'fuzz.db'}",
    )
)
WEB = create_app(_APP, extra_hosts=("testserver", "localhost"))
schema = schemathesis.openapi.from_asgi("/openapi.json", WEB)


@pytest.fixture(scope="module", autouse=True)
def _seeded() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

    with TestClient(WEB, base_url="http://127.0.0.1") as client:
        client.post(
            "/api/screenings", json={"answers": {"age": 40}, "accept_intended_use": True}
        ).raise_for_status()
        client.post("/api/sessions", json={"area": "lower", "where": "desk", "minutes": 3})
    yield
    _APP.engine.dispose()
    shutil.rmtree(_FOLDER, ignore_errors=True)


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_api_fail_with_a_server_error(case: Any) -> None:
    # Every built-in check (schemathesis' --checks all) but one:
    # - positive_data_acceptance: the domain's rules are richer than a JSON schema (a screening
    #   field must exist, a cue index must be in the session), so schema-valid bodies may be
    #   refused with a 400 or 422 and a plain message, by design.
    # negative_data_rejection runs: the request models are strict (true is not 1, "5" not 5).
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    case.call_and_validate(excluded_checks=[positive_data_acceptance])
