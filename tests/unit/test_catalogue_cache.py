"""The catalogue cache: reused while the files are unchanged, rebuilt when any changes."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_catalogue import GOOD
from unkink.catalogue.cache import catalogue_key, load_catalogue_cached
from unkink.catalogue.loader import load_catalogue


def test_the_cache_gives_the_same_catalogue(tmp_path: Path) -> None:
    first = load_catalogue_cached(None, cache_dir=tmp_path)
    assert list(tmp_path.glob("catalogue-*.pickle"))
    again = load_catalogue_cached(None, cache_dir=tmp_path)
    assert again == first == load_catalogue(None)


def test_a_changed_user_file_changes_the_key(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "a.toml").write_text(GOOD.replace('id = "bridge"', 'id = "my_bridge"'))
    before = catalogue_key(mine)
    (mine / "a.toml").write_text(GOOD.replace('id = "bridge"', 'id = "my_bridge2"'))
    assert catalogue_key(mine) != before
    catalogue = load_catalogue_cached(mine, cache_dir=tmp_path / "cache")
    assert "my_bridge2" in catalogue.ids


def test_a_damaged_cache_is_rebuilt_and_skipped_files_are_told_each_time(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "bad.toml").write_text("x = = 1")
    cache = tmp_path / "cache"
    told: list[str] = []
    load_catalogue_cached(mine, cache_dir=cache, report=told.append)
    load_catalogue_cached(mine, cache_dir=cache, report=told.append)
    assert len(told) == 2 and "skipped" in told[1]
    [pickled] = cache.glob("catalogue-*.pickle")
    pickled.write_bytes(b"damaged")
    assert len(load_catalogue_cached(mine, cache_dir=cache)) == 7
