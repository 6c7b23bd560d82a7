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

    # --- desk-break reminders (docs/reminders.md) ---
    remind_every_minutes: float = Field(
        default=45, ge=1, le=480, description="Minutes of active sitting before a break reminder."
    )
    remind_break_minutes: float = Field(
        default=2,
        ge=1,
        le=15,
        description="Length of the chair routine; time away from the keyboard this long counts "
        "as the break.",
    )
    remind_snooze_minutes: float = Field(
        default=10, ge=1, le=120, description="How long 'In 10 minutes' puts a reminder off."
    )
    remind_max_snoozes: int = Field(
        default=2,
        ge=0,
        le=20,
        description="Snoozes allowed in a row; then the reminder stays until answered or idle.",
    )
    remind_days: str = Field(default="mon-fri", description="Work days, as mon-fri or mon,wed,fri.")
    remind_hours: str = Field(default="09:00-18:00", description="Work hours, as 09:00-18:00.")
    remind_start_in: str = Field(
        default="browser",
        pattern="^(browser|terminal|unattended)$",
        description="Where Start opens the chair routine: browser (through unkink serve), "
        "terminal, or unattended (cues printed, no keys).",
    )
    remind_web_port: int = Field(
        default=8765, ge=1, le=65535, description="Port of the unkink serve that Start opens."
    )
    remind_idle: str = Field(
        default="auto",
        pattern="^(auto|mutter|wayland|x11|logind|wall)$",
        description="Idle detection: auto (the first that works), mutter, wayland, x11, logind, "
        "or wall (no idle detection: count wall time).",
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
