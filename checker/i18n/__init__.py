"""Every sentence a user reads, in Dutch and English, from the catalog `messages.yaml`.

`t(key, lang, **values)` gives one entry with its `{placeholders}` filled in. An entry whose
wording depends on a number has plural forms (`{en: {one: ..., other: ...}, nl: {...}}`);
`t(key, lang, count=n)` picks the form by the language's CLDR plural rule (Babel) and shows
the number as `{count}`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from checker.i18n import stored

LANGUAGES = ("nl", "en")

Entry = dict[str, Any]  # {"en": text or {form: text}, "nl": ...}


@cache
def catalog() -> dict[str, Entry]:
    """The catalog, read once on first use; parsed from YAML once per version of the file and
    then read from the user's cache (`checker.i18n.stored`), which is 30 times faster."""
    import yaml

    raw = Path(__file__).with_name("messages.yaml").read_bytes()

    def parse() -> dict[str, Entry]:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(raw.decode("utf-8"), Loader=loader)

    return stored.kept("messages.pickle", stored.key_of(yaml.__version__, raw), parse)


def __getattr__(name: str) -> dict[str, Entry]:
    """`LABELS` stays readable as the catalog (older callers and tests)."""
    if name == "LABELS":
        return catalog()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def plural_form(lang: str, count: int) -> str:
    """The CLDR plural category ('one', 'other', ...) of `count` in `lang`."""
    from checker.i18n.formats import LOCALES, load_locale

    # the report's locale, read from the cache, has its language's plural rules; the bare
    # language ("en") would be merged by Babel from its own files (68 M instructions)
    return load_locale(LOCALES[lang]).plural_form(abs(count))


def chosen_first(lang: str) -> list[str]:
    """Both languages, `lang` first (texts shown in both, the other one second)."""
    return sorted(LANGUAGES, key=lambda other: other != lang)


def t(key: str, lang: str, /, **values: object) -> str:
    """The entry `key` in `lang`, placeholders filled; `count=n` picks a plural form."""
    text = catalog()[key][lang]
    if isinstance(text, dict):
        count = values.get("count")
        if not isinstance(count, int):
            raise TypeError(f"label '{key}' has plural forms: give count=<whole number>")
        text = text[plural_form(lang, count)]
    return text.format(**values) if values else text
