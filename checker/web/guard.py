"""Which requests `opvangtoets serve` answers at all: the Host check and the cross-site check.

Host: a web site can point a name it owns at 127.0.0.1 (DNS rebinding) and then read
this server's pages as its own. The browser still sends that name as Host, so only
loopback names and addresses, and the address the server was started on, are answered.

Cross-site forms: a page on another site can make the browser post a form here. Browsers
say where a post comes from (Sec-Fetch-Site since 2020-2023, Origin on every POST since
2019-2020), so a stateless check of those headers suffices. A per-page token was the
alternative; it would have to be added to every form, a page left open past its expiry
would stop working, and it guards nothing the headers do not. A request that sends none
of the three headers is not from a browser page (curl, scripts) and is let through: it
could not ride on someone's browser.
"""

from __future__ import annotations

import ipaddress

#: Sec-Fetch-Site values that mean "this server's own page" (none: typed or bookmarked).
OWN = {"same-origin", "none"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def host_name(host: str) -> str:
    """The name or address in a Host header, without port, brackets or final dot."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def host_allowed(host: str | None, bound: str) -> bool:
    """Loopback names and addresses, the address the server listens on, and any address
    (never a name) when it listens on all of them: an address cannot be rebound."""
    if not host:
        return False
    name = host_name(host)
    address = _ip(name)
    if name == "localhost" or (address is not None and address.is_loopback):
        return True
    bound = host_name(bound)
    if name == bound:
        return True
    bound_address = _ip(bound)
    return address is not None and bound_address is not None and bound_address.is_unspecified


def foreign_origin(method: str, headers: dict[str, str], host: str) -> str | None:
    """For a form post from another site, where it came from (shown to the user); else None.

    `headers` are the request's, names in WSGI form (HTTP_ORIGIN); `host` its Host header,
    already checked by host_allowed."""
    if method.upper() in SAFE_METHODS:
        return None
    own = f"http://{host.strip().lower()}"
    site = headers.get("HTTP_SEC_FETCH_SITE")
    origin = headers.get("HTTP_ORIGIN")
    referer = headers.get("HTTP_REFERER")
    if site is not None and site.lower() not in OWN:
        return origin or referer or site
    if origin is not None:
        return None if origin.lower() == own else origin
    if referer is not None and not (referer.lower() + "/").startswith(own + "/"):
        return referer
    return None
