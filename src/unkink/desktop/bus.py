"""The few D-Bus calls the daemon makes, through jeepney (pure Python, asyncio): messages are
built with its constructors (``new_method_call``, ``Properties``, ``message_bus``), never by hand.

jeepney rather than dbus-fast because the daemon must stay small: dbus-fast's compiled modules
held about 5.5 MiB of the daemon's memory, jeepney about 1 MiB (docs/reminders.md)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, Message, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.asyncio import DBusConnection, DBusRouter, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, Properties, unwrap_msg

__all__ = ["Bus", "DBusErrorResponse", "connect", "call", "get_property", "has_owner", "member"]


class Bus:
    """One connection with its router: replies go to their callers, signals to listeners."""

    def __init__(self, conn: DBusConnection, router: DBusRouter) -> None:
        self._conn = conn
        self._router = router
        self._listeners: list[asyncio.Task[None]] = []

    async def call(self, message: Message) -> list[Any]:
        return list(unwrap_msg(await self._router.send_and_get_reply(message)))

    async def listen(self, rule: MatchRule, handler: Callable[[Message], None]) -> None:
        """Ask the bus for the messages matching ``rule`` and hand each one to ``handler``."""
        queue: asyncio.Queue[Message] = asyncio.Queue(32)
        self._router.filter(rule, queue=queue)
        await self.call(message_bus.AddMatch(rule))

        async def pump() -> None:
            while True:
                handler(await queue.get())

        self._listeners.append(asyncio.get_running_loop().create_task(pump()))

    def disconnect(self) -> None:
        for task in self._listeners:
            task.cancel()
        # the router's receiver task has no public stop but leaving its context; cancel it so
        # closing the socket does not leave it with an unread EOFError
        self._router._rcv_task.cancel()
        self._conn.writer.close()


async def connect(*, system: bool = False) -> Bus | None:
    """The session (or system) bus, or None when there is none (a server, an SSH login)."""
    if not system and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    try:
        conn = await open_dbus_connection("SYSTEM" if system else "SESSION")
    except Exception:
        return None
    return Bus(conn, DBusRouter(conn))


def member(message: Message) -> str | None:
    """The signal's (or method's) name."""
    return message.header.fields.get(HeaderFields.member)  # type: ignore[no-any-return]


async def call(
    bus: Bus,
    destination: str,
    path: str,
    interface: str,
    name: str,
    signature: str = "",
    body: list[Any] | tuple[Any, ...] | None = None,
) -> list[Any]:
    address = DBusAddress(path, bus_name=destination, interface=interface)
    return await bus.call(new_method_call(address, name, signature or None, tuple(body or ())))


async def get_property(bus: Bus, destination: str, path: str, interface: str, name: str) -> Any:
    address = DBusAddress(path, bus_name=destination, interface=interface)
    body = await bus.call(Properties(address).get(name))
    return body[0][1]  # a variant is (signature, value)


async def has_owner(bus: Bus, name: str) -> bool:
    """Is a service running (or can the bus start it) under this name?"""
    try:
        if (await bus.call(message_bus.NameHasOwner(name)))[0]:
            return True
        return name in (await bus.call(message_bus.ListActivatableNames()))[0]
    except Exception:
        return False
