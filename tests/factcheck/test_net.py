"""The SSRF-safe fetcher: internal addresses are never reached, directly or through a redirect."""

import shutil
import socket
import ssl
import subprocess

import pytest

from factcheck.net import FetchError, address_is_allowed, fetch
from tests.webserver import Page, WebServer

# Every spelling of "this machine" and of other non-public networks that attackers try first.
LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "0177.0.0.1",
    "2130706433",
    "0x7f.1",
    "127.1",
    "0",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "localhost",
]
NON_PUBLIC = ["100.64.0.1", "169.254.169.254", "[fd00::1]", "10.0.0.1", "192.168.1.1", "[fe80::1]"]


def _blocked_urls(port: int) -> list[str]:
    return [f"http://{host}:{port}/" for host in LOOPBACK_SPELLINGS] + [
        f"https://{host}:{port}/" for host in ("127.0.0.1", "localhost")
    ]


def test_every_loopback_spelling_is_refused_and_the_canary_hears_nothing(canary):
    for url in _blocked_urls(canary.port):
        with pytest.raises(FetchError) as refused:
            fetch(url)
        assert str(refused.value).startswith("blocked: address is private ("), url
    assert canary.requests == []


@pytest.mark.parametrize("host", NON_PUBLIC)
def test_non_public_networks_are_refused_before_connecting(host):
    with pytest.raises(FetchError, match=r"^blocked: address is (private|not public) \("):
        fetch(f"http://{host}/latest/meta-data/", connect_timeout=0.2)


def test_the_messages_name_the_address():
    with pytest.raises(FetchError) as refused:
        fetch("http://127.0.0.1:9/")
    assert str(refused.value) == "blocked: address is private (127.0.0.1)"
    with pytest.raises(FetchError) as refused:
        fetch("http://100.64.0.1/")
    assert str(refused.value) == "blocked: address is not public (100.64.0.1)"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1:70/_GET", "ftp://example.org/x"])
def test_only_http_and_https(url, canary):
    with pytest.raises(FetchError, match=r"^blocked: only http and https$"):
        fetch(url)
    with pytest.raises(FetchError, match=r"^blocked: only http and https$"):
        fetch(url.replace("70", str(canary.port)))
    assert canary.requests == []


def test_redirects_to_internal_addresses_are_refused(site, canary):
    targets = [
        *_blocked_urls(canary.port),
        *(f"http://{host}:{canary.port}/" for host in NON_PUBLIC),
        "file:///etc/passwd",
        f"gopher://127.0.0.1:{canary.port}/",
    ]
    for number, target in enumerate(targets):
        site.pages[f"/go{number}"] = Page(status=302, headers={"Location": target})
        with pytest.raises(FetchError, match=r"^blocked: "):
            fetch(site.url(f"/go{number}"), connect_timeout=0.2)
    assert len(site.requests) == len(targets)
    assert canary.requests == []


def test_ipv4_mapped_and_tunnelled_addresses_are_judged_by_the_ipv4_inside():
    assert not address_is_allowed("::ffff:127.0.0.1")
    assert not address_is_allowed("::ffff:10.0.0.1")
    assert not address_is_allowed("2002:7f00:1::")  # 6to4 of 127.0.0.1
    assert not address_is_allowed("64:ff9b::7f00:1")  # NAT64 of 127.0.0.1
    assert address_is_allowed("64:ff9b::5db8:d822")  # NAT64 of a public address
    assert not address_is_allowed("100.64.0.1")
    assert address_is_allowed("93.184.216.34")
    assert address_is_allowed("2606:2800:220:1:248:1893:25c8:1946")


