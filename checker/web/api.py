"""The JSON API beside the web page, for planning and portfolio tools: `/api/v1/...`.

`POST /api/v1/check` takes one location (JSON or YAML) and answers the report JSON of
`check --format json`; `POST /api/v1/audit` takes a list of locations (a table, one object a
row) and answers the JSON of `audit --format json`. Problems are RFC 9457 problem details
with the messages the CLI gives (file, line, field). Only `application/json` and
`application/yaml` bodies are read: a page on another site can send neither without a
CORS preflight, and no preflight is answered (no Access-Control header is ever sent), so
browsers never let such a page call this API. The Host check of the server applies.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence

from flask import Flask, Response, request

from checker.api import Checker
from checker.audit.outputs import AuditSummary, JsonOutput
from checker.audit.run import CHUNK, AuditInput, AuditOptions, Auditor, Failed
from checker.errors import InputError, Problem, labelled_problem
from checker.i18n import LANGUAGES, t
from checker.location.loader import location_from_document
from checker.source.reader import YamlDocument, load_yaml_bytes
from checker.web.dates import check_date
from checker.web.openapi import openapi_document
from checker.web.problem import PROBLEM_TYPE, problem_body

PREFIX = "/api/v1"
BODY_TYPES = {"application/json": "request.json", "application/yaml": "request.yaml"}


class ApiProblem(Exception):
    """A request the API cannot answer: the problem-details response that says why."""

    def __init__(self, status: int, title: str, problems: Sequence[Problem] = (), lang: str = "en"):
        super().__init__(title)
        self.status, self.title, self.problems, self.lang = status, title, list(problems), lang


def problem_response(status: int, title: str, problems: list[Problem], lang: str) -> Response:
    """A problem-details answer (RFC 9457)."""
    return Response(
        problem_body(status, title, problems, lang), status=status, mimetype=PROBLEM_TYPE
    )


def register_api(app: Flask, checker: Checker, location_limit: int, default_lang: str) -> None:
    """Add the API's routes to the web app."""

    def lang_of() -> str:
        lang = request.args.get("lang", default_lang)
        if lang not in LANGUAGES:
            raise ApiProblem(400, t("api_bad_lang", "en", value=lang[:20]))
        return lang

    def as_of(lang: str) -> dt.date:
        raw = request.args.get("as_of", "").strip()
        if not raw:
            return dt.date.today()
        day, problems = check_date(raw, "as_of")
        if day is None:
            raise ApiProblem(400, t("api_bad_parameter", lang), problems, lang)
        return day

    def body(lang: str) -> YamlDocument:
        kind = (request.mimetype or "").lower()
        if kind not in BODY_TYPES:
            raise ApiProblem(415, t("api_wrong_type", lang, got=kind[:60] or "—"), lang=lang)
        try:
            return load_yaml_bytes(request.get_data(cache=False), BODY_TYPES[kind])
        except InputError as exc:
            raise ApiProblem(422, t("api_unreadable", lang), exc.problems, lang) from None

    @app.errorhandler(ApiProblem)
    def api_problem(exc: ApiProblem):
        return problem_response(exc.status, exc.title, exc.problems, exc.lang)

    def check():
        lang = lang_of()
        day = as_of(lang)
        doc = body(lang)
        try:
            location = location_from_document(doc)
        except InputError as exc:
            raise ApiProblem(422, t("api_not_checked", lang), exc.problems, lang) from None
        report = checker.check(location, day, lang, doc.file)
        return Response(
            json.dumps(report.to_dict(), ensure_ascii=False), mimetype="application/json"
        )

    def audit():
        lang = lang_of()
        day = as_of(lang)
        doc = body(lang)
        if not isinstance(doc.data, list):
            wrong = labelled_problem(doc.file, doc.line_of(()), "api_not_a_list")
            raise ApiProblem(422, t("api_not_checked", lang), [wrong], lang)
        if len(doc.data) > location_limit:
            too_many = labelled_problem(
                doc.file,
                None,
                "web_too_many",
                hint_key="web_too_many_hint",
                n=len(doc.data),
                limit=location_limit,
            )
            raise ApiProblem(413, t("api_not_checked", lang), [too_many], lang)
        items: list[AuditInput | Failed] = []
        for i, data in enumerate(doc.data):
            # each location is named by its place in the list, its problems by their line
            lines = {path[1:]: line for path, line in doc.lines.items() if path[:1] == (i,)}
            part = YamlDocument(data, lines, f"{doc.file}[{i}]")
            try:
                location_from_document(part)
            except InputError as exc:
                items.append(Failed(part.file, part.line_of(()), exc.problems))
                continue
            items.append(AuditInput(part.file, None, data))
        auditor = Auditor(AuditOptions(day, lang, detail=True), checker.library, checker.engine)
        summary, out = AuditSummary(), io.StringIO()
        output = JsonOutput(out, day, checker.library, lang)
        for start in range(0, len(items), CHUNK):
            for result in auditor.check(items[start : start + CHUNK]):
                summary.add(result)
                output.add(result)
        output.close(summary)
        return Response(out.getvalue(), mimetype="application/json")

    def openapi():
        return Response(json.dumps(openapi_document(), indent=2), mimetype="application/json")

    # No automatic OPTIONS answer: a CORS preflight gets 405 and no Access-Control header.
    app.add_url_rule(
        f"{PREFIX}/check", "api_check", check, methods=["POST"], provide_automatic_options=False
    )
    app.add_url_rule(
        f"{PREFIX}/audit", "api_audit", audit, methods=["POST"], provide_automatic_options=False
    )
    app.add_url_rule(
        f"{PREFIX}/openapi.json",
        "api_openapi",
        openapi,
        methods=["GET"],
        provide_automatic_options=False,
    )
