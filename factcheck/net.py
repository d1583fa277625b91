"""The one way the workbench fetches a URL: guarded against SSRF, bounded in size and time.

Feeds, articles, evidence metadata and webhooks all go through `fetch`. The host is resolved
once, every resolved address must be global, and the connection goes to exactly that address
(no second lookup, so DNS rebinding cannot swap in an internal one), with the original Host
header and TLS SNI. Redirects are followed by hand and checked again. docs/fetching.md.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


class FetchError(Exception):
    """Fetching failed; the message is worded for the person who asked for the URL."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass
class FetchResponse:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    redirects: list[str] = field(default_factory=list)

    @property
    def content(self) -> bytes:
        """The body, under the name requests and urllib3 users expect."""
        return self.body

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


def user_agent() -> str:
    return f"FactcheckWorkbench/0.1 (+{settings.ORGANIZATION_URL})"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size:,} bytes"


def _seconds(value: float) -> str:
    return f"{value:g} s"


NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _unwrap(address: ipaddress.IPv4Address | ipaddress.IPv6Address):
    """An IPv4 address hidden in IPv6 (::ffff:a.b.c.d, NAT64, 6to4, Teredo) is judged as IPv4."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address.sixtofour:
            return address.sixtofour
        if address.teredo:
            return address.teredo[1]
    return address


def address_is_allowed(address: str) -> bool:
    """Only globally routable unicast addresses: not private, loopback, CGNAT, link-local..."""
    try:
        ip = _unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
    except ValueError:
        return False
    return ip.is_global and not ip.is_multicast and not ip.is_reserved and not ip.is_unspecified


def _allowed_private(host: str, port: int) -> bool:
    """Tests (and an operator, deliberately) may name exact host:port pairs to reach."""
    allowed = getattr(settings, "FETCH_ALLOW_PRIVATE_HOSTS", []) or []
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" in allowed


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to, each one checked; FetchError if any is not global."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError("could not resolve host") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError("could not resolve host")
    if _allowed_private(host, port):
        return addresses
    for address in addresses:
        if not address_is_allowed(address):
            kind = _address_kind(address)
            raise FetchError(f"blocked: address is {kind} ({address})")
    return addresses


def _address_kind(address: str) -> str:
    try:
        ip = _unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
    except ValueError:
        return "not valid"
    if ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified:
        return "private"
    return "not public"


@dataclass
class _Target:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent on the request line

    @property
    def host_header(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return shown if self.port == default else f"{shown}:{self.port}"


def _parse(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchError("not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("blocked: only http and https")
    if not parts.hostname:
        raise FetchError("not a valid web address: no host")
    if parts.username or parts.password:
        raise FetchError("blocked: addresses with a user name or password are not fetched")
    scheme = parts.scheme.lower()
    host = parts.hostname.rstrip(".")
    if not host.isascii():
        try:  # an international name goes on the wire (DNS, Host, SNI) in its ASCII form
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError("not a valid web address: bad host name") from None
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return _Target(scheme, host, port or (443 if scheme == "https" else 80), path)


def _pool(target: _Target, address: str, timeout: urllib3.Timeout) -> urllib3.HTTPConnectionPool:
    common = {"port": target.port, "timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "https":
        # Connect to the checked address; SNI and certificate checks use the real host name.
        return urllib3.HTTPSConnectionPool(
            address, server_hostname=target.host, assert_hostname=target.host, cert_reqs="CERT_REQUIRED", **common
        )
    return urllib3.HTTPConnectionPool(address, **common)


def validate_url(url: str) -> str:
    """Check a URL against the same rules without fetching it (e.g. a webhook target when saved).
    The check is repeated at every fetch, since what a name resolves to can change."""
    target = _parse(url)
    resolve(target.host, target.port)
    return url


def fetch(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    max_bytes: int | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    total_timeout: float | None = None,
    max_redirects: int = 5,
    accept_statuses: Iterable[int] = (),
) -> FetchResponse:
    """Fetch a URL under the SSRF rules. Raises FetchError for anything but a 2xx answer.

    `accept_statuses` lets callers take e.g. 304 Not Modified as an answer.
    """
    max_bytes = max_bytes or settings.FETCH_MAX_BYTES
    connect_timeout = connect_timeout or settings.FETCH_CONNECT_TIMEOUT
    read_timeout = read_timeout or settings.FETCH_READ_TIMEOUT
    total_timeout = total_timeout or settings.FETCH_TOTAL_TIMEOUT
    accepted = set(accept_statuses)
    deadline = time.monotonic() + total_timeout
    request_headers = {
        "User-Agent": user_agent(),
        "Accept-Encoding": "gzip, deflate",
        "Accept": "*/*",
        **(headers or {}),
    }
    redirects: list[str] = []
    current = url
    while True:
        target = _parse(current)
        addresses = resolve(target.host, target.port)
        response = _request(
            target,
            addresses[0],
            method=method,
            body=body,
            headers={**request_headers, "Host": target.host_header},
            timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
            read_timeout=read_timeout,
            deadline=deadline,
            total_timeout=total_timeout,
            max_bytes=max_bytes,
        )
        status, response_headers, raw = response
        if status in REDIRECT_STATUSES and "location" in response_headers:
            if len(redirects) >= max_redirects:
                raise FetchError("too many redirects")
            redirects.append(current)
            current = urljoin(current, response_headers["location"])
            if status == 303 or (status in (301, 302) and method not in ("GET", "HEAD")):
                method, body = "GET", None
            continue
        if not (200 <= status < 300) and status not in accepted:
            try:
                phrase = HTTPStatus(status).phrase
            except ValueError:
                phrase = "error"
            raise FetchError(f"HTTP {status} {phrase}", status=status)
        return FetchResponse(url=current, status=status, headers=response_headers, body=raw, redirects=redirects)


def _request(
    target: _Target,
    address: str,
    *,
    method: str,
    body: bytes | None,
    headers: dict[str, str],
    timeout: urllib3.Timeout,
    read_timeout: float,
    deadline: float,
    total_timeout: float,
    max_bytes: int,
) -> tuple[int, dict[str, str], bytes]:
    if time.monotonic() > deadline:
        raise FetchError(f"timed out after {_seconds(total_timeout)}")
    pool = _pool(target, address, timeout)
    try:
        response = pool.urlopen(
            method,
            target.path,
            body=body,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=True,
            assert_same_host=False,
        )
        try:
            response_headers = {name.lower(): value for name, value in response.headers.items()}
            if response.status in REDIRECT_STATUSES or method == "HEAD":
                return response.status, response_headers, b""
            declared = response_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: over {_megabytes(max_bytes)}")
            chunks, size = [], 0
            # Counted after decompression: a small gzip bomb is stopped at the limit. read1
            # returns what one receive brings, so a server dripping bytes meets the deadline.
            while True:
                chunk = response.read1(CHUNK, decode_content=True)
                if not chunk:  # end of the body
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: over {_megabytes(max_bytes)}")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {_seconds(total_timeout)}")
                chunks.append(chunk)
            return response.status, response_headers, b"".join(chunks)
        finally:
            response.release_conn()
            response.close()
    except FetchError:
        raise
    except ConnectTimeoutError:
        raise FetchError(f"timed out after {_seconds(timeout.connect_timeout)} connecting") from None
    except ReadTimeoutError:
        raise FetchError(f"timed out after {_seconds(read_timeout)}") from None
    except SSLError as exc:
        raise FetchError(f"secure connection failed: {_ssl_reason(exc)}") from None
    except NewConnectionError:
        raise FetchError("could not connect to the server") from None
    except DecodeError:
        raise FetchError("the server sent a corrupt compressed body") from None
    except ProtocolError as exc:
        if "timed out" in str(exc).lower():
            raise FetchError(f"timed out after {_seconds(read_timeout)}") from None
        raise FetchError("the connection was broken off") from None
    except HTTPError as exc:
        if "timed out" in str(exc).lower():
            raise FetchError(f"timed out after {_seconds(read_timeout)}") from None
        raise FetchError(f"could not fetch: {type(exc).__name__}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {_seconds(read_timeout)}") from None
    except OSError as exc:
        raise FetchError(f"could not connect: {exc.strerror or exc}") from None
    finally:
        pool.close()


def _ssl_reason(exc: Exception) -> str:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
        return "the certificate is not valid for this site"
    return "TLS error"


# --- politeness -------------------------------------------------------------------------------

_host_lock = threading.Lock()
_host_next: dict[str, float] = {}


def host_wait(url: str, *, interval: float) -> float:
    """Sleep until this host may be asked again (at most one request per `interval` seconds).

    Per process: feed polls run one after another in a worker, which is what it must pace.
    Returns the seconds slept.
    """
    if interval <= 0:
        return 0.0
    host = (urlsplit(url).hostname or "").lower()
    with _host_lock:
        now = time.monotonic()
        start = max(now, _host_next.get(host, 0.0))
        _host_next[host] = start + interval
    delay = start - now
    if delay > 0:
        time.sleep(delay)
    return delay
