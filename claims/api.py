"""API v1 for claims: the review queue with its filters, claim detail, evidence, and every
workflow transition — through the same services as the web UI (roles, two-person rule,
optimistic locking, audit rows). Also the streaming CSV / JSON Lines export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

import django_filters
from django.db.models import Exists, OuterRef, Prefetch
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apikeys.models import Scope
from claims import workflow
from claims.models import Appearance, Claim, ClaimType, Evidence, Rating, ReviewEvent, Verdict
from claims.selectors import claim_export_rows
from factcheck.api import (
    ErrorSerializer,
    FastValues,
    IdFilter,
    IsDeskMember,
    JsonOnly,
    UtcIsoDateTimeFilter,
    fast_page_response,
)
from sources.models import Source

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid input"),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed for this user or key"),
    404: OpenApiResponse(ErrorSerializer, description="No such claim"),
    409: OpenApiResponse(ErrorSerializer, description="Not possible in the claim's current state, or edit conflict"),
}
READ_ERRORS = {403: ERRORS[403], 404: ERRORS[404]}


# --- output serializers ------------------------------------------------------------------------


class ClaimSerializer(serializers.ModelSerializer):
    assignee = serializers.SerializerMethodField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "claimant",
            "claim_type",
            "status",
            "score",
            "priority",
            "assignee",
            "appearance_count",
            "outlet_count",
            "first_seen_at",
            "last_seen_at",
            "recurred_at",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_assignee(self, claim: Claim) -> str | None:
        return claim.assignee.get_username() if claim.assignee else None


class AppearanceSerializer(serializers.ModelSerializer):
    source_title = serializers.CharField(source="source.title")
    source_url = serializers.CharField(source="source.url")
    outlet = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField(source="source.published_at", allow_null=True)

    class Meta:
        model = Appearance
        fields = [
            "id",
            "source",
            "source_title",
            "source_url",
            "outlet",
            "published_at",
            "sentence",
            "start",
            "end",
            "claimant_as_written",
            "score",
            "match",
            "is_recurrence",
        ]

    def get_outlet(self, appearance: Appearance) -> str | None:
        return appearance.source.outlet.name if appearance.source.outlet else None


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = [
            "id",
            "url",
            "source",
            "title",
            "publisher",
            "published_at",
            "excerpt",
            "stance",
            "note",
            "fetch_status",
            "created_at",
        ]


class RatingSerializer(serializers.ModelSerializer):
    best = serializers.IntegerField(source="scale.best_value")
    worst = serializers.IntegerField(source="scale.worst_value")

    class Meta:
        model = Rating
        fields = ["slug", "label", "value", "best", "worst", "colour"]


class VerdictSerializer(serializers.ModelSerializer):
    rating = RatingSerializer()
    author = serializers.SerializerMethodField()
    approver = serializers.SerializerMethodField()
    cited_evidence = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "id",
            "revision",
            "status",
            "rating",
            "headline",
            "explanation",
            "correction_note",
            "cited_evidence",
            "author",
            "approver",
            "published_at",
            "created_at",
            "updated_at",
        ]

    def get_author(self, verdict: Verdict) -> str | None:
        return verdict.author.get_username() if verdict.author else None

    def get_approver(self, verdict: Verdict) -> str | None:
        return verdict.approver.get_username() if verdict.approver else None


class ReviewEventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField()

    class Meta:
        model = ReviewEvent
        fields = ["action", "from_state", "to_state", "actor", "note", "created_at"]

    def get_actor(self, event: ReviewEvent) -> str:
        return event.actor.get_username() if event.actor else event.actor_label


class ClaimDetailSerializer(ClaimSerializer):
    appearances = AppearanceSerializer(many=True)
    evidence = EvidenceSerializer(many=True)
    verdicts = VerdictSerializer(many=True, help_text="Every version, newest first; at most one is published.")
    history = ReviewEventSerializer(many=True, source="events")

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields,
            "reasons",
            "dismiss_reason",
            "duplicate_of",
            "appearances",
            "evidence",
            "verdicts",
            "history",
        ]


def claim_detail_queryset():
    return Claim.objects.select_related("assignee").prefetch_related(
        Prefetch("appearances", queryset=Appearance.objects.select_related("source__outlet")),
        "evidence",
        Prefetch(
            "verdicts",
            queryset=Verdict.objects.select_related("rating__scale", "author", "approver")
            .prefetch_related("cited_evidence")
            .order_by("-revision"),
        ),
        Prefetch("events", queryset=ReviewEvent.objects.select_related("actor")),
    )


def _detail(claim_id: int) -> dict:
    return ClaimDetailSerializer(claim_detail_queryset().get(pk=claim_id)).data


# --- input serializers -------------------------------------------------------------------------


class ClaimUpdateInputSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text="The version you read; 409 if it changed since.")
    text = serializers.CharField(required=False, max_length=5000)
    claimant = serializers.CharField(required=False, allow_blank=True, max_length=300)
    claim_type = serializers.ChoiceField(choices=ClaimType.choices, required=False)


class AssignInputSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(allow_null=True, help_text="A user id, or null to unassign.")


class DismissInputSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Claim.DismissReason.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    duplicate_of = serializers.IntegerField(required=False, allow_null=True, default=None)


class MergeInputSerializer(serializers.Serializer):
    into = serializers.IntegerField(help_text="The claim this one is the same as.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class NoteInputSerializer(serializers.Serializer):
    note = serializers.CharField(allow_blank=True, max_length=5000, required=False, default="")


class EvidenceInputSerializer(serializers.Serializer):
    url = serializers.URLField(required=False, allow_blank=True, max_length=2000, default="")
    source = serializers.IntegerField(required=False, allow_null=True, default=None)
    title = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")
    publisher = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    excerpt = serializers.CharField(required=False, allow_blank=True, max_length=20000, default="")
    stance = serializers.ChoiceField(choices=Evidence.Stance.choices, default=Evidence.Stance.CONTEXT)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class VerdictInputSerializer(serializers.Serializer):
    rating = serializers.SlugField(help_text="Slug of a rating on the default scale, e.g. `false`.")
    headline = serializers.CharField(max_length=300)
    explanation = serializers.CharField(max_length=50000, help_text="Markdown.")
    evidence_ids = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    correction_note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class EmptyInputSerializer(serializers.Serializer):
    pass


# --- errors ------------------------------------------------------------------------------------


class WorkflowApiError(exceptions.APIException):
    def __init__(self, exc: workflow.WorkflowError):
        if type(exc) is workflow.WorkflowError:
            # The plain class carries input mistakes ("Say what needs to change."): a 400.
            self.status_code, code = 400, "invalid"
        elif exc.status_code == 403:
            self.status_code, code = 403, "permission_denied"
        else:
            self.status_code, code = exc.status_code, "conflict"
        super().__init__(str(exc), code)
        if isinstance(exc, workflow.EditConflict):
            self.extra = {"current": ClaimSerializer(exc.current).data}


class WorkflowErrorsMixin:
    """Workflow errors become API errors in the one format (403, 409; 400 for bad input)."""

    def handle_exception(self, exc):
        if isinstance(exc, workflow.WorkflowError):
            exc = WorkflowApiError(exc)
        elif isinstance(exc, Claim.DoesNotExist | Rating.DoesNotExist):
            exc = exceptions.NotFound(str(exc))
        return super().handle_exception(exc)


# --- filters, list, detail ---------------------------------------------------------------------


class ClaimFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Claim.Status.choices)
    type = django_filters.ChoiceFilter(field_name="claim_type", choices=ClaimType.choices)
    claimant = django_filters.CharFilter(lookup_expr="icontains")
    assignee = IdFilter(field_name="assignee_id")
    unassigned = django_filters.BooleanFilter(field_name="assignee", lookup_expr="isnull")
    outlet = IdFilter(method="filter_outlet", help_text="Outlet id: claims appearing there.")
    seen_after = UtcIsoDateTimeFilter(field_name="first_seen_at", lookup_expr="gte")
    seen_before = UtcIsoDateTimeFilter(field_name="first_seen_at", lookup_expr="lt")
    min_score = django_filters.NumberFilter(field_name="score", lookup_expr="gte", min_value=0, max_value=1)

    class Meta:
        model = Claim
        fields = ["status", "type", "claimant", "assignee", "outlet", "min_score"]

    def filter_outlet(self, queryset, name, value):
        in_outlet = Appearance.objects.filter(claim_id=OuterRef("pk"), source__outlet_id=value)
        return queryset.filter(Exists(in_outlet))


# ClaimSerializer's fields, each read from a column of the claim (or its assignee's username).
_LIST_COLUMNS = {name: "assignee__username" if name == "assignee" else name for name in ClaimSerializer.Meta.fields}


class ClaimListApi(generics.ListAPIView):
    """The claims, newest first (cursor pages), with the review queue's filters."""

    permission_classes = [IsDeskMember]
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    content_negotiation_class = JsonOnly

    def get_queryset(self):
        return Claim.objects.order_by("-id")

    @extend_schema(responses={200: ClaimSerializer(many=True), **READ_ERRORS})
    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        # Building the filter form costs more than the page query itself: only when asked for.
        if set(request.query_params) - {"cursor", "page_size"}:
            queryset = self.filter_queryset(queryset)
        # ClaimSerializer's output (pinned by a test) without its per-field work: rows as dicts.
        page = self.paginate_queryset(FastValues(queryset, _LIST_COLUMNS))
        return fast_page_response(self.paginator, page)


