"""Which public media of a running site answer: every `/media/` image linked from the home page,
the list (pages 1-3), the experts' and centers' indexes and each expert's and center's page.

    python bench/media_check.py http://127.0.0.1:8000

Run it against `gunicorn thinktank.wsgi` with DJANGO_DEBUG=0 and the demo loaded; it prints the
number of distinct images, the count of each status and one Cache-Control seen.
"""

import re
import sys
import urllib.error
import urllib.request

PAGES = ["/", "/publications/", "/publications/?page=2", "/publications/?page=3"]
PAGES += ["/experts/", "/centers/"]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


def main(base):
    html = "".join(fetch(base + page)[1].decode() for page in PAGES)
    for path in set(re.findall(r'href="(/(?:experts|centers)/[a-z0-9-]+/)"', html)):
        html += fetch(base + path)[1].decode()
    images = sorted(set(re.findall(r'src="(/media/[^"]+)"', html)))
    statuses, cache_control = {}, None
    for image in images:
        status, _body, headers = fetch(base + image)
        statuses[status] = statuses.get(status, 0) + 1
        cache_control = headers.get("Cache-Control") or cache_control
    print(f"{len(images)} distinct /media/ images; statuses {statuses}")
    print(f"Cache-Control: {cache_control}")


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
