"""Web pages of the review desk: the queue, a claim's review page, and the dashboard.

Views validate input, call a selector or a `claims.workflow` service, and render. A refused
transition (`WorkflowError`) is shown as a message on the claim page with its status code
(403 for a role the user lacks, 409 for a state or a stale edit).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from claims import selectors, workflow
from claims.forms import BulkForm, ClaimEditForm, EvidenceForm, NoteForm, QueueFilterForm, VerdictForm
from claims.models import Appearance, Claim, Evidence, MatchSuggestion, Rating, Verdict
from claims.tasks import fetch_evidence_metadata
from factcheck import roles
from factcheck.permissions import desk_required
from factcheck.tasks import enqueue_on_commit
from sources.models import Source

QUEUE_PAGE_SIZE = 50
S = Claim.Status


# --- the queue --------------------------------------------------------------------------------


@login_required
@desk_required
@require_GET
def queue_view(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET)
    form.is_valid()
    page = selectors.claim_queue(
        user=request.user,
        filters=form.filters(),
        sort=form.sort_order(),
        after=request.GET.get("after", "")[:500],
        limit=QUEUE_PAGE_SIZE,
    )
    context = {"form": form, "page": page, "filters": form.filters(), "sort": form.sort_order()}
    if request.htmx and request.GET.get("after"):
        # "More claims": only the next rows and the next "more" link.
        return render(request, "claims/_queue_rows.html", context)
    context.update(
        {
            "outlets": selectors.outlet_choices(),
            "desk_users": selectors.desk_users(),
            "bulk_form": BulkForm(),
            "claim_types": Claim._meta.get_field("claim_type").choices,
        }
    )
    return render(request, "claims/queue.html", context)


@login_required
@desk_required
@require_POST
def queue_take_next_view(request: HttpRequest) -> HttpResponse:
    try:
        claim = workflow.claim_take_next(user=request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("claims:queue")
    if claim is None:
        messages.info(request, "Nothing to take: no unassigned new claims.")
        return redirect("claims:queue")
    messages.success(request, f"Claim #{claim.pk} is yours.")
    return redirect("claims:detail", claim_id=claim.pk)


def _back_to_queue(request: HttpRequest) -> str:
    query = request.POST.get("back", "")
    url = reverse("claims:queue")
    return f"{url}?{query}" if query and "\n" not in query and "//" not in query else url


@login_required
@desk_required
@require_POST
def queue_bulk_view(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, f"Nothing done: {errors}")
        return redirect(_back_to_queue(request))
    data = form.cleaned_data
    params = {}
    if data["action"] == "assign":
        assignee_id = data.get("assignee")
        params["assignee"] = get_user_model().objects.filter(pk=assignee_id).first() if assignee_id else None
    elif data["action"] == "merge":
        params["into"] = data["into"]
    elif data["action"] == "status":
        params["status"] = data["status"]
    done, errors = workflow.claims_bulk(claim_ids=data["ids"], action=data["action"], actor=request.user, **params)
    if done:
        messages.success(request, f"Done for {done} claim{'s' if done != 1 else ''}.")
    if errors:
        messages.error(request, "Could not be done: " + "; ".join(errors))
    return redirect(_back_to_queue(request))


# --- one claim --------------------------------------------------------------------------------


def _load(claim_id: int) -> Claim:
    try:
        return selectors.claim_review_get(claim_id=claim_id)
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None


def _detail_context(request: HttpRequest, claim: Claim, **forms) -> dict:
    verdicts = list(claim.verdicts.all())  # newest revision first
    draft = next((v for v in verdicts if v.status == Verdict.Status.DRAFT), None)
    submitted = next((v for v in verdicts if v.status == Verdict.Status.SUBMITTED), None)
    published = next((v for v in verdicts if v.status == Verdict.Status.PUBLISHED), None)
    evidence = list(claim.evidence.all())
    ratings = Rating.objects.filter(scale__is_default=True).order_by("order")
    verdict_form = forms.get("verdict_form")
    if verdict_form is None:
        base = draft or submitted or published
        initial = (
            {
                "rating": base.rating_id,
                "headline": base.headline,
                "explanation": base.explanation,
                "evidence": [e.pk for e in base.cited_evidence.all()],
                "correction_note": base.correction_note if base is draft else "",
            }
            if base
            else {}
        )
        verdict_form = VerdictForm(initial=initial, ratings=ratings, evidence=evidence)
    query = request.GET.get("q", "")[:200]
    return {
        "claim": claim,
        "appearances": [
            (appearance, *selectors.appearance_paragraph(appearance=appearance))
            for appearance in claim.appearances.all()
        ],
        "suggestions": selectors.match_suggestions_open(claim=claim),
        "evidence": evidence,
        "verdicts": verdicts,
        "draft": draft,
        "submitted": submitted,
        "published": published,
        "current_verdict": submitted or draft or published,
        "edit_form": forms.get("edit_form")
        or ClaimEditForm(
            initial={
                "text": claim.text,
                "claimant": claim.claimant,
                "claim_type": claim.claim_type,
                "version": claim.version,
            }
        ),
        "conflict": forms.get("conflict"),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "verdict_form": verdict_form,
        "note_form": NoteForm(),
        "desk_users": selectors.desk_users(),
        "corpus": selectors.claim_find_in_corpus(claim=claim, query=query),
        "corpus_query": query,
        "key_terms": selectors.claim_key_terms(claim=claim),
        "is_editor": roles.is_editor(request.user),
        "can_edit": claim.status
        not in (Claim.Status.PUBLISHED, Claim.Status.AWAITING_APPROVAL, Claim.Status.DISMISSED),
        "can_draft": claim.status in (Claim.Status.IN_REVIEW, Claim.Status.DRAFTED, Claim.Status.CORRECTION),
        "can_add_evidence": claim.status not in (Claim.Status.PUBLISHED, Claim.Status.DISMISSED),
        "public_url": reverse("public:detail", args=[claim.pk]),
    }


def _render_detail(request: HttpRequest, claim_id: int, *, status: int = 200, **forms) -> HttpResponse:
    claim = _load(claim_id)
    return render(request, "claims/detail.html", _detail_context(request, claim, **forms), status=status)


@login_required
@desk_required
@require_GET
def claim_detail_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _render_detail(request, claim_id)


def _refused(request: HttpRequest, claim_id: int, exc: workflow.WorkflowError, **forms) -> HttpResponse:
    messages.error(request, str(exc))
    return _render_detail(request, claim_id, status=exc.status_code, **forms)


def _do(request: HttpRequest, claim_id: int, action, done: str, **forms) -> HttpResponse:
    """Run one service call; on success say so and show the claim, on refusal explain why."""
    try:
        action()
    except (Claim.DoesNotExist, Appearance.DoesNotExist, MatchSuggestion.DoesNotExist):
        raise Http404("No such claim") from None
    except workflow.WorkflowError as exc:
        return _refused(request, claim_id, exc, **forms)
    messages.success(request, done)
    return redirect("claims:detail", claim_id=claim_id)


def _note(request: HttpRequest) -> str:
    form = NoteForm(request.POST)
    return form.cleaned_data["note"] if form.is_valid() else ""


@login_required
@desk_required
@require_POST
def claim_edit_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    form = ClaimEditForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, claim_id, status=400, edit_form=form)
    data = form.cleaned_data
    try:
        workflow.claim_update(
            claim=claim_id,
            actor=request.user,
            expected_version=data["version"],
            text=data["text"],
            claimant=data["claimant"],
            claim_type=data["claim_type"],
        )
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None
    except workflow.EditConflict as exc:
        # Keep the user's own text in the form, now against the current version, so saving
        # again is a deliberate choice made after reading the current text.
        kept = ClaimEditForm({**request.POST.dict(), "version": exc.current.version})
        return _refused(request, claim_id, exc, edit_form=kept, conflict=exc.current)
    except workflow.WorkflowError as exc:
        return _refused(request, claim_id, exc, edit_form=form)
    messages.success(request, "Claim saved.")
    return redirect("claims:detail", claim_id=claim_id)


@login_required
@desk_required
@require_POST
def claim_take_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _do(request, claim_id, lambda: workflow.claim_take(claim=claim_id, user=request.user), "You took it.")


@login_required
@desk_required
@require_POST
def claim_assign_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    assignee_id = request.POST.get("assignee", "")
    assignee = None
    if assignee_id:
        assignee = get_user_model().objects.filter(pk=int(assignee_id) if assignee_id.isdigit() else 0).first()
        if assignee is None:
            return _refused(request, claim_id, workflow.WorkflowError("No such user."))
    done = f"Assigned to {assignee.get_username()}." if assignee else "Unassigned."
    return _do(
        request,
        claim_id,
        lambda: workflow.claim_assign(claim=claim_id, assignee=assignee, actor=request.user),
        done,
    )


@login_required
@desk_required
@require_POST
def claim_dismiss_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    reason = request.POST.get("reason") or Claim.DismissReason.NOT_CHECKWORTHY
    return _do(
        request,
        claim_id,
        lambda: workflow.claim_dismiss(claim=claim_id, actor=request.user, reason=reason, note=_note(request)),
        "Dismissed.",
    )


@login_required
@desk_required
@require_POST
def claim_reopen_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _do(request, claim_id, lambda: workflow.claim_reopen(claim=claim_id, actor=request.user), "Reopened.")


@login_required
@desk_required
@require_POST
def suggestion_decide_view(request: HttpRequest, claim_id: int, suggestion_id: int, decision: str) -> HttpResponse:
    suggestion = get_object_or_404(MatchSuggestion, pk=suggestion_id)
    if claim_id not in (suggestion.claim_id, suggestion.target_id):
        raise Http404("No such suggestion for this claim")
    if decision == "confirm":
        action = lambda: workflow.match_suggestion_confirm(suggestion=suggestion, actor=request.user)  # noqa: E731
        done = f"Merged: claim #{suggestion.claim_id} is now part of claim #{suggestion.target_id}."
    else:
        action = lambda: workflow.match_suggestion_reject(suggestion=suggestion, actor=request.user)  # noqa: E731
        done = "Suggestion rejected: they stay separate claims."
    return _do(request, claim_id, action, done)


@login_required
@desk_required
@require_POST
def appearance_split_view(request: HttpRequest, claim_id: int, appearance_id: int) -> HttpResponse:
    appearance = get_object_or_404(Appearance, pk=appearance_id, claim_id=claim_id)
    try:
        new = workflow.appearance_split(appearance=appearance, actor=request.user)
    except workflow.WorkflowError as exc:
        return _refused(request, claim_id, exc)
    messages.success(request, f"The appearance is now claim #{new.pk}.")
    return redirect("claims:detail", claim_id=claim_id)


# --- evidence ---------------------------------------------------------------------------------


@login_required
@desk_required
@require_POST
def evidence_add_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, claim_id, status=400, evidence_form=form)
    data = form.cleaned_data
    source = None
    if data.get("source"):
        source = Source.objects.select_related("outlet").filter(pk=data["source"]).first()
        if source is None:
            return _refused(request, claim_id, workflow.WorkflowError("That source no longer exists."))
    try:
        evidence = workflow.evidence_add(
            claim=claim_id,
            actor=request.user,
            url=data.get("url") or "",
            source=source,
            excerpt=data.get("excerpt") or "",
            stance=data["stance"],
            note=data.get("note") or "",
        )
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None
    except workflow.WorkflowError as exc:
        return _refused(request, claim_id, exc, evidence_form=form)
    if evidence.fetch_status == Evidence.Fetch.PENDING:
        enqueue_on_commit(fetch_evidence_metadata, evidence.pk)
    messages.success(request, "Evidence added.")
    return redirect(reverse("claims:detail", kwargs={"claim_id": claim_id}) + "#evidence")


@login_required
@desk_required
@require_GET
def evidence_row_view(request: HttpRequest, claim_id: int, evidence_id: int) -> HttpResponse:
    """One evidence item, for the page to poll while its metadata is being fetched."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("added_by", "source"), pk=evidence_id, claim_id=claim_id
    )
    return render(request, "claims/_evidence.html", {"item": evidence, "claim_id": claim_id})


