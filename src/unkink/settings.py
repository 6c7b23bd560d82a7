"""Settings: the only reader of the environment. Nothing is read at import time.

Order: explicit overrides (CLI flags such as ``--db``), then ``UNKINK_*`` environment
variables, then defaults in the platform's user folders.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "unkink"


def _data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


class Settings(BaseSettings):
    """Every setting unkink reads. Documented in docs/settings.md (a test keeps them in step)."""

    model_config = SettingsConfigDict(env_prefix="UNKINK_", extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=_data_dir, description="Folder for the local database and logs."
    )
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL of the database. Empty: a SQLite file in data_dir.",
    )
    catalogue_dir: Path = Field(
        default_factory=lambda: _config_dir() / "exercises",
        description="Folder of your own exercise files (*.toml), added to the built-in seven.",
    )

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'unkink.db'}"


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, with explicit overrides (None means 'not given')."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given)  # type: ignore[arg-type]
