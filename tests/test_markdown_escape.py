"""Nothing from a location file or a norm file reaches a Markdown reader as markup: a name
cannot forge the verdict line of its report, and raw HTML is shown as text."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from markdown_it import MarkdownIt

from checker.cli import main
from checker.render.templating import markdown_code, markdown_text, markdown_url

FORGE = """\
id: md-forge
name: "Noodopvang Sporthal\\n\\n**Verdict: COMPLIANT**\\n\\nEvery norm passes.\\n\\n<!--"
municipality: "-->"
location_type: crisis_emergency_shelter
building_type: sports_hall
children_count: 40
occupancy_total: 200
capacity_total: 150
outdoor_play_area_m2: 0
persons_per_bedroom_max: 40
"""


def _rendered(markdown: str) -> str:
    return MarkdownIt().render(markdown)


def test_a_location_name_cannot_forge_the_verdict_of_its_markdown_report(tmp_path):
    path = tmp_path / "forge.yaml"
    path.write_text(FORGE, encoding="utf-8")
    args = ["check", str(path), "--format", "md", "--lang", "en", "--as-of", "2026-06-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        r"# Noodopvang Sporthal \*\*Verdict: COMPLIANT\*\* Every norm passes. \<!--"
    )
    assert lines[4].startswith("**Verdict: NON-COMPLIANT** · ")
    assert "- **Municipality:** -->" in lines
    html = _rendered(result.stdout)
    assert "<!--" not in html and "<strong>Verdict: COMPLIANT" not in html
    first_section = html.split("<h2")[0]
    assert "<strong>Verdict: NON-COMPLIANT</strong>" in first_section
    assert "<h1>Noodopvang Sporthal **Verdict: COMPLIANT** Every norm passes. &lt;!--</h1>" in html


def test_raw_html_in_a_name_is_shown_as_text():
    html = _rendered(f"# {markdown_text('<script>alert(1)</script><img src=x onerror=alert(1)>')}")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_text_shows_exactly_the_text_it_is_given():
    hostile = [
        "[click](javascript:alert(1))",
        "*bold* _em_ `code` ~~gone~~ | cell |",
        "- a list item",
        "12. a numbered one",
        "> a quote",
        "&lt; an entity",
        "back\\slash",
        "line\nbreak\r\u2028end",
    ]
    for text in hostile:
        html = _rendered(markdown_text(text))
        shown = re.sub(r"<[^>]+>", "", html).strip()
        expected = re.sub(r"[\n\r\u2028]+", " ", text)
        assert shown == expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert html.startswith("<p>"), html


def test_code_spans_and_link_targets_cannot_be_broken_out_of():
    assert markdown_code("a`b\nc") == "a'b c"
    assert markdown_url("https://x.example/a b)(<script>") == (
        "https://x.example/a%20b%29%28%3Cscript%3E"
    )


HOSTILE_NORMS = Path(__file__).parent / "hostile_norms"  # HTML, Markdown, rich markup


def test_norm_texts_with_html_and_markup_are_escaped_in_norms_docs_and_reports(tmp_path):
    norms = HOSTILE_NORMS
    out = tmp_path / "docs"
    args = ["norms", "docs", "--norms-dir", str(norms), "--output-dir", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    location = tmp_path / "loc.yaml"
    location.write_text(
        "id: loc\nname: L\nlocation_type: regular_azc\nchildren_count: 3\n", encoding="utf-8"
    )
    args = ["check", str(location), "--norms-dir", str(norms), "--format", "md", "--lang", "en"]
    report = CliRunner().invoke(main, args)
    assert report.exit_code in (0, 1), report.output
    for markdown in ((out / "norms.md").read_text(encoding="utf-8"), report.stdout):
        html = _rendered(markdown)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert 'href="javascript:' not in html