@login_required
@desk_required
@require_GET
def corpus_search_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The find-in-corpus panel's results, for a query typed by the user."""
    claim = get_object_or_404(Claim, pk=claim_id)
    query = request.GET.get("q", "")[:200]
    context = {
        "claim": claim,
        "corpus": selectors.claim_find_in_corpus(claim=claim, query=query),
        "corpus_query": query,
        "key_terms": selectors.claim_key_terms(claim=claim),
        "can_add_evidence": claim.status not in (Claim.Status.PUBLISHED, Claim.Status.DISMISSED),
    }
    if request.htmx:
        return render(request, "claims/_corpus.html", context)
    return redirect(reverse("claims:detail", kwargs={"claim_id": claim_id}) + "?" + urlencode({"q": query}) + "#corpus")


# --- verdicts ---------------------------------------------------------------------------------


@login_required
@desk_required
@require_POST
def verdict_draft_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    ratings = Rating.objects.filter(scale__is_default=True)
    form = VerdictForm(request.POST, ratings=ratings, evidence=list(claim.evidence.all()))
    if not form.is_valid():
        return _render_detail(request, claim_id, status=400, verdict_form=form)
    data = form.cleaned_data
    return _do(
        request,
        claim_id,
        lambda: workflow.verdict_draft(
            claim=claim_id,
            author=request.user,
            rating=data["rating"],
            headline=data["headline"],
            explanation=data["explanation"],
            evidence_ids=data["evidence"],
            correction_note=data.get("correction_note") or "",
        ),
        "Verdict draft saved.",
        verdict_form=form,
    )


