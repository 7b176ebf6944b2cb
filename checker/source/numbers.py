"""Numbers as people write them: the Dutch `1,4` and `1.200`, and where a dot is ambiguous.

A Dutch writer groups thousands with a dot (`1.200` is twelve hundred) and writes the
decimal sign as a comma (`1,2`); YAML and CSV read `1.200` as 1.2. In a field that counts
people or square metres a value like that is refused with both readings, never guessed;
in a distance or a duration (`1.250` km) three decimals are ordinary and stay accepted.
"""

from __future__ import annotations

import functools
import re

from babel.numbers import NumberFormatError
from babel.numbers import parse_decimal as _babel_parse_decimal

#: A dot, an integer part of 1–999 and exactly three decimals: `1.200` (1200 or 1.2?)
AMBIGUOUS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
#: Fields whose values are whole counts or areas, where `1.200` is more likely 1200 than 1.2.
_AMBIGUOUS_SUFFIXES = ("_m2", "_count")
_AMBIGUOUS_PREFIXES = ("persons_per_",)


@functools.lru_cache(maxsize=1024)  # asked for every key of every location
def refuses_three_decimals(field: str) -> bool:
    """Whether `1.200` in this field is refused as ambiguous (areas and counts, by unit)."""
    return field.endswith(_AMBIGUOUS_SUFFIXES) or field.startswith(_AMBIGUOUS_PREFIXES)


def is_ambiguous(text: str) -> bool:
    """Whether `text` reads both as a thousands-grouped whole number and as a decimal."""
    return AMBIGUOUS.fullmatch(text.strip()) is not None


def readings(text: str) -> tuple[str, str]:
    """The two readings of an ambiguous number, as a user would write them: ('1200', '1,2')."""
    whole, decimals = text.strip().split(".")
    return whole + decimals, f"{whole},{decimals.rstrip('0') or '0'}"


def parse_decimal(text: str, lang: str) -> float:
    """`text` as the number a user of `lang` means: in Dutch `1,4` is 1.4 and `1.200` is
    1200, in English `1,200` is 1200. Raises ValueError (with Babel's suggestions in its
    message) when the grouping does not fit the language, e.g. `1.4` in Dutch."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise ValueError("empty")
    try:
        return float(_babel_parse_decimal(cleaned, locale=lang, strict=True))
    except NumberFormatError as exc:
        raise ValueError(str(exc)) from None


def decimal_comma(text: str) -> float | None:
    """A cell written with a Dutch decimal comma (`2,5`, `1.200,5`) as its number; None when
    the text has no comma or does not read as a Dutch number."""
    if "," not in text:
        return None
    try:
        return parse_decimal(text, "nl")
    except ValueError:
        return None
