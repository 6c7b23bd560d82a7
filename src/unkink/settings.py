"""Settings: the only reader of the environment. Nothing is read at import time.

Order: explicit overrides (CLI flags such as ``--db``), then ``UNKINK_*`` environment
variables, then defaults in the platform's user folders.

A plain frozen dataclass, not pydantic-settings: three strings need no validation framework,
and importing one cost every command ~30 ms at start-up (docs/performance.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

APP_NAME = "unkink"
ENV_PREFIX = "UNKINK_"


def _data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


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

    def __post_init__(self) -> None:
        # Accept str for the folders (from the environment or a caller), as pydantic did.
        for name in ("data_dir", "catalogue_dir"):
            value = getattr(self, name)
            if not isinstance(value, Path):
                object.__setattr__(self, name, Path(os.fspath(value)).expanduser())
        object.__setattr__(self, "database_url", str(self.database_url).strip())

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
