"""Data source ``rest_object``: GET (or POST) a path and pick values, optionally one item of a list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Mapping

from tf import types as t
from tf.schema import Schema
from tf.utils import Diagnostics

from keyform.client import jsonpath, paging
from keyform.provider import jsondata
from keyform.provider.common import DEFAULT_OMIT_KEYS, HYPERMEDIA_KEYS, as_text, attr, report, sanitized_json, string

if TYPE_CHECKING:
    from keyform.provider.provider import RestProvider


class ObjectDataSource:
    write_only_attributes: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, provider: RestProvider) -> None:
        self.provider = provider

    @classmethod
    def get_name(cls) -> str:
        return "object"

    @classmethod
    def get_schema(cls) -> Schema:
        return Schema(
            version=0,
            description="Reads a path and picks values; `items_path` + `match` select one item of a list "
            "(an ONTAP key manager by `svm/name`, a VSP KMIP server by `name`).",
            attributes=[
                string("path", "Path to read, relative to base_url; may carry a query string.", required=True),
                string("method", "`GET` (default) or `POST` for RPC-style reads.", optional=True),
                string("body", "JSON body for a POST read.", optional=True),
                string("items_path", "Path of a list in the response to select from (e.g. `records`).",
                       optional=True),
                attr("match", t.Map(t.String()), "Field path → value an item must have (all must match).",
                     optional=True),
                attr("pick", t.Map(t.String()), "Name → path of values to expose in `values`.", optional=True),
                attr("allow_missing", t.Bool(), "When the path answers 404 or no item matches: `values` is empty and "
                     "`result` null instead of an error (e.g. to import an object only where it exists: "
                     "`for_each = data.rest_object.x.values` on an `import` block).", optional=True),
                string("id", "The read path.", computed=True),
                string("result", "The selected object (or the whole response), as JSON, without secrets and without "
                       "hypermedia links (`_links`).", computed=True),
                attr("values", t.Map(t.String()), "The picked values, as text.", computed=True),
            ],
        )

    def validate_config(self, diags: Diagnostics, config: dict[str, Any]) -> None:
        try:
            jsondata.parse_object(config.get("body"), "body")
        except jsondata.JsonAttributeError as exc:
            diags.add_error("Invalid body", str(exc), path=["body"])
        if config.get("match") and not config.get("items_path"):
            diags.add_error("match needs items_path", "Name the list to select from, e.g. items_path = \"records\".",
                            path=["match"])

    def read(self, diags: Diagnostics, config: dict[str, Any]) -> dict[str, Any]:
        state = dict(config)
        client = self.provider.require_client(diags)
        if client is None:
            return state
        try:
            body = jsondata.parse_object(config.get("body"), "body")
            # a read, whatever its method: retried like one; a collection GET read to its last page
            response = paging.read(client, (config.get("method") or "GET").upper(), config["path"], body,
                                   allow_not_found=bool(config.get("allow_missing")))
            if response.status == 404:
                raise LookupError(f"{config['path']} answered 404")
            found = response.body
            if config.get("items_path"):
                found = self._select(jsonpath.lookup(found, config["items_path"]), config)
            picked = {name: as_text(jsonpath.lookup(found, path)) for name, path in (config.get("pick") or {}).items()}
        except LookupError as exc:
            if config.get("allow_missing"):
                state.update(id=config["path"], result=None, values={})
                return state
            diags.add_error("Nothing to read", self.provider.redact(str(exc)))
            return state
        except Exception as exc:  # noqa: BLE001
            report(diags, exc, f"Could not read {config.get('path')}", self.provider.redact)
            return state
        # Values are encoded here (defect 1: tf 1.2.0 does not encode data source values).
        state.update(id=config["path"], result=sanitized_json(found, set(DEFAULT_OMIT_KEYS) | HYPERMEDIA_KEYS,
                                                                mask=self.provider.redact),
                     values=picked)
        return state

    @staticmethod
    def _select(items: Any, config: Mapping[str, Any]) -> Any:
        if not isinstance(items, list):
            raise LookupError(f"'{config['items_path']}' is not a list in the response")
        wanted = config.get("match") or {}
        for item in items:
            if all(as_text(jsonpath.lookup(item, path, None)) == value for path, value in wanted.items()):
                return item
        condition = " and ".join(f"{k} = {v}" for k, v in wanted.items()) or "(no match given)"
        raise LookupError(f"no item of '{config['items_path']}' has {condition} ({len(items)} items looked at)")

