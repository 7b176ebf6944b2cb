"""`opvangtoets serve`: the checker behind a web page on the user's own computer (Flask).

Stateless on purpose: every page about a location carries it as YAML in hidden
fields, so the server keeps nothing between requests. Nothing is written to
disk: uploads are read into memory (never spooled to a temporary file), and a
download is made from what the page sends back. The pages make no request but
to this server: no scripts, inline styles, and a Content-Security-Policy that
forbids anything else. Input goes through the CLI's own loaders and limits, so
the messages are the CLI's, shown next to the field or line they concern.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path, PurePath

from flask import Flask, Request, Response, redirect, request
from werkzeug.exceptions import HTTPException

from checker.api import Checker
from checker.audit.outputs import AuditSummary, HtmlOutput
from checker.audit.run import CHUNK, AuditInput, AuditOptions, Auditor, Failed
from checker.errors import InputError, Problem, labelled_problem, problem
from checker.evaluate.engine import EngineError
from checker.i18n import LANGUAGES, chosen_first, t
from checker.location.loader import location_from_document, location_from_mapping
from checker.location.model import Location
from checker.location.table import FIELD_TYPES, table_rows
from checker.location.writer import location_yaml
from checker.plan.compare import compare
from checker.render.html import render_html
from checker.render.pdf import PdfError, html_to_pdf
from checker.source.limits import MAX_FILE_BYTES, MAX_LOCATIONS
from checker.source.reader import load_yaml_bytes, load_yaml_text
from checker.web.api import PREFIX, problem_response, register_api
from checker.web.dates import check_date
from checker.web.form import (
    document_values,
    entered_values,
    form_mapping,
    form_values,
    number_readings,
    saved_yaml,
    slug,
)
from checker.web.keep import KEEP_SCRIPT_HASH
from checker.web.pages import Pages

#: Locations in one uploaded table, unless `serve --max-locations` says otherwise.
WEB_MAX_LOCATIONS = 1000
#: Room for the form fields sent along with an uploaded file.
UPLOAD_SLACK = 64 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src '{KEEP_SCRIPT_HASH}'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
    # page's own form posts, and the cross-site check (guard.py) could not tell them apart.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
LANG = "<any(nl, en):lang>"
CARRIED = "location.yaml"  # the name problems give the YAML a page sent back


class InMemoryRequest(Request):
    """Uploads stay in memory: werkzeug would spool one over 500 kB to a temporary file."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, **_kw):
        return io.BytesIO()


class Unprocessable(Exception):
    """A request whose input has problems: the response is the page that shows them."""

    def __init__(self, page: str):
        self.page = page


