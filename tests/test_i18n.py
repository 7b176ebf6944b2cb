"""The catalog `checker/i18n/messages.yaml`: complete in both languages, plural forms for every
language's plural rule, no key missing or unused, and no English validator text in Dutch."""

from __future__ import annotations

import ast
import re
import string
import typing
from enum import Enum
from pathlib import Path

import pytest
import yaml
from babel import Locale
from click.testing import CliRunner
from pydantic import BaseModel

from checker import i18n
from checker.audit.waivers import EXPIRED, WAIVED
from checker.cli import main
from checker.i18n import LANGUAGES, catalog, t
from checker.location.model import Location
from checker.report.verdict import PolicyOutcome, Verdict
from checker.source.validation import jsonschema_texts, pydantic_texts

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "checker" / "i18n" / "messages.yaml"
# Words of pydantic's and jsonschema's English messages: none may reach Dutch output.
VALIDATOR_ENGLISH = re.compile(
    r"is too short|is too long|should be|is not of type|is a required property|Field required"
    r"|Input should|Additional properties|does not match|is not one of|non-empty|Value error"
    r"|is not valid under|Extra inputs"
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _texts(entry: dict) -> dict[str, list[str]]:
    """Every text of an entry per language (one, or one per plural form)."""
    return {lang: list(v.values()) if isinstance(v, dict) else [v] for lang, v in entry.items()}


def test_no_key_is_defined_twice():
    root = yaml.compose(CATALOG.read_text(encoding="utf-8"))
    keys = [k.value for k, _ in root.value]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_every_entry_has_english_and_dutch_with_the_same_placeholders():
    wrong = []
    for key, entry in catalog().items():
        texts = _texts(entry)
        if set(texts) != set(LANGUAGES) or not all(s for forms in texts.values() for s in forms):
            wrong.append((key, "missing translation"))
            continue
        names = {lang: set().union(*map(_placeholders, forms)) for lang, forms in texts.items()}
        # a placeholder named after a language ({en}, {what_nl}) holds text in that language
        same = {lang: {re.sub(rf"(^|_){lang}$", "", n) for n in names[lang]} for lang in names}
        if same["en"] != same["nl"]:
            wrong.append((key, names))
    assert wrong == []


def test_plural_entries_have_every_form_of_each_languages_rule():
    wrong = []
    for key, entry in catalog().items():
        for lang, value in entry.items():
            if isinstance(value, dict):
                needed = set(Locale.parse(lang).plural_form.tags) | {"other"}
                if set(value) != needed or "count" not in _placeholders(value["other"]):
                    wrong.append((key, lang, sorted(value), sorted(needed)))
    assert wrong == []


@pytest.mark.parametrize(
    ("lang", "count", "text"),
    [
        ("en", 1, "1 location checked"),
        ("en", 3, "3 locations checked"),
        ("nl", 1, "1 locatie getoetst"),
        ("nl", 0, "0 locaties getoetst"),
    ],
)
def test_a_count_picks_the_plural_form(lang, count, text):
    assert t("audit_checked", lang, count=count) == text


def test_a_plural_entry_without_a_count_is_refused():
    with pytest.raises(TypeError, match="audit_checked"):
        t("audit_checked", "en")


def _source_strings() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    for path in (ROOT / "checker").rglob("*.j2"):
        found |= set(re.findall(r"""t\(\s*["']([^"']+)["']""", path.read_text(encoding="utf-8")))
    return found


def _keys_made_at_run_time() -> set[str]:
    """Keys that code builds from a value (an enum member, a validator rule)."""
    keys = {f"verdict_rule_{v.value}" for v in Verdict} | {f"waiver_{WAIVED}", f"waiver_{EXPIRED}"}
    keys |= {f"schema_{rule}" for rule in ("minItems", "maxItems", "minLength", "maxLength")}
    keys |= {f"policy_{o.value}" for o in PolicyOutcome}
    keys |= {f"not_met_{layer}" for layer in ("law", "policy", "guidance")}
    models, seen = [Location], set()
    while models:  # the location model and the records inside it (authority findings)
        model = models.pop()
        for info in model.model_fields.values():
            kind = info.annotation
            for arg in (kind, *typing.get_args(kind), *map(typing.get_args, typing.get_args(kind))):
                for member in arg if isinstance(arg, tuple) else (arg,):
                    if isinstance(member, type) and issubclass(member, Enum):
                        keys |= {f"{member.__name__}.{m.value}" for m in member}
                    elif isinstance(member, type) and issubclass(member, BaseModel):
                        if member not in seen:
                            seen.add(member)
                            models.append(member)
    return keys


def test_every_key_is_used():
    used = _source_strings() | _keys_made_at_run_time()
    assert sorted(k for k in catalog() if k not in used) == []


def test_every_key_the_code_asks_for_exists():
    asked: set[str] = set()
    for path in (ROOT / "checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("t", "LabelledError", "_both") and node.args:
                args = node.args[:1]
            elif name == "labelled_problem":
                args = node.args[2:3] + [k.value for k in node.keywords if k.arg == "hint_key"]
            else:
                continue
            asked |= {a.value for a in args if isinstance(a, ast.Constant)}
    for path in (ROOT / "checker").rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        asked |= set(re.findall(r"""\bt\(\s*["']([^"']+)["']\s*[,)]""", text))
    assert sorted(asked - set(catalog())) == []
    assert len(asked) > 150  # the scan did find the code's labels


def test_labels_stays_readable_for_older_callers():
    assert i18n.LABELS is catalog()


def _errors(model: type, data: object) -> list[dict]:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value.errors()


def test_pydantic_errors_are_said_in_dutch():
    from checker.library.model import NormFile

    errors = _errors(NormFile, {"family": 3, "norms": "many", "extra": 1})
    errors += _errors(Location, {"id": "", "children_count": "veel", "opening_date": "soon"})
    assert len(errors) >= 5
    for err in errors:
        dutch = pydantic_texts(err).nl
        assert dutch and not VALIDATOR_ENGLISH.search(dutch), (err, dutch)


def test_json_schema_errors_are_said_in_dutch():
    import jsonschema

    schema = {
        "type": "object",
        "required": ["a"],
        "additionalProperties": False,
        "properties": {
            "b": {"type": "array", "minItems": 1},
            "c": {"enum": ["x", "y"]},
            "d": {"type": "string", "pattern": "^[a-z]+$"},
            "e": {"type": "integer"},
        },
    }
    instance = {"b": [], "c": "z", "d": "X", "e": "1", "f": 0}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(instance))
    assert len(errors) == 6
    for err in errors:
        dutch = jsonschema_texts(err).nl
        assert dutch and not VALIDATOR_ENGLISH.search(dutch), (err.message, dutch)


def test_norms_lint_in_dutch_prints_no_validator_english(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "family: local\ninstrument: {en: X, nl: X}\nweight: law\n"
        "url: https://wetten.overheid.nl/\nnorms: []\nextra: 1\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["norms", "lint", "--no-shipped", "--lang", "nl", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "gevonden problemen" in result.stderr
    assert not VALIDATOR_ENGLISH.search(result.stderr), result.stderr


def test_bad_norm_files_in_dutch_print_no_validator_english():
    for directory in sorted((ROOT / "tests" / "bad_norms").iterdir()):
        if not directory.is_dir():
            continue
        result = CliRunner().invoke(
            main, ["norms", "lint", "--no-shipped", "--lang", "nl", str(directory)]
        )
        assert not VALIDATOR_ENGLISH.search(result.output + result.stderr), directory
