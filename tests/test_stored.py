"""The message catalog and Babel's locale data, kept in the cache between processes
(checker.i18n.stored): what comes back from the cache is what a fresh parse gives, and a
corrupt, stale or missing entry is made again."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from checker.i18n import stored

# formats numbers, dates and units in both languages and picks plural forms: its output
# must not depend on where the locale data and the catalog came from
PROBE = """
import datetime as dt
from checker.i18n import t
from checker.i18n.formats import date, month, number, quantity
for lang in ("nl", "en"):
    print(number(1200.5, lang), date(dt.date(2026, 6, 1), lang), month(dt.date(2025, 4, 1), lang),
          quantity(1200, "area-square-meter", lang), quantity(1, "duration-month", lang),
          quantity(75, "duration-day", lang), t("unknown", lang))
"""


def _probe(cache_dir, **env) -> str:
    environment = {**os.environ, stored.CACHE_DIR_ENV: str(cache_dir), **env}
    environment.pop(stored.NO_CACHE_ENV, None)
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_locale_data_and_catalog_from_the_cache_read_as_freshly_made(tmp_path):
    cache = tmp_path / "cache"
    fresh = _probe(cache, **{stored.NO_CACHE_ENV: "1"})
    assert not cache.exists()  # --no-cache writes nothing
    assert fresh.splitlines() == [
        "1.200,5 1 juni 2026 april 2025 1.200 m² 1 maand 75 dagen onbekend",
        "1,200.5 1 June 2026 April 2025 1,200 m² 1 month 75 days unknown",
    ]
    assert _probe(cache) == fresh  # made and stored
    names = sorted(p.name for p in cache.iterdir())
    assert names == ["babel-en_GB.pickle", "babel-nl_NL.pickle", "messages.pickle"]
    assert _probe(cache) == fresh  # read back
    for entry in cache.iterdir():  # corrupt: one byte changed
        raw = bytearray(entry.read_bytes())
        raw[-5] ^= 0xFF
        entry.write_bytes(bytes(raw))
    assert _probe(cache) == fresh
    assert _probe(cache) == fresh  # made again, and readable again


def test_a_stale_or_corrupt_entry_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv(stored.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(stored.NO_CACHE_ENV, raising=False)
    key = stored.key_of("catalog", b"version 1")
    stored.write("entry.pickle", key, {"a": 1})
    assert stored.read("entry.pickle", key) == {"a": 1}
    assert stored.read("entry.pickle", stored.key_of("catalog", b"version 2")) is None
    (tmp_path / "entry.pickle").write_bytes(b"opvangtoets-cache 1\n" + b"\0" * 40)
    assert stored.read("entry.pickle", key) is None
    made = []
    assert stored.kept("entry.pickle", key, lambda: made.append(1) or {"a": 2}) == {"a": 2}
    assert stored.kept("entry.pickle", key, lambda: made.append(1) or {"a": 3}) == {"a": 2}
    assert made == [1]


def test_the_cached_catalog_is_the_yaml_file():
    from pathlib import Path

    import checker.i18n

    text = (Path(checker.i18n.__file__).with_name("messages.yaml")).read_text(encoding="utf-8")
    assert checker.i18n.catalog() == yaml.safe_load(text)


def test_a_locale_read_from_the_cache_reads_none_of_the_files_it_was_merged_from(tmp_path):
    cache = tmp_path / "cache"
    fresh = _probe(cache, **{stored.NO_CACHE_ENV: "1"})
    _probe(cache)  # made and stored
    environment = {**os.environ, stored.CACHE_DIR_ENV: str(cache)}
    environment.pop(stored.NO_CACHE_ENV, None)
    code = PROBE + "from babel import localedata\nprint(sorted(localedata._cache))\n"
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    *formatted, loaded = done.stdout.splitlines()
    assert formatted == fresh.splitlines()
    # only the two report locales: root, en, en_001 and nl were not looked up on disk
    assert loaded == "['en_GB', 'nl_NL']"
