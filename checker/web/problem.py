"""RFC 9457 problem details, the error answers of the JSON API (light: the server uses it)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checker.errors import Problem

PROBLEM_TYPE = "application/problem+json"


def problem_body(
    status: int, title: str, problems: Sequence[Problem] = (), lang: str = "en"
) -> bytes:
    """The JSON of a problem-details answer; `errors` holds every problem as the CLI words it."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if problems:
        body["detail"] = "; ".join(p.render(lang) for p in problems)
        body["errors"] = [
            {
                "file": p.file,
                "line": p.line,
                "field": p.field,
                "message": p.message.get(lang) or p.message["en"],
                "hint": p.hint.get(lang) or p.hint.get("en") or None,
                "text": p.render(lang),
            }
            for p in problems
        ]
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
