"""PyKMIP without its deprecation warnings (it predates SQLAlchemy 2 and cryptography's move of TripleDES to
``decrepit``): every module here imports PyKMIP, and makes its engine, through this one."""

from __future__ import annotations

import copy
import warnings
from typing import Any

from cryptography.utils import CryptographyDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from kmip.core import enums, exceptions, policy
    from kmip.core.messages import contents, messages, payloads
    from kmip.core.utils import BytearrayStream
    from kmip.services import auth
    from kmip.services.server import engine, session
    from kmip.services.server.policy import AttributePolicy

__all__ = ["AttributePolicy", "BytearrayStream", "auth", "contents", "enums", "exceptions", "messages", "new_engine",
           "payloads", "session"]


class _Engine(engine.KmipEngine):  # type: ignore[misc]  # PyKMIP has no type hints
    """PyKMIP's engine, but for one thing: it builds the attribute policy of a KMIP version once, not at every
    request. PyKMIP builds an ``AttributePolicy`` (a read-only table of ~100 attribute rules) each time a request
    names its version: ~0.4 ms of CPU per request (measured), once per key server ONTAP checks. What each request
    is checked against is unchanged (PyKMIP 0.11.0, pinned)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._attribute_policies: dict[tuple[int, int], AttributePolicy] = {}

    def _set_protocol_version(self, protocol_version: Any) -> None:
        if protocol_version not in self._protocol_versions:
            super()._set_protocol_version(protocol_version)  # PyKMIP's refusal of a version it does not serve
            return
        key = (protocol_version.major, protocol_version.minor)
        if key not in self._attribute_policies:
            self._attribute_policies[key] = AttributePolicy(protocol_version)
        self._protocol_version, self._attribute_policy = protocol_version, self._attribute_policies[key]


def new_engine(database_path: str) -> engine.KmipEngine:
    """PyKMIP's KMIP engine (its operations, policies and SQLite store at ``database_path``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return _Engine(policies=copy.deepcopy(policy.policies), database_path=database_path)
