"""Article pages and feeds as a news site would serve them, for the local test site."""

from datetime import UTC, datetime
from email.utils import format_datetime


def article_html(*, title: str, body: str, canonical: str = "", author: str = "Jane Reporter") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in body.split("\n"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Daily Test</title>
{link}<meta name="author" content="{author}">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:site_name" content="Daily Test"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p class="byline">By {author}</p>{paragraphs}</article>
<footer>Copyright Daily Test</footer></body></html>"""


STORIES = {
    "budget": (
        "Council approves record budget",
        "The city council approved a budget of 12 million euros on Monday, the mayor said.\n"
        "Officials said the money would fund three new schools and repair 40 kilometres of roads.\n"
        "The opposition voted against the plan, arguing that the figures were inflated by one-off sales.",
    ),
    "hospital": (
        "Hospital treats twice as many heat patients",
        "The regional hospital treated 1,240 patients for heat stroke in July, its director said.\n"
        "That is twice as many as in the same month last year, according to hospital records.\n"
        "Doctors urged older residents to stay indoors during the hottest hours of the day.",
    ),
    "wheat": (
        "Wheat exports fall by a third",
        "Wheat exports fell by 30 percent in 2022, the agriculture ministry said on Monday.\n"
        "The ministry blamed port closures and higher insurance costs for ships in the region.\n"
        "Farmers' unions said storage was running out ahead of the next harvest in the summer.",
    ),
}


def rss(*, base: str, paths: list[str], title: str = "Daily Test — World") -> str:
    when = format_datetime(datetime(2024, 3, 5, 10, tzinfo=UTC))
    items = "".join(
        f"<item><title>Story {path}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>{when}</pubDate></item>"
        for path in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>World news</description>{items}</channel></rss>"
    )
