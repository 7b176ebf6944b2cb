"""Every label exists once, in both languages (a repeated key silently hides the first)."""

from __future__ import annotations

import ast
from pathlib import Path

from checker import i18n


def test_no_label_key_is_defined_twice():
    source = Path(i18n.__file__).read_text(encoding="utf-8")
    labels = next(
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "LABELS"
    )
    keys = [k.value for k in labels.keys]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_every_label_has_english_and_dutch():
    assert [
        k for k, v in i18n.LABELS.items() if set(v) != {"en", "nl"} or not all(v.values())
    ] == []
