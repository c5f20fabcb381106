"""A write-only JSON value (``write_only_data``), parsed once, and everything done with it.

The value comes from the configuration only (Terraform never stores it): it is merged into the
request bodies, kept as a salted digest (so a changed secret still plans a change; ``rest_object``
keeps it in private state, ``rest_operation`` as a sensitive attribute),
named in predicates (``{"supplied": "token"}``) and masked in every message, since an API may echo
a value it was sent (``password 'x' is too weak``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol

from tf.types import Unknown

from keyform.provider import jsondata

ATTRIBUTE = "write_only_data"


class Redacting(Protocol):
    """What :meth:`WriteOnly.redactor` needs of the provider."""

    def redact(self, text: str) -> str: ...


@dataclass(frozen=True)
class WriteOnly:
    value: Optional[dict[str, Any]] = None
    unknown: bool = False

    @classmethod
    def from_config(cls, config: Optional[dict[str, Any]]) -> WriteOnly:
        """Parse ``write_only_data`` of a configuration; raises JsonAttributeError naming the attribute."""
        text = (config or {}).get(ATTRIBUTE)
        if text is Unknown:
            return cls(unknown=True)
        return cls(jsondata.parse_object(text, ATTRIBUTE))

    @property
    def given(self) -> bool:
        return self.unknown or self.value is not None

    def merged_into(self, body: Any) -> Any:
        """``body`` with the write-only keys merged in (objects recursively)."""
        return jsondata.deep_merge(body if body is not None else {}, self.value) if self.value else body

    def supplied(self, key: str) -> bool:
        """Whether the value has a non-empty ``key`` (a path like ``a/b``)."""
        from keyform.client import jsonpath

        found = jsonpath.lookup(self.value or {}, key, None)
        return found not in (None, "", [], {})

    def key_names(self) -> set[str]:
        return jsondata.key_names(self.value or {})

    def plan_digest(self, prior_digest: Any) -> Any:
        """The digest the plan shows: the prior one while the value is unchanged, else unknown until apply
        (a fresh random salt at plan time would differ from the one at apply)."""
        if self.unknown:
            return Unknown
        if self.value is None:
            return None
        return prior_digest if jsondata.digest_matches(self.value, prior_digest) else Unknown

    def applied_digest(self, planned_digest: Any) -> Any:
        """The digest stored at apply: the planned one if known, else one made from the applied value."""
        if planned_digest is not Unknown:
            return planned_digest
        return None if self.value is None else jsondata.secret_digest(self.value)

    def redactor(self, provider: Redacting) -> Callable[[str], str]:
        """Masks the provider's secrets and every scalar of this value."""
        from keyform.client.errors import redact

        scalars = _scalars(self.value)
        return lambda text: provider.redact(redact(text, scalars))


def _scalars(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _scalars(item)]
    if isinstance(value, list):
        return [s for item in value for s in _scalars(item)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value)]
