"""The address of the client behind the configured number of trusted proxies (TRUSTED_PROXY_COUNT),
for login throttling (django-axes calls `client_address` through AXES_CLIENT_IP_CALLABLE).

Each trusted proxy appends the address it received the request from to `X-Forwarded-For` (nginx's
`$proxy_add_x_forwarded_for`), and the last one is REMOTE_ADDR. So behind N proxies the header
ends with "client, proxy 1, ..., proxy N-1": the client is the N-th entry from the right, and
whatever stands to its left was written by the client and is ignored. django-ipware reads the
header that way when told how many proxies it lists (N - 1) and not to insist that the header
holds exactly that many entries (a forged prefix would otherwise make it give up and return no
address at all, which would put every forger in one shared bucket).
"""

from django.conf import settings
from ipware import get_client_ip


def client_address(request):
    """The client's IP address as a string (IPv4 or IPv6), or None when the request has none.

    With TRUSTED_PROXY_COUNT = 0 the header is not read at all. When a proxy is configured but
    the header is missing or malformed (a request that reached the app without passing the
    proxies), REMOTE_ADDR is the only address known, and it is used.
    """
    remote_addr = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or remote_addr
