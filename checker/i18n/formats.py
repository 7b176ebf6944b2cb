"""Numbers, dates and units in the conventions of the report language (through Babel)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

import babel
from babel import Locale, localedata
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.units import format_unit

from checker.i18n import stored

#: The Babel locale of each report language: British English writes "1 June 2026".
LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@cache
def load_locale(name: str) -> Locale:
    """The Babel locale `name`, its CLDR data ready. Babel merges it from a file per level
    (root, en, en_001, en_GB), a third of a cold `check`; merged once per Babel version, it is
    then read from the user's cache (`checker.i18n.stored`) into Babel's own cache of loaded
    locales, where Babel looks first. One `Locale` for every value formatted: given its name,
    Babel would make a new one each time, looking for its file on disk."""
    loaded = getattr(localedata, "_cache", None)
    if not isinstance(loaded, dict) or name in loaded:
        return Locale.parse(name)  # a Babel that keeps its data otherwise loads it itself

    def merge() -> dict:
        # only the locale itself: its data holds what it inherits, and the levels it was
        # merged from (half the entry) are never looked up once it is loaded
        return {name: localedata.load(name)}

    for level, data in stored.kept(
        f"babel-{name}.pickle", stored.key_of(babel.__version__, name), merge
    ).items():
        loaded.setdefault(level, data)
    return Locale.parse(name)


def _pattern(value: float) -> str:
    """Two decimals at most, but never a non-zero value shown as 0 (0.00002 stays 0.00002)."""
    magnitude = abs(value)
    if magnitude == 0 or magnitude >= 0.01 or isinstance(value, int):
        return "#,##0.##"
    decimals = 2
    while round(magnitude, decimals) == 0 and decimals < 12:
        decimals += 1
    return "#,##0." + "#" * (decimals + 1)


def number(value: float, lang: str) -> str:
    """'1.200' and '4,5' in Dutch, '1,200' and '4.5' in English; at most two decimals, unless
    a small value needs more to show it is not zero."""
    return format_decimal(value, format=_pattern(value), locale=load_locale(LOCALES[lang]))


def date(value: dt.date, lang: str) -> str:
    """'1 juni 2026' in Dutch, '1 June 2026' in English."""
    return format_date(value, format="long", locale=load_locale(LOCALES[lang]))


def quantity(value: float, unit: str, lang: str) -> str:
    """A number with a CLDR unit: '1.200 m²', '75 dagen', '1 maand', '2,5 km'."""
    if unit == "working-day":  # CLDR has no working days
        one = value == 1
        word = {
            "nl": "werkdag" if one else "werkdagen",
            "en": "working day" if one else "working days",
        }
        return f"{number(value, lang)} {word[lang]}"
    length: Literal["short", "long"] = "short" if unit.startswith(("area-", "length-")) else "long"
    return format_unit(
        value, unit, length=length, format=_pattern(value), locale=load_locale(LOCALES[lang])
    )


def month(value: dt.date, lang: str) -> str:
    """'april 2025' in Dutch, 'April 2025' in English (a fact dated by its month)."""
    return format_date(value, format="LLLL y", locale=load_locale(LOCALES[lang]))
