"""The daemon's way to the services: short-lived worker processes (``unkink remind _offer``,
``_record``, ``_take``), so the always-on process never loads SQLAlchemy or pydantic and its
memory stays small. Each call is one use case in ``services.reminders``."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any


class CoreError(Exception):
    pass


class GateClosed(CoreError):
    """Start was pressed, but the safety gate is closed now: no routine starts."""

    def __init__(self, step: str | None, reason: str) -> None:
        super().__init__(reason)
        self.step = step
        self.reason = reason


class WorkerCore:
    def __init__(self, *, db_args: Sequence[str] = (), start_in: str = "browser") -> None:
        self._argv = [sys.executable, "-m", "unkink", *db_args, "remind"]
        self.start_in = start_in
        self.routine: asyncio.subprocess.Process | None = None

    async def offer(self, *, sitting_s: float) -> dict[str, Any]:
        return json.loads(await self._run("_offer", "--sitting", f"{sitting_s:.0f}"))  # type: ignore[no-any-return]

    async def record(
        self, kind: str, *, reasons: Iterable[str] = (), sitting_s: float | None = None
    ) -> None:
        args = ["_record", kind, *[a for r in reasons for a in ("--reason", str(r))]]
        if sitting_s is not None:
            args += ["--sitting", f"{sitting_s:.0f}"]
        await self._run(*args)

    async def take(self, routine_id: int, *, sitting_s: float, quiet_stdout: bool) -> int:
        """Start the stored chair routine; returns the session id once it is recorded.

        The routine goes on in its own process (browser, terminal or unattended cues)."""
        proc = await asyncio.create_subprocess_exec(
            *self._argv,
            "_take",
            str(routine_id),
            "--sitting",
            f"{sitting_s:.0f}",
            "--start-in",
            self.start_in,
            stdout=asyncio.subprocess.PIPE,
            stderr=None,
        )
        assert proc.stdout is not None
        first = await proc.stdout.readline()
        if not first:
            await proc.wait()
            raise CoreError("the chair routine could not start")
        said = json.loads(first)
        if said.get("session_id") is None:  # the gate closed between the offer and Start
            await proc.wait()
            raise GateClosed(said.get("gate_step"), str(said.get("reason", "")))
        self.routine = proc
        asyncio.get_running_loop().create_task(_copy(proc, to_stderr=quiet_stdout))
        return int(said["session_id"])

    async def _run(self, *args: str) -> bytes:
        proc = await asyncio.create_subprocess_exec(
            *self._argv, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        out, err = await proc.communicate()
        if proc.returncode != 0:
            raise CoreError(err.decode("utf-8", "replace").strip() or f"{args[0]} failed")
        return out


async def _copy(proc: asyncio.subprocess.Process, *, to_stderr: bool) -> None:
    """The routine's cue lines go on to our stdout (stderr when stdout carries JSON events)."""
    assert proc.stdout is not None
    sink = sys.stderr if to_stderr else sys.stdout
    async for line in proc.stdout:
        sink.write(line.decode("utf-8", "replace"))
        sink.flush()
    await proc.wait()
