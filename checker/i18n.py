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
    # plans: what-if, improve, diff, new
    "what_if": {"en": "What if", "nl": "Wat als"},
    "before": {"en": "before", "nl": "voor"},
    "after": {"en": "after", "nl": "na"},
    "unknown_value": {"en": "unknown", "nl": "onbekend"},
    "facts_differ": {"en": "Facts that differ", "nl": "Gegevens die verschillen"},
    "norms_change": {"en": "Norms that change outcome", "nl": "Normen met een andere uitkomst"},
    "no_norm_changes": {
        "en": "No norm changes outcome.",
        "nl": "Geen enkele norm krijgt een andere uitkomst.",
    },
    "plan_title": {"en": "Improvement plan", "nl": "Verbeterplan"},
    "target": {"en": "Target", "nl": "Doel"},
    "target_reached": {
        "en": "Target reached: the engine re-checked the improved location.",
        "nl": "Doel gehaald: de regelengine heeft de verbeterde locatie opnieuw getoetst.",
    },
    "target_reached_if": {
        "en": "Target reached, provided the {n} facts marked 'to confirm' are made true.",
        "nl": "Doel gehaald, mits de {n} gegevens met 'bevestigen' waar worden gemaakt.",
    },
    "target_not_reached": {
        "en": "Target NOT reached: see what this plan cannot fix.",
        "nl": "Doel NIET gehaald: zie wat dit plan niet kan oplossen.",
    },
    "changes_heading": {
        "en": "Changes, most important first",
        "nl": "Wijzigingen, belangrijkste eerst",
    },
    "no_changes": {"en": "No changes needed.", "nl": "Geen wijzigingen nodig."},
    "change_for": {"en": "for {norms}", "nl": "voor {norms}"},
    "to_confirm": {
        "en": "to confirm: was unknown, the plan must make it so",
        "nl": "bevestigen: was onbekend, het plan moet dit waarmaken",
    },
    "moves_residents": {
        "en": "means moving residents, not changing the building",
        "nl": "betekent bewoners verhuizen, niet het gebouw aanpassen",
    },
    "obstacles_heading": {
        "en": "Cannot be fixed by this plan",
        "nl": "Niet op te lossen met dit plan",
    },
    "still_open": {
        "en": "Still failing or unknown, not needed for this target",
        "nl": "Nog niet in orde of onbekend, niet nodig voor dit doel",
    },
    "needs_other_location_type": {
        "en": "cannot be fixed by changing the building; requires a different location type",
        "nl": "niet op te lossen door het gebouw aan te passen; vraagt een ander soort opvang",
    },
    "needs_other_building": {
        "en": "cannot be fixed by changing facts of this building; requires a different building",
        "nl": "niet op te lossen met dit gebouw; vraagt een ander gebouw",
    },
    "needs_other_population": {
        "en": "cannot be fixed by changing the building; requires admitting other groups",
        "nl": "niet op te lossen door het gebouw aan te passen; vraagt andere doelgroepen",
    },
    "needs_other_operator": {
        "en": "cannot be fixed by changing the building; requires a different operator",
        "nl": "niet op te lossen door het gebouw aan te passen; vraagt een andere beheerder",
    },
    "date_in_the_past": {
        "en": "depends on a date that a plan cannot change ({fields})",
        "nl": "hangt af van een datum die een plan niet kan veranderen ({fields})",
    },
    "derived": {
        "en": "depends on who lives here ({fields}), which a building plan does not change",
        "nl": "hangt af van wie hier woont ({fields}), wat een bouwplan niet verandert",
    },
    "find_out": {
        "en": "find out first: {fields} (a plan cannot invent these facts)",
        "nl": "eerst uitzoeken: {fields} (een plan kan deze gegevens niet verzinnen)",
    },
    "conflict": {
        "en": "cannot pass together with {norms}: meeting it would make those fail",
        "nl": "kan niet samen met {norms} slagen: daaraan voldoen laat die falen",
    },
    "not_fixed": {
        "en": "changing {fields} did not make it pass",
        "nl": "{fields} aanpassen liet de norm niet slagen",
    },
    "no_value": {
        "en": "no valid value of {fields} meets it",
        "nl": "geen geldige waarde van {fields} voldoet",
    },
    "template_required": {"en": "required", "nl": "verplicht"},
    "template_used_by": {"en": "used by", "nl": "gebruikt door"},
    "template_unused": {"en": "not used by any norm", "nl": "door geen norm gebruikt"},
    # norm library tooling (opvangtoets norms ...)
    "doc_title": {"en": "Norm reference", "nl": "Normenoverzicht"},
    "doc_generated": {
        "en": "Generated from the norm files with `{command}`; do not edit by hand.",
        "nl": "Gegenereerd uit de normbestanden met `{command}`; niet met de hand bewerken.",
    },
    "doc_other_language": {
        "en": "Nederlands: [{file}]({file}).",
        "nl": "English: [{file}]({file}).",
    },
    "norm_count": {"en": "{count} norms.", "nl": "{count} normen."},
    "family": {"en": "family", "nl": "familie"},
    "total": {"en": "total", "nl": "totaal"},
    "official_text": {"en": "official text", "nl": "officiële tekst"},
    "weight": {"en": "weight", "nl": "gewicht"},
    "severity": {"en": "severity", "nl": "ernst"},
    "dimension": {"en": "dimension", "nl": "dimensie"},
    "valid_between": {
        "en": "in force from {start} up to and including {end}",
        "nl": "van kracht van {start} tot en met {end}",
    },
    "valid_from": {"en": "in force from {start}", "nl": "van kracht vanaf {start}"},
    "valid_until": {
        "en": "in force up to and including {end}",
        "nl": "van kracht tot en met {end}",
    },
    "valid_always": {"en": "no start or end date", "nl": "geen begin- of einddatum"},
    "id": {"en": "id", "nl": "id"},
    "col_from": {"en": "from", "nl": "vanaf"},
    "col_until": {"en": "until", "nl": "tot en met"},
    "col_title": {"en": "title", "nl": "titel"},
    "unknown_family": {
        "en": "opvangtoets: no norm family '{family}'; there are: {families}",
        "nl": "opvangtoets: geen normfamilie '{family}'; wel: {families}",
    },
    "did_you_mean": {"en": "did you mean '{guess}'?", "nl": "bedoelde u '{guess}'?"},
    "unknown_norm": {
        "en": "opvangtoets: no norm with id '{norm}'; 'opvangtoets norms list' shows them all",
        "nl": "opvangtoets: geen norm met id '{norm}'; 'opvangtoets norms list' toont ze allemaal",
    },
    "validity": {"en": "validity", "nl": "geldigheid"},
    "topic": {"en": "topic", "nl": "onderwerp"},
    "other_version": {"en": "other version", "nl": "andere versie"},
    "citation": {"en": "citation", "nl": "bron"},
    "summary": {"en": "summary", "nl": "samenvatting"},
    "applies_when": {"en": "applies when", "nl": "geldt als"},
    "requires": {"en": "requires", "nl": "eist"},
    "fields_used": {"en": "facts used", "nl": "gebruikte gegevens"},
    "examples": {"en": "examples", "nl": "voorbeelden"},
    "no_shipped_needs_path": {
        "en": "opvangtoets: --no-shipped needs a PATH or --norms-dir to check",
        "nl": "opvangtoets: --no-shipped vraagt een PATH of --norms-dir om te controleren",
    },
    "lint_problems": {"en": "problems found: {count}", "nl": "gevonden problemen: {count}"},
    "lint_clean": {
        "en": "{norms} norms in {files} files: no problems found",
        "nl": "{norms} normen in {files} bestanden: geen problemen gevonden",
    },
    "examples_summary": {
        "en": "{examples} examples of {norms} norms run; {failed} did not give their outcome",
        "nl": "{examples} voorbeelden van {norms} normen uitgevoerd; {failed} gaven niet de "
        "verwachte uitkomst",
    },
    "written": {"en": "written: {file}", "nl": "geschreven: {file}"},
    "coverage_caption": {
        "en": "outcomes reached on {cases} cases at {dates} dates, and in each norm's examples",
        "nl": "uitkomsten bij {cases} casussen op {dates} peildata, en in de eigen voorbeelden",
    },
    "in_cases": {"en": "in cases", "nl": "in casussen"},
    "in_examples": {"en": "in its examples", "nl": "in eigen voorbeelden"},
    "coverage_lacking": {
        "en": "these norms do not both pass and fail in their examples: {norms}",
        "nl": "deze normen komen in hun voorbeelden niet op zowel voldoet als voldoet niet uit: "
        "{norms}",
    },
    "coverage_complete": {
        "en": "all {norms} norms both pass and fail in their examples",
        "nl": "alle {norms} normen komen in hun voorbeelden op voldoet en op voldoet niet uit",
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
    "what_to_find_out": {"en": "What to find out", "nl": "Wat uit te zoeken"},
    "nothing_to_find_out": {
        "en": "No fact that a norm needs is missing.",
        "nl": "Er ontbreekt geen gegeven dat een norm nodig heeft.",
    },
    "all_findings": {"en": "All findings", "nl": "Alle bevindingen"},
    "facts_used": {"en": "Facts the check used", "nl": "Gebruikte gegevens"},
    "no_law_changes": {
        "en": "No change in the law within a year alters an outcome for this location.",
        "nl": "Geen wetswijziging binnen een jaar verandert een uitkomst voor deze locatie.",
    },
    "norm": {"en": "norm", "nl": "norm"},
    "title": {"en": "title", "nl": "titel"},
    "outcome": {"en": "outcome", "nl": "uitkomst"},
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
    "several_reports_need_output": {
        "en": "several HTML reports do not fit in one document: give --output DIRECTORY",
        "nl": "meerdere HTML-rapporten passen niet in één document: geef --output MAP",
    },
    # portfolio audit
    "audit_title": {"en": "Portfolio audit", "nl": "Portfoliotoets"},
    "audit_checked": {"en": "{n} locations checked", "nl": "{n} locaties getoetst"},
    "audit_errors": {"en": "{n} could not be checked", "nl": "{n} niet te toetsen"},
    "audit_heat_map": {"en": "Locations × norms", "nl": "Locaties × normen"},
    "audit_could_not_check": {"en": "Could not be checked", "nl": "Niet te toetsen"},
    "audit_passing": {"en": "{n} norms met", "nl": "aan {n} normen voldaan"},
    "audit_worst": {"en": "Worst locations", "nl": "Slechtste locaties"},
    "audit_most_failed": {"en": "Most-failed norms", "nl": "Meest geschonden normen"},
    "audit_location": {"en": "location", "nl": "locatie"},
    "audit_failures": {"en": "failures", "nl": "schendingen"},
    "audit_locations": {"en": "locations", "nl": "locaties"},
    "audit_count": {"en": "number", "nl": "aantal"},
    "audit_progress": {"en": "checking", "nl": "toetsen"},
    "audit_progress_line": {
        "en": "checked {done} of {total}",
        "nl": "{done} van {total} getoetst",
    },
    "audit_waivers": {
        "en": "{waived} failures waived, {expired} waivers expired",
        "nl": "{waived} schendingen met waiver, {expired} waivers verlopen",
    },
    "waived": {"en": "waived", "nl": "waiver"},
    "waiver_waived": {"en": "waived", "nl": "waiver"},
    "waiver_expired": {"en": "waiver expired", "nl": "waiver verlopen"},
    "absent": {"en": "not in force", "nl": "niet van kracht"},
    "warnings": {"en": "Warnings", "nl": "Waarschuwingen"},
}


def t(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