class ClaimDetailApi(WorkflowErrorsMixin, APIView):
    """GET: a claim with its appearances, evidence, verdict versions and history.
    PATCH: edit text, claimant or type, sending the `version` you read (409 if it changed)."""

    permission_classes = [IsDeskMember]
    api_key_scope = Scope.WRITE

    @extend_schema(responses={200: ClaimDetailSerializer, **READ_ERRORS})
    def get(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(claim_detail_queryset(), pk=pk)
        return Response(ClaimDetailSerializer(claim).data)

    @extend_schema(request=ClaimUpdateInputSerializer, responses={200: ClaimDetailSerializer, **ERRORS})
    def patch(self, request: Request, pk: int) -> Response:
        get_object_or_404(Claim, pk=pk)
        data = ClaimUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        workflow.claim_update(claim=pk, actor=request.user, expected_version=version, **changes)
        return Response(_detail(pk))


# --- transitions -------------------------------------------------------------------------------


class ClaimTransitionApi(WorkflowErrorsMixin, APIView):
    """Base of the POST transitions: validate → service → the claim as it is now."""

    permission_classes = [IsDeskMember]
    api_key_scope = Scope.WRITE
    input_serializer_class: type[serializers.Serializer] = EmptyInputSerializer

    def perform(self, request: Request, claim_id: int, data: dict) -> None:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        get_object_or_404(Claim, pk=pk)
        data = self.input_serializer_class(data=request.data if isinstance(request.data, dict) else {})
        data.is_valid(raise_exception=True)
        self.perform(request, pk, dict(data.validated_data))
        return Response(_detail(pk))


def _transition(summary: str, input_serializer=EmptyInputSerializer):
    return extend_schema(summary=summary, request=input_serializer, responses={200: ClaimDetailSerializer, **ERRORS})


def _user(user_id: int | None):
    from django.contrib.auth import get_user_model

    if user_id is None:
        return None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise serializers.ValidationError({"assignee": ["No such user."]})
    return user


class ClaimTakeApi(ClaimTransitionApi):
    @_transition("Take the claim (assign it to yourself and start reviewing)")
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.claim_take(claim=claim_id, user=request.user)


class ClaimAssignApi(ClaimTransitionApi):
    input_serializer_class = AssignInputSerializer

    @_transition("Assign the claim to a desk member (or unassign it)", AssignInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.claim_assign(claim=claim_id, assignee=_user(data["assignee"]), actor=request.user)


class ClaimDismissApi(ClaimTransitionApi):
    input_serializer_class = DismissInputSerializer

    @_transition("Dismiss the claim (not check-worthy, or a duplicate)", DismissInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        duplicate_of = get_object_or_404(Claim, pk=data["duplicate_of"]) if data["duplicate_of"] else None
        workflow.claim_dismiss(
            claim=claim_id, actor=request.user, reason=data["reason"], note=data["note"], duplicate_of=duplicate_of
        )


class ClaimMergeApi(ClaimTransitionApi):
    input_serializer_class = MergeInputSerializer

    @_transition("Merge the claim into another (same assertion)", MergeInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        get_object_or_404(Claim, pk=data["into"])
        workflow.claim_merge(claim=claim_id, into=data["into"], actor=request.user, note=data["note"])


class EvidenceAddApi(ClaimTransitionApi):
    input_serializer_class = EvidenceInputSerializer

    @_transition("Add evidence by URL or by a source of the corpus", EvidenceInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        source = (
            get_object_or_404(Source.objects.select_related("outlet"), pk=data["source"]) if data["source"] else None
        )
        workflow.evidence_add(
            claim=claim_id,
            actor=request.user,
            url=data["url"],
            source=source,
            title=data["title"],
            publisher=data["publisher"],
            excerpt=data["excerpt"],
            stance=data["stance"],
            note=data["note"],
        )


class VerdictDraftApi(ClaimTransitionApi):
    input_serializer_class = VerdictInputSerializer

    @_transition("Write or update the draft verdict", VerdictInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        rating = Rating.objects.filter(scale__is_default=True, slug=data["rating"]).first()
        if rating is None:
            raise serializers.ValidationError({"rating": [f"No rating {data['rating']!r} on the default scale."]})
        workflow.verdict_draft(
            claim=claim_id,
            author=request.user,
            rating=rating,
            headline=data["headline"],
            explanation=data["explanation"],
            evidence_ids=data["evidence_ids"],
            correction_note=data["correction_note"],
        )


class VerdictSubmitApi(ClaimTransitionApi):
    @_transition("Submit the draft verdict for approval")
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.verdict_submit(claim=claim_id, actor=request.user)


class VerdictReturnApi(ClaimTransitionApi):
    api_key_scope = Scope.PUBLISH
    input_serializer_class = NoteInputSerializer

    @_transition("Return the verdict to its author with a note (editors)", NoteInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.verdict_return(claim=claim_id, editor=request.user, note=data["note"])


class VerdictPublishApi(ClaimTransitionApi):
    api_key_scope = Scope.PUBLISH
    input_serializer_class = NoteInputSerializer

    @_transition("Approve and publish (editors; never the verdict's author)", NoteInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.verdict_publish(claim=claim_id, editor=request.user, note=data["note"])


class CorrectionStartApi(ClaimTransitionApi):
    input_serializer_class = NoteInputSerializer

    @_transition("Start a correction of the published verdict", NoteInputSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, request, claim_id, data):
        workflow.verdict_start_correction(claim=claim_id, actor=request.user, note=data["note"])


# --- export ------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "text",
    "claimant",
    "type",
    "score",
    "status",
    "priority",
    "assignee",
    "first_seen_at",
    "created_at",
    "appearance_count",
    "outlet_count",
    "verdict_rating",
    "verdict_rating_value",
    "verdict_headline",
    "verdict_published_at",
    "verdict_revision",
    "appearance_urls",
]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for row in rows:
        verdict = row["verdict"] or {}
        flat = {
            **row,
            "verdict_rating": verdict.get("rating"),
            "verdict_rating_value": verdict.get("rating_value"),
            "verdict_headline": verdict.get("headline"),
            "verdict_published_at": verdict.get("published_at"),
            "verdict_revision": verdict.get("revision"),
            "appearance_urls": " ".join(a["url"] for a in row["appearances"] if a["url"]),
        }
        # A leading =, +, - or @ would be a formula in a spreadsheet.
        yield writer.writerow(
            [f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v for v in (flat[c] for c in CSV_COLUMNS)]
        )


def _jsonl_lines(rows: Iterator[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


class _StreamRenderer(BaseRenderer):
    """Lets `Accept: text/csv` through content negotiation; errors are still JSON bodies."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return json.dumps(data).encode()


class CsvRenderer(_StreamRenderer):
    media_type, format = "text/csv", "csv"


class NdjsonRenderer(_StreamRenderer):
    media_type, format = "application/x-ndjson", "jsonl"


class ClaimExportApi(APIView):
    """Every claim with its appearances and published verdict, streamed as CSV or JSON Lines."""

    permission_classes = [IsDeskMember]
    renderer_classes = [JSONRenderer, CsvRenderer, NdjsonRenderer]

    @extend_schema(
        parameters=[OpenApiParameter("fmt", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["csv", "jsonl"])],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV, one claim a row"),
            (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR, description="One JSON claim a line"),
            403: ERRORS[403],
        },
    )
    def get(self, request: Request, fmt: str) -> StreamingHttpResponse:
        rows = claim_export_rows()
        if fmt == "csv":
            response = StreamingHttpResponse(_csv_lines(rows), content_type="text/csv; charset=utf-8")
        else:
            response = StreamingHttpResponse(_jsonl_lines(rows), content_type="application/x-ndjson; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="claims.{fmt}"'
        return response
