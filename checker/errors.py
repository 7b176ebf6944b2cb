"""Input problems as values: a file, a line, a field, what is wrong and what to do.

Every problem the checker finds in a location or norm file becomes a `Problem`;
the CLI prints each once, on one line, and exits 2. Nothing here raises a
traceback at a user.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, in both report languages."""

    file: str
    line: int | None
    message: dict[str, str]  # {"en": ..., "nl": ...}
    field: str | None = None
    hint: dict[str, str] = dataclasses.field(default_factory=dict)

    def render(self, lang: str = "nl") -> str:
        """The problem on one line: file:line: field: message — hint."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = self.message.get(lang) or self.message["en"]
        if self.field:
            from checker.i18n import t

            text = f"{t('field_label', lang)} '{self.field}': {text}"
        hint = self.hint.get(lang) or self.hint.get("en")
        return printable(f"{where}: {text}" + (f" — {hint}" if hint else ""))


class InputError(Exception):
    """Raised with every problem found in one file, so all are reported at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.render("en") for p in problems))
        self.problems = problems


class LabelledError(ValueError):
    """A validator's complaint worded by a catalog label, so that it can be shown in Dutch too."""

    def __init__(self, key: str, **values: object) -> None:
        from checker.i18n import t

        super().__init__(t(key, "en", **values))
        self.key, self.values = key, values


# Control characters (C0 with line breaks and tabs, DEL, C1) and the bidirectional overrides
# that reorder what a reader sees: none of them may reach a terminal from an input.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`), so a value
    from a file can neither steer a terminal nor start a line of its own."""
    return _UNPRINTABLE.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def problem(
    file: str,
    line: int | None,
    en: str,
    nl: str,
    *,
    field: str | None = None,
    hint_en: str = "",
    hint_nl: str = "",
) -> Problem:
    """A problem from its English and Dutch message (and hint)."""
    hint = {"en": hint_en, "nl": hint_nl} if hint_en else {}
    return Problem(file, line, {"en": en, "nl": nl}, field, hint)


def labelled_problem(
    file: str,
    line: int | None,
    key: str,
    *,
    hint_key: str | None = None,
    field: str | None = None,
    **values: object,
) -> Problem:
    """A problem whose message (and hint) are labels of `checker.i18n`, in both languages."""
    from checker.i18n import t

    en, nl = t(key, "en", **values), t(key, "nl", **values)
    hint_en, hint_nl = (
        (t(hint_key, "en", **values), t(hint_key, "nl", **values)) if hint_key else ("", "")
    )
    return problem(file, line, en, nl, field=field, hint_en=hint_en, hint_nl=hint_nl)


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The choice closest to a misspelt `word`, if one is close enough."""
    import difflib  # only for a misspelt word: a cold start does not pay for it

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None
