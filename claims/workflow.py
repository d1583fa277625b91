"""The review workflow: one service per transition, each checking who may do it and from which
state, writing an audit row, and raising a `WorkflowError` a view or API maps to a message or 4xx.

    new → in_review → drafted → awaiting_approval → published → correction → awaiting_approval → published
    new / in_review / drafted → dismissed (not check-worthy, or duplicate) → new

Concurrency: every transition locks the claim row (`select_for_update`) before reading its state;
when a verdict is involved the claim is locked first, then the verdict (one lock order everywhere).
Edits of the claim text use optimistic locking on `Claim.version` so a stale form never
overwrites someone else's save.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Max, Min
from django.utils import timezone

from claims.models import Appearance, Claim, Comment, Evidence, MatchSuggestion, Rating, Verdict
from claims.services import review_event_record
from claims.signals import claims_changed
from factcheck import roles

S = Claim.Status


class WorkflowError(Exception):
    """A transition that cannot happen; the message is shown to the user as is."""

    status_code = 409


class NotAllowed(WorkflowError):
    status_code = 403


class InvalidTransition(WorkflowError):
    status_code = 409


class EditConflict(WorkflowError):
    """Someone else saved first. `current` is the claim as it is now."""

    status_code = 409

    def __init__(self, message: str, *, current: Claim):
        super().__init__(message)
        self.current = current


def _require(check, user, what: str) -> None:
    if not check(user):
        raise NotAllowed(f"Only {what} can do this.")


def _locked(claim: Claim | int) -> Claim:
    claim_id = claim.pk if isinstance(claim, Claim) else claim
    return Claim.objects.select_for_update().get(pk=claim_id)


def _move(claim: Claim, *, to: str, actor, action: str, note: str = "", verdict=None, **fields) -> Claim:
    """Change a locked claim's status (and fields), bump its version, and audit it."""
    from_state = claim.status
    claim.status = to
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.version = F("version") + 1
    claim.save(update_fields=["status", "version", "updated_at", *fields])
    claim.refresh_from_db(fields=["version"])
    review_event_record(
        claim=claim, verdict=verdict, action=action, actor=actor, from_state=from_state, to_state=to, note=note
    )
    return claim


def _check_from(claim: Claim, allowed: Iterable[str], doing: str) -> None:
    if claim.status not in allowed:
        raise InvalidTransition(f"Cannot {doing}: the claim is {claim.get_status_display().lower()}.")


# --- taking and assigning ----------------------------------------------------------------------


@transaction.atomic
def claim_take(*, claim: Claim | int, user) -> Claim:
    """Assign a claim to oneself and start reviewing it."""
    _require(roles.is_fact_checker, user, "fact-checkers and editors")
    claim = _locked(claim)
    if claim.assignee_id and claim.assignee_id != user.pk:
        raise InvalidTransition(f"Already taken by {claim.assignee.get_username()}.")
    _check_from(claim, [S.NEW, S.IN_REVIEW], "take it")
    return _move(claim, to=S.IN_REVIEW, actor=user, action="claim.taken", assignee=user)


@transaction.atomic
def claim_take_next(*, user) -> Claim | None:
    """The top unassigned new claim, assigned to `user`. Two people never get the same one:
    rows locked by another taker are skipped, not waited for."""
    _require(roles.is_fact_checker, user, "fact-checkers and editors")
    claim = (
        Claim.objects.select_for_update(skip_locked=True)
        .filter(status=S.NEW, assignee__isnull=True)
        .order_by("-priority", "-id")
        .first()
    )
    if claim is None:
        return None
    return _move(claim, to=S.IN_REVIEW, actor=user, action="claim.taken", assignee=user)


@transaction.atomic
def claim_assign(*, claim: Claim | int, assignee, actor) -> Claim:
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    if assignee is not None and not roles.is_fact_checker(assignee):
        raise NotAllowed(f"{assignee.get_username()} is not on the desk.")
    claim = _locked(claim)
    _check_from(claim, [S.NEW, S.IN_REVIEW, S.DRAFTED, S.CORRECTION], "assign it")
    to = S.IN_REVIEW if assignee is not None and claim.status == S.NEW else claim.status
    note = f"assigned to {assignee.get_username()}" if assignee else "unassigned"
    return _move(claim, to=to, actor=actor, action="claim.assigned", note=note, assignee=assignee)


