"""Run every norm's own examples through the real engine and compare the outcomes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from checker.errors import InputError, Problem, labelled_problem
from checker.evaluate.engine import Engine
from checker.i18n import LANGUAGES, t
from checker.library.lines import NormLines
from checker.library.loader import Library, LibraryNorm
from checker.library.model import Example, Outcome
from checker.location.loader import location_from_mapping

#: The day an example without `as_of` is checked on when its norm has no start date either.
DEFAULT_EXAMPLE_DATE = dt.date(2025, 6, 1)


@dataclass
class ExampleRun:
    """One example of a norm run through the engine, with the outcome it gave."""

    norm: LibraryNorm
    example: Example
    line: int | None
    actual: Outcome | None  # None when the example's location is not valid
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the example gave the outcome it states."""
        return self.actual == self.example.outcome

    def failures(self) -> list[Problem]:
        """What went wrong, each as `file:line: NORM example 'name': ...`."""
        head = {
            "en": f"{self.norm.id} example '{self.example.name}'",
            "nl": f"{self.norm.id} voorbeeld '{self.example.name}'",
        }
        if self.actual is None:
            field_label = {lang: t("field_label", lang) for lang in LANGUAGES}
            return [
                dataclasses.replace(
                    p,
                    file=self.norm.path,
                    line=self.line,
                    field=None,
                    message={
                        lang: f"{head[lang]}: "
                        + (f"{field_label[lang]} '{p.field}': " if p.field else "")
                        + p.message[lang]
                        for lang in ("en", "nl")
                    },
                )
                for p in self.problems
            ]
        if self.ok:
            return []
        expected, actual = self.example.outcome.value, self.actual.value
        return [
            labelled_problem(
                self.norm.path,
                self.line,
                "problem_expected_got",
                hint_key="problem_fix_example_norm_condition",
                en=head["en"],
                expected=expected,
                actual=actual,
                nl=head["nl"],
            )
        ]


def example_date(lib_norm: LibraryNorm, example: Example) -> dt.date:
    """The date an example is checked on: its own, else the norm's first day, else a default."""
    return example.as_of or lib_norm.valid_from or DEFAULT_EXAMPLE_DATE


def run_examples(library: Library, engine: Engine | None = None) -> list[ExampleRun]:
    """One run per example of every norm, in library order."""
    engine = engine or Engine(library)
    lines = NormLines()
    runs = []
    for lib_norm in library.norms:
        for index, example in enumerate(lib_norm.norm.examples):
            line = lines.line(lib_norm, "examples", index)
            try:
                location = location_from_mapping(
                    {"id": "example", "name": example.name, **example.location},
                    lib_norm.path,
                )
            except InputError as exc:
                runs.append(ExampleRun(lib_norm, example, line, None, exc.problems))
                continue
            result = engine.evaluate(location, example_date(lib_norm, example)).results
            actual = result[lib_norm.id].outcome if lib_norm.id in result else None
            runs.append(ExampleRun(lib_norm, example, line, actual or Outcome.not_applicable))
    return runs
