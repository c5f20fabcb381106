"""Refresh reads of many objects of one collection answered from one collection read (per provider process).

A plan refreshes every ``rest_object`` with its own GET ``{path}/{id}``. When several live in one
collection (ONTAP's key servers of a key manager, up to four each), one ``GET {path}?fields=*`` answers
them all: ONTAP's ``fields=*`` gives each record the fields a GET of the object gives. Not every API's
collections do, so this is the provider's ``collection_query`` setting (the ONTAP provider construct sets
``fields=*``); unset, every object is read on its own. Only reads that
are exactly that GET are answered so (method GET, no body, ``read_path`` and ``read_selector`` unset, a
``path`` without a query); every other read, an object the collection does not list, and any failure of
the collection read fall back to the object's own GET, so "gone" is still decided by a 404 of the object
itself.

The collection's GET goes the quick way when nothing but the plain case applies (:mod:`keyform.client.plain_get`),
else through the client as any call.

A collection read is kept at most :data:`MAX_AGE_S` seconds (one plan's refresh window) and forgotten on
any write this process makes (:meth:`CollectionReads.forget`), so a refresh never sees an answer older than
the refresh, nor one from before a change of ours. Reads after a write (create/update read-back, the checks
after a lost answer) never come here.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Optional

from keyform.client import ClientError, jsonpath, paging, waiting
from keyform.client.templates import render_value
from keyform.provider.call_spec import Secrets
from keyform.provider.object_spec import ObjectSpec

if TYPE_CHECKING:
    from keyform.client.session import RestClient

MAX_AGE_S = 10.0
DEFAULT_READ_PATH = "{path}/{id}"
Read = Callable[["RestClient", ObjectSpec, str, Optional[Secrets]], Any]


class _Collection:
    def __init__(self) -> None:
        self.lock = threading.Lock()  # the first reader fetches; the others wait for its answer
        self.records: Optional[dict[str, Any]] = None  # id -> record; None: not fetched, or not usable
        self.fetched_at = 0.0
        self.usable = True


class CollectionReads:
    """The collection reads of one provider process, by collection URL."""

    def __init__(self, max_age_s: float = MAX_AGE_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age_s, self._clock = max_age_s, clock
        self._lock = threading.Lock()
        self._collections: dict[str, _Collection] = {}
        self.query: Optional[str] = None
        """The provider's ``collection_query``: None reads every object on its own."""
        self.collection_gets = 0  # how many collection reads were sent (for tests and the benchmark)

    def forget(self) -> None:
        """A write happened: no collection read from before it answers again."""
        with self._lock:
            self._collections.clear()

    def read(self, client: RestClient, spec: ObjectSpec, object_id: str, secrets: Optional[Secrets],
             fallback: Read) -> Any:
        """The object as :func:`fallback` (its own GET) would answer, from its collection's read when that lists it."""
        url = collection_url(spec, self.query) if self.query else None
        if url is None:
            return fallback(client, spec, object_id, secrets)
        with self._lock:
            collection = self._collections.setdefault(url, _Collection())
        if not collection.lock.acquire(blocking=not waiting.forbidden()):
            raise waiting.WouldWait  # another thread is reading the collection
        try:
            if collection.usable and (collection.records is None
                                      or self._clock() - collection.fetched_at > self.max_age_s):
                collection.records = self._fetch(client, spec, url)
                collection.fetched_at = self._clock()
                collection.usable = collection.records is not None
            records = collection.records if collection.usable else None
        finally:
            collection.lock.release()
        if records is not None and object_id in records:
            return records[object_id]
        return fallback(client, spec, object_id, secrets)

    def _fetch(self, client: RestClient, spec: ObjectSpec, url: str) -> Optional[dict[str, Any]]:
        waiting.check()
        self.collection_gets += 1
        try:
            body = client.plain_gets.get(url)
            if body is None:  # not the plain case, or not answered so: the usual call
                body = paging.get_all(client, url).body
        except ClientError:
            return None  # the objects' own reads decide, and report their errors
        records = body.get("records") if isinstance(body, dict) else None
        if not isinstance(records, list):
            return None
        by_id: dict[str, Any] = {}
        for record in records:
            record_id = record_id_of(spec, record)
            if record_id is not None:
                by_id[record_id] = record
        return by_id


def collection_url(spec: ObjectSpec, query: str) -> Optional[str]:
    """``{path}?<query>`` when the object's read is the plain ``GET {path}/{id}``, else None."""
    if (spec.read.method != "GET" or spec.read.body is not None or spec.read.path != DEFAULT_READ_PATH
            or spec.read_selector or "?" in spec.path or "{" in spec.path):
        return None
    return f"{spec.path}?{query}"


def record_id_of(spec: ObjectSpec, record: Any) -> Optional[str]:
    """The id a collection record has, as the object's id was made: ``id_template`` rendered with the record as
    ``data``, else ``id_attribute``, else its id/uuid; None when it has none."""
    if not isinstance(record, dict):
        return None
    try:
        if spec.id_template:
            return str(render_value(spec.id_template, {"path": spec.path, "data": record, "response": record}))
        if spec.id_attribute:
            value = jsonpath.lookup(record, spec.id_attribute, None)
            return None if value in (None, "") else str(value)
        return spec._id_field(record)
    except Exception:  # noqa: BLE001 - a record without the id's fields is not one of ours
        return None