def create_app(
    checker: Checker, default_lang: str = "nl", max_locations: int | None = None
) -> Flask:
    """The Flask app of `opvangtoets serve`, checking with `checker`."""
    app = Flask(__name__, static_folder=None)
    app.request_class = InMemoryRequest
    upload_limit = MAX_FILE_BYTES.value()
    app.config["MAX_CONTENT_LENGTH"] = upload_limit + UPLOAD_SLACK
    # A portfolio page of every finding of 2,000 locations is 50 MB and took 25 s to make:
    # more is for `opvangtoets audit`, unless the server is started with --max-locations.
    location_limit = max_locations or min(WEB_MAX_LOCATIONS, MAX_LOCATIONS.value())
    pages = Pages(checker.library, upload_limit, location_limit)
    register_api(app, checker, location_limit, default_lang)

    def as_of(lang: str) -> tuple[str, list[Problem]]:
        raw = request.form.get("as_of", "").strip()
        if not raw:
            return dt.date.today().isoformat(), []
        day, problems = check_date(raw, t("web_form_source", lang))
        return (raw, problems) if day is None else (day.isoformat(), [])

    def carried(lang: str, day: str) -> Location:
        """The location a page sent back; problems only if someone edited the hidden field."""
        text = request.form.get("location_yaml", "")
        try:
            return location_from_document(load_yaml_text(text, CARRIED))
        except InputError as exc:
            page = pages.file_problems(lang, day, CARRIED, text, exc.problems)
            raise Unprocessable(page) from None

    def report_page(
        location: Location, lang: str, day: str, source: str | None, readings=()
    ) -> str:
        report = checker.check(location, dt.date.fromisoformat(day), lang, source)
        return pages.report(report, readings=readings)

    @app.after_request
    def secure(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.errorhandler(Unprocessable)
    def unprocessable(exc: Unprocessable):
        return exc.page, 422

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        lang = _page_lang(default_lang)
        if request.path.startswith(f"{PREFIX}/"):
            lang = request.args.get("lang", default_lang)
            lang = lang if lang in LANGUAGES else default_lang
            text = too_large_text(lang, upload_limit) if exc.code == 413 else exc.name
            return problem_response(exc.code or 500, text, [], lang)
        if exc.code == 413:
            text = too_large_text(lang, upload_limit)
            return pages.message(lang, "web_file_problems", text), 413
        if exc.code == 404:
            text = t("web_not_found", lang)
        else:
            text = t("web_bad_request", lang)
        return pages.message(lang, "web_error", text), exc.code

    @app.errorhandler(EngineError)
    def engine_error(exc: EngineError):
        lang = _page_lang(default_lang)
        return pages.message(lang, "web_error", t("web_internal", lang, error=exc)), 500

    @app.get("/")
    def root():
        best = request.accept_languages.best_match(LANGUAGES, default=default_lang)
        return redirect(f"/{best}/")

    @app.get(f"/{LANG}/")
    def form_page(lang: str):
        return pages.form(lang, dt.date.today().isoformat(), short=True)

    @app.get(f"/{LANG}/full")
    def full_form_page(lang: str):
        return pages.form(lang, dt.date.today().isoformat())

    def form_problems(lang: str) -> tuple[dict, str, Location | None, list[Problem]]:
        form = request.form.to_dict(flat=False)
        day, problems = as_of(lang)
        location = None
        try:
            location = location_from_mapping(form_mapping(form, lang), t("web_form_source", lang))
        except InputError as exc:
            problems += exc.problems
        return form, day, location, problems

    @app.post(f"/{LANG}/check")
    def check_form(lang: str):
        form, day, location, problems = form_problems(lang)
        if problems or location is None:
            short = bool(request.form.get("short"))
            return pages.form(lang, day, entered_values(form), problems, short=short), 422
        return report_page(location, lang, day, None, number_readings(form, lang))

    @app.post(f"/{LANG}/save")
    def save_form(lang: str):
        """Everything typed so far as a file, also when it has problems (they become comments)."""
        form, _, location, problems = form_problems(lang)
        on_field: dict[str, list[str]] = {}
        for p in problems:
            if p.field in FIELD_TYPES:
                on_field.setdefault(p.field, []).append(
                    t("web_saved_problem", lang, text=pages.in_words(p, lang, line=False))
                )
        header = t("web_saved_comment", lang, date=dt.date.today().isoformat())
        typed = form_mapping(form, lang)
        name = location.id if location else slug(str(typed.get("id", ""))) or "location"
        return Response(
            saved_yaml(form, lang, on_field, header),
            mimetype="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{name}.yaml"'},
        )

    @app.post(f"/{LANG}/edit")
    def edit(lang: str):
        """The whole form with a location's facts, open at the field asked for."""
        day, _ = as_of(lang)
        location = carried(lang, day)
        at = request.args.get("at")
        return pages.form(lang, day, form_values(location), open_at=at)

    @app.post(f"/{LANG}/report")
    def report_again(lang: str):
        day, problems = as_of(lang)
        location = carried(lang, day)
        if problems:
            return pages.form(lang, day, None, problems), 422
        return report_page(location, lang, day, None)

    @app.post(f"/{LANG}/upload")
    def upload(lang: str):
        day, problems = as_of(lang)
        if problems:
            return pages.form(lang, day, None, problems), 422
        sent = request.files.get("file")
        if sent is None or not sent.filename:
            return pages.message(lang, "web_file_problems", t("web_choose_file", lang)), 400
        name = PurePath(sent.filename.replace("\\", "/")).name  # shown, never used as a path
        raw = sent.read()
        suffix = PurePath(name).suffix.lower()
        if suffix == ".csv":
            return audit_page(raw, name, lang, day)
        if suffix not in (".yaml", ".yml"):
            wrong = labelled_problem(name, None, "web_wrong_kind")
            return pages.file_problems(lang, day, name, None, [wrong]), 422
        doc = None
        try:
            doc = load_yaml_bytes(raw, name)
            location = location_from_document(doc)
        except InputError as exc:
            if doc is not None and isinstance(doc.data, dict) and set(doc.data) <= set(FIELD_TYPES):
                # a file saved from the form (or like it): back into the form, problems marked
                values = document_values(doc.data)
                restored = pages.form(lang, day, values, exc.problems, restored=name)
                return restored, 422
            text = raw.decode("utf-8", errors="replace") if len(raw) <= upload_limit else None
            return pages.file_problems(lang, day, name, text, exc.problems), 422
        return report_page(location, lang, day, name)

    def audit_page(raw: bytes, name: str, lang: str, day: str):
        items: list[AuditInput | Failed] = []
        try:
            if len(raw) > upload_limit:
                raise InputError([MAX_FILE_BYTES.exceeded(name, None, len(raw))])
            text = raw.decode("utf-8-sig")
            for row in table_rows(io.StringIO(text, newline=""), name):
                items.append(AuditInput(row.file, row.line, row.data))
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            en, nl = f"not UTF-8 text (byte {exc.start})", f"geen UTF-8-tekst (byte {exc.start})"
            failed = problem(name, line, en, nl, hint_en="save the table as UTF-8 CSV")
            return pages.file_problems(lang, day, name, None, [failed]), 422
        except InputError as exc:  # the rows before the damage are still checked
            items.append(Failed(name, exc.problems[0].line, exc.problems))
        if len(items) > location_limit:
            too_many = labelled_problem(
                name,
                None,
                "web_too_many",
                hint_key="web_too_many_hint",
                n=len(items),
                limit=location_limit,
            )
            return pages.file_problems(lang, day, name, None, [too_many]), 422
        as_of_day = dt.date.fromisoformat(day)
        options = AuditOptions(as_of_day, lang, detail=True)
        auditor = Auditor(options, checker.library, checker.engine)
        summary, html = AuditSummary(), HtmlOutput(as_of_day, checker.library, lang)
        for start in range(0, len(items), CHUNK):
            for result in auditor.check(items[start : start + CHUNK]):
                summary.add(result)
                html.add(result)
        return pages.audit(lang, html.context(summary))

    @app.post(f"/{LANG}/what-if")
    def what_if(lang: str):
        day, problems = as_of(lang)
        before = carried(lang, day)
        form = request.form.to_dict(flat=False)
        try:
            after = location_from_mapping(form_mapping(form, lang), t("web_form_source", lang))
        except InputError as exc:
            problems += exc.problems
        if problems:  # the report again, its what-if form open at the problems
            report = checker.check(before, dt.date.fromisoformat(day), lang)
            return pages.report(report, entered_values(form), problems), 422
        on = dt.date.fromisoformat(day)
        comparison = compare(
            checker.check(before, on, lang, look_ahead=False),
            checker.check(after, on, lang, look_ahead=False),
        )
        return pages.what_if(comparison)

    @app.post(f"/{LANG}/report-file")
    def report_file(lang: str):
        """The report to keep or print: the same HTML as `check --format html`, or its PDF."""
        day, _ = as_of(lang)
        report = checker.check(carried(lang, day), dt.date.fromisoformat(day), lang)
        html = render_html(report, checker.library)
        name = report.location.id
        if request.form.get("format") != "pdf":
            return Response(
                html,
                mimetype="text/html",
                headers={"Content-Disposition": f'attachment; filename="{name}.html"'},
            )
        with tempfile.TemporaryDirectory(prefix="opvangtoets-web-") as tmp:
            target = Path(tmp) / f"{name}.pdf"
            try:
                html_to_pdf(html, target)
            except PdfError as exc:
                message = exc.en if lang == "en" else exc.nl
                return pages.message(lang, "web_pdf_missing", message), 503
            return Response(
                target.read_bytes(),
                mimetype="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
            )

    @app.post(f"/{LANG}/download")
    def download(lang: str):
        day, _ = as_of(lang)
        location = carried(lang, day)
        file = f"{location.id}.yaml"
        today = dt.date.today()
        comments = [t("web_yaml_comment", x, date=today, file=file) for x in chosen_first(lang)]
        return Response(
            location_yaml(location, comments),
            mimetype="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{file}"'},
        )

    return app


def too_large_text(lang: str, upload_limit: int) -> str:
    """The message of a 413 page: the upload limit and the variable that sets it."""
    limit = f"{upload_limit // (1024 * 1024)} MiB"
    return t("web_too_large", lang, limit=limit, env=MAX_FILE_BYTES.env)


def _page_lang(default: str) -> str:
    first = request.path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else default
