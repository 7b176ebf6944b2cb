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
    # web page (`opvangtoets serve`)
    "web_title": {"en": "Check a reception location", "nl": "Toets een opvanglocatie"},
    "web_intro": {
        "en": "Describe a place where asylum-seeking children live and see which norms it meets, "
        "which it breaks and which cannot be judged yet, each with its legal source.",
        "nl": "Beschrijf een plek waar asielzoekende kinderen wonen en zie aan welke normen die "
        "voldoet, welke worden geschonden en welke nog niet te beoordelen zijn, elk met de "
        "juridische bron.",
    },
    "web_private": {
        "en": "This page runs on your own computer. Nothing you enter is sent elsewhere or saved, "
        "unless you download it yourself.",
        "nl": "Deze pagina draait op uw eigen computer. Niets wat u invult gaat naar elders of "
        "wordt bewaard, tenzij u het zelf downloadt.",
    },
    "web_empty_unknown": {
        "en": "Fill in what you know and leave the rest empty: an empty field counts as not "
        "known, and norms that need it are reported as unknown, never as met.",
        "nl": "Vul in wat u weet en laat de rest leeg: een leeg veld telt als onbekend, en normen "
        "die het nodig hebben worden als onbekend gemeld, nooit als voldaan.",
    },
    "web_have_file": {
        "en": "Already have a location file (.yaml) or a table of locations (.csv)? Upload it.",
        "nl": "Heeft u al een locatiebestand (.yaml) of een tabel met locaties (.csv)? Upload het.",
    },
    "web_form_heading": {"en": "Describe the location", "nl": "Beschrijf de locatie"},
    "web_check": {"en": "Check", "nl": "Toetsen"},
    "web_upload_heading": {"en": "Or upload a file", "nl": "Of upload een bestand"},
    "web_upload_help": {
        "en": "A location description (.yaml) gives its report; a table of locations (.csv, as "
        "`opvangtoets audit` reads it) gives a portfolio overview. At most {limit} per file and "
        "{locations} locations per table.",
        "nl": "Een locatiebeschrijving (.yaml) geeft het rapport; een tabel met locaties (.csv, "
        "zoals `opvangtoets audit` die leest) geeft een portfolio-overzicht. Hoogstens {limit} "
        "per bestand en {locations} locaties per tabel.",
    },
    "web_too_many": {
        "en": "{n} locations in one table, more than the {limit} one page shows",
        "nl": "{n} locaties in één tabel, meer dan de {limit} die één pagina toont",
    },
    "web_too_many_hint": {
        "en": "check the table with `opvangtoets audit`, or start `opvangtoets serve "
        "--max-locations N`",
        "nl": "toets de tabel met `opvangtoets audit`, of start `opvangtoets serve "
        "--max-locations N`",
    },
    "web_upload": {"en": "Upload and check", "nl": "Uploaden en toetsen"},
    "web_new_check": {"en": "New check", "nl": "Nieuwe toets"},
    "web_other_language": {"en": "Nederlands", "nl": "English"},
    "web_download": {"en": "Download as YAML", "nl": "Downloaden als YAML"},
    "web_download_help": {
        "en": "The file `opvangtoets check` reads: keep it to check again or change later.",
        "nl": "Het bestand dat `opvangtoets check` leest: bewaar het om later opnieuw te toetsen "
        "of aan te passen.",
    },
    "web_what_if": {
        "en": "What if…? Change facts and see which findings change",
        "nl": "Wat als…? Verander feiten en zie welke bevindingen veranderen",
    },
    "web_what_if_help": {
        "en": "The form holds the facts of this report. Change some and compare; the report "
        "above stays as it is.",
        "nl": "Het formulier bevat de feiten van dit rapport. Verander er een paar en vergelijk; "
        "het rapport hierboven blijft zoals het is.",
    },
    "web_compare": {"en": "Show what changes", "nl": "Toon wat er verandert"},
    "web_what_if_title": {"en": "What if: {facts}", "nl": "Wat als: {facts}"},
    "web_nothing_changed": {
        "en": "No fact was changed: change at least one field.",
        "nl": "Er is geen feit veranderd: verander ten minste één veld.",
    },
    "web_keep_change": {
        "en": "Continue with the changed location",
        "nl": "Verder met de gewijzigde locatie",
    },
    "web_back": {"en": "Back to the report before the change", "nl": "Terug naar het rapport"},
    "web_problem": {
        "en": "Nothing was checked: 1 problem to fix first",
        "nl": "Er is niets getoetst: eerst 1 probleem oplossen",
    },
    "web_problems": {
        "en": "Nothing was checked: {n} problems to fix first",
        "nl": "Er is niets getoetst: eerst {n} problemen oplossen",
    },
    "web_fix_fields": {
        "en": "The fields concerned are marked below; the rest of what you entered is kept.",
        "nl": "De betreffende velden zijn hieronder gemarkeerd; de rest van wat u invulde blijft "
        "staan.",
    },
    "web_file_problems": {
        "en": "The file could not be checked",
        "nl": "Het bestand kon niet worden getoetst",
    },
    "web_file_lines": {
        "en": "The file, with each problem under its line",
        "nl": "Het bestand, met elk probleem onder de regel waar het over gaat",
    },
    "web_choose_file": {
        "en": "choose a .yaml, .yml or .csv file first",
        "nl": "kies eerst een .yaml-, .yml- of .csv-bestand",
    },
    "web_wrong_kind": {
        "en": "not a location description (.yaml, .yml) or table (.csv)",
        "nl": "geen locatiebeschrijving (.yaml, .yml) of tabel (.csv)",
    },
    "web_too_large": {
        "en": "The upload is larger than {limit}, the limit for one file. Split the table, or "
        "set {env} when starting `opvangtoets serve`.",
        "nl": "De upload is groter dan {limit}, de grens voor één bestand. Splits de tabel, of "
        "zet {env} bij het starten van `opvangtoets serve`.",
    },
    "web_not_found": {
        "en": "There is no page here. Start a new check.",
        "nl": "Hier is geen pagina. Begin een nieuwe toets.",
    },
    "web_bad_request": {
        "en": "The page did not receive what it needs. Start a new check.",
        "nl": "De pagina kreeg niet wat ze nodig heeft. Begin een nieuwe toets.",
    },
    "web_internal": {
        "en": "The checker failed on this request: {error}. Nothing was saved. Please report it "
        "with what you entered.",
        "nl": "De checker faalde bij dit verzoek: {error}. Er is niets bewaard. Meld het graag, "
        "met wat u invulde.",
    },
    "web_error": {"en": "Something went wrong", "nl": "Er ging iets mis"},
    "web_form_source": {"en": "form", "nl": "formulier"},
    "web_yaml_comment": {
        "en": "Written by the opvangtoets web page on {date}. Check it with: "
        "opvangtoets check {file}",
        "nl": "Geschreven door de opvangtoets-webpagina op {date}. Toets het met: "
        "opvangtoets check {file}",
    },
    "web_not_a_date": {
        "en": "'{value}' is not a date — use YYYY-MM-DD",
        "nl": "'{value}' is geen datum — gebruik JJJJ-MM-DD",
    },
    "web_not_known": {"en": "not known", "nl": "onbekend"},
    "web_norms_using": {"en": "norms that use it: {n}", "nl": "normen die het gebruiken: {n}"},
    "web_id_help": {
        "en": "lower-case letters, digits and hyphens; left empty, it is made from the name",
        "nl": "kleine letters, cijfers en streepjes; leeg gelaten wordt het uit de naam gemaakt",
    },
    "web_line": {"en": "line", "nl": "regel"},
    "web_serving": {
        "en": "opvangtoets serve: open {url} in your browser (stop with Ctrl+C).",
        "nl": "opvangtoets serve: open {url} in uw browser (stoppen met Ctrl+C).",
    },
    "web_loopback": {
        "en": "Listening on {host} only: no other computer can reach this page.",
        "nl": "Luistert alleen op {host}: geen andere computer kan deze pagina bereiken.",
    },
    "web_exposed": {
        "en": "Listening on {host}: other computers on the network can reach this page and "
        "everything entered in it.",
        "nl": "Luistert op {host}: andere computers in het netwerk kunnen deze pagina bereiken, "
        "en alles wat erin wordt ingevuld.",
    },
    "web_port_taken": {
        "en": "cannot listen on {host}:{port}: {reason}",
        "nl": "kan niet luisteren op {host}:{port}: {reason}",
    },
    "web_port_hint": {
        "en": "choose another port with --port (0 picks a free one)",
        "nl": "kies een andere poort met --port (0 kiest een vrije)",
    },
    # form themes
    "theme_location": {"en": "The location", "nl": "De locatie"},
    "theme_people": {"en": "The people", "nl": "De bewoners"},
    "theme_building": {"en": "The building", "nl": "Het gebouw"},
    "theme_education": {"en": "Education", "nl": "Onderwijs"},
    "theme_play": {"en": "Play", "nl": "Spelen"},
    "theme_privacy_safety": {"en": "Privacy and safety", "nl": "Privacy en veiligheid"},
    "theme_health": {"en": "Health", "nl": "Gezondheid"},
    "theme_staff": {"en": "Staff and guardianship", "nl": "Personeel en voogdij"},
    "theme_rights": {"en": "Children's rights and say", "nl": "Kinderrechten en inspraak"},
    "theme_stay": {"en": "Stay and moves", "nl": "Verblijf en verhuizingen"},
    # values of the location's choice fields
    "LocationType.regular_azc": {"en": "regular reception centre (azc)", "nl": "regulier azc"},
    "LocationType.registration_centre": {"en": "registration centre", "nl": "aanmeldcentrum"},
    "LocationType.process_location": {"en": "process location", "nl": "proceslocatie"},
    "LocationType.uam_process_location": {
        "en": "process location for unaccompanied minors",
        "nl": "proceslocatie voor amv's",
    },
    "LocationType.small_scale_unit": {
        "en": "small-scale unit",
        "nl": "kleinschalige woonvoorziening",
    },
    "LocationType.family_location": {"en": "family location", "nl": "gezinslocatie"},
    "LocationType.emergency_shelter": {"en": "emergency shelter", "nl": "noodopvang"},
    "LocationType.crisis_emergency_shelter": {
        "en": "crisis emergency shelter",
        "nl": "crisisnoodopvang",
    },
    "LocationType.temporary_municipal_shelter": {
        "en": "temporary municipal shelter",
        "nl": "tijdelijke gemeentelijke opvang",
    },
    "LocationType.permit_holder_shelter": {
        "en": "shelter for permit holders",
        "nl": "opvang voor statushouders",
    },
    "LocationType.other": {"en": "other", "nl": "anders"},
    "BuildingType.purpose_built": {"en": "built for reception", "nl": "gebouwd voor opvang"},
    "BuildingType.housing": {"en": "houses or flats", "nl": "woningen"},
    "BuildingType.modular_units": {"en": "modular units", "nl": "modulaire units"},
    "BuildingType.hotel": {"en": "hotel", "nl": "hotel"},
    "BuildingType.ship": {"en": "ship", "nl": "schip"},
    "BuildingType.sports_hall": {"en": "sports hall", "nl": "sporthal"},
    "BuildingType.event_hall": {"en": "event hall", "nl": "evenementenhal"},
    "BuildingType.office": {"en": "office building", "nl": "kantoorgebouw"},
    "BuildingType.tents": {"en": "tents", "nl": "tenten"},
    "BuildingType.other": {"en": "other", "nl": "anders"},
    "Operator.COA": {"en": "COA", "nl": "COA"},
    "Operator.municipality": {"en": "municipality", "nl": "gemeente"},
    "Operator.safety_region": {"en": "safety region", "nl": "veiligheidsregio"},
    "Operator.Nidos": {"en": "Nidos", "nl": "Nidos"},
    "Operator.other": {"en": "other", "nl": "anders"},
    "Population.families": {"en": "families", "nl": "gezinnen"},
    "Population.single_adults": {"en": "single adults", "nl": "alleenstaande volwassenen"},
    "Population.unaccompanied_minors": {
        "en": "unaccompanied minors",
        "nl": "alleenstaande minderjarigen (amv)",
    },
    "Population.permit_holders": {"en": "permit holders", "nl": "statushouders"},
    # issue 17: plain words for facts, requirements and the first page
    "rel_ne": {"en": "not {value}", "nl": "niet {value}"},
    "rel_lt": {"en": "less than {value}", "nl": "minder dan {value}"},
    "rel_lte": {"en": "at most {value}", "nl": "ten hoogste {value}"},
    "rel_gt": {"en": "more than {value}", "nl": "meer dan {value}"},
    "rel_gte": {"en": "at least {value}", "nl": "ten minste {value}"},
    "rel_in": {"en": "one of: {value}", "nl": "een van: {value}"},
    "rel_not_in": {"en": "none of: {value}", "nl": "geen van: {value}"},
    "rel_contains": {"en": "includes {value}", "nl": "inclusief {value}"},
    "rel_not_contains": {"en": "does not include {value}", "nl": "zonder {value}"},
    "rel_present": {"en": "known", "nl": "bekend"},
    "rel_absent": {"en": "not given", "nl": "niet opgegeven"},
    "months_between": {
        "en": "Months from {start} to {end}",
        "nl": "Maanden van {start} tot {end}",
    },
    "ReportStatus.draft": {"en": "draft", "nl": "concept"},
    "ReportStatus.final": {"en": "final", "nl": "definitief"},
    "layer_law": {"en": "Law and case law", "nl": "Wet en rechtspraak"},
    "layer_policy": {"en": "Policy (COA, VNG)", "nl": "Beleid (COA, VNG)"},
    "layer_guidance": {"en": "Guidance", "nl": "Richtsnoeren en adviezen"},
    "meets": {"en": "meets the requirements", "nl": "voldoet aan de eisen"},
    "does_not_meet": {"en": "does not meet the requirements", "nl": "voldoet niet aan de eisen"},
    "policy_unknown": {"en": "cannot be judged yet", "nl": "nog niet te beoordelen"},
    "policy_not_applicable": {
        "en": "no policy norm applies",
        "nl": "geen beleidsnorm van toepassing",
    },
    "layer_counts": {
        "en": "{passed} met, {fail} not met, {unknown} unknown",
        "nl": "{passed} gehaald, {fail} niet gehaald, {unknown} onbekend",
    },
    "key_facts": {"en": "The location", "nl": "De locatie"},
    "top_fixes": {"en": "Most important to fix", "nl": "Het belangrijkste om te verbeteren"},
    "top_find_out": {"en": "Most worth finding out", "nl": "Het belangrijkste om uit te zoeken"},
    "more_in_report": {"en": "and {n} more, below", "nl": "en nog {n}, verderop"},
    "checked_on": {"en": "Date of the check", "nl": "Peildatum"},
    "norms_of": {"en": "norms of {date}, version {hash}", "nl": "normen van {date}, versie {hash}"},
    "author": {"en": "Author", "nl": "Opgesteld door"},
    "status": {"en": "Status", "nl": "Status"},
    "technical_details": {"en": "Technical details", "nl": "Technische gegevens"},
    "technical_details_intro": {
        "en": "The facts as they are named in the location file and in the JSON report.",
        "nl": "De gegevens zoals ze in het locatiebestand en in het JSON-rapport heten.",
    },
    "field_name": {"en": "field in the file", "nl": "veld in het bestand"},
    "page_of": {"en": "page", "nl": "pagina"},
    "not_met_guidance": {"en": "Advice not followed", "nl": "Advies niet gevolgd"},
    "not_met_policy": {"en": "Policy requirement not met", "nl": "Beleidseis niet gehaald"},
    "not_met_law": {"en": "Legal requirement not met", "nl": "Wettelijke eis niet gehaald"},
    "waits_for": {"en": "decides {n} norms", "nl": "beslist over {n} normen"},
    "waits_for_one": {"en": "decides 1 norm", "nl": "beslist over 1 norm"},
    "web_download_html": {"en": "Report as HTML", "nl": "Rapport als HTML"},
    "web_download_pdf": {"en": "Report as PDF", "nl": "Rapport als PDF"},
    "web_pdf_missing": {"en": "No PDF could be made", "nl": "Er kon geen PDF worden gemaakt"},
    "see_fix_first": {"en": "see “What to fix first”", "nl": "zie „Eerst oplossen”"},
    "summary_table": {"en": "Summary", "nl": "Overzicht"},
    "col_location": {"en": "location", "nl": "locatie"},
    "col_verdict": {"en": "verdict", "nl": "oordeel"},
    "col_score": {"en": "score", "nl": "score"},
    "col_fails": {
        "en": "not met: law / policy / guidance",
        "nl": "niet gehaald: wet / beleid / richtsnoer",
    },
}


def chosen_first(lang: str) -> list[str]:
    """Both languages, `lang` first (texts shown in both, the other one second)."""
    return sorted(LANGUAGES, key=lambda other: other != lang)


def t(key: str, lang: str, **values: object) -> str:
    text = LABELS[key][lang]
    return text.format(**values) if values else text