# --- editing the claim -------------------------------------------------------------------------


@transaction.atomic
def claim_update(*, claim: Claim | int, actor, expected_version: int, **changes) -> Claim:
    """Edit text, claimant or type. `expected_version` is the version the editor's form showed:
    if someone saved since, nothing is written and EditConflict carries the current claim."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    allowed = {"text", "claimant", "claim_type"}
    unknown = set(changes) - allowed
    if unknown:
        raise WorkflowError(f"Cannot edit {', '.join(sorted(unknown))}.")
    if "text" in changes and not (changes["text"] or "").strip():
        raise WorkflowError("The claim text cannot be empty.")
    claim = _locked(claim)
    if claim.version != expected_version:
        raise EditConflict(
            "Someone else saved this claim while you were editing. Your text is kept below: "
            "compare it with the current version and save again.",
            current=claim,
        )
    if claim.status in (S.PUBLISHED, S.AWAITING_APPROVAL):
        raise InvalidTransition("A claim awaiting approval or published cannot be edited; start a correction.")
    before = {name: getattr(claim, name) for name in changes}
    for name, value in changes.items():
        setattr(claim, name, value.strip() if isinstance(value, str) else value)
    claim.version = F("version") + 1
    claim.save(update_fields=[*changes, "version", "updated_at"])
    claim.refresh_from_db(fields=["version"])
    review_event_record(
        claim=claim,
        action="claim.edited",
        actor=actor,
        from_state=claim.status,
        to_state=claim.status,
        data={"before": before, "after": changes},
    )
    return claim


# --- dismissing, merging, splitting ------------------------------------------------------------


@transaction.atomic
def claim_dismiss(
    *, claim: Claim | int, actor, reason: str, note: str = "", duplicate_of: Claim | None = None
) -> Claim:
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    if reason not in Claim.DismissReason.values:
        raise WorkflowError(f"Unknown reason {reason!r}.")
    claim = _locked(claim)
    _check_from(claim, [S.NEW, S.IN_REVIEW, S.DRAFTED], "dismiss it")
    return _move(
        claim,
        to=S.DISMISSED,
        actor=actor,
        action="claim.dismissed",
        note=note or Claim.DismissReason(reason).label,
        dismiss_reason=reason,
        duplicate_of=duplicate_of,
        assignee=None,
    )


@transaction.atomic
def claim_reopen(*, claim: Claim | int, actor) -> Claim:
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    claim = _locked(claim)
    _check_from(claim, [S.DISMISSED], "reopen it")
    return _move(claim, to=S.NEW, actor=actor, action="claim.reopened", dismiss_reason="", duplicate_of=None)


def claim_refresh_counts(*, claim: Claim) -> None:
    """Recompute appearance and outlet counts and first/last seen from the appearances."""
    stats = claim.appearances.aggregate(
        n=Count("id"),
        outlets=Count("source__outlet", distinct=True),
        first=Min("source__published_at"),
        last=Max("source__published_at"),
        score=Max("score"),
    )
    Claim.objects.filter(pk=claim.pk).update(
        appearance_count=stats["n"],
        outlet_count=stats["outlets"],
        first_seen_at=stats["first"] or claim.created_at,
        last_seen_at=stats["last"] or claim.created_at,
        score=stats["score"] or 0.0,
    )


@transaction.atomic
def claim_merge(*, claim: Claim | int, into: Claim | int, actor, note: str = "") -> Claim:
    """`claim` is the same assertion as `into`: its appearances move there and it is dismissed
    as a duplicate. Evidence and comments stay with `claim` for the record."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    claim_id = claim.pk if isinstance(claim, Claim) else claim
    into_id = into.pk if isinstance(into, Claim) else into
    if claim_id == into_id:
        raise WorkflowError("A claim cannot be merged into itself.")
    # Lock both rows in id order so two opposite merges cannot deadlock.
    locked = {c.pk: c for c in Claim.objects.select_for_update().filter(pk__in=[claim_id, into_id]).order_by("pk")}
    claim, into = locked[claim_id], locked[into_id]
    _check_from(claim, [S.NEW, S.IN_REVIEW, S.DRAFTED], "merge it")
    if into.status == S.DISMISSED:
        raise InvalidTransition("Cannot merge into a dismissed claim.")
    moved = claim.appearances.exclude(
        source_id__in=into.appearances.values("source_id"), start__in=into.appearances.values("start")
    ).update(claim=into, match=Appearance.Match.CONFIRMED)
    MatchSuggestion.objects.filter(claim=claim, target=into, status=MatchSuggestion.Status.OPEN).update(
        status=MatchSuggestion.Status.CONFIRMED, decided_by=actor, decided_at=timezone.now()
    )
    claim_refresh_counts(claim=into)
    claim_refresh_counts(claim=claim)
    claims_changed.send(sender=Claim, claim_ids=[into.pk, claim.pk])
    review_event_record(
        claim=into,
        action="claim.merged_in",
        actor=actor,
        note=f"{moved} appearance(s) from claim #{claim.pk}",
        from_state=into.status,
        to_state=into.status,
    )
    return _move(
        claim,
        to=S.DISMISSED,
        actor=actor,
        action="claim.merged",
        note=note or f"merged into claim #{into.pk}",
        dismiss_reason=Claim.DismissReason.DUPLICATE,
        duplicate_of=into,
        assignee=None,
    )


