"""A fact-checker logs in and reads the demo sources in a real browser."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_fact_checker_sees_and_reads_the_demo_sources(page, fact_checker, demo_corpus):
    call_command("ingest", str(demo_corpus), stdout=StringIO())
    login(page, "checker", "checker-pass-123")

    page.goto("/sources/")
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 5
    page.get_by_role("link", name="Talks on Russia's security guarantees with US, NATO unlikely").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Talks on Russia's security guarantees")
    assert "There are no threats whatsoever to the civilian population." in page.locator(".source-text").inner_text()


def test_wrong_password_is_refused_politely(page, fact_checker):
    login(page, "checker", "wrong")
    assert "didn't match" in page.get_by_role("alert").inner_text()
