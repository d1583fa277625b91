"""The review desk in a real browser: take, evidence, verdict, approval, the keyboard, and
hostile text that must stay inert.

Set SCREENSHOTS_DIR to keep screenshots of the queue, a claim and the dashboard.
"""

import importlib
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from claims import workflow
from claims.models import Claim, Comment, Evidence, Verdict
from tests.claims.factories import AppearanceFactory, ClaimFactory, OutletFactory, SourceFactory, rating, stored_source
from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def rating_scale():
    # Transactional tests flush the tables between tests, data migrations included.
    migration = importlib.import_module("claims.migrations.0002_default_rating_scale")
    migration.create_default_scale(apps, None)


def screenshot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def logout(page) -> None:
    page.get_by_role("button", name="Log out").click()


def sample_claim() -> Claim:
    text = (
        "Hospital waiting lists\n\n"
        "The health minister spoke on Monday. Waiting lists in Northshire hospitals doubled since 2020, "
        "she said. Unions disputed the figure.\n\nMore later."
    )
    source = SourceFactory(text=text, title="Minister on waiting lists", outlet=OutletFactory(name="Morning Post"))
    start = text.index("Waiting lists in")
    end = text.index("she said.") + len("she said.")
    appearance = AppearanceFactory(
        source=source,
        start=start,
        end=end,
        sentence=text[start:end],
        claim__text="Waiting lists in Northshire hospitals doubled since 2020",
        claim__claimant="the health minister",
        claim__claim_type="statistic",
        claim__score=0.91,
        claim__priority=0.95,
        claim__reasons=["contains a number", "names an official source"],
    )
    workflow.claim_refresh_counts(claim=appearance.claim)
    stored_source(
        title="Northshire hospital statistics 2024",
        text="Official statistics: waiting lists in Northshire hospitals rose by 18 percent since 2020.",
        outlet="Statistics Office",
    )
    return appearance.claim


def test_from_take_next_to_published(page, fact_checker, editor, settings):
    settings.EXTRACTION_THRESHOLD = 2.0  # the corpus source adds no claims of its own to the queue
    claim = sample_claim()
    ClaimFactory(priority=0.1, text="A claim of lower priority")
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    login(page, "checker", "checker-pass-123")
    assert page.get_by_role("heading", name="Desk dashboard").is_visible()

    page.goto("/queue/")
    page.get_by_role("button", name="Take next").click()
    page.wait_for_url(f"**/claims/{claim.pk}/")
    assert "is yours" in page.get_by_role("status").first.inner_text()
    assert page.locator("#claim-status").inner_text() == "In review"
    assert page.locator(".paragraph mark").inner_text().startswith("Waiting lists in Northshire")

    # The find-in-corpus panel searches in place (htmx), then a result is cited.
    page.get_by_label("Search the corpus").fill("football")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_text("Nothing found in the corpus.").wait_for()
    assert "q=" not in page.url  # swapped in place, not a page load
    page.get_by_label("Search the corpus").fill("")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_text("Sources sharing the key terms").wait_for()
    # Evidence: cite a corpus source, and add a URL (stats.example does not resolve: its metadata fetch fails).
    hit = page.locator(".corpus-hit", has_text="Northshire hospital statistics 2024")
    hit.get_by_label("Stance").select_option("refutes")
    hit.get_by_role("button", name="Cite Northshire hospital statistics 2024").click()
    evidence = page.locator("#evidence-list")
    assert "Northshire hospital statistics 2024" in evidence.inner_text()
    page.get_by_text("Add evidence by URL").click()
    page.get_by_label("URL", exact=True).fill("https://stats.example/waiting-lists")
    page.get_by_role("button", name="Add evidence").click()
    assert evidence.locator("li").count() == 2
    assert Evidence.objects.filter(claim=claim).count() == 2
    assert Evidence.objects.get(url="https://stats.example/waiting-lists").fetch_status in ("pending", "failed")

    page.get_by_label("Rating").select_option(label="Mostly false")
    page.get_by_label("Headline").fill("Waiting lists grew, but did not double")
    page.get_by_label("Explanation (Markdown)").fill("Official figures show a rise of **18 percent**.")
    page.get_by_role("checkbox", name="Northshire hospital statistics 2024").check()
    page.get_by_role("button", name="Save draft verdict").click()
    assert page.locator("#claim-status").inner_text() == "Verdict drafted"
    assert page.locator(".explanation strong").inner_text() == "18 percent"
    screenshot(page, "claim")
    page.get_by_role("button", name="Submit for approval").click()
    assert page.locator("#claim-status").inner_text() == "Awaiting approval"

    # A fact-checker cannot publish: no button, and a forged POST is refused.
    assert page.get_by_role("button", name="Approve & publish").count() == 0
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    forged = page.request.post(f"/claims/{claim.pk}/verdict/publish/", headers={"X-CSRFToken": token})
    assert forged.status == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.AWAITING_APPROVAL
    assert not Verdict.objects.filter(status=Verdict.Status.PUBLISHED).exists()
    logout(page)

    login(page, "editor", "editor-pass-123")
    page.goto(f"/claims/{claim.pk}/")
    page.get_by_role("button", name="Approve & publish").click()
    assert page.locator("#claim-status").inner_text() == "Published"
    link = page.get_by_role("link", name="Public fact-check page")
    assert link.get_attribute("href") == f"/fact-checks/{claim.pk}/"
    history = page.locator(".timeline").inner_text()
    assert "Awaiting approval → Published" in history and "editor" in history
    verdict = Verdict.objects.get(claim=claim)
    assert (verdict.author, verdict.approver, verdict.rating.slug) == (fact_checker, editor, "mostly-false")
    # Nothing on these pages needed an inline script or style the CSP would block.
    assert [e for e in console_errors if "Content Security Policy" in e] == []


