"""The checked-library cache: a fresh process reuses a checked library, and a cache that is
corrupt, stale or unwritable is detected and the library loaded (and stored) again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.library import cache as library_cache
from checker.library import loader
from checker.library.loader import load_library, shipped_norms_dir


@pytest.fixture
def checks(monkeypatch) -> list[int]:
    """How many times the library was really checked (not taken from the cache)."""
    calls: list[int] = []
    real = loader.collect_library

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "collect_library", counting)
    return calls


def _entry(cache: Path) -> Path:
    (entry,) = cache.glob("library-*.pickle")
    return entry


def test_a_checked_library_is_stored_and_reused(cache, checks):
    first = load_library()
    assert len(checks) == 1 and _entry(cache).stat().st_size > 0
    again = load_library()
    assert len(checks) == 1  # from the cache
    assert again is not first
    assert again.version == first.version
    assert [n.id for n in again.norms] == [n.id for n in first.norms]
    assert [n.line for n in again.norms] == [n.line for n in first.norms]
    assert again.field_kinds == first.field_kinds


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated (a write cut short)
        lambda raw: raw[:-10] + bytes(10),  # altered bytes
        lambda raw: b"not a cache at all",
        lambda raw: b"",
    ],
)
def test_a_corrupt_cache_is_detected_and_rebuilt(cache, checks, damage):
    load_library()
    entry = _entry(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    library = load_library()
    assert len(checks) == 2  # checked again, not unpickled
    assert len(library.norms) > 80
    assert entry.read_bytes() != damage(good)  # and stored again
    load_library()
    assert len(checks) == 2


def test_a_changed_norm_file_makes_the_cache_stale(cache, checks, tmp_path):
    norms = tmp_path / "norms"
    shutil.copytree(shipped_norms_dir(), norms)
    first = load_library([norms], shipped=False)
    assert len(checks) == 1
    target = next(p for p in sorted(norms.glob("*.yaml")) if "norms:" in p.read_text())
    target.write_text(target.read_text() + "\n# edited\n")
    edited = load_library([norms], shipped=False)
    assert len(checks) == 2  # the old entry no longer matches
    assert edited.version != first.version
    load_library([norms], shipped=False)
    assert len(checks) == 2


def test_an_entry_for_another_key_is_stale(cache, checks):
    load_library()
    entry = _entry(cache)
    key = library_cache.library_key(loader._norm_paths(None, True), True)
    other = "0" * len(key)
    # a well-formed entry, but written for another library or checker version
    library_cache.write(other, load_library())
    shutil.copyfile(library_cache._entry(other), entry)
    assert library_cache.read(key) is None
    load_library()
    assert len(checks) == 2


def test_an_unwritable_cache_falls_back_to_a_fresh_load(tmp_path, monkeypatch, checks):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(library_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    monkeypatch.delenv(library_cache.NO_CACHE_ENV, raising=False)
    assert len(load_library().norms) > 80
    assert len(load_library().norms) > 80
    assert len(checks) == 2


def test_no_cache_bypasses_it(cache, checks, monkeypatch):
    monkeypatch.setenv(library_cache.NO_CACHE_ENV, "1")
    load_library()
    load_library()
    assert len(checks) == 2
    assert not cache.exists()


def test_a_bad_library_is_refused_and_not_cached(cache, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.yaml").write_text("norms: [{id: X}]\n")
    with pytest.raises(loader.InputError) as caught:
        load_library([bad])
    assert "broken.yaml" in caught.value.problems[0].file
    with pytest.raises(loader.InputError):
        load_library([bad])
    assert not list(cache.glob("library-*.pickle"))


def test_check_stores_the_library_and_no_cache_leaves_it_alone(cache, tmp_path):
    case = Path(__file__).resolve().parent.parent / "cases" / "ship-permit-holders.yaml"
    command = [sys.executable, "-m", "checker", "check", str(case), "--as-of", "2026-06-01"]
    env = {**os.environ, library_cache.CACHE_DIR_ENV: str(cache)}
    skipped = subprocess.run([*command, "--no-cache"], env=env, capture_output=True, text=True)
    assert skipped.returncode == 1, skipped.stderr  # the case has failing binding norms
    assert not cache.exists()
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode == 1 and first.stdout == skipped.stdout
    assert len(list(cache.glob("library-*.pickle"))) == 1
    again = subprocess.run(command, env=env, capture_output=True, text=True)
    assert again.returncode == 1 and again.stdout == skipped.stdout


def test_every_command_is_listed_though_imported_only_when_used():
    from click.testing import CliRunner

    from checker.cli import LAZY_COMMANDS, main

    listed = CliRunner().invoke(main, ["--help"]).output
    for name in [*LAZY_COMMANDS, "check", "schema"]:
        assert f"  {name} " in listed
    assert CliRunner().invoke(main, ["norms", "--help"]).exit_code == 0
