"""Every label a user reads, in Dutch and English."""

from __future__ import annotations

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    # verdicts
    "non_compliant": {"en": "non-compliant", "nl": "niet conform"},
    "insufficient_information": {"en": "insufficient information", "nl": "onvoldoende informatie"},
    "compliant_with_concerns": {
        "en": "compliant, with concerns",
        "nl": "conform, met aandachtspunten",
    },
    "compliant": {"en": "compliant", "nl": "conform"},
    # outcomes
    "pass": {"en": "pass", "nl": "voldoet"},
    "fail": {"en": "fail", "nl": "voldoet niet"},
    "unknown": {"en": "unknown", "nl": "onbekend"},
    "not_applicable": {"en": "not applicable", "nl": "niet van toepassing"},
    # weights and severities
    "law": {"en": "law", "nl": "wet"},
    "court": {"en": "court", "nl": "rechter"},
    "policy": {"en": "policy", "nl": "beleid"},
    "guidance": {"en": "guidance", "nl": "richtsnoer"},
    "critical": {"en": "critical", "nl": "ernstig"},
    "major": {"en": "major", "nl": "groot"},
    "minor": {"en": "minor", "nl": "klein"},
    # dimensions
    "education": {"en": "education", "nl": "onderwijs"},
    "play_leisure": {"en": "play and leisure", "nl": "spel en vrije tijd"},
    "privacy_family": {"en": "privacy and family", "nl": "privacy en gezin"},
    "safety": {"en": "safety", "nl": "veiligheid"},
    "health": {"en": "health", "nl": "gezondheid"},
    "stability": {"en": "stability", "nl": "stabiliteit"},
    "care_staffing": {"en": "care and staffing", "nl": "begeleiding en personeel"},
    "living_conditions": {"en": "living conditions", "nl": "leefomstandigheden"},
    "participation": {"en": "participation", "nl": "inspraak"},
    # score bands
    "child_friendly": {"en": "child-friendly", "nl": "kindvriendelijk"},
    "partly_child_friendly": {"en": "partly child-friendly", "nl": "deels kindvriendelijk"},
    "not_child_friendly": {"en": "not child-friendly", "nl": "niet kindvriendelijk"},
    # report text
    "verdict": {"en": "Verdict", "nl": "Oordeel"},
    "as_of": {"en": "as of", "nl": "per"},
    "score": {"en": "Child-friendliness", "nl": "Kindvriendelijkheid"},
    "overall": {"en": "overall", "nl": "totaal"},
    "findings": {"en": "Findings", "nl": "Bevindingen"},
    "failing": {"en": "Fails", "nl": "Voldoet niet"},
    "unknowns": {"en": "Cannot be judged yet", "nl": "Nog niet te beoordelen"},
    "passing": {"en": "Passes", "nl": "Voldoet"},
    "not_applicable_heading": {"en": "Not applicable", "nl": "Niet van toepassing"},
    "remedy": {"en": "to fix", "nl": "oplossing"},
    "missing": {"en": "missing facts", "nl": "ontbrekende gegevens"},
    "norms_version": {"en": "norms version", "nl": "normenversie"},
    "not_in_force": {"en": "not in force on {date}", "nl": "niet van kracht op {date}"},
    "does_not_apply": {
        "en": "does not apply: {condition}",
        "nl": "niet van toepassing: {condition}",
    },
    "applicability_unknown": {
        "en": "whether it applies is unknown; missing: {fields}",
        "nl": "onbekend of deze norm geldt; ontbreekt: {fields}",
    },
    "requirement_unknown": {"en": "missing: {fields}", "nl": "ontbreekt: {fields}"},
    "required": {"en": "required", "nl": "vereist"},
    "holds": {"en": "requirement met", "nl": "aan de eis voldaan"},
    "and": {"en": "and", "nl": "en"},
    "or": {"en": "or", "nl": "of"},
    "not": {"en": "not", "nl": "niet"},
    "facts_to_collect": {"en": "Find out first", "nl": "Eerst uitzoeken"},
    "waiting_norms": {
        "en": "{binding} law/court norms and {other} other norms wait for this",
        "nl": "{binding} wets-/rechternormen en {other} andere normen wachten hierop",
    },
    "coming_changes": {"en": "Coming changes in the law", "nl": "Komende wijzigingen"},
    "enters_into_force": {"en": "enters into force", "nl": "treedt in werking"},
    "expires": {"en": "expires", "nl": "vervalt"},
    "replaces": {"en": "replaces {norm}", "nl": "vervangt {norm}"},
    "outcome_change": {"en": "now {now}, then {then}", "nl": "nu {now}, dan {then}"},
    "summary_counts": {
        "en": "{fail} fail, {unknown} unknown, {passed} pass, {na} not applicable",
        "nl": "{fail} voldoet niet, {unknown} onbekend, {passed} voldoet, {na} niet van toepassing",
    },
    "warnings": {"en": "Warnings", "nl": "Waarschuwingen"},
}


def t(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
