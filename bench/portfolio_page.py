"""How large and how fast the portfolio page is: N seeded synthetic locations
(`checker.testing.synthetic.random_portfolio`) checked with detail (as `audit --html`), then
the page rendered; printed: the page's size, the time to render it, and (with Chromium) the
time until the browser has laid it out and the time to print it to PDF, with its pages.

    python bench/portfolio_page.py           # N = 200 and 1,000
    python bench/portfolio_page.py 1000

Nothing is asserted; figures measured while other work runs on the machine are noisy.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

AS_OF = dt.date(2026, 1, 15)


def measure(n: int) -> None:
    from checker.audit.outputs import AuditSummary, HtmlOutput
    from checker.audit.run import AuditInput, AuditOptions, run_audit
    from checker.library.loader import load_library
    from checker.testing.synthetic import random_portfolio

    library = load_library()
    items = [AuditInput(f"synthetic/{d['id']}.yaml", None, d) for d in random_portfolio(18, n)]
    summary, html = AuditSummary(library=library), HtmlOutput(AS_OF, library, "nl")
    start = time.perf_counter()
    for result in run_audit(items, AuditOptions(AS_OF, "nl", detail=True), workers=2):
        summary.add(result)
        html.add(result)
    checked = time.perf_counter() - start
    start = time.perf_counter()
    page = html.render(summary)
    rendered = time.perf_counter() - start
    size = len(page.encode("utf-8"))
    print(
        f"{n:>6} locations: checked in {checked:.1f} s; page {size / 1e6:.1f} MB, "
        f"rendered in {rendered:.2f} s",
        flush=True,
    )
    _browser(page, n)


def _browser(page: str, n: int) -> None:
    from checker.render.pdf import chromium, html_to_pdf

    if chromium() is None:
        print("        (no Chromium: browser and PDF not measured)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "portfolio.html"
        path.write_text(page, encoding="utf-8")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            sync_playwright = None
        if sync_playwright is not None:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium())
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                start = time.perf_counter()
                tab.goto(path.as_uri(), wait_until="load")
                tab.evaluate("document.body.getBoundingClientRect().height")
                loaded = time.perf_counter() - start
                height = tab.evaluate("document.documentElement.scrollHeight")
                browser.close()
            print(f"        browser: laid out in {loaded:.2f} s, page {height:,} px tall")
        from pypdf import PdfReader

        start = time.perf_counter()
        pdf = Path(tmp) / "portfolio.pdf"
        html_to_pdf(page, pdf)
        printed = time.perf_counter() - start
        pages = len(PdfReader(str(pdf)).pages)
        print(f"        PDF: {pages} pages in {printed:.1f} s ({n} locations)")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["200", "1000"]:
        measure(int(arg))
