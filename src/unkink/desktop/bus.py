"""The few D-Bus calls the daemon makes, through dbus-fast (no hand-written wire code)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dbus_fast.aio import MessageBus


async def connect(*, system: bool = False) -> MessageBus | None:
    """The session (or system) bus, or None when there is none (a server, an SSH login)."""
    if not system and not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None
    try:
        from dbus_fast import BusType
        from dbus_fast.aio import MessageBus

        bus_type = BusType.SYSTEM if system else BusType.SESSION
        return await MessageBus(bus_type=bus_type).connect()
    except Exception:
        return None


async def call(
    bus: MessageBus,
    destination: str,
    path: str,
    interface: str,
    member: str,
    signature: str = "",
    body: list[Any] | None = None,
) -> list[Any]:
    from dbus_fast import Message, MessageType
    from dbus_fast.errors import DBusError

    reply = await bus.call(
        Message(
            destination=destination,
            path=path,
            interface=interface,
            member=member,
            signature=signature,
            body=body or [],
        )
    )
    if reply is None or reply.message_type is MessageType.ERROR:
        raise DBusError(
            (reply.error_name if reply else None) or "none", str(reply.body if reply else "")
        )
    return list(reply.body)


async def get_property(
    bus: MessageBus, destination: str, path: str, interface: str, name: str
) -> Any:
    body = await call(
        bus,
        destination,
        path,
        "org.freedesktop.DBus.Properties",
        "Get",
        "ss",
        [interface, name],
    )
    return body[0].value


async def has_owner(bus: MessageBus, name: str) -> bool:
    """Is a service running (or can the bus start it) under this name?"""
    try:
        owned = await call(
            bus,
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            [name],
        )
        if owned[0]:
            return True
        names = await call(
            bus,
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "ListActivatableNames",
        )
        return name in names[0]
    except Exception:
        return False
