"""The dashboard in a real headless browser (Debian's chromium-headless-shell): a person signs in
through the form, the district overview renders, and a screenshot is kept to look at
(``PLCLASSROOM_SCREENSHOTS=folder`` keeps it there; else in the test's temporary folder).

Skipped when chromium is not installed; on CI (``CI`` set) that is a failure instead."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.postgres import require_postgres, server_database
from tests.server import browser
from tests.server.conftest import serving
from tests.server.test_dashboard import PASSWORD, build, text_of


@pytest.fixture
def chromium() -> str:
    found = browser.find()
    if found is None:
        if require_postgres():  # the same rule: on CI nothing quietly skips
            pytest.fail("CI runs the dashboard's browser test, and chromium is not installed "
                        "(apt-get install chromium-headless-shell).")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium-headless-shell)")
    return found


def keep(shot: Path) -> Path:
    folder = os.environ.get("PLCLASSROOM_SCREENSHOTS")
    if not folder:
        return shot
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(shot, Path(folder) / shot.name))


def test_the_district_overview_in_a_real_browser(request, tmp_path, chromium):
    with server_database(request, "sqlite", tmp_path) as store:
        district = build(store)
        with serving(store) as live, browser.Browser(chromium) as page:
            page.go(f"{live.base_url}/dashboard")
            assert "/dashboard/login" in page.url  # no session: to the sign-in page
            page.submit("form.login", {"user": "Dana Admin", "password": PASSWORD})
            assert page.url == f"{live.base_url}/dashboard"  # the browser's own Origin passed the check
            dom = page.dom()
            shot = tmp_path / "dashboard-overview.png"
            data = page.screenshot(shot)
            print(f"screenshot: {keep(shot)}")

            words = text_of(dom)
            assert "District overview" in words and "Signed in as Dana Admin" in words
            for name in district.names.values():
                assert name in words
            assert "Schools: sync health" in words

            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
            with Image.open(shot) as image:
                assert image.width == 1280 and image.height >= 600
                # A rendered page, not a blank one: many colours (text, lines, the meters).
                assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50

            # Signing out from the page's own button ends the session.
            page.submit("form[action='/dashboard/logout']", {})
            assert "/dashboard/login" in page.url
            page.go(f"{live.base_url}/dashboard")
            assert "/dashboard/login" in page.url
