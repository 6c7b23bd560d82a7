"""Which watched modules a command imports, for the start-up tests (issue 10).

``unkink ARGS`` runs in a fresh interpreter that reports, as it exits, which watched names it
loaded: a name counts when it or any module inside it is in ``sys.modules``. Never a timing:
which modules load is what decides a command's start.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

_REPORT = (
    "import atexit, json, runpy, sys\n"
    "watched = json.loads(sys.argv[1])\n"
    "atexit.register(lambda: print('IMPORTED ' + json.dumps(sorted({w for w in watched "
    "for m in sys.modules if m == w or m.startswith(w + '.')})), file=sys.stderr))\n"
    "sys.argv = ['unkink', *sys.argv[2:]]\n"
    "runpy.run_module('unkink', run_name='__main__')\n"
)


def imported_by(
    watched: Sequence[str],
    *args: str,
    terminal: int | None = None,
    env: dict[str, str] | None = None,
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``unkink *args``; return the finished process and the watched names it imported.

    ``terminal``: its stdout is a pseudo-terminal that many columns wide, as a person's would be
    (the process's stdout is what it drew there); else a pipe."""
    argv = [sys.executable, "-c", _REPORT, json.dumps(list(watched)), *args]
    if terminal is None:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    else:
        done = _on_terminal(argv, terminal, env)
    line = next(x for x in done.stderr.splitlines() if x.startswith("IMPORTED "))
    return done, set(json.loads(line.removeprefix("IMPORTED ")))


def _on_terminal(
    argv: list[str], columns: int, env: dict[str, str] | None
) -> subprocess.CompletedProcess[str]:
    import fcntl
    import os
    import pty
    import select
    import struct
    import tempfile
    import termios

    env = {k: v for k, v in (env or os.environ).items() if k not in ("COLUMNS", "LINES")}
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    drawn = b""
    with tempfile.TemporaryFile() as err:
        try:
            child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=follower, stderr=err,
                                     env=env)  # fmt: skip
            os.close(follower)
            while select.select([leader], [], [], 60)[0]:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                drawn += chunk
            code = child.wait(timeout=60)
        finally:
            os.close(leader)
        err.seek(0)
        stderr = err.read().decode()
    stdout = drawn.decode().replace("\r\n", "\n")
    return subprocess.CompletedProcess(argv, code, stdout, stderr)
