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
    # HTML and Markdown reports
    "report_title": {"en": "Reception location check", "nl": "Toets opvanglocatie"},
    "location_code": {"en": "location code", "nl": "locatiecode"},
    "municipality": {"en": "municipality", "nl": "gemeente"},
    "file": {"en": "file", "nl": "bestand"},
    "as_of_date": {"en": "date of the check", "nl": "peildatum"},
    "yes": {"en": "yes", "nl": "ja"},
    "no": {"en": "no", "nl": "nee"},
    "score_by_dimension": {
        "en": "Child-friendliness by dimension",
        "nl": "Kindvriendelijkheid per dimensie",
    },
    "score_certain": {"en": "score on known facts", "nl": "score op bekende gegevens"},
    "score_open": {
        "en": "range while facts are unknown",
        "nl": "bandbreedte zolang gegevens onbekend zijn",
    },
    "no_applicable_norms": {"en": "no applicable norms", "nl": "geen toepasselijke normen"},
    "fix_first": {"en": "What to fix first", "nl": "Eerst oplossen"},
    "nothing_to_fix": {"en": "No norm fails.", "nl": "Geen enkele norm wordt geschonden."},
    "find_out": {"en": "What to find out", "nl": "Wat uit te zoeken"},
    "nothing_to_find_out": {
        "en": "No fact that a norm needs is missing.",
        "nl": "Er ontbreekt geen gegeven dat een norm nodig heeft.",
    },
    "all_findings": {"en": "All findings", "nl": "Alle bevindingen"},
    "facts_used": {"en": "Facts the check used", "nl": "Gebruikte gegevens"},
    "no_changes": {
        "en": "No change in the law within a year alters an outcome for this location.",
        "nl": "Geen wetswijziging binnen een jaar verandert een uitkomst voor deze locatie.",
    },
    "norm": {"en": "norm", "nl": "norm"},
    "title": {"en": "title", "nl": "titel"},
    "outcome": {"en": "outcome", "nl": "uitkomst"},
    "weight": {"en": "weight", "nl": "gewicht"},
    "severity": {"en": "severity", "nl": "ernst"},
    "dimension": {"en": "dimension", "nl": "dimensie"},
    "finding": {"en": "finding", "nl": "bevinding"},
    "facts": {"en": "facts", "nl": "gegevens"},
    "why_it_fails": {"en": "why it fails", "nl": "waarom niet voldaan"},
    "source": {"en": "source", "nl": "bron"},
    "fact": {"en": "fact", "nl": "gegeven"},
    "meaning": {"en": "meaning", "nl": "betekenis"},
    "value": {"en": "value", "nl": "waarde"},
    "binding_norms_waiting": {
        "en": "law/court norms waiting",
        "nl": "wachtende wets-/rechternormen",
    },
    "other_norms_waiting": {"en": "other norms waiting", "nl": "wachtende andere normen"},
    "date": {"en": "date", "nl": "datum"},
    "change": {"en": "change", "nl": "wijziging"},
    "now_then": {"en": "now → then", "nl": "nu → dan"},
    "verdict_defined": {"en": "How the verdict is defined", "nl": "Hoe het oordeel tot stand komt"},
    "verdict_rule_non_compliant": {
        "en": "a norm of weight law or court fails",
        "nl": "een norm met gewicht wet of rechter wordt geschonden",
    },
    "verdict_rule_insufficient_information": {
        "en": "no law or court norm fails, but one cannot be judged for lack of facts",
        "nl": "geen wets- of rechternorm wordt geschonden, maar een ervan is door "
        "ontbrekende gegevens niet te beoordelen",
    },
    "verdict_rule_compliant_with_concerns": {
        "en": "every law and court norm passes; a policy or guidance norm fails or is unknown",
        "nl": "alle wets- en rechternormen worden gehaald; een beleids- of richtsnoernorm "
        "wordt niet gehaald of is onbekend",
    },
    "verdict_rule_compliant": {
        "en": "every applicable norm passes",
        "nl": "elke toepasselijke norm wordt gehaald",
    },
    "score_rule": {
        "en": "The child-friendliness score of a dimension is the share of its applicable "
        "norms that pass, weighted by severity (critical 3, major 2, minor 1); the overall "
        "score is the mean of the dimensions. Unknown facts make it a range: the low end "
        "counts them as failing, the high end as passing. Child-friendly from 80 (low end), "
        "partly child-friendly from 50.",
        "nl": "De kindvriendelijkheidsscore van een dimensie is het aandeel van de "
        "toepasselijke normen dat wordt gehaald, gewogen naar ernst (ernstig 3, groot 2, "
        "klein 1); de totaalscore is het gemiddelde van de dimensies. Ontbrekende gegevens "
        "maken er een bandbreedte van: de onderkant telt ze als niet gehaald, de bovenkant "
        "als gehaald. Kindvriendelijk vanaf 80 (onderkant), deels kindvriendelijk vanaf 50.",
    },
    "made_by": {
        "en": "Made with opvangtoets. Every claim links to its official source.",
        "nl": "Gemaakt met opvangtoets. Elke bewering verwijst naar de officiële bron.",
    },
    "written": {"en": "written", "nl": "geschreven"},
    "several_reports_need_output": {
        "en": "several HTML reports do not fit in one document: give --output DIRECTORY",
        "nl": "meerdere HTML-rapporten passen niet in één document: geef --output MAP",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
