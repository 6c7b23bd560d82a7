"""Settings: the only reader of the environment. Nothing is read at import time.

Order: explicit overrides (CLI flags such as ``--db``), then ``UNKINK_*`` environment
variables, then defaults in the platform's user folders.

A plain frozen dataclass, not pydantic-settings: a few strings and numbers with ranges need no
validation framework, and importing one cost every command ~30 ms at start-up (docs/performance.md).
"""

from __future__ import annotations

import os
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from unkink.domain.errors import InvalidInput

APP_NAME = "unkink"
ENV_PREFIX = "UNKINK_"


def _data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class SettingError(InvalidInput):
    """A setting (usually an UNKINK_* variable) holds a value unkink cannot use."""


def _number(default: float, low: float, high: float, description: str, whole: bool = False) -> Any:
    kind = "whole number" if whole else "number"
    return field(
        default=default,
        metadata={"description": description, "low": low, "high": high, "kind": kind},
    )


def _choice(default: str, choices: tuple[str, ...], description: str) -> Any:
    return field(default=default, metadata={"description": description, "choices": choices})


def _checked_number(settings: Settings, f: Field[Any]) -> float:
    raw, meta = getattr(settings, f.name), f.metadata
    name = ENV_PREFIX + f.name.upper()
    whole = meta["kind"] == "whole number"
    try:
        if isinstance(raw, bool):
            raise ValueError(raw)
        value: float = int(str(raw).strip()) if whole else float(str(raw).strip())
    except ValueError:
        raise SettingError(f"The setting {name} must be a {meta['kind']}, not '{raw}'.") from None
    if not meta["low"] <= value <= meta["high"]:  # also refuses nan
        raise SettingError(
            f"The setting {name} must be from {meta['low']} to {meta['high']}, not {raw}."
        )
    return value


@dataclass(frozen=True)
class Settings:
    """Every setting unkink reads. Documented in docs/settings.md (a test keeps them in step)."""

    data_dir: Path = field(
        default_factory=_data_dir,
        metadata={"description": "Folder for the local database and logs."},
    )
    database_url: str = field(
        default="",
        metadata={
            "description": "Database URL or a plain file path. Empty: a SQLite file in data_dir."
        },
    )
    catalogue_dir: Path = field(
        default_factory=lambda: _config_dir() / "exercises",
        metadata={
            "description": "Folder of your own exercise files (*.toml), added to the built-ins."
        },
    )

    # --- desk-break reminders (docs/reminders.md) ---
    remind_every_minutes: float = _number(
        45, 1, 480, "Minutes of active sitting before a break reminder."
    )
    remind_break_minutes: float = _number(
        2,
        1,
        15,
        "Length of the chair routine; time away from the keyboard this long counts as the break.",
    )
    remind_snooze_minutes: float = _number(
        10, 1, 120, "How long 'In 10 minutes' puts a reminder off."
    )
    remind_max_snoozes: int = _number(
        2,
        0,
        20,
        "Snoozes allowed in a row; then the reminder stays until answered or idle.",
        whole=True,
    )
    remind_days: str = field(
        default="mon-fri", metadata={"description": "Work days, as mon-fri or mon,wed,fri."}
    )
    remind_hours: str = field(
        default="09:00-18:00", metadata={"description": "Work hours, as 09:00-18:00."}
    )
    remind_start_in: str = _choice(
        "browser",
        ("browser", "terminal", "unattended"),
        "Where Start opens the chair routine: browser (through unkink serve), "
        "terminal, or unattended (cues printed, no keys).",
    )
    remind_web_port: int = _number(
        8765, 1, 65535, "Port of the unkink serve that Start opens.", whole=True
    )
    remind_idle: str = _choice(
        "auto",
        ("auto", "mutter", "wayland", "x11", "logind", "wall"),
        "Idle detection: auto (the first that works), mutter, wayland, x11, logind, "
        "or wall (no idle detection: count wall time).",
    )

    def __post_init__(self) -> None:
        # Accept str for the folders (from the environment or a caller), as pydantic did.
        for name in ("data_dir", "catalogue_dir"):
            value = getattr(self, name)
            if not isinstance(value, Path):
                object.__setattr__(self, name, Path(os.fspath(value)).expanduser())
        object.__setattr__(self, "database_url", str(self.database_url).strip())
        for f in fields(self):
            if "low" in f.metadata:
                object.__setattr__(self, f.name, _checked_number(self, f))
            elif "choices" in f.metadata:
                value = str(getattr(self, f.name)).strip().lower()
                if value not in f.metadata["choices"]:
                    raise SettingError(
                        f"The setting {ENV_PREFIX}{f.name.upper()} must be one of "
                        f"{', '.join(f.metadata['choices'])}, not '{value}'."
                    )
                object.__setattr__(self, f.name, value)

    @property
    def uses_default_database(self) -> bool:
        """True when no URL was given: the SQLite file in data_dir (whose folder we create)."""
        return not self.database_url

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'unkink.db'}"


SETTING_NAMES = tuple(f.name for f in fields(Settings))


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, with explicit overrides (None means 'not given')."""
    given: dict[str, object] = {}
    for name in SETTING_NAMES:
        value = os.environ.get(ENV_PREFIX + name.upper())
        if value:  # an empty variable means 'not set', as for the other tools people use
            given[name] = value
    given.update({k: v for k, v in overrides.items() if v is not None and k in SETTING_NAMES})
    unknown = set(overrides) - set(SETTING_NAMES)
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
    return Settings(**given)  # type: ignore[arg-type]