@transaction.atomic
def match_suggestion_reject(*, suggestion: MatchSuggestion | int, actor) -> MatchSuggestion:
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    suggestion_id = suggestion.pk if isinstance(suggestion, MatchSuggestion) else suggestion
    suggestion = MatchSuggestion.objects.select_for_update().get(pk=suggestion_id)
    if suggestion.status != MatchSuggestion.Status.OPEN:
        raise InvalidTransition("This suggestion was already decided.")
    suggestion.status = MatchSuggestion.Status.REJECTED
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    review_event_record(
        claim=suggestion.claim,
        action="match.rejected",
        actor=actor,
        note=f"not the same as claim #{suggestion.target_id}",
    )
    return suggestion


@transaction.atomic
def match_suggestion_confirm(*, suggestion: MatchSuggestion | int, actor) -> Claim:
    suggestion_id = suggestion.pk if isinstance(suggestion, MatchSuggestion) else suggestion
    suggestion = MatchSuggestion.objects.select_for_update().get(pk=suggestion_id)
    if suggestion.status != MatchSuggestion.Status.OPEN:
        raise InvalidTransition("This suggestion was already decided.")
    return claim_merge(
        claim=suggestion.claim_id, into=suggestion.target_id, actor=actor, note="suggested match confirmed"
    )


@transaction.atomic
def appearance_split(*, appearance: Appearance | int, actor) -> Claim:
    """Take one appearance out of its claim into a claim of its own."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    appearance_id = appearance.pk if isinstance(appearance, Appearance) else appearance
    appearance = Appearance.objects.select_related("claim").get(pk=appearance_id)
    old = _locked(appearance.claim_id)
    if old.appearances.count() < 2:
        raise InvalidTransition("This is the claim's only appearance.")
    new = Claim.objects.create(
        text=appearance.text or appearance.sentence,
        claimant=old.claimant,
        claim_type=old.claim_type,
        score=appearance.score,
        reasons=appearance.reasons,
        priority=old.priority,
    )
    appearance.claim = new
    appearance.match = Appearance.Match.ORIGINAL
    appearance.save(update_fields=["claim", "match"])
    claim_refresh_counts(claim=old)
    claim_refresh_counts(claim=new)
    claims_changed.send(sender=Claim, claim_ids=[old.pk, new.pk])
    review_event_record(
        claim=new, action="claim.split", actor=actor, note=f"split from claim #{old.pk}", to_state=S.NEW
    )
    review_event_record(claim=old, action="appearance.split", actor=actor, note=f"appearance moved to claim #{new.pk}")
    return new


# --- evidence and comments ------------------------------------------------------------------


@transaction.atomic
def evidence_add(
    *,
    claim: Claim | int,
    actor,
    url: str = "",
    source=None,
    title: str = "",
    publisher: str = "",
    excerpt: str = "",
    stance: str = Evidence.Stance.CONTEXT,
    note: str = "",
) -> Evidence:
    """Attach evidence by URL or by a source from the corpus. Metadata of a URL is fetched later."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    if not url and source is None:
        raise WorkflowError("Give a URL or pick a source from the corpus.")
    if stance not in Evidence.Stance.values:
        raise WorkflowError(f"Unknown stance {stance!r}.")
    claim = _locked(claim)
    if claim.status in (S.PUBLISHED, S.DISMISSED):
        raise InvalidTransition("Evidence can be added while the claim is under review or in correction.")
    if source is not None:
        title = title or source.title
        publisher = publisher or (source.outlet.name if source.outlet else "")
        url = url or source.url
    evidence = Evidence.objects.create(
        claim=claim,
        url=url,
        source=source,
        title=title[:1000],
        publisher=publisher[:300],
        excerpt=excerpt,
        stance=stance,
        note=note,
        added_by=actor,
        fetch_status=Evidence.Fetch.PENDING if url and source is None and not title else Evidence.Fetch.NONE,
    )
    review_event_record(claim=claim, action="evidence.added", actor=actor, note=title or url, data={"id": evidence.pk})
    return evidence


