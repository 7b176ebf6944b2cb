"""The location description: what a planner writes in YAML about one place.

Units are part of every field name. Omitting a field means "not known"; the
checker then reports norms that need it as unknown. Unknown keys are refused
(see `checker.location.loader` for the did-you-mean). The exported JSON Schema
(`opvangtoets schema`) is generated from this model.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from checker.location.evidence import Evidence, Source


class LocationType(str, Enum):
    regular_azc = "regular_azc"
    registration_centre = "registration_centre"
    process_location = "process_location"
    uam_process_location = "uam_process_location"
    small_scale_unit = "small_scale_unit"
    family_location = "family_location"
    emergency_shelter = "emergency_shelter"
    crisis_emergency_shelter = "crisis_emergency_shelter"
    temporary_municipal_shelter = "temporary_municipal_shelter"
    permit_holder_shelter = "permit_holder_shelter"
    other = "other"


class BuildingType(str, Enum):
    purpose_built = "purpose_built"
    housing = "housing"
    modular_units = "modular_units"
    hotel = "hotel"
    ship = "ship"
    sports_hall = "sports_hall"
    event_hall = "event_hall"
    office = "office"
    tents = "tents"
    other = "other"


class Operator(str, Enum):
    COA = "COA"
    municipality = "municipality"
    safety_region = "safety_region"
    Nidos = "Nidos"
    other = "other"


class Authority(str, Enum):
    inspectorate = "inspectorate"
    court = "court"
    municipality = "municipality"
    ggd = "ggd"
    ombudsman = "ombudsman"
    other = "other"


class FindingKind(str, Enum):
    unsafe = "unsafe"
    unsuitable = "unsuitable"
    below_minimum_quality = "below_minimum_quality"


class AuthorityFinding(BaseModel):
    """What an authority concluded about this location, and when."""

    model_config = ConfigDict(extra="forbid", strict=True)
    by: Authority = Field(description="Who concluded it / Wie het vaststelde")
    date: dt.date = Field(description="Date of the finding / Datum van de bevinding")
    finding: FindingKind = Field(description="What was found / Wat werd vastgesteld")
    note: str | None = Field(
        default=None,
        description="Which report or ruling, in brief / Welk rapport of welke uitspraak",
    )


class ReportStatus(str, Enum):
    draft = "draft"
    final = "final"


class Population(str, Enum):
    families = "families"
    single_adults = "single_adults"
    unaccompanied_minors = "unaccompanied_minors"
    permit_holders = "permit_holders"


def _f(en: str, nl: str, **constraints: Any) -> Any:
    return Field(default=None, description=f"{en} / {nl}", **constraints)


Count = int
NonNeg = {"ge": 0}


class Location(BaseModel):
    """One reception location, as of the date of the check."""

    model_config = ConfigDict(extra="forbid", strict=True, title="opvangtoets location")

    # identity and type
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Stable identifier: lower case, digits, hyphens / Vaste code: kleine letters, "
        "cijfers, streepjes",
    )
    name: str = Field(min_length=1, description="Name of the location / Naam van de locatie")
    report_author: str | None = _f(
        "Who made this check (printed on the report)", "Wie deze toets maakte (op het rapport)"
    )
    report_status: ReportStatus | None = _f(
        "Status of the report: draft or final", "Status van het rapport: concept of definitief"
    )
    municipality: str | None = _f("Municipality", "Gemeente")
    location_type: LocationType | None = _f(
        "Reception regime of the location", "Soort opvang van de locatie"
    )
    building_type: BuildingType | None = _f("Kind of building", "Soort gebouw")
    operator: Operator | None = _f("Who runs the location", "Wie de locatie beheert")
    populations_admitted: list[Population] | None = _f(
        "Groups housed here", "Groepen die hier wonen"
    )

    # time
    opening_date: dt.date | None = _f("Date the location opened or opens", "Openingsdatum")
    planned_closing_date: dt.date | None = _f(
        "Date the location is planned to close", "Geplande sluitingsdatum"
    )
    planned_availability_years: float | None = _f(
        "Planned availability in years, when no closing date is known",
        "Geplande beschikbaarheid in jaren, als er geen sluitingsdatum is",
        **NonNeg,
    )

    # people
    capacity_total: Count | None = _f(
        "Places the building was designed or fitted for",
        "Aantal plaatsen waarvoor het gebouw is ontworpen of ingericht",
        **NonNeg,
    )
    occupancy_total: Count | None = _f("Persons living here now", "Aantal bewoners nu", **NonNeg)
    children_count: Count | None = _f(
        "Minors living here (with or without parents)",
        "Minderjarigen die hier wonen (met of zonder ouders)",
        **NonNeg,
    )
    unaccompanied_minors_count: Count | None = _f(
        "Unaccompanied minors living here",
        "Alleenstaande minderjarigen (amv) die hier wonen",
        **NonNeg,
    )
    children_under_1_count: Count | None = _f(
        "Children under one year", "Kinderen jonger dan één jaar", **NonNeg
    )
    vulnerable_persons_count: Count | None = _f(
        "Persons with identified special reception needs",
        "Personen met vastgestelde bijzondere opvangbehoeften",
        **NonNeg,
    )
    uam_age_min_years: int | None = _f(
        "Youngest unaccompanied minor's age", "Leeftijd van de jongste amv", ge=0, le=17
    )
    uam_living_group_size_max: Count | None = _f(
        "Largest living group of unaccompanied minors", "Grootste woongroep van amv's", **NonNeg
    )

    # education
    school_distance_primary_km: float | None = _f(
        "Distance to the nearest primary school",
        "Afstand tot de dichtstbijzijnde basisschool",
        **NonNeg,
    )
    school_distance_secondary_km: float | None = _f(
        "Distance to the nearest secondary school or ISK",
        "Afstand tot de dichtstbijzijnde middelbare school of ISK",
        **NonNeg,
    )
    school_access_days_max: Count | None = _f(
        "Longest time from lodging the asylum application to the first school day, in days",
        "Langste tijd van asielaanvraag tot eerste schooldag, in dagen",
        **NonNeg,
    )
    school_age_children_not_in_school_count: Count | None = _f(
        "School-age children who do not go to school",
        "Leerplichtige kinderen die niet naar school gaan",
        **NonNeg,
    )
    school_transport_provided: bool | None = _f(
        "Transport to school is arranged or paid", "Vervoer naar school is geregeld of betaald"
    )
    preparatory_language_classes: bool | None = _f(
        "Preparatory or language classes are available", "Schakel- of taalklassen zijn beschikbaar"
    )
    school_materials_provided: bool | None = _f(
        "School materials are provided where needed", "Schoolspullen worden verstrekt waar nodig"
    )
    homework_support: bool | None = _f("Homework support is available", "Huiswerkbegeleiding")

    # play and leisure
    indoor_play_area_m2: float | None = _f(
        "Indoor space for play and leisure", "Binnenruimte voor spel en ontspanning", **NonNeg
    )
    outdoor_play_area_m2: float | None = _f(
        "Outdoor play space on or next to the site",
        "Buitenspeelruimte op of naast het terrein",
        **NonNeg,
    )
    play_equipment_age_appropriate: bool | None = _f(
        "Play material for every age group present", "Spelmateriaal voor elke leeftijdsgroep"
    )
    structured_activities_per_week: Count | None = _f(
        "Organised activities for children per week",
        "Georganiseerde activiteiten voor kinderen per week",
        **NonNeg,
    )

    # sleeping, privacy, family
    bedroom_area_per_person_m2: float | None = _f(
        "Smallest bedroom floor space per person",
        "Kleinste slaapkameroppervlak per persoon",
        **NonNeg,
    )
    room_height_m: float | None = _f(
        "Lowest bedroom ceiling", "Laagste plafondhoogte slaapkamer", **NonNeg
    )
    persons_per_bedroom_max: Count | None = _f(
        "Most persons sharing one bedroom", "Meeste personen op één slaapkamer", **NonNeg
    )
    children_per_bedroom_max_uam: Count | None = _f(
        "Most unaccompanied minors sharing one bedroom", "Meeste amv's op één slaapkamer", **NonNeg
    )
    families_per_bedroom_max: Count | None = _f(
        "Most families sharing one bedroom", "Meeste gezinnen op één slaapkamer", **NonNeg
    )
    bedrooms_enclosed: bool | None = _f(
        "Bedrooms have four walls, a ceiling, a door and a window that opens",
        "Slaapkamers hebben vier wanden, een plafond, een deur en een raam dat open kan",
    )
    bedrooms_lockable: bool | None = _f("Bedrooms can be locked", "Slaapkamers kunnen op slot")
    family_private_unit: bool | None = _f(
        "Every family has its own room or unit", "Elk gezin heeft een eigen kamer of unit"
    )
    families_kept_together: bool | None = _f(
        "Family members are housed together", "Gezinsleden wonen bij elkaar"
    )
    gender_separated_bedrooms_uam: bool | None = _f(
        "Separate bedrooms for boys and girls", "Aparte slaapkamers voor jongens en meisjes"
    )
    uam_separated_from_adults: bool | None = _f(
        "Unaccompanied minors live apart from unrelated adults",
        "Amv's wonen gescheiden van volwassenen die geen familie zijn",
    )
    private_meeting_room: bool | None = _f(
        "A private room for talks with guardian, lawyer or social worker",
        "Een afgesloten ruimte voor gesprekken met voogd, advocaat of hulpverlener",
    )

    # living conditions
    drinking_water_24_7: bool | None = _f(
        "Drinking water available day and night", "Drinkwater dag en nacht beschikbaar"
    )
    meals_per_day: Count | None = _f("Meals per day", "Maaltijden per dag", **NonNeg)
    self_catering: bool | None = _f("Residents can cook for themselves", "Zelf koken is mogelijk")
    sanitary_gender_separated: bool | None = _f(
        "Showers and toilets separated by gender", "Douches en toiletten gescheiden naar geslacht"
    )
    sanitary_lockable: bool | None = _f(
        "Showers and toilets can be locked from inside", "Douches en toiletten op slot te doen"
    )
    persons_per_toilet: float | None = _f("Residents per toilet", "Bewoners per toilet", **NonNeg)
    persons_per_shower: float | None = _f("Residents per shower", "Bewoners per douche", **NonNeg)
    study_place_per_child: bool | None = _f(
        "A desk and chair for every school-age child", "Een bureau en stoel voor elk schoolkind"
    )

    # safety
    staff_present_24_7: bool | None = _f(
        "Staff on site day and night", "Dag en nacht personeel aanwezig"
    )
    security_risk_assessment: bool | None = _f(
        "A security risk assessment has been made", "Er is een veiligheidsrisicoanalyse gemaakt"
    )
    gbv_prevention_measures: bool | None = _f(
        "Measures against (sexual and gender-based) violence",
        "Maatregelen tegen (seksueel en gendergerelateerd) geweld",
    )
    incident_reporting_channel: bool | None = _f(
        "A safe way to report incidents", "Een veilige manier om incidenten te melden"
    )
    daily_presence_check_uam: bool | None = _f(
        "Presence of each unaccompanied minor checked daily",
        "Dagelijks gecontroleerd of elke amv aanwezig is",
    )

    # health
    health_care_access: bool | None = _f(
        "Access to a GP and necessary health care", "Toegang tot huisarts en noodzakelijke zorg"
    )
    youth_health_care_access: bool | None = _f(
        "Access to youth health care (JGZ)", "Toegang tot jeugdgezondheidszorg (JGZ)"
    )
    mental_health_support: bool | None = _f(
        "Access to mental health care and counselling", "Toegang tot geestelijke gezondheidszorg"
    )
    health_care_distance_km: float | None = _f(
        "Distance to GP or health centre", "Afstand tot huisarts of gezondheidscentrum", **NonNeg
    )
    medical_screening_days_max: Count | None = _f(
        "Longest time from arrival to medical screening, in days",
        "Langste tijd van aankomst tot medische screening, in dagen",
        **NonNeg,
    )

    # care and staffing
    child_staff_present_24_7: bool | None = _f(
        "Child-trained staff present day and night", "Dag en nacht jeugdbegeleiders aanwezig"
    )
    child_trained_staff_present: bool | None = _f(
        "Child-trained staff present whenever children are on site",
        "Jeugdbegeleiders aanwezig wanneer kinderen op de locatie zijn",
    )
    staff_child_protection_training: bool | None = _f(
        "Staff trained in child protection and children's rights",
        "Personeel getraind in kinderbescherming en kinderrechten",
    )
    staff_screened: bool | None = _f(
        "Staff screened for child-related offences (VOG)",
        "Personeel gescreend op strafbare feiten tegen kinderen (VOG)",
    )
    child_contact_person: bool | None = _f(
        "A child contact person (Contactpersoon Kind) at the location",
        "Een Contactpersoon Kind op de locatie",
    )
    guardian_assigned_days_max: Count | None = _f(
        "Longest time until an unaccompanied minor has a (provisional) guardian, in days",
        "Langste tijd tot een amv een (voorlopige) voogd heeft, in dagen",
        **NonNeg,
    )
    representative_appointed_working_days_max: Count | None = _f(
        "Longest time until the representative of an unaccompanied minor is appointed, "
        "in working days",
        "Langste tijd tot de vertegenwoordiger van een amv is benoemd, in werkdagen",
        **NonNeg,
    )

    # stability
    stay_children_avg_months: float | None = _f(
        "Average stay of children here, in months",
        "Gemiddelde verblijfsduur van kinderen hier, in maanden",
        **NonNeg,
    )
    stay_children_max_months: float | None = _f(
        "Longest stay of a child here, in months",
        "Langste verblijfsduur van een kind hier, in maanden",
        **NonNeg,
    )
    relocations_per_child_max: Count | None = _f(
        "Most relocations of one child since the application",
        "Meeste verhuizingen van één kind sinds de aanvraag",
        **NonNeg,
    )

    # vulnerability and participation
    vulnerability_assessment_days_max: Count | None = _f(
        "Longest time from the application to a completed special-needs assessment, in days",
        "Langste tijd van aanvraag tot afgeronde beoordeling van bijzondere opvangbehoeften, "
        "in dagen",
        **NonNeg,
    )
    best_interests_assessment: bool | None = _f(
        "The best interests of the children were assessed and recorded for this location",
        "Het belang van de kinderen is voor deze locatie beoordeeld en vastgelegd",
    )
    child_rights_impact_assessment: bool | None = _f(
        "A child-rights impact assessment (Kinderrechtentoets) was made",
        "Er is een Kinderrechtentoets gedaan",
    )
    child_participation: bool | None = _f(
        "Children are heard on matters that affect them",
        "Kinderen worden gehoord over wat hen aangaat",
    )
    child_friendly_complaints: bool | None = _f(
        "A complaints procedure children can use",
        "Een klachtenregeling die kinderen kunnen gebruiken",
    )

    # facts for the complete norm library (catalogue sections 1-3)
    school_age_children_count: Count | None = _f(
        "Minors of school age (4 to 17 years) living here",
        "Minderjarigen in de schoolleeftijd (4 tot en met 17 jaar) die hier wonen",
        **NonNeg,
    )
    schooling_status_registered: bool | None = _f(
        "For every school-age child it is recorded whether and where the child goes to school",
        "Voor elk kind in de schoolleeftijd is vastgelegd of en waar het naar school gaat",
    )
    special_needs_met_for_all: bool | None = _f(
        "Every resident's identified special reception needs are met at this location",
        "Aan de vastgestelde bijzondere opvangbehoeften van elke bewoner wordt hier voldaan",
    )
    siblings_kept_together_uam: bool | None = _f(
        "Unaccompanied brothers and sisters are housed together",
        "Alleenstaande broers en zussen wonen bij elkaar",
    )
    uam_days_at_registration_centre_max: Count | None = _f(
        "Longest stay of an unaccompanied minor at the registration centre, in days",
        "Langste verblijf van een amv in het aanmeldcentrum, in dagen",
        **NonNeg,
    )
    uam_information_days_max: Count | None = _f(
        "Longest time from lodging the application until an unaccompanied minor was told about "
        "reception rights and duties, in days",
        "Langste tijd van asielaanvraag tot een amv uitleg kreeg over rechten en plichten in de "
        "opvang, in dagen",
        **NonNeg,
    )
    uam_vulnerability_screening_hours_max: Count | None = _f(
        "Longest time from arrival until an unaccompanied minor was screened for obvious "
        "vulnerabilities, in hours",
        "Langste tijd van aankomst tot een amv werd gescreend op zichtbare kwetsbaarheden, in uren",
        **NonNeg,
    )
    non_family_persons_per_bedroom_max: Count | None = _f(
        "Most persons sharing one bedroom that is not used by a single family "
        "(0 when every bedroom holds one family or one person)",
        "Meeste personen op één slaapkamer die niet door één gezin wordt gebruikt "
        "(0 als elke slaapkamer één gezin of één persoon heeft)",
        **NonNeg,
    )
    bed_and_cupboard_per_person: bool | None = _f(
        "Every resident has a bed and a cupboard of their own",
        "Elke bewoner heeft een eigen bed en een eigen kast",
    )
    cleaning_schedule: bool | None = _f(
        "A cleaning schedule for rooms and shared areas is followed",
        "Een schoonmaakrooster voor kamers en gedeelde ruimtes wordt gevolgd",
    )

    # what inspectors, doctors and courts report (issue 15)
    violence_or_abuse_reported: bool | None = _f(
        "Violence or sexual abuse involving children was reported at the location",
        "Er is geweld of seksueel misbruik met kinderen gemeld op de locatie",
    )
    police_incidents_reported: bool | None = _f(
        "Police or safety incidents at the location were reported (fights, fire, threats)",
        "Er zijn politie- of veiligheidsincidenten op de locatie gemeld (vechtpartijen, brand, "
        "bedreiging)",
    )
    children_without_supervision_reported: bool | None = _f(
        "Children (unaccompanied minors included) were found without the supervision they need",
        "Er zijn kinderen (ook amv's) aangetroffen zonder het toezicht dat zij nodig hebben",
    )
    disease_outbreak_reported: bool | None = _f(
        "An outbreak of an infectious disease (scabies, diphtheria, measles, TB ...) at the "
        "location",
        "Een uitbraak van een infectieziekte (schurft, difterie, mazelen, tbc ...) op de locatie",
    )
    authority_findings: list[AuthorityFinding] | None = _f(
        "Findings of an authority about this location: who, when, what (unsafe, unsuitable, "
        "below minimum quality)",
        "Bevindingen van een instantie over deze locatie: wie, wanneer, wat (onveilig, "
        "ongeschikt, onder de minimale kwaliteit)",
    )
    sanitary_in_good_repair: bool | None = _f(
        "Toilets and showers are clean and working",
        "Toiletten en douches zijn schoon en werken",
    )
    windowless_rooms_used: bool | None = _f(
        "Rooms without a window are used for sleeping or living",
        "Ruimtes zonder raam worden gebruikt om te slapen of te verblijven",
    )
    capacity_agreed_count: Count | None = _f(
        "Places agreed with the municipality",
        "Aantal plaatsen afgesproken met de gemeente",
        **NonNeg,
    )
    residents_without_bed_count: Count | None = _f(
        "Residents without a bed of their own (sleeping on chairs, floors, outside)",
        "Bewoners zonder eigen bed (slapen op stoelen, de vloer, buiten)",
        **NonNeg,
    )
    stay_residents_avg_months: float | None = _f(
        "Average stay of all residents here, in months",
        "Gemiddelde verblijfsduur van alle bewoners hier, in maanden",
        **NonNeg,
    )
    stay_residents_max_months: float | None = _f(
        "Longest stay of a resident here, in months",
        "Langste verblijfsduur van een bewoner hier, in maanden",
        **NonNeg,
    )
    emergency_use_since: dt.date | None = _f(
        "Date the place started to be used as emergency or crisis shelter",
        "Datum waarop de plek als nood- of crisisnoodopvang in gebruik is genomen",
    )
    acute_medical_cases_present: bool | None = _f(
        "Residents who need acute medical care live at the location",
        "Er wonen mensen op de locatie die acute medische zorg nodig hebben",
    )

    # issue 16: a date the engine counts months from, so a stay grows with the check date
    longest_stay_child_arrival_date: dt.date | None = _f(
        "Arrival of the child who has lived here longest",
        "Aankomst van het kind dat hier het langst woont",
    )

    notes: str | None = _f("Free text; not checked", "Vrije tekst; wordt niet getoetst")
    # the line of each fact's evidence in its file (set by the loader, for warnings)
    _evidence_lines: dict[str, int] = PrivateAttr(default_factory=dict)
    # the dates of every snapshot in the file this one was chosen from (the latest)
    _snapshot_dates: tuple[dt.date, ...] = PrivateAttr(default=())

    def evidence_lines(self) -> dict[str, int]:
        """The line of each fact's evidence date in the file it came from."""
        return self._evidence_lines

    def snapshot_dates(self) -> tuple[dt.date, ...]:
        """The dates of all snapshots of the file this latest snapshot was taken from."""
        return self._snapshot_dates

    # evidence (issue 16): who says each fact, and when it held
    described_on: dt.date | None = _f(
        "The date this description holds (the date of a snapshot)",
        "De datum waarop deze beschrijving geldt (de datum van een momentopname)",
    )
    sources: list[Source] | None = _f(
        "Documents, visits and statements the facts rest on",
        "Documenten, bezoeken en verklaringen waarop de feiten berusten",
    )
    evidence: dict[str, Evidence] | None = _f(
        "Per fact: its source(s), the kind of knowledge and the date it held",
        "Per feit: de bron(nen), de soort kennis en de datum waarop het gold",
    )