def test_a_host_with_any_internal_address_is_refused(monkeypatch, canary):
    """A name that resolves to one public and one internal address is refused outright."""

    def resolver(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(FetchError, match=r"^blocked: address is private \(127\.0\.0\.1\)$"):
        fetch(f"http://rebind.example:{canary.port}/")
    assert canary.requests == []


def test_the_checked_address_is_used_with_the_real_host_name(monkeypatch, site, settings):
    """One lookup per request, a connection to that address, and the site's own Host header."""
    lookups = []
    real_getaddrinfo = socket.getaddrinfo

    def resolver(host, port, *args, **kwargs):
        lookups.append(host)
        return real_getaddrinfo("127.0.0.1" if host == "news.example" else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"news.example:{site.port}"]
    settings.ORGANIZATION_URL = "https://desk.example.org/"
    site.pages["/story"] = Page("<p>hello</p>")

    response = fetch(f"http://news.example:{site.port}/story")

    assert response.body == response.content == b"<p>hello</p>" and response.status == 200
    # The connection "resolves" the IP literal it was given, which needs no DNS.
    assert lookups == ["news.example", "127.0.0.1"]
    seen = site.requests[0]
    assert seen.headers["Host"] == f"news.example:{site.port}"
    assert seen.headers["User-Agent"] == "FactcheckWorkbench/0.1 (+https://desk.example.org/)"


def test_international_names_and_paths_are_sent_in_ascii(monkeypatch, site, settings):
    real_getaddrinfo = socket.getaddrinfo
    asked = []

    def resolver(host, *args, **kwargs):
        asked.append(host)
        return real_getaddrinfo("127.0.0.1" if host == "xn--bcher-kva.example" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"xn--bcher-kva.example:{site.port}"]
    site.pages["/stra%C3%9Fe"] = Page("found")

    assert fetch(f"http://bücher.example:{site.port}/straße").body == b"found"

    assert asked[0] == "xn--bcher-kva.example"
    seen = site.requests[0]
    assert seen.headers["Host"] == f"xn--bcher-kva.example:{site.port}" and seen.path == "/stra%C3%9Fe"


def test_redirects_are_followed_up_to_five(site):
    for number in range(7):
        site.pages[f"/r{number}"] = Page(status=301, headers={"Location": f"/r{number + 1}"})
    site.pages["/r7"] = Page("arrived")
    with pytest.raises(FetchError, match=r"^too many redirects$"):
        fetch(site.url("/r0"))
    response = fetch(site.url("/r2"))
    assert response.body == b"arrived" and response.url == site.url("/r7") and len(response.redirects) == 5


def test_http_errors_are_reported_in_plain_words(site):
    with pytest.raises(FetchError, match=r"^HTTP 404 Not Found$") as error:
        fetch(site.url("/missing"))
    assert error.value.status == 404
    site.pages["/down"] = Page("oops", status=503)
    with pytest.raises(FetchError, match=r"^HTTP 503 Service Unavailable$"):
        fetch(site.url("/down"))


def test_unknown_hosts_and_refused_connections():
    with pytest.raises(FetchError, match=r"^could not resolve host$"):
        fetch("http://no-such-host.invalid/")


def test_a_slow_server_times_out(site):
    site.pages["/slow"] = Page("late", delay=1.5)
    with pytest.raises(FetchError, match=r"^timed out after 0\.3 s$"):
        fetch(site.url("/slow"), read_timeout=0.3)


def test_a_server_dripping_bytes_meets_the_total_deadline(site):
    site.pages["/drip"] = Page(b"x" * 200, drip=0.05)  # each byte well within the read timeout
    with pytest.raises(FetchError, match=r"^timed out after 0\.5 s$"):
        fetch(site.url("/drip"), read_timeout=1, total_timeout=0.5)


def test_size_is_capped_after_decompression(site):
    site.pages["/bomb"] = Page(b"0" * 3_000_000, gzip=True)  # about 3 kB on the wire
    with pytest.raises(FetchError, match=r"^too large: over 1 MB$"):
        fetch(site.url("/bomb"), max_bytes=1_000_000)
    assert len(fetch(site.url("/bomb"), max_bytes=5_000_000).body) == 3_000_000
    site.pages["/big"] = Page(b"x" * 6_000_000)
    with pytest.raises(FetchError, match=r"^too large: over 5 MB$"):
        fetch(site.url("/big"))


def test_post_with_body_and_headers_for_webhooks(site):
    site.pages["/hook"] = lambda seen: Page(seen.body.upper(), headers={"Content-Type": "text/plain"})
    response = fetch(site.url("/hook"), method="POST", body=b'{"a": 1}', headers={"Content-Type": "application/json"})
    assert response.body == b'{"A": 1}'
    seen = site.requests[0]
    assert (seen.method, seen.headers["Content-Type"], seen.body) == ("POST", "application/json", b'{"a": 1}')


def test_not_modified_can_be_accepted(site):
    site.pages["/feed"] = Page(status=304, headers={"ETag": '"v1"'})
    with pytest.raises(FetchError, match=r"^HTTP 304 Not Modified$"):
        fetch(site.url("/feed"))
    assert fetch(site.url("/feed"), accept_statuses=[304]).status == 304


@pytest.fixture
def tls_site(tmp_path, settings, monkeypatch):
    """An HTTPS server on 127.0.0.1 with a certificate for news.example, which resolves to it.

    It records the TLS SNI name each client sends.
    """
    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example",
         "-addext", "subjectAltName=DNS:news.example", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    server = WebServer()
    sni_names = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: sni_names.append(name)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *args, **kwargs: real_getaddrinfo(
            "127.0.0.1" if host == "news.example" else host, *args, **kwargs
        ),
    )
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [f"news.example:{server.port}"]
    server.sni_names = sni_names
    server.cert = cert
    yield server
    server.stop()


def test_https_sends_the_real_name_as_sni_and_verifies_the_certificate(tls_site, monkeypatch):
    tls_site.pages["/story"] = Page("<p>secure</p>")
    url = f"https://news.example:{tls_site.port}/story"

    with pytest.raises(FetchError, match=r"^secure connection failed: the certificate is not valid for this site$"):
        fetch(url)  # self-signed: not trusted by the system store
    assert tls_site.sni_names == ["news.example"]

    monkeypatch.setenv("SSL_CERT_FILE", str(tls_site.cert))  # now trusted, as a real site's would be
    response = fetch(url)
    assert response.body == b"<p>secure</p>"
    assert tls_site.requests[-1].headers["Host"] == f"news.example:{tls_site.port}"
