"""RSS and Atom feeds of published fact-checks."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from claims.models import Verdict
from publishing import selectors
from publishing.claimreview import fact_check_url


class FactCheckFeed(Feed):
    description_template = None

    def title(self) -> str:
        return f"{settings.ORGANIZATION_NAME}: fact-checks"

    def link(self) -> str:
        return "/fact-checks/"

    def description(self) -> str:
        return f"The latest fact-checks published by {settings.ORGANIZATION_NAME}."

    def items(self):
        return selectors.published_verdict_list()[:50]

    def item_title(self, verdict: Verdict) -> str:
        return f"{verdict.rating.label}: {verdict.headline}"

    def item_description(self, verdict: Verdict) -> str:
        claimant = f"{verdict.claim.claimant}: " if verdict.claim.claimant else ""
        text = f"{claimant}“{verdict.claim.text}” — rated {verdict.rating.label}."
        if verdict.correction_note:
            text += f" Corrected: {verdict.correction_note}"
        return text

    def item_link(self, verdict: Verdict) -> str:
        return fact_check_url(verdict.claim_id)

    def item_guid(self, verdict: Verdict) -> str:
        return f"{fact_check_url(verdict.claim_id)}#rev{verdict.revision}"

    def item_pubdate(self, verdict: Verdict):
        return verdict.first_published_at or verdict.published_at

    def item_updateddate(self, verdict: Verdict):
        return verdict.published_at

    def item_categories(self, verdict: Verdict):
        return [verdict.rating.label]


class FactCheckAtomFeed(FactCheckFeed):
    feed_type = Atom1Feed
    subtitle = FactCheckFeed.description
