"""``unkink serve``: loopback by default, a warning for other hosts, never stuck on a browser."""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner

from unkink.cli import web as web_cli
from unkink.cli.main import app as cli


def test_loopback_needs_no_warning() -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        assert web_cli.host_warning(host) is None


def test_another_host_gets_a_plain_warning() -> None:
    warning = web_cli.host_warning("0.0.0.0")
    assert warning and "Other devices" in warning and "no password" in warning


def test_opening_the_browser_never_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stuck(url: str, new: int = 0) -> bool:
        release.wait(5)
        return False

    monkeypatch.setattr("webbrowser.open", stuck)
    started = time.monotonic()
    web_cli._open_browser("http://127.0.0.1:1/")
    assert time.monotonic() - started < 0.5
    release.set()


def test_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--port", "--host", "--no-open"):
        assert option in result.output


def test_a_busy_port_is_a_plain_error() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--no-open", "--port", str(port)])
    assert result.exit_code == 2
    assert "Try another --port" in result.output


def test_the_listening_socket_says_it_is_tcp_so_asyncio_sets_nodelay() -> None:
    import asyncio
    import socket

    from unkink.cli.web import tcp_socket

    server = tcp_socket("127.0.0.1")
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    assert server.proto == socket.IPPROTO_TCP

    async def nodelay_of_accepted() -> int:
        found: list[int] = []

        async def on_connect(_reader: object, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            found.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        async with await asyncio.start_server(on_connect, sock=server):
            _, writer = await asyncio.open_connection(*server.getsockname())
            while not found:
                await asyncio.sleep(0.01)
            writer.close()
        return found[0]

    from tests.aio import run_async

    assert run_async(nodelay_of_accepted()) != 0