@login_required
@desk_required
@require_POST
def verdict_submit_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _do(
        request,
        claim_id,
        lambda: workflow.verdict_submit(claim=claim_id, actor=request.user),
        "Submitted for approval.",
    )


@login_required
@desk_required
@require_POST
def verdict_publish_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    # No role check here on purpose: the service refuses non-editors and the verdict's author.
    return _do(
        request,
        claim_id,
        lambda: workflow.verdict_publish(claim=claim_id, editor=request.user, note=_note(request)),
        "Approved and published.",
    )


@login_required
@desk_required
@require_POST
def verdict_return_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _do(
        request,
        claim_id,
        lambda: workflow.verdict_return(claim=claim_id, editor=request.user, note=_note(request)),
        "Returned to the author with your note.",
    )


@login_required
@desk_required
@require_POST
def correction_start_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    return _do(
        request,
        claim_id,
        lambda: workflow.verdict_start_correction(claim=claim_id, actor=request.user, note=_note(request)),
        "Correction started: edit the verdict below and submit it again.",
    )


@login_required
@desk_required
@require_POST
def comment_add_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    get_object_or_404(Claim.objects.only("id"), pk=claim_id)
    body = request.POST.get("body", "")
    return _do(
        request,
        claim_id,
        lambda: workflow.comment_add(claim=claim_id, author=request.user, body=body),
        "Comment added.",
    )


# --- dashboard --------------------------------------------------------------------------------


@login_required
@desk_required
@require_GET
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return render(request, "claims/dashboard.html", selectors.dashboard_stats())
