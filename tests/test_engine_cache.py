"""The engine's translation of a library into rules, kept beside the checked library in the
cache (checker.evaluate.engine, checker.library.cache): what comes back is what a fresh
translation gives and decides the same, and a corrupt, stale or missing entry is made again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from checker.evaluate import engine as engine_module
from checker.evaluate.engine import Engine
from checker.i18n import stored
from checker.library import cache as library_cache
from checker.library.loader import load_library
from checker.location.loader import load_location

CASES = sorted((Path(__file__).resolve().parent.parent / "cases").glob("*.yaml"))
AS_OF = dt.date(2026, 6, 1)


@pytest.fixture
def translations(monkeypatch) -> list[int]:
    """How many times a library was really translated (not taken from the cache)."""
    calls: list[int] = []
    real = Engine._translate

    def counting(self, library):
        calls.append(1)
        return real(self, library)

    monkeypatch.setattr(Engine, "_translate", counting)
    return calls


def _entry(cache: Path) -> Path:
    (entry,) = cache.glob("engine-*.pickle")
    return entry


def _fresh(library) -> dict:
    """A translation made now, rulesets not yet created (as it is kept)."""
    engine = Engine.__new__(Engine)
    engine.library = library
    return engine._translate(library)


def _kept(cache: Path, library) -> dict:
    made_from = library_cache.made_from(library)
    key = stored.key_of("engine", made_from, *engine_module._code())  # type: ignore[arg-type]
    value = stored.read(_entry(cache).name, key)
    assert isinstance(value, dict)
    return value


def _decisions(engine: Engine) -> list[dict]:
    locations = [load_location(path) for path in CASES]
    return [
        {norm_id: (r.outcome, r.violated) for norm_id, r in e.results.items()}
        for e in engine.evaluate_many(locations, AS_OF)
    ]


def test_a_kept_translation_equals_a_fresh_one_and_decides_the_same(cache, translations):
    library = load_library()
    assert library_cache.made_from(library) is not None
    made = Engine(library)
    assert len(translations) == 1
    again = Engine(load_library())  # a later process: the library and its rules from the cache
    assert len(translations) == 1
    assert _kept(cache, library) == _fresh(library)
    # every ruleset is kept: the derived facts and several of norms
    assert len(_kept(cache, library)["_rulesets"]) == len(made._rulesets) > 2
    decisions = _decisions(again)
    assert decisions == _decisions(made)
    outcomes = {outcome.value for found in decisions for outcome, _ in found.values()}
    assert outcomes == {"pass", "fail", "unknown", "not_applicable"}
    assert any(violated for found in decisions for _, violated in found.values())


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated (a write cut short)
        lambda raw: raw[:-10] + bytes(10),  # altered bytes
        lambda raw: b"",
    ],
)
def test_a_corrupt_translation_is_made_again(cache, translations, damage):
    library = load_library()
    Engine(library)
    entry = _entry(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    engine = Engine(load_library())
    assert len(translations) == 2  # translated again, not unpickled
    assert entry.read_bytes() != damage(good)  # and stored again
    assert _decisions(engine) == _decisions(Engine(library))
    assert len(translations) == 2
    assert _kept(cache, library) == _fresh(library)


def test_a_missing_translation_is_made_again(cache, translations):
    Engine(load_library())
    _entry(cache).unlink()
    Engine(load_library())
    assert len(translations) == 2
    assert _entry(cache).exists()


def test_a_changed_engine_makes_the_translation_stale(cache, translations, monkeypatch):
    Engine(load_library())
    before = _entry(cache).name
    code = engine_module._code()
    monkeypatch.setattr(engine_module, "_code", lambda: [*code, b"an edited engine"])
    Engine(load_library())
    assert len(translations) == 2
    assert before in {p.name for p in cache.glob("engine-*.pickle")}
    assert len(list(cache.glob("engine-*.pickle"))) == 2  # its own entry, the old one left


def test_a_library_without_a_cache_key_is_translated_afresh(cache, translations):
    library = load_library()
    Engine(library)
    reformed = dataclasses.replace(library, norms=library.norms[:5])
    assert library_cache.made_from(reformed) is None
    engine = Engine(reformed)
    assert len(translations) == 2
    assert {len(found) for found in _decisions(engine)} <= {0, 1, 2, 3, 4, 5}
    assert len(list(cache.glob("engine-*.pickle"))) == 1


def test_no_cache_keeps_no_translation(cache, translations, monkeypatch):
    monkeypatch.setenv(stored.NO_CACHE_ENV, "1")
    library = load_library()
    assert library_cache.made_from(library) is None
    Engine(library)
    Engine(library)
    assert len(translations) == 2
    assert not cache.exists()
