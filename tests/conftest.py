"""Shared fixtures: one compiled library for the whole test run (compiling is the slow part),
and the headless browser with the folder its tests leave screenshots in."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from checker.api import Checker
from checker.i18n import stored

# The checked-library cache of the test run is a folder of its own, never the user's: set
# before any test module is imported (some load the library at import), inherited by every
# command the tests start, removed at the end.
_CACHE = tempfile.mkdtemp(prefix="opvangtoets-test-cache-")
os.environ["OPVANGTOETS_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own, used (not bypassed) from here on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(stored.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(stored.NO_CACHE_ENV, raising=False)
    return folder


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()


CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def browser():
    """The system's Chromium (.ci/run installs it) driven by Playwright. Without it the
    browser tests are skipped, unless OPVANGTOETS_REQUIRE_BROWSER=1 (set by .ci/run)."""
    if not CHROMIUM.exists() and os.environ.get("OPVANGTOETS_REQUIRE_BROWSER") != "1":
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts(request) -> Path:
    """Where browser tests keep screenshots and PDFs: $OPVANGTOETS_TEST_ARTIFACTS, or
    test-artifacts/ at the top of the repository."""
    path = Path(os.environ.get("OPVANGTOETS_TEST_ARTIFACTS", ROOT / "test-artifacts")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    yield path
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nbrowser test artefacts (screenshots, PDFs): {path}")


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script for the accessibility checks in the browser tests (skipped without
    it, unless a browser run is required)."""
    path = os.environ.get("OPVANGTOETS_AXE")
    if not path or not Path(path).is_file():
        if os.environ.get("OPVANGTOETS_REQUIRE_BROWSER") == "1":
            pytest.fail("set OPVANGTOETS_AXE to axe-core's axe.min.js (npm install axe-core)")
        pytest.skip("axe-core not installed: npm install axe-core, then set OPVANGTOETS_AXE")
    return Path(path).read_text(encoding="utf-8")