def comment_add(*, claim: Claim | int, author, body: str) -> Comment:
    _require(roles.is_fact_checker, author, "fact-checkers and editors")
    body = (body or "").strip()
    if not body:
        raise WorkflowError("A comment cannot be empty.")
    claim_id = claim.pk if isinstance(claim, Claim) else claim
    return Comment.objects.create(claim_id=claim_id, author=author, body=body[:10_000])


# --- verdicts ---------------------------------------------------------------------------------


def _editable_verdict(claim: Claim) -> Verdict | None:
    return claim.verdicts.select_for_update().filter(status__in=[Verdict.Status.DRAFT]).order_by("-revision").first()


@transaction.atomic
def verdict_draft(
    *,
    claim: Claim | int,
    author,
    rating: Rating,
    headline: str,
    explanation: str,
    evidence_ids: Iterable[int] = (),
    correction_note: str = "",
) -> Verdict:
    """Create or update the claim's draft verdict."""
    _require(roles.is_fact_checker, author, "fact-checkers and editors")
    claim = _locked(claim)
    _check_from(claim, [S.IN_REVIEW, S.DRAFTED, S.CORRECTION], "draft a verdict")
    if not headline.strip() or not explanation.strip():
        raise WorkflowError("A verdict needs a headline and an explanation.")
    if claim.status == S.CORRECTION and not correction_note.strip():
        raise WorkflowError("A correction needs a note saying what changed and why.")
    evidence = list(Evidence.objects.filter(claim=claim, pk__in=list(evidence_ids)))
    verdict = _editable_verdict(claim)
    if verdict is None:
        last = claim.verdicts.order_by("-revision").first()
        verdict = Verdict(claim=claim, revision=(last.revision + 1) if last else 1, author=author)
    verdict.rating = rating
    verdict.headline = headline.strip()[:300]
    verdict.explanation = explanation
    verdict.correction_note = correction_note.strip()
    verdict.author = verdict.author or author
    verdict.save()
    verdict.cited_evidence.set(evidence)
    if claim.status == S.IN_REVIEW:
        _move(claim, to=S.DRAFTED, actor=author, action="verdict.drafted", verdict=verdict, note=rating.label)
    else:
        review_event_record(
            claim=claim,
            verdict=verdict,
            action="verdict.edited",
            actor=author,
            from_state=claim.status,
            to_state=claim.status,
            note=rating.label,
        )
    return verdict