#: Date fields the engine reads in place of `authority_findings`, a list of records: per kind
#: of finding, the date of the first one. A kind with no finding gets `NEVER`, so "found on or
#: before the check date" is false for it, while an omitted list leaves every one unknown.
FIRST_FINDING_FIELDS = {f"authority_first_{kind.value}_date": kind for kind in FindingKind}
EXPANDED_FROM = dict.fromkeys(FIRST_FINDING_FIELDS, "authority_findings")
NEVER = dt.date.max


def expanded_facts(location: Location) -> dict[str, dt.date]:
    """The facts of `EXPANDED_FROM` for one location (empty when its findings are not known)."""
    if location.authority_findings is None:
        return {}
    out = {}
    for name, kind in FIRST_FINDING_FIELDS.items():
        dates = [f.date for f in location.authority_findings if f.finding == kind]
        out[name] = min(dates, default=NEVER)
    return out


#: Fields about the description itself, not about the location: never a fact a norm reads.
META_FIELDS = ("described_on", "sources", "evidence")


def field_bounds(name: str) -> tuple[float | None, float | None]:
    """The lowest and highest value the model allows for field `name` (None: no bound)."""
    low = high = None
    for constraint in Location.model_fields[name].metadata:
        low = getattr(constraint, "ge", low)
        high = getattr(constraint, "le", high)
    return low, high


def location_json_schema() -> dict[str, Any]:
    """The JSON Schema of a location description (shipped as location.schema.json)."""
    schema = Location.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://opvangtoets.nl/schemas/location.schema.json"
    return schema
