"""Collections read whole: ONTAP pages a collection GET (``max_records``, or its own limits) and says where the
next page is in ``_links.next.href``; :func:`get_all` follows those links and answers as if one page held every
record, so no reader of a collection sees only its first page.

An answer that is not such a collection (no ``records`` list, or no next link) is returned as it came, so any
GET may go through here. Following is bounded: a next link seen before (a loop), more than ``max_pages`` pages
or a next link to another host (the credentials go to this appliance only) ends the read with
:class:`PagingError` rather than an endless, leaking or silently partial read.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import urlsplit

from keyform.client import waiting
from keyform.client.errors import ClientError, safe_url

if TYPE_CHECKING:  # `requests` loads with the session only
    from keyform.client.session import Response, RestClient

MAX_PAGES = 1000


class PagingError(ClientError):
    """A collection whose pages cannot be read to the end: a next link that repeats, too many pages, a page
    that is not a collection."""


def next_href(body: Any) -> Optional[str]:
    """``_links.next.href`` of a collection page, or None."""
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        return None
    links = body.get("_links")
    following = links.get("next") if isinstance(links, dict) else None
    href = following.get("href") if isinstance(following, dict) else None
    return href if isinstance(href, str) and href else None


def get_all(client: RestClient, path: str, allow_not_found: bool = False, max_pages: int = MAX_PAGES) -> Response:
    """``GET path``, every page of it: the first page's answer with ``records`` holding the records of all pages,
    ``num_records`` their number and no ``_links.next``. ``allow_not_found`` as for :meth:`RestClient.request`."""
    first = client.request("GET", path, allow_not_found=allow_not_found, idempotent=True)
    href = next_href(first.body)
    if first.status == 404 or href is None:
        return first
    records = list(first.body["records"])
    seen = {first.url}
    pages = 1
    while href is not None:
        url = client.url_for(href)
        if urlsplit(url)[:2] != urlsplit(first.url)[:2]:
            raise PagingError(f"GET {safe_url(first.url)}: the next page is elsewhere ({safe_url(url)}); not "
                              "followed (the credentials are for this appliance only)")
        if url in seen:
            raise PagingError(f"GET {safe_url(first.url)}: page {pages + 1} links to {safe_url(url)}, a page read "
                              "already: the appliance's next links go round in a loop, so the collection cannot be "
                              "read to its end")
        if pages >= max_pages:
            raise PagingError(f"GET {safe_url(first.url)}: more than {max_pages} pages; stopped reading (a "
                              "collection that large, or next links that never end)")
        seen.add(url)
        page = client.request("GET", url, idempotent=True)
        pages += 1
        if not isinstance(page.body, dict) or not isinstance(page.body.get("records"), list):
            raise PagingError(f"GET {safe_url(url)}: page {pages} of {safe_url(first.url)} holds no records list")
        records.extend(page.body["records"])
        href = next_href(page.body)
    body = dict(first.body, records=records, num_records=len(records))
    links = body.get("_links")
    if isinstance(links, dict):
        body["_links"] = {k: v for k, v in links.items() if k != "next"}
    return dataclasses.replace(first, body=body)


def get_records(client: RestClient, path: str, max_pages: int = MAX_PAGES) -> list[Any]:
    """Every record of the collection at ``path`` (``[]`` when the answer has none)."""
    body = get_all(client, path, max_pages=max_pages).body
    found = body.get("records") if isinstance(body, dict) else None
    return list(found) if isinstance(found, list) else []


def read(client: RestClient, method: str, path: str, body: Any = None, allow_not_found: bool = False) -> Response:
    """A read as the provider makes them: a GET without a body the quick way (:mod:`.plain_get`) when it
    answers so, else through :func:`get_all` (every page); any other (an RPC-style POST read) sent once as it is."""
    if method.upper() == "GET" and body is None:
        waiting.check()  # before anything is sent, as RestClient.request checks
        quick = client.plain_gets.read(path, allow_not_found)
        return quick if quick is not None else get_all(client, path, allow_not_found=allow_not_found)
    return client.request(method, path, body, allow_not_found=allow_not_found, idempotent=True)
