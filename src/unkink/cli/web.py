"""``unkink serve``: the web app on this computer, in your browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from unkink.cli.context import get_app

if TYPE_CHECKING:
    import socket

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    help="Address to listen on. Anything but 127.0.0.1 lets other devices reach unkink.",
)
@click.option("--no-open", is_flag=True, help="Don't open a browser; just print the address.")
@click.pass_context
def serve(ctx: click.Context, port: int, host: str, no_open: bool) -> None:
    """Run the web app (player, screening, history) at http://127.0.0.1:8765 and open it."""
    import socket

    import uvicorn

    from unkink.web.app import create_app

    warning = host_warning(host)
    if warning:
        click.echo(warning, err=True)
    sock = tcp_socket(host)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        from unkink.cli.errors import fail

        fail(f"can't listen on {host}:{port} ({exc.strerror}). Try another --port.")
    sock.listen(128)  # connections wait in the backlog until uvicorn is up: no refused race
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    web = create_app(get_app(ctx), bind_host=host)
    click.echo(f"unkink is running at {url}  (press Ctrl+C to stop)")
    if not no_open:
        _open_browser(url)
    config = uvicorn.Config(
        web, log_level="warning", access_log=False, server_header=False, proxy_headers=False
    )
    uvicorn.Server(config).run(sockets=[sock])


def tcp_socket(host: str) -> socket.socket:
    """A listening socket that says it is TCP (protocol IPPROTO_TCP, not 0).

    asyncio sets TCP_NODELAY only on sockets whose protocol is IPPROTO_TCP; without it every
    kept-alive response waits ~40 ms for a delayed ACK: 21 requests/s instead of 800
    (bench/web_load.py, docs/performance.md).
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)


def host_warning(host: str) -> str | None:
    """What to say when unkink will be reachable from other devices (None on loopback)."""
    if host in LOOPBACK:
        return None
    return (
        f"Warning: listening on {host}. Other devices on your network can open unkink "
        "and see your sessions. There is no password. Use this only on a network you trust."
    )


def _open_browser(url: str) -> None:
    """Open the page in a background thread: ``webbrowser`` must never hold up the server."""
    import threading
    import webbrowser

    def _open() -> None:
        try:
            webbrowser.open(url, new=2)
        except Exception:  # no browser on this machine: the printed address is enough
            pass

    threading.Thread(target=_open, name="open-browser", daemon=True).start()


def register(group: click.Group) -> None:
    group.add_command(serve)
