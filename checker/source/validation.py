"""What a validator's complaint means, in both languages.

pydantic and jsonschema word their errors in English only; every reader of input (locations,
norm files, waiver files) turns them into a `Problem` through here, so Dutch output never
carries the validator's English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic_core import ErrorDetails

from checker.i18n import t

# pydantic error types that mean "expected a value of this kind": the catalog key of the kind
_PYDANTIC_KINDS = {
    "int_type": "kind_whole_number",
    "int_parsing": "kind_whole_number",
    "int_from_float": "kind_whole_number",
    "float_type": "kind_number",
    "float_parsing": "kind_number",
    "bool_type": "kind_boolean",
    "bool_parsing": "kind_boolean",
    "string_type": "kind_text",
    "date_type": "kind_date",
    "date_parsing": "kind_date",
    "date_from_datetime_inexact": "kind_date_only",
    "list_type": "kind_list",
    "dict_type": "kind_mapping",
    "model_type": "kind_authority_finding",  # the only records in the model
    "model_attributes_type": "kind_mapping",
}
_SIGNS = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}
# JSON Schema type names, as the catalog's kinds
_SCHEMA_KINDS = {
    "integer": "kind_whole_number",
    "number": "kind_number",
    "boolean": "kind_boolean",
    "string": "kind_text",
    "array": "kind_list",
    "object": "kind_mapping",
}


@dataclass(frozen=True)
class Texts:
    """A message and an optional hint, each in English and Dutch."""

    en: str
    nl: str
    hint_en: str = ""
    hint_nl: str = ""


def _both(key: str, hint: str | None = None, **values: object) -> Texts:
    if hint is None:
        return Texts(t(key, "en", **values), t(key, "nl", **values))
    return Texts(t(key, "en", **values), t(key, "nl", **values), t(hint, "en"), t(hint, "nl"))


def pydantic_texts(err: ErrorDetails) -> Texts:
    """One pydantic error (an item of `ValidationError.errors()`) in both languages."""
    kind, got = err["type"], err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return _both("invalid_missing", "invalid_missing_hint")
    if kind in ("enum", "literal_error"):
        allowed = ctx.get("expected", "")
        return Texts(
            t("invalid_choice", "en", got=got),
            t("invalid_choice", "nl", got=got),
            t("invalid_choice_hint", "en", allowed=allowed),
            t("invalid_choice_hint", "nl", allowed=allowed),
        )
    if kind in _PYDANTIC_KINDS:
        kinds = {lang: t(_PYDANTIC_KINDS[kind], lang) for lang in ("en", "nl")}
        return Texts(
            t("invalid_kind", "en", kind=kinds["en"], got=repr(got)),
            t("invalid_kind", "nl", kind=kinds["nl"], got=repr(got)),
        )
    if kind in _SIGNS:
        bound = next(iter(ctx.values()), "")
        return _both("invalid_range", got=got, sign=_SIGNS[kind], bound=bound)
    if kind in ("string_too_short", "too_short"):
        return _both("invalid_empty")
    if kind == "string_pattern_mismatch":
        return _both("invalid_form", "invalid_form_hint", got=got)
    if kind == "extra_forbidden":
        return _both("invalid_unknown_key")
    labelled = getattr(ctx.get("error"), "key", None)
    if kind == "value_error" and labelled:  # our own validators' errors carry a catalog key
        values = ctx["error"].values
        return Texts(t(labelled, "en", **values), t(labelled, "nl", **values))
    return Texts(err["msg"].removeprefix("Value error, "), t("invalid_other", "nl"))


def jsonschema_texts(err: Any) -> Texts:
    """One `jsonschema.ValidationError` in both languages (the English is jsonschema's own)."""
    rule, expected, got = err.validator, err.validator_value, err.instance
    nl: str
    if rule == "required":
        # jsonschema reports each missing key on its own, naming it first
        key = next((k for k in expected if err.message.startswith(repr(k))), ", ".join(expected))
        nl = t("schema_required", "nl", key=key)
    elif rule == "additionalProperties":
        extra = sorted(k for k in got if k not in err.schema.get("properties", {}))
        nl = t("schema_extra_keys", "nl", keys=", ".join(f"'{k}'" for k in extra))
    elif rule == "type":
        kinds = [expected] if isinstance(expected, str) else list(expected)
        named = " / ".join(t(_SCHEMA_KINDS.get(k, "kind_other"), "nl") for k in kinds)
        nl = t("invalid_kind", "nl", kind=named, got=repr(got))
    elif rule in ("enum", "const"):
        choices = expected if rule == "enum" else [expected]
        nl = (
            t("invalid_choice", "nl", got=got)
            + "; "
            + t("invalid_choice_hint", "nl", allowed=", ".join(map(repr, choices)))
        )
    elif rule in ("minItems", "minLength") and expected == 1:
        nl = t("invalid_empty", "nl")
    elif rule in ("minItems", "maxItems", "minLength", "maxLength"):
        nl = t(f"schema_{rule}", "nl", limit=expected)
    elif rule == "pattern":
        nl = t("invalid_form", "nl", got=got)
    elif rule == "format":
        nl = t("schema_format", "nl", got=got, format=expected)
    elif rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        sign = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}
        nl = t("invalid_range", "nl", got=got, sign=sign[rule], bound=expected)
    else:
        nl = t("invalid_other", "nl")
    return Texts(err.message, nl)
