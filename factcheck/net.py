"""SSRF-safe outbound HTTP — MINIMAL VERSION written for the publishing branch (webhooks).

The lead replaces this module at merge with the full fetcher; callers depend only on the
contract: `fetch(url, *, method="GET", headers=None, data=None) -> FetchResult` (status,
headers, content, url) raising `FetchError(message)`, plus `validate_url(url)`.

Rules: http(s) only; the host is resolved and every address must be global (unless
"host:port" is listed in settings.FETCH_ALLOW_PRIVATE_HOSTS); the connection goes to exactly
the checked address; no redirects are followed (the minimal version treats a redirect as the
final answer); connect 3 s, read 10 s; at most 5 MB of body.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import urllib3
from django.conf import settings

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0
MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    """The URL was refused, unreachable, too slow or too large; the message says which."""


@dataclass
class FetchResult:
    status: int
    headers: dict = field(default_factory=dict)
    content: bytes = b""
    url: str = ""


def _allowed_private(host: str, port: int) -> bool:
    return f"{host}:{port}" in set(getattr(settings, "FETCH_ALLOW_PRIVATE_HOSTS", []) or [])


def validate_url(url: str) -> tuple[str, str, int, str]:
    """Check a URL against the SSRF rules; return (scheme, host, port, address to connect to)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"Not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http and https URLs are allowed.")
    host = parts.hostname
    if not host:
        raise FetchError("The URL has no host.")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Cannot resolve {host}: {exc}") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"Cannot resolve {host}.")
    if not _allowed_private(host, port):
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise FetchError(f"{host} resolves to a non-public address; refused.")
    return parts.scheme, host, port, addresses[0]


def fetch(url: str, *, method: str = "GET", headers: dict | None = None, data: bytes | None = None) -> FetchResult:
    scheme, host, port, address = validate_url(url)
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT)
    pool_class = urllib3.HTTPSConnectionPool if scheme == "https" else urllib3.HTTPConnectionPool
    extra = {"server_hostname": host, "assert_hostname": host} if scheme == "https" else {}
    pool = pool_class(address, port=port, timeout=timeout, retries=False, maxsize=1, **extra)
    request_headers = {"Host": host if port in (80, 443) else f"{host}:{port}", **(headers or {})}
    try:
        response = pool.urlopen(
            method, path, body=data, headers=request_headers, redirect=False, preload_content=False, retries=False
        )
        chunks, size = [], 0
        for chunk in response.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError("The response is larger than 5 MB.")
            chunks.append(chunk)
        response.release_conn()
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"Request to {host} failed: {exc.__class__.__name__}") from None
    finally:
        pool.close()
    return FetchResult(status=response.status, headers=dict(response.headers), content=b"".join(chunks), url=url)
