"""The review desk's pages as fact-checkers and editors use them: queue, claim page, dashboard."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import workflow
from claims.models import Claim, Comment, Evidence, MatchSuggestion, ReviewEvent, Verdict
from tests.claims.factories import (
    AppearanceFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    rating,
    stored_source,
)

pytestmark = pytest.mark.django_db
S = Claim.Status


def page_of(response) -> str:
    return response.content.decode()


def queue_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-url="/claims/(\d+)/"', html)]


# --- access and headers -----------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/queue/", "/claims/1/"])
def test_pages_need_login_and_a_desk_role(client, outsider, url):
    ClaimFactory(pk=1)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403)
    assert client.get("/queue/").status_code == 403


def test_changes_are_post_only(client, fact_checker):
    claim = ClaimFactory()
    client.force_login(fact_checker)
    assert client.get(f"/claims/{claim.pk}/take/").status_code == 405
    assert client.get("/queue/take-next/").status_code == 405
    claim.refresh_from_db()
    assert claim.status == S.NEW


def test_every_page_forbids_inline_scripts(client, fact_checker):
    client.force_login(fact_checker)
    csp = client.get("/queue/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


# --- the queue --------------------------------------------------------------------------------


def test_queue_ranks_by_priority_and_shows_why(client, fact_checker):
    low = ClaimFactory(priority=0.2, text="Low claim")
    high = ClaimFactory(
        priority=0.9,
        text="High claim",
        score=0.87,
        reasons=["contains a statistic", "names an official"],
        appearance_count=4,
        outlet_count=3,
        recurred_at=timezone.now(),
    )
    client.force_login(fact_checker)
    html = page_of(client.get("/queue/"))
    assert queue_ids(html) == [high.pk, low.pk]
    for text in [
        "contains a statistic",
        "names an official",
        "score 0.87",
        "3 outlets",
        "Recurring: published verdict",
    ]:
        assert text in html
    assert html.count("Recurring: published verdict seen again") == 1
    assert "<kbd>j</kbd>" in html  # the shortcuts are on the page


def test_queue_filters_are_kept_in_the_url(client, fact_checker, fact_checker2):
    outlet = OutletFactory(name="Daily Planet")
    in_outlet = AppearanceFactory(source=SourceFactory(outlet=outlet)).claim
    mine = ClaimFactory(claimant="the mayor", claim_type="statistic", score=0.95)
    workflow.claim_take(claim=mine, user=fact_checker)
    theirs = ClaimFactory()
    workflow.claim_take(claim=theirs, user=fact_checker2)
    old = ClaimFactory(score=0.3)
    Claim.objects.filter(pk=old.pk).update(first_seen_at=timezone.now() - timedelta(days=40))
    dismissed = ClaimFactory()
    workflow.claim_dismiss(claim=dismissed, actor=fact_checker, reason="not_checkworthy")
    client.force_login(fact_checker)

    def ids(query: str) -> set[int]:
        return set(queue_ids(page_of(client.get("/queue/?" + query))))

    assert dismissed.pk not in ids("")
    assert ids("status=dismissed") == {dismissed.pk}
    assert ids(f"outlet={outlet.pk}") == {in_outlet.pk}
    assert ids("claimant=mayor") == {mine.pk}
    assert ids("assignee=me") == {mine.pk}
    assert ids(f"assignee={fact_checker2.pk}") == {theirs.pk}
    assert mine.pk not in ids("assignee=none") and in_outlet.pk in ids("assignee=none")
    assert ids("type=statistic") == {mine.pk}
    assert ids("min_score=0.9") == {mine.pk}
    since = (timezone.now() - timedelta(days=60)).date().isoformat()
    until = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert ids(f"seen_from={since}&seen_to={until}") == {old.pk}
    html = page_of(client.get("/queue/?claimant=mayor&min_score=oops"))
    assert 'value="mayor"' in html and "Ignored: min_score" in html


def test_sort_options(client, fact_checker):
    a = ClaimFactory(priority=0.9, score=0.1, appearance_count=1)
    b = ClaimFactory(priority=0.1, score=0.9, appearance_count=2)
    c = ClaimFactory(priority=0.5, score=0.5, appearance_count=7)
    client.force_login(fact_checker)
    assert queue_ids(page_of(client.get("/queue/"))) == [a.pk, c.pk, b.pk]
    assert queue_ids(page_of(client.get("/queue/?sort=score"))) == [b.pk, c.pk, a.pk]
    assert queue_ids(page_of(client.get("/queue/?sort=appearances"))) == [c.pk, b.pk, a.pk]
    assert queue_ids(page_of(client.get("/queue/?sort=newest"))) == [c.pk, b.pk, a.pk]


@pytest.mark.parametrize("sort", ["priority", "score", "newest", "appearances"])
def test_keyset_pages_cover_every_claim_once_without_offset_or_count(client, fact_checker, sort):
    # Ties on the sort key must not lose or repeat rows across pages.
    for i in range(120):
        ClaimFactory(priority=round(i % 7 / 10, 1), score=0.5, appearance_count=i % 3)
    client.force_login(fact_checker)
    seen, url = [], f"/queue/?sort={sort}"
    with CaptureQueriesContext(connection) as queries:
        while url:
            html = page_of(client.get(url, headers={"HX-Request": "true"} if "after" in url else {}))
            seen += queue_ids(html)
            more = re.search(r'<a href="(\?[^"]*after=[^"]+)"', html)
            url = "/queue/" + more.group(1).replace("&amp;", "&") if more else None
    assert len(seen) == 120 and len(set(seen)) == 120
    assert all(" OFFSET " not in q["sql"].upper() and "COUNT(" not in q["sql"].upper() for q in queries)


def test_queue_query_count_does_not_grow_with_rows(client, fact_checker, django_assert_num_queries):
    client.force_login(fact_checker)
    ClaimFactory.create_batch(3)
    client.get("/queue/")  # warm the session and content types
    with django_assert_num_queries(6):
        assert len(queue_ids(page_of(client.get("/queue/")))) == 3
    for claim in ClaimFactory.create_batch(27):
        workflow.claim_take(claim=claim, user=fact_checker)
    with django_assert_num_queries(6):
        assert len(queue_ids(page_of(client.get("/queue/")))) == 30


def test_take_next_assigns_the_top_claim(client, fact_checker):
    ClaimFactory(priority=0.1)
    top = ClaimFactory(priority=0.8)
    client.force_login(fact_checker)
    response = client.post("/queue/take-next/")
    assert response["Location"] == f"/claims/{top.pk}/"
    top.refresh_from_db()
    assert (top.status, top.assignee) == (S.IN_REVIEW, fact_checker)
    assert "is yours" in page_of(client.get(response["Location"]))


def test_take_next_on_an_empty_queue_says_so(client, fact_checker):
    client.force_login(fact_checker)
    response = client.post("/queue/take-next/", follow=True)
    assert "Nothing to take" in page_of(response)


def test_bulk_actions_report_what_could_not_be_done(client, fact_checker, fact_checker2, editor):
    a, b, c = ClaimFactory.create_batch(3)
    published = ClaimFactory()
    workflow.claim_take(claim=published, user=fact_checker)
    workflow.verdict_draft(claim=published, author=fact_checker, rating=rating(), headline="H", explanation="E")
    workflow.verdict_submit(claim=published, actor=fact_checker)
    workflow.verdict_publish(claim=published, editor=editor)
    client.force_login(fact_checker)

    response = client.post(
        "/queue/bulk/",
        {"ids": [a.pk, b.pk], "action": "assign", "assignee": fact_checker2.pk, "back": "sort=score"},
    )
    assert response["Location"] == "/queue/?sort=score"
    assert set(Claim.objects.filter(assignee=fact_checker2).values_list("pk", flat=True)) == {a.pk, b.pk}

    html = page_of(client.post("/queue/bulk/", {"ids": [c.pk, published.pk], "action": "dismiss"}, follow=True))
    assert "Done for 1 claim." in html
    assert f"#{published.pk}: Cannot dismiss it: the claim is published." in html
    assert Claim.objects.get(pk=c.pk).status == S.DISMISSED

    AppearanceFactory(claim=a)
    AppearanceFactory(claim=b)
    client.post("/queue/bulk/", {"ids": [a.pk, b.pk], "action": "merge", "into": b.pk})
    a.refresh_from_db()
    assert (a.status, a.duplicate_of_id) == (S.DISMISSED, b.pk)
    assert Claim.objects.get(pk=b.pk).appearance_count == 2

    html = page_of(client.post("/queue/bulk/", {"action": "dismiss"}, follow=True))
    assert "Nothing done: Select claims first." in html


# --- the claim page ---------------------------------------------------------------------------


def test_claim_page_shows_each_appearance_in_its_paragraph(client, fact_checker):
    sentence = "Unemployment fell to 3 percent in May, the minister said."
    text = f"Headline here\n\nThe first paragraph. {sentence} More.\n\nOther."
    source = SourceFactory(text=text, title="Jobs report")
    start = text.index("Unemployment")
    end = text.index(", the minister said.") + len(", the minister said.")
    appearance = AppearanceFactory(source=source, start=start, end=end, sentence=text[start:end])
    client.force_login(fact_checker)
    html = page_of(client.get(f"/claims/{appearance.claim_id}/"))
    assert f'<p class="paragraph">The first paragraph. <mark>{sentence}</mark> More.</p>' in html
    assert f'href="/sources/{source.pk}/?hl={start}-{end}#hl"' in html
    assert source.outlet.name in html


def test_claim_page_query_count_does_not_grow(client, fact_checker, django_assert_num_queries):
    def make(n: int) -> Claim:
        claim = ClaimFactory()
        workflow.claim_take(claim=claim, user=fact_checker)
        for _ in range(n):
            AppearanceFactory(claim=claim)
            source = SourceFactory()
            workflow.evidence_add(claim=claim, actor=fact_checker, source=source)
            workflow.comment_add(claim=claim, author=fact_checker, body="note")
            MatchSuggestion.objects.create(claim=claim, target=ClaimFactory(), similarity=0.7)
        workflow.verdict_draft(
            claim=claim,
            author=fact_checker,
            rating=rating(),
            headline="H",
            explanation="E",
            evidence_ids=claim.evidence.values_list("pk", flat=True),
        )
        return claim

    small, big = make(3), make(30)
    client.force_login(fact_checker)
    client.get(f"/claims/{small.pk}/")
    # The page (14) and the full-text "find in corpus" search: one query, plus on PostgreSQL the
    # savepoint around it and its release (it sets a planner option for that statement only).
    expected = 15 + (2 if connection.vendor == "postgresql" else 0)
    with django_assert_num_queries(expected):
        assert client.get(f"/claims/{small.pk}/").status_code == 200
    with django_assert_num_queries(expected):
        assert client.get(f"/claims/{big.pk}/").status_code == 200


def test_stale_edit_shows_the_conflict_and_keeps_both_texts(client, fact_checker, fact_checker2):
    claim = ClaimFactory(text="Original text")
    workflow.claim_take(claim=claim, user=fact_checker)
    claim.refresh_from_db()
    form = {"text": "", "claimant": "the mayor", "claim_type": "statistic", "version": claim.version}
    client.force_login(fact_checker2)
    assert client.post(f"/claims/{claim.pk}/edit/", {**form, "text": "Their text"}).status_code == 302

    client.force_login(fact_checker)
    response = client.post(f"/claims/{claim.pk}/edit/", {**form, "text": "My own text"})
    assert response.status_code == 409
    html = page_of(response)
    assert "Someone else saved this claim" in html
    assert '<blockquote id="current-text">Their text</blockquote>' in html
    assert re.search(r"<textarea[^>]*name=\"text\"[^>]*>\s*My own text</textarea>", html)
    claim.refresh_from_db()
    assert claim.text == "Their text"
    # Saving again from the conflict page is deliberate and works.
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    client.post(f"/claims/{claim.pk}/edit/", {**form, "text": "My own text", "version": version})
    claim.refresh_from_db()
    assert claim.text == "My own text"


def test_evidence_from_the_corpus_and_by_url(client, fact_checker, django_capture_on_commit_callbacks):
    claim = AppearanceFactory(claim__text="Vaccination rates collapsed in Northshire").claim
    workflow.claim_take(claim=claim, user=fact_checker)
    related = stored_source(title="Northshire health report", text="Vaccination rates in Northshire rose again.")
    stored_source(title="Unrelated", text="Football results of the weekend.")
    client.force_login(fact_checker)

    html = page_of(client.get(f"/claims/{claim.pk}/"))
    corpus = html[html.index('id="corpus-results"') :]
    assert "Northshire health report" in corpus and "Unrelated" not in corpus
    assert claim.appearances.get().source.title not in corpus  # its own source is not offered

    client.post(f"/claims/{claim.pk}/evidence/", {"source": related.pk, "stance": "refutes"})
    # stats.example does not resolve: the fetch fails and the page says so.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(f"/claims/{claim.pk}/evidence/", {"url": "https://stats.example/report", "stance": "context"})
    assert len(callbacks) == 1  # the metadata fetch is enqueued after commit
    by_source, by_url = Evidence.objects.order_by("id")
    assert (by_source.source, by_source.title, by_source.stance) == (related, "Northshire health report", "refutes")
    assert by_url.fetch_status == Evidence.Fetch.FAILED and by_url.fetch_error
    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "Could not fetch details" in html and "https://stats.example/report" in html

    results = page_of(client.get(f"/claims/{claim.pk}/corpus/?q=football", headers={"HX-Request": "true"}))
    assert "Unrelated" in results and "<html" not in results


def test_pending_evidence_polls_until_its_metadata_arrives(client, fact_checker):
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker)
    evidence = Evidence.objects.create(claim=claim, url="https://x.example/", fetch_status=Evidence.Fetch.PENDING)
    client.force_login(fact_checker)
    row = page_of(client.get(f"/claims/{claim.pk}/evidence/{evidence.pk}/"))
    assert 'hx-trigger="every 2s"' in row and "Fetching title and date" in row
    Evidence.objects.filter(pk=evidence.pk).update(fetch_status=Evidence.Fetch.DONE, title="Official figures")
    row = page_of(client.get(f"/claims/{claim.pk}/evidence/{evidence.pk}/"))
    assert "every 2s" not in row and "Official figures" in row


def test_match_suggestions_confirm_and_reject(client, fact_checker):
    claim, target, other = (AppearanceFactory().claim for _ in range(3))
    confirm = MatchSuggestion.objects.create(claim=claim, target=target, similarity=0.9)
    reject = MatchSuggestion.objects.create(claim=other, target=target, similarity=0.8)
    client.force_login(fact_checker)
    html = page_of(client.get(f"/claims/{target.pk}/"))
    assert f"#{claim.pk}" in html and f"#{other.pk}" in html
    client.post(f"/claims/{target.pk}/suggestions/{reject.pk}/reject/")
    client.post(f"/claims/{target.pk}/suggestions/{confirm.pk}/confirm/")
    reject.refresh_from_db()
    claim.refresh_from_db()
    assert reject.status == MatchSuggestion.Status.REJECTED
    assert (claim.status, claim.duplicate_of_id) == (S.DISMISSED, target.pk)
    assert Claim.objects.get(pk=target.pk).appearance_count == 2


def test_split_an_appearance_into_its_own_claim(client, fact_checker):
    first = AppearanceFactory()
    second = AppearanceFactory(claim=first.claim)
    workflow.claim_refresh_counts(claim=first.claim)
    client.force_login(fact_checker)
    response = client.post(f"/claims/{first.claim_id}/appearances/{second.pk}/split/", follow=True)
    second.refresh_from_db()
    assert second.claim_id != first.claim_id
    assert f"The appearance is now claim #{second.claim_id}." in page_of(response)


def test_verdict_flow_and_the_two_person_rule(client, fact_checker, editor):
    claim = ClaimFactory()
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/take/")
    evidence = workflow.evidence_add(claim=claim, actor=fact_checker, source=SourceFactory(title="Census"))
    response = client.post(
        f"/claims/{claim.pk}/verdict/",
        {"rating": rating("false").pk, "headline": "No", "explanation": "It is *not*.", "evidence": [evidence.pk]},
    )
    assert response.status_code == 302
    client.post(f"/claims/{claim.pk}/verdict/submit/")
    claim.refresh_from_db()
    assert claim.status == S.AWAITING_APPROVAL

    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "Approve &amp; publish" not in html and "Waiting for an editor" in html
    forged = client.post(f"/claims/{claim.pk}/verdict/publish/")
    assert forged.status_code == 403 and "Only editors can do this." in page_of(forged)
    claim.refresh_from_db()
    assert claim.status == S.AWAITING_APPROVAL

    client.force_login(editor)
    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "Approve &amp; publish" in html and "<em>not</em>" in html and "Census" in html
    response = client.post(f"/claims/{claim.pk}/verdict/publish/", follow=True)
    html = page_of(response)
    assert "Approved and published." in html and 'href="/fact-checks/' in html
    verdict = Verdict.objects.get(claim=claim)
    assert (verdict.status, verdict.approver, list(verdict.cited_evidence.all())) == ("published", editor, [evidence])


def test_editor_returns_with_a_note_and_corrections_start_from_published(client, fact_checker, editor):
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker)
    workflow.verdict_draft(claim=claim, author=fact_checker, rating=rating(), headline="H", explanation="E")
    workflow.verdict_submit(claim=claim, actor=fact_checker)
    client.force_login(editor)
    assert client.post(f"/claims/{claim.pk}/verdict/return/", {"note": ""}).status_code == 409
    client.post(f"/claims/{claim.pk}/verdict/return/", {"note": "Cite the census"})
    claim.refresh_from_db()
    assert claim.status == S.DRAFTED
    workflow.verdict_submit(claim=claim, actor=fact_checker)
    workflow.verdict_publish(claim=claim, editor=editor)
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/correction/", {"note": "Wrong year"})
    claim.refresh_from_db()
    assert claim.status == S.CORRECTION
    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "Cite the census" in html and "Wrong year" in html  # both in the history


def test_user_text_is_escaped_and_markdown_sanitised(client, fact_checker):
    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    claim = ClaimFactory(text=hostile)
    workflow.claim_take(claim=claim, user=fact_checker)
    workflow.evidence_add(claim=claim, actor=fact_checker, url="https://x.example/", title=hostile)
    workflow.comment_add(claim=claim, author=fact_checker, body=hostile)
    workflow.verdict_draft(
        claim=claim,
        author=fact_checker,
        rating=rating(),
        headline=hostile,
        explanation=hostile + "\n\n[click](javascript:alert(1)) [ok](https://ok.example/)",
    )
    client.force_login(fact_checker)
    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert(1)>" not in html
    assert 'href="javascript:' not in html
    assert '<a href="https://ok.example/" rel="noopener nofollow">ok</a>' in html
    assert Comment.objects.count() == 1


def test_take_assign_dismiss_reopen_buttons(client, fact_checker, fact_checker2):
    claim = ClaimFactory()
    client.force_login(fact_checker)
    client.post(f"/claims/{claim.pk}/take/")
    client.post(f"/claims/{claim.pk}/assign/", {"assignee": fact_checker2.pk})
    claim.refresh_from_db()
    assert claim.assignee == fact_checker2
    client.post(f"/claims/{claim.pk}/dismiss/", {"reason": "not_checkworthy"})
    claim.refresh_from_db()
    assert claim.status == S.DISMISSED
    client.post(f"/claims/{claim.pk}/reopen/")
    claim.refresh_from_db()
    assert claim.status == S.NEW
    actions = list(ReviewEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert actions == ["claim.taken", "claim.assigned", "claim.dismissed", "claim.reopened"]
    html = page_of(client.get(f"/claims/{claim.pk}/"))
    assert "Dismissed → New" in html and "reopened it" in html


def test_refused_action_keeps_the_page_and_says_why(client, fact_checker, fact_checker2):
    claim = ClaimFactory()
    workflow.claim_take(claim=claim, user=fact_checker2)
    client.force_login(fact_checker)
    response = client.post(f"/claims/{claim.pk}/take/")
    assert response.status_code == 409 and "Already taken by checker2." in page_of(response)
    assert client.post("/claims/999999/take/").status_code == 404


# --- the dashboard ----------------------------------------------------------------------------


def test_dashboard_is_the_home_page_of_the_desk(client, fact_checker, editor):
    now = timezone.now()
    for days_ago in (0, 0, 3):
        claim = ClaimFactory(claimant="the minister")
        Claim.objects.filter(pk=claim.pk).update(first_seen_at=now - timedelta(days=days_ago))
    repeat = ClaimFactory(claimant="the minister", text="Crime doubled last year")
    workflow.claim_take(claim=repeat, user=fact_checker)
    workflow.verdict_draft(claim=repeat, author=fact_checker, rating=rating("false"), headline="H", explanation="E")
    workflow.verdict_submit(claim=repeat, actor=fact_checker)
    workflow.verdict_publish(claim=repeat, editor=editor)
    Claim.objects.filter(pk=repeat.pk).update(recurred_at=now - timedelta(days=1))
    client.force_login(fact_checker)
    html = page_of(client.get("/"))
    assert "Desk dashboard" in html
    assert re.search(r"New</a></th><td class=\"num\">3</td>", html)
    assert re.search(r"Published</a></th><td class=\"num\">1</td>", html)
    assert "Busiest day: 2 claims" in html
    assert re.search(r"the minister</a></th><td class=\"num\">4</td>", html)
    assert "False 1" in html
    recur = html[html.index("False claims seen again") :]
    assert "Crime doubled last year" in recur
