"""The always-on daemon's entry: ``python -m unkink.desktop.run CONFIG_JSON``.

``unkink remind run`` replaces itself with this. Before asyncio is imported it marks ``ssl`` as
absent (``sys.modules["ssl"] = None`` makes ``import ssl`` fail, which asyncio allows): asyncio
imports ssl only for TLS connections, which the daemon never makes, and OpenSSL alone would hold
about 4.5 MiB of its memory (docs/reminders.md). Only this process does it; tests and the other
commands import ``unkink.desktop.daemon`` with ssl as usual."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    sys.modules.setdefault("ssl", None)  # type: ignore[arg-type]
    import asyncio

    from unkink.desktop.daemon import DaemonConfig, main

    return asyncio.run(main(DaemonConfig.from_json(argv[1])))


if __name__ == "__main__":
    sys.exit(run(sys.argv))
