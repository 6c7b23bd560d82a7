"""Local-server security: a page on any website can send requests to 127.0.0.1.

Three defences, applied to every response by one pure-ASGI middleware:

* **DNS rebinding.** A hostile domain can resolve to 127.0.0.1, so the browser sends
  ``Host: evil.example``. Only the loopback names and the address the server was started on
  are accepted; anything else gets ``400``.
* **CSRF.** A state-changing request (anything but GET, HEAD, OPTIONS) whose ``Origin`` is not
  this server, or that the browser marks ``Sec-Fetch-Site: cross-site``, gets ``403``. There is
  no CORS: no ``Access-Control-Allow-*`` header is ever sent, so other sites cannot read replies.
* **Headers.** A Content-Security-Policy with no inline script and nothing from other hosts,
  plus ``nosniff``, ``no-referrer``, ``frame-ancestors 'none'`` and a Permissions-Policy that
  turns off the camera, microphone, location and the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
"""Stand-alone SVG figures carry their own inline styles and never run scripts."""

PERMISSIONS_POLICY = (
    ", ".join(
        f"{feature}=()"
        for feature in (
            "camera",
            "microphone",
            "geolocation",
            "payment",
            "usb",
            "midi",
            "magnetometer",
            "gyroscope",
            "accelerometer",
            "display-capture",
        )
    )
    + ", screen-wake-lock=(self)"
)


def split_host(value: str) -> str:
    """The host name of a Host header, without port or IPv6 brackets, lower-cased."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


@dataclass(frozen=True, slots=True)
class HostPolicy:
    hosts: frozenset[str] = LOOPBACK_HOSTS

    @classmethod
    def for_bind(cls, bind_host: str, extra: Iterable[str] = ()) -> HostPolicy:
        """Loopback names, plus the non-loopback address the server was explicitly bound to."""
        names = set(LOOPBACK_HOSTS) | {split_host(h) for h in extra}
        if bind_host not in ("0.0.0.0", "::", ""):
            names.add(split_host(bind_host))
        return cls(frozenset(names))

    def host_ok(self, host_header: str | None) -> bool:
        return bool(host_header) and split_host(host_header or "") in self.hosts

    def origin_ok(self, origin: str, host_header: str) -> bool:
        """Same origin: http(s) scheme, and the same host and port as the request's Host."""
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        return parts.netloc.lower() == host_header.strip().lower() and self.host_ok(parts.netloc)


def _security_headers(*, figure: bool) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", (FIGURE_CSP if figure else CSP).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"permissions-policy", PERMISSIONS_POLICY.encode()),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]


class SecurityMiddleware:
    """Rejects foreign Hosts (400) and cross-site writes (403); adds security headers."""

    def __init__(self, app: ASGIApp, *, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if not self.policy.host_ok(host):
            await _plain(send, 400, "Bad request: unkink only answers on its own local address.")
            return
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            fetch_site = headers.get("sec-fetch-site", "")
            if (origin is not None and not self.policy.origin_ok(origin, host)) or (
                fetch_site == "cross-site"
            ):
                await _plain(send, 403, "Forbidden: changes must come from unkink's own pages.")
                return
        figure = scope["path"].startswith("/figures/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                existing = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if not k.lower().startswith(b"access-control-")
                ]
                message["headers"] = existing + _security_headers(figure=figure)
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *_security_headers(figure=False),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
