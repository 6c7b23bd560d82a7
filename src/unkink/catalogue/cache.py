"""The validated catalogue, kept between runs and keyed by the files' contents.

Validating the exercise files needs pydantic models (tens of milliseconds to build) on every
start of every command that shows exercises. The result is plain frozen domain values, so it
is pickled once into the data folder's ``cache/`` and reused while every file is unchanged:
the key hashes unkink's version and the bytes of each shipped and user file, so an edit, a
new file or an upgrade makes a new key. Anything wrong with the cache just means a reload.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from unkink.domain.exercises import Catalogue

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_MAX_USER_FILE = 256 * 1024


def catalogue_key(user_folder: Path | None) -> str:
    from unkink import __version__

    digest = hashlib.sha256(__version__.encode())
    for entry in sorted(_shipped(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    if user_folder is not None and user_folder.is_dir():
        for path in sorted(user_folder.glob("*.toml")):
            try:
                with path.open("rb") as handle:
                    digest.update(str(path).encode() + b"\0" + handle.read(_MAX_USER_FILE + 1))
            except OSError:
                digest.update(str(path).encode() + b"\0unreadable")
    return digest.hexdigest()[:32]


def _shipped() -> Iterable[Traversable]:
    """The shipped data folder's entries, which the loader reads through importlib.resources.

    An installed package is a plain folder, and its files are those; importlib.resources (and
    the zipfile it imports, a few ms) is needed only for a package that is not one."""
    folder = Path(__file__).with_name("data")
    if folder.is_dir():
        return folder.iterdir()
    from importlib import resources

    return (resources.files("unkink.catalogue") / "data").iterdir()


def load_catalogue_cached(
    user_folder: Path | None,
    *,
    cache_dir: Path | None,
    report: Callable[[str], None] | None = None,
) -> Catalogue:
    """The catalogue (as ``load_catalogue``), from the cache when the files are unchanged."""
    if cache_dir is None:
        return _load(user_folder, report, [])
    path = cache_dir / f"catalogue-{catalogue_key(user_folder)}.pickle"
    try:
        with path.open("rb") as handle:
            catalogue, told = pickle.load(handle)
        if isinstance(catalogue, Catalogue):
            for message in told:
                if report is not None:
                    report(message)
            return catalogue
    except Exception:  # missing, old or damaged: rebuild it
        pass
    told = []
    catalogue = _load(user_folder, report, told)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("catalogue-*.pickle"):
            old.unlink(missing_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps((catalogue, told), protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(path)
    except OSError:  # a read-only or full data folder: work without the cache
        pass
    return catalogue


def _load(
    user_folder: Path | None, report: Callable[[str], None] | None, told: list[str]
) -> Catalogue:
    from unkink.catalogue.loader import load_catalogue

    def tell(message: str) -> None:
        told.append(message)
        if report is not None:
            report(message)

    return load_catalogue(user_folder, report=tell)
