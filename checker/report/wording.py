"""Facts and requirements in a reader's words: labels, units and values, never field names.

"Slaapkamers kunnen op slot: nee — vereist: ja"; "Langste tijd van asielaanvraag tot
eerste schooldag: 75 dagen — vereist: ten hoogste 2 maanden". Every report format, the
what-if titles, `improve` and `diff` word facts through this module, so they read alike.
Field names stay in JSON, in the YAML download and in the technical appendix.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.evaluate.plain import whole_months
from checker.i18n import t
from checker.i18n.formats import number, quantity
from checker.library.conditions import AllOf, AnyOf, Condition, Leaf, NotOf, Op
from checker.library.loader import AS_OF_FIELD, Library
from checker.library.months import month_span_days
from checker.location import labels

RELATION = {
    Op.present: "rel_present",
    Op.absent: "rel_absent",
    Op.ne: "rel_ne",
    Op.lt: "rel_lt",
    Op.lte: "rel_lte",
    Op.gt: "rel_gt",
    Op.gte: "rel_gte",
    Op.in_: "rel_in",
    Op.not_in: "rel_not_in",
    Op.contains: "rel_contains",
    Op.not_contains: "rel_not_contains",
}


class Wording:
    """The words for facts in one language, with the library's derived facts."""

    def __init__(self, lang: str, library: Library | None = None) -> None:
        self.lang = lang
        derived = library.derived if library else []
        self.derived = {d.name: labels.without_unit(getattr(d.title, lang)) for d in derived}

    def label(self, name: str) -> str:
        """The label of a field or derived fact, in the report language."""
        if name == AS_OF_FIELD:
            return t("as_of_date", self.lang)
        return labels.label(name, self.lang) or self.derived.get(name) or name

    def value(self, name: str, value: Any) -> str:
        """A value of field `name` with its unit, as a reader writes it."""
        return labels.show(name, value, self.lang)

    def fact(self, name: str, value: Any) -> str:
        """'Buitenspeelruimte op of naast het terrein: 1.200 m²'."""
        return f"{self.label(name)}: {self.value(name, value)}"

    def subject(self, leaf: Leaf) -> str:
        """What a condition leaf is about, in words."""
        if leaf.months_between:
            start, end = (self.label(f) for f in leaf.months_between)
            return t("months_between", self.lang, start=start, end=end)
        return self.label(leaf.field or "")

    def relation(self, leaf: Leaf) -> str:
        """The threshold as a reader says it: 'ja', 'ten hoogste 2 maanden', 'een van: …'."""
        lang = self.lang
        if leaf.op in (Op.present, Op.absent):
            return t(RELATION[leaf.op], lang)
        asides = []
        if leaf.months_between:
            shown = quantity(leaf.value, labels.MONTHS, lang)
        elif leaf.months is not None:  # a deadline in months on a day count: say both
            shortest, longest = month_span_days(leaf.months)
            shown = quantity(leaf.months, labels.MONTHS, lang)
            asides.append(f"{number(shortest, lang)}–{quantity(longest, labels.DAYS, lang)}")
        else:
            shown = self.value(leaf.field or "", leaf.value)
        note = getattr(leaf.note, lang) if leaf.note else None
        if note and note[0].isdigit():  # '2 months' is the threshold in the norm's own words
            shown, note = note, None
        if note:
            asides.append(note)
        text = shown if leaf.op == Op.eq else t(RELATION[leaf.op], lang, value=shown)
        return f"{text} ({'; '.join(asides)})" if asides else text

    def leaf(self, leaf: Leaf) -> str:
        """A condition part: 'Slaapkamers kunnen op slot: ja'."""
        return f"{self.subject(leaf)}: {self.relation(leaf)}"

    def condition(self, cond: Condition | None) -> str:
        """A condition in words ('at most 2 months')."""
        if cond is None:
            return ""
        if isinstance(cond, Leaf):
            return self.leaf(cond)
        if isinstance(cond, NotOf):
            return f"{t('not', self.lang)} ({self.condition(cond.not_)})"
        parts = cond.all if isinstance(cond, AllOf) else cond.any
        joiner = "; " if isinstance(cond, AllOf) else f" {t('or', self.lang)} "
        inner = joiner.join(self.condition(p) for p in parts)
        return f"({inner})" if isinstance(cond, AnyOf) and len(parts) > 1 else inner

    def got(self, leaf: Leaf, values: dict[str, Any]) -> str:
        """What the location has for the leaf's subject."""
        if leaf.months_between:
            start, end = (_day(values.get(f)) for f in leaf.months_between)
            if isinstance(start, dt.date) and isinstance(end, dt.date):
                return quantity(whole_months(start, end), labels.MONTHS, self.lang)
            return t("unknown", self.lang)
        field = leaf.field or ""
        return self.value(field, values.get(field))

    def not_met(self, leaf: Leaf, values: dict[str, Any]) -> str:
        """'Slaapkamers kunnen op slot: nee — vereist: ja'."""
        return (
            f"{self.subject(leaf)}: {self.got(leaf, values)} — "
            f"{t('required', self.lang)}: {self.relation(leaf)}"
        )

    def names(self, names: list[str]) -> str:
        """Several fields' labels, joined."""
        return "; ".join(self.label(n) for n in names)


def _day(value: Any) -> Any:
    """A date, also when the readable values give it as ISO text."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value
