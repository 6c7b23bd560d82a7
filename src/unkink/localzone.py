"""The computer's local time zone, read once at the edge (the domain is handed it).

``TZ`` wins when it names a zone; then ``/etc/localtime``. If neither can be read, ``None``:
wall times are then compared as they are, as before (right except around a clock change).
"""

from __future__ import annotations

import os
from datetime import tzinfo


def local_zone() -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass  # a POSIX rule such as "EST5EDT,M3.2.0,M11.1.0": fall back to the file
    try:
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        return None
