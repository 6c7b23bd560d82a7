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
    watched: Sequence[str], *args: str
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``unkink *args``; return the finished process and the watched names it imported."""
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, json.dumps(list(watched)), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("IMPORTED "))
    return done, set(json.loads(line.removeprefix("IMPORTED ")))