@transaction.atomic
def verdict_submit(*, claim: Claim | int, actor) -> Verdict:
    """Send the draft to the editors."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    claim = _locked(claim)
    _check_from(claim, [S.DRAFTED, S.CORRECTION], "submit for approval")
    verdict = _editable_verdict(claim)
    if verdict is None:
        raise InvalidTransition("There is no draft verdict to submit.")
    verdict.status = Verdict.Status.SUBMITTED
    verdict.save(update_fields=["status", "updated_at"])
    _move(claim, to=S.AWAITING_APPROVAL, actor=actor, action="verdict.submitted", verdict=verdict)
    return verdict


def _submitted(claim: Claim) -> Verdict:
    verdict = claim.verdicts.select_for_update().filter(status=Verdict.Status.SUBMITTED).first()
    if verdict is None:
        raise InvalidTransition("There is no verdict awaiting approval.")
    return verdict


@transaction.atomic
def verdict_return(*, claim: Claim | int, editor, note: str) -> Verdict:
    """An editor sends the verdict back to its author with a note."""
    _require(roles.is_editor, editor, "editors")
    claim = _locked(claim)
    _check_from(claim, [S.AWAITING_APPROVAL], "return it")
    if not note.strip():
        raise WorkflowError("Say what needs to change.")
    verdict = _submitted(claim)
    verdict.status = Verdict.Status.DRAFT
    verdict.save(update_fields=["status", "updated_at"])
    back_to = S.CORRECTION if verdict.supersedes_id else S.DRAFTED
    _move(claim, to=back_to, actor=editor, action="verdict.returned", verdict=verdict, note=note)
    return verdict


@transaction.atomic
def verdict_publish(*, claim: Claim | int, editor, note: str = "") -> Verdict:
    """Approve and publish. Only an editor, and never the verdict's own author (two-person rule).
    A correction supersedes the published version, which is kept."""
    _require(roles.is_editor, editor, "editors")
    claim = _locked(claim)
    _check_from(claim, [S.AWAITING_APPROVAL], "publish")
    verdict = _submitted(claim)
    if verdict.author_id == editor.pk:
        raise NotAllowed("You wrote this verdict: another editor must approve it (two-person rule).")
    now = timezone.now()
    previous = claim.verdicts.select_for_update().filter(status=Verdict.Status.PUBLISHED).first()
    if previous is not None:
        previous.status = Verdict.Status.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
        verdict.supersedes = previous
    verdict.status = Verdict.Status.PUBLISHED
    verdict.approver = editor
    verdict.published_at = now
    verdict.save(update_fields=["status", "approver", "published_at", "supersedes", "updated_at"])
    action = "verdict.corrected" if previous else "verdict.published"
    _move(claim, to=S.PUBLISHED, actor=editor, action=action, verdict=verdict, note=note or verdict.rating.label)
    return verdict


@transaction.atomic
def verdict_start_correction(*, claim: Claim | int, actor, note: str) -> Verdict:
    """Open a correction of a published verdict: a new draft, copied from it, to edit and
    publish again. The published version stays public until the correction is published."""
    _require(roles.is_fact_checker, actor, "fact-checkers and editors")
    claim = _locked(claim)
    _check_from(claim, [S.PUBLISHED], "start a correction")
    if not note.strip():
        raise WorkflowError("Say what needs correcting.")
    published = claim.verdicts.get(status=Verdict.Status.PUBLISHED)
    draft = Verdict.objects.create(
        claim=claim,
        revision=published.revision + 1,
        rating=published.rating,
        headline=published.headline,
        explanation=published.explanation,
        author=actor,
        correction_note=note.strip(),
        supersedes=None,
    )
    draft.cited_evidence.set(published.cited_evidence.all())
    _move(claim, to=S.CORRECTION, actor=actor, action="correction.started", verdict=draft, note=note, assignee=actor)
    return draft


# --- bulk ---------------------------------------------------------------------------------------

BULK_ACTIONS = ("assign", "dismiss", "merge", "status")


def claims_bulk(*, claim_ids: Iterable[int], action: str, actor, **params) -> tuple[int, list[str]]:
    """Apply one action to many claims; each claim is its own transaction. Returns (done, errors)."""
    done, errors = 0, []
    for claim_id in claim_ids:
        try:
            if action == "assign":
                claim_assign(claim=claim_id, assignee=params.get("assignee"), actor=actor)
            elif action == "dismiss":
                claim_dismiss(claim=claim_id, actor=actor, reason=Claim.DismissReason.NOT_CHECKWORTHY)
            elif action == "merge":
                into = params["into"]
                if claim_id == (into.pk if isinstance(into, Claim) else into):
                    continue
                claim_merge(claim=claim_id, into=into, actor=actor)
            elif action == "status":
                to = params.get("status")
                if to == S.NEW:
                    claim_reopen(claim=claim_id, actor=actor)
                elif to == S.IN_REVIEW:
                    claim_take(claim=claim_id, user=actor)
                elif to == S.DISMISSED:
                    claim_dismiss(claim=claim_id, actor=actor, reason=Claim.DismissReason.NOT_CHECKWORTHY)
                else:
                    raise WorkflowError(f"Bulk status change to {to!r} is not possible.")
            else:
                raise WorkflowError(f"Unknown bulk action {action!r}.")
            done += 1
        except Claim.DoesNotExist:
            errors.append(f"#{claim_id}: no such claim")
        except WorkflowError as exc:
            errors.append(f"#{claim_id}: {exc}")
    return done, errors
