"""Web pages for sources: the list, one article, adding articles, and ingest batches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from factcheck.permissions import desk_required
from factcheck.tasks import enqueue_on_commit
from sources import selectors
from sources.feeds import FeedError, feed_create
from sources.fetching import ingest_items_retry, url_batch_start
from sources.forms import FeedForm, SourceIngestForm
from sources.ingest import (
    ArticleInput,
    IngestError,
    check_article_text,
    guess_title,
    normalise_newlines,
    read_document,
)
from sources.models import Feed, IngestBatch, Outlet, Source
from sources.services import ingest_items, ingest_limits

PAGE_SIZE = 50


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@desk_required
def source_list_view(request: HttpRequest) -> HttpResponse:
    outlet_id = _int_or_none(request.GET.get("outlet"))
    query = request.GET.get("q", "").strip()[:200]
    sources = list(
        selectors.source_list(outlet_id=outlet_id, query=query, before_id=_int_or_none(request.GET.get("before")))[
            : PAGE_SIZE + 1
        ]
    )
    next_before = sources[PAGE_SIZE - 1].pk if len(sources) > PAGE_SIZE else None
    return render(
        request,
        "sources/list.html",
        {
            "sources": sources[:PAGE_SIZE],
            "outlets": selectors.outlet_list(),
            "outlet_id": outlet_id,
            "query": query,
            "next_before": next_before,
        },
    )


def _highlight(text: str, span: str | None) -> tuple[str, str, str] | None:
    """Split the text around a 'start-end' span, if it is a valid one."""
    try:
        start, end = (int(part) for part in (span or "").split("-", 1))
    except ValueError:
        return None
    if not 0 <= start < end <= len(text):
        return None
    return text[:start], text[start:end], text[end:]


@login_required
@desk_required
def source_detail_view(request: HttpRequest, source_id: int) -> HttpResponse:
    try:
        source = selectors.source_get(source_id=source_id)
    except Source.DoesNotExist:
        raise Http404("No such source") from None
    return render(
        request,
        "sources/detail.html",
        {"source": source, "highlight": _highlight(source.text, request.GET.get("hl"))},
    )


def _form_items(form: SourceIngestForm):
    """Items from the web form: the pasted article, then each uploaded file's articles."""
    limits = ingest_limits()
    data = form.cleaned_data
    text = normalise_newlines(data.get("text") or "").strip()
    if text:
        try:
            check_article_text(text, min_words=limits["min_words"])
            article = ArticleInput(
                origin="pasted text",
                text=text,
                title=data.get("title") or guess_title(text),
                url=data.get("url") or "",
                outlet=data.get("outlet") or "",
                published_at=data.get("published_at"),
            )
            yield "pasted text", article
        except IngestError as exc:
            yield "pasted text", exc
    for upload in data.get("files") or []:
        yield from read_document(upload.name, upload.read(), **limits)


@login_required
@desk_required
@require_http_methods(["GET", "POST"])
def source_ingest_view(request: HttpRequest) -> HttpResponse:
    fetching = request.POST.get("action") == "fetch"
    form = SourceIngestForm(request.POST or None, request.FILES or None, fetch=fetching)
    if request.method == "POST" and fetching and form.is_valid():
        batch = url_batch_start(urls=[form.cleaned_data["url"]], user=request.user)
        return redirect("sources:batch", batch_id=batch.pk)
    if request.method == "POST" and form.is_valid():
        names = [f.name for f in form.cleaned_data.get("files") or []]
        label = ", ".join(names) if names else "pasted text"
        batch = ingest_items(kind=IngestBatch.Kind.UPLOAD, items=_form_items(form), label=label, user=request.user)
        return redirect("sources:batch", batch_id=batch.pk)
    return render(request, "sources/ingest.html", {"form": form})


@login_required
@desk_required
def batch_list_view(request: HttpRequest) -> HttpResponse:
    batches = selectors.ingest_batch_list()
    feed_id = _int_or_none(request.GET.get("feed"))
    if feed_id:
        batches = batches.filter(feed_id=feed_id)
    return render(request, "sources/batches.html", {"batches": batches[:100]})


@login_required
@desk_required
def batch_detail_view(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(IngestBatch.objects.select_related("feed__outlet"), pk=batch_id)
    items = list(selectors.ingest_batch_items(batch=batch))
    retryable = sum(1 for item in items if item.result == "failed" and item.url)
    return render(request, "sources/batch.html", {"batch": batch, "items": items, "retryable": retryable})


@login_required
@desk_required
@require_POST
def batch_retry_view(request: HttpRequest, batch_id: int, item_id: int | None = None) -> HttpResponse:
    """Fetch a batch's failed items again: all of them, or the one named."""
    batch = get_object_or_404(IngestBatch, pk=batch_id)
    retried = ingest_items_retry(batch=batch, item_ids=[item_id] if item_id is not None else None)
    if retried:
        messages.success(request, f"Fetching {retried} item{'s' if retried != 1 else ''} again.")
    else:
        messages.info(request, "Nothing to retry.")
    return redirect("sources:batch", batch_id=batch.pk)


@login_required
@desk_required
def outlet_list_view(request: HttpRequest) -> HttpResponse:
    return render(request, "sources/outlets.html", {"outlets": selectors.outlet_list_with_health()})


@login_required
@desk_required
@require_http_methods(["GET", "POST"])
def outlet_detail_view(request: HttpRequest, outlet_id: int) -> HttpResponse:
    outlet = get_object_or_404(Outlet, pk=outlet_id)
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            feed = feed_create(outlet=outlet, url=form.cleaned_data["url"], title=form.cleaned_data["title"])
        except FeedError as exc:
            form.add_error("url", str(exc))
        else:
            messages.success(request, f"Following {feed.url}. It is polled within a minute or two.")
            return redirect("sources:outlet", outlet_id=outlet.pk)
    return render(
        request,
        "sources/outlet.html",
        {
            "outlet": outlet,
            "feeds": selectors.outlet_feeds(outlet=outlet),
            "sources": selectors.source_list(outlet_id=outlet.pk)[:20],
            "form": form,
        },
    )


@login_required
@desk_required
@require_POST
def feed_poll_view(request: HttpRequest, feed_id: int) -> HttpResponse:
    """Poll a feed now, in a task (inline when there is no broker); its polls are listed."""
    from sources.tasks import poll_feed

    feed = get_object_or_404(Feed, pk=feed_id)
    enqueue_on_commit(poll_feed, feed.pk)
    messages.success(request, f"Polling {feed.url}.")
    return redirect(f"{reverse('sources:batches')}?feed={feed.pk}")