def test_hostile_text_stays_inert(page, fact_checker):
    claim = sample_claim()
    workflow.claim_take(claim=claim, user=fact_checker)
    workflow.evidence_add(claim=claim, actor=fact_checker, url="https://x.example/", title=HOSTILE)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(page, "checker", "checker-pass-123")
    page.goto(f"/claims/{claim.pk}/")
    page.get_by_role("textbox", name="Comment").fill(HOSTILE)
    page.get_by_role("button", name="Add comment").click()
    assert page.locator(".comment-body").inner_text() == HOSTILE
    assert HOSTILE in page.locator("#evidence-list").inner_text()
    page.reload()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert Comment.objects.get().body == HOSTILE


def test_keyboard_moves_through_the_queue(page, fact_checker):
    claims = [
        ClaimFactory(priority=0.9 - i / 10, text=text, reasons=["contains a number"], score=0.7)
        for i, text in enumerate(["First claim", "Second claim", "Third claim"])
    ]
    login(page, "checker", "checker-pass-123")
    page.goto("/queue/")
    selected = page.locator("#queue tr.selected")
    page.keyboard.press("j")
    assert selected.get_attribute("id") == f"claim-{claims[0].pk}"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert selected.get_attribute("id") == f"claim-{claims[2].pk}"
    page.keyboard.press("k")
    assert selected.get_attribute("id") == f"claim-{claims[1].pk}"
    page.keyboard.press("x")
    assert selected.locator("input[type=checkbox]").is_checked()
    page.keyboard.press("?")
    assert "open" in page.locator("#shortcuts").get_attribute("class")
    screenshot(page, "queue")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "queue-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/{claims[1].pk}/")
    page.goto("/queue/")
    page.keyboard.press("t")
    page.wait_for_url(f"**/claims/{claims[0].pk}/")
    assert page.locator("#claim-status").inner_text() == "In review"


def test_dashboard_shows_the_desk_at_a_glance(page, fact_checker, editor):
    now = timezone.now()
    for i in range(12):
        claim = ClaimFactory(claimant=["the health minister", "the mayor", ""][i % 3])
        Claim.objects.filter(pk=claim.pk).update(first_seen_at=now - timedelta(days=i % 9))
    published = sample_claim()
    workflow.claim_take(claim=published, user=fact_checker)
    workflow.verdict_draft(claim=published, author=fact_checker, rating=rating("false"), headline="No", explanation="E")
    workflow.verdict_submit(claim=published, actor=fact_checker)
    workflow.verdict_publish(claim=published, editor=editor)
    Claim.objects.filter(pk=published.pk).update(recurred_at=now)
    login(page, "checker", "checker-pass-123")
    assert page.get_by_role("heading", name="Desk dashboard").is_visible()
    assert page.locator("svg.bars rect").count() == 30
    recur = page.get_by_role("region", name="False claims seen again this week")
    assert "Waiting lists in Northshire" in recur.inner_text()
    screenshot(page, "dashboard")
