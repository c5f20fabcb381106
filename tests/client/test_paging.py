"""keyform.client.paging: every page of a collection, one answer; loops and endless links end in a clear error."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

from keyform.client.paging import PagingError, get_all, get_records, read
from keyform.client.session import Response

BASE = "https://cluster.example/api"


@dataclass
class FakeClient:
    """Answers GETs from ``pages`` ({path: body}); records what was asked."""

    pages: dict
    asked: list = field(default_factory=list)
    plain_gets = SimpleNamespace(read=lambda path, allow_not_found=False: None)  # the quick way declines them all

    def url_for(self, path: str) -> str:
        if path.startswith("https://"):
            return path
        return BASE + (path[len("/api"):] if path.startswith("/api/") else path)

    def request(self, method: str, path: str, body: Any = None, allow_not_found: bool = False,
                idempotent: bool = True) -> Response:
        url = self.url_for(path)
        self.asked.append((method, url))
        if url not in self.pages:
            return Response(404, {"error": {"code": "4"}}, {}, url)
        return Response(200, self.pages[url], {}, url)


def page(records: list, next_href: str | None = None, self_href: str = "/api/x") -> dict:
    links: dict = {"self": {"href": self_href}}
    if next_href:
        links["next"] = {"href": next_href}
    return {"records": records, "num_records": len(records), "_links": links}


def test_pages_are_followed_into_one_answer():
    client = FakeClient({f"{BASE}/x": page([1], "/api/x?start.key=a"),
                         f"{BASE}/x?start.key=a": page([2], "/api/x?start.key=b"),
                         f"{BASE}/x?start.key=b": page([3])})
    answer = get_all(client, "/x")  # type: ignore[arg-type]
    assert answer.body == {"records": [1, 2, 3], "num_records": 3, "_links": {"self": {"href": "/api/x"}}}
    assert len(client.asked) == 3
    assert get_records(client, "/x") == [1, 2, 3]  # type: ignore[arg-type]


def test_an_answer_that_is_not_a_paged_collection_comes_as_it_is():
    client = FakeClient({f"{BASE}/one": {"uuid": "u", "_links": {"next": {"href": "/api/two"}}},
                         f"{BASE}/all": page([1, 2])})
    assert get_all(client, "/one").body == {"uuid": "u", "_links": {"next": {"href": "/api/two"}}}  # type: ignore[arg-type]
    assert get_all(client, "/all").body == page([1, 2])  # type: ignore[arg-type]
    assert get_all(client, "/gone", allow_not_found=True).status == 404  # type: ignore[arg-type]
    assert client.asked == [("GET", f"{BASE}/one"), ("GET", f"{BASE}/all"), ("GET", f"{BASE}/gone")]


def test_a_next_link_that_repeats_is_an_error():
    client = FakeClient({f"{BASE}/x": page([1], "/api/x?p=2"), f"{BASE}/x?p=2": page([2], "/api/x")})
    with pytest.raises(PagingError, match="loop"):
        get_all(client, "/x")  # type: ignore[arg-type]
    assert len(client.asked) == 2


def test_more_pages_than_the_bound_is_an_error():
    pages = {f"{BASE}/x" + (f"?p={n}" if n else ""): page([n], f"/api/x?p={n + 1}") for n in range(20)}
    client = FakeClient(pages)
    with pytest.raises(PagingError, match="more than 5 pages"):
        get_all(client, "/x", max_pages=5)  # type: ignore[arg-type]
    assert len(client.asked) == 5


def test_a_page_without_records_is_an_error():
    client = FakeClient({f"{BASE}/x": page([1], "/api/y"), f"{BASE}/y": {"error": "odd"}})
    with pytest.raises(PagingError, match="holds no records"):
        get_all(client, "/x")  # type: ignore[arg-type]


def test_read_pages_gets_only():
    client = FakeClient({f"{BASE}/x": page([1], "/api/x?p=2"), f"{BASE}/x?p=2": page([2])})
    assert read(client, "GET", "/x").body["records"] == [1, 2]  # type: ignore[arg-type]
    client.asked.clear()
    assert read(client, "POST", "/x", {"q": 1}).body["records"] == [1]  # type: ignore[arg-type]
    assert client.asked == [("POST", f"{BASE}/x")]


def test_a_next_page_on_another_host_is_not_followed():
    client = FakeClient({f"{BASE}/x": page([1], "https://elsewhere.example/api/x?p=2")})
    with pytest.raises(PagingError, match="elsewhere"):
        get_all(client, "/x")  # type: ignore[arg-type]
    assert len(client.asked) == 1
